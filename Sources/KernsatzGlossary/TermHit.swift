/// How a glossary term was found.
///
/// When several apply, the label is the most distant relation, in this order:
/// `compound` > `inflected` > `variant` > `exact` („des Nato-Gipfels“ for „NATO-Gipfel“ is
/// `inflected`: inflection and press spelling, and the inflection is named).
public enum MatchKind: String, Sendable, Codable, CaseIterable, Comparable {
    /// The term as written, after NFC and case folding (acronyms: same case).
    case exact
    /// Hyphen/space variants („NATO Gipfel“, „Waffen-Stillstand“), press spelling („Nato“ for „NATO“).
    case variant
    /// An inflected form of the whole term, adjective endings in multiword terms included.
    case inflected
    /// The term as the head („Staatsgarantie“, „NATO-Generalsekretär“) or first part with a
    /// linking element („Waffenstillstandsabkommen“) of a longer word; the hit is the whole word.
    case compound

    var rank: Int {
        switch self {
        case .exact: return 0
        case .variant: return 1
        case .inflected: return 2
        case .compound: return 3
        }
    }

    public static func < (a: MatchKind, b: MatchKind) -> Bool { a.rank < b.rank }
}

/// One occurrence of a glossary term in a text.
public struct TermHit: Sendable, Equatable, Hashable {
    /// UTF-16 offsets into the text matched.
    public let range: Range<Int>
    /// Index into the matcher's `glossary.entries`.
    public let entry: Int
    public let match: MatchKind

    public init(range: Range<Int>, entry: Int, match: MatchKind) {
        self.range = range
        self.entry = entry
        self.match = match
    }
}
