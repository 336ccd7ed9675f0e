import XCTest
@testable import KernsatzText

final class CleanTextTests: XCTestCase {
    func testClean_emptyText_staysEmpty() throws {
        let text = try CleanText("")
        XCTAssertEqual(text.string, "")
        XCTAssertEqual(text.sourceScalarOffset(0), 0)
    }

    func testClean_cleanNFCText_isUnchangedAndIdentityMapped() throws {
        let text = try CleanText("Die Lage ist ernst.")
        XCTAssertEqual(text.string, "Die Lage ist ernst.")
        XCTAssertTrue(text.changes.isEmpty)
        XCTAssertEqual(text.sourceScalarOffset(4), 4)
    }

    func testClean_softHyphenRemoved_offsetsMapBack() throws {
        let text = try CleanText("Bündnis\u{00AD}treue")
        XCTAssertEqual(text.string, "Bündnistreue")
        XCTAssertEqual(text.changes.softHyphens, 1)
        // "treue" starts at clean offset 7, source offset 8.
        XCTAssertEqual(text.sourceScalarOffset(7), 8)
        XCTAssertEqual(text.sourceString(7..<12), "treue")
    }

    func testClean_decomposedUmlaut_isComposedAndMapped() throws {
        let source = "Bu\u{0308}ndnistreue der USA"
        let text = try CleanText(source)
        XCTAssertEqual(text.string, "Bündnistreue der USA")
        XCTAssertEqual(text.changes.normalized, 1)
        // "der" is at clean 13, source 14 (the combining mark is one more scalar).
        XCTAssertEqual(text.sourceScalarOffset(13), 14)
        XCTAssertEqual(text.sourceString(0..<12), "Bu\u{0308}ndnistreue")
    }

    func testClean_crlfAndLoneCR_becomeLF() throws {
        let text = try CleanText("a\r\nb\rc")
        XCTAssertEqual(text.string, "a\nb\nc")
        XCTAssertEqual(text.sourceScalarOffset(2), 3)
        // The LF stands for the whole CRLF.
        XCTAssertEqual(text.sourceScalarRange(1..<2), 1..<3)
    }

    func testRange_endBeforeRemovedCharacters_excludesThem() throws {
        // A sentence end never swallows the CR, soft hyphen, ZWSP or control character after it.
        for removed in ["\r\n", "\u{00AD}", "\u{200B}", "\u{0007}", "\u{FEFF}"] {
            let source = "Er kam.\(removed)Sie ging."
            let text = try CleanText(source)
            let end = text.string.firstIndex(of: ".")!.utf16Offset(in: text.string) + 1
            XCTAssertEqual(text.sourceString(0..<end), "Er kam.", removed.debugDescription)
            XCTAssertEqual(text.sourceScalarRange(0..<end), 0..<7, removed.debugDescription)
        }
    }

    func testRange_composedCharacter_coversAllItsSourceScalars() throws {
        let text = try CleanText("Bu\u{0308}\u{0301}x")
        XCTAssertEqual(text.sourceScalarRange(1..<2), 1..<4)
        XCTAssertEqual(text.sourceScalarRange(0..<text.count), 0..<5)
    }

    func testRange_empty_isEmptyAtItsStart() throws {
        let text = try CleanText("a\u{00AD}b")
        XCTAssertEqual(text.sourceScalarRange(1..<1), 2..<2)
    }

    func testClean_nbspZeroWidthAndControls_areCleaned() throws {
        let text = try CleanText("1,1\u{00A0}Mio.\u{200B} Euro\u{0007}")
        XCTAssertEqual(text.string, "1,1 Mio. Euro")
        XCTAssertEqual(text.changes.spaces, 1)
        XCTAssertEqual(text.changes.zeroWidth, 1)
        XCTAssertEqual(text.changes.controls, 1)
    }

    func testClean_astralCharacters_countAsOneScalar() throws {
        // 🇪🇺 is two scalars of two UTF-16 units each; a soft hyphen after it shifts the rest.
        let text = try CleanText("🇪🇺\u{00AD} EU")
        XCTAssertEqual(text.string, "🇪🇺 EU")
        XCTAssertEqual(text.sourceScalarOffset(5), 4)  // "E" after the space
        XCTAssertEqual(text.sourceString(5..<7), "EU")
    }

    func testClean_keepsZeroWidthJoiner() throws {
        XCTAssertEqual(try CleanText("👩\u{200D}💻").string, "👩\u{200D}💻")
    }
}
