import Foundation
import XCTest

/// `kernsatz check`: exit codes (0 clean, 1 an error finding or a bad file, 64 usage), the report
/// forms, -o DIR without replacing a file, --rules. Worksheets: the merge fixtures, filled by
/// `filledWorksheet` ("[EN] " + source) or by hand.
extension CLITests {
    func testCheck_usage_is64() throws {
        XCTAssertEqual(try run(["check"]).status, 64)
        let badRule = try run(["check", "--rules", "number,spelling", "x.xlf"])
        XCTAssertEqual(badRule.status, 64)
        XCTAssertTrue(badRule.stderr.contains("unknown rule 'spelling'"), badRule.stderr)
        XCTAssertEqual(try run(["check", "--format", "pdf", "x.xlf"]).status, 64)
    }

    func testCheck_errorFindingExits1_warningsOnlyExit0() throws {
        // "[EN] " + German source: the glossary term „Drohnen“ has no approved English term in the target.
        let filled = try filledWorksheet("drohnen-text.xliff12.xlf")
        let result = try run(["check", filled])
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertTrue(result.stdout.contains("error glossary-missing: „Drohnen“ (glossary: Drohne)"), result.stdout)
        XCTAssertTrue(result.stdout.contains(": 9 segments, "), result.stdout)
        let onlyWhitespace = try run(["check", "--rules", "whitespace,length-ratio", filled])
        XCTAssertEqual(onlyWhitespace.status, 0, onlyWhitespace.stdout)
    }

    func testCheck_badFileAmongGood_isNamed_exit1() throws {
        let filled = try filledWorksheet("drohnen-text.xliff12.xlf")
        let broken = try file("kaputt.xlf", Array("<xliff version=\"1.2\"><file>".utf8))
        let result = try run(["check", "--rules", "whitespace", broken, filled])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("kaputt.xlf"), result.stderr)
        XCTAssertTrue(result.stdout.contains(": 9 segments, 0 errors, 0 warnings"), result.stdout)
    }

    func testCheck_outputFolder_oneReportPerFile_neverReplaced() throws {
        let filled = try filledWorksheet("drohnen-text.xliff12.xlf", as: "drohnen.xlf")
        let out = directory.appendingPathComponent("qa").path
        XCTAssertEqual(try run(["check", "--format", "html", "-o", out, filled]).status, 1)
        let page = try String(contentsOfFile: out + "/drohnen.check.html", encoding: .utf8)
        XCTAssertTrue(page.hasPrefix("<!DOCTYPE html>"))
        XCTAssertTrue(page.contains("<mark class=\"error\" title=\"glossary-missing\">Drohnen</mark>"), page)
        XCTAssertTrue(page.contains("Drohnen &amp; Flugtaxis"), page)
        try Data("mine".utf8).write(to: URL(fileURLWithPath: out + "/drohnen.check.json"))
        let refused = try run(["check", "--format", "json", "-o", out, filled])
        XCTAssertEqual(refused.status, 1)
        XCTAssertTrue(refused.stderr.contains("exists with other content"), refused.stderr)
        XCTAssertEqual(try String(contentsOfFile: out + "/drohnen.check.json", encoding: .utf8), "mine")
        XCTAssertEqual(try run(["check", "--format", "json", "-o", out, "--force", filled]).status, 1)
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/drohnen.check.json"))) as? [[String: Any]]
        XCTAssertEqual(json?.first?["segments"] as? Int, 9)
    }

    func testCheck_csvIsFormulaSafe() throws {
        var text = try String(contentsOf: mergeFixtures.appendingPathComponent("drohnen-text.xliff12.xlf"), encoding: .utf8)
        // The first target becomes a formula that also doubles a word.
        let first = try XCTUnwrap(text.range(of: #"<target[^>]*>[^<]*</target>"#, options: .regularExpression))
        text.replaceSubrange(first, with: "<target>=HYPERLINK(\"x\") the the council</target>")
        let path = try file("formel.xlf", Array(text.utf8))
        let result = try run(["check", "--format", "csv", "--rules", "doubled-word", path])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stdout.contains(",\"'=HYPERLINK(\"\"x\"\") the the council\","), result.stdout)
    }
}
