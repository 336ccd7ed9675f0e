import Foundation
import XCTest

extension CLITests {
    var seed: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Samples/de/nato-rutte-2025-12-23.txt").path
    }

    // MARK: refusals first

    func testWorksheet_unknownFormat_namesItAndTheKnownOnes() throws {
        let result = try run(["worksheet", "--format", "pdf", seed])
        XCTAssertNotEqual(result.status, 0)
        XCTAssertTrue(result.stderr.contains("unknown format 'pdf'"), result.stderr)
        XCTAssertTrue(result.stderr.contains("xliff, xliff12, html, docx, csv, md, json"), result.stderr)
    }

    func testWorksheet_docxOrSeveralInputsWithoutOutputFolder_areRefused() throws {
        let docx = try run(["worksheet", "--format", "docx", seed])
        XCTAssertNotEqual(docx.status, 0)
        XCTAssertTrue(docx.stderr.contains("give -o DIR"), docx.stderr)
        let two = try file("b.txt", Array("Ein Satz.".utf8))
        let several = try run(["worksheet", "--format", "md", seed, two])
        XCTAssertNotEqual(several.status, 0)
        XCTAssertTrue(several.stderr.contains("Several inputs need -o DIR"), several.stderr)
    }

    func testWorksheet_badTargetLanguage_isRefused() throws {
        let result = try run(["worksheet", "--to", "xx yy", seed])
        XCTAssertNotEqual(result.status, 0)
        XCTAssertTrue(result.stderr.contains("--to"), result.stderr)
    }

    func testWorksheet_existingOutputIsNeverReplacedWithoutForce() throws {
        let out = directory.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let existing = out.appendingPathComponent("nato-rutte-2025-12-23.md")
        try Data("meine Arbeit".utf8).write(to: existing)
        let refused = try run(["worksheet", "--format", "md,csv", "-o", out.path, seed])
        XCTAssertEqual(refused.status, 1)
        XCTAssertTrue(refused.stderr.contains("nato-rutte-2025-12-23.md exists with other content"), refused.stderr)
        XCTAssertEqual(try String(contentsOf: existing, encoding: .utf8), "meine Arbeit")
        let forced = try run(["worksheet", "--format", "md", "--force", "-o", out.path, seed])
        XCTAssertEqual(forced.status, 0, forced.stderr)
        XCTAssertTrue(try String(contentsOf: existing, encoding: .utf8).hasPrefix("# Worksheet: "))
        let again = try run(["worksheet", "--format", "md", "-o", out.path, seed])
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertTrue(again.stderr.contains("(unchanged)"), again.stderr)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: out.path).filter { $0.hasSuffix(".tmp") }
        XCTAssertEqual(leftovers, [])
    }

    func testWorksheet_twoInputsWithTheSameName_doNotOverwriteEachOther() throws {
        let a = directory.appendingPathComponent("a"), b = directory.appendingPathComponent("b")
        for folder in [a, b] { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }
        try Data("Erster Text. Er ist kurz.".utf8).write(to: a.appendingPathComponent("x.txt"))
        try Data("Zweiter Text. Auch kurz.".utf8).write(to: b.appendingPathComponent("x.txt"))
        let out = directory.appendingPathComponent("out").path
        let result = try run(["worksheet", "--format", "md", "-o", out, a.appendingPathComponent("x.txt").path, b.appendingPathComponent("x.txt").path])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("which \(a.appendingPathComponent("x.txt").path) already gave"), result.stderr)
        XCTAssertTrue(try String(contentsOfFile: out + "/x.md", encoding: .utf8).contains("Erster Text."))
    }

    func testWorksheet_emptyFile_isReportedByNameAndTheOthersAreDone() throws {
        let empty = try file("leer.txt", [])
        let out = directory.appendingPathComponent("out").path
        let result = try run(["worksheet", "--format", "json", "-o", out, empty, seed])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("leer.txt"), result.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: out + "/nato-rutte-2025-12-23.json"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: out + "/leer.json"))
    }

    // MARK: outputs

    func testWorksheet_defaultIsXLIFF21OnStandardOutputWithShippedGlossaryTerms() throws {
        let result = try run(["worksheet", seed])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("version=\"2.1\""), String(result.stdout.prefix(300)))
        XCTAssertTrue(result.stdout.contains(">Bündnistreue</mrk>"))
        XCTAssertTrue(result.stdout.contains(">Sicherheitsgarantien</mrk>"))
    }

    func testWorksheet_everyFormatToAFolderWithTheInputName() throws {
        let out = directory.appendingPathComponent("out").path
        let result = try run(["worksheet", "--format", "xliff,xliff12,html,docx,csv,md,json", "--to", "en-GB", "-o", out, seed])
        XCTAssertEqual(result.status, 0, result.stderr)
        let names = try FileManager.default.contentsOfDirectory(atPath: out).sorted()
        XCTAssertEqual(names, ["nato-rutte-2025-12-23.csv", "nato-rutte-2025-12-23.docx", "nato-rutte-2025-12-23.html",
                               "nato-rutte-2025-12-23.json", "nato-rutte-2025-12-23.md", "nato-rutte-2025-12-23.xlf",
                               "nato-rutte-2025-12-23.xliff12.xlf"])
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/nato-rutte-2025-12-23.json"))) as? [String: Any]
        XCTAssertEqual(json?["targetLanguage"] as? String, "en-GB")
        XCTAssertEqual((json?["segments"] as? [Any])?.count, 23)
    }

    func testWorksheetJSONL_recordWithAnOverlongLang_isAnErrorRecordNotACrash() throws {
        // A language subtag of 12 letters or more made ICU 72 dereference null (udat_open).
        let input = """
            {"id":"bad","text":"Die NATO zahlt 40 Prozent.","lang":"aaaaaaaaaaaa"}
            {"id":"ok","text":"Die NATO zahlt 40 Prozent.","lang":"de"}
            """
        let result = try run(["worksheet", "--jsonl", "--format", "csv"], stdin: input)
        XCTAssertEqual(result.status, 0, result.stderr)
        let lines = result.stdout.split(separator: "\n")
        XCTAssertEqual(lines.count, 2, result.stdout)
        guard lines.count == 2 else { return }
        XCTAssertTrue(lines[0].contains("\"id\":\"bad\"") && lines[0].contains("not a language code"), String(lines[0]))
        XCTAssertTrue(lines[1].contains("\"id\":\"ok\"") && lines[1].contains("40 percent"), String(lines[1]))
        let option = try run(["worksheet", "--lang", "aaaaaaaaaaaa-DE", seed])
        XCTAssertEqual(option.status, 64, option.stderr)
        XCTAssertTrue(option.stderr.contains("--lang takes a language code"), option.stderr)
    }

    func testWorksheet_standardInput_isNamedStdinAndCountsReadAsEnglish() throws {
        let result = try run(["worksheet", "-", "--format", "md"], stdin: "Die NATO tagt.")
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.hasPrefix("# Worksheet: stdin\n"), result.stdout)
        let out = directory.appendingPathComponent("stdin-out")
        let written = try run(["worksheet", "-", "--format", "xliff", "-o", out.path], stdin: "Die NATO tagt.")
        XCTAssertEqual(written.status, 0, written.stderr)
        XCTAssertTrue(written.stderr.contains("stdin.xlf: 1 segment, 3 words"), written.stderr)
        let xliff = try String(contentsOf: out.appendingPathComponent("stdin.xlf"), encoding: .utf8)
        XCTAssertTrue(xliff.contains(#"original="stdin""#), xliff)
    }

    func testWorksheet_skeletonKeepsTheFormTheInputWasReadIn() throws {
        let markdown = try file("k.md", Array("# Kopf\n\nDie NATO *tagt*. Sie berät.\n\n- eins ist da.\n".utf8))
        let html = try file("k.html", Array("<title>T</title><article><h1>Kopf</h1><p>Die NATO tagt.</p></article>".utf8))
        // A .txt holding an HTML page is read as HTML, and its skeleton is one.
        let page = try file("seite.txt", Array("<!DOCTYPE html><html><body><p>Die NATO tagt.</p></body></html>".utf8))
        let expected = [(markdown, "kernsatz-skeleton 1 markdown\n# {kz:1}\n\n{kz:2} {kz:3}\n\n- {kz:4}\n"),
                        (html, "kernsatz-skeleton 1 html\n&lt;!DOCTYPE html&gt;"),
                        (page, "kernsatz-skeleton 1 html\n"),
                        (seed, "kernsatz-skeleton 1 text\n date 2025-12-23 {kz:1}\n\n{kz:2} – {kz:3}")]
        for (input, skeleton) in expected {
            let result = try run(["worksheet", "--format", "xliff", input])
            XCTAssertEqual(result.status, 0, result.stderr)
            XCTAssertTrue(result.stdout.contains("<skeleton>" + skeleton), "\(input): \(result.stdout)")
        }
        let text = try run(["worksheet", "-", "--format", "xliff12"], stdin: "Die NATO tagt.")
        XCTAssertTrue(text.stdout.contains(#"<internal-file form="text/plain">kernsatz-skeleton 1 text\#n{kz:1}</internal-file>"#), text.stdout)
    }

    func testWorksheetJSONL_givesOneRecordPerLineWithTheSameID() throws {
        let input = """
            {"id":"a","text":"Die Bündnistreue zählt. Sie gilt."}
            {"id":7,"text":""}
            """
        let result = try run(["worksheet", "--jsonl", "--format", "json", "--lang", "de"], stdin: input)
        let lines = result.stdout.split(separator: "\n")
        XCTAssertEqual(lines.count, 2, result.stdout)
        let first = try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any]
        XCTAssertEqual(first?["id"] as? String, "a")
        let sheet = first?["worksheet"] as? [String: Any]
        XCTAssertEqual((sheet?["segments"] as? [Any])?.count, 2)
        XCTAssertTrue(lines[1].contains("record 7: the text is empty"), String(lines[1]))
        XCTAssertTrue(lines[1].contains("\"id\":7"), String(lines[1]))
    }
}

extension CLITests {
    func testWorksheet_anOutputThatWouldBeTheInputItself_isRefusedEvenWithForce() throws {
        let input = try file("notiz.md", Array("Die Bündnistreue zählt. Sie gilt.".utf8))
        let result = try run(["worksheet", "--format", "md", "--force", "-o", directory.path, input])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("would be the input itself"), result.stderr)
        XCTAssertEqual(try String(contentsOfFile: input, encoding: .utf8), "Die Bündnistreue zählt. Sie gilt.")
    }

    func testWorksheet_fullStandardOutput_isAnErrorNotACrash() throws {
        guard FileManager.default.fileExists(atPath: "/dev/full") else { throw XCTSkip("no /dev/full on this system") }
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = ["worksheet", "--format", "md", seed]
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: "/dev/full"))
        let err = Pipe()
        process.standardError = err
        try process.run()
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 1)
        XCTAssertEqual(process.terminationReason, .exit)
        XCTAssertTrue(stderr.contains("cannot write to standard output"), stderr)
    }
}
