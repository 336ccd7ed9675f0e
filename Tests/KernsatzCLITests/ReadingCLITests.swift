import Foundation
import XCTest

extension CLITests {
    static let articleHTML = "<!DOCTYPE html><html lang=\"de\"><body><nav>Menü</nav><article><h1>Kopf</h1>"
        + "<p>Der Rat tagte am Montag. Er beschloss das Gesetz.</p></article></body></html>\n"

    // MARK: refusals first

    func testReading_xliffGivenAsArticle_isRefusedNamingFileAndWhatToDo() throws {
        let path = try file("t.xlf", Array("<?xml version=\"1.0\"?>\n<xliff version=\"2.1\"><file/></xliff>\n".utf8))
        let result = try run(["worksheet", path])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("t.xlf: is an XLIFF file (a translation worksheet), not an article"), result.stderr)
        XCTAssertTrue(result.stderr.contains("export it"), result.stderr)
    }

    func testReading_docxGivenAsArticle_isRefused() throws {
        let path = try file("d.docx", [0x50, 0x4B, 0x03, 0x04] + Array("word/document.xml".utf8))
        let result = try run(["summarize", path])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("d.docx: is a Word document (DOCX), not an article"), result.stderr)
    }

    func testReading_inputFormatText_readsTheTagsAsText() throws {
        let path = try file("a.html", Array(Self.articleHTML.utf8))
        let result = try run(["segment", "--input-format", "text", path])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("<article>"), result.stdout)
    }

    // MARK: article text

    func testReading_worksheetOfHTML_hasTheArticleTextWithoutTags() throws {
        let path = try file("a.html", Array(Self.articleHTML.utf8))
        let result = try run(["worksheet", "--format", "md", path])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("Der Rat tagte am Montag."), result.stdout)
        XCTAssertFalse(result.stdout.contains("<p>"), result.stdout)
        XCTAssertFalse(result.stdout.contains("Menü"), result.stdout)
    }

    func testReading_summarizeOfMarkdown_hasNoMarkup() throws {
        let path = try file("a.md", Array("# Kopf\n\nDer Rat tagte am *Montag*. Er beschloss das Gesetz.\n".utf8))
        let result = try run(["summarize", path])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("Der Rat tagte am Montag."), result.stdout)
        XCTAssertFalse(result.stdout.contains("*"), result.stdout)
    }

    func testReading_htmlInATxtOnStandardInput_isSniffed() throws {
        let result = try run(["segment"], stdin: Self.articleHTML)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, "Kopf\nDer Rat tagte am Montag.\nEr beschloss das Gesetz.\n")
    }
}
