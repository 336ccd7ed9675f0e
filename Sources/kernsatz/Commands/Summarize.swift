import ArgumentParser
import Foundation
import Kernsatz

extension SummaryWeights {
    /// Reads "name=value,…" over the defaults.
    init(overrides: String) throws {
        self.init()
        if let bad = apply(overrides) {
            throw ValidationError("--weights: cannot read '\(bad)'; write name=value (a finite number) with a name of: \(SummaryWeights.names.joined(separator: ", ")).")
        }
    }
}

extension KernsatzCommand {
    struct Summarize: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Summarize texts: the most informative sentences, in document order.",
            discussion: """
                Sentences are scored from position (the news lede), centrality (overlap with the text's key \
                terms), named-entity density, direct-quote density, years (when) and length; a sentence that repeats what the \
                summary or the teaser already says loses points. A teaser (standfirst) is shown as the text's own \
                summary and never picked again. --explain shows every sentence's features and score.
                Default length: 3 sentences. --words N never exceeds N words, unless the best single sentence is \
                longer; then that sentence is given and a note says so. --ratio R takes that share of the body's words.
                --format json / --jsonl: {"id"|"source","lang","summary":[texts],"teaser":[texts],"sentences":[{"text","start","end","score","index"}],"words","overLength"} (+ "explain" with --explain).
                """
        )

        enum Format: String, ExpressibleByArgument, CaseIterable {
            case text, markdown, json
        }

        @OptionGroup var input: InputOptions

        @Option(name: .long, parsing: .unconditional, help: "Summary length in sentences (default 3).")
        var sentences: Int?

        @Option(name: .long, parsing: .unconditional, help: "Summary length in words: at most N.")
        var words: Int?

        @Option(name: .long, parsing: .unconditional, help: "Summary length as a share of the body's words (0 < R ≤ 1).")
        var ratio: Double?

        @Option(help: "Output format: \(Format.allCases.map(\.rawValue).joined(separator: ", ")).")
        var format: Format = .text

        @Flag(help: "Show every sentence's features (position, centrality, entities, quotes, years, length), score and redundancy.")
        var explain = false

        @Option(help: "Override ranking weights: name=value,… (\(SummaryWeights.names.joined(separator: ", "))).")
        var weights: String?

        func validate() throws {
            let given = [sentences != nil, words != nil, ratio != nil].filter { $0 }.count
            if given > 1 { throw ValidationError("Give one of --sentences, --words and --ratio.") }
            if let sentences, sentences < 1 { throw ValidationError("--sentences must be at least 1.") }
            if let words, words < 1 { throw ValidationError("--words must be at least 1.") }
            if let ratio, !(ratio > 0 && ratio <= 1) { throw ValidationError("--ratio must be above 0 and at most 1.") }
            if let weights { _ = try SummaryWeights(overrides: weights) }
            if input.jsonl && format != .text && format != .json {
                throw ValidationError("--jsonl writes JSON Lines; leave out --format \(format.rawValue).")
            }
        }

        var length: SummaryLength {
            if let words { return .words(words) }
            if let ratio { return .ratio(ratio) }
            return .sentences(sentences ?? 3)
        }

        func run() throws {
            let pipelines = try Pipelines(input)
            let weightValues = try weights.map { try SummaryWeights(overrides: $0) } ?? SummaryWeights()
            var runner = Runner(options: input)
            let length = length
            func summarize(_ analysis: Analysis) -> Summary {
                Summarizer(language: analysis.language, weights: weightValues).summarize(analysis, length: length)
            }
            if input.jsonl {
                let ok = runner.eachRecord { record, output in
                    let analysis = try pipelines.analyze(record)
                    let summary = summarize(analysis)
                    output.writeJSON(SummaryJSON(id: record.id, source: nil, analysis: analysis, summary: summary, explain: explain))
                }
                if !ok { throw ExitCode.failure }
                return
            }
            let several = input.paths.count > 1
            let ok = runner.eachFile { path, decoded, output in
                let analysis = try pipelines.analyze(decoded, source: path)
                let summary = summarize(analysis)
                if summary.overLength, let first = summary.sentences.first {
                    Output.warn("note: \(path): the best single sentence has \(summary.score(of: first).words) words, more than the \(summary.length) asked")
                }
                switch format {
                case .json:
                    output.writeJSON(SummaryJSON(id: nil, source: path, analysis: analysis, summary: summary, explain: explain),
                                     pretty: !several)
                case .text:
                    if several { output.line("==> \(path) <==") }
                    if !summary.teaser.isEmpty {
                        output.line("Teaser: " + summary.teaser.map { oneLine(analysis.sourceText(of: analysis.sentences[$0])) }.joined(separator: " "))
                    }
                    for index in summary.sentences { output.line(oneLine(analysis.sourceText(of: analysis.sentences[index]))) }
                    if explain { ExplainTable.write(analysis, summary, to: &output) }
                case .markdown:
                    output.line("## \(path == "-" ? "Summary" : (path as NSString).lastPathComponent)")
                    output.line("")
                    if !summary.teaser.isEmpty {
                        output.line("> " + summary.teaser.map { oneLine(analysis.sourceText(of: analysis.sentences[$0])) }.joined(separator: " "))
                        output.line("")
                    }
                    for index in summary.sentences { output.line("- " + oneLine(analysis.sourceText(of: analysis.sentences[index]))) }
                    if explain {
                        output.line("")
                        output.line("```")
                        ExplainTable.write(analysis, summary, to: &output)
                        output.line("```")
                    }
                    if several { output.line("") }
                }
            }
            if !ok { throw ExitCode.failure }
        }
    }
}

/// The JSON of one summary (`--format json`, `--jsonl`).
struct SummaryJSON: Encodable {
    struct SentenceJSON: Encodable {
        let text: String
        let start: Int
        let end: Int
        let score: Double
        /// The sentence's index in the document.
        let index: Int
    }

    struct ExplainRow: Encodable {
        let index: Int
        let role: String
        let words: Int
        let position: Double
        let centrality: Double
        let entities: Double
        let quotes: Double
        let years: Double
        let length: Double
        let score: Double
        let overlap: Double
        let gain: Double?
        let selected: Bool
        let text: String

        enum CodingKeys: String, CodingKey {
            case index, role, words, position, centrality, entities, quotes, years, length, score, overlap, gain, selected, text
        }

        /// `gain` is `null` for sentences never weighed (teaser, headings), not left out.
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(index, forKey: .index); try c.encode(role, forKey: .role); try c.encode(words, forKey: .words)
            try c.encode(position, forKey: .position); try c.encode(centrality, forKey: .centrality)
            try c.encode(entities, forKey: .entities); try c.encode(quotes, forKey: .quotes); try c.encode(years, forKey: .years)
            try c.encode(length, forKey: .length)
            try c.encode(score, forKey: .score); try c.encode(overlap, forKey: .overlap); try c.encode(gain, forKey: .gain)
            try c.encode(selected, forKey: .selected); try c.encode(text, forKey: .text)
        }
    }

    let id: RecordID?
    let source: String?
    let lang: String
    let length: String
    let summary: [String]
    let teaser: [String]
    let sentences: [SentenceJSON]
    let words: Int
    let overLength: Bool
    let explain: [ExplainRow]?
    let weights: SummaryWeights?

    init(id: RecordID?, source: String?, analysis: Analysis, summary: Summary, explain: Bool) {
        self.id = id
        self.source = source
        lang = analysis.language
        length = summary.length.description
        let chosen = summary.sentences.map { index -> SentenceJSON in
            let sentence = analysis.sentences[index]
            let range = analysis.sourceScalarRange(sentence.range)
            return SentenceJSON(text: analysis.sourceText(of: sentence), start: range.lowerBound, end: range.upperBound,
                                score: Self.round(summary.score(of: index).score), index: index)
        }
        self.summary = chosen.map(\.text)
        teaser = summary.teaser.map { analysis.sourceText(of: analysis.sentences[$0]) }
        sentences = chosen
        words = summary.words
        overLength = summary.overLength
        if explain {
            self.explain = summary.scores.map { row in
                ExplainRow(index: row.sentence, role: row.role.rawValue, words: row.words,
                           position: Self.round(row.position), centrality: Self.round(row.centrality),
                           entities: Self.round(row.entities), quotes: Self.round(row.quotes), years: Self.round(row.years),
                           length: Self.round(row.length),
                           score: Self.round(row.score), overlap: Self.round(row.overlap), gain: row.gain.map(Self.round),
                           selected: row.selected, text: analysis.sourceText(of: analysis.sentences[row.sentence]))
            }
            weights = summary.weights
        } else {
            self.explain = nil
            weights = nil
        }
    }

    static func round(_ value: Double) -> Double { (value * 10_000).rounded() / 10_000 }
}

/// `--explain` as a table: one row per sentence, every feature, the score, and what the pick saw.
enum ExplainTable {
    static func write(_ analysis: Analysis, _ summary: Summary, to output: inout Output) {
        let w = summary.weights
        output.line("")
        output.line("score = \(w.position)·position + \(w.centrality)·centrality + \(w.entities)·entities + \(w.quotes)·quotes + \(w.years)·years + \(w.length)·length; gain = score − \(w.redundancy)·overlap; position = 1/(1+i)^\(w.positionDecay)")
        output.line("   #  pick role       words  posit  centr  entit  quote  years  lengt  score  overl   gain  sentence")
        for row in summary.scores {
            let text = oneLine(analysis.sourceText(of: analysis.sentences[row.sentence]))
            let preview = text.count > 60 ? String(text.prefix(59)) + "…" : text
            let cells = [row.position, row.centrality, row.entities, row.quotes, row.years, row.length, row.score, row.overlap]
                .map { String(format: "%6.3f", $0) }.joined(separator: " ")
            let gain = row.gain.map { String(format: "%6.3f", $0) } ?? "     –"
            let number = String(format: "%4d", row.sentence + 1), words = String(format: "%6d", row.words)
            let role = row.role.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0)
            output.line("\(number)  \(row.selected ? " ✓ " : "   ")  \(role) \(words)  \(cells) \(gain)  \(preview)")
        }
    }
}
