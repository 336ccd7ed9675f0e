import Foundation
import XCTest

/// `kernsatz terms`, `kernsatz glossary …` and `analyze --glossary`, run as a user would.
extension CLITests {
    var smallGlossary: String {
        get throws {
            try file("g.tsv", Array("Sicherheitsgarantie\tsecurity guarantee\tnoun\nNATO-Gipfel\tNATO summit\t\nBündnistreue\talliance loyalty\t\nWaffenstillstand\tceasefire\t\n".utf8))
        }
    }

    func testTerms_jsonl_offsetsAreScalarsIntoTheInputAsReceived() throws {
        // A decomposed ü (NFD, as from macOS) before the hit: offsets still count the input's scalars.
        let input = "{\"id\":7,\"text\":\"Bu\u{308}ndnistreue und Sicherheitsgarantien.\"}\n{\"id\":\"leer\",\"text\":\"\"}\n"
        let result = try run(["terms", "--jsonl", "--glossary", try smallGlossary], stdin: input)
        XCTAssertEqual(result.status, 0, result.stderr)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 2)
        XCTAssertEqual(lines[0], #"{"id":7,"terms":[{"end":13,"entry":"Bündnistreue","match":"exact","start":0,"targets":["alliance loyalty"],"text":"Bu\#u{308}ndnistreue"},{"end":38,"entry":"Sicherheitsgarantie","match":"inflected","start":18,"targets":["security guarantee"],"text":"Sicherheitsgarantien"}]}"#)
        XCTAssertEqual(lines[1], #"{"id":"leer","terms":[]}"#)
    }

    func testTerms_textOutput_marksTermsAndListsHits() throws {
        let text = try file("t.txt", Array("Am Rande des NATO-Gipfels: das Waffenstillstandsabkommen.\n".utf8))
        let result = try run(["terms", text, "--glossary", try smallGlossary])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.hasPrefix("Am Rande des ⟦NATO-Gipfels⟧: das ⟦Waffenstillstandsabkommen⟧.\n"), result.stdout)
        XCTAssertTrue(result.stdout.contains("inflected  NATO-Gipfels"), result.stdout)
        XCTAssertTrue(result.stdout.contains("compound   Waffenstillstandsabkommen  Waffenstillstand"), result.stdout)
    }

    func testTerms_withoutGlossary_usesTheShippedOnes_fromStdin() throws {
        let result = try run(["terms", "--format", "json", "-"], stdin: "Kiew fordert Sicherheitsgarantien.")
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("\"entry\" : \"Sicherheitsgarantie\""), result.stdout)
    }

    func testTerms_brokenGlossary_namesFileAndLine() throws {
        let bad = try file("kaputt.tsv", Array("Gipfel\tsummit\nnur eine Spalte\n".utf8))
        let result = try run(["terms", "--glossary", bad, "-"], stdin: "Der Gipfel.")
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("kaputt.tsv:2: 1 column(s)"), result.stderr)
        let missing = try run(["terms", "--glossary", "/nonexistent/g.tbx", "-"], stdin: "x")
        XCTAssertEqual(missing.status, 1)
        XCTAssertTrue(missing.stderr.contains("/nonexistent/g.tbx: cannot be read as a glossary (no such file)"), missing.stderr)
    }

    func testAnalyze_jsonlWithGlossary_addsTerms_withoutItNone() throws {
        let input = "{\"id\":\"a\",\"text\":\"Der NATO Gipfel beginnt.\"}\n"
        let with = try run(["analyze", "--jsonl", "--glossary", try smallGlossary], stdin: input)
        XCTAssertEqual(with.status, 0, with.stderr)
        XCTAssertTrue(with.stdout.contains(#""terms":[{"end":15,"entry":"NATO-Gipfel","match":"variant","start":4,"targets":["NATO summit"],"text":"NATO Gipfel"}]"#), with.stdout)
        let without = try run(["analyze", "--jsonl"], stdin: input)
        XCTAssertFalse(without.stdout.contains("\"terms\""), without.stdout)
    }

    func testGlossaryValidate_everyProblemWithLine_exit1() throws {
        let bad = try file("kaputt.tsv", Array("Gipfel\tsummit\n\tleer\nKrieg\n".utf8))
        let result = try run(["glossary", "validate", bad])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stdout.contains("kaputt.tsv:2: a term without text"), result.stdout)
        XCTAssertTrue(result.stdout.contains("kaputt.tsv:3: 1 column(s)"), result.stdout)
        XCTAssertTrue(result.stdout.contains("kaputt.tsv: 1 entries (de, en), 2 error(s), 0 warning(s)"), result.stdout)
    }

    func testGlossaryConvert_tsvToTBXAndBack_TBXValidatesAgainstTheCoreSchema() throws {
        let tbx = directory.appendingPathComponent("out.tbx").path
        let result = try run(["glossary", "convert", try smallGlossary, tbx])
        XCTAssertEqual(result.status, 0, result.stderr)
        let written = try String(contentsOfFile: tbx, encoding: .utf8)
        XCTAssertTrue(written.contains(#"<tbx type="TBX-Basic" style="dca" xml:lang="de" xmlns="urn:iso:std:iso:30042:ed-2">"#))
        let back = try run(["glossary", "convert", tbx, "-", "--format", "tsv"])
        XCTAssertEqual(back.stdout, "Sicherheitsgarantie\tsecurity guarantee\tnoun\nNATO-Gipfel\tNATO summit\t\nBündnistreue\talliance loyalty\t\nWaffenstillstand\tceasefire\t\n")
        let schema = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../shared/schemas/tbx-v3-core/TBXcoreStructV03.rng").standardized.path
        guard FileManager.default.fileExists(atPath: schema), FileManager.default.fileExists(atPath: "/usr/bin/xmllint") else {
            throw XCTSkip("xmllint or ../shared/schemas is not here")
        }
        let xmllint = Process()
        xmllint.executableURL = URL(fileURLWithPath: "/usr/bin/xmllint")
        xmllint.arguments = ["--noout", "--relaxng", schema, tbx]
        let err = Pipe()
        xmllint.standardError = err
        try xmllint.run()
        xmllint.waitUntilExit()
        XCTAssertEqual(xmllint.terminationStatus, 0, String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self))
    }

    func testGlossaryConvert_toCSV_writesAHeaderAndARowPerTranslation() throws {
        let csv = directory.appendingPathComponent("x.csv").path
        let result = try run(["glossary", "convert", try smallGlossary, csv])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stderr.contains("x.csv: 4 entries written (csv)"), result.stderr)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: csv))
        XCTAssertEqual(Array(bytes.prefix(3)), [0xEF, 0xBB, 0xBF], "a byte-order mark, for spreadsheet programs")
        let lines = String(decoding: bytes.dropFirst(3), as: UTF8.self).components(separatedBy: "\r\n")
        XCTAssertEqual(lines.first, "id,source,target,source language,target language,status,target status,pos,target pos,definition,note,target note")
        XCTAssertEqual(lines[1], ",Sicherheitsgarantie,security guarantee,de,en,preferred,preferred,,,,noun,")
        XCTAssertEqual(lines.count, 6, "header, 4 rows, and the empty string after the last CRLF")
    }

    func testGlossaryExtract_directory_listsFrequentCompoundsNotInTheGlossary() throws {
        let dir = directory.appendingPathComponent("texte")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try "Die Rüstungsexportkontrolle wird verschärft. Die Europäische Kommission prüft. Rüstungsexport braucht Kontrolle.\n".write(to: dir.appendingPathComponent("a.txt"), atomically: true, encoding: .utf8)
        try "Die Rüstungsexportkontrollen der Europäischen Kommission und der Waffenstillstand.\n".write(to: dir.appendingPathComponent("b.txt"), atomically: true, encoding: .utf8)
        let result = try run(["glossary", "extract", dir.path, "--glossary", try smallGlossary])
        XCTAssertEqual(result.status, 0, result.stderr)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        XCTAssertTrue(lines.contains { $0.contains("2  compound") && $0.contains("Rüstungsexportkontrolle") && $0.contains("wird verschärft") }, result.stdout)
        XCTAssertTrue(lines.contains { $0.contains("2  name") && $0.contains("Europäische Kommission") }, result.stdout)
        XCTAssertFalse(result.stdout.contains("Waffenstillstand"), result.stdout)
        let tsv = try run(["glossary", "extract", dir.path, "--glossary", try smallGlossary, "--format", "tsv"])
        XCTAssertTrue(tsv.stdout.split(separator: "\n").allSatisfy { $0.split(separator: "\t", omittingEmptySubsequences: false).count == 3 }, tsv.stdout)
    }
}

extension CLITests {
    func testGlossaryConvert_existingOutput_isNotTouchedWithoutForce() throws {
        let out = directory.appendingPathComponent("mine.tsv").path
        try "meins\tmine\t\n".write(toFile: out, atomically: true, encoding: .utf8)
        let refused = try run(["glossary", "convert", try smallGlossary, out])
        XCTAssertNotEqual(refused.status, 0)
        XCTAssertTrue(refused.stderr.contains("mine.tsv exists; choose another name, or add --force to replace it."), refused.stderr)
        XCTAssertEqual(try String(contentsOfFile: out, encoding: .utf8), "meins\tmine\t\n")
        let forced = try run(["glossary", "convert", "--force", try smallGlossary, out])
        XCTAssertEqual(forced.status, 0, forced.stderr)
        XCTAssertTrue(try String(contentsOfFile: out, encoding: .utf8).hasPrefix("Sicherheitsgarantie\tsecurity guarantee"))
    }
}

extension CLITests {
    func testTerms_textInAnotherLanguage_isNotMarkedAndSaysSo() throws {
        let result = try run(["terms", "--format", "json", "-"], stdin: "L'opposition a voté contre le projet de la majorité municipale.\n")
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains(#""terms" : ["#) && !result.stdout.contains("Opposition"), result.stdout)
        XCTAssertTrue(result.stderr.contains("the text is in 'fr', the glossary's terms in 'de'; nothing marked"), result.stderr)
    }
}
