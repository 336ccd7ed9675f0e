import ArgumentParser
import Foundation
import Kernsatz

extension KernsatzCommand {
    struct Analyze: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show a text's structure as JSON: metadata, blocks (teaser, headings, paragraphs, list items), sentences.",
            discussion: """
                For each file: {"source","encoding","lang","langIdentified","warnings","metadata","blocks","sentences","quotes","entities","measures"};
                one file: pretty-printed; several files: one object per line (JSON Lines).
                --jsonl: {"id","lang","sentences","blocks","metadata","quotes","entities","measures"} per record.
                --glossary PATH: also "terms" (as `kernsatz terms` gives them).
                "measures" (a field added beside the others; no field changed its meaning): numbers, percentages, amounts of money, dates and
                years in the sentences and the dateline, as {"text","start","end","kind","value","currency","date"}:
                kind is number, percent, currency, date or year; value the number with its scale applied (3.5 for
                „3,5 Prozent“, 4000000 for „4 Mio. Euro“; null for dates); currency an ISO 4217 code or null; date
                {"day","month","year"} (a part the text leaves out is null) or null. Offsets as for sentences.
                """
        )

        @OptionGroup var input: InputOptions
        @OptionGroup var glossary: GlossaryOptions
        @OptionGroup var stream: StreamOptions

        func run() throws {
            let pipelines = try Pipelines(input)
            let matcher = try glossary.matcher(orShipped: false, lenient: input.lenient)
            var runner = Runner(options: input)
            let terms = matcher.map { TermsJSON(matcher: $0, language: glossary.shownTarget(glossaryLanguage: $0.glossary.sourceLanguage)) }
            if input.jsonl {
                let ok = runner.eachRecord(jobs: stream.jobs, worker: Pipeline.Session.init) { session, record, _ in
                    RecordLine.analyze(id: record.id, try pipelines.analyze(record, session: session), terms: terms)
                }
                if !ok { throw ExitCode.failure }
                return
            }
            let ok = runner.eachFile { path, decoded, output in
                let analysis = try pipelines.analyze(decoded, source: path)
                output.streamJSON(pretty: input.paths.count == 1) {
                    analysis.writeFileJSON(&$0, source: path, encoding: decoded.encoding.description, warnings: decoded.warnings,
                                           terms: terms.map { terms in { terms.write(analysis, to: &$0) } })
                }
            }
            if !ok { throw ExitCode.failure }
        }
    }
}
