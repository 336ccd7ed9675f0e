import Foundation
import XCTest
@testable import KernsatzGlossary

/// The project's own table of matching cases (Fixtures/terms-de.jsonl, written for this module
/// from the examples and typical news German) against Fixtures/terms-de.tsv.
final class TermTableTests: XCTestCase {
    static func fixture(_ name: String) -> String {
        Bundle.module.path(forResource: "Fixtures/" + name, ofType: nil)
            ?? Bundle.module.resourcePath! + "/Fixtures/" + name
    }

    func testTable_everyKind_precisionAndRecallAreOne() throws {
        let glossary = try GlossaryReader().read(path: Self.fixture("terms-de.tsv"))
        let table = try TermTable(path: Self.fixture("terms-de.jsonl"))
        XCTAssertGreaterThanOrEqual(table.cases.count, 100)
        let (total, byKind, misses) = table.score(TermMatcher(glossary: glossary))
        let report = misses.map { "\($0.id): \($0.text)\n  missed \($0.missed)\n  spurious \($0.spurious)\n  kind \($0.wrongKind)" }.joined(separator: "\n")
        XCTAssertEqual(total.precision, 1, report)
        XCTAssertEqual(total.recall, 1, report)
        XCTAssertEqual(total.kindAccuracy, 1, report)
        let kinds = Set(byKind.map(\.0))
        for kind in ["exact", "inflection-plural", "inflection-genitive", "inflection-dative", "inflection-umlaut",
                     "inflection-adjective", "compound-head", "compound-first", "variant-hyphen", "variant-press", "nfd", "negative", "longest"] {
            XCTAssertTrue(kinds.contains(kind), "the table has no \(kind) case")
        }
    }
}
