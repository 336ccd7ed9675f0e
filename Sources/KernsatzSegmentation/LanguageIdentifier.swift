import KernsatzText

/// Tells which of the supported languages a text is in, from how many of each language's
/// function words it uses (the shipped stop-word lists) and a few letters only one language has.
///
///     LanguageIdentifier().identify("Der Generalsekretär rief zur Unterstützung auf.")   // "de"
public struct LanguageIdentifier: Sendable {
    public let languages: [String]
    private let stopwords: [String: Set<String>]

    public init(languages: [String] = LanguageList.supportedLanguages) {
        self.languages = languages
        var stopwords: [String: Set<String>] = [:]
        for language in languages {
            stopwords[language] = Set(LanguageList.shipped(.stopwords, language: language)?.entries.map { $0.lowercased() } ?? [])
        }
        self.stopwords = stopwords
    }

    /// The language code, or "und" when the text is in none of the supported languages
    /// (then ICU's root rules segment it).
    ///
    /// - Complexity: O(*n*) over at most the first 2,000 words.
    public func identify(_ text: String) -> String {
        identifyWithScores(text).language
    }

    /// The winner and every language's score (stop-word hits, plus bonuses for letters).
    public func identifyWithScores(_ text: String) -> (language: String, scores: [String: Double]) {
        var scores = [String: Double](uniqueKeysWithValues: languages.map { ($0, 0) })
        var words = 0
        var latin = 0, other = 0
        var current = ""
        func finish() {
            guard !current.isEmpty else { return }
            words += 1
            let lower = current.lowercased()
            for language in languages where stopwords[language]?.contains(lower) == true { scores[language]! += 1 }
            current = ""
        }
        for scalar in text.unicodeScalars {
            if words >= 2000 { break }
            if UTF16Scan.isLetter(scalar) || scalar == "'" {
                current.unicodeScalars.append(scalar)
                if scalar.value < 0x250 { latin += 1 } else if scalar.properties.isAlphabetic { other += 1 }
                // Letters that point to one language.
                switch scalar {
                case "ß": scores["de", default: 0] += 0.5
                case "ñ", "¿", "¡": scores["es", default: 0] += 0.5
                case "ç": scores["fr", default: 0] += 0.3
                case "ĳ": scores["nl", default: 0] += 0.5
                default: break
                }
            } else {
                finish()
                if scalar == "¿" || scalar == "¡" { scores["es", default: 0] += 0.5 }
            }
        }
        finish()
        if other > latin { return ("und", scores) }
        let ranked = scores.filter { languages.contains($0.key) }.sorted { $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key) }
        guard let best = ranked.first, best.value >= 1 else {
            // No function word at all (a headline, a list of names): German first.
            return (languages.first ?? "und", scores)
        }
        return (best.key, scores)
    }
}
