import XCTest
@testable import KernsatzGlossary

/// `glossary convert`'s writers: each format read back gives the entries it can hold.
final class GlossaryConvertTests: XCTestCase {
    /// Entries without their source lines (which differ between formats).
    func withoutLines(_ glossary: Glossary?) -> [GlossaryEntry] {
        (glossary?.entries ?? []).map { entry in
            var entry = entry
            entry.line = nil
            return entry
        }
    }

    func readBack(_ text: String, _ format: GlossaryOutputFormat, to: String = "en") -> (Glossary?, [GlossaryError]) {
        GlossaryReader(tsvTargetLanguage: to).parse(Array(text.utf8), format: format.readFormat, source: "back." + format.rawValue)
    }

    /// Hard cases in one glossary: markup characters, CSV separators and quotes, formula-like
    /// starts, a term without translations, two source terms of one concept, every status, target notes.
    static let hard = Glossary(entries: [
        GlossaryEntry(conceptID: "c7", term: "Rat & Tat <x>", partOfSpeech: "noun", definition: "„Hilfe“, \"schnell\"",
                      note: "zwei Zeilen, mit Komma",
                      targets: [TargetTerm(language: "en", term: "help", partOfSpeech: "noun", note: "=not a formula"),
                                TargetTerm(language: "en", term: "aid", status: .admitted),
                                TargetTerm(language: "en", term: "succour", status: .deprecated),
                                TargetTerm(language: "fr", term: "aide")]),
        GlossaryEntry(conceptID: "c7", term: "Hilfe", status: .admitted, partOfSpeech: "noun", definition: "„Hilfe“, \"schnell\"",
                      targets: [TargetTerm(language: "en", term: "help", partOfSpeech: "noun", note: "=not a formula"),
                                TargetTerm(language: "en", term: "aid", status: .admitted),
                                TargetTerm(language: "en", term: "succour", status: .deprecated),
                                TargetTerm(language: "fr", term: "aide")]),
        GlossaryEntry(conceptID: "t2", term: "-politik", status: .deprecated, targets: [TargetTerm(language: "en", term: "+policy")]),
        GlossaryEntry(conceptID: "t3", term: "Leerstelle"),
    ])

    // MARK: edge cases

    func testCSV_formulaLikeCells_getAnApostrophe_andReadBackWithout() {
        let csv = GlossaryOutputFormat.csv.write(Self.hard)
        XCTAssertTrue(csv.contains("\r\nt2,'-politik,'+policy,de,en,deprecated,preferred,"), csv)
        XCTAssertTrue(csv.contains(",'=not a formula\r\n"), csv)
        let (back, _) = readBack(csv, .csv)
        XCTAssertEqual(back?.entries.map(\.term), ["Rat & Tat <x>", "Hilfe", "-politik", "Leerstelle"])
        XCTAssertEqual(back?.entries[2].targets.map(\.term), ["+policy"])
    }

    func testCSV_lineBreakInANote_isQuotedAndKept() {
        let glossary = Glossary(entries: [GlossaryEntry(term: "Gipfel", note: "zwei\nZeilen", targets: [TargetTerm(language: "en", term: "summit")])])
        let csv = GlossaryOutputFormat.csv.write(glossary)
        XCTAssertTrue(csv.hasSuffix(",Gipfel,summit,de,en,preferred,preferred,,,,\"zwei\nZeilen\",\r\n"), csv)
        let (back, problems) = readBack(csv, .csv)
        XCTAssertEqual(problems, [])
        XCTAssertEqual(withoutLines(back), glossary.entries)
    }

    func testCSV_header_isWhatTranslateToolkitAndTheReaderRecognize() {
        let csv = GlossaryOutputFormat.csv.write(Glossary(entries: [GlossaryEntry(term: "Gipfel", targets: [TargetTerm(language: "en", term: "summit")])]))
        XCTAssertEqual(csv, "\u{FEFF}id,source,target,source language,target language,status,target status,pos,target pos,definition,note,target note\r\n"
                            + ",Gipfel,summit,de,en,preferred,preferred,,,,,\r\n")
    }

    func testCSVLong_targetWithoutLanguage_namesTheLine() {
        let text = "source,target,target language\nGipfel,summit,en\nKrieg,war,\n"
        let (glossary, problems) = GlossaryReader().parse(Array(text.utf8), format: .csv, source: "x.csv")
        XCTAssertEqual(glossary?.entries.map(\.term), ["Gipfel"])
        XCTAssertEqual(problems.map(\.description), ["x.csv:3: the target 'war' has no target language; fill in its 'target language' cell (en, fr, …)"])
    }

    func testCSVLong_otherSourceLanguage_isRefusedWithTheOption() {
        let text = "source,target,source language,target language\nsummit,Gipfel,en,de\n"
        let (_, problems) = GlossaryReader().parse(Array(text.utf8), format: .csv, source: "x.csv")
        XCTAssertEqual(problems.first?.description, "x.csv:2: the row's source language is 'en', but the glossary is read as 'de'; give --source-lang en")
    }

    func testTBX2008_idThatIsNoXMLID_getsAFreshOne_andNoConceptLosesItsOwn() {
        let xml = GlossaryOutputFormat.tbx2008.write(Glossary(entries: [
            GlossaryEntry(conceptID: "7 bad", term: "Gipfel", targets: [TargetTerm(language: "en", term: "summit")]),
            GlossaryEntry(term: "Frieden", targets: [TargetTerm(language: "en", term: "peace")]),
            GlossaryEntry(conceptID: "c1", term: "Krieg", targets: [TargetTerm(language: "en", term: "war")]),
        ]))
        let ids = xml.components(separatedBy: "<termEntry id=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
        XCTAssertEqual(ids, ["c2", "c3", "c1"])
    }

    func testOutputFormat_byExtension_andTBXAlias() {
        XCTAssertEqual(GlossaryOutputFormat(path: "g.tbx"), .tbx3)
        XCTAssertEqual(GlossaryOutputFormat(path: "glossary/g.utf8"), .tsv)
        XCTAssertEqual(GlossaryOutputFormat(path: "g.CSV"), .csv)
        XCTAssertNil(GlossaryOutputFormat(path: "g.docx"))
        XCTAssertNil(GlossaryOutputFormat(path: "-"))
    }

    // MARK: TBX 2008

    func testTBX2008_structure_martifTermEntryLangSetTig() {
        let xml = GlossaryOutputFormat.tbx2008.write(Self.hard)
        XCTAssertTrue(xml.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<martif type=\"TBX-Basic\" xml:lang=\"de\">\n"), xml)
        XCTAssertFalse(xml.contains("<!DOCTYPE"))
        XCTAssertEqual(xml.components(separatedBy: "<termEntry ").count - 1, 3)
        XCTAssertTrue(xml.contains("""
                    <langSet xml:lang="en">
                      <tig>
                        <term>help</term>
                        <termNote type="partOfSpeech">noun</termNote>
                        <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>
                        <note>=not a formula</note>
                      </tig>
            """), xml)
        XCTAssertTrue(xml.contains("<term>Rat &amp; Tat &lt;x&gt;</term>"))
        XCTAssertTrue(xml.contains("<termNote type=\"administrativeStatus\">deprecatedTerm-admn-sts</termNote>"))
    }

    // MARK: round trips (read → write → read gives the same entries)

    func testRoundTrip_hardCases_TBX3_TBX2008_CSV_keepEverything() {
        for format in [GlossaryOutputFormat.tbx3, .tbx2008, .csv] {
            let (back, problems) = readBack(format.write(Self.hard), format)
            XCTAssertEqual(problems.filter { !$0.isWarning }, [], "\(format)")
            XCTAssertEqual(problems.map(\.kind), [.noTarget(term: "Leerstelle")], "\(format)")
            XCTAssertEqual(withoutLines(back), Self.hard.entries, "\(format)")
        }
    }

    func testRoundTrip_shipped_TBX3_TBX2008_CSV_sameEntries() throws {
        let shipped = try ShippedGlossaries.glossary()
        XCTAssertGreaterThan(shipped.entries.count, 150)
        for format in [GlossaryOutputFormat.tbx3, .tbx2008, .csv] {
            let text = format.write(shipped)
            let (back, problems) = readBack(text, format)
            XCTAssertEqual(problems.filter { !$0.isWarning }, [], "\(format)")
            let expected = withoutLines(shipped)
            let got = withoutLines(back)
            XCTAssertEqual(got.count, expected.count, "\(format)")
            for (a, b) in zip(got, expected) where a != b { XCTFail("\(format): \(a) ≠ \(b)"); break }
            // And again: the written form is stable.
            XCTAssertEqual(format.write(back!), text.replacingOccurrences(of: shipped.name, with: back!.name), "\(format)")
        }
    }

    func testRoundTrip_TSV_readWriteRead_sameEntries() {
        let text = "Abschreckung\tdeterrence\tnoun\nAbschreckung\tdeterrent\tnoun\nNATO\tNATO\n# a comment\nGipfel\tsummit\tTreffen, \"hoch\"\n"
        let (first, problems) = GlossaryReader().parse(Array(text.utf8), format: .tsv, source: "a.tsv")
        XCTAssertEqual(problems, [])
        let written = GlossaryOutputFormat.tsv.write(first!)
        XCTAssertEqual(written, "Abschreckung\tdeterrence\tnoun\nAbschreckung\tdeterrent\t\nNATO\tNATO\t\nGipfel\tsummit\tTreffen, \"hoch\"\n")
        let (back, _) = readBack(written, .tsv)
        XCTAssertEqual(withoutLines(back), withoutLines(first))
    }

    func testTSV_fromTBX_keepsUsableTranslationsInOrder_deprecatedInComment() {
        let written = GlossaryOutputFormat.tsv.write(Self.hard, targetLanguage: "en")
        XCTAssertEqual(written.split(separator: "\n").first, "Rat & Tat <x>\thelp\tnoun; zwei Zeilen, mit Komma; not: succour")
        let (back, _) = readBack(written, .tsv)
        XCTAssertEqual(back?.entries.map(\.term), ["Rat & Tat <x>", "Hilfe", "-politik", "Leerstelle"])
        XCTAssertEqual(back?.entries[0].targets.map(\.term), ["help", "aid"])
        XCTAssertEqual(back?.entries[3].targets, [])
    }

    func testTSV_shipped_everyUsableEnglishTranslationKept() throws {
        let shipped = try ShippedGlossaries.glossary()
        let (back, problems) = readBack(GlossaryOutputFormat.tsv.write(shipped), .tsv)
        XCTAssertEqual(problems.filter { !$0.isWarning }, [])
        XCTAssertEqual(back?.entries.map(\.term), shipped.entries.map(\.term))
        XCTAssertEqual(back?.entries.map { $0.targets.map(\.term) }, shipped.entries.map { $0.targets(in: "en").map(\.term) })
    }
}
