import ArgumentParser
import Kernsatz

extension KernsatzCommand {
    struct Quotes: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List direct and reported speech with speaker and verb of saying.",
            discussion: """
                One line per quotation: LINE:COLUMN, kind (direct / reported), speaker, verb, and the quoted \
                words. A split quote („Das ist“, so Rutte, „die Realität.“) is one quotation. Scare quotes and \
                titles (das sogenannte „Sondervermögen“) are not listed. For JSON use `kernsatz analyze`.
                """
        )

        @OptionGroup var input: InputOptions

        func validate() throws {
            if input.jsonl { throw ValidationError("quotes prints a listing; for JSON Lines use `kernsatz analyze --jsonl` (its \"quotes\").") }
        }

        func run() throws {
            let pipelines = try Pipelines(input)
            var runner = Runner(options: input)
            let several = input.paths.count > 1
            let ok = runner.eachFile { path, decoded, output in
                let analysis = try pipelines.analyze(decoded, source: path)
                if several { output.line("==> \(path) <==") }
                var cursor = LineColumnCursor(analysis.text.units)
                for quote in analysis.quotes {
                    let position = cursor.position(of: quote.range.lowerBound)
                    let speaker = quote.speaker.map { analysis.text.sourceString($0) } ?? "–"
                    let verb = quote.verb.map { analysis.text.sourceString($0) } ?? "–"
                    let words = quote.parts.map { oneLine(analysis.text.sourceString($0)) }.joined(separator: " ")
                    output.line("\(position)\t\(quote.kind.rawValue)\t\(speaker)\t\(verb)\t\(words)")
                }
            }
            if !ok { throw ExitCode.failure }
        }
    }
}

/// Line and column (1-based, in characters of the cleaned text) of offsets visited in order: one
/// pass over the text for a whole listing.
struct LineColumnCursor {
    let units: [UInt16]
    private var at = 0, line = 1, column = 1

    init(_ units: [UInt16]) { self.units = units }

    mutating func position(of offset: Int) -> String {
        while at < offset, at < units.count {
            if units[at] == 0x0A { line += 1; column = 1 } else if !UTF16.isTrailSurrogate(units[at]) { column += 1 }
            at += 1
        }
        return "\(line):\(column)"
    }
}
