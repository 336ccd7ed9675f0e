import KernsatzICU

/// Text ready for analysis — NFC, with soft hyphens, zero-width characters, stray control
/// characters and CR removed and odd spaces made plain — that still knows where each of its
/// offsets came from in the text as received.
///
///     let text = try CleanText("Bu\u{0308}ndnis\u{00AD}treue\r\n")
///     text.string                 // "Bündnistreue\n"
///     text.sourceScalarOffset(8)  // 10: "treue" starts after "Bu", U+0308, "ndnis", U+00AD
///
/// Offsets into the clean text are UTF-16 offsets (ICU's unit); offsets into the source are
/// available both in UTF-16 units and in Unicode scalars (what Python's `str` indexes).
public struct CleanText: Sendable {
    /// The clean text, UTF-16.
    public let units: [UInt16]
    /// The text as received, UTF-16.
    public let sourceUnits: [UInt16]
    /// For each clean offset 0...units.count, the source UTF-16 offset; nil when they are equal.
    private let sourceOffsets: [Int32]?
    /// For each source UTF-16 offset, the source scalar offset; nil when the source has no surrogates.
    private let scalarOffsets: [Int32]?
    /// What the cleanup changed.
    public let changes: CleanupChanges

    public var count: Int { units.count }
    public var string: String { String(decoding: units, as: UTF16.self) }

    public init(_ text: String) throws(ICUError) {
        try self.init(units: Array(text.utf16))
    }

    /// - Complexity: O(*n*); when the text needs no cleanup and is NFC already, no copy is made.
    public init(units source: [UInt16]) throws(ICUError) {
        sourceUnits = source
        var changes = CleanupChanges()
        // Pass 1: character cleanup (deletions and one-for-one replacements).
        var cleaned: [UInt16]
        var origin: [Int32]?
        if Self.needsCleanup(source) {
            var out = [UInt16]()
            var map = [Int32]()
            out.reserveCapacity(source.count)
            map.reserveCapacity(source.count + 1)
            var i = 0
            while i < source.count {
                let u = source[i]
                switch Self.action(for: u) {
                case .keep:
                    out.append(u); map.append(Int32(i))
                case .replace(let r, let kind):
                    out.append(r); map.append(Int32(i)); changes.count(kind)
                case .drop(let kind):
                    changes.count(kind)
                case .carriageReturn:
                    // CRLF → LF; a lone CR (old Mac line end) → LF.
                    if i + 1 < source.count && source[i + 1] == 0x0A {
                        changes.count(.lineEnd)
                    } else {
                        out.append(0x0A); map.append(Int32(i)); changes.count(.lineEnd)
                    }
                case .paragraphSeparator:
                    out.append(0x0A); map.append(Int32(i))
                    out.append(0x0A); map.append(Int32(i))
                    changes.count(.lineEnd)
                }
                i += 1
            }
            map.append(Int32(source.count))
            cleaned = out
            origin = map
        } else {
            cleaned = source
        }
        // Pass 2: NFC, normalizing only the stretches that need it.
        let nfc = try Normalizer(.nfc)
        let (normalized, nfcMap) = try Self.normalize(cleaned, with: nfc)
        if let nfcMap {
            changes.normalized += 1
            if let first = origin {
                origin = nfcMap.map { first[Int($0)] }
            } else {
                origin = nfcMap
            }
            cleaned = normalized
        }
        units = cleaned
        sourceOffsets = origin
        scalarOffsets = Self.scalarMap(source)
        self.changes = changes
    }

    /// The source UTF-16 offset of a clean offset (0...count).
    @inline(__always)
    public func sourceUTF16Offset(_ offset: Int) -> Int {
        guard let sourceOffsets else { return offset }
        return Int(sourceOffsets[offset])
    }

    /// The source Unicode-scalar offset of a clean offset (0...count).
    @inline(__always)
    public func sourceScalarOffset(_ offset: Int) -> Int {
        let utf16 = sourceUTF16Offset(offset)
        guard let scalarOffsets else { return utf16 }
        return Int(scalarOffsets[utf16])
    }

    /// The clean text of a clean range.
    public func string(_ range: Range<Int>) -> String {
        String(decoding: units[range], as: UTF16.self)
    }

    /// The source text (as received) that a clean range came from.
    public func sourceString(_ range: Range<Int>) -> String {
        let start = sourceUTF16Offset(range.lowerBound)
        let end = sourceUTF16Offset(range.upperBound)
        return String(decoding: sourceUnits[start..<end], as: UTF16.self)
    }

    // MARK: cleanup rules

    enum Action {
        case keep
        case replace(UInt16, CleanupChanges.Kind)
        case drop(CleanupChanges.Kind)
        case carriageReturn
        case paragraphSeparator
    }

    @inline(__always)
    static func action(for u: UInt16) -> Action {
        switch u {
        case 0x09, 0x0A: return .keep
        case 0x0D: return .carriageReturn
        case 0x0B, 0x0C: return .replace(0x0A, .lineEnd)           // vertical tab, form feed
        case 0x00...0x1F, 0x7F...0x9F: return .drop(.control)       // C0 and C1 controls
        case 0x00AD: return .drop(.softHyphen)
        case 0x200B, 0x2060, 0xFEFF, 0x180E: return .drop(.zeroWidth)  // ZWSP, word joiner, BOM, MVS
        case 0x00A0, 0x2000...0x200A, 0x202F, 0x205F: return .replace(0x20, .space)
        case 0x2028: return .replace(0x0A, .lineEnd)
        case 0x2029: return .paragraphSeparator
        default: return .keep
        }
    }

    static func needsCleanup(_ units: [UInt16]) -> Bool {
        for u in units {
            if u < 0x20 { if u != 0x0A && u != 0x09 { return true } else { continue } }
            if u < 0x7F { continue }
            if case .keep = action(for: u) { continue }
            return true
        }
        return false
    }

    /// NFC of `text`; the map (count+1 entries, into `text`) is nil when `text` is NFC already.
    static func normalize(_ text: [UInt16], with nfc: Normalizer) throws(ICUError) -> ([UInt16], [Int32]?) {
        let prefix = text.withUnsafeBufferPointer { nfc.normalizedPrefixLength($0) }
        if prefix == text.count { return (text, nil) }
        var out = [UInt16](text[..<prefix])
        var map = (0..<prefix).map { Int32($0) }
        var i = prefix
        while i < text.count {
            // A stretch from this boundary to the next one that ICU must normalize.
            var j = i + width(text, i)
            while j < text.count && !nfc.hasBoundary(before: scalar(text, j)) { j += width(text, j) }
            let chunk = try nfc.normalize(Array(text[i..<j]))
            for k in chunk.indices { map.append(Int32(min(i + k, j - 1))) }
            out.append(contentsOf: chunk)
            i = j
            // Then again as much as is already normalized.
            if i < text.count {
                let span = text[i...].withUnsafeBufferPointer { nfc.normalizedPrefixLength($0) }
                out.append(contentsOf: text[i..<(i + span)])
                for k in i..<(i + span) { map.append(Int32(k)) }
                i += span
            }
        }
        map.append(Int32(text.count))
        return (out, map)
    }

    @inline(__always)
    static func width(_ text: [UInt16], _ i: Int) -> Int {
        UTF16.isLeadSurrogate(text[i]) && i + 1 < text.count && UTF16.isTrailSurrogate(text[i + 1]) ? 2 : 1
    }

    @inline(__always)
    static func scalar(_ text: [UInt16], _ i: Int) -> UInt32 {
        if width(text, i) == 2 {
            return 0x10000 + ((UInt32(text[i]) - 0xD800) << 10) + (UInt32(text[i + 1]) - 0xDC00)
        }
        return UInt32(text[i])
    }

    static func scalarMap(_ units: [UInt16]) -> [Int32]? {
        guard units.contains(where: { UTF16.isTrailSurrogate($0) }) else { return nil }
        var map = [Int32]()
        map.reserveCapacity(units.count + 1)
        var scalars: Int32 = 0
        for (i, u) in units.enumerated() {
            map.append(scalars)
            // A trail surrogate after a lead one belongs to the same scalar.
            if !(UTF16.isTrailSurrogate(u) && i > 0 && UTF16.isLeadSurrogate(units[i - 1])) { scalars += 1 }
        }
        map.append(scalars)
        // Offsets inside a pair count as the pair's start.
        for i in 1..<units.count where UTF16.isTrailSurrogate(units[i]) && UTF16.isLeadSurrogate(units[i - 1]) {
            map[i] = map[i - 1]
        }
        return map
    }
}

/// What `CleanText` changed, by kind (for reports and `--verbose`).
public struct CleanupChanges: Sendable, Equatable {
    public enum Kind: Sendable { case softHyphen, zeroWidth, space, lineEnd, control }
    public var softHyphens = 0
    public var zeroWidth = 0
    public var spaces = 0
    public var lineEnds = 0
    public var controls = 0
    /// Stretches that were not NFC (0 or 1: whether normalization changed anything).
    public var normalized = 0

    public init() {}

    mutating func count(_ kind: Kind) {
        switch kind {
        case .softHyphen: softHyphens += 1
        case .zeroWidth: zeroWidth += 1
        case .space: spaces += 1
        case .lineEnd: lineEnds += 1
        case .control: controls += 1
        }
    }

    public var isEmpty: Bool { self == CleanupChanges() }
}
