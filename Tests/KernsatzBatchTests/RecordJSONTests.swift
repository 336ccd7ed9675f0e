import Foundation
@testable import KernsatzBatch
import XCTest

/// The journal's hand-written JSON lines are the bytes `JSONEncoder` made before (the manifest keeps its format).
final class RecordJSONTests: XCTestCase {
    private func encoded(_ record: FileRecord) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        return String(decoding: try encoder.encode(record), as: UTF8.self)
    }

    private func assertSameBytes(_ record: FileRecord, file: StaticString = #filePath, line: UInt = #line) throws {
        let written = try XCTUnwrap(RecordJSON.line(record), file: file, line: line)
        XCTAssertEqual(String(decoding: written, as: UTF8.self), try encoded(record), file: file, line: line)
    }

    /// Every ASCII character, C1 controls, non-ASCII letters, U+2028/U+2029, emoji and combining marks.
    static let tricky: [String] = [
        "", "plain", #"quote " and back\slash \\ \" end"#, "a/b//c/", "</script>",
        String(decoding: (0..<0x80).map { UInt8($0) }, as: UTF8.self),
        "\u{7F}\u{80}\u{85}\u{9F}\u{A0}", "Grüße – „Zitat“ ×3 → €", "line\u{2028}para\u{2029}end",
        "e\u{301}\u{FEFF}\u{200D}👩‍👩‍👧🇩🇪", "\r\n\t\u{0B}\u{0C}\u{08}\u{00}\u{1F}",
    ]

    func testLine_isTheEncodersBytes_forTrickyStrings() throws {
        for text in Self.tricky {
            var record = FileRecord(path: text, status: .failed, reason: text)
            record.order = 7
            record.warnings = [text, text]
            try assertSameBytes(record)
            var full = Self.full
            full.title = text
            full.summary = [text, "", text]
            full.terms = [FileRecord.TermCount(term: text, count: 2, targets: [text], forms: [text, "x"])]
            full.outputs = [FileRecord.Output(format: .html, path: text + "/a.html", sha256: text, bytes: 0)]
            try assertSameBytes(full)
        }
    }

    func testTermAndCandidateLines_areTheEncodersBytes() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        func encoded<T: Encodable>(_ value: T) throws -> String { String(decoding: try encoder.encode(value), as: UTF8.self) }
        for text in Self.tricky {
            for (files, targets) in [([String](), [String]()), ([text], [text, ""]), (["a/b.txt", text, "c"], ["x"])] {
                for count in [0, 1, Int.max] {
                    let term = TermLine(term: text, translations: targets, files: files, occurrences: count)
                    XCTAssertEqual(RecordJSON.line(term), try encoded(term))
                }
            }
            let candidate = CandidateLine(candidate: text, kind: "name", occurrences: 3, firstFile: text + "/a.txt", context: "… " + text)
            XCTAssertEqual(RecordJSON.line(candidate), try encoded(candidate))
        }
    }

    func testLine_isTheEncodersBytes_forNumbers() throws {
        let doubles: [Double] = [0, -0.0, 1, 2.5, 0.1, 1e-5, 0.000123, 0.046070756, 1.0 / 3, 123456.789, 1e15, 1e16, 1e17,
                                 123456789012345680, 5e-324, .greatestFiniteMagnitude, -1.5, 42]
        var generator = SystemRandomNumberGenerator()
        let random = (0..<500).map { _ in Double.random(in: 0..<2, using: &generator) / Double(1 << Int.random(in: 0..<40)) }
        for seconds in doubles + random {
            var record = Self.full
            record.seconds = seconds
            try assertSameBytes(record)
        }
        var record = Self.full
        for value in [0, -1, Int.max, Int.min, 1 << 40] {
            record.bytes = value
            record.order = value
            try assertSameBytes(record)
        }
    }

    func testLine_isTheEncodersBytes_forEmptyAndNilFields() throws {
        for status in [FileRecord.Status.done, .upToDate, .failed, .skipped] {
            try assertSameBytes(FileRecord(path: "a.txt", status: status))
        }
        var record = Self.full
        record.summary = []
        record.terms = []
        record.outputs = []
        record.warnings = []
        try assertSameBytes(record)
        record.terms = [FileRecord.TermCount(term: "t", count: 0, targets: [], forms: [])]
        try assertSameBytes(record)
        try assertSameBytes(Self.full)
    }

    func testLine_ofAnInfiniteTime_isNil() {
        var record = Self.full
        record.seconds = .infinity
        XCTAssertNil(RecordJSON.line(record))
        record.seconds = .nan
        XCTAssertNil(RecordJSON.line(record))
    }

    /// A record with every field set.
    static var full: FileRecord {
        var record = FileRecord(path: "de/a.txt", status: .done, reason: "why")
        record.order = 3
        record.bytes = 3137
        record.sha256 = "b304483b5f15d89e3d342ddbb16ee098d72dbf7f5db930cfa4af3d7c8e0b4016"
        record.encoding = "windows-1252 (detected)"
        record.language = "de"
        record.title = "Titel"
        record.segments = 33
        record.words = 500
        record.characters = 2629
        record.summary = ["Ein Satz.", "Noch einer."]
        record.terms = [FileRecord.TermCount(term: "Bündnistreue", count: 2, targets: ["alliance loyalty"], forms: ["Bündnistreue"]),
                        FileRecord.TermCount(term: "NATO", count: 1, targets: ["NATO", "North Atlantic Treaty Organization"], forms: ["Nato"])]
        record.names = 41
        record.quotes = 2
        record.numbers = 5
        record.warnings = ["a warning"]
        record.outputs = BatchFormat.allCases.map { FileRecord.Output(format: $0, path: "de/a." + $0.fileExtension, sha256: "00ff", bytes: 263) }
        record.seconds = 0.046070756
        record.settings = "b339029e60f52dcc"
        return record
    }
}
