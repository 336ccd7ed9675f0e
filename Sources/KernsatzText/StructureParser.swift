/// Finds a document's layout in its clean text: a metadata header, the teaser, paragraphs
/// (blank lines), hard-wrapped lines joined, subheadings, list items and the dateline.
///
///     let text = try CleanText(" date 2025-12-23 Der Teaser.\n\nBrüssel – Der Text.\n\nEin Titel\n\nMehr.")
///     let structure = StructureParser().parse(text)
///     structure.metadata.date                  // "2025-12-23"
///     structure.metadata.dateline              // "Brüssel"
///     structure.blocks.map(\.kind)             // [.teaser, .paragraph, .heading, .paragraph]
public struct StructureParser: Sendable {
    /// Keys a header line may start with (` date 2025-12-23 …`).
    public var headerKeys: Set<String> = ["date", "datum", "source", "quelle", "author", "autor", "id", "lang", "url", "ressort", "category"]
    /// Capitalized words that start sentences and never places: they keep „Die Regierung – …“
    /// from being read as a dateline. The pipeline passes the language's sentence starters.
    public var nonPlaceWords: Set<String> = []
    /// Look for a teaser (standfirst) before a dateline.
    public var detectTeaser = true
    /// The longest line that still counts as a subheading.
    public var maxHeadingLength = 120
    public var maxHeadingWords = 12

    public init(nonPlaceWords: Set<String> = []) {
        self.nonPlaceWords = nonPlaceWords
    }

    public func parse(_ text: CleanText) -> DocumentStructure {
        parse(text.units)
    }

    /// - Complexity: O(*n*).
    public func parse(_ units: [UInt16]) -> DocumentStructure {
        var structure = DocumentStructure()
        var lines = Self.lines(units)
        var explicitTeaser: Range<Int>?

        // Front matter between two "---" lines.
        if let first = lines.firstIndex(where: { !$0.isEmpty }), Self.equals(units, lines[first], "---"),
           let close = lines[(first + 1)...].firstIndex(where: { Self.equals(units, $0, "---") }) {
            for line in lines[(first + 1)..<close] {
                let s = String(decoding: units[line], as: UTF16.self)
                if let colon = s.firstIndex(of: ":") {
                    let key = s[..<colon].trimmingSpaces.lowercased()
                    let value = s[s.index(after: colon)...].trimmingSpaces
                    if !key.isEmpty { structure.metadata.fields.append(MetadataField(key: key, value: value)) }
                }
            }
            lines.removeSubrange(first...close)
        }
        // A header line: ` date 2025-12-23 The teaser…`
        if let first = lines.firstIndex(where: { !$0.isEmpty }) {
            let (fields, rest) = header(units, lines[first])
            if !fields.isEmpty {
                structure.metadata.fields.append(contentsOf: fields)
                let trimmed = UTF16Scan.trim(units, rest)
                if !trimmed.isEmpty { explicitTeaser = trimmed }
                lines.remove(at: first)
            }
        }

        var blocks: [Block] = []
        if let explicitTeaser { blocks.append(Block(kind: .teaser, range: explicitTeaser)) }
        for group in Self.paragraphGroups(lines) {
            blocks.append(contentsOf: self.blocks(units, group))
        }
        // Subheadings: short unpunctuated blocks with text after them.
        for index in blocks.indices where blocks[index].kind == .paragraph && index + 1 < blocks.count {
            if isHeading(units, blocks[index].range) { blocks[index].kind = .heading }
        }
        if detectTeaser && explicitTeaser == nil {
            findTeaser(units, &blocks)
        }
        // The dateline opens the first body block.
        if let body = blocks.firstIndex(where: { $0.kind == .paragraph }),
           !blocks[..<body].contains(where: { $0.kind == .paragraph || $0.kind == .listItem }),
           let dash = dateline(units, at: blocks[body].range.lowerBound) {
            let start = blocks[body].range.lowerBound
            structure.metadata.dateline = String(decoding: units[UTF16Scan.trim(units, start..<dash.lowerBound)], as: UTF16.self)
            structure.metadata.datelineRange = start..<dash.upperBound
            blocks[body].range = UTF16Scan.trim(units, dash.upperBound..<blocks[body].range.upperBound)
        }
        structure.blocks = blocks.filter { !$0.range.isEmpty }
        return structure
    }

    // MARK: lines and groups

    /// Line ranges without their "\n", trimmed of spaces.
    static func lines(_ units: [UInt16]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start = 0
        for i in units.indices where units[i] == 0x0A {
            result.append(UTF16Scan.trim(units, start..<i))
            start = i + 1
        }
        result.append(UTF16Scan.trim(units, start..<units.count))
        return result
    }

    static func paragraphGroups(_ lines: [Range<Int>]) -> [[Range<Int>]] {
        var groups: [[Range<Int>]] = []
        var current: [Range<Int>] = []
        for line in lines {
            if line.isEmpty {
                if !current.isEmpty { groups.append(current); current = [] }
            } else {
                current.append(line)
            }
        }
        if !current.isEmpty { groups.append(current) }
        return groups
    }

    static func equals(_ units: [UInt16], _ range: Range<Int>, _ string: String) -> Bool {
        units[range].elementsEqual(string.utf16)
    }

    /// Splits a group of consecutive lines into blocks: list items, hard-wrapped lines joined,
    /// or one block per line when the lines are long (one paragraph per line).
    func blocks(_ units: [UInt16], _ group: [Range<Int>]) -> [Block] {
        var blocks: [Block] = []
        var current: Range<Int>?
        var currentKind = BlockKind.paragraph
        let lengths = group.map { $0.count }
        let width = lengths.max() ?? 0

        func flush() {
            if let range = current { blocks.append(Block(kind: currentKind, range: range)) }
            current = nil
        }
        for (index, line) in group.enumerated() {
            if let marker = listMarker(units, line) {
                flush()
                current = UTF16Scan.trim(units, marker..<line.upperBound)
                currentKind = .listItem
                continue
            }
            guard let open = current else {
                current = line
                currentKind = .paragraph
                continue
            }
            // A soft line break: the line was broken because the next word did not fit (hard-wrapped
            // text at a terminal's width), or the next line goes on in lowercase after a line that
            // ends no sentence. A title above a wrapped paragraph is short enough for the next word.
            let previous = index - 1
            let wrapped = width <= 100 && lengths[previous] + 1 + Self.firstWordLength(units, line) > width
            let continues = Self.startsLowercase(units, line) && !Self.endsWithSentenceEnd(units, group[previous])
            if wrapped || continues {
                current = open.lowerBound..<line.upperBound
            } else {
                flush()
                current = line
                currentKind = .paragraph
            }
        }
        flush()
        return blocks
    }

    /// List bullets: - * • ▪ ● ⁃ (not the en dash, which opens dialogue and dashes in German text).
    static let bullets: Set<UInt16> = [0x2D, 0x2A, 0x2022, 0x25AA, 0x25CF, 0x2043]
    /// Lowercase words a place name in a dateline may contain („Frankfurt am Main“, „Halle an der Saale“).
    static let connectors: Set<String> = ["am", "an", "der", "bei", "im", "ob", "upon", "de", "del", "di", "la", "le", "sur", "sul", "in", "van", "von"]

    static func firstWordLength(_ units: [UInt16], _ line: Range<Int>) -> Int {
        var end = line.lowerBound
        while end < line.upperBound && !UTF16Scan.isSpace(units[end]) { end += 1 }
        return end - line.lowerBound
    }

    /// The offset after a list marker ("- ", "* ", "• ", "1) ", "a) "), if the line has one.
    /// („1. “ is left alone: it begins German sentences and dates as often as lists.)
    func listMarker(_ units: [UInt16], _ line: Range<Int>) -> Int? {
        guard line.count >= 3 else { return nil }
        let first = units[line.lowerBound]
        if Self.bullets.contains(first) && units[line.lowerBound + 1] == 0x20 {
            return line.lowerBound + 2
        }
        // "1) " or "a) ": an enumeration with a closing parenthesis.
        var i = line.lowerBound
        while i < line.upperBound && i - line.lowerBound < 3 && (UTF16Scan.isDigit(UTF16Scan.scalar(units, at: i)) || (i == line.lowerBound && UTF16Scan.isLowercase(UTF16Scan.scalar(units, at: i)))) {
            i += 1
        }
        if i > line.lowerBound && i + 1 < line.upperBound && units[i] == 0x29 && units[i + 1] == 0x20 {
            return i + 2
        }
        return nil
    }

    static func startsLowercase(_ units: [UInt16], _ line: Range<Int>) -> Bool {
        !line.isEmpty && UTF16Scan.isLowercase(UTF16Scan.scalar(units, at: line.lowerBound))
    }

    /// Whether the range ends with sentence-final punctuation (possibly inside quotes or brackets),
    /// or with a colon, semicolon or comma: anything that says "this is not a heading".
    static func endsWithTerminal(_ units: [UInt16], _ range: Range<Int>) -> Bool {
        guard let s = UTF16Scan.lastMark(units, in: range) else { return false }
        return UTF16Scan.isTerminal(s) || s == ":" || s == ";" || s == ","
    }

    func isHeading(_ units: [UInt16], _ range: Range<Int>) -> Bool {
        guard !range.isEmpty, range.count <= maxHeadingLength, !Self.endsWithTerminal(units, range) else { return false }
        let first = UTF16Scan.scalar(units, at: range.lowerBound)
        guard UTF16Scan.isUppercase(first) || UTF16Scan.isDigit(first) || UTF16Scan.isOpening(first) else { return false }
        var words = 1
        for i in range where units[i] == 0x20 || units[i] == 0x0A { words += 1 }
        return words <= maxHeadingWords
    }

    // MARK: header, teaser, dateline

    /// Leading `key value` pairs of a header line, and the rest of the line.
    func header(_ units: [UInt16], _ line: Range<Int>) -> ([MetadataField], Range<Int>) {
        var fields: [MetadataField] = []
        var i = line.lowerBound
        while true {
            let keyEnd = word(units, from: i, limit: line.upperBound)
            guard keyEnd > i else { break }
            let key = String(decoding: units[i..<keyEnd], as: UTF16.self)
            guard headerKeys.contains(key), keyEnd < line.upperBound, units[keyEnd] == 0x20 else { break }
            var valueStart = keyEnd
            while valueStart < line.upperBound && units[valueStart] == 0x20 { valueStart += 1 }
            var valueEnd = valueStart
            while valueEnd < line.upperBound && !UTF16Scan.isSpace(units[valueEnd]) { valueEnd += 1 }
            guard valueEnd > valueStart else { break }
            let value = String(decoding: units[valueStart..<valueEnd], as: UTF16.self)
            if key == "date" || key == "datum" {
                guard Self.isISODate(value) else { break }
            }
            fields.append(MetadataField(key: key, value: value))
            i = valueEnd
            while i < line.upperBound && units[i] == 0x20 { i += 1 }
        }
        return (fields, i..<line.upperBound)
    }

    /// End of a run of ASCII lowercase letters from `i`.
    private func word(_ units: [UInt16], from i: Int, limit: Int) -> Int {
        var j = i
        while j < limit && units[j] >= 0x61 && units[j] <= 0x7A { j += 1 }
        return j
    }

    static func isISODate(_ value: String) -> Bool {
        let u = Array(value.utf8)
        guard u.count == 10, u[4] == 0x2D, u[7] == 0x2D else { return false }
        return u.enumerated().allSatisfy { $0.offset == 4 || $0.offset == 7 || (0x30...0x39).contains($0.element) }
    }

    /// A teaser is a short first paragraph before a dateline — in its own block, or run into the
    /// body on one line (news feeds: „… gehört. Wien – Die Gewerkschaft …“).
    func findTeaser(_ units: [UInt16], _ blocks: inout [Block]) {
        guard let first = blocks.firstIndex(where: { $0.kind == .paragraph }) else { return }
        if blocks[..<first].contains(where: { $0.kind == .listItem }) { return }
        let block = blocks[first]
        if first + 1 < blocks.count, blocks[first + 1].kind == .paragraph, block.range.count <= 600,
           dateline(units, at: blocks[first + 1].range.lowerBound) != nil, dateline(units, at: block.range.lowerBound) == nil {
            blocks[first].kind = .teaser
            return
        }
        // Run into the body: a dateline right after a sentence end, early in the block — unless
        // the block itself opens with one („Paris, 3. März – …“).
        if dateline(units, at: block.range.lowerBound) != nil { return }
        var i = block.range.lowerBound + 20
        let limit = min(block.range.upperBound, block.range.lowerBound + 600)
        while i < limit {
            if units[i] == 0x20 {
                let before = UTF16Scan.trim(units, block.range.lowerBound..<i)
                if Self.endsWithSentenceEnd(units, before), dateline(units, at: i + 1) != nil {
                    blocks[first].range = UTF16Scan.trim(units, (i + 1)..<block.range.upperBound)
                    blocks.insert(Block(kind: .teaser, range: before), at: first)
                    return
                }
            }
            i += 1
        }
    }

    static func endsWithSentenceEnd(_ units: [UInt16], _ range: Range<Int>) -> Bool {
        guard let s = UTF16Scan.lastMark(units, in: range) else { return false }
        return s == "." || s == "!" || s == "?" || s == "…"
    }

    /// A dateline at `start`: a place (up to six words, agency in brackets, a date) and a dash
    /// between spaces, then text. Returns the range of the dash with its spaces.
    ///
    /// „Brüssel – “, „Wien/Brüssel – “, „Frankfurt am Main – “, „BERLIN (dpa) - “, „Paris, 3. März – “.
    public func dateline(_ units: [UInt16], at start: Int) -> Range<Int>? {
        let limit = min(units.count, start + 80)
        // A dateline ends in a dash between spaces within its first 80 units: without one, there is none.
        guard start < limit, (start..<limit).contains(where: { k in
            UTF16Scan.isDash(units[k]) && k > start && UTF16Scan.isSpace(units[k - 1]) && k + 1 < units.count && units[k + 1] == 0x20
        }) else { return nil }
        var i = start
        var tokens = 0
        var capitalized = 0
        var hasAgencyOrDate = false
        while i < limit {
            // One token up to the next space.
            var j = i
            while j < limit && !UTF16Scan.isSpace(units[j]) { j += 1 }
            guard j > i, j < units.count else { return nil }
            if j - i == 1 && UTF16Scan.isDash(units[i]) {
                // The dash: spaces around it, a place before it, a sentence after it (capitalized,
                // a number or a quote: „Allein – auch mehr …“ is no dateline).
                guard tokens > 0, capitalized > 0, units[j] == 0x20, j + 1 < units.count else { return nil }
                let after = UTF16Scan.scalar(units, at: j + 1)
                guard UTF16Scan.isUppercase(after) || UTF16Scan.isDigit(after) || UTF16Scan.isOpening(after) else { return nil }
                // After a name of several words, a second dash before the sentence ends makes the first
                // one parenthetical: „Kanzler Olaf Scholz – Kritiker nennen ihn zögerlich – will handeln.“
                // (A one-word place keeps its dateline: „Brüssel – Rutte rief auf – und warnte …“.)
                var k = capitalized > 1 && !hasAgencyOrDate ? j + 1 : units.count
                while k + 2 < units.count && units[k] != 0x0A {
                    let u = units[k]
                    if u == 0x2E || u == 0x21 || u == 0x3F { break }
                    if units[k - 1] == 0x20 && UTF16Scan.isDash(u) && units[k + 1] == 0x20 { return nil }
                    k += 1
                }
                return (i - 1)..<(j + 1)
            }
            tokens += 1
            if tokens > 6 { return nil }
            let first = UTF16Scan.scalar(units, at: i)
            // The token without a trailing comma („Paris, 3. März“); strings only where a list is asked.
            let end = units[j - 1] == 0x2C ? j - 1 : j
            let token = units[i..<end]
            if tokens == 1 {
                guard UTF16Scan.isUppercase(first), !nonPlaceWords.contains(String(decoding: token, as: UTF16.self)) else { return nil }
            }
            if UTF16Scan.isUppercase(first) {
                guard token.allSatisfy({ u in
                    u == 0x2E || u == 0x2D || u == 0x2F || u == 0x27 || u == 0x2019
                        || UTF16.isLeadSurrogate(u) || UTF16.isTrailSurrogate(u) || UTF16Scan.isLetter(Unicode.Scalar(UInt32(u))!)
                }) else { return nil }
                capitalized += 1
            } else if first == "(" {
                guard token.last == 0x29, token.count <= 24 else { return nil }
                hasAgencyOrDate = true
            } else if UTF16Scan.isDigit(first) {
                hasAgencyOrDate = true
                // Dates only („3.“, „23.12.2025“), not amounts („500 Euro – …“).
                guard token.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2E }), token.contains(0x2E) else { return nil }
            } else if !Self.connectors.contains(String(decoding: token, as: UTF16.self)) {
                return nil
            }
            i = j
            while i < limit && units[i] == 0x20 { i += 1 }
        }
        return nil
    }
}

extension Substring {
    var trimmingSpaces: String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
