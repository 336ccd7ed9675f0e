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
            let s = UTF16Scan.scalar(units, at: i)
            let width = UTF16Scan.width(units, at: i)
            if isWordScalar(s) {
                var end = i + width
                while end < range.upperBound {
                    let next = UTF16Scan.scalar(units, at: end)
                    if isWordScalar(next) || next.value >= 0x300 && next.properties.generalCategory == .nonspacingMark {
                        end += UTF16Scan.width(units, at: end)
                    } else if isJoiner(next), end + 1 < range.upperBound,
                              isWordScalar(UTF16Scan.scalar(units, at: end + 1)),
                              next != "." || UTF16Scan.isDigit(UTF16Scan.scalar(units, at: end + 1)) {
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

    @inline(__always)
    static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        UTF16Scan.isLetter(s) || UTF16Scan.isDigit(s)
    }

    /// Characters that join two word pieces: hyphen, apostrophes, and a period between digits.
    @inline(__always)
    static func isJoiner(_ s: Unicode.Scalar) -> Bool {
        s == "-" || s == "'" || s == "\u{2019}" || s == "." || s == "\u{2011}"
    }
}

extension Array where Element == UInt16 {
    /// The text of a range, as a String.
    @inline(__always)
    func string(_ range: Range<Int>) -> String {
        String(decoding: self[range], as: UTF16.self)
    }
}
