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
///   through the terms the summary covers).
public struct Summarizer: Sendable {
    public let language: String
    public var weights: SummaryWeights
    /// Function words, which are never key terms (as folded word hashes).
    /// Function words, folded as token keys are (`TokenStream.fold`).
    let stopwords: Set<String>

    /// Sentences with fewer words are fragments (length feature 0).
    static let shortSentence = 5
    /// Sentences of this many words and more get a falling length feature.
    static let longSentence = 40

    public init(language: String, weights: SummaryWeights = SummaryWeights()) {
        self.language = LanguageTag.normalized(language)
        self.weights = weights
        let primary = LanguageTag.primary(language)
        let list = LanguageList.shipped(.stopwords, language: primary) ?? LanguageList.shipped(.stopwords, language: "en")
        stopwords = Set((list?.entries ?? []).map(TokenStream.fold))
    }

    public func summarize(_ document: SummaryDocument, length: SummaryLength) -> Summary {
        var scores: [ScoreRow] = []
        scores.reserveCapacity(document.sentences.count)
        var bodyIndex = 0
        let (terms, documentFrequency, teaserTerms) = scan(document) { index, role, counts in
            let wordCount = Int(counts.words)
            var row = ScoreRow(sentence: index, role: role, words: wordCount)
            row.entities = wordCount == 0 ? 0 : Double(counts.entities) / Double(wordCount)
            row.quotes = counts.units == 0 ? 0 : Double(counts.quoted) / Double(counts.units)
            row.years = wordCount == 0 ? 0 : Double(counts.years) / Double(wordCount)
            if role == .candidate {
                row.position = 1 / pow(1 + Double(bodyIndex), weights.positionDecay)
                bodyIndex += 1
            }
            row.length = Self.lengthFeature(wordCount)
            scores.append(row)
        }

        // Centrality: the key terms a sentence shares with the rest of the document, per √terms.
        var maxCentrality = 0.0, maxEntities = 0.0, maxYears = 0.0
        for index in scores.indices where scores[index].role == .candidate {
            var shared = 0.0
            for term in terms[index] { shared += Double(documentFrequency[Int(term)] - 1) }
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
        return Summary(sentences: chosen, teaser: scores.filter { $0.role == .teaser }.map(\.sentence), rows: scores,
                       length: length, words: chosen.reduce(0) { $0 + scores[$1].words },
                       overLength: picked.overLength, weights: weights)
    }

    /// The summary's sentences, in document order: `summarize(document, length: length).sentences`,
    /// without every sentence's scores. For `.sentences(n)` it keeps 20 bytes a sentence (its
    /// counts) instead of a `ScoreRow` of 88, and weighs only the candidates that can be picked:
    /// a sentence's gain is at most its score and at least its score − redundancy (its score, if
    /// it has no key terms), so one whose score is below the n-th best of those lower bounds never
    /// tops the heap while fewer than n are chosen.
    public func sentences(of document: SummaryDocument, length: SummaryLength) -> [Int] {
        guard case .sentences(let n) = length, weights.redundancy >= 0 else { return summarize(document, length: length).sentences }
        let maxSentences = max(0, n)
        var counts: [SentenceCounts] = []
        counts.reserveCapacity(document.sentences.count)
        let (terms, documentFrequency, teaserTerms) = scan(document) { _, _, sentence in counts.append(sentence) }
        guard maxSentences > 0 else { return [] }

        // The same features and score as `summarize`, computed again where needed instead of kept.
        func centrality(_ index: Int) -> Double {
            var shared = 0.0
            for term in terms[index] { shared += Double(documentFrequency[Int(term)] - 1) }
            return terms[index].isEmpty ? 0 : shared / Double(terms[index].count).squareRoot()
        }
        func ratio(_ part: Int32, _ whole: Int32) -> Double { whole == 0 ? 0 : Double(part) / Double(whole) }
        var maxCentrality = 0.0, maxEntities = 0.0, maxYears = 0.0
        for index in counts.indices where counts[index].role == .candidate {
            maxCentrality = max(maxCentrality, centrality(index))
            maxEntities = max(maxEntities, ratio(counts[index].entities, counts[index].words))
            maxYears = max(maxYears, ratio(counts[index].years, counts[index].words))
        }
        func score(_ index: Int, bodyIndex: Int) -> Double {
            let row = counts[index]
            let position = 1 / pow(1 + Double(bodyIndex), weights.positionDecay)
            var centrality = centrality(index), entities = ratio(row.entities, row.words), years = ratio(row.years, row.words)
            let quotes = ratio(row.quoted, row.units)
            if maxCentrality > 0 { centrality /= maxCentrality }
            if maxEntities > 0 { entities /= maxEntities }
            if maxYears > 0 { years /= maxYears }
            return weights.position * position + weights.centrality * centrality
                + weights.entities * entities + weights.quotes * quotes + weights.years * years
                + weights.length * Self.lengthFeature(Int(row.words))
        }
        // Each candidate's score, in order, with its sentence (candidates: body sentences with words).
        func forEachCandidate(_ body: (Int, Double) -> Void) {
            var bodyIndex = 0
            for index in counts.indices where counts[index].role == .candidate {
                if counts[index].words > 0 { body(index, score(index, bodyIndex: bodyIndex)) }
                bodyIndex += 1
            }
        }

        // The n-th best lower bound of a gain: no pick is below it.
        var floors = Heap<Double>()
        forEachCandidate { index, score in
            let floor = terms[index].isEmpty ? score : score - weights.redundancy * 1.0
            if floors.count < maxSentences {
                floors.insert(floor)
            } else if let least = floors.min, floor > least {
                floors.replaceMin(with: floor)
            }
        }
        let threshold = floors.count == maxSentences ? floors.min ?? -.infinity : -.infinity
        // Entries with their scores, to be weighed again without computing the score again.
        struct Kept: Comparable {
            var entry: PickEntry
            var score: Double
            static func < (a: Kept, b: Kept) -> Bool { a.entry < b.entry }
            static func == (a: Kept, b: Kept) -> Bool { a.entry == b.entry }
        }
        // Room for one entry per sentence from the start: no doubling buffers beside the token
        // stream, which is still held while a worksheet's summary is made.
        var heap = Heap<Kept>(minimumCapacity: counts.count)
        forEachCandidate { index, score in
            guard !(score < threshold) else { return }
            let gain = score - weights.redundancy * Self.overlap(terms[index], teaserTerms)
            heap.insert(Kept(entry: PickEntry(gain: gain, index: Int32(index), fresh: 0), score: score))
        }
        var covered = teaserTerms
        var chosen: [Int] = []
        while chosen.count < maxSentences, let top = heap.popMax() {
            let topIndex = Int(top.entry.index)
            if top.entry.fresh != chosen.count {
                // Re-weigh against the current summary and put back.
                let gain = top.score - weights.redundancy * Self.overlap(terms[topIndex], covered)
                heap.insert(Kept(entry: PickEntry(gain: gain, index: top.entry.index, fresh: Int32(chosen.count)), score: top.score))
                continue
            }
            chosen.append(topIndex)
            for term in terms[topIndex] { covered[Int(term)] = true }
        }
        return chosen.sorted()
    }

    /// One pass over the sentences: each one's role and counts go to `row`, in order; returned are
    /// each sentence's key terms, by term the sentences (not headings) that have it, and by term
    /// whether the teaser has it.
    private func scan(_ document: SummaryDocument,
                      _ row: (Int, SentenceScore.Role, SentenceCounts) -> Void) -> (TermLists, [Int], [Bool]) {
        let units = document.units
        // Each sentence's key terms, as numbers given in order of first appearance, in one array.
        var terms = TermLists(sentences: document.sentences.count)
        let stream = document.tokens ?? TokenStream(units: units)
        // By token key: its term number, -1 for no term, -2 not yet seen.
        var termOfKey = [Int32](repeating: -2, count: stream.keys.count)
        var termCount: Int32 = 0
        var entityCursor = 0, quoteCursor = 0
        // By term: in how many sentences (not headings) it is, and the last sentence it was seen in.
        var documentFrequency: [Int] = []
        var lastSeen: [Int] = []
        var teaserTerms: [Bool] = []

        for (index, sentence) in document.sentences.enumerated() {
            let kind = sentence.block < document.blocks.count ? document.blocks[sentence.block].kind : .paragraph
            let role: SentenceScore.Role = kind == .teaser ? .teaser : kind == .heading ? .heading : .candidate
            var wordCount = 0
            var years = 0
            for token in stream.tokens(in: sentence.range) where token.isWordLike {
                wordCount += 1
                if Self.isYear(units, token.range) { years += 1 }
                // Key terms: no function words, no one- and two-letter words; numbers kept.
                guard token.length >= 3 else { continue }
                var number = termOfKey[Int(token.key)]
                if number == -2 {
                    number = stopwords.contains(stream.folded(token)) ? -1 : termCount
                    if number >= 0 { termCount += 1 }
                    termOfKey[Int(token.key)] = number
                }
                guard number >= 0 else { continue }
                let term = Int(number)
                if term == lastSeen.count {
                    // A new term.
                    documentFrequency.append(0)
                    lastSeen.append(-1)
                    teaserTerms.append(false)
                }
                guard lastSeen[term] != index else { continue }
                lastSeen[term] = index
                terms.append(term)
                if role != .heading { documentFrequency[term] += 1 }
                if role == .teaser { teaserTerms[term] = true }
            }
            terms.endSentence()
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
            row(index, role, SentenceCounts(words: Int32(wordCount), years: Int32(years), entities: Int32(entityCount),
                                            quoted: Int32(quoted), units: Int32(sentence.range.count), role: role))
        }
        return (terms, documentFrequency, teaserTerms)
    }

    /// Greedy selection by gain = score − redundancy·overlap, lazily re-weighed: a candidate's gain
    /// only falls as the summary grows, so a popped candidate whose fresh gain still tops the heap
    /// is the best one.
    /// - Parameters:
    ///   - terms: Each sentence's key terms, numbered.
    ///   - initial: By term number, whether the teaser has it.
    func pick(_ scores: inout [ScoreRow], terms: TermLists, covered initial: [Bool],
              length: SummaryLength) -> (indices: [Int], overLength: Bool) {
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
        for index in candidates {
            let overlap = Self.overlap(terms[index], initial)
            scores[index].overlap = overlap
            scores[index].gain = scores[index].score - weights.redundancy * overlap
        }
        // From a lazy sequence: one array of entries, not a mapped one and the heap's copy.
        var heap = Heap(candidates.lazy.map { [scores] index in PickEntry(gain: scores[index].gain!, index: Int32(index), fresh: 0) })
        var covered = initial
        var chosen: [Int] = []
        var words = 0
        while chosen.count < maxSentences, let top = heap.popMax() {
            let topIndex = Int(top.index)
            if top.fresh != chosen.count {
                // Re-weigh against the current summary and put back.
                let overlap = Self.overlap(terms[topIndex], covered)
                let gain = scores[topIndex].score - weights.redundancy * overlap
                scores[topIndex].overlap = overlap
                scores[topIndex].gain = gain
                heap.insert(PickEntry(gain: gain, index: top.index, fresh: Int32(chosen.count)))
                continue
            }
            scores[topIndex].gain = top.gain
            let sentenceWords = scores[topIndex].words
            if words + sentenceWords > maxWords {
                if case .ratio = length, chosen.isEmpty {} else { continue }
            }
            chosen.append(topIndex)
            scores[topIndex].selected = true
            words += sentenceWords
            for term in terms[topIndex] { covered[Int(term)] = true }
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

    /// The share of `terms` that `covered` (by term number) has.
    static func overlap(_ terms: ArraySlice<Int32>, _ covered: [Bool]) -> Double {
        guard !terms.isEmpty else { return 0 }
        var shared = 0
        for term in terms where covered[Int(term)] { shared += 1 }
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

}

/// A candidate in the summarizer's heap: its gain when last weighed, and how many sentences the
/// summary had then. The greater gain first; of equal gains, the earlier sentence.
struct PickEntry: Comparable {
    var gain: Double
    var index: Int32
    var fresh: Int32
    static func < (a: PickEntry, b: PickEntry) -> Bool { a.gain != b.gain ? a.gain < b.gain : a.index > b.index }
}

/// What the summarizer counts in one sentence: 20 bytes (a text may have a million sentences).
struct SentenceCounts {
    var words: Int32
    var years: Int32
    var entities: Int32
    /// Units inside direct quotes, and all units.
    var quoted: Int32
    var units: Int32
    var role: SentenceScore.Role
}

/// Each sentence's key-term numbers, all in one array (not an array per sentence).
struct TermLists {
    private var numbers: [Int32] = []
    /// Where each sentence's numbers start; the last is `numbers.count`.
    private var starts: [Int32]

    init(sentences: Int) {
        starts = [0]
        starts.reserveCapacity(sentences + 1)
    }

    /// A term of the sentence being added.
    mutating func append(_ term: Int) { numbers.append(Int32(term)) }

    /// Ends the sentence being added.
    mutating func endSentence() { starts.append(Int32(numbers.count)) }

    subscript(sentence: Int) -> ArraySlice<Int32> { numbers[Int(starts[sentence])..<Int(starts[sentence + 1])] }
}

