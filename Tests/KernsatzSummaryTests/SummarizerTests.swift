import Kernsatz
import XCTest

final class SummarizerTests: XCTestCase {
    func testSummarize_emptyDocument_choosesNothing() {
        let summary = Summarizer(language: "de").summarize(SummaryDocument(units: [], sentences: [], blocks: []), length: .sentences(2))
        XCTAssertEqual(summary.sentences, [])
        XCTAssertFalse(summary.overLength)
    }
}
