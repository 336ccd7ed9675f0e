import KernsatzText

/// How a word token is joined to the next one.
enum Joiner: UInt8, Sendable {
    /// Punctuation or the end of the text: no term spans it.
    case none
    /// Spaces (one line break included).
    case space
    /// One hyphen between letters: the tokens belong to one compound word („NATO-Gipfel“).
    case hyphen
}

/// A run of letters and digits in UTF-16 text, with its case-folded key.
struct TextToken: Sendable {
    var start: Int
    var end: Int
    /// The token as written.
    var original: String
    /// NFC + full case folding.
    var key: String
    var joinerAfter: Joiner
    /// Ends in a hyphen before a space: the first part of „Staats- und Regierungschefs“.
    var truncated = false
    /// The index of the hyphen-joined word the token belongs to.
    var word: Int
}

/// Cuts text into word tokens and hyphen-joined words.
struct Tokenizer {
    /// Tokens, and for each word the indices of its first and last token.
    static func tokens(_ units: [UInt16]) -> (tokens: [TextToken], words: [(first: Int, last: Int)]) {
        var tokens: [TextToken] = []
        var words: [(first: Int, last: Int)] = []
        tokens.reserveCapacity(units.count / 6)
        var i = 0
        let n = units.count
        while i < n {
            guard isWordUnit(units, i) else { i += 1; continue }
            let start = i
            while i < n, isWordUnit(units, i) { i += UTF16Scan.width(units, at: i) }
            let original = UTF16Scan.string(units, start..<i)
            // The joiner to the next token.
            var joiner = Joiner.none
            var truncated = false
            if i < n {
                if isHyphen(units[i]), i + 1 < n, isWordUnit(units, i + 1) {
                    joiner = .hyphen
                } else {
                    // „Staats- und …“: the hyphen stands for the rest of a later compound.
                    truncated = isHyphen(units[i]) && i + 1 < n && (units[i + 1] == 0x20 || units[i + 1] == 0x0A)
                    var j = truncated ? i + 1 : i
                    var lineBreaks = 0
                    while j < n, units[j] == 0x20 || units[j] == 0x09 || units[j] == 0x0A || units[j] == 0x0D {
                        if units[j] == 0x0A { lineBreaks += 1 }
                        j += 1
                    }
                    if j > (truncated ? i + 1 : i), j < n, lineBreaks <= 1, isWordUnit(units, j) { joiner = .space }
                }
            }
            let previousHyphen = tokens.last?.joinerAfter == .hyphen
            let word = previousHyphen ? words.count - 1 : words.count
            if previousHyphen { words[word].last = tokens.count } else { words.append((tokens.count, tokens.count)) }
            tokens.append(TextToken(start: start, end: i, original: original, key: Fold.key(original), joinerAfter: joiner, truncated: truncated, word: word))
        }
        return (tokens, words)
    }

    static func isHyphen(_ u: UInt16) -> Bool { u == 0x2D || u == 0x2010 || u == 0x2011 }

    static func isWordUnit(_ units: [UInt16], _ i: Int) -> Bool {
        let u = units[i]
        if u < 0x80 {
            return (u >= 0x61 && u <= 0x7A) || (u >= 0x41 && u <= 0x5A) || (u >= 0x30 && u <= 0x39)
        }
        let scalar = UTF16Scan.scalar(units, at: i)
        let properties = scalar.properties
        if properties.isAlphabetic { return true }
        switch properties.generalCategory {
        case .decimalNumber, .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }
}
