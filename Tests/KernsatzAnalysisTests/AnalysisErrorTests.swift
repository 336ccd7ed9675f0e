import KernsatzAnalysis
import XCTest

final class AnalysisErrorTests: XCTestCase {
    func testBadList_namesFileAndLine() {
        let error = AnalysisError(.badList(file: "quotes/speech-verbs.de.txt", line: 7, reason: "an entry has a space"))
        XCTAssertEqual(error.description, "quotes/speech-verbs.de.txt:7: an entry has a space")
    }
}
