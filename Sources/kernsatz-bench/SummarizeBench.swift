import ArgumentParser
import Foundation
import Kernsatz

/// Summaries: throughput over a corpus (analysis with quotes, then summarizing), and the cost of one
/// long document against one ten times shorter (it must grow about tenfold, not a hundredfold).
struct SummarizeBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summarize",
        abstract: "Measure summarizing: MB/s and documents/s per stage, and 100 KB vs 1 MB single documents.",
        discussion: "swift run -c release kernsatz-bench summarize ../shared/data/news/derstandard_dev.jsonl"
    )

    @Argument(help: "JSON Lines corpus with a \"text\" field per line.")
    var corpus: String

    @Option(help: "Timed repetitions; the fastest counts.")
    var repeats = 5

    @Option(help: "Sentences per summary in the corpus run.")
    var sentences = 3

    func run() throws {
        let texts = try BenchCorpus.texts(corpus)
        let bytes = texts.reduce(0) { $0 + $1.utf8.count }
        let units = texts.map { Array($0.utf16) }
        let pipeline = try Pipeline(options: PipelineOptions(language: "de"))
        let plain = try Pipeline(options: PipelineOptions(language: "de", findQuotes: false))
        let session = Pipeline.Session()
        let summarizer = Summarizer(language: "de")
        let analyses = try units.map { try pipeline.analyze(units: $0, session: session) }

        var rows: [(String, Double)] = []
        rows.append(("pipeline: sentences only", try bestTime(repeats: repeats) {
            try units.reduce(0) { $0 + (try plain.analyze(units: $1, session: session)).sentences.count }
        }.seconds))
        rows.append(("pipeline + quotes + entities", try bestTime(repeats: repeats) {
            try units.reduce(0) { $0 + (try pipeline.analyze(units: $1, session: session)).sentences.count }
        }.seconds))
        rows.append(("summarize (\(sentences) sentences) only", bestTime(repeats: repeats) {
            analyses.reduce(0) { $0 + summarizer.summarize($1, length: .sentences(sentences)).sentences.count }
        }.seconds))
        rows.append(("whole: analyze + summarize", try bestTime(repeats: repeats) {
            try units.reduce(0) { acc, text in
                let analysis = try pipeline.analyze(units: text, session: session)
                return acc + summarizer.summarize(analysis, length: .sentences(sentences)).sentences.count
            }
        }.seconds))
        print("corpus: \(corpus) — \(texts.count) documents, \(String(format: "%.2f", Double(bytes) / 1e6)) MB UTF-8, best of \(repeats)")
        print("stage".padding(toLength: 36, withPad: " ", startingAt: 0) + "   seconds      MB/s     docs/s")
        for (name, seconds) in rows {
            print(name.padding(toLength: 36, withPad: " ", startingAt: 0)
                + String(format: "%10.4f %9.2f %10.0f", seconds, Double(bytes) / 1e6 / seconds, Double(texts.count) / seconds))
        }

        // One long document: the corpus articles as paragraphs, cut at 100 KB and at 1 MB.
        func document(bytes target: Int) -> [UInt16] {
            var text = "", size = 0, index = 0
            while size < target, !texts.isEmpty {
                let next = texts[index % texts.count]
                text += next + "\n\n"
                size += next.utf8.count + 2
                index += 1
            }
            return Array(text.utf16)
        }
        print("")
        print("single document".padding(toLength: 36, withPad: " ", startingAt: 0) + "   seconds  sentences  (analyze + summarize)")
        var times: [Double] = []
        for (label, size) in [("100 KB", 100_000), ("1 MB", 1_000_000)] {
            let long = document(bytes: size)
            for length in [SummaryLength.sentences(3), .ratio(0.2)] {
                var count = 0
                let seconds = try bestTime(repeats: repeats) {
                    let analysis = try pipeline.analyze(units: long, session: session)
                    count = analysis.sentences.count
                    return summarizer.summarize(analysis, length: length).sentences.count
                }.seconds
                times.append(seconds)
                print("\(label), \(length)".padding(toLength: 36, withPad: " ", startingAt: 0) + String(format: "%10.4f %10d", seconds, count))
            }
        }
        print(String(format: "1 MB / 100 KB: %.1f× (3 sentences), %.1f× (ratio 0.2)", times[2] / times[0], times[3] / times[1]))
        print("peak RSS: \(peakMemoryKiB() / 1024) MiB")
    }
}
