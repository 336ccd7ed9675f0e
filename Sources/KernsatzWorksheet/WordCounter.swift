import KernsatzICU

/// Word and character counts in the manner of GMX-V (LISA's Global information management
/// Metrics eXchange, Volume): what a translation is quoted on.
///
/// - Words: ICU's word segmentation (Unicode UAX #29 with the language's tailoring); every piece
///   that holds a letter, digit, kana or ideograph counts once. Punctuation and spaces do not
///   count. A hyphen divides: „NATO-Generalsekretär“ is two words, „58-Jährige“ two, „1,1“ one.
/// - Characters: user-perceived characters (extended grapheme clusters) that are not white
///   space; punctuation counts.
///
///     let counter = try WordCounter(language: "de")
///     counter.count("„Das ist die Realität“, sagte er.")   // Counts(words: 6, characters: 28)
///
/// Holds ICU iterators: one per thread.
public final class WordCounter {
    private let words: BreakIterator
    private let characters: BreakIterator

    public init(language: String) throws(WorksheetError) {
        let locale = language.replacingOccurrences(of: "-", with: "_")
        do {
            words = try BreakIterator(.word, locale: locale)
            characters = try BreakIterator(.character, locale: locale)
        } catch {
            throw WorksheetError(.icu("open word and character iterators for '\(language)'"))
        }
    }

    public func count(_ text: String) -> Counts { count(units: Array(text.utf16)) }

    /// - Parameter units: UTF-16 text.
    public func count(units: [UInt16]) -> Counts {
        var counts = Counts()
        counts.words = words.wordCount(in: units)
        // Text of Latin letters and the usual punctuation („ “ – € …) has no character that
        // combines with another: each unit is one user-perceived character (CR LF is white space
        // either way). Other text goes through ICU's grapheme clusters.
        var visible = 0
        var simple = true
        for unit in units {
            if unit < 0x80 {
                // ASCII, the bulk of the text, without the calls below.
                if unit != 0x20 && !(0x09...0x0D).contains(unit) { visible += 1 }
                continue
            }
            guard Self.standsAlone(unit) else { simple = false; break }
            if !Self.isWhiteSpace(unit) { visible += 1 }
        }
        if simple {
            counts.characters = visible
            return counts
        }
        var start = 0
        characters.forEachBoundary(in: units) { end, _ in
            if !Self.isWhiteSpace(units[start]) { counts.characters += 1 }
            start = end
        }
        return counts
    }

    /// Below U+0300 (before the combining marks) and General Punctuation and currency signs
    /// (U+2000–U+20CF) but the zero-width joiners, which extend the character before them.
    static func standsAlone(_ unit: UInt16) -> Bool {
        unit < 0x300 || ((0x2000...0x20CF).contains(unit) && unit != 0x200C && unit != 0x200D)
    }

    /// Whether a UTF-16 unit is white space (a surrogate never is). Latin-1 and General
    /// Punctuation („ “ – …) without Unicode property look-ups.
    static func isWhiteSpace(_ unit: UInt16) -> Bool {
        if unit < 0x80 { return unit == 0x20 || (0x09...0x0D).contains(unit) }
        if unit < 0x100 { return unit == 0x85 || unit == 0xA0 }
        if unit >= 0x2000 && unit < 0x2070 {
            return unit <= 0x200A || unit == 0x2028 || unit == 0x2029 || unit == 0x202F || unit == 0x205F
        }
        guard let scalar = Unicode.Scalar(unit) else { return false }
        return scalar.properties.isWhitespace
    }
}
