import ArgumentParser
import Foundation
import Kernsatz

/// Scores named-entity recognition against GermEval-style span files and fails below a floor.
///
/// Gold records (JSON Lines): {"id", "text_tokens_space_joined", "entities": [{"level", "type",
/// "char_start", "char_end", "surface"}]}, offsets in Unicode scalars of the text. Each record is
/// one document of one sentence and goes straight to `EntityRecognizer` (no `Pipeline`: the text is
/// already clean, and its offsets must stay those of the file); scalar offsets are turned into
/// UTF-16 offsets and back.
///
/// Scoring (the project's convention for GermEval 2014, shared/README.md): outer spans of type PER,
/// LOC, ORG, OTH, exact span match; type-free (the headline figure) and typed. Outer spans of the
/// `deriv` and `part` variants are neutral: a prediction equal to one or inside one („NATO“ in the
/// token „NATO-Gipfel“) counts neither for nor against.
struct Entities: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "entities",
        abstract: "Score named entities against gold span files (exact-span P/R/F1), and fail below a floor."
    )

    enum Half: String, ExpressibleByArgument, CaseIterable {
        case all, first, second
    }

    @Argument(help: "Gold JSON Lines files (e.g. ../shared/data/ner/germeval2014_dev.spans.jsonl).")
    var gold: [String]

    @Option(help: "Language of the texts.")
    var language = "de"

    @Option(help: "Score only this half of each file's records (first = the development half).")
    var half: Half = .all

    @Option(help: "Fail (exit 1) when a file's type-free F1 (percent) is below this.")
    var floor: Double?

    @Option(help: "Print up to N false positives and N misses per file.")
    var show: Int = 0

    @Option(help: "Print every prediction with this cue kind, marked TP, FP or neutral (for rule work).")
    var trace: String?

    @Flag(help: "Time the recognizer on plain JSON Lines texts ({\"text\"}, e.g. news/derstandard_dev.jsonl) cut into sentences by the Pipeline, instead of scoring.")
    var throughput = false

    @Option(help: "With --throughput: run the recognizer this many times over the corpus.")
    var repeats = 5

    @Flag(help: "Break precision down by the recognizer's cue.")
    var byCue = false

    @Flag(help: "One JSON object per file instead of the table.")
    var json = false

    struct GoldEntity: Decodable {
        var level: String
        var type: String
        var char_start: Int
        var char_end: Int
    }

    struct GoldRecord: Decodable {
        var id: String?
        var text_tokens_space_joined: String
        var entities: [GoldEntity]
    }

    struct Score {
        var truePositives = 0, predicted = 0, gold = 0
        var precision: Double { predicted == 0 ? 1 : Double(truePositives) / Double(predicted) }
        var recall: Double { gold == 0 ? 1 : Double(truePositives) / Double(gold) }
        var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
    }

    struct Span: Hashable {
        var start: Int, end: Int
    }

    func run() throws {
        let recognizer = try EntityRecognizer(language: language)
        if throughput {
            try measure(recognizer)
            return
        }
        var failed = false
        for path in gold {
            var records = try JSONLines.read(path, as: GoldRecord.self, what: "a gold span record")
            switch half {
            case .all: break
            case .first: records = Array(records.prefix(records.count / 2))
            case .second: records = Array(records.dropFirst(records.count / 2))
            }
            var typeFree = Score()
            var typed = Score()
            var perType: [EntityType: Score] = [:]
            var cues: [String: Score] = [:]
            var falsePositives: [String] = []
            var misses: [String] = []
            var seconds = 0.0
            var bytes = 0
            for record in records {
                let text = record.text_tokens_space_joined
                let units = Array(text.utf16)
                let toUTF16 = utf16Offsets(text)
                bytes += text.utf8.count
                let clock = ContinuousClock.now
                let predicted = recognizer.entities(in: units, sentences: [0..<units.count])
                seconds += Double((ContinuousClock.now - clock).components.attoseconds) / 1e18
                    + Double((ContinuousClock.now - clock).components.seconds)

                var goldTyped: [Span: EntityType] = [:]
                var neutral: [Span] = []
                for entity in record.entities where entity.level == "outer" {
                    let span = Span(start: toUTF16[entity.char_start], end: toUTF16[entity.char_end])
                    if let type = EntityType(rawValue: entity.type) {
                        goldTyped[span] = type
                        perType[type, default: Score()].gold += 1
                    } else {
                        neutral.append(span)
                    }
                }
                typeFree.gold += goldTyped.count
                typed.gold += goldTyped.count
                var matched = Set<Span>()
                for entity in predicted {
                    let span = Span(start: entity.range.lowerBound, end: entity.range.upperBound)
                    let cue = Self.cueKind(entity.cue)
                    if let trace, trace == cue {
                        let before = units[..<span.start].split(separator: 0x20).suffix(2).map { String(decoding: $0, as: UTF16.self) }.joined(separator: " ")
                        let status = goldTyped[span] != nil ? "TP" : neutral.contains(where: { $0.start <= span.start && span.end <= $0.end }) ? "N " : "FP"
                        print("\(status) \(goldTyped[span]?.rawValue ?? "-") \(entity.type.rawValue) \(before) [\(slice(units, span))]")
                    }
                    if let goldType = goldTyped[span] {
                        cues[cue, default: Score()].truePositives += 1
                        cues[cue, default: Score()].predicted += 1
                        typeFree.truePositives += 1
                        typeFree.predicted += 1
                        typed.predicted += 1
                        perType[entity.type, default: Score()].predicted += 1
                        matched.insert(span)
                        if goldType == entity.type {
                            typed.truePositives += 1
                            perType[entity.type, default: Score()].truePositives += 1
                        }
                        continue
                    }
                    if neutral.contains(where: { $0.start <= span.start && span.end <= $0.end }) { continue }
                    cues[cue, default: Score()].predicted += 1
                    typeFree.predicted += 1
                    typed.predicted += 1
                    perType[entity.type, default: Score()].predicted += 1
                    if falsePositives.count < show {
                        falsePositives.append("\(record.id ?? "?"): [\(slice(units, span))] \(entity.type.rawValue) (\(entity.cue)) in: \(text)")
                    }
                }
                for (span, type) in goldTyped.sorted(by: { $0.key.start < $1.key.start }) where !matched.contains(span) {
                    if misses.count < show {
                        let near = predicted.filter { $0.range.overlaps(span.start..<span.end) }
                            .map { "[\(slice(units, Span(start: $0.range.lowerBound, end: $0.range.upperBound)))]" }
                        misses.append("\(record.id ?? "?"): [\(slice(units, span))] \(type.rawValue)\(near.isEmpty ? "" : " predicted " + near.joined(separator: " ")) in: \(text)")
                    }
                }
            }
            let rate = seconds > 0 ? Double(bytes) / seconds / 1_000_000 : 0
            if json {
                var object: [String: Any] = [
                    "file": path, "half": half.rawValue, "records": records.count,
                    "type_free": figures(typeFree), "typed": figures(typed), "mb_per_s": rate,
                ]
                for type in EntityType.allCases { object[type.rawValue] = figures(perType[type] ?? Score()) }
                let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
                print(String(decoding: data, as: UTF8.self))
            } else {
                print("\(path) (\(half.rawValue), \(records.count) records)")
                print(line("type-free", typeFree))
                print(line("typed", typed))
                for type in EntityType.allCases { print(line("  " + type.rawValue, perType[type] ?? Score())) }
                if byCue {
                    for (cue, score) in cues.sorted(by: { $0.value.predicted > $1.value.predicted }) {
                        print("    " + cue.padding(toLength: 28, withPad: " ", startingAt: 0)
                              + String(format: "P %5.1f  (%d/%d)", score.precision * 100, score.truePositives, score.predicted))
                    }
                }
                print(String(format: "  recognizer %.1f MB/s (UTF-8 bytes of text, this build)", rate))
                for item in falsePositives { print("    false positive  \(item)") }
                for item in misses { print("    missed          \(item)") }
            }
            if let floor, typeFree.f1 * 100 < floor {
                FileHandle.standardError.write(Data("kernsatz-eval: \(path): entity F1 \(String(format: "%.2f", typeFree.f1 * 100)) is below the floor \(floor)\n".utf8))
                failed = true
            }
        }
        if failed { throw ExitCode.failure }
    }

    /// Recognizer speed on whole documents: the Pipeline cuts them into sentences first (not timed).
    func measure(_ recognizer: EntityRecognizer) throws {
        struct TextRecord: Decodable { var text: String }
        let pipeline = try Pipeline(options: PipelineOptions(language: language))
        for path in gold {
            var documents: [([UInt16], [Range<Int>])] = []
            var bytes = 0
            for record in try JSONLines.read(path, as: TextRecord.self, what: "a {\"text\"} record") {
                let analysis = try pipeline.analyze(record.text)
                documents.append((analysis.text.units, analysis.sentences.map(\.range)))
                bytes += record.text.utf8.count
            }
            var entities = 0
            var best = Double.infinity
            for _ in 0..<max(1, repeats) {
                let clock = ContinuousClock.now
                entities = 0
                for (units, sentences) in documents {
                    entities += recognizer.entities(in: units, sentences: sentences).count
                }
                let elapsed = ContinuousClock.now - clock
                best = min(best, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
            }
            print(String(format: "%@: %d documents, %.2f MB, %d entities; recognizer %.1f MB/s (best of %d)",
                         path, documents.count, Double(bytes) / 1e6, entities, Double(bytes) / best / 1e6, max(1, repeats)))
        }
    }

    /// A cue without the word it names ("title Präsident" → "title").
    /// The cue without its word („title Präsident“ → „title“), as the table groups cues.
    static func cueKind(_ cue: EntityCue) -> String {
        EntityCue(cue.kind, multiword: cue.multiword).description
    }

    /// UTF-16 offset of every scalar offset 0...count (characters beyond the BMP take two units).
    func utf16Offsets(_ text: String) -> [Int] {
        var offsets: [Int] = [0]
        var position = 0
        for scalar in text.unicodeScalars {
            position += UTF16.width(scalar)
            offsets.append(position)
        }
        return offsets
    }

    func slice(_ units: [UInt16], _ span: Span) -> String {
        String(decoding: units[span.start..<span.end], as: UTF16.self)
    }

    func figures(_ score: Score) -> [String: Any] {
        ["precision": score.precision, "recall": score.recall, "f1": score.f1,
         "true_positives": score.truePositives, "predicted": score.predicted, "gold": score.gold]
    }

    func line(_ label: String, _ score: Score) -> String {
        label.padding(toLength: 11, withPad: " ", startingAt: 0)
            + String(format: "P %5.1f  R %5.1f  F1 %5.1f   (%d/%d/%d tp/pred/gold)",
                     score.precision * 100, score.recall * 100, score.f1 * 100, score.truePositives, score.predicted, score.gold)
    }
}
