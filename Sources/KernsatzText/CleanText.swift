import KernsatzICU

/// Text ready for analysis — NFC, with soft hyphens, zero-width characters, stray control
/// characters and CR removed and odd spaces made plain — that still knows where each of its
/// offsets came from in the text as received.
///
///     let text = try CleanText("Bu\u{0308}ndnis\u{00AD}treue\r\n")
///     text.string                 // "Bündnistreue\n"
///     text.sourceScalarRange(7..<12)  // 9..<14: "treue" after "Bu", U+0308, "ndnis", U+00AD
///
/// Offsets into the clean text are UTF-16 offsets (ICU's unit); ranges map back to the source in
/// UTF-16 units and in Unicode scalars (what Python's `str` indexes). Removed characters at the
/// edges of a range stay outside it: the range of „Er kam.“ in „Er kam.\r\n“ ends before the CR.
public struct CleanText: Sendable {
    /// The clean text, UTF-16.
    public let units: [UInt16]
    /// The text as received, UTF-16.
    public let sourceUnits: [UInt16]
    /// For each clean unit, where its source begins and ends (source UTF-16 offsets); nil when the
    /// clean text is the source. Removed characters belong to no clean unit, so a range never
    /// reaches into a CR, soft hyphen or zero-width space beyond its ends.
    private let sourceStarts: [Int32]?
    private let sourceEnds: [Int32]?
    /// For each source UTF-16 offset, the source scalar offset; nil when the source has no surrogates.
    private let scalarOffsets: [Int32]?
    /// What the cleanup changed.
    public let changes: CleanupChanges

    public var count: Int { units.count }
    public var string: String { String(decoding: units, as: UTF16.self) }

    public init(_ text: String) throws(TextError) {
        try self.init(units: Array(text.utf16))
    }

    /// - Complexity: O(*n*); when the text needs no cleanup and is NFC already, no copy is made.
    /// - Throws: `TextError` only when ICU's normalizer cannot be loaded (a broken ICU installation).
    public init(units source: [UInt16]) throws(TextError) {
        sourceUnits = source
        var changes = CleanupChanges()
        // Pass 1: character cleanup (deletions, one-for-one replacements, U+2029 → two LFs).
        var cleaned: [UInt16]
        var starts: [Int32]?
        var ends: [Int32]?
        if Self.needsCleanup(source) {
            var out = [UInt16]()
            var first = [Int32](), last = [Int32]()
            out.reserveCapacity(source.count)
            first.reserveCapacity(source.count)
            last.reserveCapacity(source.count)
            func keep(_ unit: UInt16, _ start: Int, _ end: Int) {
                out.append(unit); first.append(Int32(start)); last.append(Int32(end))
            }
            var i = 0
            while i < source.count {
                let u = source[i]
                switch Self.action(for: u) {
                case .keep:
                    keep(u, i, i + 1)
                case .replace(let r, let kind):
                    keep(r, i, i + 1); changes.count(kind)
                case .drop(let kind):
                    changes.count(kind)
                case .carriageReturn:
                    // CRLF → LF (the LF stands for both); a lone CR (old Mac line end) → LF.
                    changes.count(.lineEnd)
                    if i + 1 < source.count && source[i + 1] == 0x0A {
                        keep(0x0A, i, i + 2)
                        i += 1
                    } else {
                        keep(0x0A, i, i + 1)
                    }
                case .paragraphSeparator:
                    keep(0x0A, i, i + 1)
                    keep(0x0A, i, i + 1)
                    changes.count(.lineEnd)
                }
                i += 1
            }
            cleaned = out
            starts = first
            ends = last
        } else {
            cleaned = source
        }
        // Pass 2: NFC, normalizing only the stretches that need it.
        let normalized: [UInt16]
        let chunks: [(Int32, Int32)]?
        do throws(ICUError) {
            (normalized, chunks) = try Self.normalize(cleaned, with: try Normalizer(.nfc))
        } catch {
            throw TextError(.unreadable(reason: "Unicode normalization failed: \(error.description)"), source: "text")
        }
        if let chunks {
            // Each NFC unit came from a stretch [a, b) of the cleaned text.
            changes.normalized += 1
            let firstStarts = starts, firstEnds = ends
            starts = chunks.map { chunk in firstStarts.map { $0[Int(chunk.0)] } ?? chunk.0 }
            ends = chunks.map { chunk in firstEnds.map { $0[Int(chunk.1) - 1] } ?? chunk.1 }
            cleaned = normalized
        }
        units = cleaned
        sourceStarts = starts
        sourceEnds = ends
        scalarOffsets = Self.scalarMap(source)
        self.changes = changes
    }

    /// The source UTF-16 range a clean range came from: from the source start of its first unit
    /// to the source end of its last.
    public func sourceUTF16Range(_ range: Range<Int>) -> Range<Int> {
        guard let sourceStarts, let sourceEnds else { return range }
        let lower = range.lowerBound < sourceStarts.count ? Int(sourceStarts[range.lowerBound]) : sourceUnits.count
        if range.isEmpty { return lower..<lower }
        return lower..<max(lower, Int(sourceEnds[range.upperBound - 1]))
    }

    /// The source Unicode-scalar range a clean range came from (what Python's `str` indexes).
    public func sourceScalarRange(_ range: Range<Int>) -> Range<Int> {
        let utf16 = sourceUTF16Range(range)
        guard let scalarOffsets else { return utf16 }
        return Int(scalarOffsets[utf16.lowerBound])..<Int(scalarOffsets[utf16.upperBound])
    }

    /// The source Unicode-scalar offset where the clean unit at `offset` begins (0...count).
    public func sourceScalarOffset(_ offset: Int) -> Int {
        sourceScalarRange(offset..<offset).lowerBound
    }

    /// The clean text of a clean range.
    public func string(_ range: Range<Int>) -> String {
        UTF16Scan.string(units, range)
    }

    /// The source text (as received) that a clean range came from.
    public func sourceString(_ range: Range<Int>) -> String {
        String(decoding: sourceUnits[sourceUTF16Range(range)], as: UTF16.self)
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

    /// NFC of `text`, and for each unit of the result the stretch [a, b) of `text` it came from;
    /// nil when `text` is NFC already.
    static func normalize(_ text: [UInt16], with nfc: Normalizer) throws(ICUError) -> ([UInt16], [(Int32, Int32)]?) {
        let prefix = nfc.normalizedPrefixLength(text[...])
        if prefix == text.count { return (text, nil) }
        var out = [UInt16](text[..<prefix])
        var map = (0..<prefix).map { (Int32($0), Int32($0 + 1)) }
        var i = prefix
        while i < text.count {
            // A stretch from this boundary to the next one that ICU must normalize.
            var j = i + width(text, i)
            while j < text.count && !nfc.hasBoundary(before: scalar(text, j)) { j += width(text, j) }
            let chunk = try nfc.normalize(Array(text[i..<j]))
            for _ in chunk.indices { map.append((Int32(i), Int32(j))) }
            out.append(contentsOf: chunk)
            i = j
            // Then again as much as is already normalized.
            if i < text.count {
                let span = nfc.normalizedPrefixLength(text[i...])
                out.append(contentsOf: text[i..<(i + span)])
                for k in i..<(i + span) { map.append((Int32(k), Int32(k + 1))) }
                i += span
            }
        }
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
