import KernsatzText

/// A word or a punctuation mark in UTF-16 text.
public struct Token: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// Letters and digits, with hyphens, apostrophes and periods between them
        /// („NATO-Gipfel“, „58-Jährige“, „don't“, „1.500“).
        case word
        /// Any other single visible character.
        case mark
    }

    public var range: Range<Int>
    public var kind: Kind

    public init(range: Range<Int>, kind: Kind) {
        self.range = range
        self.kind = kind
    }
}

/// Cuts text into words and marks; spaces separate tokens and are dropped.
///
///     Tokenizer.tokens(in: Array("„Ja“, sagte der 58-Jährige.".utf16))
///     // „ Ja “ , sagte der 58-Jährige .
///
/// - Complexity: O(*n*) in the length of the range.
public enum Tokenizer {
    public static func tokens(in units: [UInt16], range: Range<Int>? = nil) -> [Token] {
        let range = range ?? 0..<units.count
        var tokens: [Token] = []
        tokens.reserveCapacity(range.count / 5)
        var i = range.lowerBound
        while i < range.upperBound {
            let u = units[i]
            if UTF16Scan.isSpace(u) || u == 0xA0 || u == 0x202F || u == 0x2009 {
                i += 1
                continue
            }
            let (s, width) = scalar(units, at: i)
            if isWordScalar(s) {
                var end = i + width
                while end < range.upperBound {
                    // ASCII letters and digits inline: most units of most texts.
                    let a = units[end]
                    if a < 0x80 && ((a | 0x20 >= 0x61 && a | 0x20 <= 0x7A) || (a >= 0x30 && a <= 0x39)) {
                        end += 1
                        continue
                    }
                    let (next, nextWidth) = scalar(units, at: end)
                    if isWordScalar(next) || isNonspacingMark(next) {
                        end += nextWidth
                    } else if isJoiner(next), end + 1 < range.upperBound,
                              isWordScalar(scalar(units, at: end + 1).scalar),
                              next != "." || UTF16Scan.isDigit(scalar(units, at: end + 1).scalar) {
                        end += 1
                    } else {
                        break
                    }
                }
                tokens.append(Token(range: i..<end, kind: .word))
                i = end
            } else {
                tokens.append(Token(range: i..<(i + width), kind: .mark))
                i += width
            }
        }
        return tokens
    }

    /// The scalar at `i` and its width in units (`UTF16Scan.scalar` and `UTF16Scan.width`), with
    /// the usual case of a unit outside the surrogates worked out here.
    @inline(__always)
    static func scalar(_ units: [UInt16], at i: Int) -> (scalar: Unicode.Scalar, width: Int) {
        let u = units[i]
        if u < 0xD800 || u > 0xDFFF { return (Unicode.Scalar(u)!, 1) }
        return (UTF16Scan.scalar(units, at: i), UTF16Scan.width(units, at: i))
    }

    /// Letters and decimal digits (`UTF16Scan.isLetter`, `UTF16Scan.isDigit`); ASCII, Latin-1 and
    /// the punctuation blocks without Unicode property look-ups.
    @inline(__always)
    static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return (v | 0x20 >= 0x61 && v | 0x20 <= 0x7A) || (v >= 0x30 && v <= 0x39) }
        if v < 0x100 { return (v >= 0xC0 && v != 0xD7 && v != 0xF7) || v == 0xAA || v == 0xB5 || v == 0xBA }
        if isPunctuationBlock(v) { return false }
        return isLetterOrDigitByProperties(s)
    }

    /// Out of line on purpose: inlined, the property types' storage is set up on every call of
    /// the function it is inlined in, also when the fast paths answer.
    @inline(never)
    static func isLetterOrDigitByProperties(_ s: Unicode.Scalar) -> Bool {
        s.properties.isAlphabetic || s.properties.numericType == .decimal
    }

    /// A nonspacing mark, which continues the word before it: none below U+0300 or in the
    /// punctuation and currency blocks.
    @inline(__always)
    static func isNonspacingMark(_ s: Unicode.Scalar) -> Bool {
        s.value >= 0x300 && !isPunctuationBlock(s.value) && isNonspacingMarkByProperties(s)
    }

    @inline(never)
    static func isNonspacingMarkByProperties(_ s: Unicode.Scalar) -> Bool {
        s.properties.generalCategory == .nonspacingMark
    }

    /// General Punctuation, super- and subscripts aside, and Currency Symbols (U+2000–U+206F,
    /// U+20A0–U+20CF): quotation marks, dashes, €; no letter, digit or mark among them.
    @inline(__always)
    static func isPunctuationBlock(_ v: UInt32) -> Bool {
        (0x2000..<0x2070).contains(v) || (0x20A0..<0x20D0).contains(v)
    }

    /// Characters that join two word pieces: hyphen, apostrophes, and a period between digits.
    @inline(__always)
    static func isJoiner(_ s: Unicode.Scalar) -> Bool {
        s == "-" || s == "'" || s == "\u{2019}" || s == "." || s == "\u{2011}"
    }
}

extension Array where Element == UInt16 {
    /// The text of a range, as a String (`UTF16Scan.string`: for words several times faster than
    /// `String(decoding:as:)`, with the same result).
    @inline(__always)
    func string(_ range: Range<Int>) -> String {
        UTF16Scan.string(self, range)
    }
}
