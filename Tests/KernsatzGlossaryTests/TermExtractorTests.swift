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

    func testExtract_asGlossary_writesValidTBXWithoutTargets() {
        var extractor = TermExtractor(matcher: nil)
        extractor.add(text: "NATO-Ostflankenstrategie und NATO-Ostflankenstrategie.", source: "a")
        let glossary = extractor.glossary()
        XCTAssertEqual(glossary.entries.map(\.term), ["NATO-Ostflankenstrategie"])
        let (back, problems) = GlossaryReader().parse(Array(TBXWriter.write(glossary).utf8), format: .tbx, source: "x.tbx")
        XCTAssertEqual(back?.entries.map(\.term), ["NATO-Ostflankenstrategie"])
        XCTAssertEqual(problems.map(\.kind), [.noTarget(term: "NATO-Ostflankenstrategie")])
    }
}
