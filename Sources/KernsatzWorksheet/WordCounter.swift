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
/// Holds an ICU iterator: one per thread.
public final class WordCounter {
    private let iterator: BreakIterator

    public init(language: String) throws(WorksheetError) {
        do {
            iterator = try BreakIterator(.word, locale: language.replacingOccurrences(of: "-", with: "_"))
        } catch {
            throw WorksheetError(.icu("open a word iterator for '\(language)'"))
        }
    }

    public func count(_ text: String) -> Counts {
        let words = iterator.words(in: Array(text.utf16)).count
        let characters = text.reduce(0) { $0 + ($1.isWhitespace ? 0 : 1) }
        return Counts(words: words, characters: characters)
    }
}
