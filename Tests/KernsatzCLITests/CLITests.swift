import Foundation
import XCTest

/// Runs the `kernsatz` executable that `swift build` put beside the test bundle.
final class CLITests: XCTestCase {
    var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("kernsatz-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    static var executable: URL {
        var url = Bundle(for: CLITests.self).bundleURL
        while url.pathComponents.count > 1 && !FileManager.default.fileExists(atPath: url.appendingPathComponent("kernsatz").path) {
            url = url.deletingLastPathComponent()
        }
        return url.appendingPathComponent("kernsatz")
    }

    func run(_ arguments: [String], stdin: String? = nil) throws -> Result {
        try run(arguments, input: stdin.map { Data($0.utf8) })
    }

    /// - Parameters:
    ///   - input: standard input as bytes (which need not be UTF-8).
    ///   - executable: what to start instead of `kernsatz` (a program that starts it, such as `script`).
    ///   - environment: variables to set beside the inherited ones.
    func run(_ arguments: [String], input stdin: Data?, executable: URL = CLITests.executable,
             environment: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try input.fileHandleForWriting.close()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }

    func file(_ name: String, _ bytes: [UInt8]) throws -> String {
        let url = directory.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    // MARK: bad input: a clear message naming the file, exit 1, the other files still done

    func testSegment_invalidUTF8_namesFileOffsetAndLine() throws {
        let bad = try file("kaputt.txt", Array("Grüße.\nDa".utf8) + [0xFF] + Array(" ist es.".utf8))
        let good = try file("gut.txt", Array("Erster Satz. Zweiter Satz.".utf8))
        let result = try run(["segment", bad, good])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("\(bad): invalid UTF-8 at byte offset 11 (line 2)"), result.stderr)
        XCTAssertTrue(result.stdout.contains("Erster Satz.\nZweiter Satz."), result.stdout)
    }

    func testSegment_binaryFile_isRefused() throws {
        let binary = try file("bild.png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D])
        let result = try run(["segment", binary])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("\(binary): looks like a binary file"), result.stderr)
    }

    func testSegment_emptyFile_isRefused() throws {
        let empty = try file("leer.txt", [])
        let result = try run(["segment", empty])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("\(empty): is empty"), result.stderr)
    }

    func testSegment_missingPathAndDirectory_areRefused() throws {
        let missing = directory.appendingPathComponent("fehlt.txt").path
        let result = try run(["segment", missing, directory.path])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("\(missing): no such file"), result.stderr)
        XCTAssertTrue(result.stderr.contains("\(directory.path): is a directory"), result.stderr)
    }

    func testSegment_stdinIsDirectory_isReportedNotCrash() throws {
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = ["segment", "-"]
        process.standardInput = FileHandle(forReadingAtPath: directory.path)
        let err = Pipe()
        process.standardError = err
        process.standardOutput = Pipe()
        try process.run()
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 1)
        XCTAssertTrue(stderr.contains("-: cannot be read (Is a directory)"), stderr)
    }

    func testSegment_whitespaceOnlyFile_isEmptyError() throws {
        let blank = try file("leer.txt", Array(" \n\n\t\n".utf8))
        let result = try run(["segment", blank])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("\(blank): is empty"), result.stderr)
    }

    func testNegativeNumbers_reachTheOptionsCheck_notMissingValue() throws {
        let cases: [([String], String)] = [
            (["batch", "in", "-o", "out", "--jobs", "-3"], "--jobs must be 1 or more."),
            (["batch", "in", "-o", "out", "--max-bytes", "-1"], "--max-bytes must be a positive number of bytes."),
            (["segment", "--max-bytes", "-1", "x.txt"], "--max-bytes must be a positive number of bytes."),
            (["summarize", "--sentences", "-2", "x.txt"], "--sentences must be at least 1."),
            (["worksheet", "--summary", "-1", "x.txt"], "--summary must be 0 or more sentences."),
        ]
        for (arguments, message) in cases {
            let result = try run(arguments)
            XCTAssertEqual(result.status, 64, arguments.joined(separator: " "))
            XCTAssertTrue(result.stderr.contains("Error: \(message)"), "\(arguments): \(result.stderr)")
        }
    }

    func testJSONL_aStreamOfOneRecordTooLong_stillGetsItsErrorRecord() throws {
        let path = try file("one.jsonl", Array("{\"id\": \"a\", \"text\": \"\(String(repeating: "Satz. ", count: 500))\"}\n".utf8))
        for command in ["segment", "summarize", "analyze"] {
            let result = try run([command, "--jsonl", "--max-bytes", "1000", path])
            XCTAssertEqual(result.stdout.split(separator: "\n").count, 1, "\(command): \(result.stdout)")
            XCTAssertTrue(result.stdout.contains("\"id\":\"a\"") && result.stdout.contains("larger than the limit"), result.stdout)
        }
    }

    func testJSONL_recordTooLong_errorRecordKeepsTheIdReadFromItsStart() throws {
        let long = String(repeating: "Satz. ", count: 5_000)
        let path = try file("big.jsonl", Array(("{\"meta\": {\"a\": \"}\"}, \"id\": 42, \"text\": \"\(long)\"}\n"
                                                + "{\"text\": \"\(long)\(long)\(long)\", \"id\": \"late\"}\n{\"id\": \"ok\", \"text\": \"Gut.\"}\n").utf8))
        for command in [["segment", "--jsonl"], ["batch", "--jsonl"]] {
            let lines = try run(command + ["--max-bytes", "1000"] + (command[0] == "batch" ? [] : [path]),
                                input: command[0] == "batch" ? try Data(contentsOf: URL(fileURLWithPath: path)) : nil)
                .stdout.split(separator: "\n").map(String.init)
            XCTAssertEqual(lines.count, 3, "\(command)")
            XCTAssertTrue(lines[0].contains("\"id\":42") && lines[0].contains("larger than the limit of 1000 bytes"), lines[0])
            XCTAssertTrue(lines[1].contains("\"id\":null"), "its id comes after the first 64 KiB: unknown, \(lines[1])")
            XCTAssertTrue(lines[2].contains("\"id\":\"ok\""), lines[2])
        }
    }

    func testSegmentJSONL_invalidUTF8Line_isErrorRecordWithLine() throws {
        let path = try file("in.jsonl", Array(#"{"id":"a","text":"Gr"#.utf8) + [0xFC, 0xDF] + Array("e.\"}\n{\"id\":\"b\",\"text\":\"Gut.\"}\n".utf8))
        let result = try run(["segment", "--jsonl", path])
        let lines = result.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 2, result.stdout)
        XCTAssertTrue(lines[0].contains("\"id\":\"a\"") && lines[0].contains("invalid UTF-8 at byte offset 20 of the line"), lines[0])
        XCTAssertTrue(lines[1].contains("\"text\":\"Gut.\""), lines[1])
    }

    func testSummarizeJSONL_invalidUTF8Line_isErrorRecordWithLine() throws {
        let input = Data(#"{"id":"a","text":"Gr"#.utf8) + Data([0xFC, 0xDF]) + Data("e aus Wien. Zweiter Satz.\"}\n".utf8)
        let result = try run(["summarize", "--jsonl"], input: input)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.hasPrefix(#"{"error":"<stdin>:1: invalid UTF-8 at byte offset 20 of the line"#), result.stdout)
        XCTAssertTrue(result.stdout.hasSuffix(#""id":"a","line":1}"# + "\n"), result.stdout)
    }

    func testSegmentJSONL_lenientInvalidUTF8_replacesAndWarnsWithLine() throws {
        let input = Data(#"{"id":"a","text":"Gr"#.utf8) + Data([0xFC, 0xDF]) + Data("e aus Wien.\"}\n".utf8)
        let result = try run(["segment", "--jsonl", "--lenient"], input: input)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains(#""text":"Gr\#u{FFFD}\#u{FFFD}e aus Wien.""#), result.stdout)
        XCTAssertEqual(result.stderr, "kernsatz: <stdin>:1: replaced 2 invalid UTF-8 sequence(s) with U+FFFD (first at byte offset 20 of the line)\n")
    }

    func testSegmentJSONL_directoryInput_failsWithMessage() throws {
        let result = try run(["segment", "--jsonl", directory.path])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("\(directory.path): is a directory"), result.stderr)
    }

    func testSegmentJSONL_lineSeparatorInText_staysOneOutputLine() throws {
        let result = try run(["segment", "--jsonl"], stdin: #"{"id":1,"text":"Eins\u2028zwei."}"# + "\n")
        XCTAssertEqual(result.stdout.split(separator: "\n").count, 1)
        XCTAssertTrue(result.stdout.contains("\\u2028"), result.stdout)
    }

    func testSegment_lenient_replacesAndWarns() throws {
        let bad = try file("kaputt.txt", Array("Grüße. Da".utf8) + [0xFF] + Array(" ist es.".utf8))
        let result = try run(["segment", "--lenient", bad])
        XCTAssertEqual(result.status, 0)
        XCTAssertTrue(result.stderr.contains("replaced 1 invalid UTF-8"), result.stderr)
        XCTAssertEqual(result.stdout, "Grüße.\nDa\u{FFFD} ist es.\n")
    }

    func testSegment_encodingOnFilesWithBOM_readsByTheMarkAndWarns() throws {
        let utf8 = try file("u8.txt", [0xEF, 0xBB, 0xBF] + Array("Der Preis liegt bei 5 €. Das ist viel.".utf8))
        let utf16 = try file("u16.txt", [0xFF, 0xFE] + "Der Preis liegt bei 5 €. Das ist viel.".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        let result = try run(["segment", "--encoding", "windows-1252", utf8, utf16])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, [utf8, utf16].map { "==> \($0) <==\nDer Preis liegt bei 5 €.\nDas ist viel.\n" }.joined())
        XCTAssertTrue(result.stderr.contains("\(utf8): starts with a UTF-8 byte-order mark, so it was read as UTF-8, not as windows-1252 (--encoding)"), result.stderr)
        XCTAssertTrue(result.stderr.contains("\(utf16): starts with a UTF-16LE byte-order mark, so it was read as UTF-16LE, not as windows-1252"), result.stderr)
    }

    func testSegment_unknownEncoding_isRefusedBeforeReading() throws {
        let good = try file("gut.txt", Array("Erster Satz. Zweiter Satz.".utf8))
        let result = try run(["segment", "--encoding", "bogus", good, good])
        XCTAssertEqual(result.status, 64, result.stderr)
        XCTAssertTrue(result.stderr.hasPrefix("Error: --encoding: unknown charset 'bogus'; give an ICU charset name"), result.stderr)
        XCTAssertFalse(result.stderr.contains("gut.txt"), "refused once, not per file: \(result.stderr)")
        XCTAssertEqual(result.stdout, "")
    }

    func testSegment_legacyEncoding_isDetectedAndReported() throws {
        let latin1 = try file("alt.txt", Array("Die Stra".utf8) + [0xDF] + Array("e ist gesperrt. Es gibt Umleitungen f".utf8) + [0xFC] + Array("r alle.".utf8))
        let result = try run(["segment", latin1])
        XCTAssertEqual(result.status, 0)
        XCTAssertTrue(result.stderr.contains("not UTF-8; read as"), result.stderr)
        XCTAssertEqual(result.stdout, "Die Straße ist gesperrt.\nEs gibt Umleitungen für alle.\n")
    }

    // MARK: JSON Lines streams

    func testSegmentJSONL_badRecordYieldsErrorAndStreamGoesOn() throws {
        let input = """
            {"id": "a", "text": "Am 3. Oktober kam er. Er blieb."}
            {"id": 7, "text": 12}
            not json
            {"id": "c", "text": "Bu\\u0308ndnistreue z\\u00adählt. Ja.", "lang": "de"}

            """
        let result = try run(["segment", "--jsonl"], stdin: input)
        XCTAssertEqual(result.status, 0, result.stderr)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 4)
        let first = try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as! [String: Any]
        XCTAssertEqual(first["id"] as? String, "a")
        XCTAssertEqual(first["lang"] as? String, "de")
        let sentences = first["sentences"] as! [[String: Any]]
        XCTAssertEqual(sentences.map { $0["text"] as! String }, ["Am 3. Oktober kam er.", "Er blieb."])
        XCTAssertEqual(sentences.map { $0["start"] as! Int }, [0, 22])
        XCTAssertEqual(sentences.map { $0["end"] as! Int }, [21, 31])
        XCTAssertTrue(lines[1].contains("\"id\":7") && lines[1].contains("\"error\""), lines[1])
        XCTAssertTrue(lines[2].contains("\"id\":null") && lines[2].contains("\"line\":3"), lines[2])
        // Offsets count the scalars of the text as received (decomposed ü, soft hyphen).
        let fourth = try JSONSerialization.jsonObject(with: Data(lines[3].utf8)) as! [String: Any]
        let spans = (fourth["sentences"] as! [[String: Any]]).map { [$0["start"] as! Int, $0["end"] as! Int] }
        XCTAssertEqual(spans, [[0, 21], [22, 25]])  // 13 + 1 + 7 scalars, then „Ja.“
    }

    func testAnalyzeJSONL_hasMetadataAndBlocks() throws {
        let result = try run(["analyze", "--jsonl"], stdin: #"{"id": "s", "text": " date 2025-12-23 Teaser hier.\n\nBrüssel – Der Text. Mehr."}"# + "\n")
        let record = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
        let metadata = record["metadata"] as! [String: Any]
        XCTAssertEqual(metadata["date"] as? String, "2025-12-23")
        XCTAssertEqual(metadata["dateline"] as? String, "Brüssel")
        XCTAssertEqual((record["blocks"] as! [[String: Any]]).map { $0["kind"] as! String }, ["teaser", "paragraph"])
        XCTAssertEqual((record["sentences"] as! [[String: Any]]).map { $0["text"] as! String }, ["Teaser hier.", "Der Text.", "Mehr."])
    }

    // MARK: other commands

    func testNormalize_removesSoftHyphenAndComposes() throws {
        let result = try run(["normalize", "-"], stdin: "Bu\u{0308}ndnis\u{00AD}treue\r\n")
        XCTAssertEqual(result.stdout, "Bündnistreue\n")
    }

    func testTranslit_deASCII_andUnknownID() throws {
        XCTAssertEqual(try run(["translit", "--to", "de-ascii", "-"], stdin: "Grüße aus Köln").stdout, "Gruesse aus Koeln\n")
        let unknown = try run(["translit", "--to", "Klingon-Latin", "-"], stdin: "x")
        XCTAssertNotEqual(unknown.status, 0)
        XCTAssertTrue(unknown.stderr.contains("unknown transform 'Klingon-Latin'"), unknown.stderr)
    }

    func testHelp_listsCommands() throws {
        let help = try run(["--help"]).stdout
        for command in ["segment", "analyze", "summarize", "quotes", "normalize", "translit"] {
            XCTAssertTrue(help.contains(command), help)
        }
    }
}
