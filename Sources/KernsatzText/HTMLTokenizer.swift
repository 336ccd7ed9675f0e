/// One piece of an HTML document as `HTMLTokenizer` sees it. Ranges index the document's UTF-8 bytes.
struct HTMLToken: Sendable, Equatable {
    enum Kind: UInt8, Sendable {
        /// Character data; character references still undecoded.
        case text
        /// The content of `script`, `style` and the other raw text elements: no tags, no references.
        case rawText
        /// The content of `title` and `textarea`: references, but no tags.
        case escapableRawText
        /// The content of `<![CDATA[…]]>`: literal text.
        case cdata
        case startTag
        case endTag
        case comment
        case doctype
        case processingInstruction
    }

    var kind: Kind
    /// The tag name in lowercase (tags only; empty otherwise).
    var name: String
    /// Text kinds: the text. Tags: the attributes, between the name and `>` or `/>`. Others: the whole construct.
    var range: Range<Int>
    /// `<br/>`, `<svg … />`.
    var selfClosing = false
}

/// A small, forgiving HTML tokenizer in one pass over UTF-8 bytes: tags with quoted and unquoted
/// attributes, comments, `<!DOCTYPE>`, CDATA sections, processing instructions, and the raw text
/// of `script`, `style` and their kin. It builds no tree and never fails: a `<` that opens no tag
/// (`a < b`, `3 <4`, a tag cut off at the end) is text.
///
///     HTMLTokenizer.tokens(Array("<p class=x>A &amp; B</p>".utf8)).map(\.kind)
///     // [.startTag, .text, .endTag]
///
/// Deviations from HTML5, all in the direction of keeping text: a quoted attribute value that
/// never closes ends at the first `>` after its quote; a tag without any `>` after it is text,
/// unless an attribute's quote opens in it (`<a href="x` at the end: markup, dropped as HTML5 drops
/// a tag the input ends in). `<![CDATA[` without its `]]>` is, as in HTML5 outside SVG and MathML,
/// a bogus comment up to the next `>`.
///
/// - Complexity: O(*n*).
enum HTMLTokenizer {
    /// Elements whose content is not markup: everything up to the matching end tag is one token.
    static let rawTextElements: Set<String> = ["script", "style", "xmp", "iframe", "noembed", "noframes", "noscript"]
    static let escapableRawTextElements: Set<String> = ["title", "textarea"]

    static func tokens(_ b: [UInt8]) -> [HTMLToken] {
        var tokens: [HTMLToken] = []
        tokens.reserveCapacity(b.count / 24)
        let n = b.count
        var i = 0
        var textStart = 0
        // Positions from which on no `>`, `"` or `'` occurs: found once, so broken input stays linear.
        var noGreaterFrom = Int.max
        var noQuoteFrom: [UInt8: Int] = [0x22: Int.max, 0x27: Int.max]

        func flushText(_ end: Int) {
            if end > textStart { tokens.append(HTMLToken(kind: .text, name: "", range: textStart..<end)) }
        }
        func find(_ byte: UInt8, from start: Int) -> Int? {
            var j = start
            while j < n { if b[j] == byte { return j }; j += 1 }
            return nil
        }
        /// The end of a construct closed by the next `>` (the offset after it), or the end of the input.
        func toGreater(from start: Int) -> Int {
            if start >= noGreaterFrom { return n }
            if let j = find(0x3E, from: start) { return j + 1 }
            noGreaterFrom = min(noGreaterFrom, start)
            return n
        }
        /// Whether the last `tagEnd` that found no `>` saw a quote open an attribute value.
        var cutInQuote = false
        /// Scans attributes from `start`; returns the offset of the closing `>`, or nil at the end of input.
        func tagEnd(from start: Int) -> Int? {
            cutInQuote = false
            if start >= noGreaterFrom { return nil }
            var j = start
            while j < n {
                let c = b[j]
                if c == 0x3E { return j }
                if c == 0x3D {  // `=`: a value follows, maybe quoted
                    j += 1
                    while j < n && isSpace(b[j]) { j += 1 }
                    if j < n && (b[j] == 0x22 || b[j] == 0x27) {
                        let quote = b[j]
                        if j + 1 < noQuoteFrom[quote]!, let close = find(quote, from: j + 1) {
                            j = close + 1
                        } else {
                            // An unclosed quote: the tag ends at the first `>` after it.
                            noQuoteFrom[quote] = min(noQuoteFrom[quote]!, j + 1)
                            cutInQuote = true
                            if j + 1 >= noGreaterFrom { return nil }
                            guard let greater = find(0x3E, from: j + 1) else { noGreaterFrom = min(noGreaterFrom, j + 1); return nil }
                            return greater
                        }
                    }
                    continue
                }
                j += 1
            }
            noGreaterFrom = min(noGreaterFrom, start)
            return nil
        }

        while i < n {
            guard b[i] == 0x3C, i + 1 < n else { i += 1; continue }
            let next = b[i + 1]
            if next == 0x21 {  // <!
                let end: Int
                let kind: HTMLToken.Kind
                var range: Range<Int>
                if i + 3 < n && b[i + 2] == 0x2D && b[i + 3] == 0x2D {
                    kind = .comment
                    let body = i + 4
                    if body < n && b[body] == 0x3E {
                        end = body + 1  // <!-->
                    } else if body + 1 < n && b[body] == 0x2D && b[body + 1] == 0x3E {
                        end = body + 2  // <!--->
                    } else {
                        var j = body
                        var found = n
                        while j + 2 < n {
                            if b[j] == 0x2D && b[j + 1] == 0x2D && (b[j + 2] == 0x3E || (b[j + 2] == 0x21 && j + 3 < n && b[j + 3] == 0x3E)) {
                                found = j + (b[j + 2] == 0x3E ? 3 : 4)
                                break
                            }
                            j += 1
                        }
                        end = found  // an unclosed comment runs to the end, as in browsers
                    }
                    range = i..<end
                } else if hasPrefix(b, at: i + 2, "[CDATA[", caseInsensitive: false) {
                    let body = i + 9
                    var j = body
                    var close = n
                    while j + 2 < n {
                        if b[j] == 0x5D && b[j + 1] == 0x5D && b[j + 2] == 0x3E { close = j; break }
                        j += 1
                    }
                    if close == n {
                        // Never closed: a bogus comment to the next `>`, not the rest of the page as text.
                        kind = .comment
                        end = toGreater(from: body)
                        range = i..<end
                    } else {
                        kind = .cdata
                        range = body..<close
                        end = min(n, close + 3)
                    }
                } else {
                    kind = hasPrefix(b, at: i + 2, "doctype", caseInsensitive: true) ? .doctype : .comment
                    end = toGreater(from: i + 2)
                    range = i..<end
                }
                flushText(i)
                tokens.append(HTMLToken(kind: kind, name: "", range: range))
                i = end
                textStart = end
                continue
            }
            if next == 0x3F {  // <? … >
                let end = toGreater(from: i + 2)
                flushText(i)
                tokens.append(HTMLToken(kind: .processingInstruction, name: "", range: i..<end))
                i = end
                textStart = end
                continue
            }
            let isEnd = next == 0x2F
            let nameStart = isEnd ? i + 2 : i + 1
            guard nameStart < n, isASCIILetter(b[nameStart]) else {
                if isEnd && nameStart < n {
                    // `</>` is dropped; `</3>` and other bogus end tags are comments.
                    let end = b[nameStart] == 0x3E ? nameStart + 1 : toGreater(from: nameStart)
                    flushText(i)
                    tokens.append(HTMLToken(kind: .comment, name: "", range: i..<end))
                    i = end
                    textStart = end
                } else {
                    i += 1  // a literal `<`
                }
                continue
            }
            var nameEnd = nameStart
            while nameEnd < n && !isSpace(b[nameEnd]) && b[nameEnd] != 0x2F && b[nameEnd] != 0x3E { nameEnd += 1 }
            guard let close = tagEnd(from: nameEnd) else {
                if cutInQuote {
                    // `<a href="…` to the end: markup the input ends in, not text.
                    flushText(i)
                    tokens.append(HTMLToken(kind: .comment, name: "", range: i..<n))
                    i = n
                    textStart = n
                } else {
                    i += 1  // a tag cut off at the end of the input stays text
                }
                continue
            }
            let selfClosing = close > nameEnd && b[close - 1] == 0x2F
            let name = lowercasedName(b, nameStart..<nameEnd)
            flushText(i)
            tokens.append(HTMLToken(kind: isEnd ? .endTag : .startTag, name: name,
                                    range: nameEnd..<(selfClosing ? close - 1 : close), selfClosing: selfClosing))
            i = close + 1
            textStart = i
            if !isEnd && !selfClosing {
                let raw = rawTextElements.contains(name)
                if raw || escapableRawTextElements.contains(name) {
                    let contentEnd = endTagStart(b, name: name, from: i)
                    if contentEnd > i {
                        tokens.append(HTMLToken(kind: raw ? .rawText : .escapableRawText, name: "", range: i..<contentEnd))
                    }
                    i = contentEnd
                    textStart = i
                }
            }
        }
        flushText(n)
        return tokens
    }

    /// Where `</name` (any case, followed by a space, `/`, `>` or the end) starts at or after `start`,
    /// or the end of the input.
    static func endTagStart(_ b: [UInt8], name: String, from start: Int) -> Int {
        let n = b.count
        var j = start
        while j + 1 < n {
            if b[j] == 0x3C && b[j + 1] == 0x2F && hasPrefix(b, at: j + 2, name, caseInsensitive: true) {
                let after = j + 2 + name.utf8.count
                if after >= n || isSpace(b[after]) || b[after] == 0x2F || b[after] == 0x3E { return j }
            }
            j += 1
        }
        return n
    }

    /// The attributes of a tag token: names in lowercase, values raw (references undecoded).
    /// A name without a value has an empty value. Later duplicates are dropped, as in HTML5.
    static func attributes(_ b: [UInt8], _ range: Range<Int>) -> [(name: String, value: Range<Int>)] {
        var result: [(name: String, value: Range<Int>)] = []
        var j = range.lowerBound
        let end = range.upperBound
        while j < end {
            while j < end && (isSpace(b[j]) || b[j] == 0x2F) { j += 1 }
            guard j < end else { break }
            let nameStart = j
            j += 1  // a name may start with `=`
            while j < end && !isSpace(b[j]) && b[j] != 0x2F && b[j] != 0x3D { j += 1 }
            let name = lowercasedName(b, nameStart..<j)
            while j < end && isSpace(b[j]) { j += 1 }
            var value = j..<j
            if j < end && b[j] == 0x3D {
                j += 1
                while j < end && isSpace(b[j]) { j += 1 }
                if j < end && (b[j] == 0x22 || b[j] == 0x27) {
                    let quote = b[j]
                    var k = j + 1
                    while k < end && b[k] != quote { k += 1 }
                    value = (j + 1)..<k
                    j = min(end, k + 1)
                } else {
                    let start = j
                    while j < end && !isSpace(b[j]) { j += 1 }
                    value = start..<j
                }
            }
            if !result.contains(where: { $0.name == name }) { result.append((name, value)) }
        }
        return result
    }

    @inline(__always)
    static func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x0A || c == 0x09 || c == 0x0D || c == 0x0C }

    @inline(__always)
    static func isASCIILetter(_ c: UInt8) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A }

    static func lowercasedName(_ b: [UInt8], _ range: Range<Int>) -> String {
        String(decoding: b[range].lazy.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
    }

    /// Whether the bytes at `i` start with the ASCII `prefix`.
    static func hasPrefix(_ b: [UInt8], at i: Int, _ prefix: String, caseInsensitive: Bool) -> Bool {
        var j = i
        for p in prefix.utf8 {
            guard j < b.count else { return false }
            let c = b[j]
            if caseInsensitive ? (c >= 0x41 && c <= 0x5A ? c | 0x20 : c) != (p >= 0x41 && p <= 0x5A ? p | 0x20 : p) : c != p { return false }
            j += 1
        }
        return true
    }
}
