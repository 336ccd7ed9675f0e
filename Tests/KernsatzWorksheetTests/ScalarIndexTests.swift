@testable import KernsatzWorksheet
import XCTest

final class ScalarIndexTests: XCTestCase {
    /// Every offset, around the checkpoints (63, 64, 65, 128) and with surrogate pairs across them,
    /// against counting from the start.
    func testSubscript_everyOffset_equalsCountingFromTheStart() {
        for text in ["", "a", String(repeating: "ab", count: 32), String(repeating: "x😀", count: 70), "ü" + String(repeating: "😀", count: 100)] {
            let units = Array(text.utf16)
            let index = ScalarIndex(units)
            for offset in 0...units.count {
                XCTAssertEqual(index[offset], WorksheetBuilder.scalars(units, 0..<offset), "\(units.count) units, offset \(offset)")
            }
        }
    }
}
