import Foundation
import XCTest

extension CLITests {
    var samples: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Samples").path
    }

    // MARK: refusals first

    func testBatch_withoutOutputFolder_saysHowToNameIt() throws {
        let result = try run(["batch", samples])
        XCTAssertEqual(result.status, 64)
        XCTAssertTrue(result.stderr.contains("Name the output folder: kernsatz batch"), result.stderr)
    }

    func testBatch_missingInput_failsNamingIt() throws {
        let result = try run(["batch", directory.appendingPathComponent("none").path, "-o", directory.appendingPathComponent("out").path])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("none: no such file or folder"), result.stderr)
    }

    func testBatch_unknownFormat_isRefused() throws {
        let result = try run(["batch", samples, "-o", directory.path + "/out", "--formats", "summary,pdf"])
        XCTAssertNotEqual(result.status, 0)
        XCTAssertTrue(result.stderr.contains("unknown format 'pdf'"), result.stderr)
    }

    func testBatch_unknownEncoding_isRefusedBeforeAnyWork() throws {
        let out = directory.appendingPathComponent("out").path
        let result = try run(["batch", samples, "-o", out, "--encoding", "bogus"])
        XCTAssertEqual(result.status, 64, result.stderr)
        XCTAssertTrue(result.stderr.contains("--encoding: unknown charset 'bogus'"), result.stderr)
        XCTAssertFalse(result.stderr.contains("FAILED"), result.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out), "nothing written")
    }

    func testBatch_encodingWithJSONL_isRefused() throws {
        let result = try run(["batch", "--jsonl", "--encoding", "windows-1252"], stdin: "")
        XCTAssertEqual(result.status, 64, result.stderr)
        XCTAssertTrue(result.stderr.contains("--encoding does not apply to --jsonl"), result.stderr)
    }

    func testBatch_summaryZeroOrLess_isRefusedWhenSummariesAreWritten() throws {
        let out = directory.appendingPathComponent("out").path
        for arguments in [["--summary", "0"], ["--summary", "0", "--formats", "summary,html"], ["--summary=-1"]] {
            let result = try run(["batch", samples, "-o", out] + arguments)
            XCTAssertEqual(result.status, 64, "\(arguments): \(result.stderr)")
            XCTAssertTrue(result.stderr.contains("--summary"), result.stderr)
            XCTAssertFalse(FileManager.default.fileExists(atPath: out), "nothing written for \(arguments)")
        }
        let zero = try run(["batch", "--jsonl", "--summary", "0"], stdin: "")
        XCTAssertTrue(zero.stderr.contains("--summary 0 would write empty summaries"), zero.stderr)
    }

    func testBatch_filesLeftOut_areCountedAsLeftOutInTheLastLine() throws {
        let input = directory.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: input.appendingPathComponent("real"), withIntermediateDirectories: true)
        try Data("Berlin – Die Regierung hat beraten. Die Opposition kritisierte den Plan.".utf8)
            .write(to: input.appendingPathComponent("real/a.txt"))
        try Data([0x89, 0x50, 0x4E, 0x47]).write(to: input.appendingPathComponent("bild.png"))
        try FileManager.default.createSymbolicLink(atPath: input.appendingPathComponent("zlink").path, withDestinationPath: "real")
        let result = try run(["batch", input.path, "-o", directory.appendingPathComponent("out").path, "--quiet"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stderr.contains("1 done, 0 failed, 2 left out (listed in the report)"), result.stderr)
    }

    func testBatch_summaryZeroWithoutSummaryFormat_givesWorksheetsWithoutSummary() throws {
        let out = directory.appendingPathComponent("out").path
        let result = try run(["batch", samples + "/de", "-o", out, "--summary", "0", "--formats", "md", "--quiet"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let sheet = try String(contentsOfFile: out + "/nato-rutte-2025-12-23.md", encoding: .utf8)
        XCTAssertFalse(sheet.contains("## Summary"), sheet)
    }

    // MARK: the main job

    func testBatch_samples_writesTheTreeAndTheReport_exitZero() throws {
        let out = directory.appendingPathComponent("out").path
        let result = try run(["batch", samples, "-o", out])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stderr.contains("ok de/nato-rutte-2025-12-23.txt: 23 segments, 417 words"), result.stderr)
        XCTAssertTrue(result.stderr.contains("6 files in"), result.stderr)
        for path in ["index.html", "manifest.json", "manifest.csv", "terms.csv", "term-candidates.csv",
                     "de/nato-rutte-2025-12-23.summary.txt", "de/nato-rutte-2025-12-23.xlf", "fr/conseil-municipal-lyon.html"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: out + "/" + path), path)
        }
        let index = try String(contentsOfFile: out + "/index.html", encoding: .utf8)
        XCTAssertTrue(index.contains("Bündnistreue"))
        XCTAssertEqual(result.stdout, "", "the batch writes files, not standard output")
    }

    func testBatch_oneFileOfOneSentence_logSaysFileAndSegmentInTheSingular() throws {
        let input = directory.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        try Data("Die Lage ist ernst.".utf8).write(to: input.appendingPathComponent("a.txt"))
        let result = try run(["batch", input.path, "-o", directory.path + "/out", "--formats", "summary"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stderr.contains("kernsatz: 1 file to process\n"), result.stderr)
        XCTAssertTrue(result.stderr.contains("kernsatz: ok a.txt: 1 segment, 4 words\n"), result.stderr)
        XCTAssertTrue(result.stderr.contains("kernsatz: 1 file in "), result.stderr)
    }

    func testBatch_controlCharactersInNames_areEscapedInTheLog() throws {
        let input = directory.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        try Data("Die Lage ist ernst.".utf8).write(to: input.appendingPathComponent("a\nok fake.txt: 9 segments.txt"))
        try Data("Die Lage ist ernst.".utf8).write(to: input.appendingPathComponent("b\u{1B}[31m.txt"))
        try Data([0x00, 0x01, 0x02, 0x03]).write(to: input.appendingPathComponent("c\rd.txt"))
        let result = try run(["batch", input.path, "-o", directory.path + "/out", "--formats", "summary"])
        XCTAssertEqual(result.status, 1, result.stderr)
        let lines = result.stderr.split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertTrue(lines.contains("kernsatz: ok a\\nok fake.txt: 9 segments.txt: 1 segment, 4 words"), result.stderr)
        XCTAssertTrue(lines.contains("kernsatz: ok b\\u{1B}[31m.txt: 1 segment, 4 words"), result.stderr)
        XCTAssertTrue(lines.contains { $0.hasPrefix("kernsatz: FAILED c\\rd.txt: looks like a binary file") }, result.stderr)
        XCTAssertFalse(result.stderr.contains("\u{1B}") || result.stderr.contains("\r"), result.stderr)
        XCTAssertTrue(lines.allSatisfy { $0.isEmpty || $0.hasPrefix("kernsatz: ") }, "every log line is whole: \(result.stderr)")
    }

    func testBatch_progressOnANarrowTerminal_fitsItsWidth() throws {
        #if os(Linux)
        // A terminal: util-linux `script` runs the batch on a pseudo-terminal and copies what it shows.
        let script = URL(fileURLWithPath: "/usr/bin/script")
        guard FileManager.default.isExecutableFile(atPath: script.path) else { throw XCTSkip("needs util-linux script for a terminal") }
        let input = directory.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        for n in 1...3 {
            try Data("Die Lage ist ernst. Der Rat tagt.".utf8)
                .write(to: input.appendingPathComponent("ein-sehr-langer-dateiname-fuer-den-fortschritt-nummer-\(n).txt"))
        }
        func redraws(_ shell: String, columnsVariable: String, out: String) throws -> [String] {
            let batch = "'\(Self.executable.path)' batch '\(input.path)' -o '\(directory.path)/\(out)' --formats summary"
            let result = try run(["-qfec", shell + batch, "/dev/null"], input: nil, executable: script, environment: ["COLUMNS": columnsVariable])
            XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
            // Each redraw of the progress line starts with CR and "erase to the end of the line".
            let lines = result.stdout.components(separatedBy: "\r\u{1B}[K").filter { $0.hasPrefix("[") }
            XCTAssertFalse(lines.isEmpty, result.stdout)
            return lines
        }
        // script's input is no terminal, so its pseudo-terminal has no size: COLUMNS says.
        for line in try redraws("", columnsVariable: "50", out: "a") {
            XCTAssertLessThanOrEqual(line.count, 49, line)
            XCTAssertTrue(line.contains(" · …") && line.hasSuffix(".txt"), "the name loses its beginning: \(line)")
        }
        // The terminal's own width wins over COLUMNS; too narrow for a name, the counters are cut.
        for line in try redraws("stty cols 30 && ", columnsVariable: "200", out: "b") {
            XCTAssertLessThanOrEqual(line.count, 29, line)
            XCTAssertTrue(line.hasSuffix("…"), line)
        }
        #else
        throw XCTSkip("the pseudo-terminal comes from util-linux script")
        #endif
    }

    func testBatch_badFile_isListedAndTheExitStatusIsOne() throws {
        let input = directory.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        try Data("Ein Satz. Noch ein Satz.".utf8).write(to: input.appendingPathComponent("good.txt"))
        try Data([0x00, 0x01, 0x02, 0x03]).write(to: input.appendingPathComponent("bad.txt"))
        try FileManager.default.createSymbolicLink(atPath: input.appendingPathComponent("loop").path, withDestinationPath: ".")
        let result = try run(["batch", input.path, "-o", directory.path + "/out"])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("FAILED bad.txt: looks like a binary file"), result.stderr)
        XCTAssertTrue(result.stderr.contains("FAILED loop: a symbolic link loop"), "named as in the manifest: \(result.stderr)")
        XCTAssertTrue(result.stderr.contains("1 done, 2 failed"), result.stderr)
    }

    func testBatch_quiet_printsOnlyTheLastLine() throws {
        let result = try run(["batch", samples, "-o", directory.path + "/out", "--quiet", "--formats", "summary"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stderr.split(separator: "\n").count, 1, result.stderr)
    }

    // MARK: stream mode

    func testBatch_jsonl_oneResultPerRecordInOrder_badRecordsGiveErrors() throws {
        let article = "Berlin – Die Regierung sprach von Bündnistreue. „Wir stehen zu unseren Zusagen“, sagte der Kanzler. Die Opposition widersprach."
        var lines: [String] = []
        for n in 1...5 { lines.append(#"{"id":\#(n),"text":"\#(article)"}"#) }
        lines.insert("not json", at: 2)
        lines.append(#"{"id":"e","text":"   "}"#)
        let result = try run(["batch", "--jsonl", "--jobs", "2"], stdin: lines.joined(separator: "\n") + "\n")
        XCTAssertEqual(result.status, 0, result.stderr)
        let records = result.stdout.split(separator: "\n").map { try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        XCTAssertEqual(records.count, 7)
        XCTAssertEqual(records.map { "\($0["id"] ?? "")" }, ["1", "2", "<null>", "3", "4", "5", "e"])
        XCTAssertTrue((records[2]["error"] as? String)?.contains("not a JSON object") ?? false)
        XCTAssertEqual((records[0]["summary"] as? [String])?.count, 3)
        XCTAssertEqual(((records[0]["terms"] as? [[String: Any]])?.first?["term"]) as? String, "Bündnistreue")
        XCTAssertTrue((records[6]["error"] as? String)?.contains("the text is empty") ?? false)
        XCTAssertEqual(records[6]["line"] as? Int, 7, "a record that fails says its line, as a record that cannot be read does")
        XCTAssertNil(records[0]["line"])
    }

    func testBatch_jsonl_invalidUTF8Line_isErrorRecordNamingLineAndOffset() throws {
        let input = Data(#"{"id":"b","text":"Gut."}"#.utf8) + Data([0x0A]) + Data(#"{"id":"a","text":"Gr"#.utf8) + Data([0xFC, 0xDF])
            + Data("e aus Wien. Zweiter Satz.\"}\n".utf8)
        let result = try run(["batch", "--jsonl"], input: input)
        XCTAssertEqual(result.status, 0, result.stderr)
        let records = result.stdout.split(separator: "\n").map { try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        XCTAssertEqual(records.count, 2, result.stdout)
        XCTAssertEqual(records[0]["summary"] as? [String], ["Gut."])
        XCTAssertEqual(records[1]["id"] as? String, "a")
        XCTAssertEqual(records[1]["line"] as? Int, 2)
        XCTAssertEqual(records[1]["error"] as? String,
                       "<stdin>:2: invalid UTF-8 at byte offset 20 of the line (JSON Lines must be UTF-8; --lenient replaces invalid bytes)")
        XCTAssertNil(records[1]["summary"], "no summary of a text that was not read")
    }

    func testBatch_jsonlLenient_invalidUTF8_isReplacedAndTheRecordWarns() throws {
        let input = Data(#"{"id":"a","text":"Gr"#.utf8) + Data([0xFC, 0xDF]) + Data("e aus Wien. Zweiter Satz.\"}\n".utf8)
        let result = try run(["batch", "--jsonl", "--lenient"], input: input)
        XCTAssertEqual(result.status, 0, result.stderr)
        let record = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        XCTAssertNil(record["error"], result.stdout)
        XCTAssertEqual(record["summary"] as? [String], ["Gr\u{FFFD}\u{FFFD}e aus Wien.", "Zweiter Satz."])
        XCTAssertEqual(record["warnings"] as? [String],
                       ["<stdin>:1: replaced 2 invalid UTF-8 sequence(s) with U+FFFD (first at byte offset 20 of the line)"])
    }

    func testBatch_encodingOnFilesWithBOM_readsByTheMarkAndWarns() throws {
        let input = directory.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        let text = "Der Preis liegt bei 5 €. Das ist viel."
        try Data([0xEF, 0xBB, 0xBF] + Array(text.utf8)).write(to: input.appendingPathComponent("u8.txt"))
        try Data([0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }).write(to: input.appendingPathComponent("u16.txt"))
        let out = directory.appendingPathComponent("out").path
        let result = try run(["batch", input.path, "-o", out, "--encoding", "windows-1252", "--formats", "summary"])
        XCTAssertEqual(result.status, 0, result.stderr)
        for name in ["u8", "u16"] {
            XCTAssertEqual(try String(contentsOfFile: out + "/\(name).summary.txt", encoding: .utf8), "Der Preis liegt bei 5 €.\nDas ist viel.\n", name)
        }
        XCTAssertTrue(result.stderr.contains("ok u16.txt: 2 segments, 8 words — starts with a UTF-16LE byte-order mark, so it was read as UTF-16LE, not as windows-1252 (--encoding)"), result.stderr)
        XCTAssertTrue(result.stderr.contains("ok u8.txt: 2 segments, 8 words — starts with a UTF-8 byte-order mark"), result.stderr)
    }
}
