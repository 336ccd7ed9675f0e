import ArgumentParser
import Foundation
import Kernsatz

extension KernsatzCommand {
    struct Terms: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Mark glossary terms in texts, whatever their form (inflected, in compounds, variants).",
            discussion: """
                Text output: the text with each term in ⟦ ⟧, then a table of the hits (match: exact, \
                inflected, compound, variant) with the glossary entry and its translations. --format json: \
                {"source","terms":[…]} (one file: pretty-printed). --jsonl: {"id","terms":[{"text","start",\
                "end","entry","targets","match"}]} per record. Offsets are Unicode scalars into the text as \
                received. Without --glossary, the shipped glossaries are used.
                """
        )

        enum Format: String, ExpressibleByArgument, CaseIterable {
            case text, json
        }

        @OptionGroup var input: InputOptions
        @OptionGroup var glossary: GlossaryOptions
        @OptionGroup var stream: StreamOptions

        @Option(help: "Output format for files: \(Format.allCases.map(\.rawValue).joined(separator: ", ")).")
        var format: Format = .text

        func run() throws {
            guard let matcher = try glossary.matcher(orShipped: true, lenient: input.lenient) else { return }
            var runner = Runner(options: input)
            let terms = TermsJSON(matcher: matcher, language: glossary.shownTarget(glossaryLanguage: matcher.glossary.sourceLanguage))
            let identifier = LanguageIdentifier()
            let glossaryLanguage = LanguageTag.primary(matcher.glossary.sourceLanguage)
            /// A glossary's terms are looked for only in text of its source language (a German
            /// glossary finds „opposition“ in French text otherwise).
            let givenLanguage = input.lang
            @Sendable func hits(_ text: CleanText, lang: String?, source: String, notes: inout RecordNotes) -> [TermHit] {
                let language = LanguageTag.primary(givenLanguage ?? lang ?? identifier.identify(units: text.units))
                guard matcher.glossary.isForTexts(in: language) else {
                    notes.warn("note: \(source): the text is in '\(language)', the glossary's terms in '\(glossaryLanguage)'; nothing marked (--lang \(glossaryLanguage) marks anyway)")
                    return []
                }
                return matcher.match(units: text.units)
            }
            if input.jsonl {
                let ok = runner.eachRecord(jobs: stream.jobs, worker: {}) { _, record, notes in
                    let text = try CleanText(record.text)
                    return RecordLine.terms(id: record.id, text, hits(text, lang: record.lang, source: "record \(record.id)", notes: &notes), terms)
                }
                if !ok { throw ExitCode.failure }
                return
            }
            let several = input.paths.count > 1
            let ok = runner.eachFile { path, decoded, output in
                let text = try CleanText(units: decoded.units)
                var notes = RecordNotes()
                let hits = hits(text, lang: nil, source: path, notes: &notes)
                for warning in notes.warnings { Output.warn(warning) }
                switch format {
                case .json:
                    output.streamJSON(pretty: !several) {
                        $0.beginObject()
                        $0.key("source"); $0.string(path)
                        $0.key("terms"); terms.write(text, hits, to: &$0)
                        $0.endObject()
                    }
                case .text:
                    if several { output.line("==> \(path) <==") }
                    output.line(Self.marked(text, hits))
                    output.line("")
                    for row in Self.table(text, hits, matcher: matcher, to: glossary.shownTarget(glossaryLanguage: matcher.glossary.sourceLanguage)) { output.line(row) }
                }
            }
            if !ok { throw ExitCode.failure }
        }

        /// The clean text with ⟦ ⟧ around every hit.
        static func marked(_ text: CleanText, _ hits: [TermHit]) -> String {
            var out = ""
            var position = 0
            for hit in hits {
                out += text.string(position..<hit.range.lowerBound) + "⟦" + text.string(hit.range) + "⟧"
                position = hit.range.upperBound
            }
            out += text.string(position..<text.count)
            return out.hasSuffix("\n") ? String(out.dropLast()) : out
        }

        /// One line per hit, columns aligned: start, end, match, text, entry → targets.
        static func table(_ text: CleanText, _ hits: [TermHit], matcher: TermMatcher, to language: String) -> [String] {
            if hits.isEmpty { return ["(no terms)"] }
            let rows = text.termsJSON(hits, matcher: matcher, to: language).map { term in
                ["\(term.start)", "\(term.end)", term.match, term.text, term.entry, term.targets.isEmpty ? "–" : term.targets.joined(separator: "; ")]
            }
            let header = ["start", "end", "match", "text", "entry", "→ \(language)"]
            let widths = (0..<5).map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
            return ([header] + rows).map { row in
                (0..<5).map { row[$0].padding(toLength: widths[$0], withPad: " ", startingAt: 0) }.joined(separator: "  ") + "  " + row[5]
            }
        }
    }
}
