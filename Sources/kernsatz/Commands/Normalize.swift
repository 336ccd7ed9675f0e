import ArgumentParser
import Kernsatz

extension NormalizationForm: ExpressibleByArgument {}

extension KernsatzCommand {
    struct Normalize: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Clean up and normalize text.",
            discussion: """
                Removes soft hyphens, zero-width spaces and stray control characters, turns CRLF into LF and \
                no-break and other odd spaces into plain spaces (unless --no-cleanup), then applies the \
                normalization form (NFC by default). --jsonl: {"id","text"} per record.
                """
        )

        @OptionGroup var input: InputOptions

        @Option(help: "Normalization form: \(NormalizationForm.allCases.map(\.rawValue).joined(separator: ", ")).")
        var form: NormalizationForm = .nfc

        @Flag(help: "Only normalize; keep soft hyphens, odd spaces, CR and control characters.")
        var noCleanup = false

        func normalize(_ units: [UInt16], source: String) throws -> String {
            do {
                let cleaned = noCleanup ? units : try CleanText(units: units).units
                let normalizer = try Normalizer(form)
                return String(decoding: try normalizer.normalize(cleaned), as: UTF16.self)
            } catch {
                throw CLIError("\(source): \(error)")
            }
        }

        func run() throws {
            var runner = Runner(options: input)
            if input.jsonl {
                let ok = runner.eachRecord { record, _ in
                    RecordLine.text(id: record.id, try normalize(Array(record.text.utf16), source: "record"))
                }
                if !ok { throw ExitCode.failure }
                return
            }
            let ok = runner.eachFile(articles: input.reading.inputFormat != nil) { path, decoded, output in
                var text = try normalize(decoded.units, source: path)
                if text.hasSuffix("\n") { text.removeLast() }
                output.line(text)
            }
            if !ok { throw ExitCode.failure }
        }
    }
}
