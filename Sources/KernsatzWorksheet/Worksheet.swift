import Kernsatz

/// Everything a translator needs of one text: numbered segments with their terms, names, numbers
/// and quotes, counts, a summary for context and the glossary entries that occur.
///
/// A plain value: `WorksheetBuilder` makes it from an analysis, the writers (`WorksheetFormat`)
/// turn it into XLIFF, HTML, DOCX, CSV, Markdown or JSON. Its JSON form is the `json` format
/// (`version` counts incompatible changes of that form).
///
/// Offsets (`start`, `end` of every mark) are Unicode scalars into the segment's `source`.
public struct Worksheet: Sendable, Equatable, Codable {
    /// The version of the JSON form; raised when a field changes meaning or disappears.
    public static let formatVersion = 1

    public var format = "kernsatz-worksheet"
    public var version = Worksheet.formatVersion
    /// The input as named by the user ("-" for standard input).
    public var source: String
    /// BCP 47 tag of the text ("de").
    public var sourceLanguage: String
    /// Whether `sourceLanguage` was identified from the text (rather than given).
    public var languageIdentified: Bool
    /// BCP 47 tag of the translation ("en", "en-GB"): it decides the translations shown and how
    /// numbers and dates are rendered.
    public var targetLanguage: String
    /// Writing direction of the source and target languages ("ltr", "rtl"), from ICU.
    public var sourceDirection = "ltr"
    public var targetDirection = "ltr"
    /// The text's metadata lines (`date 2025-12-23`, `title …`), in input order.
    public var metadata: [Field]
    /// The text's date (metadata `date`), if it has one.
    public var date: String?
    /// The teaser (standfirst) as one string, if the text has one.
    public var teaser: String?
    /// The dateline place („Brüssel“ of „Brüssel – …“), if any.
    public var dateline: String?
    /// Words and characters of all segments (see `Counts`).
    public var counts: Counts
    /// The summary for context: ids of the segments it takes, in document order.
    public var summary: [Int]
    public var segments: [Segment]
    /// The glossary entries that occur in the text, in order of first occurrence.
    public var glossary: [GlossaryItem]
    /// The glossaries searched ("shipped" or file names).
    public var glossaries: [String]
    /// What merge rebuilds the translated document from: the source's form and its template with a
    /// place for each segment (`WorksheetSkeleton`). Nil for a worksheet made by hand or read from
    /// a JSON worksheet written before it existed: the XLIFF writers then lay the segments' blocks
    /// out as text (`skeletonOrLayout`).
    public var skeleton: WorksheetSkeleton?

    public init(source: String, sourceLanguage: String, languageIdentified: Bool, targetLanguage: String,
                metadata: [Field] = [], date: String? = nil, teaser: String? = nil, dateline: String? = nil,
                counts: Counts = Counts(), summary: [Int] = [], segments: [Segment] = [],
                glossary: [GlossaryItem] = [], glossaries: [String] = [], skeleton: WorksheetSkeleton? = nil) {
        self.source = source
        self.sourceLanguage = sourceLanguage
        self.languageIdentified = languageIdentified
        self.targetLanguage = targetLanguage
        self.metadata = metadata
        self.date = date
        self.teaser = teaser
        self.dateline = dateline
        self.counts = counts
        self.summary = summary
        self.segments = segments
        self.glossary = glossary
        self.glossaries = glossaries
        self.skeleton = skeleton
    }

    /// The skeleton the XLIFF writers carry: `skeleton`, or the text layout of the segments' blocks.
    public var skeletonOrLayout: WorksheetSkeleton {
        skeleton ?? WorksheetSkeleton.layout(of: self, form: .text)
    }

    /// The summary's segments, in document order.
    public var summarySegments: [Segment] {
        summary.compactMap { id in segments.first { $0.id == id } }
    }

    /// The glossary entry with this id ("g3").
    public func glossaryItem(_ id: String) -> GlossaryItem? {
        glossary.first { $0.id == id }
    }
}

/// A metadata line: key and value.
public struct Field: Sendable, Equatable, Codable {
    public var key: String
    public var value: String

    public init(key: String, value: String) {
        self.key = key
        self.value = value
    }
}

/// Word and character counts, GMX-V style (see `WordCounter`).
public struct Counts: Sendable, Equatable, Codable {
    public var words = 0
    public var characters = 0

    public init(words: Int = 0, characters: Int = 0) {
        self.words = words
        self.characters = characters
    }

    public static func + (a: Counts, b: Counts) -> Counts {
        Counts(words: a.words + b.words, characters: a.characters + b.characters)
    }
}

/// What a segment is in the document.
public enum SegmentKind: String, Sendable, Equatable, Codable, CaseIterable {
    case teaser
    case dateline
    case heading
    case paragraph
    case listItem = "list-item"
}

/// One unit of translation: a sentence, a heading, the dateline.
///
/// Compact, as a text may have a million: numbers are kept as `Int32`, and the target and the
/// marks (usually none) in one shared box that a segment without them does not have — 48 bytes
/// a segment besides its text, not 112.
public struct Segment: Sendable, Equatable, Codable {
    /// The source text (cleaned: NFC, soft hyphens and stray controls removed).
    public var source: String
    /// What few segments have: nothing (empty) or one element.
    private var extras: [Extras] = []
    private var storedID: Int32
    private var storedBlock: Int32
    private var words: Int32
    private var characters: Int32
    public var kind: SegmentKind
    /// Whether the summary takes this segment.
    public var inSummary = false

    /// The target and the marks of a segment that has any.
    private struct Extras: Sendable, Equatable {
        var target = ""
        var terms: [TermMark] = []
        var entities: [EntityMark] = []
        var measures: [MeasureMark] = []
        var quotes: [QuoteMark] = []
    }

    /// 1, 2, 3, … in document order.
    public var id: Int {
        get { Int(storedID) }
        set { storedID = Int32(newValue) }
    }
    /// The block it belongs to, counted from 1 (segments of one paragraph share it).
    public var block: Int {
        get { Int(storedBlock) }
        set { storedBlock = Int32(newValue) }
    }
    public var counts: Counts {
        get { Counts(words: Int(words), characters: Int(characters)) }
        set {
            words = Int32(newValue.words)
            characters = Int32(newValue.characters)
        }
    }
    /// Always empty: the translator's column.
    public var target: String {
        get { extras.first?.target ?? "" }
        _modify {
            if extras.isEmpty { extras = [Extras()] }
            yield &extras[0].target
        }
    }
    public var terms: [TermMark] {
        get { extras.first?.terms ?? [] }
        _modify {
            if extras.isEmpty { extras = [Extras()] }
            yield &extras[0].terms
        }
    }
    public var entities: [EntityMark] {
        get { extras.first?.entities ?? [] }
        _modify {
            if extras.isEmpty { extras = [Extras()] }
            yield &extras[0].entities
        }
    }
    public var measures: [MeasureMark] {
        get { extras.first?.measures ?? [] }
        _modify {
            if extras.isEmpty { extras = [Extras()] }
            yield &extras[0].measures
        }
    }
    public var quotes: [QuoteMark] {
        get { extras.first?.quotes ?? [] }
        _modify {
            if extras.isEmpty { extras = [Extras()] }
            yield &extras[0].quotes
        }
    }

    public init(id: Int, kind: SegmentKind, block: Int, source: String, counts: Counts) {
        self.source = source
        storedID = Int32(id)
        storedBlock = Int32(block)
        words = Int32(counts.words)
        characters = Int32(counts.characters)
        self.kind = kind
    }

    public static func == (a: Segment, b: Segment) -> Bool {
        a.id == b.id && a.kind == b.kind && a.block == b.block && a.source == b.source && a.target == b.target
            && a.counts == b.counts && a.inSummary == b.inSummary && a.terms == b.terms && a.entities == b.entities
            && a.measures == b.measures && a.quotes == b.quotes
    }

    // As the synthesized coding of the fields did (every key required; JSONWriter sorts them).
    enum CodingKeys: String, CodingKey { case id, kind, block, source, target, counts, inSummary, terms, entities, measures, quotes }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(id: try c.decode(Int.self, forKey: .id), kind: try c.decode(SegmentKind.self, forKey: .kind),
                  block: try c.decode(Int.self, forKey: .block), source: try c.decode(String.self, forKey: .source),
                  counts: try c.decode(Counts.self, forKey: .counts))
        let target = try c.decode(String.self, forKey: .target)
        inSummary = try c.decode(Bool.self, forKey: .inSummary)
        let terms = try c.decode([TermMark].self, forKey: .terms)
        let entities = try c.decode([EntityMark].self, forKey: .entities)
        let measures = try c.decode([MeasureMark].self, forKey: .measures)
        let quotes = try c.decode([QuoteMark].self, forKey: .quotes)
        if !(target.isEmpty && terms.isEmpty && entities.isEmpty && measures.isEmpty && quotes.isEmpty) {
            extras = [Extras(target: target, terms: terms, entities: entities, measures: measures, quotes: quotes)]
        }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(kind, forKey: .kind)
        try c.encode(block, forKey: .block)
        try c.encode(source, forKey: .source)
        try c.encode(target, forKey: .target)
        try c.encode(counts, forKey: .counts)
        try c.encode(inSummary, forKey: .inSummary)
        try c.encode(terms, forKey: .terms)
        try c.encode(entities, forKey: .entities)
        try c.encode(measures, forKey: .measures)
        try c.encode(quotes, forKey: .quotes)
    }
}

/// A glossary term in a segment.
public struct TermMark: Sendable, Equatable, Codable {
    public var start: Int
    public var end: Int
    /// The words as they stand in the text („Sicherheitsgarantien“).
    public var text: String
    /// The `GlossaryItem.id` of its entry.
    public var entry: String
    /// How it was found: exact, variant, inflected, compound (the raw value in JSON and notes).
    public var match: MatchKind

    public init(start: Int, end: Int, text: String, entry: String, match: MatchKind) {
        self.start = start
        self.end = end
        self.text = text
        self.entry = entry
        self.match = match
    }
}

/// A name in a segment.
public struct EntityMark: Sendable, Equatable, Codable {
    public var start: Int
    public var end: Int
    public var text: String
    /// PER, LOC, ORG or OTH in JSON and notes (the raw value).
    public var type: EntityType
    /// The name in Latin script (ICU's Any-Latin) when it is written in another script.
    public var latin: String?

    /// The type in words: person, place, organisation, other name.
    public var typeName: String {
        switch type {
        case .person: return "person"
        case .location: return "place"
        case .organization: return "organisation"
        case .other: return "other name"
        }
    }

    public init(start: Int, end: Int, text: String, type: EntityType, latin: String? = nil) {
        self.start = start
        self.end = end
        self.text = text
        self.type = type
        self.latin = latin
    }
}

/// A number, percentage, amount of money, date or year in a segment.
public struct MeasureMark: Sendable, Equatable, Codable {
    public var start: Int
    public var end: Int
    public var text: String
    /// number, percent, currency, date, year (the raw value in JSON and notes).
    public var kind: Measure.Kind
    /// How the target locale writes it („1.1 million“, „12/23/2025“), when ICU can say.
    public var rendering: String?

    public init(start: Int, end: Int, text: String, kind: Measure.Kind, rendering: String? = nil) {
        self.start = start
        self.end = end
        self.text = text
        self.kind = kind
        self.rendering = rendering
    }
}

/// Direct or reported speech in a segment (clipped to the segment when it runs over several).
public struct QuoteMark: Sendable, Equatable, Codable {
    /// The quoted words, from the first to the last (without the marks).
    public var start: Int
    public var end: Int
    public var text: String
    /// direct or reported (the raw value in JSON and notes).
    public var kind: QuoteKind
    /// How the text names the speaker („Rutte“, „er“), nil when it names none.
    public var speaker: String?

    public init(start: Int, end: Int, text: String, kind: QuoteKind, speaker: String? = nil) {
        self.start = start
        self.end = end
        self.text = text
        self.kind = kind
        self.speaker = speaker
    }
}

/// A glossary entry that occurs in the text, with its translations into the target language.
public struct GlossaryItem: Sendable, Equatable, Codable {
    /// "g1", "g2", … in order of first occurrence; what `TermMark.entry` names.
    public var id: String
    /// The concept's id in the glossary file, if it has one.
    public var concept: String?
    public var term: String
    public var partOfSpeech: String?
    public var definition: String?
    public var note: String?
    /// Translations into the target language: preferred first, then admitted, then deprecated.
    public var translations: [Translation]
    /// The segments it occurs in.
    public var segments: [Int]

    public init(id: String, concept: String? = nil, term: String, partOfSpeech: String? = nil, definition: String? = nil,
                note: String? = nil, translations: [Translation] = [], segments: [Int] = []) {
        self.id = id
        self.concept = concept
        self.term = term
        self.partOfSpeech = partOfSpeech
        self.definition = definition
        self.note = note
        self.translations = translations
        self.segments = segments
    }

    /// The translations to use (preferred and admitted).
    public var approved: [Translation] { translations.filter { $0.status != .deprecated } }
    /// The translations not to use.
    public var deprecated: [Translation] { translations.filter { $0.status == .deprecated } }
}

/// A target-language term of a glossary entry.
public struct Translation: Sendable, Equatable, Codable {
    public var term: String
    /// preferred, admitted or deprecated (the raw value in JSON and notes).
    public var status: TermStatus
    public var note: String?

    public init(term: String, status: TermStatus, note: String? = nil) {
        self.term = term
        self.status = status
        self.note = note
    }
}

// MARK: JSON with explicit nulls
// The JSON form writes every key, `null` where a value is unknown, so readers need no defaults.

extension Worksheet {
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(format, forKey: .format)
        try c.encode(version, forKey: .version)
        try c.encode(source, forKey: .source)
        try c.encode(sourceLanguage, forKey: .sourceLanguage)
        try c.encode(languageIdentified, forKey: .languageIdentified)
        try c.encode(targetLanguage, forKey: .targetLanguage)
        try c.encode(sourceDirection, forKey: .sourceDirection)
        try c.encode(targetDirection, forKey: .targetDirection)
        try c.encode(metadata, forKey: .metadata)
        try c.encode(date, forKey: .date)
        try c.encode(teaser, forKey: .teaser)
        try c.encode(dateline, forKey: .dateline)
        try c.encode(counts, forKey: .counts)
        try c.encode(summary, forKey: .summary)
        try c.encode(segments, forKey: .segments)
        try c.encode(glossary, forKey: .glossary)
        try c.encode(glossaries, forKey: .glossaries)
        try c.encode(skeleton, forKey: .skeleton)
    }
}

extension EntityMark {
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(start, forKey: .start)
        try c.encode(end, forKey: .end)
        try c.encode(text, forKey: .text)
        try c.encode(type, forKey: .type)
        try c.encode(latin, forKey: .latin)
    }
}

extension MeasureMark {
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(start, forKey: .start)
        try c.encode(end, forKey: .end)
        try c.encode(text, forKey: .text)
        try c.encode(kind, forKey: .kind)
        try c.encode(rendering, forKey: .rendering)
    }
}

extension QuoteMark {
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(start, forKey: .start)
        try c.encode(end, forKey: .end)
        try c.encode(text, forKey: .text)
        try c.encode(kind, forKey: .kind)
        try c.encode(speaker, forKey: .speaker)
    }
}

extension GlossaryItem {
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(concept, forKey: .concept)
        try c.encode(term, forKey: .term)
        try c.encode(partOfSpeech, forKey: .partOfSpeech)
        try c.encode(definition, forKey: .definition)
        try c.encode(note, forKey: .note)
        try c.encode(translations, forKey: .translations)
        try c.encode(segments, forKey: .segments)
    }
}

extension Translation {
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(term, forKey: .term)
        try c.encode(status, forKey: .status)
        try c.encode(note, forKey: .note)
    }
}
