import ArgumentParser
import Foundation
import Kernsatz

/// Scores glossary term matching against gold tables and fails below a floor.
///
/// Table records: {"id","kind","lang","text","terms":[{"text","entry","match"}]}; gold hits are
/// compared as a multiset of (text, entry); an empty `terms` list expects no hit.
struct TermsEval: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "terms",
        abstract: "Score glossary term matching (precision, recall, match-kind accuracy) against gold tables.",
        discussion: "swift run kernsatz-eval terms --glossary Tests/KernsatzGlossaryTests/Fixtures/terms-de.tsv Tests/KernsatzGlossaryTests/Fixtures/terms-de.jsonl --floor 100"
    )

    @Option(help: "The glossary the table was written for (.tsv, .tbx, .csv); repeat for several. Default: the shipped glossaries.")
    var glossary: [String] = []

    @Argument(help: "Gold tables (JSON Lines).")
    var tables: [String]

    @Option(help: "Fail (exit 1) when precision or recall (percent) is below this, in any table.")
    var floor: Double?

    @Option(help: "Print up to N cases that differ from the gold.")
    var show: Int = 0

    @Flag(help: "One JSON object per table instead of the table.")
    var json = false

    func run() throws {
        var glossaries: [Glossary] = []
        do {
            if glossary.isEmpty { glossaries.append(try ShippedGlossaries.glossary()) }
            for path in glossary { glossaries.append(try Glossary.read(path: path)) }
        } catch {
            throw ValidationError("\(error)")
        }
        let matcher = TermMatcher(glossary: Glossary.merged(glossaries))
        var failed = false
        for path in tables {
            let table: TermTable
            do { table = try TermTable(path: path) } catch { throw ValidationError("\(error)") }
            let (total, byKind, misses) = table.score(matcher)
            if json {
                let object: [String: Any] = [
                    "table": path, "cases": total.cases, "gold": total.gold, "found": total.found, "correct": total.correct,
                    "precision": total.precision, "recall": total.recall, "kindAccuracy": total.kindAccuracy,
                    "byKind": Dictionary(uniqueKeysWithValues: byKind.map { ($0.0, ["cases": $0.1.cases, "precision": $0.1.precision, "recall": $0.1.recall, "kindAccuracy": $0.1.kindAccuracy]) }),
                ]
                print(String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self))
            } else {
                print("\(path): \(total.cases) cases, \(total.gold) gold hits, \(total.found) found")
                print("kind".padding(toLength: 24, withPad: " ", startingAt: 0) + " cases  gold  found  precision  recall  match kind")
                for (kind, score) in byKind + [("all", total)] {
                    print(kind.padding(toLength: 24, withPad: " ", startingAt: 0)
                          + String(format: " %5d %5d %6d %9.1f%% %6.1f%% %10.1f%%", score.cases, score.gold, score.found,
                                   score.precision * 100, score.recall * 100, score.kindAccuracy * 100))
                }
                for miss in misses.prefix(show) {
                    print("- \(miss.id): \(miss.text)")
                    for m in miss.missed { print("    missed    \(m)") }
                    for s in miss.spurious { print("    spurious  \(s)") }
                    for k in miss.wrongKind { print("    kind      \(k)") }
                }
            }
            if let floor, total.precision * 100 < floor || total.recall * 100 < floor {
                FileHandle.standardError.write(Data("kernsatz-eval: \(path): precision \(String(format: "%.1f", total.precision * 100))% / recall \(String(format: "%.1f", total.recall * 100))% below the floor of \(floor)%\n".utf8))
                failed = true
            }
        }
        if failed { throw ExitCode.failure }
    }
}
