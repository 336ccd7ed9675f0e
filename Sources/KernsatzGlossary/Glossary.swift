import KernsatzSegmentation

/// How a term may be used, as terminologists mark it (TBX `administrativeStatus`).
public enum TermStatus: String, Sendable, Codable, CaseIterable {
    case preferred, admitted, deprecated

    /// TBX-Basic's value of `termNote type="administrativeStatus"`.
    public var tbxValue: String {
        switch self {
        case .preferred: return "preferredTerm-admn-sts"
        case .admitted: return "admittedTerm-admn-sts"
        case .deprecated: return "deprecatedTerm-admn-sts"
        }
    }

    /// Reads TBX-Basic's and TBX 2008's values and the plain words („preferred“, „superseded“).
    public init?(tbx value: String) {
        let v = value.lowercased().trimmingWhitespace
        if v.hasPrefix("preferred") || v == "standardized" || v.hasPrefix("standardizedterm") { self = .preferred }
        else if v.hasPrefix("admitted") || v.hasPrefix("legal") || v.hasPrefix("regulated") { self = .admitted }
        else if v.hasPrefix("deprecated") || v.hasPrefix("superseded") || v.hasPrefix("notrecommended") || v == "obsolete" { self = .deprecated }
        else { return nil }
    }
}

/// A term in a target language.
public struct TargetTerm: Sendable, Equatable, Hashable {
    /// A BCP 47 tag as the glossary gives it ("en", "en-GB", "fr").
    public var language: String
    public var term: String
    public var status: TermStatus
    public var partOfSpeech: String?
    public var note: String?

    public init(language: String, term: String, status: TermStatus = .preferred, partOfSpeech: String? = nil, note: String? = nil) {
        self.language = language
        self.term = term
        self.status = status
        self.partOfSpeech = partOfSpeech
        self.note = note
    }
}

/// One source term with its translations. A TBX concept with two German terms gives two entries
/// with the same `conceptID`.
public struct GlossaryEntry: Sendable, Equatable {
    /// The TBX `conceptEntry`/`termEntry` id, or nil (TSV, CSV).
    public var conceptID: String?
    /// The source term as written in the glossary.
    public var term: String
    public var status: TermStatus
    /// "noun", "adjective", "properNoun", "verb", … as the glossary says; nil when it does not.
    public var partOfSpeech: String?
    public var definition: String?
    public var note: String?
    public var targets: [TargetTerm]
    /// Where the entry's source term is written (1-based line), for messages; nil when not known.
    public var line: Int?

    public init(conceptID: String? = nil, term: String, status: TermStatus = .preferred, partOfSpeech: String? = nil,
                definition: String? = nil, note: String? = nil, targets: [TargetTerm] = [], line: Int? = nil) {
        self.conceptID = conceptID
        self.term = term
        self.status = status
        self.partOfSpeech = partOfSpeech
        self.definition = definition
        self.note = note
        self.targets = targets
        self.line = line
    }

    /// The target terms in `language` (its primary subtag: "en" finds "en-GB"), preferred first,
    /// deprecated ones left out.
    public func targets(in language: String) -> [TargetTerm] {
        let wanted = Self.primary(language)
        let found = targets.filter { Self.primary($0.language) == wanted && $0.status != .deprecated }
        return found.filter { $0.status == .preferred } + found.filter { $0.status != .preferred }
    }

    static func primary(_ tag: String) -> String {
        String(tag.split(whereSeparator: { $0 == "-" || $0 == "_" }).first ?? "").lowercased()
    }
}

/// A glossary: entries with one source language.
///
///     let glossary = try Glossary.read(path: "sicherheitspolitik.tbx")
///     glossary.entries.first?.term            // "Abschreckung"
///     glossary.entries.first?.targets(in: "en").first?.term   // "deterrence"
public struct Glossary: Sendable, Equatable {
    /// The language of the terms that are matched in texts.
    public var sourceLanguage: String
    public var entries: [GlossaryEntry]
    /// A name for messages and exports (the file name, or "shipped").
    public var name: String

    public init(sourceLanguage: String = "de", entries: [GlossaryEntry] = [], name: String = "glossary") {
        self.sourceLanguage = sourceLanguage
        self.entries = entries
        self.name = name
    }

    /// Whether the terms are looked for in a text in `language`: the one rule for worksheets,
    /// batches, `analyze`, `terms` and `worksheet`. Only text whose primary language is the
    /// glossary's source language is searched (a German glossary finds „opposition“ in French text otherwise).
    public func isForTexts(in language: String) -> Bool {
        LanguageTag.primary(language) == LanguageTag.primary(sourceLanguage)
    }

    /// The target languages the entries have, in first-seen order.
    public var targetLanguages: [String] {
        var seen: [String] = []
        for entry in entries { for target in entry.targets where !seen.contains(target.language) { seen.append(target.language) } }
        return seen
    }

    /// Several glossaries as one (the first one's source language); entries keep their order.
    public static func merged(_ glossaries: [Glossary]) -> Glossary {
        Glossary(sourceLanguage: glossaries.first?.sourceLanguage ?? "de",
                 entries: glossaries.flatMap(\.entries),
                 name: glossaries.map(\.name).joined(separator: "+"))
    }
}

extension StringProtocol {
    /// The text without leading and trailing tabs and spaces (Unicode category Zs): what Foundation's
    /// `trimmingCharacters(in: .whitespaces)` takes off, without a detour through `NSString`.
    var trimmingWhitespace: String {
        let scalars = Substring(self).unicodeScalars
        guard let first = scalars.firstIndex(where: { !Self.isWhitespace($0) }),
              let last = scalars.lastIndex(where: { !Self.isWhitespace($0) }) else { return "" }
        return String(scalars[first..<scalars.index(after: last)])
    }

    private static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x80 ? scalar == " " || scalar == "\t" : scalar.properties.generalCategory == .spaceSeparator
    }
}
