import KernsatzSegmentation
import KernsatzText

/// How long a summary should be.
public enum SummaryLength: Sendable, Equatable, CustomStringConvertible {
    /// At most this many sentences.
    case sentences(Int)
    /// At most this many words — unless the best single sentence is longer (`Summary.overLength`).
    case words(Int)
    /// This share of the body's words (0…1), at least one sentence.
    case ratio(Double)

    public var description: String {
        switch self {
        case .sentences(let n): return "\(n) sentence\(n == 1 ? "" : "s")"
        case .words(let n): return "\(n) word\(n == 1 ? "" : "s")"
        case .ratio(let r): return "ratio \(r)"
        }
    }
}

/// What the summarizer needs of a document: its text, sentences, layout, entities and quotes.
public struct SummaryDocument: Sendable {
    public var units: [UInt16]
    public var sentences: [Sentence]
    public var blocks: [Block]
    /// Entity ranges in `units`, in text order.
    public var entities: [Range<Int>]
    /// Direct-speech ranges in `units`, in text order.
    public var quotes: [Range<Int>]
    /// The document's token stream over `units`; made from `units` when nil.
    public var tokens: TokenStream?

    public init(units: [UInt16], sentences: [Sentence], blocks: [Block], entities: [Range<Int>] = [], quotes: [Range<Int>] = [],
                tokens: TokenStream? = nil) {
        self.tokens = tokens
        self.units = units
        self.sentences = sentences
        self.blocks = blocks
        self.entities = entities
        self.quotes = quotes
    }
}

/// One sentence's features and score: the rows of `kernsatz summarize --explain`.
public struct SentenceScore: Sendable, Equatable {
    public enum Role: String, Sendable, Codable {
        /// A body sentence the summary may take.
        case candidate
        /// Part of the teaser (standfirst): a summary already, shown as such, never picked again.
        case teaser
        /// A subheading: not summary material.
        case heading
    }

    /// The sentence's index in the document.
    public var sentence: Int
    public var role: Role
    public var words: Int
    /// Features, each 0…1 (see `SummaryWeights`).
    public var position = 0.0
    public var centrality = 0.0
    public var entities = 0.0
    public var quotes = 0.0
    public var years = 0.0
    public var length = 0.0
    /// The weighted sum of the features.
    public var score = 0.0
    /// The share of the sentence's key terms already covered when it was last weighed for the summary.
    public var overlap = 0.0
    /// `score − redundancy·overlap` when it was last weighed; nil if never.
    public var gain: Double?
    public var selected = false
}

/// An extractive summary: sentence indices in document order, with the scores that chose them.
public struct Summary: Sendable, Equatable {
    /// The chosen sentences, in document order.
    public var sentences: [Int]
    /// The teaser's sentences (shown as the document's own summary).
    public var teaser: [Int]
    /// Every sentence's features and score, in document order (made from `rows` when asked for).
    public var scores: [SentenceScore] {
        get { rows.map(SentenceScore.init) }
        set { rows = newValue.map(ScoreRow.init) }
    }
    /// One sentence's features and score (`scores[sentence]`, without making them all).
    public func score(of sentence: Int) -> SentenceScore { SentenceScore(rows[sentence]) }
    /// The scores as kept: 88 bytes a sentence, not 104 (a text may have a million).
    var rows: [ScoreRow]
    public var length: SummaryLength
    /// The words of the chosen sentences.
    public var words: Int
    /// True when `.words(n)` could only be met by the best single sentence, which is longer than n.
    public var overLength: Bool
    /// The weights the scores were computed with.
    public var weights: SummaryWeights
}

/// `SentenceScore` as the summarizer keeps it: the same fields, the whole numbers as `Int32` and the
/// gain without an optional's padding.
struct ScoreRow: Sendable, Equatable {
    private var storedSentence: Int32
    private var storedWords: Int32
    var role: SentenceScore.Role
    var selected = false
    private var hasGain = false
    var position = 0.0
    var centrality = 0.0
    var entities = 0.0
    var quotes = 0.0
    var years = 0.0
    var length = 0.0
    var score = 0.0
    var overlap = 0.0
    private var storedGain = 0.0

    var sentence: Int { Int(storedSentence) }
    var words: Int { Int(storedWords) }
    var gain: Double? {
        get { hasGain ? storedGain : nil }
        set {
            hasGain = newValue != nil
            storedGain = newValue ?? 0
        }
    }

    init(sentence: Int, role: SentenceScore.Role, words: Int) {
        storedSentence = Int32(sentence)
        storedWords = Int32(words)
        self.role = role
    }

    init(_ score: SentenceScore) {
        self.init(sentence: score.sentence, role: score.role, words: score.words)
        (position, centrality, entities, quotes, years, length) = (score.position, score.centrality, score.entities, score.quotes, score.years, score.length)
        (self.score, overlap, gain, selected) = (score.score, score.overlap, score.gain, score.selected)
    }
}

extension SentenceScore {
    init(_ row: ScoreRow) {
        self.init(sentence: row.sentence, role: row.role, words: row.words)
        (position, centrality, entities, quotes, years, length) = (row.position, row.centrality, row.entities, row.quotes, row.years, row.length)
        (score, overlap, gain, selected) = (row.score, row.overlap, row.gain, row.selected)
    }
}
