import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Kernsatz
import KernsatzWorksheet
import XCTest

/// XLIFF 2.1 (+ glossary module) and XLIFF 1.2 worksheets: well-formed, ids that resolve, terms
/// marked, hostile text escaped, and (when xmllint and ../shared are there) schema-valid.
///
/// With KERNSATZ_XLIFF_OUT=<dir> the worksheets are also written there for checking by hand:
/// <name>.xliff2.xlf and <name>.xliff12.xlf for seed and hostile (and hand, empty when xmllint runs).
final class XLIFFWriterTests: XCTestCase {
    // MARK: fixtures

    static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let schemas = repoRoot.deletingLastPathComponent().appendingPathComponent("shared/schemas")

    /// Markup, spreadsheet formulas, XML specials and characters XML forbids, one per line; from
    /// the brief's list of what news agencies' feeds have been seen to carry.
    static let hostile = [
        "<script>alert(1)</script>",
        "=SUM(A1:A9)",
        "+49 30 1234",
        "-Minus",
        "@user",
        "a & b < c > d \"e\" 'f'",
        "Ende ]]> der Daten.",
        "Steuerzeichen \u{01} hier und \u{FFFE} dort.",
        "Ein &amp; steht hier wörtlich.",
        "Ein <mrk id=\"x\"> steht hier wörtlich.",
        "Emoji 😀🇺🇦 und Arabisch: مرحبا بالعالم und Hebräisch: שלום.",
        "Die Sicherheitsgarantien gelten. " + String(repeating: "Sehr lange Zeile ohne Ende ", count: 400) + "Schluss.",
    ].joined(separator: "\n\n")

    func analysis(_ text: String) throws -> Analysis {
        try Pipeline(options: PipelineOptions(language: "de")).analyze(text, source: "t.txt")
    }

    func shippedBuilder() throws -> WorksheetBuilder {
        try WorksheetBuilder(options: WorksheetOptions(targetLanguage: "en", glossaryNames: ["shipped"]),
                             matcher: TermMatcher(glossary: ShippedGlossaries.glossary()))
    }

    func seedSheet() throws -> Worksheet {
        let url = Self.repoRoot.appendingPathComponent("Samples/de/nato-rutte-2025-12-23.txt")
        let text = try String(contentsOf: url, encoding: .utf8)
        return try shippedBuilder().build(analysis(text), source: "nato-rutte-2025-12-23.txt")
    }

    func hostileSheet() throws -> Worksheet {
        try shippedBuilder().build(analysis(Self.hostile), source: "hostile <&> \"file\".txt")
    }

    /// A worksheet made by hand: one term with a preferred, an admitted and a deprecated
    /// translation, a Cyrillic name, a number with its rendering and a quote with its speaker.
    func handSheet() -> Worksheet {
        var segment = Segment(id: 1, kind: .paragraph, block: 1,
                              source: "„Wir brauchen Sicherheitsgarantien“, sagte Путин über 1,1 Millionen.", counts: Counts(words: 8, characters: 62))
        segment.terms = [TermMark(start: 14, end: 34, text: "Sicherheitsgarantien", entry: "g1", match: .inflected)]
        segment.entities = [EntityMark(start: 43, end: 48, text: "Путин", type: .person, latin: "Putin")]
        segment.measures = [MeasureMark(start: 54, end: 67, text: "1,1 Millionen", kind: .number, rendering: "1.1 million")]
        segment.quotes = [QuoteMark(start: 1, end: 34, text: "Wir brauchen Sicherheitsgarantien", kind: .direct, speaker: "Путин")]
        segment.inSummary = true
        var second = Segment(id: 2, kind: .heading, block: 2, source: "Sicherheitsgarantie & Abschreckung", counts: Counts(words: 2, characters: 33))
        second.terms = [TermMark(start: 0, end: 19, text: "Sicherheitsgarantie", entry: "g1", match: .exact),
                        TermMark(start: 22, end: 34, text: "Abschreckung", entry: "g2", match: .exact)]
        let guarantee = GlossaryItem(id: "g1", term: "Sicherheitsgarantie", definition: "Zusage <militärischen> Beistands",
                                     translations: [Translation(term: "security guarantee", status: .preferred),
                                                    Translation(term: "security assurance", status: .admitted),
                                                    Translation(term: "safety guarantee", status: .deprecated, note: "not in defence")],
                                     segments: [1, 2])
        // No approved translation and no definition: the glossary module has no valid entry for it.
        let deterrence = GlossaryItem(id: "g2", term: "Abschreckung", translations: [Translation(term: "scare", status: .deprecated)], segments: [2])
        return Worksheet(source: "hand.txt", sourceLanguage: "de", languageIdentified: false, targetLanguage: "en_GB",
                         metadata: [Field(key: "title", value: "Rutte \u{01}& Co")], date: "2025-12-23",
                         counts: Counts(words: 10, characters: 95), summary: [1], segments: [segment, second],
                         glossary: [guarantee, deterrence], glossaries: ["shipped"])
    }

    // MARK: edge cases

    func testEmptyWorksheet_XLIFF2_hasOneUntranslatableUnitSinceAFileNeedsAUnitWithASegment() throws {
        let sheet = Worksheet(source: "-", sourceLanguage: "de", languageIdentified: true, targetLanguage: "en")
        let xml = XLIFF2Writer.write(sheet)
        let doc = try XMLSummary(xml)
        XCTAssertEqual(doc.count("unit"), 1)
        XCTAssertEqual(doc.elements.first { $0.name == "unit" }?.attributes, ["id": "u0", "name": "empty", "translate": "no"])
        XCTAssertEqual(doc.sources, [""])
        XCTAssertEqual(doc.count("target"), 0)
        XCTAssertTrue(xml.contains("<note category=\"counts\">counts: total 0 words, 0 characters; 0 segments</note>"), xml)
        XCTAssertTrue(xml.hasSuffix("</xliff>\n"))
    }

    func testOneSegmentWorksheet_countsNote_saysSegmentInTheSingular() throws {
        let sheet = try WorksheetFixtures.sheet("Die Lage ist ernst.", source: "t.txt")
        XCTAssertEqual(sheet.segments.count, 1)
        for xml in [XLIFF2Writer.write(sheet), XLIFF12Writer.write(sheet)] {
            XCTAssertTrue(xml.contains("counts: total 4 words, 16 characters; 1 segment</note>"), xml)
        }
    }

    func testEmptyWorksheet_XLIFF12_hasAnEmptyBody() throws {
        let sheet = Worksheet(source: "-", sourceLanguage: "de", languageIdentified: true, targetLanguage: "en")
        let xml = XLIFF12Writer.write(sheet)
        let doc = try XMLSummary(xml)
        XCTAssertEqual(doc.count("trans-unit"), 0)
        XCTAssertEqual(doc.count("body"), 1)
        XCTAssertTrue(xml.contains("\n    <body/>\n"), xml)
        XCTAssertTrue(xml.hasSuffix("</xliff>\n"))
    }

    func testLanguageTagsBecomeXMLLanguagesAndNonsenseBecomesUnd() {
        var sheet = handSheet()
        sheet.sourceLanguage = "de-DE"
        XCTAssertTrue(XLIFF2Writer.write(sheet).contains(#"srcLang="de-DE" trgLang="en-GB">"#))
        sheet.sourceLanguage = "not a tag"
        XCTAssertTrue(XLIFF12Writer.write(sheet).contains(#"source-language="und" target-language="en-GB""#))
    }

    func testCharactersXMLForbidsAreDroppedFromEveryPieceOfText() throws {
        var sheet = handSheet()
        sheet.segments[1].source = "Sicherheitsgarantie \u{01}\u{FFFE}Abschreckung"
        sheet.teaser = "Vor\u{0B}spann"
        for xml in [XLIFF2Writer.write(sheet), XLIFF12Writer.write(sheet)] {
            XCTAssertFalse(xml.unicodeScalars.contains { $0.value == 0x01 || $0.value == 0x0B || $0.value == 0xFFFE })
            let doc = try XMLSummary(xml)
            XCTAssertEqual(doc.sources.last, "Sicherheitsgarantie Abschreckung")
            XCTAssertTrue(xml.contains("Rutte &amp; Co"))
            XCTAssertTrue(xml.contains("teaser: Vorspann"))
        }
    }

    // MARK: XLIFF 2.1

    func testXLIFF2_marksTermsAndPointsGlossaryEntriesAtTheirMarks() throws {
        let xml = XLIFF2Writer.write(handSheet())
        XCTAssertTrue(xml.contains(##"<source xml:space="preserve">„Wir brauchen <mrk id="m1_1" type="term" ref="#gls=ge1_1">Sicherheitsgarantien</mrk>“, sagte Путин über 1,1 Millionen.</source>"##), xml)
        XCTAssertTrue(xml.contains("""
                    <gls:glossEntry id="ge1_1" ref="#m1_1">
                      <gls:term source="shipped">Sicherheitsgarantie</gls:term>
                      <gls:translation source="shipped">security guarantee</gls:translation>
                      <gls:translation source="shipped">security assurance</gls:translation>
                      <gls:definition source="shipped">Zusage &lt;militärischen&gt; Beistands</gls:definition>
                    </gls:glossEntry>
            """), xml)
        // The deprecated translation is never a gls:translation, but a note.
        XCTAssertFalse(xml.contains(">safety guarantee<"))
        XCTAssertTrue(xml.contains(#"<note category="do-not-use">do not use: safety guarantee (for Sicherheitsgarantie): not in defence</note>"#), xml)
        // A term without approved translation or definition: a mark without ref, no entry, a note.
        XCTAssertTrue(xml.contains(#"<mrk id="m2_2" type="term">Abschreckung</mrk>"#), xml)
        XCTAssertFalse(xml.contains("ge2_2"))
        XCTAssertTrue(xml.contains("term: Abschreckung (glossary: Abschreckung): no approved translation into en-GB"), xml)

        let doc = try XMLSummary(xml)
        XCTAssertEqual(doc.mrkTexts, ["Sicherheitsgarantien", "Sicherheitsgarantie", "Abschreckung"])
        XCTAssertEqual(doc.sources, handSheet().segments.map(\.source))
        try assertReferencesResolve(doc)
    }

    func testXLIFF2_unitNotesCarryCountsNamesNumbersAndQuotesInSchemaOrder() throws {
        let xml = XLIFF2Writer.write(handSheet())
        let unit = try XCTUnwrap(xml.range(of: #"<unit id="u1" name="paragraph" type="kz:paragraph">"#).map { String(xml[$0.lowerBound...]) })
        for expected in [#"<note category="counts">counts: 8 words, 62 characters; in the summary</note>"#,
                         #"<note category="name">name: Путин (PER), Latin: Putin</note>"#,
                         #"<note category="number">number: 1,1 Millionen → en-GB: 1.1 million</note>"#,
                         #"<note category="quote">quote (direct, speaker: Путин): Wir brauchen Sicherheitsgarantien</note>"#] {
            XCTAssertTrue(unit.contains(expected), expected)
        }
        // gls:glossary, then notes, then segment (the unit's content model).
        let order = ["<gls:glossary>", "<notes>", "<segment id=\"s1\">", "<target/>", "</unit>"].map { unit.range(of: $0)?.lowerBound }
        XCTAssertEqual(order.compactMap { $0 }.count, 5)
        XCTAssertEqual(order.compactMap { $0 }, order.compactMap { $0 }.sorted())
        // File notes come before the first unit.
        let header = try XCTUnwrap(xml.range(of: "<unit ")).lowerBound
        XCTAssertTrue(xml[..<header].contains(#"<note category="summary">summary (segments 1): „Wir brauchen"#))
        XCTAssertTrue(xml[..<header].contains(#"<note category="metadata">metadata title: Rutte &amp; Co</note>"#))
    }

    func testXLIFF2_seedMarksBuendnistreueAndSicherheitsgarantien() throws {
        let sheet = try seedSheet()
        let xml = XLIFF2Writer.write(sheet)
        try export(xml, "seed.xliff2.xlf")
        let doc = try XMLSummary(xml)
        XCTAssertTrue(doc.mrkTexts.contains("Bündnistreue"), "\(doc.mrkTexts)")
        XCTAssertTrue(doc.mrkTexts.contains("Sicherheitsgarantien"), "\(doc.mrkTexts)")
        XCTAssertEqual(doc.count("unit"), Self.blocks(sheet).count)
        XCTAssertEqual(doc.count("segment"), sheet.segments.count)
        XCTAssertEqual(doc.sources, sheet.segments.map(\.source))
        XCTAssertEqual(doc.count("target"), sheet.segments.count)
        XCTAssertTrue(doc.targets.allSatisfy(\.isEmpty))
        try assertReferencesResolve(doc)
        XCTAssertEqual(XLIFF2Writer.write(sheet), xml, "the same worksheet gives the same bytes")
    }

    // MARK: XLIFF 1.2

    func testXLIFF12_marksTermsWithMtypeAndPutsGlossaryInNotes() throws {
        let xml = XLIFF12Writer.write(handSheet())
        XCTAssertTrue(xml.contains(#"<mrk mtype="term" mid="m1_1" comment="Sicherheitsgarantie → security guarantee; security assurance">Sicherheitsgarantien</mrk>"#), xml)
        XCTAssertTrue(xml.contains(#"<mrk mtype="term" mid="m2_2" comment="Abschreckung → no approved translation">Abschreckung</mrk>"#), xml)
        XCTAssertTrue(xml.contains(#"<note from="kernsatz" priority="2">term: Sicherheitsgarantien (glossary: Sicherheitsgarantie) → security guarantee; security assurance (admitted)</note>"#), xml)
        XCTAssertTrue(xml.contains(#"<note from="kernsatz" priority="1">do not use: safety guarantee (for Sicherheitsgarantie): not in defence</note>"#), xml)
        XCTAssertTrue(xml.contains(#"<note from="kernsatz" priority="1">do not use: scare (for Abschreckung)</note>"#), xml)
        XCTAssertTrue(xml.contains("""
                      <target state="needs-translation">„Wir brauchen Sicherheitsgarantien“, sagte Путин über 1,1 Millionen.</target>
                      <count-group name="s1">
                        <count count-type="total" unit="word">8</count>
                        <count count-type="total" unit="character">62</count>
                      </count-group>
            """), xml)
        let doc = try XMLSummary(xml)
        XCTAssertEqual(doc.elements.filter { $0.name == "trans-unit" }.map { $0.attributes["id"] }, ["1", "2"])
        XCTAssertEqual(doc.mrkTexts, ["Sicherheitsgarantien", "Sicherheitsgarantie", "Abschreckung"])
        XCTAssertEqual(doc.sources, handSheet().segments.map(\.source))
        // Count-group names are keys of the file: all different.
        let names = doc.elements.filter { $0.name == "count-group" }.compactMap { $0.attributes["name"] }
        XCTAssertEqual(names, ["total", "s1", "s2"])
    }

    func testXLIFF12_seedHasOneTransUnitPerSegmentWithItsSourceAsTargetNeedingTranslation() throws {
        let sheet = try seedSheet()
        let xml = XLIFF12Writer.write(sheet)
        try export(xml, "seed.xliff12.xlf")
        let doc = try XMLSummary(xml)
        XCTAssertEqual(doc.count("trans-unit"), sheet.segments.count)
        XCTAssertEqual(doc.sources, sheet.segments.map(\.source))
        XCTAssertTrue(doc.mrkTexts.contains("Bündnistreue"), "\(doc.mrkTexts)")
        XCTAssertTrue(doc.mrkTexts.contains("Sicherheitsgarantien"), "\(doc.mrkTexts)")
        XCTAssertEqual(doc.elements.filter { $0.name == "target" }.map { $0.attributes["state"] },
                       Array(repeating: "needs-translation", count: sheet.segments.count))
        // OmegaT 3.6 translates the target: it holds the source as plain text, without marks.
        XCTAssertEqual(doc.targets, sheet.segments.map(\.source))
        XCTAssertFalse(xml.contains("<target state=\"needs-translation\"><mrk"))
    }

    // MARK: blocks and skeleton

    /// The blocks the files group segments by: a block's segments, the dateline one of its own.
    static func blocks(_ sheet: Worksheet) -> [(kind: SegmentKind, ids: [Int])] {
        var blocks: [(kind: SegmentKind, ids: [Int])] = []
        var last: (block: Int, dateline: Bool)?
        for segment in sheet.segments {
            let key = (segment.block, segment.kind == .dateline)
            if let last, last == key, !key.1 {
                blocks[blocks.count - 1].ids.append(segment.id)
                blocks[blocks.count - 1].kind = segment.kind
            } else {
                blocks.append((segment.kind, [segment.id]))
            }
            last = key
        }
        return blocks
    }

    /// For each group (1.2) or unit (2.1): its attributes and the ids of the segments inside, in order.
    static func containers(_ doc: XMLSummary, _ container: String, _ member: String) -> [(attributes: [String: String], ids: [String])] {
        var result: [(attributes: [String: String], ids: [String])] = []
        for element in doc.elements {
            if element.name == container { result.append((element.attributes, [])) }
            if element.name == member, !result.isEmpty { result[result.count - 1].ids.append(element.attributes["id"] ?? "") }
        }
        return result
    }

    func testXLIFF12_seed_hasOneGroupPerBlockInOrder_theDatelineAGroupOfItsOwn() throws {
        let sheet = try seedSheet()
        let doc = try XMLSummary(XLIFF12Writer.write(sheet))
        let groups = Self.containers(doc, "group", "trans-unit")
        let blocks = Self.blocks(sheet)
        XCTAssertEqual(groups.map { $0.attributes["id"] }, (1...blocks.count).map { "b\($0)" })
        XCTAssertEqual(groups.map { $0.attributes["restype"] }, blocks.map { "x-\($0.kind.rawValue)" })
        XCTAssertEqual(groups.map(\.ids), blocks.map { $0.ids.map(String.init) })
        XCTAssertEqual(Array(groups.map(\.attributes).prefix(3).map { $0["restype"] }), ["x-teaser", "x-dateline", "x-paragraph"])
        XCTAssertEqual(groups[2].ids, ["3", "4", "5", "6"])
        XCTAssertEqual(groups.flatMap(\.ids), sheet.segments.map { String($0.id) }, "every segment once, in order")
    }

    func testXLIFF2_seed_hasOneUnitPerBlockWithItsSegments_andNotesSayWhichSegment() throws {
        let sheet = try seedSheet()
        let xml = XLIFF2Writer.write(sheet)
        let doc = try XMLSummary(xml)
        let units = Self.containers(doc, "unit", "segment")
        let blocks = Self.blocks(sheet)
        XCTAssertEqual(units.map { $0.attributes["id"] }, (1...blocks.count).map { "u\($0)" })
        XCTAssertEqual(units.map { $0.attributes["name"] }, blocks.map(\.kind.rawValue))
        XCTAssertEqual(units.map { $0.attributes["type"] }, blocks.map { "kz:\($0.kind.rawValue)" })
        XCTAssertEqual(units.flatMap(\.ids), sheet.segments.map { "s\($0.id)" }, "every segment once, in order")
        XCTAssertEqual(units[2].ids, ["s3", "s4", "s5", "s6"])
        // A unit of several segments: each note names its segment; a unit of one: as before.
        XCTAssertTrue(xml.contains(#"<note category="counts">segment 3: counts: 22 words, 156 characters; in the summary</note>"#), xml)
        XCTAssertTrue(xml.contains(#"<note category="name">segment 4: name: Wladimir Putin (PER)</note>"#), xml)
        XCTAssertTrue(xml.contains(#"<note category="counts">counts: 1 word, 7 characters</note>"#), xml)
        try assertReferencesResolve(doc)
    }

    func testBothFormats_carryTheSkeletonFirst_asTheWorksheetRendersIt() throws {
        let sheet = try seedSheet()
        let skeleton = try XCTUnwrap(sheet.skeleton).render()
        let xliff2 = XLIFF2Writer.write(sheet)
        let doc2 = try XMLSummary(xliff2)
        XCTAssertEqual(doc2.skeletons, [skeleton])
        // First child of file (the schema's order).
        let file = try XCTUnwrap(doc2.elements.firstIndex { $0.name == "file" })
        XCTAssertEqual(doc2.elements[file + 1].name, "skeleton")
        let xliff12 = XLIFF12Writer.write(sheet)
        let doc12 = try XMLSummary(xliff12)
        XCTAssertEqual(doc12.skeletons, [skeleton])
        let header = try XCTUnwrap(doc12.elements.firstIndex { $0.name == "header" })
        XCTAssertEqual(doc12.elements[(header + 1)...].prefix(3).map(\.name), ["skl", "internal-file", "tool"])
        XCTAssertEqual(doc12.elements[header + 2].attributes, ["form": "text/plain"])
        XCTAssertTrue(xliff12.contains("<internal-file form=\"text/plain\">kernsatz-skeleton 1 text\n date 2025-12-23 {kz:1}\n\n{kz:2} – {kz:3}"), xliff12)
    }

    func testSkeletonWithBracesAndMarkup_isEscapedAndReadsBackTheSame() throws {
        let text = "---\ntitle: <b>{x}</b> & ]]>\n---\n\nDie Lage ist ernst.\n\n{Kasten} Mehr dazu.\n"
        let sheet = try shippedBuilder().build(analysis(text), source: "b.txt")
        let skeleton = try XCTUnwrap(sheet.skeleton).render()
        XCTAssertTrue(skeleton.contains("title: <b>{{x}</b> & ]]>"), skeleton)
        for xml in [XLIFF2Writer.write(sheet), XLIFF12Writer.write(sheet)] {
            XCTAssertTrue(xml.contains("title: &lt;b&gt;{{x}&lt;/b&gt; &amp; ]]&gt;"), xml)
            XCTAssertEqual(try XMLSummary(xml).skeletons, [skeleton])
        }
    }

    func testWorksheetWithoutSkeleton_getsTheTextLayoutOfItsBlocks() throws {
        let sheet = handSheet()
        XCTAssertNil(sheet.skeleton)
        let expected = "kernsatz-skeleton 1 text\n---\ntitle: Rutte \u{01}& Co\n---\n\n{kz:1}\n\n{kz:2}\n"
        XCTAssertEqual(sheet.skeletonOrLayout.render(), expected)
        // XML cannot hold U+0001: it is dropped, as from every other text.
        let legal = expected.replacingOccurrences(of: "\u{01}", with: "")
        XCTAssertEqual(try XMLSummary(XLIFF2Writer.write(sheet)).skeletons, [legal])
        XCTAssertEqual(try XMLSummary(XLIFF12Writer.write(sheet)).skeletons, [legal])
    }

    // MARK: hostile input

    func testHostileInputIsEscapedAndSurvivesAsTextInBothFormats() throws {
        let sheet = try hostileSheet()
        XCTAssertGreaterThanOrEqual(sheet.segments.count, 10, "\(sheet.segments.map(\.source))")
        for (name, xml) in [("hostile.xliff2.xlf", XLIFF2Writer.write(sheet)), ("hostile.xliff12.xlf", XLIFF12Writer.write(sheet))] {
            try export(xml, name)
            let doc = try XMLSummary(xml)
            XCTAssertEqual(doc.count("mrk"), sheet.segments.map(\.terms.count).reduce(0, +), name)
            XCTAssertEqual(doc.mrkTexts.first, "Sicherheitsgarantien", name)
            // What the parser reads back is the segment's text, less what XML cannot hold.
            let legal = sheet.segments.map { String(String.UnicodeScalarView($0.source.unicodeScalars.filter { $0.value != 0x01 && $0.value != 0xFFFE })) }
            XCTAssertEqual(doc.sources, legal, name)
            XCTAssertTrue(doc.sources.contains { $0.contains("<script>alert(1)</script>") }, name)
            XCTAssertTrue(doc.sources.contains { $0.contains("Ein &amp; steht") }, name)
            XCTAssertTrue(doc.sources.contains { $0.contains("<mrk id=\"x\">") }, name)
            XCTAssertTrue(doc.sources.contains { $0.contains("مرحبا") && $0.contains("😀🇺🇦") }, name)
            XCTAssertTrue(xml.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), name)
            XCTAssertTrue(xml.contains("Ein &amp;amp; steht"), name)
            XCTAssertTrue(xml.contains("Ende ]]&gt; der Daten."), name)
            XCTAssertFalse(xml.contains("<script>"), name)
            XCTAssertFalse(xml.contains("<mrk id=\"x\">"), name)
            XCTAssertTrue(xml.contains(#"original="hostile &lt;&amp;&gt; &quot;file&quot;.txt""#), name)
            XCTAssertFalse(xml.unicodeScalars.contains { $0.value == 0x01 || $0.value == 0xFFFE }, name)
        }
    }

    // MARK: schemas

    func testBothFormatsValidateAgainstTheSharedSchemasWithXmllint() throws {
        let xmllint = "/usr/bin/xmllint"
        guard FileManager.default.isExecutableFile(atPath: xmllint) else { throw XCTSkip("no \(xmllint) on this machine") }
        guard FileManager.default.fileExists(atPath: Self.schemas.appendingPathComponent("offline-catalog.xml").path) else {
            throw XCTSkip("no shared schemas at \(Self.schemas.path) (the folder beside the repository)")
        }
        let empty = Worksheet(source: "-", sourceLanguage: "de", languageIdentified: true, targetLanguage: "en")
        let sheets = [("seed", try seedSheet()), ("hostile", try hostileSheet()), ("hand", handSheet()), ("empty", empty)]
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kernsatz-xliff-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        for (name, sheet) in sheets {
            for (format, xml, schema) in [("xliff2", XLIFF2Writer.write(sheet), "samples/xliff21-with-glossary.driver.xsd"),
                                          ("xliff12", XLIFF12Writer.write(sheet), "xliff-1.2/xliff-core-1.2-strict.xsd")] {
                let file = directory.appendingPathComponent("\(name).\(format).xlf")
                try xml.write(to: file, atomically: true, encoding: .utf8)
                try export(xml, "\(name).\(format).xlf")
                let (status, output) = try run(xmllint, ["--nonet", "--noout", "--schema", schema, file.path])
                XCTAssertEqual(status, 0, "\(name).\(format): \(output)")
                XCTAssertTrue(output.contains("validates"), "\(name).\(format): \(output)")
            }
        }
    }

    // MARK: helpers

    /// Every gls:glossEntry ref ("#m1_1") names a mrk of its own unit, and every mrk ref
    /// ("#gls=ge1_1") a glossEntry of its own unit; mrk ids are unique in the file.
    func assertReferencesResolve(_ doc: XMLSummary, file: StaticString = #filePath, line: UInt = #line) throws {
        var mrkIDs: [String] = []
        var unit: String?
        var marks: [String: Set<String>] = [:]
        var entries: [String: Set<String>] = [:]
        var entryRefs: [(unit: String, ref: String)] = []
        var markRefs: [(unit: String, ref: String)] = []
        for element in doc.elements {
            switch element.name {
            case "unit": unit = element.attributes["id"]
            case "mrk":
                let id = try XCTUnwrap(element.attributes["id"], file: file, line: line)
                mrkIDs.append(id)
                marks[unit ?? "", default: []].insert(id)
                if let ref = element.attributes["ref"] { markRefs.append((unit ?? "", ref)) }
            case "gls:glossEntry":
                if let id = element.attributes["id"] { entries[unit ?? "", default: []].insert(id) }
                entryRefs.append((unit ?? "", try XCTUnwrap(element.attributes["ref"], file: file, line: line)))
            default: break
            }
        }
        XCTAssertEqual(Set(mrkIDs).count, mrkIDs.count, "mrk ids repeat", file: file, line: line)
        XCTAssertFalse(entryRefs.isEmpty, file: file, line: line)
        for (unit, ref) in entryRefs {
            XCTAssertTrue(ref.hasPrefix("#") && marks[unit, default: []].contains(String(ref.dropFirst())), "\(unit): \(ref)", file: file, line: line)
        }
        for (unit, ref) in markRefs {
            XCTAssertTrue(ref.hasPrefix("#gls=") && entries[unit, default: []].contains(String(ref.dropFirst(5))), "\(unit): \(ref)", file: file, line: line)
        }
    }

    func export(_ xml: String, _ name: String) throws {
        guard let directory = ProcessInfo.processInfo.environment["KERNSATZ_XLIFF_OUT"], !directory.isEmpty else { return }
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try xml.write(toFile: (directory as NSString).appendingPathComponent(name), atomically: true, encoding: .utf8)
    }

    func run(_ executable: String, _ arguments: [String]) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = Self.schemas
        var environment = ProcessInfo.processInfo.environment
        environment["XML_CATALOG_FILES"] = Self.schemas.appendingPathComponent("offline-catalog.xml").path
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}

/// What a parse of the output gives: elements in document order with their attributes, the text
/// of each `source`, `target` and `mrk`. Throws when the document is not well-formed.
struct XMLSummary {
    struct Element: Equatable {
        var name: String
        var attributes: [String: String]
    }

    var elements: [Element] = []
    var sources: [String] = []
    var targets: [String] = []
    var mrkTexts: [String] = []
    /// The text of each `skeleton` (2.1) and `internal-file` (1.2).
    var skeletons: [String] = []

    init(_ xml: String) throws {
        let delegate = Collector()
        let parser = XMLParser(data: Data(xml.utf8))
        parser.delegate = delegate
        guard parser.parse() else {
            throw NSError(domain: "XMLSummary", code: 1, userInfo: [NSLocalizedDescriptionKey: "not well-formed: \(String(describing: parser.parserError)) line \(parser.lineNumber)"])
        }
        elements = delegate.elements
        sources = delegate.sources
        targets = delegate.targets
        mrkTexts = delegate.mrkTexts
        skeletons = delegate.skeletons
    }

    func count(_ name: String) -> Int { elements.filter { $0.name == name }.count }

    private final class Collector: NSObject, XMLParserDelegate {
        var elements: [Element] = []
        var sources: [String] = []
        var targets: [String] = []
        var mrkTexts: [String] = []
        var skeletons: [String] = []
        private var open: [String] = []

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            elements.append(Element(name: name, attributes: attributes))
            open.append(name)
            switch name {
            case "source": sources.append("")
            case "target": targets.append("")
            case "mrk": mrkTexts.append("")
            case "skeleton", "internal-file": skeletons.append("")
            default: break
            }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            open.removeLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if open.contains("source") { sources[sources.count - 1] += string }
            if open.contains("target") { targets[targets.count - 1] += string }
            if open.last == "mrk" { mrkTexts[mrkTexts.count - 1] += string }
            if open.last == "skeleton" || open.last == "internal-file" { skeletons[skeletons.count - 1] += string }
        }
    }
}
