import XCTest
import KernsatzText

final class TokenStreamTests: XCTestCase {
    func texts(_ stream: TokenStream, _ units: [UInt16]) -> [String] {
        stream.tokens.map { stream.text(of: $0, in: units) }
    }

    func testEmptyAndSpaceOnlyText_haveNoTokens() {
        XCTAssertTrue(TokenStream(units: []).tokens.isEmpty)
        XCTAssertTrue(TokenStream(units: Array(" \n\u{A0}\u{202F}\t".utf16)).tokens.isEmpty)
    }

    func testToken_isTwentyBytesWithoutAString() {
        XCTAssertEqual(MemoryLayout<TextToken>.stride, 20)
    }

    func testHyphenatedCompound_isOneWordWithAHyphenJoiner() {
        let units = Array("Der NATO-Gipfel und der 58-Jährige".utf16)
        let stream = TokenStream(units: units)
        XCTAssertEqual(texts(stream, units), ["Der", "NATO-Gipfel", "und", "der", "58-Jährige"])
        XCTAssertEqual(stream.tokens[1].kind, .word)
        XCTAssertTrue(stream.tokens[1].joiners.contains(.hyphen))
        XCTAssertFalse(stream.tokens[0].joiners.contains(.hyphen))
        XCTAssertEqual(stream.tokens[4].kind, .word)
    }

    func testKinds_numberPunctuationSymbol() {
        let units = Array("„Ja“, 1.500 € (3,5 %) don’t".utf16)
        let stream = TokenStream(units: units)
        XCTAssertEqual(texts(stream, units), ["„", "Ja", "“", ",", "1.500", "€", "(", "3", ",", "5", "%", ")", "don’t"])
        XCTAssertEqual(stream.tokens.map(\.kind), [.punctuation, .word, .punctuation, .punctuation, .number, .symbol,
                                                   .punctuation, .number, .punctuation, .number, .punctuation, .punctuation, .word])
        // Kinds follow Unicode's general categories: € is a symbol (Sc), % punctuation (Po).
        XCTAssertTrue(stream.tokens[4].joiners.contains(.period))
        XCTAssertTrue(stream.tokens[12].joiners.contains(.apostrophe))
    }

    func testAttachment_followsTheSpaces() {
        let units = Array("„Ja“, sagte er.".utf16)
        let stream = TokenStream(units: units)
        XCTAssertEqual(stream.tokens[0].joiners.intersection([.attachedBefore, .attachedAfter]), [.attachedAfter])
        XCTAssertEqual(stream.tokens[3].joiners.intersection([.attachedBefore, .attachedAfter]), [.attachedBefore])
        XCTAssertEqual(stream.tokens[4].joiners.intersection([.attachedBefore, .attachedAfter]), [])
        XCTAssertEqual(stream.tokens[6].joiners.intersection([.attachedBefore, .attachedAfter]), [.attachedBefore])
    }

    func testKeys_foldCaseAndApostropheButNotSharpS() {
        let units = Array("Müller MÜLLER müller don’t don't Straße Strasse".utf16)
        let stream = TokenStream(units: units)
        let keys = stream.tokens.map(\.key)
        XCTAssertEqual(keys[0], keys[1])
        XCTAssertEqual(keys[1], keys[2])
        XCTAssertEqual(keys[3], keys[4])
        XCTAssertNotEqual(keys[5], keys[6])
        XCTAssertEqual(stream.folded(stream.tokens[1]), "müller")
        XCTAssertEqual(stream.folded(stream.tokens[3]), "don't")
        XCTAssertEqual(stream.keys.count, 4)
        XCTAssertEqual(TokenStream.fold("L’ÉLYSÉE"), "l'élysée")
    }

    func testAssignSentences_fillsIndicesAndMarksPeriodsInsideASentence() {
        let text = "Brüssel – Dr. Müller kam am 3. Oktober. Er blieb."
        let units = Array(text.utf16)
        var stream = TokenStream(units: units)
        // The dateline („Brüssel – “) lies outside both sentences.
        stream.assignSentences([10..<39, 40..<49], units: units)
        XCTAssertEqual(stream.tokens[0].sentence, TextToken.noSentence)
        XCTAssertEqual(stream.tokens[1].sentence, TextToken.noSentence)
        let periods = stream.tokens.filter { units[$0.range.lowerBound] == 0x2E }
        XCTAssertEqual(periods.map { $0.joiners.contains(.innerPeriod) }, [true, true, false, false])
        XCTAssertEqual(periods.map(\.sentence), [0, 0, 0, 1])
        XCTAssertEqual(stream.tokens.last?.sentence, 1)
    }

    func testTokensInRange_leaveOutWordsCutByTheBounds() {
        let units = Array("Der NATO-Gipfel tagte".utf16)
        let stream = TokenStream(units: units)
        XCTAssertEqual(stream.tokens(in: 0..<10).map { stream.text(of: $0, in: units) }, ["Der"])
        XCTAssertEqual(stream.tokens(in: 4..<21).map { stream.text(of: $0, in: units) }, ["NATO-Gipfel", "tagte"])
        XCTAssertEqual(stream.tokens(in: 5..<21).map { stream.text(of: $0, in: units) }, ["tagte"])
        XCTAssertTrue(stream.tokens(in: 21..<21).isEmpty)
    }
}
