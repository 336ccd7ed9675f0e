import ArgumentParser
import Foundation
import Kernsatz
import KernsatzWorksheet

/// Worksheets for every article of a corpus: analysis, building the worksheet (terms, names,
/// numbers, quotes, summary, counts) and writing each format, stage by stage and whole.
struct WorksheetBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "worksheet",
        abstract: "Measure worksheets per stage and format (MB/s, documents/s, peak memory).",
        discussion: "Build with -c release: swift run -c release kernsatz-bench worksheet ../shared/data/news/derstandard_dev.jsonl"
    )

    @Argument(help: "JSON Lines corpus with a \"text\" field per line.")
    var corpus: String = "../shared/data/news/derstandard_dev.jsonl"

    @Option(help: "Timed repetitions; the fastest counts.")
    var repeats: Int = 3

    @Option(help: "Target language.")
    var to: String = "en"

    func run() throws {
        let texts = try BenchCorpus.texts(corpus)
        guard !texts.isEmpty else { throw ValidationError("\(corpus): no \"text\" fields") }
        let megabytes = Double(texts.reduce(0) { $0 + $1.utf8.count }) / 1e6
        let pipeline = try Pipeline()
        let session = Pipeline.Session()
        let matcher = TermMatcher(glossary: try ShippedGlossaries.glossary())
        let builder = try WorksheetBuilder(options: WorksheetOptions(targetLanguage: to), matcher: matcher)

        var analyses: [Analysis] = []
        let analyze = try bestTime(repeats: repeats) {
            analyses = try texts.map { try pipeline.analyze($0, session: session) }
            return analyses.count
        }
        var sheets: [Worksheet] = []
        let build = bestTime(repeats: repeats) {
            sheets = analyses.map { builder.build($0, source: "bench") }
            return sheets.reduce(0) { $0 + $1.segments.count }
        }
        // The parts of building, each alone.
        let terms = bestTime(repeats: repeats) { analyses.reduce(0) { $0 + matcher.match(units: $1.text.units).count } }
        let summarizer = Summarizer(language: "de")
        let summaries = bestTime(repeats: repeats) { analyses.reduce(0) { $0 + summarizer.summarize($1, length: .sentences(3)).sentences.count } }
        let finder = try MeasureFinder(language: "de")
        let renderer = try MeasureRenderer(locale: to)
        let numbers = bestTime(repeats: repeats) {
            analyses.reduce(0) { total, analysis in
                total + finder.measures(in: analysis.text.units, tokens: analysis.tokens, spans: [0..<analysis.text.units.count]).reduce(0) { $0 + (renderer.render($1)?.count ?? 0) }
            }
        }
        let counter = try WordCounter(language: "de")
        let counts = bestTime(repeats: repeats) {
            analyses.reduce(0) { total, analysis in
                total + analysis.sentences.reduce(0) { $0 + counter.count(analysis.text.string($1.range)).words }
            }
        }
        var rows: [(String, Double)] = [("analyze (clean, layout, sentences, quotes, names)", analyze.seconds),
                                        ("  mark glossary terms (shipped glossary)", terms.seconds),
                                        ("  summarize (3 sentences)", summaries.seconds),
                                        ("  find and render numbers and dates", numbers.seconds),
                                        ("  count words and characters per sentence", counts.seconds),
                                        ("build worksheet (all of the above and the marks)", build.seconds)]
        var formatsTotal = 0.0
        for format in WorksheetFormat.allCases {
            let write = try bestTime(repeats: repeats) { try sheets.reduce(0) { $0 + (try format.data($1)).count } }
            rows.append(("write \(format.rawValue)", write.seconds))
            formatsTotal += write.seconds
        }
        let whole = analyze.seconds + build.seconds
        rows.append(("whole: analyze + build", whole))
        rows.append(("whole: analyze + build + every format", whole + formatsTotal))
        print("corpus: \(texts.count) documents, \(String(format: "%.2f", megabytes)) MB UTF-8 from \(corpus); target \(to); best of \(repeats)")
        print("stage".padding(toLength: 52, withPad: " ", startingAt: 0) + "   seconds      MB/s    docs/s")
        for (name, seconds) in rows {
            print(name.padding(toLength: 52, withPad: " ", startingAt: 0)
                  + String(format: "%10.4f %9.2f %9.0f", seconds, megabytes / seconds, Double(texts.count) / seconds))
        }
        print("peak RSS: \(peakMemoryKiB() / 1024) MiB")
    }
}
