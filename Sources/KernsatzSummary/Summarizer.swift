import Foundation
import HeapModule
import KernsatzAnalysis
import KernsatzSegmentation
import KernsatzText

/// Extractive summaries: every body sentence is scored from its position, centrality (overlap with
/// the document's key terms), entity density, quote density and length (`SummaryWeights`); the
/// summary is picked greedily by score minus redundancy with what it (and the teaser) already
/// says, and returned in document order. Deterministic: ties go to the earlier sentence.
///
///     let summarizer = Summarizer(language: "de")
///     let summary = summarizer.summarize(document, length: .sentences(2))
///     summary.sentences   // [0, 3]
///
/// - Complexity: O(*n* + *k* log *n*) for *n* words and *k* sentences weighed: no sentence is
///   compared with every other (centrality goes through the document's term counts, redundancy
///   through the set of terms the summary covers).
public struct Summarizer: Sendable {
    public let language: String
    public var weights: SummaryWeights
    /// Function words, which are never key terms (as folded word hashes).
    let stopwords: Set<UInt64>

    /// Sentences with fewer words are fragments (length feature 0).
    static let shortSentence = 5
    /// Sentences of this many words and more get a falling length feature.
    static let longSentence = 40

    public init(language: String, weights: SummaryWeights = SummaryWeights()) {
        self.language = LanguageTag.normalized(language)
        self.weights = weights
        let primary = LanguageTag.primary(language)
        let list = LanguageList.shipped(.stopwords, language: primary) ?? LanguageList.shipped(.stopwords, language: "en")
        stopwords = Set((list?.entries ?? []).map { WordHash.of($0.lowercased().utf16, fold: true) })
    }

    public func summarize(_ document: SummaryDocument, length: SummaryLength) -> Summary {
        let units = document.units
        var scores: [SentenceScore] = []
        scores.reserveCapacity(document.sentences.count)
        var terms: [[UInt64]] = []
        terms.reserveCapacity(document.sentences.count)
        var entityCursor = 0, quoteCursor = 0
        var bodyIndex = 0
        var documentFrequency: [UInt64: Int] = [:]
        var teaserTerms: Set<UInt64> = []
        // The key terms of the sentence at hand (one set for all sentences).
        var seen: Set<UInt64> = []

        for (index, sentence) in document.sentences.enumerated() {
            let kind = sentence.block < document.blocks.count ? document.blocks[sentence.block].kind : .paragraph
            let role: SentenceScore.Role = kind == .teaser ? .teaser : kind == .heading ? .heading : .candidate
            let tokens = Tokenizer.tokens(in: units, range: sentence.range).filter { $0.kind == .word }
            var row = SentenceScore(sentence: index, role: role, words: tokens.count)
            var sentenceTerms: [UInt64] = []
            seen.removeAll(keepingCapacity: true)
            var years = 0
            for token in tokens {
                if Self.isYear(units, token.range) { years += 1 }
                guard let term = keyTerm(units, token.range), seen.insert(term).inserted else { continue }
                sentenceTerms.append(term)
            }
            if role != .heading {
                for term in sentenceTerms { documentFrequency[term, default: 0] += 1 }
            }
            if role == .teaser { teaserTerms.formUnion(sentenceTerms) }
            // Entities and quote characters inside the sentence (both lists in text order).
            var entityCount = 0
            while entityCursor < document.entities.count, document.entities[entityCursor].upperBound <= sentence.range.lowerBound { entityCursor += 1 }
            var e = entityCursor
            while e < document.entities.count, document.entities[e].lowerBound < sentence.range.upperBound {
                entityCount += 1
                e += 1
            }
            var quoted = 0
            while quoteCursor < document.quotes.count, document.quotes[quoteCursor].upperBound <= sentence.range.lowerBound { quoteCursor += 1 }
            var q = quoteCursor
            while q < document.quotes.count, document.quotes[q].lowerBound < sentence.range.upperBound {
                quoted += document.quotes[q].clamped(to: sentence.range).count
                q += 1
            }
            row.entities = tokens.isEmpty ? 0 : Double(entityCount) / Double(tokens.count)
            row.quotes = sentence.range.isEmpty ? 0 : Double(quoted) / Double(sentence.range.count)
            row.years = tokens.isEmpty ? 0 : Double(years) / Double(tokens.count)
            if role == .candidate {
                row.position = 1 / pow(1 + Double(bodyIndex), weights.positionDecay)
                bodyIndex += 1
            }
            row.length = Self.lengthFeature(tokens.count)
            scores.append(row)
            terms.append(sentenceTerms)
        }

        // Centrality: the key terms a sentence shares with the rest of the document, per √terms.
        var maxCentrality = 0.0, maxEntities = 0.0, maxYears = 0.0
        for index in scores.indices where scores[index].role == .candidate {
            var shared = 0.0
            for term in terms[index] { shared += Double((documentFrequency[term] ?? 1) - 1) }
            let centrality = terms[index].isEmpty ? 0 : shared / Double(terms[index].count).squareRoot()
            scores[index].centrality = centrality
            maxCentrality = max(maxCentrality, centrality)
            maxEntities = max(maxEntities, scores[index].entities)
            maxYears = max(maxYears, scores[index].years)
        }
        for index in scores.indices where scores[index].role == .candidate {
            if maxCentrality > 0 { scores[index].centrality /= maxCentrality }
            if maxEntities > 0 { scores[index].entities /= maxEntities }
            if maxYears > 0 { scores[index].years /= maxYears }
            let row = scores[index]
            scores[index].score = weights.position * row.position + weights.centrality * row.centrality
                + weights.entities * row.entities + weights.quotes * row.quotes + weights.years * row.years
                + weights.length * row.length
        }

        let picked = pick(&scores, terms: terms, covered: teaserTerms, length: length)
        let chosen = picked.indices.sorted()
        return Summary(sentences: chosen, teaser: scores.filter { $0.role == .teaser }.map(\.sentence), scores: scores,
                       length: length, words: chosen.reduce(0) { $0 + scores[$1].words },
                       overLength: picked.overLength, weights: weights)
    }

    /// Greedy selection by gain = score − redundancy·overlap, lazily re-weighed: a candidate's gain
    /// only falls as the summary grows, so a popped candidate whose fresh gain still tops the heap
    /// is the best one.
    func pick(_ scores: inout [SentenceScore], terms: [[UInt64]], covered initial: Set<UInt64>,
              length: SummaryLength) -> (indices: [Int], overLength: Bool) {
        struct Entry: Comparable {
            var gain: Double
            var index: Int
            var fresh: Int
            static func < (a: Entry, b: Entry) -> Bool { a.gain != b.gain ? a.gain < b.gain : a.index > b.index }
        }
        let candidates = scores.indices.filter { scores[$0].role == .candidate && scores[$0].words > 0 }
        guard !candidates.isEmpty else { return ([], false) }
        let bodyWords = candidates.reduce(0) { $0 + scores[$1].words }
        var maxSentences = Int.max, maxWords = Int.max
        switch length {
        case .sentences(let n): maxSentences = max(0, n)
        case .words(let n): maxWords = max(0, n)
        case .ratio(let r): maxWords = max(1, Int((Double(bodyWords) * min(max(r, 0), 1)).rounded()))
        }
        // Weighed first against the teaser's terms: a sentence that repeats the teaser starts lower.
        var heap = Heap(candidates.map { index -> Entry in
            let overlap = Self.overlap(terms[index], initial)
            scores[index].overlap = overlap
            scores[index].gain = scores[index].score - weights.redundancy * overlap
            return Entry(gain: scores[index].gain!, index: index, fresh: 0)
        })
        var covered = initial
        var chosen: [Int] = []
        var words = 0
        while chosen.count < maxSentences, let top = heap.popMax() {
            if top.fresh != chosen.count {
                // Re-weigh against the current summary and put back.
                let overlap = Self.overlap(terms[top.index], covered)
                let gain = scores[top.index].score - weights.redundancy * overlap
                scores[top.index].overlap = overlap
                scores[top.index].gain = gain
                heap.insert(Entry(gain: gain, index: top.index, fresh: chosen.count))
                continue
            }
            scores[top.index].gain = top.gain
            let sentenceWords = scores[top.index].words
            if words + sentenceWords > maxWords {
                if case .ratio = length, chosen.isEmpty {} else { continue }
            }
            chosen.append(top.index)
            scores[top.index].selected = true
            words += sentenceWords
            covered.formUnion(terms[top.index])
            if words >= maxWords { break }
        }
        if chosen.isEmpty, maxSentences > 0, case .words = length {
            // Nothing fits: the best single sentence, flagged as longer than asked.
            let best = candidates.max { scores[$0].score != scores[$1].score ? scores[$0].score < scores[$1].score : $0 > $1 }!
            scores[best].selected = true
            return ([best], true)
        }
        return (chosen, false)
    }

    static func overlap(_ terms: [UInt64], _ covered: Set<UInt64>) -> Double {
        guard !terms.isEmpty else { return 0 }
        var shared = 0
        for term in terms where covered.contains(term) { shared += 1 }
        return Double(shared) / Double(terms.count)
    }

    /// Four digits from 1900 to 2099.
    static func isYear(_ units: [UInt16], _ range: Range<Int>) -> Bool {
        guard range.count == 4 else { return false }
        let at = range.lowerBound
        for i in at..<at + 4 where !(units[i] >= 0x30 && units[i] <= 0x39) { return false }
        let century = (units[at], units[at + 1])
        return century == (0x31, 0x39) || century == (0x32, 0x30)
    }

    /// 0 for fragments, 1 for ordinary sentences, falling slowly past `longSentence` words.
    static func lengthFeature(_ words: Int) -> Double {
        if words < shortSentence { return 0 }
        if words <= longSentence { return 1 }
        return Double(longSentence) / Double(words)
    }

    /// A word's key term: its case-folded hash; no function words, no one- and two-letter words;
    /// numbers kept.
    func keyTerm(_ units: [UInt16], _ range: Range<Int>) -> UInt64? {
        guard range.count >= 3 else { return nil }
        let hash = WordHash.of(units[range], fold: true)
        return stopwords.contains(hash) ? nil : hash
    }
}
