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

    func testToken_isTwelveBytesWithoutAStringOrASentenceIndex() {
        XCTAssertEqual(MemoryLayout<TextToken>.stride, 12)
    }

    func testWordLongerThanMaxLength_isCutIntoAttachedTokensOfMaxLength() {
        let long = String(repeating: "a", count: TextToken.maxLength * 2 + 5)
        let units = Array("x \(long) y".utf16)
        let stream = TokenStream(units: units)
        XCTAssertEqual(stream.tokens.map(\.length), [1, UInt32(TextToken.maxLength), UInt32(TextToken.maxLength), 5, 1])
        XCTAssertEqual(stream.tokens.map(\.start), [0, 2, UInt32(2 + TextToken.maxLength), UInt32(2 + 2 * TextToken.maxLength),
                                                    UInt32(units.count - 1)])
        XCTAssertTrue(stream.tokens[1].joiners.contains(.attachedAfter))
        XCTAssertTrue(stream.tokens[2].joiners.contains(.attachedBefore))
        XCTAssertFalse(stream.tokens[3].joiners.contains(.attachedAfter))
        XCTAssertTrue(stream.tokens[1...3].allSatisfy { $0.kind == .word })
    }

    func testWordOfSurrogatePairsNearMaxLength_neverSplitsAPair() {
        // 𝐀 (U+1D400) is a letter of two UTF-16 units: a cut falls between pairs.
        let long = String(repeating: "\u{1D400}", count: TextToken.maxLength / 2 + 3)
        let units = Array(long.utf16)
        let stream = TokenStream(units: units)
        XCTAssertEqual(stream.tokens.count, 2)
        XCTAssertEqual(stream.tokens[0].length, UInt32(TextToken.maxLength - 1))
        XCTAssertEqual(stream.tokens[0].length % 2, 0)
        XCTAssertEqual(stream.tokens[1].end, units.count)
    }

    func testTokenLength_readsBackWhatWasStored() {
        var token = TextToken(start: 7, length: UInt32(TextToken.maxLength), key: 3, kind: .number, joiners: [.period])
        XCTAssertEqual(token.length, UInt32(TextToken.maxLength))
        XCTAssertEqual(token.end, 7 + TextToken.maxLength)
        token.length = 4
        XCTAssertEqual(token.range, 7..<11)
        XCTAssertEqual(token.kind, .number)
        XCTAssertEqual(token.joiners, [.period])
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

    func testKeys_caseFoldAndApostrophe_sharpSAndSSMeet() {
        let units = Array("Müller MÜLLER müller don’t don't Straße STRASSE Strasse STRAẞE".utf16)
        let stream = TokenStream(units: units)
        let keys = stream.tokens.map(\.key)
        XCTAssertEqual(keys[0], keys[1])
        XCTAssertEqual(keys[1], keys[2])
        XCTAssertEqual(keys[3], keys[4])
        XCTAssertEqual(Set(keys[5...8]), [keys[5]])
        XCTAssertEqual(stream.folded(stream.tokens[1]), "müller")
        XCTAssertEqual(stream.folded(stream.tokens[3]), "don't")
        XCTAssertEqual(stream.folded(stream.tokens[5]), "strasse")
        XCTAssertEqual(stream.keys.count, 3)
        XCTAssertEqual(TokenStream.fold("L’ÉLYSÉE"), "l'élysée")
        XCTAssertEqual(TokenStream.fold("STRASSE"), TokenStream.fold("Straße"))
    }

    func testKeys_rareFoldings_finalSigmaLongSLigatureMicro_meetTheirPlainForms() {
        // ς → σ, ſ → s, ﬁ → fi, µ (U+00B5) → μ (U+03BC), ẞ → ss; each written form first once.
        let pairs = [("ΟΔΟΣ", "οδος"), ("οδοσ", "ΟΔΟΣ"), ("Meſſe", "Messe"), ("ﬁnden", "finden"),
                     ("µm", "μm"), ("μM", "µm"), ("GROẞ", "gross")]
        for (a, b) in pairs {
            let units = Array("\(a) \(b)".utf16)
            let stream = TokenStream(units: units)
            XCTAssertEqual(stream.tokens.count, 2, a)
            XCTAssertEqual(stream.tokens[0].key, stream.tokens[1].key, "\(a) / \(b)")
            XCTAssertEqual(stream.folded(stream.tokens[0]), TokenStream.fold(b), a)
        }
        XCTAssertEqual(TokenStream.fold("ΟΔΟΣ"), "οδοσ")
        XCTAssertEqual(TokenStream.fold("µ"), "\u{3BC}")
        XCTAssertEqual(TokenStream.fold("ﬁ"), "fi")
    }

    func testSentenceOfToken_aSentenceWithoutTokensAndATokenCrossingAnEnd_belongToNone() {
        // „Ja.“ | „ “ (no tokens) | „Nein“ cut by the end of the third range | „gut.“
        let units = Array("Ja. Nein gut.".utf16)
        var stream = TokenStream(units: units)
        stream.assignSentences([0..<3, 3..<4, 4..<6, 9..<13], units: units)
        XCTAssertEqual(stream.tokens.indices.map { stream.sentence(ofToken: $0) },
                       [0, 0, TextToken.noSentence, 3, 3])
        var unassigned = TokenStream(units: units)
        unassigned.assignSentences([], units: units)
        XCTAssertEqual(unassigned.sentence(ofToken: 0), TextToken.noSentence)
        XCTAssertEqual(TokenStream(units: units).sentence(ofToken: 0), TextToken.noSentence)
    }

    func testAssignSentences_fillsIndicesAndMarksPeriodsInsideASentence() {
        let text = "Brüssel – Dr. Müller kam am 3. Oktober. Er blieb."
        let units = Array(text.utf16)
        var stream = TokenStream(units: units)
        // The dateline („Brüssel – “) lies outside both sentences.
        stream.assignSentences([10..<39, 40..<49], units: units)
        XCTAssertEqual(stream.sentence(ofToken: 0), TextToken.noSentence)
        XCTAssertEqual(stream.sentence(ofToken: 1), TextToken.noSentence)
        let periods = stream.tokens.indices.filter { units[stream.tokens[$0].range.lowerBound] == 0x2E }
        XCTAssertEqual(periods.map { stream.tokens[$0].joiners.contains(.innerPeriod) }, [true, true, false, false])
        XCTAssertEqual(periods.map { stream.sentence(ofToken: $0) }, [0, 0, 0, 1])
        XCTAssertEqual(stream.sentence(ofToken: stream.tokens.count - 1), 1)
        XCTAssertEqual(stream.sentence(ofToken: stream.tokens.count), TextToken.noSentence)
    }

    func testTokensInRange_leaveOutWordsCutByTheBounds() {
        let units = Array("Der NATO-Gipfel tagte".utf16)
        let stream = TokenStream(units: units)
        XCTAssertEqual(stream.tokens(in: 0..<10).map { stream.text(of: $0, in: units) }, ["Der"])
        XCTAssertEqual(stream.tokens(in: 4..<21).map { stream.text(of: $0, in: units) }, ["NATO-Gipfel", "tagte"])
        XCTAssertEqual(stream.tokens(in: 5..<21).map { stream.text(of: $0, in: units) }, ["tagte"])
        XCTAssertTrue(stream.tokens(in: 21..<21).isEmpty)
    }

    // MARK: the key table (`FoldTable`)

    func testKeys_numberedByFirstAppearance_equalForCaseVariants_distinctOtherwise() {
        let units = Array("NATO nato Nato Gipfel GIPFEL , Straße STRASSE strasse Maß".utf16)
        let stream = TokenStream(units: units)
        XCTAssertEqual(stream.tokens.map(\.key), [0, 0, 0, 1, 1, 2, 3, 3, 3, 4])
        XCTAssertEqual(Array(stream.keys), ["nato", "gipfel", ",", "strasse", "mass"])
        XCTAssertEqual(stream.keyCount, 5)
        XCTAssertEqual(Array(stream.keys.units(of: 3)), Array("strasse".utf16))
    }

    func testKeys_beyondLatin1_foldAsTokenStreamFoldDoes() {
        // Greek and Cyrillic capitals, Latin Extended-A, a title-case digraph, dotted capital I.
        let words = ["ΑΘΗΝΑ", "αθηνα", "МОСКВА", "москва", "ŁÓDŹ", "łódź", "ǅemal", "İstanbul", "Ÿ", "ÿ"]
        let units = Array(words.joined(separator: " ").utf16)
        let stream = TokenStream(units: units)
        XCTAssertEqual(stream.tokens.count, words.count)
        for (token, word) in zip(stream.tokens, words) {
            XCTAssertEqual(stream.folded(token), TokenStream.fold(word), word)
        }
        let keys = stream.tokens.map(\.key)
        XCTAssertEqual(keys[0], keys[1])
        XCTAssertEqual(keys[2], keys[3])
        XCTAssertEqual(keys[4], keys[5])
        XCTAssertEqual(keys[8], keys[9])
        XCTAssertEqual(Set(keys).count, 6)
    }

    func testKeys_canonicallyEquivalentForms_shareAKey() {
        // „é“ precomposed and as e + U+0301 (text that is not NFC), either one first.
        for words in [["Café", "Cafe\u{301}", "CAFE\u{301}"], ["cafe\u{301}", "CAFÉ", "café"]] {
            let units = Array(words.joined(separator: " ").utf16)
            let stream = TokenStream(units: units)
            XCTAssertEqual(stream.tokens.count, 3)
            XCTAssertEqual(Set(stream.tokens.map(\.key)), [0], "\(words)")
            XCTAssertEqual(stream.folded(stream.tokens[2]), TokenStream.fold(words[0]))
        }
    }

    func testKeys_loneSurrogate_isReplacementCharacterSymbol() {
        let units: [UInt16] = [0x61, 0x20, 0xD800, 0x20, 0xDC00, 0x20, 0x41]
        let stream = TokenStream(units: units)
        XCTAssertEqual(stream.tokens.map(\.kind), [.word, .symbol, .symbol, .word])
        XCTAssertEqual(stream.tokens.map(\.key), [0, 1, 1, 0])
        XCTAssertEqual(stream.folded(stream.tokens[1]), "\u{FFFD}")
    }

    func testKeys_manyDistinctForms_growTheTablesAndStayDistinct() {
        // 5,000 distinct three-letter words (more than the tables first hold), then 100 in capitals.
        let letters: [Character] = Array("abcdefghijklmnopqrstuvwxyz")
        let words: [String] = (0..<5_000).map { (n: Int) -> String in
            String([letters[n / 676], letters[n / 26 % 26], letters[n % 26]])
        }
        let capitals: [String] = words.prefix(100).map { $0.uppercased() }
        let units: [UInt16] = Array((words + capitals).joined(separator: " ").utf16)
        let stream = TokenStream(units: units)
        XCTAssertEqual(stream.keyCount, 5_000)
        let expected: [UInt32] = (0..<5_000).map { UInt32($0) } + (0..<100).map { UInt32($0) }
        XCTAssertEqual(stream.tokens.map { (token: TextToken) -> UInt32 in token.key }, expected)
        XCTAssertEqual(stream.keys[4_999], words[4_999])
    }
}
