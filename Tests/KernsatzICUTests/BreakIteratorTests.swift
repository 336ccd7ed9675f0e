import XCTest
@testable import KernsatzICU

final class BreakIteratorTests: XCTestCase {
    func testBoundaries_emptyText_isJustZero() throws {
        let iterator = try BreakIterator(.sentence, locale: "de")
        XCTAssertEqual(iterator.boundaries(in: []), [0])
    }

    func testRules_invalidSyntax_throwsWithPosition() {
        XCTAssertThrowsError(try BreakIterator(rules: "$x = [abc;\n!!forward;")) { error in
            guard case .invalidRules = (error as? ICUError)?.kind else { return XCTFail("\(error)") }
        }
    }

    func testRules_custom_breakAfterEveryComma() throws {
        // A rule set that breaks after each comma and nowhere else.
        let iterator = try BreakIterator(rules: "[^,]+ [,]?;")
        let text = Array("a,b,c".utf16)
        XCTAssertEqual(iterator.boundaries(in: text), [0, 2, 4, 5])
    }

    func testSentence_plainGerman_splitsAfterOrdinalAndTitle() throws {
        // Plain ICU splits German badly: this is why Kernsatz has a rule layer.
        let iterator = try BreakIterator(.sentence, locale: "de")
        let text = Array("Am 3. Oktober kam Dr. Müller.".utf16)
        XCTAssertEqual(iterator.boundaries(in: text), [0, 6, 22, 29])
    }

    func testWords_german_skipsSpacesAndPunctuation() throws {
        let iterator = try BreakIterator(.word, locale: "de")
        let text = Array("Am 3. Oktober".utf16)
        let words = iterator.words(in: text).map { String(decoding: text[$0], as: UTF16.self) }
        XCTAssertEqual(words, ["Am", "3", "Oktober"])
    }

    func testWordCount_equalsWordsCount() throws {
        let iterator = try BreakIterator(.word, locale: "de")
        for string in ["Am 3. Oktober", "„NATO-Generalsekretär“ – 1,1 % … ", "", " ", "日本語のテキスト"] {
            let text = Array(string.utf16)
            XCTAssertEqual(iterator.wordCount(in: text), iterator.words(in: text).count, string)
        }
    }

    func testCopy_isIndependentOfOriginal() throws {
        let iterator = try BreakIterator(.sentence, locale: "en")
        let copy = try iterator.copy()
        XCTAssertEqual(copy.countBoundaries(in: Array("One. Two.".utf16)), 2)
        XCTAssertEqual(iterator.countBoundaries(in: Array("One.".utf16)), 1)
    }
}
