import Foundation
import Kernsatz
@testable import KernsatzWorksheet
import SwiftCSV
import XCTest

/// CSV, Markdown and JSON: escaping of hostile input, shape, round trips.
final class TextFormatsTests: XCTestCase {
    /// Lines a spreadsheet or a Markdown renderer would take for code.
    static let hostile = """
        =SUM(A1:A9) ist keine Formel.

        +49 30 1234 ist eine Nummer.

        -Minus steht am Anfang.

        @user schreibt „Hallo, Welt“ mit "Anführungszeichen".

        <script>alert(1)</script> und a & b < c > d, | Pipe | und *Stern* und [Link](http://x.y).

        # Keine Überschrift, sondern Text mit \u{0001} Steuerzeichen.
        """

    func sheet(_ text: String, glossary: Glossary? = nil) throws -> Worksheet {
        let analysis = try Pipeline(options: PipelineOptions(language: "de")).analyze(text, source: "hostile.txt")
        return try WorksheetBuilder(matcher: glossary.map { TermMatcher(glossary: $0) }).build(analysis, source: "hostile.txt")
    }

    // MARK: CSV

    func testCSVCellsThatLookLikeFormulasGetAnApostrophe() {
        XCTAssertEqual(CSVWriter.cell("=1+1"), "'=1+1")
        XCTAssertEqual(CSVWriter.cell("+49"), "'+49")
        XCTAssertEqual(CSVWriter.cell("-Minus"), "'-Minus")
        XCTAssertEqual(CSVWriter.cell("@user"), "'@user")
        XCTAssertEqual(CSVWriter.cell("\tTab"), "'\tTab")
        XCTAssertEqual(CSVWriter.cell("a=b"), "a=b")
        XCTAssertEqual(CSVWriter.cell(""), "")
    }

    func testCSVCellsStartingWithWhiteSpaceThenAFormulaSignGetAnApostrophe() {
        XCTAssertEqual(CSVWriter.cell(" =1+1"), "' =1+1")
        XCTAssertEqual(CSVWriter.cell("\u{00A0}\u{00A0}@user"), "'\u{00A0}\u{00A0}@user")
        XCTAssertEqual(CSVWriter.cell("\n=HYPERLINK(1)"), "\"'\n=HYPERLINK(1)\"")
        XCTAssertEqual(CSVWriter.cell(" \t x"), "' \t x")
        XCTAssertEqual(CSVWriter.cell("   "), "   ")
        XCTAssertEqual(CSVWriter.cell(" a =b"), " a =b")
    }

    func testCSVQuotesACommaOrAQuoteEvenWhenACombiningMarkFollowsIt() throws {
        // „,\u{301}“ is one Character, but a CSV reader sees the comma.
        XCTAssertEqual(CSVWriter.cell("a,\u{301}b"), "\"a,\u{301}b\"")
        XCTAssertEqual(CSVWriter.cell("x\"\u{301}y"), "\"x\"\"\u{301}y\"")
        let row = CSVWriter.row(["a,\u{301}b", "c"])
        XCTAssertEqual(row, "\"a,\u{301}b\",c\r\n")
    }

    func testCSVQuotesFieldsWithCommasQuotesAndLineBreaksAsRFC4180Says() {
        XCTAssertEqual(CSVWriter.cell("a, b"), "\"a, b\"")
        XCTAssertEqual(CSVWriter.cell("sagte \"Nein\""), "\"sagte \"\"Nein\"\"\"")
        XCTAssertEqual(CSVWriter.cell("x\ny"), "\"x\ny\"")
        XCTAssertEqual(CSVWriter.cell("=a,b"), "\"'=a,b\"")
    }

    func testCSVStartsWithABOMEndsRowsWithCRLFAndParsesBackWithoutAFormulaCell() throws {
        let sheet = try sheet(Self.hostile)
        let csv = CSVWriter.write(sheet)
        XCTAssertTrue(csv.hasPrefix("\u{FEFF}segment,kind,summary,source,target,"))
        XCTAssertTrue(csv.hasSuffix("\r\n"))
        let parsed = try CSV<Enumerated>(string: String(csv.dropFirst()), delimiter: .comma, loadColumns: false)
        XCTAssertEqual(parsed.header, CSVWriter.columns)
        XCTAssertEqual(parsed.rows.count, sheet.segments.count)
        for (row, segment) in zip(parsed.rows, sheet.segments) {
            for cell in row {
                XCTAssertFalse(cell.first.map { "=+-@\t\r".contains($0) } ?? false, "formula-like cell \(cell)")
            }
            let source = row[3]
            XCTAssertEqual(source.hasPrefix("'") ? String(source.dropFirst()) : source, segment.source)
            XCTAssertEqual(row[0], "\(segment.id)")
            XCTAssertEqual(row[4], "")
        }
        XCTAssertTrue(parsed.rows.contains { $0[3] == "'=SUM(A1:A9) ist keine Formel." })
        XCTAssertTrue(parsed.rows.contains { $0[3] == "@user schreibt „Hallo, Welt“ mit \"Anführungszeichen\"." } == false)
        XCTAssertTrue(parsed.rows.contains { $0[3] == "'@user schreibt „Hallo, Welt“ mit \"Anführungszeichen\"." })
    }

    // MARK: Markdown

    func testMarkdownEscapesPunctuationBlockMarkersAndHTML() {
        XCTAssertEqual(MarkdownWriter.inline(""), "")
        XCTAssertEqual(MarkdownWriter.inline("a | b *c* [d](e) `f` _g_ ~h~"), "a \\| b \\*c\\* \\[d\\](e) \\`f\\` \\_g\\_ \\~h\\~")
        XCTAssertEqual(MarkdownWriter.inline("<script>x</script> & y"), "&lt;script>x&lt;/script> &amp; y")
        XCTAssertEqual(MarkdownWriter.inline("# Titel"), "\\# Titel")
        XCTAssertEqual(MarkdownWriter.inline("- Punkt"), "\\- Punkt")
        XCTAssertEqual(MarkdownWriter.inline("1. Mai"), "1\\. Mai")
        XCTAssertEqual(MarkdownWriter.inline("NATO-Gipfel 2025."), "NATO-Gipfel 2025.")
        XCTAssertEqual(MarkdownWriter.inline("Zeile\nZeile"), "Zeile Zeile")
    }

    func testMarkdownEscapesPunctuationEvenWhenACombiningMarkFollowsIt() {
        // „|\u{301}“ is one Character; a table parser still sees the pipe and splits the cell.
        XCTAssertEqual(MarkdownWriter.inline("a |\u{301} b"), "a \\|\u{301} b")
        XCTAssertEqual(MarkdownWriter.inline("*\u{301}x*"), "\\*\u{301}x\\*")
        XCTAssertEqual(MarkdownWriter.inline("&\u{301}amp;"), "&amp;\u{301}amp;")
        XCTAssertEqual(MarkdownWriter.inline("#\u{301} Titel"), "\\#\u{301} Titel")
        XCTAssertEqual(MarkdownWriter.inline("a\r\nb\u{0}c"), "a bc")
    }

    func testNotesNameTheGlossaryTermWhenTheTextHasACompoundOrAnotherForm() throws {
        let glossary = Glossary(entries: [GlossaryEntry(term: "Bündnis", targets: [
            TargetTerm(language: "en", term: "alliance"), TargetTerm(language: "en", term: "pact", status: .deprecated),
        ])])
        let sheet = try sheet("Die Bündnisstaaten tagen. Das Bündnis hält.", glossary: glossary)
        let compound = WorksheetNotes(sheet.segments[0], in: sheet)
        // Not „Bündnisstaaten → alliance“: the approved translation is the entry's, not the compound's.
        XCTAssertEqual(compound.terms, ["Bündnisstaaten (Bündnis) → alliance"])
        XCTAssertEqual(compound.doNotUse, ["Bündnisstaaten (Bündnis): pact"])
        let exact = WorksheetNotes(sheet.segments[1], in: sheet)
        XCTAssertEqual(exact.terms, ["Bündnis → alliance"])
        XCTAssertEqual(exact.doNotUse, ["Bündnis: pact"])
    }

    func testMarkdownEscapesTheSourceLanguageAJSONLRecordGave() {
        // A --jsonl record's "lang" reaches the header as it came.
        var sheet = WorksheetFixtures.handMade()
        sheet.sourceLanguage = "<img src=x onerror=alert(1)>|*x*"
        let markdown = MarkdownWriter.write(sheet)
        XCTAssertFalse(markdown.contains("<img"))
        XCTAssertTrue(markdown.contains("| Source language | &lt;img src=x onerror=alert(1)>\\|\\*x\\* |"), markdown)
    }

    func testMarkdownHasOneTableRowPerSegmentWithTermsInBoldAndAnEmptyTarget() throws {
        let glossary = Glossary(entries: [GlossaryEntry(term: "Formel", targets: [TargetTerm(language: "en", term: "formula")])])
        let sheet = try sheet(Self.hostile, glossary: glossary)
        let markdown = MarkdownWriter.write(sheet)
        let rows = markdown.split(separator: "\n").filter { $0.hasPrefix("| ") && $0.dropFirst(2).first?.isNumber == true }
        XCTAssertEqual(rows.count, sheet.segments.count)
        XCTAssertTrue(rows[0].hasPrefix("| 1 ★ | \\=SUM(A1:A9) ist keine **Formel**. |  | Terms: Formel → formula"), String(rows[0]))
        XCTAssertFalse(markdown.contains("<script>"))
        XCTAssertTrue(markdown.contains("&lt;script>alert(1)&lt;/script>"))
        XCTAssertFalse(markdown.contains("\u{0001}"))
        XCTAssertTrue(markdown.contains("\\| Pipe \\|"))
        XCTAssertTrue(markdown.contains("## Glossary\n\n| Term | en | Do not use | Segments |\n|---|---|---|---|\n| **Formel** | formula |  | 1 |"))
    }

    // MARK: JSON

    func testJSONRoundTripsAndWritesUnknownValuesAsNull() throws {
        let sheet = try sheet("Wladimir Putin sagte: „Nein.“")
        let data = try JSONWriter.write(sheet)
        let decoded = try JSONDecoder().decode(Worksheet.self, from: data)
        XCTAssertEqual(decoded, sheet)
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        XCTAssertEqual(object["format"] as? String, "kernsatz-worksheet")
        XCTAssertEqual(object["version"] as? Int, 1)
        XCTAssertTrue(object["date"] is NSNull, "\(object["date"] ?? "missing")")
        XCTAssertTrue(object["teaser"] is NSNull)
        let segments = try XCTUnwrap(object["segments"] as? [[String: Any]])
        let entity = try XCTUnwrap((segments.first?["entities"] as? [[String: Any]])?.first)
        XCTAssertTrue(entity["latin"] is NSNull)
        XCTAssertEqual(entity["text"] as? String, "Wladimir Putin")
        XCTAssertEqual(segments.first?["target"] as? String, "")
    }
}
