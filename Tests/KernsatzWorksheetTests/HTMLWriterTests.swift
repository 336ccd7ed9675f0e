import Foundation
import KernsatzWorksheet
import XCTest

final class HTMLWriterTests: XCTestCase {
    /// The elements and attributes the writer may emit; anything else came from the input.
    static let allowedElements: Set<String> = [
        "!doctype", "html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "dl", "dt", "dd", "ul", "ol", "li",
        "section", "p", "span", "bdi", "code", "a", "table", "colgroup", "col", "thead", "tbody", "tr", "th", "td", "s", "strong",
    ]
    static let allowedAttributes: Set<String> = ["lang", "dir", "charset", "http-equiv", "name", "content", "class", "id", "href", "title", "scope", "colspan"]

    /// Tags of the page: (name, [(attribute, value)]). Text never holds a raw `<`, so every `<` opens a tag;
    /// attribute values are double-quoted and never hold a raw `"`. Fails on anything else.
    func tags(_ html: String, file: StaticString = #filePath, line: UInt = #line) -> [(String, [(String, String)])] {
        var result: [(String, [(String, String)])] = []
        var rest = Substring(html)
        while let open = rest.firstIndex(of: "<") {
            rest = rest[rest.index(after: open)...]
            if rest.hasPrefix("/") {
                guard let close = rest.firstIndex(of: ">") else { XCTFail("unclosed end tag", file: file, line: line); break }
                let name = rest.dropFirst().prefix { $0 != ">" }
                XCTAssertTrue(Self.allowedElements.contains(String(name)), "end tag </\(name)>", file: file, line: line)
                rest = rest[rest.index(after: close)...]
                continue
            }
            let name = rest.prefix { !$0.isWhitespace && $0 != ">" }.lowercased()
            rest = rest.dropFirst(name.count)
            var attributes: [(String, String)] = []
            while true {
                rest = rest.drop { $0.isWhitespace }
                if rest.hasPrefix(">") { rest = rest.dropFirst(); break }
                let attribute = rest.prefix { $0 != "=" && $0 != ">" && !$0.isWhitespace }
                guard !attribute.isEmpty else { XCTFail("bad tag <\(name) \(rest.prefix(40))", file: file, line: line); return result }
                rest = rest.dropFirst(attribute.count)
                if name == "!doctype" { attributes.append((String(attribute), "")); continue }
                guard rest.hasPrefix("=\"") else { XCTFail("unquoted attribute \(attribute) in <\(name)>", file: file, line: line); return result }
                rest = rest.dropFirst(2)
                let value = rest.prefix { $0 != "\"" }
                rest = rest.dropFirst(value.count + 1)
                attributes.append((String(attribute), String(value)))
            }
            result.append((name, attributes))
        }
        return result
    }

    func assertOnlyKnownMarkup(_ html: String, file: StaticString = #filePath, line: UInt = #line) {
        for (name, attributes) in tags(html, file: file, line: line) {
            XCTAssertTrue(Self.allowedElements.contains(name), "element <\(name)>", file: file, line: line)
            for (attribute, value) in attributes where name != "!doctype" {
                XCTAssertTrue(Self.allowedAttributes.contains(attribute), "attribute \(attribute) in <\(name)>", file: file, line: line)
                XCTAssertFalse(value.contains("<") || value.contains("'"), "unescaped value \(value)", file: file, line: line)
                if attribute == "href" { XCTAssertTrue(value.hasPrefix("#"), "link \(value) leaves the page", file: file, line: line) }
            }
        }
    }

    func assertSelfContained(_ html: String, file: StaticString = #filePath, line: UInt = #line) {
        let lower = html.lowercased()
        for forbidden in ["<script", "http://", "https://", "src=\"", "url(", "@import", "javascript:", "<img", "<iframe", "<link"] {
            XCTAssertFalse(lower.contains(forbidden), "page contains \(forbidden)", file: file, line: line)
        }
    }

    /// The HTML of a segment's table row.
    func row(_ html: String, _ id: Int) -> Substring? {
        guard let start = html.range(of: "<tr id=\"s\(id)\"") else { return nil }
        let end = html[start.upperBound...].range(of: "</tr>")?.upperBound ?? html.endIndex
        return html[start.lowerBound..<end]
    }

    // MARK: edge cases

    func testEmptyWorksheet_isACompletePageSayingThereIsNothing() {
        let sheet = Worksheet(source: "leer.txt", sourceLanguage: "de", languageIdentified: true, targetLanguage: "fr")
        let html = HTMLWriter.write(sheet)
        XCTAssertTrue(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"de\">\n<head>\n<meta charset=\"utf-8\">\n"), String(html.prefix(120)))
        XCTAssertTrue(html.hasSuffix("</body>\n</html>\n"))
        XCTAssertTrue(html.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src &#39;none&#39;; style-src &#39;unsafe-inline&#39;\">"),
                      "nothing may load or run")
        XCTAssertTrue(html.contains("The text has no segments."))
        XCTAssertTrue(html.contains("No glossary term occurs in the text."))
        XCTAssertTrue(html.contains("<code>de</code> (detected)"))
        XCTAssertFalse(html.contains("<tr id=\"s"))
        assertOnlyKnownMarkup(html)
        assertSelfContained(html)
    }

    func testHostileStringsInEveryField_appearOnlyEscaped() {
        let sheet = WorksheetFixtures.handMade()
        let html = HTMLWriter.write(sheet)
        assertOnlyKnownMarkup(html)
        assertSelfContained(html)
        XCTAssertFalse(html.unicodeScalars.contains("\u{0001}"), "XML-illegal control character kept")
        XCTAssertFalse(html.contains("]]>"))
        XCTAssertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        // In an attribute (the name's title carries the Latin spelling) the quotes are escaped too.
        XCTAssertTrue(html.contains("title=\"Name: person&#10;Latin: &quot;&gt;&lt;img src=x onerror=alert(1)&gt; "), html)
        XCTAssertTrue(html.contains("<title>Translation worksheet: \"&gt;&lt;img src=x onerror=alert(1)&gt; &lt;script&gt;"))
    }

    func testDeprecatedTranslation_isStruckThroughAndFlaggedDoNotUse() {
        let html = HTMLWriter.write(WorksheetFixtures.handMade())
        XCTAssertTrue(html.contains("<span class=\"deprecated\"><s lang=\"en\">safety guarantee</s> <strong class=\"dnu\">do not use</strong> (not in defence)</span>"), html)
        XCTAssertTrue(html.contains("<span class=\"term warn\" title=\"Term: Sicherheitsgarantie"), "term with a deprecated translation not flagged")
        XCTAssertTrue(html.contains("do not use: safety guarantee\">Sicherheitsgarantie</span>"))
    }

    func testTeaserAndSummarySegment_areMarkedInTheirRow() throws {
        let html = HTMLWriter.write(WorksheetFixtures.handMade())
        let first = try XCTUnwrap(row(html, 1))
        XCTAssertTrue(first.hasPrefix("<tr id=\"s1\" class=\"seg kind-teaser in-summary\">"), String(first.prefix(80)))
        XCTAssertTrue(first.contains("<span class=\"badge kind\">teaser</span><span class=\"badge summary\">summary</span>"))
        XCTAssertTrue(first.contains("<td class=\"target\" lang=\"en\"></td>"))
    }

    // MARK: the seed text

    func testSeed_everySegmentHasItsRowAnchorAndEmptyTargetCell() throws {
        let sheet = try WorksheetFixtures.seed()
        let html = HTMLWriter.write(sheet)
        try WorksheetFixtures.writeOut(Data(html.utf8), name: "nato-rutte-2025-12-23.html")
        XCTAssertGreaterThan(sheet.segments.count, 20)
        for segment in sheet.segments {
            let tr = try XCTUnwrap(row(html, segment.id), "no row for segment \(segment.id)")
            XCTAssertTrue(tr.contains("<td class=\"target\" lang=\"en\"></td>"), "segment \(segment.id)")
        }
        XCTAssertEqual(html.components(separatedBy: "<tr id=\"s").count - 1, sheet.segments.count)
        XCTAssertEqual(html.components(separatedBy: "<td class=\"target\" lang=\"en\"></td>").count - 1, sheet.segments.count)
        // Every in-page link has its target.
        let ids = Set(tags(html).flatMap { $0.1.filter { $0.0 == "id" }.map(\.1) })
        let links = tags(html).flatMap { $0.1.filter { $0.0 == "href" }.map { String($0.1.dropFirst()) } }
        XCTAssertFalse(links.isEmpty)
        for link in links { XCTAssertTrue(ids.contains(link), "#\(link) points nowhere") }
    }

    func testSeed_everyTermIsWrappedInATermSpan() throws {
        let sheet = try WorksheetFixtures.seed()
        let html = HTMLWriter.write(sheet)
        let terms = sheet.segments.flatMap(\.terms)
        XCTAssertGreaterThan(terms.count, 5, "the shipped glossary should find terms in the seed")
        for segment in sheet.segments {
            let tr = try XCTUnwrap(row(html, segment.id))
            for run in segment.runs where run.term != nil {
                let pattern = "<span class=\"term( warn)?\" title=\"[^\"]*\">" + NSRegularExpression.escapedPattern(for: run.text) + "</span>"
                XCTAssertNotNil(tr.range(of: pattern, options: .regularExpression), "segment \(segment.id): \(run.text) not a term span")
            }
        }
        // The glossary extract lists each entry once, with its segments linked.
        for item in sheet.glossary {
            XCTAssertTrue(html.contains("<tr id=\"\(item.id)\">"), item.id)
            for id in item.segments { XCTAssertTrue(html.contains("<a href=\"#s\(id)\">\(id)</a>")) }
        }
    }

    func testSeed_isSelfContainedWithLegendSummaryAndPrintStyles() throws {
        let sheet = try WorksheetFixtures.seed()
        let html = HTMLWriter.write(sheet)
        assertOnlyKnownMarkup(html)
        assertSelfContained(html)
        XCTAssertTrue(html.contains("<section id=\"legend\">"))
        XCTAssertTrue(html.contains("@media print"))
        XCTAssertEqual(sheet.summary.count, 3)
        for id in sheet.summary { XCTAssertTrue(html.contains("<li><a href=\"#s\(id)\">\(id)</a> ")) }
        XCTAssertTrue(html.contains("title=\"Name: person\">Rutte</span>") || html.contains("title=\"Name: person\">Mark Rutte</span>"))
        XCTAssertEqual(HTMLWriter.write(sheet), html, "two runs differ")
    }

    func testHostileText_showsAsTextAndNothingAsMarkup() throws {
        let sheet = try WorksheetFixtures.hostile()
        let html = HTMLWriter.write(sheet)
        try WorksheetFixtures.writeOut(Data(html.utf8), name: "hostile.html")
        assertOnlyKnownMarkup(html)
        assertSelfContained(html)
        let sources = sheet.segments.map(\.source).joined(separator: "\n")
        for line in WorksheetFixtures.hostileLines.dropLast() {
            // Each hostile line still reaches a segment, and the page holds it escaped.
            let core = line.trimmingCharacters(in: .whitespaces)
            XCTAssertTrue(sources.contains(core) || core.hasPrefix("\"") , "pipeline lost \(core)")
        }
        XCTAssertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        XCTAssertTrue(html.contains("&gt;&lt;img src=x onerror=alert(1)&gt;"))
        XCTAssertTrue(html.contains("a &amp; b &lt; c &gt; d \"e\" 'f'"))
        XCTAssertTrue(html.contains("=SUM(A1:A9)"))
        XCTAssertTrue(html.contains("שלום עולם"))
        XCTAssertTrue(html.contains("😀👍🏽"))
        XCTAssertFalse(html.contains("]]>"))
    }
}
