/// The kind of thing a name names, as news annotation (GermEval, CoNLL) divides them.
public enum EntityType: String, Sendable, CaseIterable, Codable {
    case person = "PER"
    case location = "LOC"
    case organization = "ORG"
    /// Other names: currencies, events, works, languages.
    case other = "OTH"
}

/// A name found in a text.
///
///     Entity(range: 10..<16, type: .person, cue: "title Kanzlerin")
public struct Entity: Sendable, Equatable {
    /// UTF-16 offsets into the units given to the recognizer.
    public var range: Range<Int>
    public var type: EntityType
    /// Why it was taken for a name, short enough for `--explain`: "acronym", "first name",
    /// "title Präsident", "gazetteer country", "org suffix GmbH", "recurring", …
    public var cue: String

    public init(range: Range<Int>, type: EntityType, cue: String) {
        self.range = range
        self.type = type
        self.cue = cue
    }
}
