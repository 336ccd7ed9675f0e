/// The kinds of language data Kernsatz ships, one file per kind and language:
/// `Resources/<kind>/<kind>.<lang>.txt`, UTF-8 NFC, one entry per line, `#` comments.
public enum LanguageListKind: String, CaseIterable, Sendable {
    /// Abbreviations that do not end a sentence („Dr.“, „z. B.“).
    case abbreviations
    /// Abbreviations that may end one („usw.“, „Mio.“); `!` marks enumeration closers.
    case sentenceFinalAbbreviations = "sentence-final-abbreviations"
    /// Capitalized words that start sentences and are not nouns („Die“, „Doch“).
    case sentenceStarters = "sentence-starters"
    /// Words after which „3.“ is an ordinal („am“, „im“, „der“).
    case ordinalContext = "ordinal-context"
    /// Function words, for language identification and keyword weighting.
    case stopwords
    /// Quote pairs, opening and closing mark separated by a space.
    case quotes
}

/// The entries of one language list file.
public struct LanguageList: Sendable, Equatable {
    public let kind: LanguageListKind
    public let language: String
    /// The entries in file order, without comments and blank lines, trimmed.
    public let entries: [String]

    /// The languages with their own segmentation data.
    public static let supportedLanguages = ["de", "en", "fr", "nl", "es", "it"]

    /// Parses list text: one entry per line, `#` starts a comment line, blank lines are skipped.
    public init(kind: LanguageListKind, language: String, text: String) {
        self.kind = kind
        self.language = language
        entries = Self.entries(parsing: text)
    }

    /// The entries of list text in file order: one per line, trimmed; `#` comment lines and blank
    /// lines skipped. Every Kernsatz list file (here and in later modules) is read this way.
    public static func entries(parsing text: String) -> [String] {
        var entries: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            let trimmed = line.trimmingCharacters(in: " \t\r")
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            entries.append(trimmed)
        }
        return entries
    }

    /// The shipped list, or nil when Kernsatz has none of this kind for the language.
    public static func shipped(_ kind: LanguageListKind, language: String) -> LanguageList? {
        guard let bytes = EmbeddedLists.bytes(kind, language: language) else { return nil }
        return LanguageList(kind: kind, language: language, text: String(decoding: bytes, as: UTF8.self))
    }

    /// The file a shipped list comes from, relative to the module ("abbreviations/abbreviations.de.txt").
    public static func fileName(_ kind: LanguageListKind, language: String) -> String {
        "\(kind.rawValue)/\(kind.rawValue).\(language).txt"
    }
}

/// Language tags as users write them: "de", "de-AT", "de_DE", "DE".
public enum LanguageTag {
    /// The primary language subtag, lowercased: "de" for "de-AT", "de_DE", "DE".
    public static func primary(_ tag: String) -> String {
        String(tag.split(whereSeparator: { $0 == "-" || $0 == "_" }).first ?? "").lowercased()
    }

    /// The tag in ICU's locale form: "de_AT" for "de-AT"; "" (root) for "und".
    public static func icuLocale(_ tag: String) -> String {
        let parts = tag.split(whereSeparator: { $0 == "-" || $0 == "_" }).map(String.init)
        guard let first = parts.first, first.lowercased() != "und" else { return "" }
        return ([first.lowercased()] + parts.dropFirst().map { $0.count == 2 ? $0.uppercased() : $0 }).joined(separator: "_")
    }

    /// The tag in BCP 47 form: "de-AT" for "de_at"; what the output's "lang" says.
    public static func normalized(_ tag: String) -> String {
        icuLocale(tag).isEmpty ? "und" : icuLocale(tag).replacingOccurrences(of: "_", with: "-")
    }
}

extension Substring {
    func trimmingCharacters(in set: String) -> String {
        let chars = Set(set)
        var s = self[...]
        while let f = s.first, chars.contains(f) { s = s.dropFirst() }
        while let l = s.last, chars.contains(l) { s = s.dropLast() }
        return String(s)
    }
}
