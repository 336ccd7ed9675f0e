import ArgumentParser
import Kernsatz

extension KernsatzCommand {
    struct Segment: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Cut text into sentences.",
            discussion: """
                Text output: one sentence per line (line breaks inside a sentence become spaces), files \
                headed by '==> FILE <==' when there are several. --format json: the analysis with the \
                sentences' offsets (one file: pretty-printed; several: one object per line). --jsonl: {"id","lang","sentences":[{"text","start","end","block"}]} per record.
                """
        )

        enum Format: String, ExpressibleByArgument, CaseIterable {
            case text, json
        }

        @OptionGroup var input: InputOptions
        @OptionGroup var stream: StreamOptions

        @Option(help: "Output format for files: \(Format.allCases.map(\.rawValue).joined(separator: ", ")).")
        var format: Format = .text

        func run() throws {
            let pipelines = try Pipelines(input, content: false)
            var runner = Runner(options: input)
            if input.jsonl {
                let ok = runner.eachRecord(jobs: stream.jobs, worker: Pipeline.Session.init) { session, record, _ in
                    RecordLine.segment(id: record.id, try pipelines.analyze(record, session: session))
                }
                if !ok { throw ExitCode.failure }
                return
            }
            let several = input.paths.count > 1
            let ok = runner.eachFile { path, decoded, output in
                let analysis = try pipelines.analyze(decoded, source: path)
                switch format {
                case .text:
                    if several { output.line("==> \(path) <==") }
                    for sentence in analysis.sentences {
                        output.line(oneLine(analysis.sourceText(of: sentence)))
                    }
                case .json:
                    output.streamJSON(pretty: input.paths.count == 1) {
                        analysis.writeFileJSON(&$0, source: path, encoding: decoded.encoding.description, warnings: decoded.warnings,
                                               quotesAndEntities: false)
                    }
                }
            }
            if !ok { throw ExitCode.failure }
        }
    }
}

/// The pipelines of one run, one per language a record asks for (kept for at most
/// `LanguageCache.limit` languages). Shared by the threads of a stream: each brings its own
/// `Pipeline.Session` (ICU iterators); a call without one uses the run's main-thread session.
final class Pipelines: Sendable {
    let input: InputOptions
    let main: Pipeline
    private let byLanguage = LanguageCache<Pipeline>()
    /// For the calls that bring no session: the main thread's (files are read one after the other).
    private let mainSession = MainThreadSession()

    /// Whether the pipelines find quotes and entities too.
    let content: Bool
    /// Whether they find numbers, dates and money (`Analysis.measures`); `summarize` does not show them.
    let measures: Bool

    init(_ input: InputOptions, content: Bool = true, measures: Bool = true) throws {
        self.input = input
        self.content = content
        self.measures = content && measures
        main = try input.pipeline(content: content, measures: self.measures)
    }

    /// Analyzes one JSON Lines record, in its own `lang` when it has one and --lang does not override it.
    /// - Parameter session: the calling thread's.
    func analyze(_ record: InputRecord, session: Pipeline.Session) throws -> Analysis {
        guard let given = record.lang, input.lang == nil else {
            return try main.analyze(units: record.units, source: "record", session: session)
        }
        guard InputOptions.isLanguageCode(given) else {
            throw CLIError("record \(record.id): \"lang\" is not a language code such as de or en: '\(given)'")
        }
        let lang = LanguageTag.normalized(given)
        let input = input, content = content, measures = measures
        let pipeline = try byLanguage.value(for: lang) { try input.pipeline(language: $0, content: content, measures: measures) }
        return try pipeline.analyze(units: record.units, source: "record", session: session)
    }

    /// A record on the main thread (`worksheet --jsonl`, which runs one record at a time).
    func analyze(_ record: InputRecord) throws -> Analysis {
        try analyze(record, session: mainSession.session)
    }

    func analyze(_ decoded: DecodedText, source: String) throws -> Analysis {
        try main.analyze(decoded, source: source, session: mainSession.session)
    }
}

/// The session of the thread that reads files one after the other.
private final class MainThreadSession: @unchecked Sendable {
    // @unchecked: used by the calls that bring no session of their own, which the commands make
    // from one thread only (files, and records without --jobs); streamed records bring their own.
    let session = Pipeline.Session()
}

/// Whitespace runs (line breaks included) as single spaces.
func oneLine(_ text: String) -> String {
    text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r\n" || $0 == "\r" }).joined(separator: " ")
}
