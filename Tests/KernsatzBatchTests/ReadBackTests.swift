import Foundation
@testable import KernsatzBatch
import XCTest

/// The report reads records back from the journal and the row files, in any order, between appends.
final class ReadBackTests: BatchTestCase {
    func testJournal_readsLinesInAnyOrder_andAppendsAfterTheLast() throws {
        let path = directory.appendingPathComponent("journal.jsonl").path
        let journal = try Journal(path: path)
        defer { journal.close() }
        let first = try journal.append(Data("first".utf8))
        let second = try journal.append(Data("second".utf8))
        XCTAssertEqual(try journal.read(second), Data("second".utf8))
        XCTAssertEqual(try journal.read(first), Data("first".utf8))
        let third = try journal.append(Data("third".utf8))
        XCTAssertEqual(try journal.read(third), Data("third".utf8))
        XCTAssertEqual(try journal.read(first), Data("first".utf8))
        try journal.append(Data("fourth".utf8))
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "first\nsecond\nthird\nfourth\n")
    }

    func testRowFile_readsRowsInAnyOrder_andAppendsAfterTheLast() throws {
        let path = directory.appendingPathComponent("rows.csv").path
        let rows = try RowFile(path: path)
        defer { rows.close() }
        let big = Data(repeating: UInt8(ascii: "x"), count: 3 << 19)
        let a = try rows.append(Data("a\n".utf8))
        let b = try rows.append(big)
        let c = try rows.append(Data("c\n".utf8))
        XCTAssertEqual(try rows.read(c), Data("c\n".utf8))
        XCTAssertEqual(try rows.read(a), Data("a\n".utf8))
        XCTAssertEqual(try rows.read(b), big)
        let d = try rows.append(Data("d\n".utf8))
        XCTAssertEqual(try rows.read(d), Data("d\n".utf8))
        XCTAssertEqual(try rows.read(a), Data("a\n".utf8))
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path)), Data("a\n".utf8) + big + Data("c\nd\n".utf8))
    }
}
