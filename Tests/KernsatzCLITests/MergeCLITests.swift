import Foundation
import XCTest

/// `kernsatz merge`: names, folders as trees, untranslated segments, --strict, refusals, never
/// replacing a file. The worksheets are the hand-made fixtures of KernsatzWorksheetTests/Fixtures/merge.
extension CLITests {
    var mergeFixtures: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("KernsatzWorksheetTests/Fixtures/merge")
    }

    /// A fixture with every target filled ("[EN] " + source), written into the test's folder.
    func filledWorksheet(_ fixture: String, as name: String? = nil, in folder: String = "") throws -> String {
        var text = try String(contentsOf: mergeFixtures.appendingPathComponent(fixture), encoding: .utf8)
        let pattern = try NSRegularExpression(pattern: #"(<source[^>]*>)(.*?)(</source>\s*)(<target[^>]*/>|<target[^>]*>.*?</target>)"#,
                                              options: [.dotMatchesLineSeparators])
        let tags = try NSRegularExpression(pattern: "<[^>]+>")
        let ns = text as NSString
        var out = "", last = 0
        for match in pattern.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
            out += ns.substring(with: NSRange(location: last, length: match.range.location - last))
            let source = ns.substring(with: match.range(at: 2))
            let plain = tags.stringByReplacingMatches(in: source, range: NSRange(location: 0, length: (source as NSString).length), withTemplate: "")
            out += ns.substring(with: match.range(at: 1)) + source + ns.substring(with: match.range(at: 3)) + "<target>[EN] \(plain)</target>"
            last = match.range.location + match.range.length
        }
        out += ns.substring(from: last)
        text = out
        let folderURL = directory.appendingPathComponent(folder)
        try FileManager.default.createDirectory(at: folderURL, withIntermediateDirectories: true)
        let url = folderURL.appendingPathComponent(name ?? fixture)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    // MARK: usage first

    func testMerge_noFilesOrStdoutForSeveral_isUsageError64() throws {
        let none = try run(["merge"])
        XCTAssertEqual(none.status, 64)
        XCTAssertTrue(none.stderr.contains("Give the translated worksheets"), none.stderr)
        let a = try filledWorksheet("drohnen-text.xlf"), b = try filledWorksheet("drohnen-html.xlf")
        let two = try run(["merge", "-o", "-", a, b])
        XCTAssertEqual(two.status, 64)
        XCTAssertTrue(two.stderr.contains("-o - writes one document; several worksheets need -o DIR."), two.stderr)
        let folder = try run(["merge", "-o", "-", directory.path])
        XCTAssertEqual(folder.status, 64)
        XCTAssertTrue(folder.stderr.contains("a folder of worksheets needs -o DIR"), folder.stderr)
    }

    func testMerge_help_describesOutputNamesUntranslatedAndExitCodes() throws {
        let help = try run(["merge", "--help"])
        XCTAssertEqual(help.status, 0)
        for words in ["<original name>.<target language>", "merge returned/ -o translated/", "--strict", "--force", "64 usage"] {
            XCTAssertTrue(help.stdout.contains(words), "\(words): \(help.stdout)")
        }
        let top = try run(["--help"])
        XCTAssertTrue(top.stdout.contains("merge"), top.stdout)
    }

    // MARK: refusals: named, exit 1, the others still merged

    func testMerge_badFilesAmongGood_areNamed_goodOnesWritten() throws {
        let good = try filledWorksheet("drohnen-html.xliff12.xlf")
        let notXML = try file("kaputt.xlf", Array("<xliff version=\"1.2\"><file>".utf8))
        let foreign = try file("fremd.xlf", Array("<xliff version=\"1.2\"><file original=\"a\"><body/></file></xliff>".utf8))
        let missing = directory.appendingPathComponent("fehlt.xlf").path
        let out = directory.appendingPathComponent("out").path
        let result = try run(["merge", "-o", out, notXML, good, foreign, missing])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("\(notXML):1: cannot be read as XLIFF (not well-formed XML"), result.stderr)
        XCTAssertTrue(result.stderr.contains("\(foreign): not a Kernsatz worksheet (no Kernsatz skeleton); merge reads the XLIFF files Kernsatz writes"),
                      result.stderr)
        XCTAssertTrue(result.stderr.contains("\(missing): no such file"), result.stderr)
        let html = try String(contentsOfFile: out + "/drohnen.en.html", encoding: .utf8)
        XCTAssertTrue(html.contains("<h2>[EN] Was sich ändert</h2>"), html)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: out), ["drohnen.en.html"])
    }

    // MARK: merging

    func testMerge_oneWorksheet_writesOriginalNameWithTargetLanguage() throws {
        let sheet = try filledWorksheet("drohnen-text.xlf", as: "zurück.xlf")
        let out = directory.appendingPathComponent("out").path
        let result = try run(["merge", sheet, "-o", out])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, "")
        XCTAssertTrue(result.stderr.contains("\(out)/drohnen.en.txt: 9 segments from \(sheet)"), result.stderr)
        let text = try String(contentsOfFile: out + "/drohnen.en.txt", encoding: .utf8)
        XCTAssertTrue(text.hasPrefix("date 2025-12-23\n\n[EN] Der Rat beschließt"), text)
        XCTAssertTrue(text.contains("\n\n- [EN] Registrierung ab 250 Gramm.\n- [EN] Kein Flug"), text)
    }

    func testMerge_defaultFolderIsTheCurrentOne_dashIsStandardOutput() throws {
        let sheet = try filledWorksheet("drohnen-markdown.xliff12.xlf")
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = ["merge", sheet]
        let here = directory.appendingPathComponent("hier")
        try FileManager.default.createDirectory(at: here, withIntermediateDirectories: true)
        process.currentDirectoryURL = here
        process.standardError = Pipe()
        try process.run()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
        XCTAssertTrue(FileManager.default.fileExists(atPath: here.appendingPathComponent("drohnen.en.md").path))

        let stdout = try run(["merge", "-o", "-", sheet])
        XCTAssertEqual(stdout.status, 0, stdout.stderr)
        XCTAssertTrue(stdout.stdout.hasPrefix("---\ndate: 2025-12-23\n---\n\n\\[EN\\] Der Rat"), stdout.stdout)
        XCTAssertEqual(stdout.stdout, try String(contentsOf: here.appendingPathComponent("drohnen.en.md"), encoding: .utf8))
    }

    func testMerge_folder_isMergedAsATree() throws {
        _ = try filledWorksheet("drohnen-text.xlf", as: "a.xlf", in: "returned/de")
        _ = try filledWorksheet("drohnen-html.xliff12.xlf", as: "b.xliff", in: "returned/de/web")
        _ = try file("returned/notiz.txt", Array("keine XLIFF".utf8))
        let returned = directory.appendingPathComponent("returned").path
        let out = directory.appendingPathComponent("translated").path
        let result = try run(["merge", returned, "-o", out])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: out + "/de/drohnen.en.txt"), result.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: out + "/de/web/drohnen.en.html"), result.stderr)
        XCTAssertTrue(result.stderr.contains("from \(returned)/de/web/b.xliff"), result.stderr)
        let empty = directory.appendingPathComponent("leer")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        let none = try run(["merge", empty.path, "-o", out])
        XCTAssertEqual(none.status, 1)
        XCTAssertTrue(none.stderr.contains("\(empty.path): no .xlf, .xliff or .docx files in this folder"), none.stderr)
    }

    func testMerge_folderOfDOCXWorksheets_mergesThemAndLeavesWordsOwnerFileAlone() throws {
        let returned = directory.appendingPathComponent("returned").path
        let made = try run(["worksheet", "--format", "docx", "-o", returned, seed])
        XCTAssertEqual(made.status, 0, made.stderr)
        _ = try file("returned/~$to-rutte-2025-12-23.docx", Array("owner file".utf8))
        let out = directory.appendingPathComponent("translated").path
        let result = try run(["merge", returned, "-o", out])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stderr.contains("\(returned)/nato-rutte-2025-12-23.docx: 23 of 23 segments untranslated: 1, 2, 3"), result.stderr)
        XCTAssertFalse(result.stderr.contains("~$"), result.stderr)
        let text = try String(contentsOfFile: out + "/nato-rutte-2025-12-23.en.txt", encoding: .utf8)
        XCTAssertTrue(text.contains("Brüssel – NATO-Generalsekretär Mark Rutte"), text)
    }

    func testCheck_unfilledDOCXWorksheet_findsEveryTargetEmptyByRow() throws {
        let folder = directory.appendingPathComponent("ws").path
        XCTAssertEqual(try run(["worksheet", "--format", "docx", "-o", folder, seed]).status, 0)
        let result = try run(["check", "--rules", "untranslated", folder + "/nato-rutte-2025-12-23.docx"])
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertTrue(result.stdout.contains("nato-rutte-2025-12-23.docx: segment 1 (row 2): error untranslated: the target is empty"), result.stdout)
        XCTAssertTrue(result.stdout.contains(": 23 segments, 23 errors, 0 warnings"), result.stdout)
    }

    func testMerge_twoWorksheetsOfOneOriginal_doNotOverwriteEachOther() throws {
        let a = try filledWorksheet("drohnen-text.xlf"), b = try filledWorksheet("drohnen-text.xliff12.xlf")
        let out = directory.appendingPathComponent("out").path
        let result = try run(["merge", a, b, "-o", out])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("\(b): its document would be \(out)/drohnen.en.txt, which \(a) already gave in this run"), result.stderr)
    }

    // MARK: untranslated segments

    func testMerge_untranslatedSegments_areListedAndKeptAsSource() throws {
        let sheet = try file("nato.xlf", Array(try String(contentsOf: mergeFixtures.appendingPathComponent("drohnen-text.xliff12.xlf"), encoding: .utf8)
            .replacingOccurrences(of: ">Brüssel</target>", with: ">Brussels</target>").utf8))
        let out = directory.appendingPathComponent("out").path
        let result = try run(["merge", sheet, "-o", out])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stderr.contains("\(sheet): 8 of 9 segments untranslated: 1, 3, 4, 5, 6, 7, 8, 9 (their source text is kept in \(out)/drohnen.en.txt)"),
                      result.stderr)
        let text = try String(contentsOfFile: out + "/drohnen.en.txt", encoding: .utf8)
        XCTAssertTrue(text.contains("\n\nBrussels – Die EU-Staaten haben sich"), text)
    }

    func testMerge_strict_failsAndWritesNothing() throws {
        let complete = try filledWorksheet("drohnen-html.xlf")
        let partial = try file("teil.xlf", Array(try String(contentsOf: mergeFixtures.appendingPathComponent("drohnen-markdown.xliff12.xlf"), encoding: .utf8).utf8))
        let out = directory.appendingPathComponent("out").path
        let result = try run(["merge", "--strict", complete, partial, "-o", out])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("\(partial): 9 of 9 segments untranslated: 1, 2, 3, 4, 5, 6, 7, 8, 9; --strict: the worksheet is not merged"),
                      result.stderr)
        XCTAssertTrue(result.stderr.contains("--strict: nothing written"), result.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out))
        let alone = try run(["merge", "--strict", complete, "-o", out])
        XCTAssertEqual(alone.status, 0, alone.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: out + "/drohnen.en.html"))
    }

    // MARK: never replacing a file

    func testMerge_existingFileWithOtherContent_isNotReplacedWithoutForce() throws {
        let sheet = try filledWorksheet("drohnen-text.xliff12.xlf")
        let out = directory.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let existing = out.appendingPathComponent("drohnen.en.txt")
        try Data("meine Übersetzung".utf8).write(to: existing)
        let refused = try run(["merge", sheet, "-o", out.path])
        XCTAssertEqual(refused.status, 1)
        XCTAssertTrue(refused.stderr.contains("\(existing.path) exists with other content; remove it, write elsewhere (-o), or add --force to replace it"),
                      refused.stderr)
        XCTAssertEqual(try String(contentsOf: existing, encoding: .utf8), "meine Übersetzung")
        let strict = try run(["merge", "--strict", sheet, "-o", out.path])
        XCTAssertEqual(strict.status, 1)
        XCTAssertEqual(try String(contentsOf: existing, encoding: .utf8), "meine Übersetzung")
        let forced = try run(["merge", "--force", sheet, "-o", out.path])
        XCTAssertEqual(forced.status, 0, forced.stderr)
        XCTAssertTrue(try String(contentsOf: existing, encoding: .utf8).hasPrefix("date 2025-12-23\n"))
        let again = try run(["merge", sheet, "-o", out.path])
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertTrue(again.stderr.contains("(unchanged)"), again.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: out.path).filter { $0.hasSuffix(".tmp") }, [])
    }
}
