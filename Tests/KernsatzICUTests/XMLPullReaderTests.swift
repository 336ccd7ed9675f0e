import XCTest
@testable import KernsatzICU

/// The one XML reader: events as written, nothing loaded or expanded, errors with line and column.
final class XMLPullReaderTests: XCTestCase {
    func events(_ text: String) throws -> [XMLPullReader.Event] {
        let reader = try XMLPullReader(bytes: Array(text.utf8))
        var result: [XMLPullReader.Event] = []
        while let event = try reader.next() { result.append(event) }
        return result
    }

    func testEmptyDocument_isNotWellFormed() {
        XCTAssertThrowsError(try events("")) { error in
            guard case .xml(.notWellFormed(let reason), _, _) = (error as? ICUError)?.kind else { return XCTFail("\(error)") }
            XCTAssertFalse(reason.contains("error"), reason)
        }
    }

    func testEvents_startTextEnd_emptyElementGetsAnEnd_referencesResolved() throws {
        XCTAssertEqual(try events("<a x='1' xml:lang=\"de\">b &amp; &#228;<![CDATA[<c>]]>\n<c/></a>"), [
            .start(name: "a", attributes: ["x": "1", "xml:lang": "de"], line: 1),
            .text("b & ä"), .text("<c>"), .text("\n"),
            .start(name: "c", attributes: [:], line: 2), .end(name: "c", line: 2),
            .end(name: "a", line: 1),
        ])
    }

    func testUTF16WithoutBOM_isDecodedFromItsFirstCharacters() throws {
        let text = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><a>Grüße</a>"
        let reader = try XMLPullReader(bytes: text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        _ = try reader.next()
        XCTAssertEqual(try reader.next(), .text("Grüße"))
    }

    func testDeclaredLatin1_isDecodedAsDeclared() throws {
        let reader = try XMLPullReader(bytes: Array("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a>".utf8) + [0x47, 0x72, 0xFC, 0xDF, 0x65] + Array("</a>".utf8))
        _ = try reader.next()
        XCTAssertEqual(try reader.next(), .text("Grüße"))
    }

    func testInternalEntity_isRefusedWithItsLine() {
        XCTAssertThrowsError(try XMLPullReader(bytes: Array("<!DOCTYPE a [\n<!ENTITY e \"x\">\n]>\n<a>&e;</a>".utf8))) { error in
            XCTAssertEqual((error as? ICUError)?.kind, .xml(.internalEntity("e"), line: 2, column: 15))
        }
    }

    func testUndeclaredParameterEntity_isNamedAsOne() {
        XCTAssertThrowsError(try events("<!DOCTYPE a [\n%pe;\n]>\n<a/>")) { error in
            XCTAssertEqual((error as? ICUError)?.kind, .xml(.notWellFormed("the parameter entity %pe; is not declared; delete the reference"), line: 2, column: 5))
        }
    }

    func testMismatchedTag_sentenceLineAndColumn() {
        XCTAssertThrowsError(try events("<a>\n<b>\n</a>")) { error in
            XCTAssertEqual("\(error)", "line 3, column 5: an end tag does not match the open element <b>; close <b> first (while reading XML)")
        }
    }
}
