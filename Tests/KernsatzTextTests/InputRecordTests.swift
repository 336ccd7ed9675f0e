import Foundation
import XCTest
import KernsatzText

/// JSON Lines records as the `--jsonl` streams read them (the cases the fuzz target's seeds start from).
final class InputRecordTests: XCTestCase {
    func record(_ line: String) throws -> InputRecord {
        let (text, _) = try InputRecord.text(of: Array(line.utf8), source: "<stdin>:1", lenient: false)
        return try InputRecord.parse(text, source: "<stdin>:1")
    }

    func testParse_ids_keepTheirKind() throws {
        // input → id as the record gave it
        let cases: [(String, RecordID)] = [
            (#"{"id": 7, "text": "a"}"#, .integer(7)),
            (#"{"id": "7", "text": "a"}"#, .string("7")),
            (#"{"id": null, "text": "a"}"#, .null),
            (#"{"text": "a"}"#, .null),
            (#"{"id": 1.5, "text": "a"}"#, .number(Decimal(string: "1.5")!)),
        ]
        for (line, id) in cases {
            XCTAssertEqual(try record(line).id, id, line)
        }
    }

    func testParse_noTextOrNotAnObject_isBadRecord() {
        for line in [#"{"id": 1}"#, #"{"text": 5}"#, "[1, 2]", "", "{"] {
            XCTAssertThrowsError(try record(line), line) { error in
                guard case .badRecord = (error as? TextError)?.kind else { return XCTFail("\(line): \(error)") }
            }
        }
    }

    func testText_invalidUTF8_isBadRecordUnlessLenient() throws {
        let bytes: [UInt8] = Array(#"{"text": "a"#.utf8) + [0xFF] + Array(#""}"#.utf8)
        XCTAssertThrowsError(try InputRecord.text(of: bytes, source: "<stdin>:3", lenient: false)) { error in
            XCTAssertEqual("\(error)", "<stdin>:3: invalid UTF-8 at byte offset 11 of the line "
                           + "(JSON Lines must be UTF-8; --lenient replaces invalid bytes)")
        }
        let (text, warning) = try InputRecord.text(of: bytes, source: "<stdin>:3", lenient: true)
        XCTAssertEqual(try InputRecord.parse(text, source: "<stdin>:3").text, "a\u{FFFD}")
        XCTAssertNotNil(warning)
    }

    func testSalvageID_ofARecordWithoutText_givesItsID() {
        XCTAssertEqual(InputRecord.salvageID(#"{"id": "x9"}"#), .string("x9"))
        XCTAssertEqual(InputRecord.salvageID("kein JSON"), .null)
    }
}
