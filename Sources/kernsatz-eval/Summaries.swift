import ArgumentParser
import Foundation
import Kernsatz

/// ROUGE of Kernsatz summaries against reference summaries, beside Lead-N on the same sentences.
struct Summaries: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summaries",
        abstract: "Score summaries with ROUGE-1/2/L (F1, mean over documents) beside Lead-N, and fail below a floor.",
        discussion: """
            Records: {"id","text","summary"} (e.g. ../shared/data/news/teaser_dev.jsonl: body text, web teaser).
            Tokens as ../shared/tools/peers/rouge.py: lowercase, runs of Unicode letters and digits.
            """
    )

    @Argument(help: "Reference JSON Lines file.")
    var file: String

    @Option(help: "Sentences per summary.")
    var sentences = 2

    @Option(help: "Language of the texts (default: identified per text).")
    var lang: String?

    @Option(help: "Override ranking weights: name=value,… (\(SummaryWeights.names.joined(separator: ", "))).")
    var weights: String?

    @Option(help: "Only the first or second half of the records (for checking weights set on one half).")
    var half: Half?

    @Option(help: "Fail (exit 1) unless ROUGE-1, -2 and -L F1 (percent) are each at least these: R1,R2,RL.")
    var floor: String?

    @Flag(help: "Fail unless every ROUGE figure is above Lead-N's.")
    var aboveLead = false

    @Option(help: "Write the predictions as JSON Lines {\"id\",\"prediction\"} (for rouge.py).")
    var predictions: String?

    enum Half: String, ExpressibleByArgument { case first, second }

    struct Record: Decodable {
        var id: String
        var text: String
        var summary: String
    }

    func run() throws {
        var weightValues = SummaryWeights()
        if let weights, let bad = weightValues.apply(weights) {
            throw ValidationError("--weights: cannot read '\(bad)'; write name=value (a finite number) with a name of: \(SummaryWeights.names.joined(separator: ", ")).")
        }
        var records = try JSONLines.read(file, as: Record.self, what: "a {\"id\",\"text\",\"summary\"} record")
        if let half {
            let middle = records.count / 2
            records = half == .first ? Array(records[..<middle]) : Array(records[middle...])
        }
        let pipeline = try Pipeline(options: PipelineOptions(language: lang))
        let session = Pipeline.Session()
        var system = (r1: 0.0, r2: 0.0, rl: 0.0), lead = (r1: 0.0, r2: 0.0, rl: 0.0)
        var lines: [String] = []
        for record in records {
            let analysis = try pipeline.analyze(record.text, source: "\(file):\(record.id)", session: session)
            let summarizer = Summarizer(language: analysis.language, weights: weightValues)
            let summary = summarizer.summarize(analysis, length: .sentences(sentences))
            let prediction = summary.sentences.map { analysis.sourceText(of: analysis.sentences[$0]) }.joined(separator: " ")
            let leadText = analysis.sentences.prefix(sentences).map { analysis.sourceText(of: $0) }.joined(separator: " ")
            let score = Rouge(prediction: prediction, reference: record.summary)
            let leadScore = Rouge(prediction: leadText, reference: record.summary)
            system.r1 += score.rouge1.f1; system.r2 += score.rouge2.f1; system.rl += score.rougeL.f1
            lead.r1 += leadScore.rouge1.f1; lead.r2 += leadScore.rouge2.f1; lead.rl += leadScore.rougeL.f1
            if predictions != nil {
                let object = try JSONSerialization.data(withJSONObject: ["id": record.id, "prediction": prediction], options: [.sortedKeys])
                lines.append(String(decoding: object, as: UTF8.self))
            }
        }
        let n = Double(max(records.count, 1))
        let ours = [system.r1, system.r2, system.rl].map { 100 * $0 / n }
        let leads = [lead.r1, lead.r2, lead.rl].map { 100 * $0 / n }
        func row(_ name: String, _ values: [Double]) -> String {
            name.padding(toLength: 22, withPad: " ", startingAt: 0) + values.map { String(format: "%8.2f", $0) }.joined()
        }
        print("\((file as NSString).lastPathComponent): \(records.count) documents, \(sentences)-sentence summaries, F1")
        print(row("", []) + "      R1      R2      RL")
        print(row("kernsatz", ours))
        print(row("lead-\(sentences)", leads))
        if let predictions {
            try (lines.joined(separator: "\n") + "\n").write(toFile: predictions, atomically: true, encoding: .utf8)
        }
        var failed = false
        if let floor {
            let values = floor.split(separator: ",").compactMap { Double($0) }
            guard values.count == 3 else { throw ValidationError("--floor takes three numbers: R1,R2,RL") }
            for (name, (value, minimum)) in zip(["ROUGE-1", "ROUGE-2", "ROUGE-L"], zip(ours, values)) where value < minimum {
                print("below floor: \(name) \(String(format: "%.2f", value)) < \(minimum)")
                failed = true
            }
        }
        if aboveLead {
            for (name, (value, baseline)) in zip(["ROUGE-1", "ROUGE-2", "ROUGE-L"], zip(ours, leads)) where value <= baseline {
                print("not above lead-\(sentences): \(name) \(String(format: "%.2f", value)) ≤ \(String(format: "%.2f", baseline))")
                failed = true
            }
        }
        if failed { throw ExitCode.failure }
    }
}
