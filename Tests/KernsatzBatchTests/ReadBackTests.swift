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

    func testSlotFile_readsBackInOrderOfPlace_whateverTheOrderWritten_andSkipsPlacesNeverWritten() throws {
        let slots = try SlotFile(path: directory.appendingPathComponent("slots.bin").path)
        defer { slots.close() }
        func slot(_ n: UInt64, _ list: RecordSlot.List) -> RecordSlot {
            RecordSlot(journal: (n << 33, Int(n) + 1), csv: (n * 3, 7), html: (n * 5, Int(UInt32.max)), list: list)
        }
        // Out of order, with a gap (place 3) and a far place: the entries between read as absent.
        let written: [(Int, RecordSlot)] = [(1, slot(1, .files)), (0, slot(0, .failures)), (2, slot(2, .skipped)),
                                            (4, slot(4, .files)), (5000, slot(9, .files))]
        for (order, entry) in written { try slots.write(entry, at: order) }
        var read: [RecordSlot] = []
        try slots.forEach { read.append($0) }
        XCTAssertEqual(read, [slot(0, .failures), slot(1, .files), slot(2, .skipped), slot(4, .files), slot(9, .files)])
        XCTAssertEqual(slots.count, 5001)
    }

    func testSlotFile_empty_readsNothing() throws {
        let slots = try SlotFile(path: directory.appendingPathComponent("slots.bin").path)
        defer { slots.close() }
        var read = 0
        try slots.forEach { _ in read += 1 }
        XCTAssertEqual(read, 0)
    }

    func testBatchInputs_giveBackEveryInputAsAppended() {
        let inputs = [
            BatchInput(path: "in/de/a.txt", relativePath: "de/a.txt", kind: .plain),
            BatchInput(path: "in/de/b.md", relativePath: "de/b.md", kind: .markdown),
            BatchInput(path: "/abs/x.html", relativePath: "x.html", kind: .html,
                       outsideLink: BatchInput.OutsideLink(link: "x.html", target: "/abs/x.html")),
            // A relative path whose name the path does not end with (a root renamed in the tree).
            BatchInput(path: "/elsewhere/file", relativePath: "root/c.txt", kind: .plain),
            BatchInput(path: "in/c.\u{301}txt", relativePath: "c.\u{301}txt", kind: .plain),
            BatchInput(path: "in/de/z.txt", relativePath: "de/z.txt", kind: .plain),
        ]
        let compact = BatchInputs(inputs)
        XCTAssertEqual(Array(compact), inputs)
        XCTAssertEqual(compact.indices.map { compact.relativePath($0) }, inputs.map(\.relativePath))
        XCTAssertEqual(compact[2].outsideLink?.target, "/abs/x.html")
        XCTAssertNil(compact[3].outsideLink)
        XCTAssertEqual(BatchInputs(), [])
        XCTAssertNotEqual(compact, BatchInputs(inputs.dropLast()))
    }

    func testSortedKeys_findExactlyTheFilesGiven() throws {
        let a = try put("a.txt", "a")
        let b = try put("sub/b.txt", "b")
        let c = try put("c.txt", "c")
        let keys = FileIdentity.SortedKeys([a, b].compactMap { FileIdentity(path: $0, follow: true) })
        XCTAssertTrue(keys.contains(try XCTUnwrap(FileIdentity(path: b, follow: true))))
        XCTAssertTrue(keys.contains(try XCTUnwrap(FileIdentity(path: a, follow: true))))
        XCTAssertFalse(keys.contains(try XCTUnwrap(FileIdentity(path: c, follow: true))))
        XCTAssertFalse(FileIdentity.SortedKeys([FileIdentity]()).contains(try XCTUnwrap(FileIdentity(path: c, follow: true))))
    }

    func testReport_listsFailuresAndFilesNotProcessed_inWalkOrder_besideTheDoneFiles() throws {
        try put("a.txt", Self.article("Renten"))
        try put("b.txt", [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00])   // a ZIP (DOCX) named .txt: fails
        try put("c.pdf", "not read")                               // not a text type: skipped
        try put("d.txt", Self.article("Steuern"))
        try put("e.txt", [0x25, 0x50, 0x44, 0x46, 0x2D, 0x31])     // a PDF named .txt: fails
        try put("f.odt", "not read")                               // skipped
        let summary = try runBatch()
        XCTAssertEqual(summary.done, 2)
        XCTAssertEqual(summary.failed, 2)
        let page = try read("index.html")
        func rows(after heading: String) throws -> [String] {
            let start = try XCTUnwrap(page.range(of: heading)).upperBound
            let rest = page[start...]
            let end = rest.range(of: "</table>")?.lowerBound ?? rest.endIndex
            return rest[..<end].components(separatedBy: "<tr><td>").dropFirst().map { String($0.prefix { $0 != "<" }) }
        }
        XCTAssertEqual(try rows(after: "<h2 id=\"failures\">Failures</h2>"), ["b.txt", "e.txt"])
        XCTAssertEqual(try rows(after: "<h2 id=\"skipped\">Not processed</h2>"), ["c.pdf", "f.odt"])
        XCTAssertTrue(page.contains("<tr id=\"f1\">") && page.contains("<tr id=\"f3\">"), "the done files' rows (a and d: the inputs are a, b, d, e)")
        XCTAssertFalse(page.contains("<tr id=\"f2\">"), "a failed file has no row among the files")
        // The manifest lists all six, the failures with their reasons.
        let records = try records()
        XCTAssertEqual(records.keys.sorted(), ["a.txt", "b.txt", "c.pdf", "d.txt", "e.txt", "f.odt"])
        XCTAssertEqual(records["b.txt"]?["status"] as? String, "failed")
        XCTAssertFalse(FileManager.default.fileExists(atPath: output + "/.kernsatz"), "the slot file is gone with the state folder")
    }

    func testTermTotal_keepsTheFirstTwelveFilesInWalkOrder_andCountsThemAll() {
        var total = TermTotal(id: 0, targets: [])
        let orders = [40, 3, 17, 3, 99, 0, 12, 5, 8, 77, 2, 61, 30, 1, 45, 6]
        for order in orders { total.add(file: order) }
        XCTAssertEqual(total.fileCount, orders.count)
        XCTAssertEqual(total.firstFiles, Array(orders.sorted().prefix(TermTotal.shownFiles)), "duplicates too, as a sorted list has them")
    }

    func testTermSpill_givesEachTermItsFilesSorted_aGroupAtATime() throws {
        let spill = try TermSpill(path: directory.appendingPathComponent("term-files.bin").path)
        defer { spill.close() }
        // More pairs than one write's buffer, so that they are read back from disk in several pieces.
        for order in (0..<20_000).reversed() {
            try spill.append(term: UInt32(order % 3), file: order)
        }
        try spill.append(term: 7, file: 5)
        let some = try spill.files(of: [1, 7])
        XCTAssertEqual(some.keys.sorted(), [1, 7])
        XCTAssertEqual(some[7], [5])
        XCTAssertEqual(some[1], Array(stride(from: 1, to: 20_000, by: 3)))
        let other = try spill.files(of: [0, 9])
        XCTAssertEqual(other[0]?.count, 6_667)
        XCTAssertEqual(other[0]?.first, 0)
        XCTAssertEqual(other[9], [], "a term never written has no files")
        XCTAssertEqual(spill.count, 20_001)
    }
}
