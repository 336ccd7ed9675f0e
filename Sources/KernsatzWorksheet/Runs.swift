/// A stretch of a segment's source under the same marks: what the writers highlight.
///
/// Marks may overlap (a name inside a quote, a term that is also a name); runs never do, so a
/// writer emits flat, well-nested markup whatever the marks look like.
public struct Run: Sendable, Equatable {
    public var text: String
    /// Index into `Segment.terms` of the term covering the run, if any.
    public var term: Int?
    /// Index into `Segment.entities`.
    public var entity: Int?
    /// Index into `Segment.measures`.
    public var measure: Int?
    /// Index into `Segment.quotes`.
    public var quote: Int?

    public init(text: String, term: Int? = nil, entity: Int? = nil, measure: Int? = nil, quote: Int? = nil) {
        self.text = text
        self.term = term
        self.entity = entity
        self.measure = measure
        self.quote = quote
    }

    public var isPlain: Bool { term == nil && entity == nil && measure == nil && quote == nil }
}

extension Segment {
    /// The source cut at every mark's start and end, each run with the marks that cover it.
    /// Runs of the same marks are joined; their texts concatenated give `source`.
    public var runs: [Run] {
        let scalars = Array(source.unicodeScalars)
        var cuts: Set<Int> = [0, scalars.count]
        func add(_ start: Int, _ end: Int) {
            cuts.insert(min(max(start, 0), scalars.count))
            cuts.insert(min(max(end, 0), scalars.count))
        }
        for mark in terms { add(mark.start, mark.end) }
        for mark in entities { add(mark.start, mark.end) }
        for mark in measures { add(mark.start, mark.end) }
        for mark in quotes { add(mark.start, mark.end) }
        let sorted = cuts.sorted()
        // Run i is sorted[i]..<sorted[i + 1]; a mark covers the runs between its cuts. The first
        // mark (lowest index) covering a run wins: marks are laid down from the last to the first.
        var runIndex: [Int: Int] = [:]
        for (index, cut) in sorted.enumerated() { runIndex[cut] = index }
        func covering(_ spans: [(Int, Int)]) -> [Int?] {
            var cover = [Int?](repeating: nil, count: max(sorted.count - 1, 0))
            for (mark, span) in spans.enumerated().reversed() {
                guard let first = runIndex[min(max(span.0, 0), scalars.count)],
                      let last = runIndex[min(max(span.1, 0), scalars.count)], first < last else { continue }
                for run in first..<last { cover[run] = mark }
            }
            return cover
        }
        let termCover = covering(terms.map { ($0.start, $0.end) })
        let entityCover = covering(entities.map { ($0.start, $0.end) })
        let measureCover = covering(measures.map { ($0.start, $0.end) })
        let quoteCover = covering(quotes.map { ($0.start, $0.end) })
        var runs: [Run] = []
        for (index, (start, end)) in zip(sorted, sorted.dropFirst()).enumerated() where start < end {
            var run = Run(text: String(String.UnicodeScalarView(scalars[start..<end])))
            run.term = termCover[index]
            run.entity = entityCover[index]
            run.measure = measureCover[index]
            run.quote = quoteCover[index]
            if var last = runs.last, last.term == run.term, last.entity == run.entity,
               last.measure == run.measure, last.quote == run.quote {
                last.text += run.text
                runs[runs.count - 1] = last
            } else {
                runs.append(run)
            }
        }
        return runs
    }

    /// The source cut at the term marks only: plain text and terms alternating (XLIFF's `mrk`).
    /// Terms never overlap each other (the matcher keeps the longest), so this is always well nested.
    public var termRuns: [(text: String, term: Int?)] {
        let scalars = Array(source.unicodeScalars)
        var pieces: [(String, Int?)] = []
        var position = 0
        for (index, mark) in terms.enumerated().sorted(by: { $0.element.start < $1.element.start }) {
            let start = min(max(mark.start, position), scalars.count)
            let end = min(max(mark.end, start), scalars.count)
            if start > position { pieces.append((String(String.UnicodeScalarView(scalars[position..<start])), nil)) }
            if end > start { pieces.append((String(String.UnicodeScalarView(scalars[start..<end])), index)) }
            position = end
        }
        if position < scalars.count { pieces.append((String(String.UnicodeScalarView(scalars[position...])), nil)) }
        return pieces
    }
}
