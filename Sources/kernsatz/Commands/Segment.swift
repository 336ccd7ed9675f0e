import ArgumentParser
import Kernsatz

extension KernsatzCommand {
    struct Segment: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Cut text into sentences.",
            discussion: """
                Text output: one sentence per line (line breaks inside a sentence become spaces), files \
                headed by '==> FILE <==' when there are several. --format json: the sentences with their \
                offsets. --jsonl: {"id","lang","sentences":[{"text","start","end","block"}]} per record.
                """
        )

        enum Format: String, ExpressibleByArgument, CaseIterable {
            case text, json
        }

        @OptionGroup var input: InputOptions

        @Option(help: "Output format for files: \(Format.allCases.map(\.rawValue).joined(separator: ", ")).")
        var format: Format = .text

        func run() throws {
            let pipeline = try input.pipeline()
            var runner = Runner(options: input)
            if input.jsonl {
                _ = runner.eachRecord { record, output in
                    let analysis = try analyze(record, with: pipeline, input: input)
                    output.writeJSON(SegmentRecord(id: record.id, lang: analysis.language, sentences: analysis.sentencesJSON))
                }
                return
            }
            let several = input.paths.count > 1
            let ok = runner.eachFile { path, decoded, output in
                let analysis = try pipeline.analyze(decoded, source: path)
                switch format {
                case .text:
                    if several { output.line("==> \(path) <==") }
                    for sentence in analysis.sentences {
                        output.line(oneLine(analysis.sourceText(of: sentence)))
                    }
                case .json:
                    output.writeJSON(FileAnalysisJSON(
                        source: path, encoding: decoded.encoding.description, lang: analysis.language,
                        langIdentified: analysis.languageIdentified, warnings: decoded.warnings,
                        metadata: analysis.metadataJSON, blocks: analysis.blocksJSON, sentences: analysis.sentencesJSON), pretty: true)
                }
            }
            if !ok { throw ExitCode.failure }
        }
    }
}

/// Analyzes one JSON Lines record, with its own `lang` if it has one.
func analyze(_ record: InputRecord, with pipeline: Pipeline, input: InputOptions) throws -> Analysis {
    if let lang = record.lang, lang != pipeline.options.language, input.lang == nil {
        return try input.pipeline(language: lang).analyze(record.text, source: "record")
    }
    return try pipeline.analyze(record.text, source: "record")
}

/// Whitespace runs (line breaks included) as single spaces.
func oneLine(_ text: String) -> String {
    text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r\n" || $0 == "\r" }).joined(separator: " ")
}
