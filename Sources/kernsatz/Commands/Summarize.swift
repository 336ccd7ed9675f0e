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
        @OptionGroup var stream: StreamOptions

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
            // A summary shows no numbers or dates: the measures are not looked for.
            let pipelines = try Pipelines(input, measures: false)
            let weightValues = try weights.map { try SummaryWeights(overrides: $0) } ?? SummaryWeights()
            var runner = Runner(options: input)
            let length = length
            @Sendable func summarize(_ analysis: Analysis) -> Summary {
                Summarizer(language: analysis.language, weights: weightValues).summarize(analysis, length: length)
            }
            if input.jsonl {
                let explain = explain
                let ok = runner.eachRecord(jobs: stream.jobs, worker: Pipeline.Session.init) { session, record, _ in
                    let analysis = try pipelines.analyze(record, session: session)
                    return RecordLine.summary(id: record.id, analysis, summarize(analysis), explain: explain)
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
                    output.streamJSON(pretty: !several) {
                        SummaryJSON.write(&$0, id: nil, source: path, analysis: analysis, summary: summary, explain: explain)
                    }
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

/// The JSON of one summary (`--format json`, `--jsonl`): `{"explain"?,"id"|"source","lang","length",
/// "overLength","sentences","summary","teaser","weights"?,"words"}` (members sorted), scores rounded
/// to four decimals; "explain" (one row per sentence; "gain" null for a sentence never weighed) and
/// "weights" with --explain only.
enum SummaryJSON {
    static func write(_ json: inout JSONByteWriter, id: RecordID?, source: String?, analysis: Analysis, summary: Summary, explain: Bool) {
        let text = analysis.text
        func sentenceText(_ index: Int) { json.source(text, analysis.sentences[index].range) }
        json.beginObject()
        if explain {
            json.key("explain")
            json.beginArray()
            for row in summary.scores {
                json.beginObject()
                json.key("centrality"); json.double(round(row.centrality))
                json.key("entities"); json.double(round(row.entities))
                json.key("gain"); json.double(row.gain.map(round))
                json.key("index"); json.int(row.sentence)
                json.key("length"); json.double(round(row.length))
                json.key("overlap"); json.double(round(row.overlap))
                json.key("position"); json.double(round(row.position))
                json.key("quotes"); json.double(round(row.quotes))
                json.key("role"); json.string(row.role.rawValue)
                json.key("score"); json.double(round(row.score))
                json.key("selected"); json.bool(row.selected)
                json.key("text"); sentenceText(row.sentence)
                json.key("words"); json.int(row.words)
                json.key("years"); json.double(round(row.years))
                json.endObject()
            }
            json.endArray()
        }
        if let id { json.key("id"); id.write(to: &json) }
        json.key("lang"); json.string(analysis.language)
        json.key("length"); json.string(summary.length.description)
        json.key("overLength"); json.bool(summary.overLength)
        json.key("sentences")
        json.beginArray()
        for index in summary.sentences {
            let range = analysis.sourceScalarRange(analysis.sentences[index].range)
            json.beginObject()
            json.key("end"); json.int(range.upperBound)
            json.key("index"); json.int(index)
            json.key("score"); json.double(round(summary.score(of: index).score))
            json.key("start"); json.int(range.lowerBound)
            json.key("text"); sentenceText(index)
            json.endObject()
        }
        json.endArray()
        if let source { json.key("source"); json.string(source) }
        json.key("summary")
        json.beginArray()
        for index in summary.sentences { sentenceText(index) }
        json.endArray()
        json.key("teaser")
        json.beginArray()
        for index in summary.teaser { sentenceText(index) }
        json.endArray()
        if explain {
            let w = summary.weights
            json.key("weights")
            json.beginObject()
            json.key("centrality"); json.double(w.centrality)
            json.key("entities"); json.double(w.entities)
            json.key("length"); json.double(w.length)
            json.key("position"); json.double(w.position)
            json.key("positionDecay"); json.double(w.positionDecay)
            json.key("quotes"); json.double(w.quotes)
            json.key("redundancy"); json.double(w.redundancy)
            json.key("years"); json.double(w.years)
            json.endObject()
        }
        json.key("words"); json.int(summary.words)
        json.endObject()
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
