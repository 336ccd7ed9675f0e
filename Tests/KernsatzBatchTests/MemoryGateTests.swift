import XCTest
@testable import KernsatzBatch

final class MemoryGateTests: XCTestCase {
    func testEstimate_growsWithTheFile() {
        XCTAssertEqual(MemoryGate.estimate(fileBytes: 0), MemoryGate.memoryPerFile)
        XCTAssertEqual(MemoryGate.estimate(fileBytes: 1 << 20), (1 << 20) * MemoryGate.memoryPerByte + MemoryGate.memoryPerFile)
        XCTAssertEqual(MemoryGate.estimate(fileBytes: Int.max / 2), Int.max, "no trap on overflow")
    }

    func testAdmit_aFileAboveTheWholeBudget_runsAlone() {
        // Nothing else is admitted: it is let in at once (never refused, never waiting forever).
        let gate = MemoryGate(budget: 10)
        gate.admit(1000)
        gate.release(1000)
        gate.admit(4)
        gate.admit(6)   // 10 fits exactly
        gate.release(4)
        gate.release(6)
    }

    func testDefaultBudget_isAtLeast256MiB() {
        XCTAssertGreaterThanOrEqual(MemoryGate.defaultBudget, 256 << 20)
    }
}
