import ArgumentParser
import Foundation
import Kernsatz

/// Scores sentence segmentation against gold JSON Lines files and fails below a floor.
///
/// Gold records: {"id", "text", "sentences": [...], "unpunctuated_sentence_indices"?: [...],
/// "kind"?: "...", "lang"?: "..."}. Scoring is whitespace-insensitive: a boundary is the number of
/// non-space characters before it; the document end is not a boundary; the boundaries after
/// unpunctuated gold sentences (headlines, fragments) are left out of both sides.
struct Segments: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "segments",
        abstract: "Score sentence segmentation against gold files (boundary P/R/F1), and fail below a floor."
    )

    enum Segmenter: String, ExpressibleByArgument, CaseIterable {
        /// The Kernsatz pipeline (what `kernsatz segment --jsonl` does).
        case kernsatz
        /// ICU's plain sentence rules for the language, no rule layer.
        case icu
        /// ICU with the locale's `ss=standard` abbreviation suppressions.
        case icuSS = "icu-ss"
    }

    @Argument(help: "Gold JSON Lines files.")
    var gold: [String]

    @Option(help: "Segmenter: \(Segmenter.allCases.map(\.rawValue).joined(separator: ", ")).")
    var segmenter: Segmenter = .kernsatz

    @Option(help: "Score these predictions (JSON Lines {\"id\", \"sentences\": [...]}, e.g. a peer's output) instead of segmenting.")
    var predictions: String?

    @Option(help: "Fail (exit 1) when a file's boundary F1 (percent) is below this.")
    var floor: Double?

    @Option(help: "Print up to N false splits and N missed boundaries per file.")
    var show: Int = 0

    @Flag(help: "Break the figures down by the records' \"kind\".")
    var byKind = false

    @Flag(help: "One JSON object per file instead of the table.")
    var json = false

    struct GoldRecord: Decodable {
        var id: String?
        var text: String
        var sentences: [String]
        var unpunctuated_sentence_indices: [Int]?
        var kind: String?
        var lang: String?
    }

    struct Score {
        var truePositives = 0, predicted = 0, gold = 0, documents = 0
        var precision: Double { predicted == 0 ? 1 : Double(truePositives) / Double(predicted) }
        var recall: Double { gold == 0 ? 1 : Double(truePositives) / Double(gold) }
        var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
        mutating func add(_ other: Score) {
            truePositives += other.truePositives
            predicted += other.predicted
            gold += other.gold
            documents += other.documents
        }
    }

    func run() throws {
        var failed = false
        for path in gold {
            let records = try JSONLines.read(path, as: GoldRecord.self, what: "a gold record")
            var total = Score()
            var kinds: [String: Score] = [:]
            var falseSplits: [String] = []
            var misses: [String] = []
            var pipelines: [String: Pipeline] = [:]
            let external = try predictions.map(loadPredictions)
            for record in records {
                let predicted: [Int]
                if let external {
                    guard let sentences = external[record.id ?? ""] else {
                        throw ValidationError("\(predictions!): no prediction for \(record.id ?? "?")")
                    }
                    predicted = ends(of: sentences, in: record.text)
                } else {
                    predicted = try split(record, pipelines: &pipelines)
                }
                var score = Score(documents: 1)
                let (goldSet, excluded) = goldBoundaries(record)
                let predictedSet = Set(predicted.map { nonSpaceOffset(record.text, $0) }).subtracting(excluded)
                    .subtracting([nonSpaceCount(record.text)]).subtracting([0])
                score.truePositives = goldSet.intersection(predictedSet).count
                score.predicted = predictedSet.count
                score.gold = goldSet.count
                total.add(score)
                kinds[record.kind ?? "-", default: Score()].add(score)
                if show > 0 {
                    for b in predictedSet.subtracting(goldSet).sorted() where falseSplits.count < show {
                        falseSplits.append("\(record.id ?? "?"): \(context(record.text, b))")
                    }
                    for b in goldSet.subtracting(predictedSet).sorted() where misses.count < show {
                        misses.append("\(record.id ?? "?"): \(context(record.text, b))")
                    }
                }
            }
            report(path, total, kinds: kinds)
            for line in falseSplits { print("    false split  \(line)") }
            for line in misses { print("    missed       \(line)") }
            if let floor, total.f1 * 100 < floor {
                FileHandle.standardError.write(Data("kernsatz-eval: \(path): F1 \(String(format: "%.2f", total.f1 * 100)) is below the floor \(floor)\n".utf8))
                failed = true
            }
        }
        if failed { throw ExitCode.failure }
    }

    func loadPredictions(_ path: String) throws -> [String: [String]] {
        struct Prediction: Decodable { var id: String; var sentences: [String] }
        var result: [String: [String]] = [:]
        for prediction in try JSONLines.read(path, as: Prediction.self, what: "a prediction record {\"id\", \"sentences\"}") {
            result[prediction.id] = prediction.sentences
        }
        return result
    }

    /// Sentence ends (scalar offsets) of predicted sentence texts, found by their non-space characters.
    func ends(of sentences: [String], in text: String) -> [Int] {
        let scalars = Array(text.unicodeScalars)
        var ends: [Int] = []
        var position = 0
        for sentence in sentences {
            var remaining = sentence.unicodeScalars.filter { !$0.properties.isWhitespace }.count
            while remaining > 0 && position < scalars.count {
                if !scalars[position].properties.isWhitespace { remaining -= 1 }
                position += 1
            }
            ends.append(position)
        }
        return ends
    }

    /// Predicted sentence ends as Unicode-scalar offsets into the record's text.
    func split(_ record: GoldRecord, pipelines: inout [String: Pipeline]) throws -> [Int] {
        let language = record.lang ?? "auto"
        switch segmenter {
        case .kernsatz:
            if pipelines[language] == nil {
                pipelines[language] = try Pipeline(options: PipelineOptions(language: record.lang, findQuotes: false))
            }
            let analysis = try pipelines[language]!.analyze(record.text)
            return analysis.sentences.map { analysis.sourceScalarRange($0.range).upperBound }
        case .icu, .icuSS:
            let locale = (record.lang ?? "de") + (segmenter == .icuSS ? "@ss=standard" : "")
            let iterator = try BreakIterator(.sentence, locale: locale)
            let units = Array(record.text.utf16)
            let text = try CleanText(units: units)
            var ends: [Int] = []
            iterator.forEachBoundary(in: units) { boundary, _ in ends.append(text.sourceScalarRange(0..<boundary).upperBound) }
            return ends
        }
    }

    /// Gold boundaries (non-space offsets) and the ones left out (after unpunctuated sentences).
    func goldBoundaries(_ record: GoldRecord) -> (Set<Int>, Set<Int>) {
        var boundaries = Set<Int>()
        var excluded = Set<Int>()
        let unpunctuated = Set(record.unpunctuated_sentence_indices ?? [])
        var position = 0
        for (index, sentence) in record.sentences.enumerated() {
            position += sentence.unicodeScalars.filter { !$0.properties.isWhitespace }.count
            if index == record.sentences.count - 1 { break }
            if unpunctuated.contains(index) { excluded.insert(position) } else { boundaries.insert(position) }
        }
        return (boundaries, excluded)
    }

    func nonSpaceCount(_ text: String) -> Int {
        text.unicodeScalars.filter { !$0.properties.isWhitespace }.count
    }

    /// The number of non-space scalars before a scalar offset.
    func nonSpaceOffset(_ text: String, _ offset: Int) -> Int {
        text.unicodeScalars.prefix(offset).filter { !$0.properties.isWhitespace }.count
    }

    func context(_ text: String, _ boundary: Int) -> String {
        var seen = 0
        var position = 0
        for (index, scalar) in text.unicodeScalars.enumerated() {
            if seen == boundary { position = index; break }
            if !scalar.properties.isWhitespace { seen += 1 }
            position = index + 1
        }
        let scalars = Array(text.unicodeScalars)
        let left = String(String.UnicodeScalarView(scalars[max(0, position - 40)..<position]))
        let right = String(String.UnicodeScalarView(scalars[position..<min(scalars.count, position + 40)]))
        return "…\(left)⟂\(right)…".replacingOccurrences(of: "\n", with: " ")
    }

    func report(_ path: String, _ score: Score, kinds: [String: Score]) {
        let name = (path as NSString).lastPathComponent
        if json {
            let object: [String: Any] = [
                "file": name, "segmenter": segmenter.rawValue, "documents": score.documents,
                "gold": score.gold, "predicted": score.predicted, "truePositives": score.truePositives,
                "P": round(score.precision * 10000) / 100, "R": round(score.recall * 10000) / 100, "F1": round(score.f1 * 10000) / 100,
            ]
            let data = try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
            print(String(decoding: data, as: UTF8.self))
            return
        }
        func row(_ label: String, _ s: Score) -> String {
            label.padding(toLength: 34, withPad: " ", startingAt: 0)
                + String(format: "%5d %6d %6d %7.2f %7.2f %7.2f", s.documents, s.gold, s.predicted, s.precision * 100, s.recall * 100, s.f1 * 100)
        }
        print("file (\(predictions.map { ($0 as NSString).lastPathComponent } ?? segmenter.rawValue))".padding(toLength: 34, withPad: " ", startingAt: 0) + " docs   gold   pred       P       R      F1")
        print(row(name, score))
        if byKind {
            for (kind, s) in kinds.sorted(by: { $0.key < $1.key }) { print(row("  " + kind, s)) }
        }
    }
}
