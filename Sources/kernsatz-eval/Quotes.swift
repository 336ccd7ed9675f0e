import ArgumentParser
import Foundation
import Kernsatz

/// Quote detection against gold tables: direct-speech precision and recall, speakers and verbs,
/// reported speech apart.
struct Quotes: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quotes",
        abstract: "Score direct and reported speech (P/R), speakers and verbs against gold tables, and fail below a floor.",
        discussion: """
            Records: {"id","kind","lang","text","quotes":[{"text","speaker","verb","type":"direct"|"reported"}]}.
            A quote is found when its words (without the marks; a split quote's parts joined by one space) equal the \
            gold text, spaces collapsed. A speaker is right when it equals the gold speaker; "lenient" also accepts \
            one containing the other on word boundaries ("Mark Rutte" for "Rutte"); spk✗ counts speakers given where the gold has none.
            """
    )

    @Argument(help: "Gold JSON Lines files.")
    var gold: [String]

    @Option(help: "Fail (exit 1) when direct-speech precision or recall (percent) is below this.")
    var floor: Double?

    @Option(help: "Print up to N misses, false hits and wrong speakers per file.")
    var show = 0

    @Flag(help: "Break the figures down by the records' \"kind\".")
    var byKind = false

    struct GoldQuote: Decodable {
        var text: String
        var speaker: String?
        var verb: String?
        var type: String
    }

    struct Record: Decodable {
        var id: String
        var kind: String?
        var lang: String?
        var text: String
        var quotes: [GoldQuote]
    }

    struct Tally {
        var found = 0, predicted = 0, gold = 0
        var reportedFound = 0, reportedPredicted = 0, reportedGold = 0
        var speakerGold = 0, speakerExact = 0, speakerLenient = 0
        var verbGold = 0, verbRight = 0
        /// Speakers given where the gold has none.
        var speakerSpurious = 0

        mutating func add(_ other: Tally) {
            found += other.found; predicted += other.predicted; gold += other.gold
            reportedFound += other.reportedFound; reportedPredicted += other.reportedPredicted; reportedGold += other.reportedGold
            speakerGold += other.speakerGold; speakerExact += other.speakerExact; speakerLenient += other.speakerLenient
            verbGold += other.verbGold; verbRight += other.verbRight
            speakerSpurious += other.speakerSpurious
        }

        static func percent(_ a: Int, _ b: Int) -> Double { b == 0 ? 100 : 100 * Double(a) / Double(b) }
        var precision: Double { Self.percent(found, predicted) }
        var recall: Double { Self.percent(found, gold) }
    }

    static func normalize(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    static func lenientMatch(_ a: String, _ b: String) -> Bool {
        let x = " \(a.lowercased()) ", y = " \(b.lowercased()) "
        return x.contains(y) || y.contains(x)
    }

    func run() throws {
        var pipelines: [String: Pipeline] = [:]
        let session = Pipeline.Session()
        var failed = false
        for path in gold {
            var total = Tally()
            var byKindTally: [String: Tally] = [:]
            var messages: [String] = []
            for (line, record) in try JSONLines.numbered(path, as: Record.self, what: "a quote record") {
                let lang = record.lang ?? "de"
                if pipelines[lang] == nil { pipelines[lang] = try Pipeline(options: PipelineOptions(language: lang)) }
                let analysis = try pipelines[lang]!.analyze(record.text, source: "\(path):\(line)", session: session)
                let units = analysis.text.units
                var tally = Tally()
                for type in ["direct", "reported"] {
                    let goldQuotes = record.quotes.filter { $0.type == type }
                    let predicted = analysis.quotes.filter { $0.kind.rawValue == type }
                    var unmatched = predicted.map { (quote: $0, text: Self.normalize($0.text(in: units))) }
                    for goldQuote in goldQuotes {
                        let wanted = Self.normalize(goldQuote.text)
                        if let index = unmatched.firstIndex(where: { $0.text == wanted }) {
                            let quote = unmatched.remove(at: index).quote
                            if type == "direct" { tally.found += 1 } else { tally.reportedFound += 1 }
                            if goldQuote.speaker == nil, let got = quote.speaker {
                                tally.speakerSpurious += 1
                                if messages.count < show * 3 {
                                    messages.append("  speaker \(record.id): want none, got \"\(String(decoding: units[got], as: UTF16.self))\"")
                                }
                            }
                            if let speaker = goldQuote.speaker {
                                tally.speakerGold += 1
                                let got = quote.speaker.map { Self.normalize(String(decoding: units[$0], as: UTF16.self)) }
                                if got == speaker { tally.speakerExact += 1 }
                                if let got, Self.lenientMatch(got, speaker) { tally.speakerLenient += 1 } else if messages.count < show * 3 {
                                    messages.append("  speaker \(record.id): want \"\(speaker)\", got \"\(got ?? "none")\"")
                                }
                            }
                            if let verb = goldQuote.verb {
                                tally.verbGold += 1
                                if let got = quote.verb.map({ Self.normalize(String(decoding: units[$0], as: UTF16.self)) }), Self.lenientMatch(got, verb) { tally.verbRight += 1 }
                            }
                        } else if messages.count < show * 3 {
                            messages.append("  missed \(type) \(record.id): \(wanted)")
                        }
                    }
                    for extra in unmatched where messages.count < show * 3 {
                        messages.append("  false \(type) \(record.id): \(extra.text)")
                    }
                    if type == "direct" {
                        tally.gold += goldQuotes.count; tally.predicted += predicted.count
                    } else {
                        tally.reportedGold += goldQuotes.count; tally.reportedPredicted += predicted.count
                    }
                }
                total.add(tally)
                byKindTally["\(lang) \(record.kind ?? "-")", default: Tally()].add(tally)
            }
            func row(_ name: String, _ t: Tally) -> String {
                name.padding(toLength: 34, withPad: " ", startingAt: 0)
                    + String(format: "%5d %6.2f %6.2f %5d %6.2f %6.2f %6.2f %6.2f", t.gold, t.precision, t.recall, t.reportedGold,
                             Tally.percent(t.reportedFound, t.reportedPredicted), Tally.percent(t.reportedFound, t.reportedGold),
                             Tally.percent(t.speakerExact, t.speakerGold), Tally.percent(t.speakerLenient, t.speakerGold))
                    + String(format: " %6.2f %5d", Tally.percent(t.verbRight, t.verbGold), t.speakerSpurious)
            }
            print("file / kind".padding(toLength: 34, withPad: " ", startingAt: 0) + "direct     P      R  repd     P      R  spk=   spk~   verb  spk✗")
            print(row((path as NSString).lastPathComponent, total))
            if byKind {
                for kind in byKindTally.keys.sorted() { print(row("  " + kind, byKindTally[kind]!)) }
            }
            for message in messages { print(message) }
            if let floor, total.precision < floor || total.recall < floor {
                print("below floor \(floor): direct P \(String(format: "%.2f", total.precision)) R \(String(format: "%.2f", total.recall))")
                failed = true
            }
        }
        if failed { throw ExitCode.failure }
    }
}
