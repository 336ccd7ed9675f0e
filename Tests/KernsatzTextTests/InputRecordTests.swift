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

    // MARK: the direct reader of the usual shape (`parseUsual`)

    func testParseUsual_leavesEveryOtherShapeToTheDecoder() {
        // Each of these is read by `text(of:)` + `parse` (and their errors are theirs).
        let lines = ["", "{", "{}", "[1]", #"{"id": 1}"#, #"{"text": null}"#, #"{"text": 5}"#, #"{"id": 1.5, "text": "a"}"#,
                     #"{"id": 1e3, "text": "a"}"#, #"{"id": 007, "text": "a"}"#, #"{"id": -0, "text": "a"}"#,
                     #"{"id": 1234567890123456789, "text": "a"}"#, #"{"id": true, "text": "a"}"#,
                     #"{"text": "a", "text": "b"}"#, #"{"text": "a", "extra": [1]}"#, #"{"text": "a", "extra": {}}"#,
                     #"{"text": "a", "extra": 1e5}"#, #"{"text": "a", "extra": 01}"#, #"{"text": "a", "extra": 1.}"#,
                     #"{"text": "a", "ex\\tra": 1}"#, #"{"text": "a", "extra": tru}"#, #"{"te\u0078t": "a"}"#,
                     #"{"text": "a"} x"#, #"{"text": "a",}"#, #"{"text": "\ud800"}"#, #"{"text": "\udc00x"}"#,
                     #"{"text": "\x"}"#, "{\"text\": \"a\tb\"}", #"{"lang": 5, "text": "a"}"#]
        for line in lines {
            XCTAssertNil(InputRecord.parseUsual(Array(line.utf8)), line)
        }
        // Invalid UTF-8 (a lone continuation byte, an overlong slash, an encoded surrogate).
        for bad: [UInt8] in [[0x80], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82]] {
            XCTAssertNil(InputRecord.parseUsual(Array(#"{"text": "a"#.utf8) + bad + Array(#""}"#.utf8)), "\(bad)")
        }
    }

    func testParseUsual_givesWhatTheDecoderGives() throws {
        let lines = [#"{"id": 7, "text": "a"}"#, #"{"id":-12,"text":"a","lang":"de"}"#, #"{"id": "x\"7", "text": "a"}"#,
                     #"{"id": null, "text": "a", "lang": null}"#, #" { "text" : "Grüße „zitiert“ – 😀" } "#,
                     #"{"text": "\"\\\/\b\f\n\r\t\u00e4\u20AC\ud83d\ude00\u0000\u2028"}"#, #"{"text": ""}"#,
                     #"{"lang": "fr", "text": "Ça va ?", "id": 123456789012345678}"#,
                     #"{"id": "n1", "label": "Wirtschaft", "text": "a", "n": -1.25, "ok": true, "no": false, "x": null}"#]
        for line in lines {
            let usual = try XCTUnwrap(InputRecord.parseUsual(Array(line.utf8)), line)
            let decoded = try record(line)
            XCTAssertEqual(usual.id, decoded.id, line)
            XCTAssertEqual(usual.text, decoded.text, line)
            XCTAssertEqual(usual.units, Array(decoded.text.utf16), line)
            XCTAssertEqual(usual.lang, decoded.lang, line)
        }
        XCTAssertEqual(InputRecord.parseUsual(Array(#"{"text": "\ud83d\ude00"}"#.utf8))?.units, [0xD83D, 0xDE00])
    }
}
