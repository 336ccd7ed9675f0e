import XCTest
@testable import KernsatzGlossary

final class TermExtractorTests: XCTestCase {
    func testExtract_emptyText_noCandidates() {
        var extractor = TermExtractor(matcher: nil)
        extractor.add(text: "", source: "leer")
        XCTAssertEqual(extractor.candidates(minimumCount: 1), [])
    }

    func testExtract_inflectedFormsCountTogether_underTheCommonestForm() {
        var extractor = TermExtractor(matcher: nil)
        extractor.add(text: "Die Rüstungsexportkontrolle wirkt.\nDie Rüstungsexportkontrolle hilft. Zwei Rüstungsexportkontrollen. Rüstungsexport braucht Kontrolle.", source: "a.txt")
        let first = extractor.candidates().first
        XCTAssertEqual(first?.text, "Rüstungsexportkontrolle")
        XCTAssertEqual(first?.count, 3)
        XCTAssertEqual(first?.kind, .compound)
        XCTAssertEqual(first?.context, "Die Rüstungsexportkontrolle wirkt.")
        XCTAssertEqual(first?.source, "a.txt")
    }

    func testExtract_termsTheGlossaryHas_inAnyForm_areLeftOut() {
        let matcher = TermMatcher(glossary: Glossary(entries: [GlossaryEntry(term: "Waffenstillstandsabkommen")]))
        var extractor = TermExtractor(matcher: matcher)
        extractor.add(text: "Das Waffenstillstandsabkommen. Des Waffenstillstandsabkommens. Die Europäische Kommission. Der Europäischen Kommission.", source: "a")
        XCTAssertEqual(extractor.candidates().map(\.text), ["Europäische Kommission"])
        XCTAssertEqual(extractor.candidates().first?.kind, .name)
    }

    func testExtract_sentenceStartersAndOnceSeenWords_areNoCandidates() {
        var extractor = TermExtractor(matcher: nil)
        extractor.add(text: "Die Regierung tagt. Die Regierung tagt. Einmalige Bundesverfassungsgerichtsentscheidung.", source: "a")
        XCTAssertEqual(extractor.candidates().map(\.text), [])
    }

    func testExtract_longSimpleWords_areNoCompounds() {
        var extractor = TermExtractor(matcher: nil)
        extractor.add(text: "Die Entscheidung fiel. Die Entscheidung gilt. Der Innenminister und der Innenminister. Innen sitzt der Minister.", source: "a")
        XCTAssertEqual(extractor.candidates().map(\.text), ["Innenminister"])
    }

    /// Texts whose candidates depend on one another: „Innenminister“ is a compound only once „innen“
    /// and „Minister“ were seen, which happens in another text than the ones that have it.
    static let collection = [
        "Der Innenminister sprach. Der Innenminister ging. Die NATO-Ostflankenstrategie.",
        "Innen sitzt der Minister. Die Europäische Kommission tagt.",
        "Die Europäische Kommission entschied. Des Innenministers Rede. Die Bundesverfassungsgerichtsentscheidung fiel.",
        "Der Europäischen Kommission Plan.\nDie Bundesverfassungsgerichtsentscheidung gilt. Das Gericht, die Verfassung, der Bund.",
        "Die NATO-Ostflankenstrategie wirkt. Innenminister Müller und die Europäische Kommission.",
        "Die Entscheidung fiel. Die Entscheidung gilt. Innenminister Müller sprach.",
    ]

    func testMerge_partsCountedApart_giveWhatOneExtractorGivenEveryTextInOrderGives() {
        var whole = TermExtractor(matcher: nil)
        for (n, text) in Self.collection.enumerated() {
            whole.add(units: Array(text.utf16), source: "t\(n)", order: n)
        }
        let expected = whole.candidates(minimumCount: 1)
        XCTAssertTrue(expected.contains { $0.text == "Innenminister" && $0.count == 4 && $0.source == "t0" }, "\(expected)")
        // Every way to deal the texts to two extractors (each in order), merged either way round.
        for mask in 0..<(1 << Self.collection.count) {
            var parts = [TermExtractor(matcher: nil), TermExtractor(matcher: nil)]
            for (n, text) in Self.collection.enumerated() {
                parts[(mask >> n) & 1].add(units: Array(text.utf16), source: "t\(n)", order: n)
            }
            var first = parts[0], second = parts[1]
            first.merge(parts[1])
            second.merge(parts[0])
            XCTAssertEqual(first.candidates(minimumCount: 1), expected, "texts dealt as \(mask)")
            XCTAssertEqual(second.candidates(minimumCount: 1), expected, "texts dealt as \(mask), merged the other way")
        }
        // Three parts, merged one after the other.
        var parts = [TermExtractor(matcher: nil), TermExtractor(matcher: nil), TermExtractor(matcher: nil)]
        for (n, text) in Self.collection.enumerated() { parts[(n * 2 + 1) % 3].add(units: Array(text.utf16), source: "t\(n)", order: n) }
        var total = parts[2]
        total.merge(parts[0])
        total.merge(parts[1])
        XCTAssertEqual(total.candidates(minimumCount: 1), expected)
    }

    func testMerge_withAnEmptyExtractor_changesNothing() {
        var extractor = TermExtractor(matcher: nil)
        for (n, text) in Self.collection.enumerated() { extractor.add(text: text, source: "t\(n)") }
        let before = extractor.candidates(minimumCount: 1)
        extractor.merge(TermExtractor(matcher: nil))
        XCTAssertEqual(extractor.candidates(minimumCount: 1), before)
        var empty = TermExtractor(matcher: nil)
        empty.merge(extractor)
        XCTAssertEqual(empty.candidates(minimumCount: 1), before)
    }

    func testExtract_asGlossary_writesValidTBXWithoutTargets() {
        var extractor = TermExtractor(matcher: nil)
        extractor.add(text: "NATO-Ostflankenstrategie und NATO-Ostflankenstrategie.", source: "a")
        let glossary = extractor.glossary()
        XCTAssertEqual(glossary.entries.map(\.term), ["NATO-Ostflankenstrategie"])
        let (back, problems) = GlossaryReader().parse(Array(TBXWriter.write(glossary).utf8), format: .tbx, source: "x.tbx")
        XCTAssertEqual(back?.entries.map(\.term), ["NATO-Ostflankenstrategie"])
        XCTAssertEqual(problems.map(\.kind), [.noTarget(term: "NATO-Ostflankenstrategie")])
    }

    func testGroupKey_foldedStraightFromTheUnits_isTheKeyOfTheFoldedText() {
        for text in ["Europäische Kommission", "Straße der Einheit", "ÄRZTEKAMMER Wien", "Kriegs\r\nparteien", "5µm Teile",
                     "Łódź Wojewodschaft", "Nachrichten  Dienst", "NATO-Gipfel"] {
            let units = Array(text.utf16)
            let direct = TermExtractor.groupKey(units, 0..<units.count)
            let folded = TermExtractor.groupKey(Fold.key(text))
            if let direct { XCTAssertEqual(direct, folded, text) }
            // Carriage returns, the micro sign and letters beyond Latin-1 take the way through the folded String.
            XCTAssertEqual(direct == nil, text.contains("\r") || text.contains("µ") || text.contains("Ł"), text)
        }
    }

    func testFoldedWordSet_findsWordsAsSetOfStringDoes() {
        let text = "Straße STRASSE Ärzte ärzte Café Cafe\u{301} Łódź Innenminister innen"
        let units = Array(text.utf16)
        var set = FoldedWordSet()
        var strings: Set<String> = []
        for token in TermTokens(units: units).tokens {
            set.insert(token, units)
            strings.insert(token.key(units))
        }
        for word in ["strasse", "ärzte", "a\u{308}rzte", "café", "łódź", "innen", "innenminister", "strass", "cafe", "ärzt"] {
            XCTAssertEqual(set.contains(word), strings.contains(word), word)
            if word.unicodeScalars.allSatisfy({ $0.value < 0x100 }) {
                XCTAssertEqual(set.contains(latin1: ArraySlice(word.unicodeScalars.map(\.value))), strings.contains(word), word)
            }
        }
        var other = FoldedWordSet()
        other.formUnion(set)
        for word in strings { XCTAssertTrue(other.contains(word), word) }
    }
}
