import Foundation
import XCTest
@testable import KernsatzText

/// The byte writer writes what JSONEncoder (sorted keys, no escaped slashes) writes, except that
/// U+2028 and U+2029 are escaped — from Strings and straight from UTF-16 alike.
final class JSONByteWriterTests: XCTestCase {
    private func encoded<T: Encodable>(_ value: T, pretty: Bool = false) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.withoutEscapingSlashes, .sortedKeys, .prettyPrinted] : [.withoutEscapingSlashes, .sortedKeys]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    private func written(pretty: Bool = false, _ body: (inout JSONByteWriter) -> Void) -> String {
        var json = JSONByteWriter(pretty: pretty)
        body(&json)
        return String(decoding: json.bytes, as: UTF8.self)
    }

    func testLoneSurrogates_fromUTF16_becomeReplacementCharacters_asAStringWouldHoldThem() {
        let units: [UInt16] = [0x61, 0xD800, 0x62, 0xDC00, 0x63, 0xD83D] // lead alone, trail alone, lead at the end
        XCTAssertEqual(written { $0.string(utf16: units[...]) }, "\"a\u{FFFD}b\u{FFFD}c\u{FFFD}\"")
        XCTAssertEqual(written { $0.string(utf16: units[...]) }, written { $0.string(String(decoding: units, as: UTF16.self)) })
    }

    func testLineAndParagraphSeparators_areEscaped_soARecordStaysOneLine() {
        let text = "a\u{2028}b\u{2029}c"
        XCTAssertEqual(written { $0.string(text) }, #""a\u2028b\u2029c""#)
        XCTAssertEqual(written { $0.string(utf16: Array(text.utf16)[...]) }, #""a\u2028b\u2029c""#)
    }

    func testControlsQuotesAndBackslash_areEscapedAsJSONEncoderEscapesThem() throws {
        var text = "q\"b\\s/ DEL\u{7F} tab\t nl\n cr\r bs\u{08} ff\u{0C}"
        for scalar in 0..<0x20 { text.unicodeScalars.append(Unicode.Scalar(UInt8(scalar))) }
        text += " é € 😀 ß"
        let expected = try encoded([text])
        XCTAssertEqual(written { $0.beginArray(); $0.string(text); $0.endArray() }, expected)
        XCTAssertEqual(written { $0.beginArray(); $0.string(utf16: Array(text.utf16)[...]); $0.endArray() }, expected)
    }

    func testUTF16Slices_writeOnlyTheirRange() {
        let units = Array("Ä😀x".utf16)
        XCTAssertEqual(written { $0.string(utf16: units[1..<3]) }, "\"😀\"")
        XCTAssertEqual(written { $0.string(utf16: [units[0..<1], units[3..<4]], separator: 0x20) }, "\"Ä x\"")
    }

    func testNumbers_areWrittenAsJSONEncoderWritesIntsAndDoubles() throws {
        let ints = [0, 7, -1, 10, 99, 100, 12345, -98765, Int.max, Int.min]
        XCTAssertEqual(written { json in json.beginArray(); for i in ints { json.int(i) }; json.endArray() }, try encoded(ints))
        let doubles = [0.0, -0.0, 3.5, 4_000_000, 1e-05, 1e21, 0.1 + 0.2, 1.2345678901234568e17, 0.3333]
        XCTAssertEqual(written { json in json.beginArray(); for d in doubles { json.double(d) }; json.endArray() }, try encoded(doubles))
        XCTAssertEqual(written { $0.double(.nan) }, "null")
    }

    func testRecordIDs_areWrittenAsTheirEncodableForm() throws {
        let ids: [RecordID] = [.string("a/é\n"), .integer(-3), .number(Decimal(string: "1.50")!),
                               .number(Decimal(string: "123456789012345678901234567890")!), .null]
        XCTAssertEqual(written { json in json.beginArray(); for id in ids { id.write(to: &json) }; json.endArray() }, try encoded(ids))
    }

    struct Sample: Encodable {
        struct Inner: Encodable { let b: Bool; let list: [Int]; let none: [String] }
        let alpha: String
        let empty: [Int]
        let inner: Inner
        let nothing: String?
        let zed: [Inner]

        enum CodingKeys: String, CodingKey { case alpha, empty, inner, nothing, zed }
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(alpha, forKey: .alpha); try c.encode(empty, forKey: .empty); try c.encode(inner, forKey: .inner)
            try c.encode(nothing, forKey: .nothing); try c.encode(zed, forKey: .zed)
        }
    }

    func testNestedContainers_compactAndPretty_matchJSONEncoder() throws {
        let inner = Sample.Inner(b: true, list: [1, 2], none: [])
        let sample = Sample(alpha: "x", empty: [], inner: inner, nothing: nil, zed: [inner])
        func write(_ json: inout JSONByteWriter) {
            func writeInner(_ json: inout JSONByteWriter) {
                json.beginObject()
                json.key("b"); json.bool(true)
                json.key("list"); json.beginArray(); json.int(1); json.int(2); json.endArray()
                json.key("none"); json.strings([])
                json.endObject()
            }
            json.beginObject()
            json.key("alpha"); json.string("x")
            json.key("empty"); json.beginArray(); json.endArray()
            json.key("inner"); writeInner(&json)
            json.key("nothing"); json.string(nil as String?)
            json.key("zed"); json.beginArray(); writeInner(&json); json.endArray()
            json.endObject()
        }
        XCTAssertEqual(written(write), try encoded(sample))
        XCTAssertEqual(written(pretty: true, write), try encoded(sample, pretty: true))
    }

    func testASink_getsTheWholeTextInPieces() {
        var pieces: [[UInt8]] = []
        var json = JSONByteWriter { pieces.append($0) }
        let long = String(repeating: "Satz. ", count: 20_000)
        json.beginArray(); json.string(long); json.string(long); json.endArray()
        json.finish()
        XCTAssertGreaterThan(pieces.count, 1)
        XCTAssertEqual(String(decoding: pieces.joined(), as: UTF8.self), "[\"\(long)\",\"\(long)\"]")
        XCTAssertTrue(json.bytes.isEmpty)
    }
}
