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

    init(kind: LanguageListKind, language: String, entries: [String]) {
        self.kind = kind
        self.language = language
        self.entries = entries
    }

    /// The entries of list text in file order: one per line, trimmed; `#` comment lines and blank
    /// lines skipped. Every Kernsatz list file (here and in later modules) is read this way.
    public static func entries(parsing text: String) -> [String] {
        entries(parsing: Array(text.utf8))
    }

    /// The entries of UTF-8 list bytes (a shipped file), as `entries(parsing:)` reads text.
    public static func entries(parsing bytes: [UInt8]) -> [String] {
        var entries: [String] = []
        forEachEntry(bytes) { entry, _ in entries.append(entry) }
        return entries
    }

    /// Calls `body` with every entry of UTF-8 list bytes and its line number (from 1), in file order:
    /// lines end at LF; spaces, tabs and CRs around an entry are trimmed; blank lines and lines
    /// starting with `#` are skipped. One pass over the bytes, which stay undecoded but for the entries.
    public static func forEachEntry<E: Error>(_ bytes: [UInt8], _ body: (_ entry: String, _ line: Int) throws(E) -> Void) throws(E) {
        var line = 0
        var start = 0
        while start < bytes.count {
            line += 1
            var end = start
            while end < bytes.count && bytes[end] != 0x0A { end += 1 }
            let next = end + 1
            var first = start
            while first < end && isBlank(bytes[first]) { first += 1 }
            while end > first && isBlank(bytes[end - 1]) { end -= 1 }
            if first < end && bytes[first] != 0x23 {
                try body(String(decoding: bytes[first..<end], as: UTF8.self), line)
            }
            start = next
        }
    }

    /// Space, tab or carriage return: what is trimmed around an entry.
    @inline(__always)
    private static func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0D }

    /// The shipped list, or nil when Kernsatz has none of this kind for the language.
    public static func shipped(_ kind: LanguageListKind, language: String) -> LanguageList? {
        guard let bytes = EmbeddedLists.bytes(kind, language: language) else { return nil }
        return LanguageList(kind: kind, language: language, entries: entries(parsing: bytes))
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
