/// Markdown's inline syntax: what is markup goes, the text stays.
extension MarkdownTextExtractor {
    /// A run of `*`, `_` or `~` that may open or close emphasis.
    private struct DelimiterRun {
        var position: Int
        var count: Int
        var char: UInt8
        var canOpen: Bool
        var canClose: Bool
        var removed = 0
    }

    /// The text of a paragraph, heading or cell: code spans keep their text; links their text,
    /// autolinks their address; images, HTML tags and emphasis markers go; escapes and character
    /// references are resolved. Line feeds in the input are hard breaks.
    ///
    /// - Complexity: O(*n*): every search ahead is either bounded or resumes where the last ended.
    func inline(_ p: [UInt8], definitions: Set<String>) -> [UInt8] {
        let n = p.count
        var out: [UInt8] = []
        out.reserveCapacity(n)
        var runs: [DelimiterRun] = []
        var brackets: [(position: Int, image: Bool, runs: Int)] = []
        var noGreaterFrom = Int.max
        var noQuoteFrom: [UInt8: Int] = [:]

        // Backtick runs by length, so a code span's closing run is found without searching twice.
        var backticks: [Int: [Int]] = [:]
        var cursor: [Int: Int] = [:]
        do {
            var j = 0
            while j < n {
                if p[j] == 0x60 && (j == 0 || p[j - 1] != 0x5C) {
                    var k = j
                    while k < n && p[k] == 0x60 { k += 1 }
                    backticks[k - j, default: []].append(j)
                    j = k
                } else {
                    j += 1
                }
            }
        }
        func closingRun(length: Int, after start: Int) -> Int? {
            guard let list = backticks[length] else { return nil }
            var c = cursor[length] ?? 0
            while c < list.count && list[c] < start { c += 1 }
            cursor[length] = c
            return c < list.count ? list[c] : nil
        }

        var i = 0
        while i < n {
            let c = p[i]
            switch c {
            case 0x5C:  // backslash escape
                if i + 1 < n && Self.isASCIIPunctuation(p[i + 1]) {
                    out.append(p[i + 1])
                    i += 2
                } else {
                    out.append(c)
                    i += 1
                }
            case 0x60:  // code span
                var k = i
                while k < n && p[k] == 0x60 { k += 1 }
                let length = k - i
                if let close = closingRun(length: length, after: k) {
                    var content = Array(p[k..<close]).map { $0 == 0x0A ? 0x20 : $0 }
                    if content.count >= 2 && content.first == 0x20 && content.last == 0x20 && content.contains(where: { $0 != 0x20 }) {
                        content = Array(content.dropFirst().dropLast())
                    }
                    out.append(contentsOf: content)
                    i = close + length
                } else {
                    out.append(contentsOf: p[i..<k])
                    i = k
                }
            case 0x2A, 0x5F, 0x7E:  // * _ ~
                var k = i
                while k < n && p[k] == c { k += 1 }
                let before = Self.scalar(before: i, in: p)
                let after = Self.scalar(at: k, in: p)
                let left = !Self.isWhitespace(after) && (!Self.isPunctuation(after) || Self.isWhitespace(before) || Self.isPunctuation(before))
                let right = !Self.isWhitespace(before) && (!Self.isPunctuation(before) || Self.isWhitespace(after) || Self.isPunctuation(after))
                let canOpen = c == 0x5F ? left && (!right || Self.isPunctuation(before)) : left
                let canClose = c == 0x5F ? right && (!left || Self.isPunctuation(after)) : right
                // Between digits a star multiplies („2*3*4“), a deviation from CommonMark.
                let multiplies = c == 0x2A && Self.isDigit(before) && Self.isDigit(after)
                if (canOpen || canClose) && !(c == 0x7E && k - i > 2) && !multiplies {
                    runs.append(DelimiterRun(position: out.count, count: k - i, char: c, canOpen: canOpen, canClose: canClose))
                }
                out.append(contentsOf: p[i..<k])
                i = k
            case 0x21 where i + 1 < n && p[i + 1] == 0x5B:  // ![
                brackets.append((out.count, true, runs.count))
                out.append(contentsOf: [0x21, 0x5B])
                i += 2
            case 0x5B:
                brackets.append((out.count, false, runs.count))
                out.append(c)
                i += 1
            case 0x5D:
                // Link text longer than 4,096 bytes is taken for brackets, which keeps nested
                // brackets from costing quadratic time (CommonMark sets no such limit).
                guard let opener = brackets.popLast(), out.count - opener.position <= 4096 else { out.append(c); i += 1; continue }
                var end: Int?
                if i + 1 < n && p[i + 1] == 0x28 {  // (destination "title")
                    end = inlineLinkEnd(p, from: i + 2, noQuoteFrom: &noQuoteFrom)
                } else if i + 1 < n && p[i + 1] == 0x5B {  // [ref] or []
                    var k = i + 2
                    while k < n && k - i < 1000 && p[k] != 0x5D && p[k] != 0x5B { k += (p[k] == 0x5C ? 2 : 1) }
                    if k < n && p[k] == 0x5D { end = k + 1 }
                } else {
                    let textStart = opener.position + (opener.image ? 2 : 1)
                    if textStart <= out.count && definitions.contains(Self.label(out[textStart...])) { end = i + 1 }
                }
                guard let linkEnd = end else { out.append(c); i += 1; continue }
                if opener.image {
                    out.removeSubrange(opener.position...)
                    runs.removeSubrange(opener.runs...)
                } else {
                    out.remove(at: opener.position)
                    for r in opener.runs..<runs.count { runs[r].position -= 1 }
                }
                i = linkEnd
            case 0x3C:  // autolink or HTML
                if let (url, end) = autolink(p, at: i) {
                    out.append(contentsOf: p[url])
                    i = end
                } else if let (end, isBreak) = htmlTagEnd(p, at: i, noGreaterFrom: &noGreaterFrom) {
                    if isBreak { out.append(0x0A) }
                    i = end
                } else {
                    out.append(c)
                    i += 1
                }
            case 0x26:
                if let (value, end) = references.reference(p, at: i, limit: n) {
                    out.append(contentsOf: value.utf8)
                    i = end
                } else {
                    out.append(c)
                    i += 1
                }
            default:
                out.append(c)
                i += 1
            }
        }

        // Emphasis: each closer takes the nearest opener of its character.
        var openers: [UInt8: [Int]] = [:]
        for index in runs.indices {
            var run = runs[index]
            if run.canClose {
                while run.count > run.removed, let o = openers[run.char]?.last {
                    let available = runs[o].count - runs[o].removed
                    let rest = run.count - run.removed
                    let use = run.char == 0x7E ? min(available, rest) : (available >= 2 && rest >= 2 ? 2 : 1)
                    runs[o].removed += use
                    run.removed += use
                    if runs[o].count == runs[o].removed { openers[run.char]!.removeLast() }
                }
            }
            if run.canOpen && run.count > run.removed { openers[run.char, default: []].append(index) }
            runs[index] = run
        }
        guard runs.contains(where: { $0.removed > 0 }) else { return out }
        var result: [UInt8] = []
        result.reserveCapacity(out.count)
        var from = 0
        for run in runs where run.removed > 0 {
            result.append(contentsOf: out[from..<run.position])
            result.append(contentsOf: repeatElement(run.char, count: run.count - run.removed))
            from = run.position + run.count
        }
        result.append(contentsOf: out[from...])
        return result
    }

    /// The offset after `destination "title")` starting at `k` (after the `(`), or nil when it is none:
    /// a destination without spaces (balanced parentheses) or in `<…>`, then an optional title in
    /// quotes or parentheses. A quote that never closes is remembered, so the search stays linear.
    private func inlineLinkEnd(_ p: [UInt8], from start: Int, noQuoteFrom: inout [UInt8: Int]) -> Int? {
        let n = p.count
        var k = start
        func skipSpaces() { while k < n && (p[k] == 0x20 || p[k] == 0x09 || p[k] == 0x0A) { k += 1 } }
        skipSpaces()
        if k < n && p[k] == 0x3C {
            k += 1
            while k < n && p[k] != 0x3E && p[k] != 0x3C && p[k] != 0x0A { k += (p[k] == 0x5C ? 2 : 1) }
            guard k < n, p[k] == 0x3E else { return nil }
            k += 1
        } else {
            var depth = 0
            while k < n && p[k] > 0x20 {
                if p[k] == 0x5C { k += 2; continue }
                if p[k] == 0x28 { depth += 1; if depth > 32 { return nil } }
                if p[k] == 0x29 { if depth == 0 { break }; depth -= 1 }
                k += 1
            }
        }
        let afterDestination = k
        skipSpaces()
        if k < n && k > afterDestination && (p[k] == 0x22 || p[k] == 0x27 || p[k] == 0x28) {
            let close: UInt8 = p[k] == 0x28 ? 0x29 : p[k]
            guard k + 1 < noQuoteFrom[close, default: Int.max] else { return nil }
            var j = k + 1
            while j < n && p[j] != close { j += (p[j] == 0x5C ? 2 : 1) }
            guard j < n else { noQuoteFrom[close] = k + 1; return nil }
            k = j + 1
            skipSpaces()
        }
        guard k < n, p[k] == 0x29 else { return nil }
        return k + 1
    }

    /// `<https://…>` or `<name@host>`: the address range and the offset after `>`.
    private func autolink(_ p: [UInt8], at i: Int) -> (Range<Int>, Int)? {
        let n = p.count
        var j = i + 1
        guard j < n, HTMLTokenizer.isASCIILetter(p[j]) else { return nil }
        while j < n && j - i <= 33 && (HTMLTokenizer.isASCIILetter(p[j]) || (p[j] >= 0x30 && p[j] <= 0x39) || p[j] == 0x2B || p[j] == 0x2E || p[j] == 0x2D) { j += 1 }
        if j < n && p[j] == 0x3A && j - i - 1 >= 2 && j - i - 1 <= 32 {
            var k = j + 1
            while k < n && k - i < 4096 && p[k] != 0x3E && p[k] != 0x3C && p[k] > 0x20 { k += 1 }
            if k < n && p[k] == 0x3E { return ((i + 1)..<k, k + 1) }
            return nil
        }
        // e-mail: local part, @, domain
        var k = i + 1
        while k < n && k - i < 256 && (HTMLTokenizer.isASCIILetter(p[k]) || (p[k] >= 0x30 && p[k] <= 0x39) || Array(".!#$%&'*+/=?^_`{|}~-".utf8).contains(p[k])) { k += 1 }
        guard k < n, p[k] == 0x40, k > i + 1 else { return nil }
        k += 1
        let domain = k
        while k < n && k - i < 512 && (HTMLTokenizer.isASCIILetter(p[k]) || (p[k] >= 0x30 && p[k] <= 0x39) || p[k] == 0x2E || p[k] == 0x2D) { k += 1 }
        guard k > domain, k < n, p[k] == 0x3E else { return nil }
        return ((i + 1)..<k, k + 1)
    }

    /// An inline HTML tag or comment at `i`: the offset after it, and whether it is a `<br>`.
    private func htmlTagEnd(_ p: [UInt8], at i: Int, noGreaterFrom: inout Int) -> (Int, Bool)? {
        let n = p.count
        guard i + 1 < n else { return nil }
        let next = p[i + 1]
        if next == 0x21 && i + 3 < n && p[i + 2] == 0x2D && p[i + 3] == 0x2D {
            var j = i + 4
            while j + 2 < n {
                if p[j] == 0x2D && p[j + 1] == 0x2D && p[j + 2] == 0x3E { return (j + 3, false) }
                j += 1
            }
            return nil
        }
        let nameStart = next == 0x2F ? i + 2 : i + 1
        guard nameStart < n, HTMLTokenizer.isASCIILetter(p[nameStart]) || next == 0x3F || next == 0x21 else { return nil }
        var nameEnd = nameStart
        while nameEnd < n && (HTMLTokenizer.isASCIILetter(p[nameEnd]) || (p[nameEnd] >= 0x30 && p[nameEnd] <= 0x39) || p[nameEnd] == 0x2D) { nameEnd += 1 }
        // After the name: a space, `/` or `>` (`<a@b>` is no tag).
        guard nameEnd < n, next == 0x3F || next == 0x21 || [0x20, 0x09, 0x0A, 0x2F, 0x3E].contains(p[nameEnd]) else { return nil }
        if nameEnd >= noGreaterFrom { return nil }
        var j = nameEnd
        var quote: UInt8 = 0
        while j < n {
            let c = p[j]
            if quote != 0 { if c == quote { quote = 0 } }
            else if c == 0x22 || c == 0x27 { if j > 0 && p[j - 1] == 0x3D { quote = c } }
            else if c == 0x3E { break }
            else if c == 0x3C { return nil }
            j += 1
        }
        guard j < n else { noGreaterFrom = min(noGreaterFrom, nameEnd); return nil }
        let name = HTMLTokenizer.lowercasedName(p, nameStart..<nameEnd)
        return (j + 1, next != 0x2F && name == "br")
    }

    // MARK: characters

    static func isASCIIPunctuation(_ c: UInt8) -> Bool {
        (c >= 0x21 && c <= 0x2F) || (c >= 0x3A && c <= 0x40) || (c >= 0x5B && c <= 0x60) || (c >= 0x7B && c <= 0x7E)
    }

    /// The scalar ending before `i` (a space at the start).
    static func scalar(before i: Int, in p: [UInt8]) -> Unicode.Scalar {
        guard i > 0 else { return " " }
        var s = i - 1
        while s > 0 && p[s] & 0xC0 == 0x80 && i - s < 4 { s -= 1 }
        return scalar(at: s, in: p)
    }

    /// The scalar starting at `i` (a space at the end).
    static func scalar(at i: Int, in p: [UInt8]) -> Unicode.Scalar {
        guard i < p.count else { return " " }
        var iterator = p[i...].makeIterator()
        var decoder = UTF8()
        if case .scalarValue(let s) = decoder.decode(&iterator) { return s }
        return "\u{FFFD}"
    }

    static func isDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 0x30 && s.value <= 0x39 }

    static func isWhitespace(_ s: Unicode.Scalar) -> Bool {
        s == " " || s == "\t" || s == "\n" || s == "\r" || s.properties.generalCategory == .spaceSeparator
    }

    static func isPunctuation(_ s: Unicode.Scalar) -> Bool {
        if s.value < 0x80 { return isASCIIPunctuation(UInt8(s.value)) }
        switch s.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
             .finalPunctuation, .otherPunctuation, .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol: return true
        default: return false
        }
    }
}
