import KernsatzText

/// A word or a punctuation mark in UTF-16 text: a `TextToken` of the document's `TokenStream` as
/// the quote finder reads it (word or mark, and the folded key).
public struct Token: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// A word or number of the token stream („NATO-Gipfel“, „58-Jährige“, „don't“, „1.500“).
        case word
        /// Any other single visible character (punctuation or symbol).
        case mark
    }

    public var range: Range<Int>
    public var kind: Kind
    /// The token's key in its `TokenStream.keys` (its folded form), or `UInt32.max` when unknown.
    public var key: UInt32

    public init(range: Range<Int>, kind: Kind, key: UInt32 = .max) {
        self.range = range
        self.kind = kind
        self.key = key
    }

    public init(_ token: TextToken) {
        self.init(range: token.range, kind: token.isWordLike ? .word : .mark, key: token.key)
    }
}

/// Words and marks of a text, read from its `TokenStream` (the one scanner; this enum keeps the
/// older entry point for tools and tests).
///
///     Tokenizer.tokens(in: Array("„Ja“, sagte der 58-Jährige.".utf16))
///     // „ Ja “ , sagte der 58-Jährige .
///
/// - Complexity: O(*n*) in the length of the range.
public enum Tokenizer {
    public static func tokens(in units: [UInt16], range: Range<Int>? = nil) -> [Token] {
        TokenStream(units: units, range: range).tokens.map(Token.init)
    }

    /// The tokens of `stream` wholly inside `range`.
    public static func tokens(in stream: TokenStream, range: Range<Int>) -> [Token] {
        stream.tokens(in: range).map(Token.init)
    }

    @inline(__always)
    static func scalar(_ units: [UInt16], at i: Int) -> (scalar: Unicode.Scalar, width: Int) {
        TokenScan.scalar(units, at: i)
    }

    @inline(__always)
    static func isWordScalar(_ s: Unicode.Scalar) -> Bool { TokenScan.isWordScalar(s) }

    @inline(__always)
    static func isPunctuationBlock(_ v: UInt32) -> Bool { TokenScan.isPunctuationBlock(v) }
}

extension Array where Element == UInt16 {
    /// The text of a range, as a String (`UTF16Scan.string`: for words several times faster than
    /// `String(decoding:as:)`, with the same result).
    @inline(__always)
    func string(_ range: Range<Int>) -> String {
        UTF16Scan.string(self, range)
    }
}
