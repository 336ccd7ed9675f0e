import ArgumentParser
import Foundation
import Kernsatz

/// Throughput of each stage and of the whole pipeline on a corpus of JSON Lines documents,
/// beside a raw ICU sentence-break loop over the same text in the same run.
struct PipelineBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pipeline",
        abstract: "Measure segmentation throughput (MB/s, documents/s, peak memory) beside raw ICU.",
        discussion: "Build with -c release: swift run -c release kernsatz-bench ../shared/data/news/derstandard_dev.jsonl"
    )

    @Argument(help: "JSON Lines corpus with a \"text\" field per line.")
    var corpus: String = "../shared/data/news/derstandard_dev.jsonl"

    @Option(help: "Timed repetitions of each stage; the fastest counts.")
    var repeats: Int = 5

    @Option(help: "Use the corpus this many times over (for larger totals).")
    var scale: Int = 1

    @Flag(help: "One JSON object instead of the table.")
    var json = false

    @Option(help: "Run only the stages whose name contains this (for profiling).")
    var only: String?

    struct Stage {
        let name: String
        let seconds: Double
    }

    func run() throws {
        var texts = try BenchCorpus.texts(corpus)
        texts = Array(repeating: texts, count: max(1, scale)).flatMap { $0 }
        let bytes = texts.reduce(0) { $0 + $1.utf8.count }
        let utf8 = texts.map { Array($0.utf8) }
        let units = texts.map { Array($0.utf16) }
        let pipeline = try Pipeline(options: PipelineOptions(language: "de", findQuotes: false))
        let segmenter = try SentenceSegmenter(language: "de")
        let parser = StructureParser(nonPlaceWords: segmenter.rules.sentenceStarters)
        let identifier = LanguageIdentifier()
        let cleaned = try units.map { try CleanText(units: $0) }
        let structures = cleaned.map { parser.parse($0) }

        var sink = 0
        func time(_ name: String, _ body: () throws -> Int) rethrows -> Stage {
            if let only, !name.contains(only), !name.hasPrefix("raw ICU") { return Stage(name: name + " (skipped)", seconds: .nan) }
            var best = Double.infinity
            for _ in 0..<max(1, repeats) {
                let start = DispatchTime.now().uptimeNanoseconds
                sink &+= try body()
                best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
            }
            return Stage(name: name, seconds: best)
        }

        let icu = try BreakIterator(.sentence, locale: "de")
        var stages: [Stage] = []
        stages.append(time("raw ICU sentence-break loop") {
            units.reduce(0) { $0 + icu.countBoundaries(in: $1) }
        })
        stages.append(try time("decode (bytes → UTF-16)") {
            try utf8.reduce(0) { $0 + (try TextDecoder().decode($1, source: "bench")).units.count }
        })
        stages.append(try time("clean + NFC") {
            try units.reduce(0) { $0 + (try CleanText(units: $1)).count }
        })
        stages.append(time("structure") {
            cleaned.reduce(0) { $0 + parser.parse($1).blocks.count }
        })
        stages.append(time("language identification") {
            units.reduce(0) { $0 + identifier.identify(units: $1).count }
        })
        let segmentationSession = try segmenter.makeSession()
        stages.append(time("segmentation (ICU + rules)") {
            zip(cleaned, structures).reduce(0) { $0 + segmenter.segment($1.0.units, blocks: $1.1.blocks, session: segmentationSession).count }
        })
        stages.append(try time("probe: open ICU iterator per document") {
            try units.reduce(0) { acc, _ in acc + (try BreakIterator(.sentence, locale: "de")).origin.count }
        })
        stages.append(try time("probe: clone ICU iterator per document") {
            try units.reduce(0) { acc, _ in acc + (try icu.copy()).origin.count }
        })
        let auto = try Pipeline(options: PipelineOptions(findQuotes: false))
        let session = Pipeline.Session()
        stages.append(try time("whole pipeline, --lang de") {
            try units.reduce(0) { $0 + (try pipeline.analyze(units: $1, session: session)).sentences.count }
        })
        stages.append(try time("whole pipeline, language identified") {
            try units.reduce(0) { $0 + (try auto.analyze(units: $1, session: session)).sentences.count }
        })
        let peak = peakMemoryKiB()
        let raw = stages[0].seconds
        if json {
            var object: [String: Any] = ["corpus": corpus, "documents": texts.count, "bytes": bytes, "peakRSSKiB": peak, "icuVersion": icuVersion]
            object["stages"] = stages.map { stage -> [String: Any] in
                ["name": stage.name, "seconds": stage.seconds, "MBps": Double(bytes) / 1e6 / stage.seconds,
                 "docsPerSecond": Double(texts.count) / stage.seconds, "shareOfRawICU": raw / stage.seconds]
            }
            print(String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .prettyPrinted]), as: UTF8.self))
            return
        }
        print("corpus: \(corpus) — \(texts.count) documents, \(String(format: "%.2f", Double(bytes) / 1e6)) MB UTF-8, ICU \(icuVersion), best of \(repeats)")
        print("stage".padding(toLength: 38, withPad: " ", startingAt: 0) + "   seconds      MB/s     docs/s   vs raw ICU")
        for stage in stages {
            print(stage.name.padding(toLength: 38, withPad: " ", startingAt: 0)
                + String(format: "%10.4f %9.2f %10.0f %11.1f%%", stage.seconds, Double(bytes) / 1e6 / stage.seconds,
                         Double(texts.count) / stage.seconds, raw / stage.seconds * 100))
        }
        print("peak RSS: \(peak / 1024) MiB   (checksum \(sink))")
    }
}
