import KernsatzICU

/// The encoding a text was read in, and how it was found.
public enum TextEncoding: Sendable, Equatable, CustomStringConvertible {
    case utf8(bom: Bool)
    case utf16LittleEndian(bom: Bool)
    case utf16BigEndian(bom: Bool)
    /// A legacy charset, by ICU's name; `detected` when ICU's charset detector chose it.
    case legacy(name: String, detected: Bool)

    public var description: String {
        switch self {
        case .utf8(let bom): return bom ? "UTF-8 (BOM)" : "UTF-8"
        case .utf16LittleEndian(let bom): return bom ? "UTF-16LE (BOM)" : "UTF-16LE"
        case .utf16BigEndian(let bom): return bom ? "UTF-16BE (BOM)" : "UTF-16BE"
        case .legacy(let name, let detected): return detected ? "\(name) (detected)" : name
        }
    }
}

/// Decoded text: UTF-16, as ICU wants it, with what the decoder had to say about it.
public struct DecodedText: Sendable {
    public var units: [UInt16]
    public var encoding: TextEncoding
    /// Invalid byte sequences replaced by U+FFFD (only in lenient mode).
    public var replacements: Int
    public var warnings: [String]
}

/// Bytes → text: BOM, UTF-8, UTF-16 and legacy 8-bit charsets found with ICU; invalid bytes are
/// an error naming the byte offset and line, never silently replaced (unless `lenient`).
public struct TextDecoder: Sendable {
    /// Replace invalid bytes with U+FFFD and warn with their count, instead of failing.
    public var lenient: Bool
    /// An ICU charset name to use instead of detection ("windows-1252", "ISO-8859-15", …).
    public var forcedEncoding: String?

    public init(lenient: Bool = false, forcedEncoding: String? = nil) {
        self.lenient = lenient
        self.forcedEncoding = forcedEncoding
    }

    /// - Parameter source: the file name for messages ("-" for standard input).
    /// - Throws: `TextError` (empty, binary, invalid encoding, unknown encoding).
    public func decode(_ bytes: [UInt8], source: String) throws(TextError) -> DecodedText {
        let decoded = try decodeAny(bytes, source: source)
        // A file of nothing but a BOM or white space has no text to process either.
        if decoded.units.allSatisfy({ $0 == 0x20 || ($0 >= 0x09 && $0 <= 0x0D) || $0 == 0xA0 || $0 == 0xFEFF || $0 == 0x200B || $0 == 0x3000 }) {
            throw TextError(.empty, source: source)
        }
        return decoded
    }

    private func decodeAny(_ bytes: [UInt8], source: String) throws(TextError) -> DecodedText {
        if bytes.isEmpty { throw TextError(.empty, source: source) }
        // Byte order marks: unambiguous, so one wins over a forced encoding (and a warning says so
        // when the two differ). FF FE 00 00 also starts UTF-32LE: a forced UTF-32 keeps it.
        if let mark = ByteOrderMark(bytes), !(forcedEncoding.map { Self.isUTF32($0) && bytes.starts(with: [0xFF, 0xFE, 0, 0]) } ?? false) {
            var decoded = mark == .utf8
                ? try decodeUTF8(bytes, from: 3, bom: true, source: source)
                : try decodeUTF16(bytes, from: 2, littleEndian: mark == .utf16LittleEndian, bom: true, source: source)
            if let forced = forcedEncoding, !mark.agrees(with: forced) {
                decoded.warnings.insert("\(source): starts with a \(mark.rawValue) byte-order mark, so it was read as \(mark.rawValue), "
                                        + "not as \(forced) (--encoding)", at: 0)
            }
            return decoded
        }
        if let forced = forcedEncoding {
            return try decodeLegacy(bytes, charset: forced, detected: false, source: source)
        }
        // NUL bytes: UTF-16 without a BOM, or binary.
        if let firstNUL = bytes.firstIndex(of: 0) {
            if let littleEndian = Self.utf16WithoutBOM(bytes) {
                let decoded = try decodeUTF16(bytes, from: 0, littleEndian: littleEndian, bom: false, source: source)
                // Without a BOM, only the zeros said UTF-16: text has no control characters (U+0001…).
                if let control = decoded.units.firstIndex(where: { $0 < 0x20 && ![0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1B].contains($0) }) {
                    throw TextError(.binary(byteOffset: control * 2), source: source)
                }
                return decoded
            }
            throw TextError(.binary(byteOffset: firstNUL), source: source)
        }
        if let control = Self.binaryControlByte(bytes) {
            throw TextError(.binary(byteOffset: control), source: source)
        }
        // The common case in one pass: ICU converts valid UTF-8 and stops at the first invalid byte.
        if let units = try? CharsetConverter(charset: "UTF-8", strict: true).decode(bytes) {
            return DecodedText(units: units, encoding: .utf8(bom: false), replacements: 0, warnings: [])
        }
        let check = UTF8Check(bytes)
        if lenient {
            return try decodeUTF8(bytes, from: 0, bom: false, source: source)
        }
        // More invalid sequences than valid multi-byte ones: a legacy 8-bit text, not broken UTF-8
        // (in windows-1252 „ß“ followed by „““ happens to form a valid UTF-8 pair).
        if check.invalidSequences > check.multiByteSequences {
            return try decodeLegacy(bytes, charset: Self.detectLegacyCharset(bytes), detected: true, source: source)
        }
        let offset = check.firstInvalid!
        throw TextError(.invalidEncoding(encoding: "UTF-8", byteOffset: offset, line: Self.line(of: offset, in: bytes)), source: source)
    }

    private func decodeUTF8(_ bytes: [UInt8], from start: Int, bom: Bool, source: String) throws(TextError) -> DecodedText {
        let body = bytes[start...]
        let check = UTF8Check(body)
        if let invalid = check.firstInvalid, !lenient {
            throw TextError(.invalidEncoding(encoding: "UTF-8", byteOffset: invalid, line: Self.line(of: invalid, in: bytes)), source: source)
        }
        let units = Array(String(decoding: body, as: UTF8.self).utf16)
        var warnings: [String] = []
        if check.invalidSequences > 0 {
            warnings.append("\(source): replaced \(check.invalidSequences) invalid UTF-8 sequence(s) with U+FFFD (first at byte offset \(check.firstInvalid!))")
        }
        return DecodedText(units: units, encoding: .utf8(bom: bom), replacements: check.invalidSequences, warnings: warnings)
    }

    private func decodeUTF16(_ bytes: [UInt8], from start: Int, littleEndian: Bool, bom: Bool, source: String) throws(TextError) -> DecodedText {
        let name = littleEndian ? "UTF-16LE" : "UTF-16BE"
        let encoding: TextEncoding = littleEndian ? .utf16LittleEndian(bom: bom) : .utf16BigEndian(bom: bom)
        let body = Array(bytes[start...])
        do throws(ICUError) {
            return DecodedText(units: try CharsetConverter(charset: name, strict: true).decode(body), encoding: encoding, replacements: 0, warnings: [])
        } catch {
            guard lenient, case .invalidBytes = error.kind else {
                if case .invalidBytes(_, let offset) = error.kind {
                    let line = Self.utf16Line(of: offset, in: body, littleEndian: littleEndian)
                    throw TextError(.invalidEncoding(encoding: name, byteOffset: offset + start, line: line), source: source)
                }
                throw Self.translate(error, bytes: bytes, offset: start, source: source)
            }
        }
        return try decodeLenient(body, charset: name, encoding: encoding, source: source)
    }

    private func decodeLegacy(_ bytes: [UInt8], charset: String, detected: Bool, source: String) throws(TextError) -> DecodedText {
        let encoding = TextEncoding.legacy(name: charset, detected: detected)
        var decoded: DecodedText
        do throws(ICUError) {
            decoded = DecodedText(units: try CharsetConverter(charset: charset, strict: true).decode(bytes), encoding: encoding, replacements: 0, warnings: [])
        } catch {
            guard lenient, case .invalidBytes = error.kind else { throw Self.translate(error, bytes: bytes, offset: 0, source: source) }
            decoded = try decodeLenient(bytes, charset: charset, encoding: encoding, source: source)
        }
        if detected {
            decoded.warnings.insert("\(source): not UTF-8; read as \(charset) (detected by ICU); name another with --encoding", at: 0)
        }
        return decoded
    }

    /// Decodes with U+FFFD for invalid bytes and says how many there were.
    private func decodeLenient(_ bytes: [UInt8], charset: String, encoding: TextEncoding, source: String) throws(TextError) -> DecodedText {
        do throws(ICUError) {
            let units = try CharsetConverter(charset: charset, strict: false).decode(bytes)
            let replaced = units.filter { $0 == 0xFFFD }.count
            return DecodedText(units: units, encoding: encoding, replacements: replaced,
                               warnings: ["\(source): replaced invalid \(charset) bytes with U+FFFD (\(replaced) in the text)"])
        } catch {
            throw Self.translate(error, bytes: bytes, offset: 0, source: source)
        }
    }

    private static func translate(_ error: ICUError, bytes: [UInt8], offset: Int, source: String) -> TextError {
        switch error.kind {
        case .unknownCharset(let name):
            return TextError(.unknownEncoding(name), source: source)
        case .invalidBytes(let charset, let byteOffset):
            let at = byteOffset + offset
            return TextError(.invalidEncoding(encoding: charset, byteOffset: at, line: line(of: at, in: bytes)), source: source)
        default:
            return TextError(.unreadable(reason: error.description), source: source)
        }
    }

    /// The first invalid UTF-8 sequence in `bytes` (byte offset) and how many there are; nil when
    /// `bytes` is valid UTF-8.
    public static func utf8Problem(_ bytes: [UInt8]) -> (offset: Int, count: Int)? {
        let check = UTF8Check(bytes)
        guard let first = check.firstInvalid else { return nil }
        return (first, check.invalidSequences)
    }

    static func isUTF32(_ charset: String) -> Bool {
        CharsetConverter.canonicalName(charset)?.hasPrefix("UTF-32") ?? false
    }

    /// The 1-based line of a byte offset in UTF-16 bytes (counting U+000A units).
    static func utf16Line(of offset: Int, in bytes: [UInt8], littleEndian: Bool) -> Int {
        var line = 1
        var i = 0
        while i + 1 < min(offset, bytes.count) {
            let unit = littleEndian ? UInt16(bytes[i]) | UInt16(bytes[i + 1]) << 8 : UInt16(bytes[i]) << 8 | UInt16(bytes[i + 1])
            if unit == 0x0A { line += 1 }
            i += 2
        }
        return line
    }

    /// The 1-based line of a byte offset.
    static func line(of offset: Int, in bytes: [UInt8]) -> Int {
        var line = 1
        for byte in bytes[..<min(offset, bytes.count)] where byte == 0x0A { line += 1 }
        return line
    }

    /// UTF-16 without a BOM shows as NULs in every other byte of Latin-script text.
    /// - Returns: true for little-endian, false for big-endian, nil when it is not UTF-16.
    static func utf16WithoutBOM(_ bytes: [UInt8]) -> Bool? {
        guard bytes.count >= 4, bytes.count % 2 == 0 else { return nil }
        let sample = bytes.prefix(4096)
        var evenZeros = 0, oddZeros = 0
        for (index, byte) in sample.enumerated() where byte == 0 {
            if index % 2 == 0 { evenZeros += 1 } else { oddZeros += 1 }
        }
        let pairs = sample.count / 2
        if oddZeros * 10 >= pairs * 3 && evenZeros * 20 <= pairs { return true }
        if evenZeros * 10 >= pairs * 3 && oddZeros * 20 <= pairs { return false }
        return nil
    }

    /// The offset of a control byte that text files do not contain (besides NUL, checked before),
    /// when there are several of them: one stray byte is cleaned up later, a run means binary data.
    static func binaryControlByte(_ bytes: [UInt8]) -> Int? {
        var first: Int?
        var count = 0
        for (index, byte) in bytes.prefix(65_536).enumerated() {
            // Allowed: tab, LF, VT, FF, CR, ESC (ANSI colours in logs), and everything printable.
            if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0B && byte != 0x0C && byte != 0x0D && byte != 0x1B {
                if first == nil { first = index }
                count += 1
            }
        }
        guard let first else { return nil }
        return count >= 4 ? first : nil
    }

    /// The legacy 8-bit charset ICU's detector picks for `bytes`, narrowed to the Western ones.
    static func detectLegacyCharset(_ bytes: [UInt8]) -> String {
        let matches = CharsetDetector.detect(bytes)
        let western = matches.first { ["windows-1252", "ISO-8859-1", "ISO-8859-15"].contains($0.name) }?.name
        let choice = western ?? (bytes.contains { (0x80...0x9F).contains($0) } ? "windows-1252" : "ISO-8859-1")
        // ICU does not tell ISO-8859-15 from -1; its euro sign at 0xA4 beside a digit or space does.
        if choice == "ISO-8859-1", hasEuroSignAtA4(bytes) { return "ISO-8859-15" }
        return choice
    }

    static func hasEuroSignAtA4(_ bytes: [UInt8]) -> Bool {
        for index in bytes.indices where bytes[index] == 0xA4 {
            let before = index > 0 ? bytes[index - 1] : 0x20
            let after = index + 1 < bytes.count ? bytes[index + 1] : 0x20
            let isDigit = { (b: UInt8) in (0x30...0x39).contains(b) }
            if isDigit(before) || isDigit(after) || (before == 0x20 && isDigit(index > 1 ? bytes[index - 2] : 0)) {
                return true
            }
        }
        return false
    }
}

/// A byte-order mark at the start of a text: the Unicode encoding it names, by ICU's name.
enum ByteOrderMark: String {
    case utf8 = "UTF-8"
    case utf16LittleEndian = "UTF-16LE"
    case utf16BigEndian = "UTF-16BE"

    init?(_ bytes: [UInt8]) {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { self = .utf8 }
        else if bytes.starts(with: [0xFF, 0xFE]) { self = .utf16LittleEndian }
        else if bytes.starts(with: [0xFE, 0xFF]) { self = .utf16BigEndian }
        else { return nil }
    }

    /// Whether a charset named by the user is this mark's encoding (by any ICU alias: "utf8",
    /// "UTF-16" for either byte order, "UnicodeLittle"), so reading by the mark needs no warning.
    func agrees(with charset: String) -> Bool {
        guard let canonical = CharsetConverter.canonicalName(charset) else { return false }
        // ICU's canonical names may carry options: "UTF-16LE,version=1".
        let base = canonical.prefix { $0 != "," }
        return base == rawValue || (base == "UTF-16" && self != .utf8)
    }
}

/// A strict UTF-8 check (RFC 3629: no overlongs, no surrogates, nothing above U+10FFFF).
/// Offsets are indices of the collection (absolute for a slice).
struct UTF8Check {
    var firstInvalid: Int?
    var invalidSequences = 0
    var multiByteSequences = 0

    init<C: Collection>(_ bytes: C) where C.Element == UInt8, C.Index == Int {
        var i = bytes.startIndex
        let end = bytes.endIndex
        while i < end {
            let b0 = bytes[i]
            if b0 < 0x80 { i += 1; continue }
            var need = 0
            var lower: UInt8 = 0x80, upper: UInt8 = 0xBF
            switch b0 {
            case 0xC2...0xDF: need = 1
            case 0xE0: need = 2; lower = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: need = 2
            case 0xED: need = 2; upper = 0x9F
            case 0xF0: need = 3; lower = 0x90
            case 0xF1...0xF3: need = 3
            case 0xF4: need = 3; upper = 0x8F
            default: need = -1
            }
            var valid = need > 0 && i + need < end
            if valid {
                for k in 1...need {
                    let b = bytes[i + k]
                    let lo: UInt8 = k == 1 ? lower : 0x80
                    let hi: UInt8 = k == 1 ? upper : 0xBF
                    if b < lo || b > hi { valid = false; break }
                }
            }
            if valid {
                multiByteSequences += 1
                i += need + 1
            } else {
                if firstInvalid == nil { firstInvalid = i }
                invalidSequences += 1
                i += 1
            }
        }
    }
}
