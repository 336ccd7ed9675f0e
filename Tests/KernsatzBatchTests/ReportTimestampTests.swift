import Foundation
@testable import KernsatzBatch
import XCTest

/// The report's „generated“ time is written as `ISO8601DateFormatter` wrote it before.
final class ReportTimestampTests: XCTestCase {
    func testTimestamp_isWhatISO8601DateFormatterWrites() {
        let formatter = ISO8601DateFormatter()
        for seconds in [0.0, 951_782_400.5, 1_772_357_400, 1_798_761_599.999, 4_102_444_800] {
            let date = Date(timeIntervalSince1970: seconds)
            XCTAssertEqual(Report.timestamp(date), formatter.string(from: date), "\(seconds)")
        }
    }
}
