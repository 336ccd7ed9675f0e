import KernsatzICU

/// What a token is.
public enum TokenKind: UInt8, Sendable, Equatable, CaseIterable {
    /// Letters (and digits), with hyphens, apostrophes and periods between digits inside
    /// („NATO-Gipfel“, „58-Jährige“, „don't“).
    case word
    /// Digits without letters, with periods or hyphens between them („1.500“, „2023-24“).
    case number
    /// One punctuation character (Unicode general category P*: „ “ , . – ( ) …).
    case punctuation
    /// One other visible character (symbols and the rest: € % + § …).
    case symbol

    /// A word or a number: what the stages call a word.
    @inlinable public var isWordLike: Bool { self == .word || self == .number }
}

/// How a token joins its neighbours and what joins its parts.
public struct TokenJoiners: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    @inlinable public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// A hyphen (- or U+2011) between two parts inside the token: „NATO-Gipfel“ is one word with parts.
    public static let hyphen = TokenJoiners(rawValue: 1 << 0)
    /// An apostrophe (' or ’) between two parts inside the token („don't“, „geht’s“).
    public static let apostrophe = TokenJoiners(rawValue: 1 << 1)
    /// A period between digits inside the token („1.500“, „3.5“).
    public static let period = TokenJoiners(rawValue: 1 << 2)
    /// No space between this token and the one before („Dr“ → „.“, „Ja“ → „““).
    public static let attachedBefore = TokenJoiners(rawValue: 1 << 3)
    /// No space between this token and the one after.
    public static let attachedAfter = TokenJoiners(rawValue: 1 << 4)
    /// A period attached to the word or number before that does not end its sentence: an
    /// abbreviation's („Dr.“, „z.B.“) or an ordinal's („3. Oktober“). Set by `assignSentences`,
    /// from the segmenter's decisions (whose abbreviation lists are the language data).
    public static let innerPeriod = TokenJoiners(rawValue: 1 << 5)
}

/// One token of a `TokenStream`: 12 bytes (`MemoryLayout<TextToken>.stride`), no string. Its sentence
/// is the stream's to say (`TokenStream.sentence(ofToken:)`), not stored in every token.
///
/// **Length.** Stored in 16 bits: a token is at most `TextToken.maxLength` (65,535) UTF-16 units
/// long. The scanner cuts a longer word (a run of letters without a space, only in odd input) into
/// tokens of at most that length (never inside a surrogate pair; a joiner goes to the next piece
/// when no unit would follow it), each piece attached to the next (`.attachedAfter`, `.attachedBefore`).
public struct TextToken: Sendable, Equatable {
    /// UTF-16 offset of its first unit in the clean text.
    public var start: UInt32
    /// Its folded form: an index into `TokenStream.keys` (equal keys, equal folded text).
    public var key: UInt32
    @usableFromInline var storedLength: UInt16
    public var kind: TokenKind
    public var joiners: TokenJoiners

    /// The longest token (in UTF-16 units) the stream holds.
    public static let maxLength = Int(UInt16.max)

    /// - Precondition: `length <= TextToken.maxLength`.
    @inlinable
    public init(start: UInt32, length: UInt32, key: UInt32, kind: TokenKind, joiners: TokenJoiners) {
        precondition(length <= UInt32(TextToken.maxLength), "a token is at most TextToken.maxLength units long")
        self.start = start
        self.key = key
        self.storedLength = UInt16(length)
        self.kind = kind
        self.joiners = joiners
    }

    /// Its length in UTF-16 units (at most `TextToken.maxLength`).
    @inlinable public var length: UInt32 {
        get { UInt32(storedLength) }
        set { precondition(newValue <= UInt32(TextToken.maxLength)); storedLength = UInt16(newValue) }
    }

    public static let noSentence = UInt32.max

    @inlinable public var range: Range<Int> { Int(start)..<(Int(start) + Int(length)) }
    @inlinable public var end: Int { Int(start) + Int(length) }
    @inlinable public var isWordLike: Bool { kind.isWordLike }
}

/// A document's one token stream over its clean text (UTF-16 offsets), made once and read by
/// every stage (quotes, summary, …) instead of scanning characters for words again.
///
///     let stream = TokenStream(units: Array("„Ja“, sagte der 58-Jährige.".utf16))
///     stream.tokens.map { stream.text(of: $0, in: units) }
///     // „ Ja “ , sagte der 58-Jährige .
///
/// **Tokens.** Spaces (and no-break, narrow no-break and thin spaces) separate tokens and are
/// dropped. A word is a run of letters and decimal digits (nonspacing marks go with the letter
/// before), with a hyphen (- U+2011) or apostrophe (' ’) between two such characters, or a period
/// between a letter or digit and a digit, inside it: „NATO-Gipfel“ is one word whose `joiners`
/// has `.hyphen`. Every other visible character is a token of its own (`.punctuation` or `.symbol`).
/// These are the rules of the analysis tokenizer the quote finder and the summarizer were tuned on.
///
/// **Folding: one rule.** A token's `key` names its folded form in `keys`: Unicode's default
/// caseless matching, that is the token's text in NFC, then full case folding (ICU's
/// `u_strFoldCase`, default options: ß and ẞ → ss, ς → σ, ſ → s, ﬁ → fi, µ → μ), and the
/// typographic apostrophe ’ (U+2019) as '. No accent stripping. „Straße“, „STRASSE“ and „Strasse“
/// meet, as do „Müller“ and „MÜLLER“; lowercasing is for display, not for matching (under
/// `lowercased()` „STRASSE“ and „Straße“ stay apart). Every list a stage compares keys with
/// (quote lists, stop words, …) is folded by the same rule (`TokenStream.fold`).
///
/// Memory: 12 bytes a token (about 2 bytes per UTF-8 byte of German news), plus the units of
/// each distinct folded form once (`FoldedForms`; a `String` is made only when a stage reads one)
/// and two hash tables of the distinct forms while it is built (`FoldTable`).
///
/// - Complexity: O(*n*) in the length of the text.
public struct TokenStream: Sendable {
    public private(set) var tokens: [TextToken]
    /// The distinct folded forms, by key (each made into a `String` when it is read).
    public private(set) var keys: FoldedForms
    /// The token indices of each sentence that has tokens (`assignSentences`), in text order, and
    /// that sentence's index: 12 bytes a sentence instead of 4 a token.
    private var sentenceTokens: [Range<UInt32>] = []
    private var sentenceOfBounds: [UInt32] = []

    /// An empty stream.
    public init() {
        tokens = []
        keys = FoldedForms()
    }

    /// Tokenizes `units[range]` (all of `units` by default).
    public init(units: [UInt16], range: Range<Int>? = nil) {
        let range = range ?? 0..<units.count
        var builder = Builder(units: units, range: range)
        tokens = builder.scan(range)
        keys = builder.table.forms
    }

    /// The folding rule of `keys` for any string: NFC, full case folding, ’ as '.
    ///
    ///     TokenStream.fold("STRASSE") == TokenStream.fold("Straße")   // "strasse"
    public static func fold(_ string: String) -> String {
        if string.utf8.allSatisfy({ $0 < 0x80 }) {
            var bytes = Array(string.utf8)
            for i in bytes.indices where bytes[i] >= 0x41 && bytes[i] <= 0x5A { bytes[i] += 0x20 }
            return String(decoding: bytes, as: UTF8.self)
        }
        // NFC fails only on allocation failure; then the text is folded as it is.
        let nfc = (try? Normalizer(.nfc).normalize(string)) ?? string
        let folded = CaseMapping.fold.apply(nfc)
        guard folded.utf16.contains(0x2019) else { return folded }
        return String(String.UnicodeScalarView(folded.unicodeScalars.map { $0 == "\u{2019}" ? "'" : $0 }))
    }

    /// The folded form of a token.
    @inlinable public func folded(_ token: TextToken) -> String { keys[Int(token.key)] }

    /// The number of distinct folded forms (`keys.count`).
    @inlinable public var keyCount: Int { keys.count }

    /// The token's text as written.
    public func text(of token: TextToken, in units: [UInt16]) -> String { UTF16Scan.string(units, token.range) }

    /// The index of the first token that ends after `offset`.
    public func firstIndex(endingAfter offset: Int) -> Int {
        var low = 0, high = tokens.count
        while low < high {
            let mid = (low + high) / 2
            if tokens[mid].end <= offset { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// The tokens that lie wholly inside `range` (a word cut by a bound is left out).
    public func tokens(in range: Range<Int>) -> ArraySlice<TextToken> {
        var lower = firstIndex(endingAfter: range.lowerBound)
        while lower < tokens.count, Int(tokens[lower].start) < range.lowerBound { lower += 1 }
        var upper = lower
        // Binary search for the first token ending past the range.
        var high = tokens.count
        while upper < high {
            let mid = (upper + high) / 2
            if tokens[mid].end <= range.upperBound { upper = mid + 1 } else { high = mid }
        }
        return tokens[lower..<max(lower, upper)]
    }

    /// Finds each sentence's tokens from the sentence ranges (in text order, not overlapping): the
    /// tokens wholly inside it (`sentence(ofToken:)`), and marks the periods that end no sentence but
    /// follow a word (`.innerPeriod`).
    public mutating func assignSentences(_ sentences: [Range<Int>], units: [UInt16]) {
        var bounds: [Range<UInt32>] = []
        var owners: [UInt32] = []
        bounds.reserveCapacity(sentences.count)
        owners.reserveCapacity(sentences.count)
        var s = 0
        for i in tokens.indices {
            let start = Int(tokens[i].start)
            while s < sentences.count, sentences[s].upperBound <= start { s += 1 }
            guard s < sentences.count, sentences[s].lowerBound <= start, tokens[i].end <= sentences[s].upperBound else { continue }
            // The tokens of one sentence are consecutive: one that crosses its end belongs to none,
            // and every later one starts after that end.
            if let last = bounds.last, last.upperBound == UInt32(i), owners.last == UInt32(s) {
                bounds[bounds.count - 1] = last.lowerBound..<UInt32(i + 1)
            } else {
                bounds.append(UInt32(i)..<UInt32(i + 1))
                owners.append(UInt32(s))
            }
            if tokens[i].length == 1, units[start] == 0x2E, tokens[i].joiners.contains(.attachedBefore), i > 0,
               tokens[i - 1].isWordLike, i + 1 < tokens.count, tokens[i + 1].end <= sentences[s].upperBound {
                tokens[i].joiners.insert(.innerPeriod)
            }
        }
        sentenceTokens = bounds
        sentenceOfBounds = owners
    }

    /// The index of the sentence the token at `index` lies in, or `TextToken.noSentence` (before
    /// `assignSentences`, and for tokens outside every sentence, such as a dateline's).
    /// - Complexity: O(log *s*) in the number of sentences with tokens.
    public func sentence(ofToken index: Int) -> UInt32 {
        var low = 0, high = sentenceTokens.count
        while low < high {
            let mid = (low + high) / 2
            if Int(sentenceTokens[mid].upperBound) <= index { low = mid + 1 } else { high = mid }
        }
        guard low < sentenceTokens.count, Int(sentenceTokens[low].lowerBound) <= index else { return TextToken.noSentence }
        return sentenceOfBounds[low]
    }

    /// The tokens of a sentence index, found by binary search over `assignSentences`' result.
    public func tokens(ofSentence range: Range<Int>) -> ArraySlice<TextToken> { tokens(in: range) }
}

extension TokenStream {
    /// The one scanner: builds tokens and the key table.
    struct Builder {
        let units: [UInt16]
        var table: FoldTable

        init(units: [UInt16], range: Range<Int>) {
            self.units = units
            table = FoldTable(expectedUnits: range.count)
        }

        mutating func scan(_ range: Range<Int>) -> [TextToken] {
            var tokens: [TextToken] = []
            // German news has about one token per 6.2 UTF-16 units: room for that, grown when a
            // text has more (one reallocation), rather than 20 % unused room for most texts.
            tokens.reserveCapacity(range.count / 6)
            var i = range.lowerBound
            var spaceBefore = true
            while i < range.upperBound {
                let u = units[i]
                if TokenScan.isSpaceUnit(u) {
                    i += 1
                    if !spaceBefore, !tokens.isEmpty { tokens[tokens.count - 1].joiners.remove(.attachedAfter) }
                    spaceBefore = true
                    continue
                }
                let (s, width) = TokenScan.scalar(units, at: i)
                var joiners: TokenJoiners = spaceBefore || tokens.isEmpty ? [] : [.attachedBefore]
                joiners.insert(.attachedAfter)
                let kind: TokenKind
                var end: Int
                if TokenScan.isWordScalar(s) {
                    end = i + width
                    var letters = !UTF16Scan.isDigit(s)
                    // At most `TextToken.maxLength` units; a surrogate pair is never cut, and a joiner
                    // is taken only with room for a unit after it.
                    while end < range.upperBound, end - i < TextToken.maxLength {
                        // ASCII letters and digits inline: most units of most texts.
                        let a = units[end]
                        if a < 0x80 && ((a | 0x20 >= 0x61 && a | 0x20 <= 0x7A) || (a >= 0x30 && a <= 0x39)) {
                            if a > 0x39 { letters = true }
                            end += 1
                            continue
                        }
                        let (next, nextWidth) = TokenScan.scalar(units, at: end)
                        if TokenScan.isWordScalar(next) || TokenScan.isNonspacingMark(next) {
                            if end - i + nextWidth > TextToken.maxLength { break }
                            if !UTF16Scan.isDigit(next) { letters = true }
                            end += nextWidth
                        } else if TokenScan.isJoiner(next), end + 1 < range.upperBound, end - i + 3 <= TextToken.maxLength,
                                  TokenScan.isWordScalar(TokenScan.scalar(units, at: end + 1).scalar),
                                  next != "." || UTF16Scan.isDigit(TokenScan.scalar(units, at: end + 1).scalar) {
                            joiners.insert(next == "." ? .period : next == "-" || next == "\u{2011}" ? .hyphen : .apostrophe)
                            end += 1
                        } else {
                            break
                        }
                    }
                    kind = letters ? .word : .number
                } else {
                    end = i + width
                    kind = TokenScan.isPunctuation(s) ? .punctuation : .symbol
                }
                if end >= range.upperBound || TokenScan.isSpaceUnit(units[end]) { joiners.remove(.attachedAfter) }
                tokens.append(TextToken(start: UInt32(i), length: UInt32(end - i), key: key(i..<end),
                                        kind: kind, joiners: joiners))
                spaceBefore = false
                i = end
            }
            return tokens
        }

        /// The key of `units[range]`: its form as written is looked up first (each distinct form
        /// is folded once), then its folded form (`FoldTable`).
        @inline(__always)
        mutating func key(_ range: Range<Int>) -> UInt32 { table.key(units, range) }
    }
}

/// The character classes of the token stream's scanner, for stages that look at a single
/// character next to a token (a quotation mark between letters).
public enum TokenScan {
    /// Spaces that separate tokens: `UTF16Scan.isSpace`, no-break, narrow no-break and thin space.
    @inlinable @inline(__always)
    public static func isSpaceUnit(_ u: UInt16) -> Bool {
        UTF16Scan.isSpace(u) || u == 0xA0 || u == 0x202F || u == 0x2009
    }

    /// The scalar at `i` and its width in units, the usual case of a unit outside the surrogates
    /// worked out here.
    @inlinable @inline(__always)
    public static func scalar(_ units: [UInt16], at i: Int) -> (scalar: Unicode.Scalar, width: Int) {
        let u = units[i]
        if u < 0xD800 || u > 0xDFFF { return (Unicode.Scalar(u)!, 1) }
        return (UTF16Scan.scalar(units, at: i), UTF16Scan.width(units, at: i))
    }

    /// Letters and decimal digits; ASCII, Latin-1 and the punctuation blocks without Unicode
    /// property look-ups.
    @inline(__always)
    public static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
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
    public static func isNonspacingMark(_ s: Unicode.Scalar) -> Bool {
        s.value >= 0x300 && !isPunctuationBlock(s.value) && isNonspacingMarkByProperties(s)
    }

    @inline(never)
    static func isNonspacingMarkByProperties(_ s: Unicode.Scalar) -> Bool {
        s.properties.generalCategory == .nonspacingMark
    }

    /// General Punctuation, super- and subscripts aside, and Currency Symbols (U+2000–U+206F,
    /// U+20A0–U+20CF): quotation marks, dashes, €; no letter, digit or mark among them.
    @inlinable @inline(__always)
    public static func isPunctuationBlock(_ v: UInt32) -> Bool {
        (0x2000..<0x2070).contains(v) || (0x20A0..<0x20D0).contains(v)
    }

    /// Characters that join two word pieces: hyphen, apostrophes, and a period before a digit.
    @inlinable @inline(__always)
    public static func isJoiner(_ s: Unicode.Scalar) -> Bool {
        s == "-" || s == "'" || s == "\u{2019}" || s == "." || s == "\u{2011}"
    }

    /// Unicode punctuation (general category P*); ASCII by table.
    @inline(__always)
    static func isPunctuation(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 {
            // ! " # % & ' ( ) * , - . / : ; ? @ [ \ ] _ { }
            switch v {
            case 0x21...0x23, 0x25...0x2A, 0x2C...0x2F, 0x3A, 0x3B, 0x3F, 0x40, 0x5B...0x5D, 0x5F, 0x7B, 0x7D: return true
            default: return false
            }
        }
        return isPunctuationByProperties(s)
    }

    @inline(never)
    static func isPunctuationByProperties(_ s: Unicode.Scalar) -> Bool {
        switch s.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation: return true
        default: return false
        }
    }
}
