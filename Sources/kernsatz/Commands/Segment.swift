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

        @Option(help: "Output format for files: \(Format.allCases.map(\.rawValue).joined(separator: ", ")).")
        var format: Format = .text

        func run() throws {
            let pipelines = try Pipelines(input, content: false)
            var runner = Runner(options: input)
            if input.jsonl {
                let ok = runner.eachRecord { record, _ in
                    RecordLine.segment(id: record.id, try pipelines.analyze(record))
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

/// The pipelines of one run, one per language a record asks for, and the ICU session they share.
final class Pipelines {
    let input: InputOptions
    let main: Pipeline
    private var byLanguage: [String: Pipeline] = [:]
    let session = Pipeline.Session()

    /// Whether the pipelines find quotes and entities too.
    let content: Bool

    init(_ input: InputOptions, content: Bool = true) throws {
        self.input = input
        self.content = content
        main = try input.pipeline(content: content)
    }

    /// Analyzes one JSON Lines record, in its own `lang` when it has one and --lang does not override it.
    func analyze(_ record: InputRecord) throws -> Analysis {
        guard let given = record.lang, input.lang == nil else {
            return try main.analyze(record.text, source: "record", session: session)
        }
        guard InputOptions.isLanguageCode(given) else {
            throw CLIError("record \(record.id): \"lang\" is not a language code such as de or en: '\(given)'")
        }
        let lang = LanguageTag.normalized(given)
        if let pipeline = byLanguage[lang] {
            return try pipeline.analyze(record.text, source: "record", session: session)
        }
        let pipeline = try input.pipeline(language: lang, content: content)
        // Keep the pipelines of the languages a stream uses, but not of every tag it could invent.
        if byLanguage.count < 64 { byLanguage[lang] = pipeline }
        return try pipeline.analyze(record.text, source: "record", session: session)
    }

    func analyze(_ decoded: DecodedText, source: String) throws -> Analysis {
        try main.analyze(decoded, source: source, session: session)
    }
}

/// Whitespace runs (line breaks included) as single spaces.
func oneLine(_ text: String) -> String {
    text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r\n" || $0 == "\r" }).joined(separator: " ")
}
