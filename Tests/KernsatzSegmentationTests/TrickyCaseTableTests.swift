import Foundation
import Kernsatz
import XCTest

/// Runs our own tables of tricky cases (Fixtures/*.jsonl, each case noting where it comes from)
/// through the pipeline and compares sentence by sentence, whitespace folded.
final class TrickyCaseTableTests: XCTestCase {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// Cases we get wrong, each with the reason. The test fails when one of them starts to pass
    /// (then remove it here) as well as when any other case fails.
    static let knownFailures: [String: String] = [
        // „… der Gewinn auf 310 Mio. Analysten hatten …“: after an amount abbreviation a plural
        // noun continues as often as it starts a sentence („310 Mio. Menschen“).
        "de-final-abbreviation-004": "amount abbreviation before a capitalized noun",
        // „… fehlt vielen Menschen Vitamin D. Ärzte raten …“: a one-letter name part.
        "de-initial-012": "single capital letter after a common noun",
        // „Ob das gut geht ... Zweifel sind …“: an ellipsis ends a sentence only before a word that
        // starts sentences; „Zweifel“ is a noun.
        "ho-misc-004": "ellipsis before a capitalized noun",
    ]

    struct Case: Decodable {
        var id: String
        var kind: String
        var source: String
        var text: String
        var sentences: [String]
        var lang: String?
    }

    func cases(_ file: String) throws -> [Case] {
        let data = try Data(contentsOf: Self.fixtures.appendingPathComponent(file))
        return try String(decoding: data, as: UTF8.self).split(separator: "\n").map {
            try JSONDecoder().decode(Case.self, from: Data($0.utf8))
        }
    }

    func fold(_ s: String) -> String {
        s.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    func failures(_ file: String) throws -> [String: String] {
        var pipelines: [String: Pipeline] = [:]
        var failed: [String: String] = [:]
        for item in try cases(file) {
            let language = item.lang ?? "de"
            if pipelines[language] == nil { pipelines[language] = try Pipeline(options: PipelineOptions(language: language)) }
            let analysis = try pipelines[language]!.analyze(item.text)
            // The tables keep a dateline („Brüssel – “) in its sentence; Kernsatz keeps it as metadata.
            let got = analysis.sentences.map { sentence -> String in
                var text = analysis.sourceText(of: sentence)
                if let dateline = analysis.structure.metadata.datelineRange, dateline.upperBound <= sentence.range.lowerBound,
                   analysis.text.string(dateline.upperBound..<sentence.range.lowerBound).allSatisfy(\.isWhitespace) {
                    text = analysis.text.sourceString(dateline) + text
                }
                return fold(text)
            }
            if got != item.sentences.map(fold) {
                failed[item.id] = "\(item.source)\n  expected \(item.sentences)\n  got      \(got)"
            }
        }
        return failed
    }

    func testGermanTables_onlyKnownFailures() throws {
        let failed = try failures("segmentation-de.jsonl").merging(try failures("segmentation-de-independent.jsonl")) { $1 }
        for (id, detail) in failed.sorted(by: { $0.key < $1.key }) where Self.knownFailures[id] == nil {
            XCTFail("\(id): \(detail)")
        }
        for id in Self.knownFailures.keys.sorted() where failed[id] == nil {
            XCTFail("\(id) passes now: remove it from knownFailures")
        }
    }

    func testMultilingualTable_allPass() throws {
        for (id, detail) in try failures("segmentation-multi.jsonl").sorted(by: { $0.key < $1.key }) {
            XCTFail("\(id): \(detail)")
        }
    }

    func testIndependentHeadlineQuoteAndMultilingualTable_allPass() throws {
        for (id, detail) in try failures("segmentation-independent-headlines-quotes-multi.jsonl").sorted(by: { $0.key < $1.key }) {
            XCTFail("\(id): \(detail)")
        }
    }

    func testTables_haveEveryKindOfIssue2() throws {
        let kinds = Set(try cases("segmentation-de.jsonl").map(\.kind))
        XCTAssertTrue(kinds.isSuperset(of: ["abbreviation", "final-abbreviation", "ordinal", "date-time", "number", "roman", "initial",
                                            "url-email", "ellipsis", "bracket", "quote", "heading", "paragraph", "seed"]))
    }
}
