import Foundation
import XCTest
@testable import KernsatzGlossary

/// Reading and writing glossary files; every problem named with file and line.
final class GlossaryFormatTests: XCTestCase {
    let reader = GlossaryReader()

    func parse(_ text: String, _ format: GlossaryFormat, source: String = "g") -> (Glossary?, [GlossaryError]) {
        reader.parse(Array(text.utf8), format: format, source: source)
    }

    // MARK: edge cases

    func testTSV_emptyFile_isAnError() {
        let (_, problems) = parse("", .tsv, source: "leer.tsv")
        XCTAssertEqual(problems.map(\.description), ["leer.tsv: cannot be read as a glossary (is empty (no text to process))"])
    }

    func testRead_missingFile_namesIt() {
        XCTAssertThrowsError(try reader.read(path: "/nonexistent/glossar.tbx")) { error in
            XCTAssertEqual("\(error)", "/nonexistent/glossar.tbx: cannot be read as a glossary (no such file)")
        }
    }

    func testRead_unknownExtension_saysWhichFormatsWork() {
        let (_, problems) = reader.check(path: "glossar.docx")
        XCTAssertEqual(problems.first?.kind, .unknownFormat("docx"))
        XCTAssertTrue(problems.first!.description.contains(".tbx, .tsv"))
    }

    // MARK: TSV (OmegaT)

    func testTSV_threeColumns_sourceTargetComment() throws {
        let (glossary, problems) = parse("Sicherheitsgarantie\tsecurity guarantee\tnoun\nNATO\tNATO\n", .tsv)
        XCTAssertEqual(problems, [])
        XCTAssertEqual(glossary?.entries.map(\.term), ["Sicherheitsgarantie", "NATO"])
        XCTAssertEqual(glossary?.entries[0].targets, [TargetTerm(language: "en", term: "security guarantee")])
        XCTAssertEqual(glossary?.entries[0].note, "noun")
        XCTAssertNil(glossary?.entries[1].note)
    }

    func testTSV_sameSourceTwice_isOneEntryWithTwoTranslations() throws {
        let (glossary, problems) = parse("Abschreckung\tdeterrence\t\nAbschreckung\tdeterrent\t\n", .tsv)
        XCTAssertEqual(problems, [])
        XCTAssertEqual(glossary?.entries.count, 1)
        XCTAssertEqual(glossary?.entries[0].targets.map(\.term), ["deterrence", "deterrent"])
        XCTAssertEqual(glossary?.entries[0].targets.map(\.status), [.preferred, .admitted])
    }

    func testTSV_badRows_everyProblemWithItsLine() {
        let text = "Gipfel\tsummit\n# comment\nnur eine Spalte\n\tleer\n a\tb\tc\td\nKrieg\n"
        let (glossary, problems) = parse(text, .tsv, source: "kaputt.tsv")
        XCTAssertEqual(glossary?.entries.map(\.term), ["Gipfel"])
        XCTAssertEqual(problems.map(\.line), [3, 4, 5, 6])
        XCTAssertEqual(problems[0].description, "kaputt.tsv:3: 1 column(s), expected 2 or 3 (source, target, comment); separate the columns with one tab (TSV) or comma (CSV)")
        XCTAssertEqual(problems[1].kind, .emptyTerm)
    }

    func testTSV_decomposedUmlaut_isComposed() throws {
        let (glossary, _) = parse("Bu\u{308}ndnistreue\talliance loyalty\n", .tsv)
        XCTAssertEqual(glossary?.entries[0].term, "Bündnistreue")
    }

    func testTSVWriter_threeTabSeparatedColumns_deprecatedInComment() {
        let glossary = Glossary(entries: [
            GlossaryEntry(term: "Waffenruhe", partOfSpeech: "noun", targets: [
                TargetTerm(language: "en", term: "ceasefire"), TargetTerm(language: "en", term: "truce", status: .admitted),
                TargetTerm(language: "en", term: "armistice", status: .deprecated), TargetTerm(language: "fr", term: "cessez-le-feu")]),
            GlossaryEntry(term: "Tab\tim Term", targets: [TargetTerm(language: "en", term: "x")]),
        ])
        XCTAssertEqual(TSVFormat.write(glossary, targetLanguage: "en"),
                       "Waffenruhe\tceasefire\tnoun; not: armistice\nWaffenruhe\ttruce\t\nTab im Term\tx\t\n")
    }

    // MARK: CSV

    func testCSV_headerNamesLanguages_quotedCommasAndLineBreaks() throws {
        let text = "de,en,fr,pos,status,note\nSicherheitsgarantie,security guarantee,garantie de sécurité,noun,preferred,\n\"Rat, Europäischer\",European Council,,noun,admitted,\"zwei\nZeilen\"\nGipfel,summit,sommet,noun,,\n"
        let (glossary, problems) = parse(text, .csv)
        XCTAssertEqual(problems, [])
        XCTAssertEqual(glossary?.entries.map(\.term), ["Sicherheitsgarantie", "Rat, Europäischer", "Gipfel"])
        XCTAssertEqual(glossary?.entries[0].targets.map(\.language), ["en", "fr"])
        XCTAssertEqual(glossary?.entries[1].status, .admitted)
        XCTAssertEqual(glossary?.entries[1].targets.count, 1)
        XCTAssertEqual(glossary?.entries.map(\.line), [2, 3, 5])
    }

    func testCSV_noSourceColumn_saysWhatTheHeaderNeeds() {
        let (_, problems) = parse("en,fr\nsummit,sommet\n", .csv, source: "x.csv")
        XCTAssertEqual(problems.first?.line, 1)
        XCTAssertTrue(problems.first!.description.hasPrefix("x.csv:1: no 'de' (or 'source') column"), problems.first!.description)
    }

    func testCSV_wrongColumnCount_namesTheLine() {
        let (_, problems) = parse("de,en\nGipfel,summit\nKrieg,war,extra\n", .csv, source: "x.csv")
        XCTAssertEqual(problems.map(\.line), [3])
        XCTAssertEqual(problems.first?.kind, .columns(found: 3, expected: "2 as in the header"))
    }

    // MARK: TBX

    static let tbx3 = """
        <?xml version="1.0" encoding="UTF-8"?>
        <tbx type="TBX-Basic" style="dca" xml:lang="de" xmlns="urn:iso:std:iso:30042:ed-2">
          <tbxHeader><fileDesc><sourceDesc><p>test</p></sourceDesc></fileDesc></tbxHeader>
          <text><body>
            <conceptEntry id="c1">
              <langSec xml:lang="de">
                <descrip type="definition">Zusage, ein Land zu schützen</descrip>
                <termSec><term>Sicherheitsgarantie</term><termNote type="partOfSpeech">noun</termNote>
                  <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec>
              </langSec>
              <langSec xml:lang="en">
                <termSec><term>security guarantee</term></termSec>
                <termSec><term>security assurance</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></termSec>
              </langSec>
              <langSec xml:lang="fr"><termSec><term>garantie de sécurité</term></termSec></langSec>
            </conceptEntry>
            <conceptEntry id="c2">
              <langSec xml:lang="en"><termSec><term>only English</term></termSec></langSec>
            </conceptEntry>
          </body></text>
        </tbx>
        """

    func testTBX3_conceptLanguagesTermsStatus() throws {
        let (glossary, problems) = parse(Self.tbx3, .tbx, source: "g.tbx")
        XCTAssertEqual(problems.map(\.kind), [.noSourceTerm(language: "de")])
        XCTAssertEqual(problems.first?.line, 18)
        let entry = try XCTUnwrap(glossary?.entries.first)
        XCTAssertEqual(glossary?.entries.count, 1)
        XCTAssertEqual(entry.term, "Sicherheitsgarantie")
        XCTAssertEqual(entry.conceptID, "c1")
        XCTAssertEqual(entry.partOfSpeech, "noun")
        XCTAssertEqual(entry.definition, "Zusage, ein Land zu schützen")
        XCTAssertEqual(entry.line, 8)
        XCTAssertEqual(entry.targets(in: "en").map(\.term), ["security guarantee"])
        XCTAssertEqual(entry.targets.map(\.status), [.preferred, .deprecated, .preferred])
        XCTAssertEqual(entry.targets(in: "fr").map(\.term), ["garantie de sécurité"])
    }

    func testTBX2008_martifTermEntryLangSetTig() throws {
        let text = """
            <?xml version="1.0"?>
            <martif type="TBX" xml:lang="de"><martifHeader><fileDesc><sourceDesc><p>x</p></sourceDesc></fileDesc></martifHeader>
            <text><body>
            <termEntry id="t1">
              <langSet xml:lang="de"><tig><term>Abschreckung</term><termNote type="partOfSpeech">noun</termNote></tig></langSet>
              <langSet xml:lang="en"><ntig><termGrp><term>deterrence</term></termGrp></ntig></langSet>
            </termEntry>
            </body></text></martif>
            """
        let (glossary, problems) = parse(text, .tbx)
        XCTAssertEqual(problems, [])
        XCTAssertEqual(glossary?.entries.map(\.term), ["Abschreckung"])
        XCTAssertEqual(glossary?.entries.first?.targets.map(\.term), ["deterrence"])
    }

    func testTBX_notWellFormed_namesTheLine() {
        let (_, problems) = parse("<tbx>\n<text>\n<body>\n</text>\n</tbx>\n", .tbx, source: "kaputt.tbx")
        let error = problems.first { $0.kind != .empty }
        XCTAssertNotNil(error)
        XCTAssertEqual(error?.line, 4)
        XCTAssertTrue(error!.description.hasPrefix("kaputt.tbx:4: not well-formed XML"), error!.description)
    }

    func testTBX_otherRoot_isNotTBX() {
        let (_, problems) = parse("<xliff version=\"2.0\"/>", .tbx, source: "a.xlf")
        XCTAssertEqual(problems.first?.kind, .notTBX(root: "xliff"))
    }

    func testTBX_externalEntity_isNotResolvedAndReported() throws {
        let secret = FileManager.default.temporaryDirectory.appendingPathComponent("kernsatz-secret-\(UUID().uuidString).txt")
        try "GEHEIMNIS-1234".write(to: secret, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: secret) }
        let text = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE tbx [ <!ENTITY x SYSTEM "file://\(secret.path)"> ]>
            <tbx type="TBX-Basic" style="dca" xml:lang="de" xmlns="urn:iso:std:iso:30042:ed-2">
              <tbxHeader><fileDesc><sourceDesc><p>x</p></sourceDesc></fileDesc></tbxHeader>
              <text><body><conceptEntry id="c1">
                <langSec xml:lang="de"><termSec><term>Geheim&x;</term></termSec></langSec>
                <langSec xml:lang="en"><termSec><term>secret</term></termSec></langSec>
              </conceptEntry></body></text>
            </tbx>
            """
        let (glossary, problems) = parse(text, .tbx, source: "boese.tbx")
        let everything = (glossary?.entries.map { $0.term + ($0.note ?? "") } ?? []).joined() + problems.map(\.description).joined()
        XCTAssertFalse(everything.contains("GEHEIMNIS"), everything)
        let entity = try XCTUnwrap(problems.first { $0.kind == .externalEntity("x") })
        XCTAssertEqual(entity.description, "boese.tbx:2: entity 'x' is not resolved (Kernsatz never reads DTDs or files a glossary names); write the text into the file")
    }

    func testTBXWriter_roundTrip_keepsTermsTargetsStatusAndEscapes() throws {
        let glossary = Glossary(entries: [
            GlossaryEntry(conceptID: "c7", term: "Rat & Tat <x>", partOfSpeech: "noun", definition: "„Hilfe“", note: "a \"note\"",
                          targets: [TargetTerm(language: "en", term: "help"), TargetTerm(language: "en", term: "aid", status: .deprecated)]),
            GlossaryEntry(conceptID: "c7", term: "Hilfe", status: .admitted, targets: [TargetTerm(language: "en", term: "help")]),
            GlossaryEntry(conceptID: "7 bad id", term: "Gipfel", targets: [TargetTerm(language: "fr", term: "sommet")]),
        ])
        let xml = TBXWriter.write(glossary)
        XCTAssertTrue(xml.contains("<tbx type=\"TBX-Basic\" style=\"dca\" xml:lang=\"de\" xmlns=\"urn:iso:std:iso:30042:ed-2\">"))
        XCTAssertTrue(xml.contains("<term>Rat &amp; Tat &lt;x&gt;</term>"))
        let (back, problems) = parse(xml, .tbx)
        XCTAssertEqual(problems, [])
        XCTAssertEqual(back?.entries.map(\.term), ["Rat & Tat <x>", "Hilfe", "Gipfel"])
        XCTAssertEqual(back?.entries.map(\.conceptID), ["c7", "c7", "c1"])
        XCTAssertEqual(back?.entries[0].targets.map(\.status), [.preferred, .deprecated])
        XCTAssertEqual(back?.entries[1].status, .admitted)
        XCTAssertEqual(back?.entries[0].definition, "„Hilfe“")
        XCTAssertEqual(back?.entries[0].note, "a \"note\"")
    }

    /// The LTAC good samples (in ../shared when present): every one reads without an error.
    func testTBX_sharedGoodSamples_read() throws {
        let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../shared/schemas/tbx-test-files").standardized
        let files = ["basic_good.tbx", "core_structure_good.tbx", "min_good.tbx"].map { dir.appendingPathComponent($0).path }
        guard files.allSatisfy(FileManager.default.fileExists) else { throw XCTSkip("../shared/schemas/tbx-test-files is not here") }
        for file in files {
            let (glossary, problems) = GlossaryReader(sourceLanguage: "en").check(path: file)
            XCTAssertEqual(problems.filter { !$0.isWarning }, [], file)
            XCTAssertGreaterThan(glossary?.entries.count ?? 0, 0, file)
        }
        let (_, bad) = GlossaryReader(sourceLanguage: "en").check(path: dir.appendingPathComponent("poorly_formed_xml.tbx").path)
        XCTAssertTrue(bad.contains { if case .malformedXML = $0.kind { return $0.line != nil } else { return false } })
    }

    func testShipped_readsWithoutErrors_andHasEntries() throws {
        let glossary = try ShippedGlossaries.glossary()
        XCTAssertGreaterThan(glossary.entries.count, 0)
        XCTAssertTrue(glossary.entries.allSatisfy { !$0.targets(in: "en").isEmpty })
    }
}
