import XCTest
@testable import KernsatzText

final class ArticleReadingTests: XCTestCase {
    // MARK: edge cases first

    func testStructured_zipMagicInATxt_isRefusedWhateverTheName() {
        XCTAssertEqual(ArticleReading.structured(path: "a.txt", bytes: [0x50, 0x4B, 0x03, 0x04, 0]), .zip(.archive))
        XCTAssertEqual(ArticleReading.structured(path: "a.docx", bytes: [0x50, 0x4B, 0x03, 0x04, 0]), .zip(.docx))
        XCTAssertEqual(ArticleReading.structured(path: "-", bytes: Array("%PDF-1.7".utf8)), .pdf)
    }

    func testStructured_forcedFormat_readsAnXlfAsTextButNeverAZip() {
        XCTAssertEqual(ArticleReading.structured(path: "t.xlf", bytes: Array("<xliff/>".utf8)), .xliff)
        XCTAssertNil(ArticleReading.structured(path: "t.xlf", bytes: Array("<xliff/>".utf8), forced: .plain))
        XCTAssertEqual(ArticleReading.structured(path: "t.txt", bytes: [0x50, 0x4B, 0x03, 0x04], forced: .plain), .zip(.archive))
    }

    func testStructured_xmlRoots() {
        func root(_ s: String) -> StructuredFile? { ArticleReading.structured(units: Array(s.utf16)) }
        XCTAssertEqual(root("\u{FEFF}<?xml version=\"1.0\"?>\n<!-- x --><xliff version=\"2.1\">"), .xliff)
        XCTAssertEqual(root("<?xml version=\"1.0\"?><!DOCTYPE martif SYSTEM \"TBXcoreStructV02.dtd\"><martif>"), .tbx)
        XCTAssertEqual(root("<tmx version=\"1.4\">"), .tmx)
        XCTAssertEqual(root("<?xml version=\"1.0\"?><rss>"), .xml(root: "rss"))
        XCTAssertNil(root("<?xml version=\"1.0\"?><html xmlns=\"http://www.w3.org/1999/xhtml\">"))
        XCTAssertNil(root("<b>Eilmeldung</b> Der Rat tagte."))
        XCTAssertNil(root("Der Rat tagte."))
    }

    func testRefusal_namesTheFileWhatItIsAndWhatToDo() {
        let message = ArticleReading.refusal(.xliff, path: "filled.xlf").description
        XCTAssertEqual(message, "filled.xlf: is an XLIFF file (a translation worksheet), not an article; "
                       + "to read its source text, export it from your CAT tool as plain text (.txt) first")
    }

    // MARK: markup

    func testMarkupKind_byExtensionThenContent() {
        let page = Array("  <!doctype HTML><html><p>x</p>".utf16)
        let prose = Array("Der Rat <tagte>.".utf16)
        XCTAssertEqual(ArticleReading.markupKind(path: "a.HTM", units: prose), .html)
        XCTAssertEqual(ArticleReading.markupKind(path: "a.md", units: page), .markdown)
        XCTAssertEqual(ArticleReading.markupKind(path: "a.txt", units: page), .html)
        XCTAssertEqual(ArticleReading.markupKind(path: "-", units: page), .html)
        XCTAssertEqual(ArticleReading.markupKind(path: "-", units: prose), .plain)
        XCTAssertEqual(ArticleReading.markupKind(path: "a.html", units: page, forced: .plain), .plain)
    }

    func testArticle_onlyMarkup_isAnErrorNamingTheFile() throws {
        let decoded = try TextDecoder().decode(Array("<html><body><nav>Menü</nav></body></html>".utf8), source: "a.html")
        XCTAssertThrowsError(try ArticleReading.article(decoded, path: "a.html", extractor: MarkupExtractor())) { error in
            XCTAssertEqual("\(error)", "a.html: no text once the HTML markup is taken away")
        }
    }
}
