import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import KernsatzWorksheet
import XCTest
import ZIPFoundation

final class DOCXWriterTests: XCTestCase {
    /// What the tests read from `word/document.xml`: tables with their rows, and every run.
    final class DocumentReader: NSObject, XMLParserDelegate {
        struct Run { var text = ""; var bold = false; var language: String?; var table: Int?; var row: Int?; var cell: Int? }
        struct Table { var rows = 0; var headerRows = 0 }
        var tables: [Table] = []
        var runs: [Run] = []
        /// `w:lang` of paragraphs in the Target style.
        var targetParagraphLanguages: [String?] = []
        private var tableStack: [Int] = []
        private var row = -1, cellIndex = -1
        private var run: Run?
        private var inRunProperties = false, inText = false
        private var paragraphStyle: String?, paragraphLanguage: String?, inParagraphProperties = false

        override init() { super.init() }

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            switch name {
            case "w:tbl": tables.append(Table()); tableStack.append(tables.count - 1); row = -1
            case "w:tr": row += 1; cellIndex = -1; if let table = tableStack.last { tables[table].rows += 1 }
            case "w:tblHeader": if let table = tableStack.last { tables[table].headerRows += 1 }
            case "w:tc": cellIndex += 1
            case "w:p": paragraphStyle = nil; paragraphLanguage = nil
            case "w:pPr": inParagraphProperties = true
            case "w:pStyle": paragraphStyle = attributes["w:val"]
            case "w:r": run = Run(table: tableStack.last, row: tableStack.isEmpty ? nil : row, cell: tableStack.isEmpty ? nil : cellIndex)
            case "w:rPr": inRunProperties = true
            case "w:b": if inRunProperties, run != nil { run?.bold = attributes["w:val"].map { $0 != "0" && $0 != "false" } ?? true }
            case "w:lang":
                if inParagraphProperties { paragraphLanguage = attributes["w:val"] } else if run != nil { run?.language = attributes["w:val"] }
            case "w:t": inText = true
            default: break
            }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            switch name {
            case "w:tbl": tableStack.removeLast()
            case "w:pPr": inParagraphProperties = false
            case "w:rPr": inRunProperties = false
            case "w:t": inText = false
            case "w:r": if let run { runs.append(run) }; run = nil
            case "w:p": if paragraphStyle == "Target" { targetParagraphLanguages.append(paragraphLanguage) }
            default: break
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if inText { run?.text += string }
        }
    }

    func entries(_ data: Data, file: StaticString = #filePath, line: UInt = #line) throws -> [(String, Data)] {
        let archive = try Archive(data: data, accessMode: .read)
        return try archive.map { entry in
            var bytes = Data()
            _ = try archive.extract(entry) { bytes.append($0) }
            return (entry.path, bytes)
        }
    }

    /// Parses a part; fails the test when it is not well-formed.
    @discardableResult
    func parse(_ data: Data, _ name: String, file: StaticString = #filePath, line: UInt = #line) -> DocumentReader {
        let reader = DocumentReader()
        let parser = XMLParser(data: data)
        parser.delegate = reader
        XCTAssertTrue(parser.parse(), "\(name) is not well-formed: \(parser.parserError.map { "\($0)" } ?? "?")", file: file, line: line)
        return reader
    }

    func document(_ data: Data) throws -> (xml: String, reader: DocumentReader) {
        let part = try XCTUnwrap(try entries(data).first { $0.0 == "word/document.xml" }?.1)
        return (String(decoding: part, as: UTF8.self), parse(part, "word/document.xml"))
    }

    // MARK: edge cases

    func testEmptyWorksheet_isAValidPackageWithAHeaderOnlyTable() throws {
        let sheet = Worksheet(source: "leer.txt", sourceLanguage: "de", languageIdentified: false, targetLanguage: "fr")
        let data = try DOCXWriter.write(sheet)
        let (xml, reader) = try document(data)
        XCTAssertEqual(reader.tables.count, 1, "no glossary table for an empty glossary")
        XCTAssertEqual(reader.tables[0].rows, 1)
        XCTAssertEqual(reader.tables[0].headerRows, 1)
        XCTAssertTrue(xml.contains("No glossary term occurs in the text."))
        XCTAssertTrue(xml.contains("<w:pgSz w:w=\"16838\" w:h=\"11906\" w:orient=\"landscape\"/>"))
    }

    func testPackage_hasTheRequiredPartsInAFixedOrderWithAFixedDate() throws {
        let data = try DOCXWriter.write(WorksheetFixtures.handMade())
        XCTAssertEqual(Array(data.prefix(4)), [0x50, 0x4B, 0x03, 0x04], "not a ZIP file")
        let archive = try Archive(data: data, accessMode: .read)
        XCTAssertEqual(archive.map(\.path), ["[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "docProps/app.xml",
                                             "word/document.xml", "word/styles.xml", "word/_rels/document.xml.rels",
                                             "customXml/item1.xml", "customXml/itemProps1.xml", "customXml/_rels/item1.xml.rels"])
        for entry in archive {
            XCTAssertEqual(entry.fileAttributes[.modificationDate] as? Date, Date(timeIntervalSince1970: 315_532_800), entry.path)
        }
        for (name, bytes) in try entries(data) {
            parse(bytes, name)
        }
        let contentTypes = try XCTUnwrap(try entries(data).first { $0.0 == "[Content_Types].xml" }?.1)
        XCTAssertTrue(String(decoding: contentTypes, as: UTF8.self).contains(
            "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"))
    }

    func testHostileStringsInEveryField_keepEveryPartWellFormed() throws {
        let data = try DOCXWriter.write(WorksheetFixtures.handMade())
        for (name, bytes) in try entries(data) {
            parse(bytes, name)
            let text = String(decoding: bytes, as: UTF8.self)
            XCTAssertFalse(text.contains("<script") || text.contains("<img"), "\(name) holds raw markup from the input")
            XCTAssertFalse(text.unicodeScalars.contains("\u{0001}"), "\(name) holds an XML-illegal character")
        }
        let (_, reader) = try document(data)
        let texts = reader.runs.map(\.text).joined()
        XCTAssertTrue(texts.contains("\"><img src=x onerror=alert(1)> <script>alert(1)</script> & ]]> '"), "the text read back differs")
        let deprecated = try XCTUnwrap(reader.runs.firstIndex { $0.text == "safety guarantee" })
        XCTAssertEqual(reader.runs[deprecated + 1].text, " DO NOT USE")
        XCTAssertTrue(reader.runs[deprecated + 1].bold)
    }

    // MARK: the seed text

    func testSeed_tableHasARowPerSegmentAndARepeatedHeader() throws {
        let sheet = try WorksheetFixtures.seed()
        let data = try DOCXWriter.write(sheet)
        try WorksheetFixtures.writeOut(data, name: "nato-rutte-2025-12-23.docx")
        let (_, reader) = try document(data)
        XCTAssertEqual(reader.tables.count, 2, "segments and glossary")
        XCTAssertEqual(reader.tables[0].rows, sheet.segments.count + 1)
        XCTAssertEqual(reader.tables[0].headerRows, 1)
        XCTAssertEqual(reader.tables[1].rows, sheet.glossary.count + 1)
        // The first cell of each row is the segment number, in order.
        let numbers = reader.runs.filter { $0.table == 0 && $0.cell == 0 && ($0.row ?? 0) > 0 && Int($0.text) != nil }.map(\.text)
        XCTAssertEqual(numbers, sheet.segments.map { "\($0.id)" })
        // Every target cell is empty and in the target language.
        XCTAssertEqual(reader.targetParagraphLanguages, Array(repeating: "en", count: sheet.segments.count))
        XCTAssertFalse(reader.runs.contains { $0.table == 0 && $0.cell == 2 && ($0.row ?? 0) > 0 })
    }

    func testSeed_sourceCellsHoldTheSourceWithTermsInBoldRuns() throws {
        let sheet = try WorksheetFixtures.seed()
        let (_, reader) = try document(try DOCXWriter.write(sheet))
        XCTAssertGreaterThan(sheet.segments.flatMap(\.terms).count, 5)
        for segment in sheet.segments {
            let cell = reader.runs.filter { $0.table == 0 && $0.row == segment.id && $0.cell == 1 }
            XCTAssertEqual(cell.map(\.text).joined(), segment.source, "segment \(segment.id)")
            for run in segment.runs where run.term != nil {
                XCTAssertTrue(cell.contains { $0.text == run.text && $0.bold }, "segment \(segment.id): \(run.text) not bold")
            }
            if segment.kind == .paragraph {
                for run in segment.runs where run.term == nil {
                    XCTAssertTrue(cell.contains { $0.text == run.text && !$0.bold }, "segment \(segment.id): \(run.text) bold")
                }
            }
        }
    }

    func testSeed_outputIsIdenticalOnTwoRuns() throws {
        let sheet = try WorksheetFixtures.seed()
        let first = try DOCXWriter.write(sheet)
        let second = try DOCXWriter.write(try WorksheetFixtures.seed())
        XCTAssertEqual(first, second)
    }

    func testHostileText_convertsToAWellFormedDocument() throws {
        let sheet = try WorksheetFixtures.hostile()
        let data = try DOCXWriter.write(sheet)
        try WorksheetFixtures.writeOut(data, name: "hostile.docx")
        let (xml, reader) = try document(data)
        XCTAssertEqual(reader.tables[0].rows, sheet.segments.count + 1)
        let texts = reader.runs.map(\.text).joined()
        XCTAssertTrue(texts.contains("<script>alert(1)</script>"))
        XCTAssertTrue(texts.contains("=SUM(A1:A9)"))
        XCTAssertTrue(texts.contains(WorksheetFixtures.longLine.trimmingCharacters(in: .whitespaces).suffix(400)))
        XCTAssertTrue(xml.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    }
}
