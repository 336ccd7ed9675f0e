import KernsatzText
import XCTest

final class XMLTextTests: XCTestCase {
    func testCharactersXMLForbidsAreDroppedNotEscaped() {
        XCTAssertEqual(XMLText.escape(""), "")
        XCTAssertEqual(XMLText.escape("a\u{0}b\u{1}c\u{B}d\u{FFFE}e\u{FFFF}f"), "abcdef")
        XCTAssertEqual(XMLText.escape("tab\tline\ncr\r"), "tab\tline\ncr\r")
    }

    func testTextEscapesMarkupButLeavesQuotes() {
        XCTAssertEqual(XMLText.escape("<mrk id=\"x\">a & b</mrk> ]]> 'q'"), "&lt;mrk id=\"x\"&gt;a &amp; b&lt;/mrk&gt; ]]&gt; 'q'")
    }

    func testAttributesAlsoEscapeQuotesAndKeepLineBreaksAsReferences() {
        XCTAssertEqual(XMLText.attribute("\"><img src=x onerror='y'>"), "&quot;&gt;&lt;img src=x onerror=&#39;y&#39;&gt;")
        XCTAssertEqual(XMLText.attribute("a\nb\tc\rd"), "a&#10;b&#9;c&#13;d")
    }
}
