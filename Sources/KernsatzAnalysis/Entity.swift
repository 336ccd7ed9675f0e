/// The kind of thing a name names, as news annotation (GermEval, CoNLL) divides them.
public enum EntityType: String, Sendable, CaseIterable, Codable {
    case person = "PER"
    case location = "LOC"
    case organization = "ORG"
    /// Other names: currencies, events, works, languages.
    case other = "OTH"
}

/// Why a name was taken for one, short enough for `--explain`; `description` is the form JSON and
/// listings show ("acronym", "first name", "title Präsident", "gazetteer country", "org suffix
/// GmbH", "multiword gazetteer place", "recurring", …).
///
///     EntityCue(.title, word: "Kanzlerin").description            // "title Kanzlerin"
///     EntityCue(.country, multiword: true).description            // "multiword gazetteer country"
public struct EntityCue: Sendable, Hashable, CustomStringConvertible {
    /// The rule or list that found the name; the raw value is its name in `description`.
    public enum Kind: String, Sendable, CaseIterable {
        case firstName = "first name"
        /// A title or role before the name; `word` is it („Präsident“).
        case title
        case initial
        case country = "gazetteer country"
        case region = "gazetteer region"
        case place = "gazetteer place"
        case city = "gazetteer city"
        case language = "gazetteer language"
        case prefixedPlace = "gazetteer place with prefix"
        case placeEnding = "place ending"
        case placeOpener = "place opener"
        case knownOrganization = "known organization"
        case acronym
        case orgCompound = "org compound"
        /// A legal form after the name; `word` is it („GmbH“).
        case orgSuffix = "org suffix"
        /// A head noun that ends organization names; `word` is it („Bank“).
        case orgHead = "org head"
        case adjectiveName = "adjective name"
        case otherName = "other name"
        case quotedTitle = "quoted title"
        case compoundPart = "compound part"
        /// An earlier mention in the document was a name.
        case recurring
        case capitalized
        case capitalizedAtStart = "capitalized at start"
        /// Several unknown capitalized words.
        case multiwordName = "multiword name"
    }

    public var kind: Kind
    /// A name of several words led by a word of `kind` („multiword gazetteer country“).
    public var multiword: Bool
    /// The title, legal form or head noun of `.title`, `.orgSuffix` and `.orgHead`, as the text writes it.
    public var word: String?

    public init(_ kind: Kind, word: String? = nil, multiword: Bool = false) {
        self.kind = kind
        self.word = word
        self.multiword = multiword
    }

    public var description: String {
        (multiword ? "multiword " : "") + kind.rawValue + (word.map { " " + $0 } ?? "")
    }
}

/// A name found in a text.
///
///     Entity(range: 10..<16, type: .person, cue: EntityCue(.title, word: "Kanzlerin"))
public struct Entity: Sendable, Equatable {
    /// UTF-16 offsets into the units given to the recognizer.
    public var range: Range<Int>
    public var type: EntityType
    /// Why it was taken for a name (`--explain`).
    public var cue: EntityCue

    public init(range: Range<Int>, type: EntityType, cue: EntityCue) {
        self.range = range
        self.type = type
        self.cue = cue
    }
}
