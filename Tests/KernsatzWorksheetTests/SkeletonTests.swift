import Foundation
import Kernsatz
import KernsatzWorksheet
import XCTest

/// The skeleton both XLIFF files carry for merge: its text per form (text, Markdown, HTML), `{`
/// written `{{`, every segment's placeholder exactly once, and the JSON form of the model.
final class SkeletonTests: XCTestCase {
    // MARK: helpers

    /// An input as the CLI reads it: markup taken away, analyzed in German, built with the form.
    func sheet(_ input: String, kind: MarkupKind, source: String = "t") throws -> Worksheet {
        let text = kind == .plain ? input : MarkupExtractor().text(from: input, kind: kind)
        let analysis = try Pipeline(options: PipelineOptions(language: "de")).analyze(text, source: source)
        return try WorksheetBuilder(options: WorksheetOptions(targetLanguage: "en")).build(analysis, source: source, form: SkeletonForm(kind))
    }

    /// The template with each placeholder replaced by `fill(segment)`, `{{` read back as `{`.
    func fill(_ skeleton: String, _ sheet: Worksheet, _ fill: (Segment) -> String) -> String {
        var out = ""
        var rest = Substring(skeleton.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).dropFirst().first ?? "")
        let byID = Dictionary(uniqueKeysWithValues: sheet.segments.map { ($0.id, $0) })
        while let brace = rest.firstIndex(of: "{") {
            out += rest[..<brace]
            rest = rest[brace...]
            if rest.hasPrefix("{{") {
                out += "{"
                rest = rest.dropFirst(2)
                continue
            }
            let close = rest.firstIndex(of: "}")!
            let id = Int(rest[rest.index(rest.startIndex, offsetBy: 4)..<close])!
            out += fill(byID[id]!)
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }

    /// The segment ids of the placeholders, in order.
    func placeholders(_ skeleton: String) -> [Int] {
        let unescaped = skeleton.replacingOccurrences(of: "{{", with: "")
        var ids: [Int] = []
        var rest = Substring(unescaped)
        while let range = rest.range(of: "{kz:") {
            let close = rest[range.upperBound...].firstIndex(of: "}")!
            ids.append(Int(rest[range.upperBound..<close])!)
            rest = rest[close...]
        }
        return ids
    }

    // MARK: edge cases

    func testEmptySkeleton_isItsFirstLineAlone() {
        XCTAssertEqual(WorksheetSkeleton(form: .html).render(), "kernsatz-skeleton 1 html\n")
        XCTAssertEqual(WorksheetSkeleton(form: .text).pieces, [])
    }

    func testLiteralBraces_areDoubled_placeholdersAreNot() {
        let skeleton = WorksheetSkeleton(form: .text, pieces: [.text("{a} {{b}} "), .segment(7), .text("}{")])
        XCTAssertEqual(skeleton.render(), "kernsatz-skeleton 1 text\n{{a} {{{{b}} {kz:7}}{{")
    }

    func testPieces_joinNeighbouringText_andKeepPlaceholdersInOrder() {
        var skeleton = WorksheetSkeleton(form: .markdown)
        skeleton.append(segment: 2)
        skeleton.append("a")
        skeleton.append("")
        skeleton.append("ü😀")
        skeleton.append(segment: 1)
        skeleton.append(segment: 3)
        XCTAssertEqual(skeleton.pieces, [.segment(2), .text("aü😀"), .segment(1), .segment(3)])
        XCTAssertEqual(skeleton.segmentIDs, [2, 1, 3])
        XCTAssertEqual(WorksheetSkeleton(form: .markdown, pieces: skeleton.pieces), skeleton)
        XCTAssertEqual(skeleton.storageBytes, 7 + 3 * 1 + 3 * 4, "ids kept (4 bytes each) once they are out of order")
        XCTAssertEqual(skeleton.render(), "kernsatz-skeleton 1 markdown\n{kz:2}aü😀{kz:1}{kz:3}")
    }

    func testSkeletonLongerThanAChunk_rendersTheSameInChunks() {
        var skeleton = WorksheetSkeleton(form: .text)
        for id in 1...20_000 {
            skeleton.append("{x} ")
            skeleton.append(segment: id)
        }
        var chunks: [String] = []
        skeleton.render { chunks.append($0) }
        XCTAssertGreaterThan(chunks.count, 1)
        XCTAssertEqual(chunks.joined(), skeleton.render())
        XCTAssertEqual(placeholders(skeleton.render()), Array(1...20_000))
    }

    func testJSON_writesPiecesAsStringsAndNumbers_andReadsThemBack() throws {
        let skeleton = WorksheetSkeleton(form: .html, pieces: [.text("<p>"), .segment(1), .text(" {1} "), .segment(2), .text("</p>\n")])
        let data = try JSONEncoder().encode(skeleton)
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        XCTAssertEqual(object["form"] as? String, "html")
        XCTAssertEqual((object["pieces"] as? [Any])?.count, 5)
        XCTAssertEqual(try JSONDecoder().decode(WorksheetSkeleton.self, from: data), skeleton)
    }

    func testEmptyInput_givesATextSkeletonWithoutPlaceholders() throws {
        let analysis = try Pipeline(options: PipelineOptions(language: "de")).analyze("", source: "e.txt")
        let sheet = try WorksheetBuilder().build(analysis, source: "e.txt")
        XCTAssertEqual(sheet.segments.count, 0)
        XCTAssertEqual(sheet.skeleton?.render(), "kernsatz-skeleton 1 text\n")
    }

    // MARK: text

    func testTextSkeleton_ofTheSeed_isItsTextWithEachSegmentAPlaceholder() throws {
        let sheet = try WorksheetFixtures.seed()
        let skeleton = try XCTUnwrap(sheet.skeleton).render()
        XCTAssertTrue(skeleton.hasPrefix("kernsatz-skeleton 1 text\n date 2025-12-23 {kz:1}\n\n{kz:2} – {kz:3} {kz:4} {kz:5} {kz:6}\n\n{kz:7} "), skeleton)
        XCTAssertEqual(placeholders(skeleton), sheet.segments.map(\.id))
        // The sources put back give the text as read (its clean text).
        let url = WorksheetFixtures.packageRoot.appendingPathComponent("Samples/de/nato-rutte-2025-12-23.txt")
        XCTAssertEqual(fill(skeleton, sheet, \.source), try String(contentsOf: url, encoding: .utf8))
        XCTAssertTrue(skeleton.contains("\n\n{kz:16}\n\n{kz:17} "), "the heading stands alone: \(skeleton)")
    }

    func testTextSkeleton_withTheSourcesPutBack_isTheCleanText_evenOfHostileInput() throws {
        let fixture = try String(contentsOf: WorksheetFixtures.packageRoot.appendingPathComponent("Tests/KernsatzWorksheetTests/Fixtures/hostile-markup.txt"),
                                 encoding: .utf8)
        for text in [fixture, WorksheetFixtures.hostileText, "\n\n  Ein Satz.  \n\n", "Kein Punkt am Ende"] {
            let sheet = try sheet(text, kind: .plain)
            let skeleton = try XCTUnwrap(sheet.skeleton).render()
            XCTAssertEqual(placeholders(skeleton), sheet.segments.map(\.id))
            XCTAssertEqual(fill(skeleton, sheet, \.source), try CleanText(text).string)
        }
    }

    func testTextSkeleton_keepsListMarkersFrontMatterAndBraces() throws {
        let text = "---\ntitle: Lage {2025}\n---\n\nBrüssel – Die Lage ist ernst. Sie bleibt es.\n\n- Erstens kommt es.\n- Zweitens {nicht}.\n"
        let sheet = try sheet(text, kind: .plain)
        let skeleton = try XCTUnwrap(sheet.skeleton).render()
        XCTAssertEqual(skeleton, "kernsatz-skeleton 1 text\n---\ntitle: Lage {{2025}\n---\n\n{kz:1} – {kz:2} {kz:3}\n\n- {kz:4}\n- {kz:5}\n")
        XCTAssertEqual(fill(skeleton, sheet, \.source), text)
    }

    func testTextSkeleton_ofALongText_holdsLittleMoreThanTheTextBetweenSegments() throws {
        // 20 000 segments: the skeleton holds the gaps (a space or a blank line each) and 1 byte a
        // placeholder — a small part of the text, whose segments the worksheet holds anyway.
        let paragraph = "Die Regierung beschloss am Montag neue Regeln für die Verteidigung. Sie gelten ab dem Jahr 2027 in allen Ländern.\n\n"
        let text = String(repeating: paragraph, count: 10_000)
        let sheet = try sheet(text, kind: .plain)
        let skeleton = try XCTUnwrap(sheet.skeleton)
        XCTAssertEqual(sheet.segments.count, 20_000)
        XCTAssertEqual(skeleton.segmentIDs, Array(1...20_000))
        XCTAssertLessThan(skeleton.storageBytes, 20_000 * (1 + 2) + 100)
        XCTAssertLessThan(Double(skeleton.storageBytes) / Double(text.utf8.count), 0.05)
        // Longer than one 64 KB piece of the XLIFF 2.1 writer: the file still holds it whole.
        XCTAssertGreaterThan(skeleton.render().utf8.count, 1 << 17)
        XCTAssertEqual(try XMLSummary(XLIFF2Writer.write(sheet)).skeletons, [skeleton.render()])
    }

    // MARK: Markdown

    func testMarkdownSkeleton_hasHeadingsParagraphsListsAndTheDateline() throws {
        let markdown = """
            ---
            title: Gipfel
            ---

            # Gipfel in Den Haag

            Brüssel – Die NATO tagt. Rutte *spricht* heute.

            ## Die Ziele

            - Mehr Geld für {Verteidigung}.
            - Mehr Einigkeit.

            Danach reisen alle ab.

            """
        let sheet = try sheet(markdown, kind: .markdown, source: "g.md")
        XCTAssertEqual(sheet.segments.map(\.kind), [.heading, .dateline, .paragraph, .paragraph, .heading, .listItem, .listItem, .paragraph])
        XCTAssertEqual(sheet.skeleton?.form, .markdown)
        XCTAssertEqual(sheet.skeleton?.render(), """
            kernsatz-skeleton 1 markdown
            ---
            title: Gipfel
            ---

            # {kz:1}

            {kz:2} – {kz:3} {kz:4}

            ## {kz:5}

            - {kz:6}
            - {kz:7}

            {kz:8}

            """)
        XCTAssertTrue(fill(sheet.skeleton!.render(), sheet, \.source).contains("- Mehr Geld für {Verteidigung}.\n"))
    }

    func testMarkdownAndHTMLSkeletons_filledWithTheSources_readBackAsTheSameSegmentsAndKinds() throws {
        let fixtures = WorksheetFixtures.packageRoot.appendingPathComponent("Tests/KernsatzWorksheetTests/Fixtures")
        for (name, kind) in [("markdown-article.md", MarkupKind.markdown), ("html-article.html", .html)] {
            let input = try String(contentsOf: fixtures.appendingPathComponent(name), encoding: .utf8)
            let sheet = try sheet(input, kind: kind, source: name)
            XCTAssertEqual(sheet.skeleton?.form, SkeletonForm(kind))
            let skeleton = try XCTUnwrap(sheet.skeleton).render()
            // The fixtures' sentences hold no Markdown markup; HTML needs &, <, > escaped.
            let filled = fill(skeleton, sheet) { kind == .html ? XMLText.escape($0.source) : $0.source }
            let again = try self.sheet(filled, kind: kind, source: name)
            XCTAssertEqual(again.segments.map(\.source), sheet.segments.map(\.source), name)
            XCTAssertEqual(again.segments.map(\.kind), sheet.segments.map(\.kind), name)
            XCTAssertEqual(again.segments.map(\.block), sheet.segments.map(\.block), name)
            XCTAssertEqual(again.metadata.first { $0.key == "title" }?.value, "NATO-Gipfel in Den Haag", name)
        }
    }

    // MARK: HTML

    func testHTMLSkeleton_isADocumentInTheTargetLanguageWithTheArticlesBlocks() throws {
        let html = """
            <!DOCTYPE html><html lang="de"><head><title>Gipfel &amp; Co</title></head><body><article>
            <h1>Gipfel in Den Haag</h1><p>Brüssel – Die NATO tagt. Rutte spricht heute.</p>
            <h2>Die Ziele</h2><ul><li>Mehr Geld.</li><li>Mehr Einigkeit.</li></ul><p>Danach reisen alle ab.</p>
            </article></body></html>
            """
        let sheet = try sheet(html, kind: .html, source: "g.html")
        XCTAssertEqual(sheet.skeleton?.render(), """
            kernsatz-skeleton 1 html
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>Gipfel &amp; Co</title>
            </head>
            <body>
            <article>
            <h1>{kz:1}</h1>
            <p>{kz:2} – {kz:3} {kz:4}</p>
            <h2>{kz:5}</h2>
            <ul>
            <li>{kz:6}</li>
            <li>{kz:7}</li>
            </ul>
            <p>{kz:8}</p>
            </article>
            </body>
            </html>

            """)
    }

    func testLayout_ofAHandMadeWorksheet_isTextWithTheTeaserAndEverySegmentOnce() throws {
        let sheet = WorksheetFixtures.handMade()
        XCTAssertNil(sheet.skeleton)
        let skeleton = sheet.skeletonOrLayout.render()
        XCTAssertTrue(skeleton.hasPrefix("kernsatz-skeleton 1 text\n"), skeleton)
        XCTAssertEqual(placeholders(skeleton), sheet.segments.map(\.id))
    }
}
