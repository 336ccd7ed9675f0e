import ArgumentParser
import Kernsatz

extension KernsatzCommand {
    struct Translit: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Transliterate text with ICU.",
            discussion: """
                --to latin (any script to Latin), ascii (to plain ASCII), de-ascii (German rules first: \
                ä → ae, ß → ss), or any ICU transform ID or compound ID ("Cyrillic-Latin; Latin-ASCII"). \
                --list shows the IDs ICU knows. --jsonl: {"id","text"} per record.
                """
        )

        @OptionGroup var input: InputOptions

        @Option(help: "latin, ascii, de-ascii, or an ICU transform ID.")
        var to: String = "latin"

        @Flag(help: "List the transform IDs ICU knows and exit.")
        var list = false

        /// The ICU transform ID for a --to value.
        static func transformID(_ to: String) -> String {
            switch to.lowercased() {
            case "latin": return "Any-Latin; NFC"
            case "ascii": return "Any-Latin; Latin-ASCII"
            case "de-ascii": return "de-ASCII; Any-Latin; Latin-ASCII"
            default: return to
            }
        }

        func run() throws {
            if list {
                var output = Output()
                for id in Transliterator.availableIDs { output.line(id) }
                output.flush()
                return
            }
            let transliterator: Transliterator
            do {
                transliterator = try Transliterator(id: Self.transformID(to))
            } catch {
                throw CLIError("\(error.description)")
            }
            var runner = Runner(options: input)
            if input.jsonl {
                let ok = runner.eachRecord { record, _ in
                    RecordLine.text(id: record.id, try transliterator.transliterate(record.text))
                }
                if !ok { throw ExitCode.failure }
                return
            }
            let ok = runner.eachFile(articles: input.reading.inputFormat != nil) { path, decoded, output in
                var text = try transliterator.transliterate(String(decoding: decoded.units, as: UTF16.self))
                if text.hasSuffix("\n") { text.removeLast() }
                output.line(text)
            }
            if !ok { throw ExitCode.failure }
        }
    }
}
