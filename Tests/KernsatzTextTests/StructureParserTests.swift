import XCTest
@testable import KernsatzText

final class StructureParserTests: XCTestCase {
    func parse(_ string: String, nonPlaceWords: Set<String> = ["Die", "Der", "Das"]) throws -> (DocumentStructure, [String]) {
        let text = try CleanText(string)
        let structure = StructureParser(nonPlaceWords: nonPlaceWords).parse(text)
        return (structure, structure.blocks.map { text.string($0.range) })
    }

    func testParse_emptyText_noBlocks() throws {
        let (structure, _) = try parse("")
        XCTAssertEqual(structure.blocks, [])
    }

    func testParse_whitespaceOnly_noBlocks() throws {
        let (structure, _) = try parse(" \n\n \t\n")
        XCTAssertEqual(structure.blocks, [])
    }

    func testParse_seedLayout_headerTeaserDatelineHeading() throws {
        let (structure, texts) = try parse(" date 2025-12-23 Der Teaser steht hier.\n\nBrüssel – NATO-Generalsekretär Mark Rutte rief auf.\n\nRutte vertraut auf die USA\n\nIn Bezug auf die Hoffnungen räumte Rutte ein.")
        XCTAssertEqual(structure.metadata.date, "2025-12-23")
        XCTAssertEqual(structure.metadata.dateline, "Brüssel")
        XCTAssertEqual(structure.blocks.map(\.kind), [.teaser, .paragraph, .heading, .paragraph])
        XCTAssertEqual(texts[0], "Der Teaser steht hier.")
        XCTAssertEqual(texts[1], "NATO-Generalsekretär Mark Rutte rief auf.")
        XCTAssertEqual(texts[2], "Rutte vertraut auf die USA")
    }

    func testParse_teaserRunIntoBody_isSplitAtDateline() throws {
        // News feeds put teaser and body on one line: „… gehört. Wien – Die Gewerkschaft …“
        let (structure, texts) = try parse("Die Gewerkschaft lanciert einen Rechner. Wien – Die Gewerkschaft sieht Bedarf. Mehr folgt.")
        XCTAssertEqual(structure.blocks.map(\.kind), [.teaser, .paragraph])
        XCTAssertEqual(texts, ["Die Gewerkschaft lanciert einen Rechner.", "Die Gewerkschaft sieht Bedarf. Mehr folgt."])
        XCTAssertEqual(structure.metadata.dateline, "Wien")
    }

    func testParse_datelineVariants_areRecognized() throws {
        for (line, place) in [("Frankfurt am Main – Die Börse schloss.", "Frankfurt am Main"),
                              ("BERLIN (dpa) - Die Regierung tagte.", "BERLIN (dpa)"),
                              ("Wien/Brüssel – Es wurde verhandelt.", "Wien/Brüssel"),
                              ("Paris, 3. März – Der Gipfel begann.", "Paris, 3. März")] {
            let (structure, _) = try parse(line)
            XCTAssertEqual(structure.metadata.dateline, place, line)
        }
    }

    func testParse_nameWithParentheticalDashes_isNoDateline() throws {
        let (structure, texts) = try parse("Kanzler Olaf Scholz – Kritiker nennen ihn zögerlich – will nun handeln.")
        XCTAssertNil(structure.metadata.dateline)
        XCTAssertEqual(texts, ["Kanzler Olaf Scholz – Kritiker nennen ihn zögerlich – will nun handeln."])
    }

    func testParse_datelineBeforeLowercaseText_isNoDateline() throws {
        let (structure, _) = try parse("Ein Bericht folgt. Allein – auch drei Jahre später fehlt der Client.")
        XCTAssertNil(structure.metadata.dateline)
    }

    func testParse_titleAboveWrappedParagraph_staysApart() throws {
        let text = """
            Neue Regeln für Mieter ab dem kommenden Jahr
            Die Bundesregierung hat am Mittwoch neue Regeln beschlossen,
            die ab dem kommenden Jahr für alle Mieter in Deutschland gelten.
            """
        let (structure, texts) = try parse(text)
        XCTAssertEqual(structure.blocks.map(\.kind), [.heading, .paragraph])
        XCTAssertEqual(texts[0], "Neue Regeln für Mieter ab dem kommenden Jahr")
    }

    func testParse_sentenceWithDash_isNoDateline() throws {
        let (structure, texts) = try parse("Die Regierung – so heißt es – will sparen.")
        XCTAssertNil(structure.metadata.dateline)
        XCTAssertEqual(texts, ["Die Regierung – so heißt es – will sparen."])
    }

    func testParse_hardWrappedLines_areJoined() throws {
        let text = """
            Die Aufrüstung muss aus Sicht des früheren niederländischen
            Regierungschefs allerdings rasch erfolgen. Nach unterschiedlichen
            Einschätzungen könnte es sonst gefährlich werden.
            """
        let (structure, _) = try parse(text)
        XCTAssertEqual(structure.blocks.count, 1)
        XCTAssertEqual(structure.blocks[0].kind, .paragraph)
    }

    func testParse_longLinesWithoutBlankLines_areParagraphsAndHeadings() throws {
        let long1 = String(repeating: "Der Satz ist lang und endet mit einem Punkt, wie es sich gehört. ", count: 3)
        let long2 = String(repeating: "Auch dieser Absatz steht auf einer eigenen Zeile und endet so. ", count: 3)
        let (structure, _) = try parse("\(long1)\nZwischentitel ohne Punkt\n\(long2)")
        XCTAssertEqual(structure.blocks.map(\.kind), [.paragraph, .heading, .paragraph])
    }

    func testParse_listItems_areOwnBlocksWithoutMarkers() throws {
        let (structure, texts) = try parse("Die Forderungen:\n- mehr Geld für die Verteidigung\n- schnellere Beschaffung\n1) eine starke NATO")
        XCTAssertEqual(structure.blocks.map(\.kind), [.paragraph, .listItem, .listItem, .listItem])
        XCTAssertEqual(texts[1], "mehr Geld für die Verteidigung")
        XCTAssertEqual(texts[3], "eine starke NATO")
    }

    func testParse_frontMatter_becomesMetadata() throws {
        let (structure, texts) = try parse("---\ntitle: Gipfel\ndate: 2025-12-23\n---\nDer Text beginnt hier.")
        XCTAssertEqual(structure.metadata["title"], "Gipfel")
        XCTAssertEqual(structure.metadata.date, "2025-12-23")
        XCTAssertEqual(texts, ["Der Text beginnt hier."])
    }

    func testParse_lastLineWithoutPunctuation_isNoHeading() throws {
        let (structure, _) = try parse("Ein Absatz.\n\nGrüße aus Wien")
        XCTAssertEqual(structure.blocks.map(\.kind), [.paragraph, .paragraph])
    }
}
