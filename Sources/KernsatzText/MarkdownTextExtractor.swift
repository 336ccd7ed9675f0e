/// Markdown → text in Kernsatz's layout, line by line as CommonMark reads blocks.
/// `MarkupExtractor` documents the rules; this is their implementation.
struct MarkdownTextExtractor {
    let references: CharacterReferences

    private enum Open { case none, paragraph, listItem }

    func text(from source: String) -> String {
        let b = Array(source.utf8)
        var lines: [Range<Int>] = []
        var start = 0
        for i in b.indices where b[i] == 0x0A {
            lines.append(start..<(i > start && b[i - 1] == 0x0D ? i - 1 : i))
            start = i + 1
        }
        if start < b.count { lines.append(start..<b.count) }

        var writer = LayoutWriter()
        var index = 0
        // Front matter at the very start is already Kernsatz's format.
        if let first = lines.first, isFrontMatterDelimiter(b, first, allowDots: false),
           let close = lines.indices.dropFirst().first(where: { isFrontMatterDelimiter(b, lines[$0], allowDots: true) }) {
            var bytes: [UInt8] = []
            for line in lines[0...close] { bytes.append(contentsOf: b[line]); bytes.append(0x0A) }
            bytes.removeLast()
            writer.appendVerbatim(bytes)
            index = close + 1
        }
        let definitions = Set(lines[index...].compactMap { referenceDefinitionLabel(b, $0) })

        var paragraph: [UInt8] = []
        var open = Open.none
        var paragraphLines = 0
        var fence: (char: UInt8, count: Int)?
        var inList = false
        var inTable = false
        var lastBlank = true

        func flush() {
            guard open != .none else { return }
            emit(inline(paragraph, definitions: definitions), kind: open == .listItem ? .listItem : .paragraph, to: &writer)
            paragraph.removeAll(keepingCapacity: true)
            open = .none
            paragraphLines = 0
        }

        while index < lines.count {
            var line = lines[index]
            index += 1
            if let openFence = fence {
                let (indent, s) = indentation(b, line)
                var j = s
                while j < line.upperBound && b[j] == openFence.char { j += 1 }
                if indent < 4 && j - s >= openFence.count && b[j..<line.upperBound].allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { fence = nil }
                continue
            }
            // Block quote markers go; what they quote is read as any other line.
            var (indent, s) = indentation(b, line)
            while indent < 4 && s < line.upperBound && b[s] == 0x3E {
                line = (s + 1 < line.upperBound && b[s + 1] == 0x20 ? s + 2 : s + 1)..<line.upperBound
                (indent, s) = indentation(b, line)
            }
            if s == line.upperBound {
                flush()
                inTable = false
                lastBlank = true
                continue
            }
            defer { lastBlank = false }
            if inList && lastBlank && indent == 0 && listMarker(b, s..<line.upperBound) == nil { inList = false }
            if indent >= 4 && open == .none && !inList { continue }  // indented code
            let content = s..<line.upperBound
            let blockIndent = indent < 4 || inList

            if blockIndent, let f = fenceOpening(b, content) {
                flush()
                fence = f
                continue
            }
            if blockIndent, let heading = atxHeading(b, content) {
                flush()
                inList = false
                emit(inline(Array(b[heading]), definitions: definitions), kind: .heading, to: &writer)
                continue
            }
            if indent < 4 && open == .paragraph, let level = setextUnderline(b, content), level > 0 {
                emit(inline(paragraph, definitions: definitions), kind: .heading, to: &writer)
                paragraph.removeAll(keepingCapacity: true)
                open = .none
                paragraphLines = 0
                continue
            }
            if blockIndent && isThematicBreak(b, content) {
                flush()
                inList = false
                continue
            }
            if inTable && b[content].contains(0x7C) {
                emitRow(b, content, definitions: definitions, to: &writer)
                continue
            }
            if open == .paragraph && paragraphLines == 1 && paragraph.contains(0x7C) && isTableDelimiterRow(b, content) {
                let header = paragraph
                paragraph.removeAll(keepingCapacity: true)
                open = .none
                paragraphLines = 0
                emitRow(header, header.indices, definitions: definitions, to: &writer)
                inTable = true
                continue
            }
            if blockIndent, let (markerEnd, ordinal) = listMarker(b, content) {
                let empty = markerEnd >= content.upperBound
                if open != .paragraph || inList || (!empty && (ordinal == nil || ordinal == 1)) {
                    flush()
                    inList = true
                    open = .listItem
                    paragraphLines = 1
                    paragraph.append(contentsOf: b[markerEnd..<content.upperBound])
                    continue
                }
            }
            if open == .none && referenceDefinitionLabel(b, content) != nil { continue }
            // Paragraph text; a line ending in two spaces or a backslash is a hard break.
            if open == .none {
                open = .paragraph
            } else {
                var hard = false
                if paragraph.last == 0x5C { paragraph.removeLast(); hard = true }
                var spaces = 0
                while paragraph.last == 0x20 || paragraph.last == 0x09 { paragraph.removeLast(); spaces += 1 }
                paragraph.append(hard || spaces >= 2 ? 0x0A : 0x20)
            }
            paragraph.append(contentsOf: b[content])
            paragraphLines += 1
        }
        flush()
        return writer.text
    }

    private func emit(_ bytes: [UInt8], kind: LayoutWriter.Kind, to writer: inout LayoutWriter) {
        writer.start(kind)
        for c in bytes {
            if c == 0x0A { writer.lineBreak() } else { writer.appendByte(c) }
        }
        writer.endBlock()
    }

    /// A table row: its own block, cells joined with ` | `.
    private func emitRow(_ b: [UInt8], _ range: Range<Int>, definitions: Set<String>, to writer: inout LayoutWriter) {
        var lo = range.lowerBound, hi = range.upperBound
        while lo < hi && (b[lo] == 0x20 || b[lo] == 0x09) { lo += 1 }
        while hi > lo && (b[hi - 1] == 0x20 || b[hi - 1] == 0x09) { hi -= 1 }
        if lo < hi && b[lo] == 0x7C { lo += 1 }
        if hi > lo && b[hi - 1] == 0x7C && (hi - 2 < lo || b[hi - 2] != 0x5C) { hi -= 1 }
        writer.start(.paragraph)
        var cellStart = lo
        var inCode = false
        var j = lo
        while j <= hi {
            if j < hi && b[j] == 0x60 { inCode.toggle() }
            if j == hi || (b[j] == 0x7C && !inCode && (j == lo || b[j - 1] != 0x5C)) {
                writer.cell()
                for c in inline(Array(b[cellStart..<j]), definitions: definitions) { writer.appendByte(c == 0x0A ? 0x20 : c) }
                cellStart = j + 1
            }
            j += 1
        }
        writer.endBlock()
    }

    // MARK: block syntax

    /// Columns of leading indentation (a tab to the next multiple of 4) and where the content starts.
    private func indentation(_ b: [UInt8], _ line: Range<Int>) -> (Int, Int) {
        var column = 0
        var j = line.lowerBound
        while j < line.upperBound {
            if b[j] == 0x20 { column += 1 } else if b[j] == 0x09 { column += 4 - column % 4 } else { break }
            j += 1
        }
        return (column, j)
    }

    private func isFrontMatterDelimiter(_ b: [UInt8], _ line: Range<Int>, allowDots: Bool) -> Bool {
        var hi = line.upperBound
        while hi > line.lowerBound && (b[hi - 1] == 0x20 || b[hi - 1] == 0x09) { hi -= 1 }
        let s = b[line.lowerBound..<hi]
        return s.elementsEqual("---".utf8) || (allowDots && s.elementsEqual("...".utf8))
    }

    private func fenceOpening(_ b: [UInt8], _ content: Range<Int>) -> (char: UInt8, count: Int)? {
        let c = b[content.lowerBound]
        guard c == 0x60 || c == 0x7E else { return nil }
        var j = content.lowerBound
        while j < content.upperBound && b[j] == c { j += 1 }
        guard j - content.lowerBound >= 3 else { return nil }
        if c == 0x60 && b[j..<content.upperBound].contains(0x60) { return nil }
        return (c, j - content.lowerBound)
    }

    /// The heading text of `# Titel ##`, without the closing sequence.
    private func atxHeading(_ b: [UInt8], _ content: Range<Int>) -> Range<Int>? {
        var j = content.lowerBound
        while j < content.upperBound && b[j] == 0x23 { j += 1 }
        let level = j - content.lowerBound
        guard level >= 1 && level <= 6, j == content.upperBound || b[j] == 0x20 || b[j] == 0x09 else { return nil }
        var lo = j, hi = content.upperBound
        while lo < hi && (b[lo] == 0x20 || b[lo] == 0x09) { lo += 1 }
        while hi > lo && (b[hi - 1] == 0x20 || b[hi - 1] == 0x09) { hi -= 1 }
        var k = hi
        while k > lo && b[k - 1] == 0x23 { k -= 1 }
        if k < hi && (k == lo || b[k - 1] == 0x20 || b[k - 1] == 0x09) {
            hi = k
            while hi > lo && (b[hi - 1] == 0x20 || b[hi - 1] == 0x09) { hi -= 1 }
        }
        return lo..<hi
    }

    /// 1 for `===`, 2 for `---`, nil otherwise.
    private func setextUnderline(_ b: [UInt8], _ content: Range<Int>) -> Int? {
        let c = b[content.lowerBound]
        guard c == 0x3D || c == 0x2D else { return nil }
        var j = content.lowerBound
        while j < content.upperBound && b[j] == c { j += 1 }
        guard b[j..<content.upperBound].allSatisfy({ $0 == 0x20 || $0 == 0x09 }) else { return nil }
        return c == 0x3D ? 1 : 2
    }

    private func isThematicBreak(_ b: [UInt8], _ content: Range<Int>) -> Bool {
        let c = b[content.lowerBound]
        guard c == 0x2A || c == 0x2D || c == 0x5F else { return false }
        var count = 0
        for x in b[content] {
            if x == c { count += 1 } else if x != 0x20 && x != 0x09 { return false }
        }
        return count >= 3
    }

    /// The end of a list marker with its space (`- `, `* `, `+ `, `1. `, `1) `), and the number of an ordered one.
    private func listMarker(_ b: [UInt8], _ content: Range<Int>) -> (Int, Int?)? {
        let lo = content.lowerBound, hi = content.upperBound
        guard lo < hi else { return nil }
        var j = lo
        var number: Int?
        if b[j] == 0x2D || b[j] == 0x2A || b[j] == 0x2B {
            j += 1
        } else {
            var value = 0
            while j < hi && j - lo < 9 && b[j] >= 0x30 && b[j] <= 0x39 { value = value * 10 + Int(b[j] - 0x30); j += 1 }
            guard j > lo, j < hi, b[j] == 0x2E || b[j] == 0x29 else { return nil }
            number = value
            j += 1
        }
        if j == hi { return (j, number) }
        guard b[j] == 0x20 || b[j] == 0x09 else { return nil }
        while j < hi && (b[j] == 0x20 || b[j] == 0x09) { j += 1 }
        return (j, number)
    }

    /// `| --- | :-: |`: pipes, dashes, colons and spaces, with at least one dash.
    private func isTableDelimiterRow(_ b: [UInt8], _ content: Range<Int>) -> Bool {
        var dashes = false
        for x in b[content] {
            switch x {
            case 0x2D: dashes = true
            case 0x7C, 0x3A, 0x20, 0x09: continue
            default: return false
            }
        }
        return dashes && b[content].contains(0x7C)
    }

    /// The label (lowercased, spaces collapsed) of a reference link definition `[label]: url "title"`.
    private func referenceDefinitionLabel(_ b: [UInt8], _ line: Range<Int>) -> String? {
        let (indent, s) = indentation(b, line)
        guard indent < 4, s < line.upperBound, b[s] == 0x5B else { return nil }
        var j = s + 1
        while j < line.upperBound && b[j] != 0x5D && b[j] != 0x5B { j += (b[j] == 0x5C ? 2 : 1) }
        guard j + 1 < line.upperBound, b[j] == 0x5D, b[j + 1] == 0x3A, j > s + 1 else { return nil }
        var k = j + 2
        while k < line.upperBound && (b[k] == 0x20 || b[k] == 0x09) { k += 1 }
        guard k < line.upperBound else { return nil }
        return Self.label(b[(s + 1)..<j])
    }

    static func label<S: Collection>(_ bytes: S) -> String where S.Element == UInt8 {
        String(decoding: bytes, as: UTF8.self).lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).joined(separator: " ")
    }
}
