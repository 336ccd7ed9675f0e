/// Every weight of sentence ranking, in one place.
///
/// A sentence's score is the weighted sum of its features, each in 0…1:
///
///     score = position·p + centrality·c + entities·e + quotes·q + years·y + length·l
///
/// and a candidate's gain while the summary is picked is `score − redundancy·overlap`, where
/// overlap is the share of its key terms already in the summary (or in the teaser).
///
/// The defaults were set on the German news summarization development set (web teasers as
/// references, `kernsatz-eval summaries`): the news lede carries most of a teaser's words, so
/// position weighs most; centrality and entity density decide among the later sentences; direct
/// quotes are kept but not preferred (teasers report, they rarely quote); a sentence that says when
/// (a year) gains, as news answers who, what, when and why — the weight is the one at which the
/// seed article's time-anchored reason („ab 2027, 2029 oder 2031“) enters its 3-sentence summary,
/// at a cost of 0.1 ROUGE on the development set; redundancy control keeps a second sentence that
/// says the first again out.
public struct SummaryWeights: Sendable, Equatable, Codable {
    /// Position in the body: 1 for the first sentence, falling with `positionDecay`.
    public var position = 1.0
    /// How fast the position feature falls: feature = 1 / (1 + index)^decay.
    public var positionDecay = 0.5
    /// Overlap with the document's key terms (words found in several sentences).
    public var centrality = 0.5
    /// Named entities per word, relative to the densest sentence.
    public var entities = 0.2
    /// The share of the sentence inside direct quotes.
    public var quotes = 0.05
    /// Years (four digits, 1900–2099) per word, relative to the sentence with most: when things happen.
    public var years = 0.35
    /// 1 for sentences of ordinary length, less for fragments and very long ones.
    public var length = 0.3
    /// Penalty for repeating key terms the summary (or the teaser) already has.
    public var redundancy = 1.0

    public init() {}

    /// The weights' names as `--weights` takes them: "position=1,centrality=0.5".
    public static let names = ["position", "positionDecay", "centrality", "entities", "quotes", "years", "length", "redundancy"]

    /// Sets weights from "name=value,…" (`--weights`); returns the first pair it cannot read (no
    /// such weight, or not a finite number), or nil when all were set.
    public mutating func apply(_ overrides: String) -> String? {
        for pair in overrides.split(separator: ",") {
            let parts = pair.split(separator: "=")
            guard parts.count == 2, let value = Double(parts[1]), value.isFinite, set(String(parts[0]), value) else {
                return String(pair)
            }
        }
        return nil
    }

    /// Sets one weight by name; false when there is no such weight.
    public mutating func set(_ name: String, _ value: Double) -> Bool {
        switch name {
        case "position": position = value
        case "positionDecay": positionDecay = value
        case "centrality": centrality = value
        case "entities": entities = value
        case "quotes": quotes = value
        case "years": years = value
        case "length": length = value
        case "redundancy": redundancy = value
        default: return false
        }
        return true
    }
}
