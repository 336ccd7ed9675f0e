import Foundation
import XCTest

/// `glossary convert --format`, and `--to` per source language on `worksheet` and `batch`.
extension CLITests {
    var english: String { samples + "/en/eu-energy-summit.txt" }

    // MARK: glossary convert: refusals first

    func testGlossaryConvert_standardOutputWithoutFormat_asksForOne() throws {
        let result = try run(["glossary", "convert", try smallGlossary, "-"])
        XCTAssertEqual(result.status, 64)
        XCTAssertTrue(result.stderr.contains("Writing to standard output needs --format (tbx3, tbx2008, tsv, csv)."), result.stderr)
    }

    func testGlossaryConvert_unknownFormat_listsTheFour() throws {
        let result = try run(["glossary", "convert", try smallGlossary, "-", "--format", "xlsx"])
        XCTAssertEqual(result.status, 64)
        XCTAssertTrue(result.stderr.contains("'xlsx'"), result.stderr)
        XCTAssertTrue(result.stderr.contains("Please provide one of 'tbx3', 'tbx2008', 'tsv' or 'csv'."), result.stderr)
    }

    func testGlossaryConvert_toPairs_isRefused_TSVHoldsOneLanguage() throws {
        let result = try run(["glossary", "convert", try smallGlossary, "-", "--format", "tsv", "--to", "de:en"])
        XCTAssertEqual(result.status, 64)
        XCTAssertTrue(result.stderr.contains("--to takes one language here (TSV's target language: en, fr, en-GB), not 'de:en'."), result.stderr)
    }

    func testGlossaryConvert_tsvNamedDotTSV_saysOmegaTWantsDotUTF8() throws {
        let out = directory.appendingPathComponent("g2.tsv").path
        let result = try run(["glossary", "convert", try smallGlossary, out])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stderr.contains("OmegaT 3.6 loads glossary files named .utf8, .txt or .tab, not .tsv"), result.stderr)
    }

    func testGlossaryConvert_shippedToTSV_saysWhatIsLeftOut() throws {
        let shipped = URL(fileURLWithPath: samples).deletingLastPathComponent().appendingPathComponent("Glossaries/de-en/sicherheitspolitik.tbx").path
        let result = try run(["glossary", "convert", shipped, directory.appendingPathComponent("g.utf8").path])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stderr.contains("TSV holds one target language (en):"), result.stderr)
        XCTAssertTrue(result.stderr.contains("translation(s) in fr left out"), result.stderr)
    }

    // MARK: glossary convert: the formats

    func testGlossaryConvert_tbx2008_byFormat_readsBackTheSameTSV() throws {
        let tbx = directory.appendingPathComponent("old.tbx").path
        let result = try run(["glossary", "convert", "--format", "tbx2008", try smallGlossary, tbx])
        XCTAssertEqual(result.status, 0, result.stderr)
        let written = try String(contentsOfFile: tbx, encoding: .utf8)
        XCTAssertTrue(written.contains("<martif type=\"TBX-Basic\" xml:lang=\"de\">"), written)
        XCTAssertTrue(written.contains("<tig>\n            <term>Sicherheitsgarantie</term>"), written)
        let back = try run(["glossary", "convert", tbx, "-", "--format", "tsv"])
        XCTAssertEqual(back.stdout, try String(contentsOfFile: try smallGlossary, encoding: .utf8))
    }

    func testGlossaryConvert_formatTBX_isTBXv3() throws {
        let result = try run(["glossary", "convert", try smallGlossary, "-", "--format", "tbx"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("xmlns=\"urn:iso:std:iso:30042:ed-2\""), result.stdout)
    }

    func testGlossaryConvert_TBX2008_validatesAgainstThe2008DTDAndXSD() throws {
        let schemas = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../shared/schemas/tbx-2008-legacy").standardized.path
        guard FileManager.default.fileExists(atPath: schemas), FileManager.default.fileExists(atPath: "/usr/bin/xmllint") else {
            throw XCTSkip("xmllint or ../shared/schemas/tbx-2008-legacy is not here (.ci/run validates the shipped glossary's TBX 2008)")
        }
        let tbx = directory.appendingPathComponent("old.tbx").path
        XCTAssertEqual(try run(["glossary", "convert", "--format", "tbx2008", try smallGlossary, tbx]).status, 0)
        for arguments in [["--dtdvalid", schemas + "/TBXcoreStructV02.dtd"], ["--schema", schemas + "/TBXcsV02.xsd"]] {
            let xmllint = Process()
            xmllint.executableURL = URL(fileURLWithPath: "/usr/bin/xmllint")
            xmllint.arguments = ["--noout", "--nonet"] + arguments + [tbx]
            let err = Pipe()
            xmllint.standardError = err
            try xmllint.run()
            xmllint.waitUntilExit()
            XCTAssertEqual(xmllint.terminationStatus, 0, String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self))
        }
    }

    // MARK: --to: refusals first

    func testTo_targetMissingAfterTheColon_isRefusedWithTheReason() throws {
        let result = try run(["worksheet", "--to", "de:", seed])
        XCTAssertEqual(result.status, 64)
        XCTAssertTrue(result.stderr.contains("'de:' has no target language after the colon; write it as de:en"), result.stderr)
    }

    func testTo_sameSourceTwice_isRefusedOnBatchToo() throws {
        let result = try run(["batch", samples, "-o", directory.path + "/out", "--to", "de:en,de:fr"])
        XCTAssertEqual(result.status, 64)
        XCTAssertTrue(result.stderr.contains("'de' has two targets ('de:en' and 'de:fr'); keep one"), result.stderr)
    }

    // MARK: --to: worksheets

    func testWorksheet_englishTextToEnglish_noWorksheetAndWhy_exitZero() throws {
        let result = try run(["worksheet", "--format", "md", english])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, "")
        XCTAssertTrue(result.stderr.contains("skipped \(english): no worksheet: the text is in 'en', the target language of --to en; give 'en' texts another one (e.g. --to en:de,en)"), result.stderr)
    }

    func testWorksheet_pairs_eachTextGetsItsLanguagesTarget() throws {
        let out = directory.appendingPathComponent("out").path
        let french = samples + "/fr/conseil-municipal-lyon.txt"
        let result = try run(["worksheet", "--to", "de:en-GB,en:de,fr:en", "--format", "xliff", "-o", out, seed, english, french])
        XCTAssertEqual(result.status, 0, result.stderr)
        func target(_ name: String) throws -> String? {
            let xml = try String(contentsOfFile: out + "/" + name, encoding: .utf8)
            return xml.range(of: #"trgLang="[^"]*""#, options: .regularExpression).map { String(xml[$0]) }
        }
        XCTAssertEqual(try target("nato-rutte-2025-12-23.xlf"), #"trgLang="en-GB""#)
        XCTAssertEqual(try target("eu-energy-summit.xlf"), #"trgLang="de""#)
        XCTAssertEqual(try target("conseil-municipal-lyon.xlf"), #"trgLang="en""#)
    }

    func testWorksheet_jsonl_recordWithoutTarget_isASkippedLine() throws {
        let input = #"{"id":"a","text":"The summit ended late on Tuesday. Ministers agreed on a plan."}"# + "\n"
        let result = try run(["worksheet", "--jsonl", "--to", "de:en"], stdin: input)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, #"{"id":"a","skipped":"no worksheet: no target language for 'en' texts in --to de:en; add one (e.g. --to de:en,en:de)"}"# + "\n")
    }

    // MARK: --to: batch

    func testBatch_samplesDefaultTo_noEnglishToEnglishSheet_andSaysWhy() throws {
        let out = directory.appendingPathComponent("out").path
        let result = try run(["batch", samples, "-o", out])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stderr.contains("ok en/eu-energy-summit.txt: 15 segments, 222 words — no worksheet: the text is in 'en', the target language of --to en"), result.stderr)
        // Samples/.kernsatzignore leaves out Samples/spark/ (the Spark job: .py, .sh), and says so once.
        XCTAssertTrue(result.stderr.contains("leaving out what \(samples)/.kernsatzignore names: spark/"), result.stderr)
        XCTAssertFalse(result.stderr.contains("skipped spark/"), result.stderr)
        XCTAssertTrue(result.stderr.contains("6 done, 0 failed, 1 without worksheets"), result.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out + "/en/eu-energy-summit.xlf"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: out + "/en/eu-energy-summit.html"))
        XCTAssertTrue(FileManager.default.fileExists(atPath: out + "/en/eu-energy-summit.summary.txt"))
        XCTAssertTrue(FileManager.default.fileExists(atPath: out + "/fr/conseil-municipal-lyon.xlf"))
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/manifest.json"))) as! [String: Any]
        let english = (manifest["files"] as! [[String: Any]]).first { $0["path"] as? String == "en/eu-energy-summit.txt" }!
        XCTAssertEqual(english["status"] as? String, "done")
        XCTAssertTrue((english["reason"] as? String ?? "").hasPrefix("no worksheet: the text is in 'en'"), "\(english)")
        XCTAssertEqual((manifest["counts"] as! [String: Any])["withoutWorksheet"] as? Int, 1)
        let index = try String(contentsOfFile: out + "/index.html", encoding: .utf8)
        XCTAssertTrue(index.contains("no worksheet: the text is in &#39;en&#39;") || index.contains("no worksheet: the text is in 'en'"), "the report says why")
        // --resume: the English file is up to date without its worksheets.
        let again = try run(["batch", samples, "-o", out, "--resume"])
        XCTAssertTrue(again.stderr.contains("0 done, 6 up to date, 0 failed, 1 without worksheets"), again.stderr)
    }

    func testBatch_worksheetsOnly_fileWithoutTarget_isLeftOutWithTheReason() throws {
        let out = directory.appendingPathComponent("out").path
        let result = try run(["batch", samples, "-o", out, "--formats", "xliff", "--to", "de:en,fr:de"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stderr.contains("skipped it/treno-alta-velocita.txt: no worksheet: no target language for 'it' texts in --to de:en,fr:de"), result.stderr)
        // 4 without a worksheet (Samples/spark/ is left out by Samples/.kernsatzignore).
        XCTAssertTrue(result.stderr.contains("2 done, 0 failed, 4 left out (listed in the report)"), result.stderr)
        let french = try String(contentsOfFile: out + "/fr/conseil-municipal-lyon.xlf", encoding: .utf8)
        XCTAssertTrue(french.contains(#"trgLang="de""#))
    }
}
