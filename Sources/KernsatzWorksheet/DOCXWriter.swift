import Kernsatz
import Foundation
import KernsatzText
import ZIPFoundation

/// A worksheet as a Word document (WordprocessingML in a ZIP package): a title, a header block with
/// the summary, a bilingual table whose header row repeats on every page, and the glossary extract.
///
///     let data = try DOCXWriter.write(sheet)
///     // a ZIP with [Content_Types].xml, _rels/.rels, docProps/core.xml, docProps/app.xml,
///     // word/document.xml, word/styles.xml, word/_rels/document.xml.rels, customXml/item1.xml,
///     // customXml/itemProps1.xml, customXml/_rels/item1.xml.rels — in this order
///
/// What `kernsatz merge` needs is in a custom XML part (`customXml/item1.xml`, namespace
/// `DOCXWorksheetData.namespace`): the skeleton, the original, the languages and each segment's
/// source. It is not shown, and LibreOffice 7.4 keeps its content when it saves the document
/// (measured with `soffice --headless --convert-to docx`); Word keeps custom XML parts too (they are
/// its data store for add-ins; a save in Word was not tried). The table's number cell says which
/// segment a row is.
///
/// Terms are bold, names blue, numbers green and underlined (dotted), direct quotes italic. The
/// target cells are empty paragraphs in the target language (`w:lang`), so spell checking follows
/// what the translator writes. The page is A4 landscape.
///
/// The output is deterministic: the parts come in a fixed order, every ZIP entry carries the same
/// modification date (1980-01-01, the earliest ZIP can say) and the properties carry no time.
///
/// - Throws: `WorksheetError(.archive(…))` when ZIPFoundation cannot assemble the package.
public enum DOCXWriter {
    /// The parts of the package, in the order they are written.
    public static let partNames = [
        "[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "docProps/app.xml",
        "word/document.xml", "word/styles.xml", "word/_rels/document.xml.rels",
        "customXml/item1.xml", "customXml/itemProps1.xml", "customXml/_rels/item1.xml.rels",
    ]

    /// Every ZIP entry's modification date: 1980-01-01T00:00:00Z (ZIPFoundation writes it in UTC).
    static let entryDate = Date(timeIntervalSince1970: 315_532_800)

    /// - Parameter sheet: the worksheet.
    /// - Returns: the `.docx` file's bytes; the same sheet always gives the same bytes.
    /// - Throws: `WorksheetError(.archive(…))` when the ZIP package cannot be built.
    public static func write(_ sheet: Worksheet) throws(WorksheetError) -> Data {
        let parts = Self.parts(sheet)
        do {
            let archive = try Archive(data: Data(), accessMode: .create)
            for name in partNames {
                guard let text = parts[name] else { continue }
                let bytes = Data(text.utf8)
                try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(bytes.count),
                                     modificationDate: entryDate, compressionMethod: .deflate) { position, size in
                    let start = Int(position)
                    return bytes.subdata(in: start..<min(start + size, bytes.count))
                }
            }
            guard let data = archive.data else { throw WorksheetError(.archive("the in-memory archive has no data")) }
            return data
        } catch let error as WorksheetError {
            throw error
        } catch {
            throw WorksheetError(.archive("\(error)"))
        }
    }

    /// The package's parts as XML text, by name (see `partNames`).
    public static func parts(_ sheet: Worksheet) -> [String: String] {
        [
            "[Content_Types].xml": DOCXParts.contentTypes,
            "_rels/.rels": DOCXParts.packageRelationships,
            "docProps/core.xml": DOCXParts.core(sheet),
            "docProps/app.xml": DOCXParts.app,
            "word/document.xml": DOCXDocument(sheet: sheet).xml(),
            "word/styles.xml": DOCXParts.styles(sheet),
            "word/_rels/document.xml.rels": DOCXParts.documentRelationships,
            "customXml/item1.xml": DOCXWorksheetData.xml(sheet),
            "customXml/itemProps1.xml": DOCXParts.customXMLProperties,
            "customXml/_rels/item1.xml.rels": DOCXParts.customXMLRelationships,
        ]
    }
}

/// The fixed parts and the styles.
enum DOCXParts {
    static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"

    static let contentTypes = declaration + """
    <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
    <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
    <Default Extension="xml" ContentType="application/xml"/>\
    <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>\
    <Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>\
    <Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>\
    <Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>\
    <Override PartName="/customXml/itemProps1.xml" ContentType="application/vnd.openxmlformats-officedocument.customXmlProperties+xml"/>\
    </Types>

    """

    static let packageRelationships = declaration + """
    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>\
    <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>\
    <Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>\
    </Relationships>

    """

    static let documentRelationships = declaration + """
    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>\
    <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml" Target="../customXml/item1.xml"/>\
    </Relationships>

    """

    /// The custom XML part's properties: a fixed item id and the namespace of its data.
    static let customXMLProperties = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n" + """
    <ds:datastoreItem ds:itemID="{4B5A1E2D-6B7E-4C1A-9E3F-6B65726E7361}" \
    xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml">\
    <ds:schemaRefs><ds:schemaRef ds:uri="\(DOCXWorksheetData.namespace)"/></ds:schemaRefs></ds:datastoreItem>

    """

    static let customXMLRelationships = declaration + """
    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps" Target="itemProps1.xml"/>\
    </Relationships>

    """

    static let app = declaration + """
    <Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">\
    <Application>Kernsatz</Application>\
    </Properties>

    """

    /// Title and language; no dates, so the package does not change with the clock.
    static func core(_ sheet: Worksheet) -> String {
        declaration + """
        <cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" \
        xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" \
        xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\
        <dc:title>Translation worksheet: \(XMLText.escape(sheet.source))</dc:title>\
        <dc:subject>\(XMLText.escape(sheet.sourceLanguage)) → \(XMLText.escape(sheet.targetLanguage))</dc:subject>\
        <dc:language>\(XMLText.escape(sheet.sourceLanguage))</dc:language>\
        </cp:coreProperties>

        """
    }

    /// Normal text in the source language; Title, Heading 1, table header, notes, the target style
    /// (in the target language) and the table style with borders.
    static func styles(_ sheet: Worksheet) -> String {
        let source = XMLText.attribute(sheet.sourceLanguage)
        let target = XMLText.attribute(sheet.targetLanguage)
        let fonts = "<w:rFonts w:ascii=\"Arial\" w:hAnsi=\"Arial\" w:eastAsia=\"Arial\" w:cs=\"Arial\"/>"
        return declaration + """
        <w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">\
        <w:docDefaults><w:rPrDefault><w:rPr>\(fonts)<w:sz w:val="20"/><w:szCs w:val="20"/>\
        <w:lang w:val="\(source)"/></w:rPr></w:rPrDefault>\
        <w:pPrDefault><w:pPr><w:spacing w:after="60" w:line="252" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>\
        <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>\
        <w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>\
        <w:pPr><w:spacing w:after="200"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:sz w:val="36"/><w:szCs w:val="36"/></w:rPr></w:style>\
        <w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>\
        <w:pPr><w:keepNext/><w:spacing w:before="240" w:after="120"/><w:outlineLvl w:val="0"/></w:pPr>\
        <w:rPr><w:b/><w:color w:val="1F3864"/><w:sz w:val="28"/><w:szCs w:val="28"/></w:rPr></w:style>\
        <w:style w:type="paragraph" w:styleId="TableHeader"><w:name w:val="Table Header"/><w:basedOn w:val="Normal"/><w:qFormat/>\
        <w:pPr><w:keepNext/></w:pPr><w:rPr><w:b/></w:rPr></w:style>\
        <w:style w:type="paragraph" w:styleId="Notes"><w:name w:val="Notes"/><w:basedOn w:val="Normal"/><w:qFormat/>\
        <w:pPr><w:spacing w:after="20"/></w:pPr><w:rPr><w:sz w:val="17"/><w:szCs w:val="17"/></w:rPr></w:style>\
        <w:style w:type="paragraph" w:styleId="Target"><w:name w:val="Target"/><w:basedOn w:val="Normal"/><w:qFormat/>\
        <w:rPr><w:lang w:val="\(target)"/></w:rPr></w:style>\
        <w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>\
        <w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>\
        <w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>\
        <w:style w:type="table" w:styleId="WorksheetTable"><w:name w:val="Worksheet Table"/><w:basedOn w:val="TableNormal"/>\
        <w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="808080"/>\
        <w:left w:val="single" w:sz="4" w:space="0" w:color="808080"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="808080"/>\
        <w:right w:val="single" w:sz="4" w:space="0" w:color="808080"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="808080"/>\
        <w:insideV w:val="single" w:sz="4" w:space="0" w:color="808080"/></w:tblBorders>\
        <w:tblCellMar><w:top w:w="57" w:type="dxa"/><w:left w:w="85" w:type="dxa"/><w:bottom w:w="57" w:type="dxa"/>\
        <w:right w:w="85" w:type="dxa"/></w:tblCellMar></w:tblPr>\
        <w:tblStylePr w:type="firstRow"><w:rPr><w:b/></w:rPr><w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="E7E6E6"/></w:tcPr></w:tblStylePr>\
        </w:style>\
        </w:styles>

        """
    }
}

/// `word/document.xml`: the body written paragraph by paragraph.
struct DOCXDocument {
    let sheet: Worksheet
    /// A4 landscape with 2 cm margins, in twentieths of a point.
    static let pageWidth = 16838, pageHeight = 11906, margin = 1134
    static let textWidth = pageWidth - 2 * margin
    /// Segment table columns: number | source | target | notes.
    static let segmentColumns = [1100, 4900, 4400, textWidth - 1100 - 4900 - 4400]
    /// Glossary table columns: term | translations | definition and note | segments.
    static let glossaryColumns = [3000, 4400, 5170, textWidth - 3000 - 4400 - 5170]

    /// Character formatting of a run.
    struct Format: Equatable {
        var bold = false
        var italic = false
        var strike = false
        var color: String?
        var underline: String?
        var shading: String?
        var language: String?
        var size: Int?
    }

    func xml() -> String {
        var body = ""
        body += paragraph(style: "Title", [run("Translation worksheet: " + sheet.source)])
        body += headerBlock()
        body += paragraph(style: "Heading1", [run("Summary for context")])
        let summary = sheet.summarySegments
        if summary.isEmpty {
            body += paragraph([run("No summary.", Format(italic: true))])
        }
        for segment in summary {
            body += paragraph([run("\(segment.id)  ", Format(bold: true)), run(segment.source)])
        }
        body += paragraph(style: "Heading1", [run("Segments")])
        body += segmentTable()
        // The glossary extract is for reference: it starts a page of its own.
        body += "<w:p><w:pPr><w:pStyle w:val=\"Heading1\"/><w:pageBreakBefore/></w:pPr>" + run("Glossary extract") + "</w:p>"
        if sheet.glossary.isEmpty {
            body += paragraph([run("No glossary term occurs in the text.", Format(italic: true))])
        } else {
            body += glossaryTable()
        }
        body += "<w:sectPr><w:pgSz w:w=\"\(Self.pageWidth)\" w:h=\"\(Self.pageHeight)\" w:orient=\"landscape\"/>"
            + "<w:pgMar w:top=\"\(Self.margin)\" w:right=\"\(Self.margin)\" w:bottom=\"\(Self.margin)\" w:left=\"\(Self.margin)\" "
            + "w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/></w:sectPr>"
        return DOCXParts.declaration
            + "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
            + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
            + "<w:body>" + body + "</w:body></w:document>\n"
    }

    // MARK: header

    func headerBlock() -> String {
        var facts: [(String, String)] = [
            ("Source file", sheet.source),
            ("Source language", sheet.sourceLanguage + (sheet.languageIdentified ? " (detected)" : " (given)")),
            ("Target language", sheet.targetLanguage),
            ("Date", sheet.date ?? "none"),
        ]
        if let dateline = sheet.dateline { facts.append(("Dateline", dateline)) }
        if let teaser = sheet.teaser { facts.append(("Teaser", teaser)) }
        for field in sheet.metadata { facts.append(("Metadata " + field.key, field.value)) }
        facts.append(("Size", Counting.phrase(sheet.segments.count, "segment") + ", " + Counting.words(sheet.counts)))
        facts.append(("Glossaries searched", sheet.glossaries.isEmpty ? "none" : sheet.glossaries.joined(separator: ", ")))
        return facts.map { paragraph([run($0.0 + ": ", Format(bold: true)), run($0.1)]) }.joined()
    }

    // MARK: tables

    func table(columns: [Int], header: [String], rows: [String]) -> String {
        var xml = "<w:tbl><w:tblPr><w:tblStyle w:val=\"WorksheetTable\"/><w:tblW w:w=\"\(columns.reduce(0, +))\" w:type=\"dxa\"/>"
            + "<w:tblLayout w:type=\"fixed\"/>"
            + "<w:tblLook w:val=\"04A0\" w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"0\" w:lastColumn=\"0\" w:noHBand=\"1\" w:noVBand=\"1\"/>"
            + "</w:tblPr><w:tblGrid>"
        for width in columns { xml += "<w:gridCol w:w=\"\(width)\"/>" }
        xml += "</w:tblGrid>"
        xml += "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>"
        for (width, title) in zip(columns, header) {
            xml += cell(width: width, shading: "E7E6E6", paragraph(style: "TableHeader", [run(title, Format(bold: true))]))
        }
        xml += "</w:tr>"
        for row in rows { xml += row }
        return xml + "</w:tbl>" + paragraph([])
    }

    func cell(width: Int, shading: String? = nil, _ paragraphs: String) -> String {
        var xml = "<w:tc><w:tcPr><w:tcW w:w=\"\(width)\" w:type=\"dxa\"/>"
        if let shading { xml += "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"\(shading)\"/>" }
        // A cell must hold a paragraph, even an empty one.
        return xml + "</w:tcPr>" + (paragraphs.isEmpty ? paragraph([]) : paragraphs) + "</w:tc>"
    }

    func segmentTable() -> String {
        let columns = Self.segmentColumns
        let header = ["#", "Source (\(sheet.sourceLanguage))", "Translation (\(sheet.targetLanguage))", "Notes"]
        let rows = sheet.segments.map { segment -> String in
            var number = paragraph([run("\(segment.id)", Format(bold: true))])
            if segment.kind != .paragraph {
                number += paragraph(style: "Notes", [run(segment.kind == .listItem ? "list item" : segment.kind.rawValue, Format(italic: true))])
            }
            if segment.inSummary {
                number += paragraph(style: "Notes", [run("summary", Format(bold: true, shading: "FFF0A6"))])
            }
            // Right-to-left targets (Arabic, Hebrew, …) get a right-to-left paragraph to write in.
            let bidi = sheet.targetDirection == "rtl" ? "<w:bidi/>" : ""
            let target = "<w:p><w:pPr><w:pStyle w:val=\"Target\"/>\(bidi)<w:rPr><w:lang w:val=\"\(XMLText.attribute(sheet.targetLanguage))\"/></w:rPr></w:pPr></w:p>"
            return "<w:tr><w:trPr><w:cantSplit/></w:trPr>"
                + cell(width: columns[0], number)
                + cell(width: columns[1], paragraph(source(segment)))
                + cell(width: columns[2], target)
                + cell(width: columns[3], notes(segment))
                + "</w:tr>"
        }
        return table(columns: columns, header: header, rows: rows)
    }

    /// The source's runs: terms bold, names blue, numbers green with a dotted underline, direct
    /// quotes italic, reported speech shaded; headings bold throughout.
    func source(_ segment: Segment) -> [String] {
        segment.runs.map { piece -> String in
            var format = Format()
            if piece.term != nil { format.bold = true }
            if segment.kind == .heading { format.bold = true }
            if let index = piece.term, segment.terms.indices.contains(index),
               let item = sheet.glossaryItem(segment.terms[index].entry), !item.deprecated.isEmpty {
                format.underline = "wave"
            }
            if piece.entity != nil { format.color = "1F4E9A" }
            if piece.measure != nil {
                format.color = "1B6B45"
                if format.underline == nil { format.underline = "dotted" }
            }
            if let index = piece.quote, segment.quotes.indices.contains(index) {
                if segment.quotes[index].kind == .direct { format.italic = true } else { format.shading = "EFE6F7" }
            }
            if segment.kind == .teaser || segment.kind == .dateline { format.italic = true }
            return run(piece.text, format)
        }
    }

    func notes(_ segment: Segment) -> String {
        var paragraphs: [[String]] = []
        let target = sheet.targetLanguage
        var seenEntries: Set<String> = []
        for mark in segment.terms.sorted(by: { $0.start < $1.start }) where seenEntries.insert(mark.entry).inserted {
            guard let item = sheet.glossaryItem(mark.entry) else {
                paragraphs.append([run("term ", Format(italic: true)), run(mark.text, Format(bold: true))])
                continue
            }
            var runs = [run("term ", Format(italic: true)), run(item.term, Format(bold: true))]
            let approved = item.approved.map(\.term)
            if approved.isEmpty {
                runs.append(run(" — no approved translation", Format(italic: true)))
            } else {
                runs.append(run(" → "))
                runs.append(run(approved.joined(separator: "; "), Format(bold: true, language: target)))
            }
            paragraphs.append(runs)
            for translation in item.deprecated { paragraphs.append(deprecated(translation)) }
        }
        var seenNames: Set<String> = []
        for entity in segment.entities.sorted(by: { $0.start < $1.start })
        where seenNames.insert(entity.type.rawValue + "\u{0}" + entity.text).inserted {
            var runs = [run(entity.typeName + " ", Format(italic: true)), run(entity.text, Format(color: "1F4E9A"))]
            if let latin = entity.latin { runs.append(run(" (Latin: \(latin))")) }
            paragraphs.append(runs)
        }
        for measure in segment.measures.sorted(by: { $0.start < $1.start }) {
            var runs = [run(measure.kind.rawValue + " ", Format(italic: true)), run(measure.text, Format(color: "1B6B45"))]
            if let rendering = measure.rendering { runs += [run(" → "), run(rendering, Format(language: target))] }
            paragraphs.append(runs)
        }
        for quote in segment.quotes.sorted(by: { $0.start < $1.start }) {
            paragraphs.append([run((quote.kind == .direct ? "direct quote" : "reported speech") + ", speaker: ", Format(italic: true)),
                               run(quote.speaker ?? "not named")])
        }
        paragraphs.append([run(Counting.words(segment.counts), Format(color: "595959"))])
        return paragraphs.map { paragraph(style: "Notes", $0) }.joined()
    }

    func deprecated(_ translation: Translation) -> [String] {
        var runs = [run(translation.term, Format(strike: true, language: sheet.targetLanguage)),
                    run(" DO NOT USE", Format(bold: true, color: "B3261E"))]
        if let note = translation.note { runs.append(run(" (\(note))")) }
        return runs
    }

    func glossaryTable() -> String {
        let columns = Self.glossaryColumns
        let header = ["Term (\(sheet.sourceLanguage))", "Translations (\(sheet.targetLanguage))", "Definition and note", "Segments"]
        let rows = sheet.glossary.map { item -> String in
            var term = [run(item.term, Format(bold: true))]
            if let partOfSpeech = item.partOfSpeech { term.append(run(" (\(partOfSpeech))", Format(italic: true))) }
            var translations = item.approved.map { translation -> String in
                var runs = [run(translation.term, Format(bold: true, language: sheet.targetLanguage))]
                if translation.status == .admitted { runs.append(run(" admitted", Format(italic: true))) }
                if let note = translation.note { runs.append(run(" (\(note))")) }
                return paragraph(runs)
            }.joined()
            translations += item.deprecated.map { paragraph(deprecated($0)) }.joined()
            if translations.isEmpty { translations = paragraph([run("no translation", Format(italic: true))]) }
            var explanation = ""
            if let definition = item.definition { explanation += paragraph([run(definition)]) }
            if let note = item.note { explanation += paragraph([run("Note: ", Format(italic: true)), run(note)]) }
            return "<w:tr><w:trPr><w:cantSplit/></w:trPr>"
                + cell(width: columns[0], paragraph(term))
                + cell(width: columns[1], translations)
                + cell(width: columns[2], explanation)
                + cell(width: columns[3], paragraph([run(item.segments.map(String.init).joined(separator: ", "))]))
                + "</w:tr>"
        }
        return table(columns: columns, header: header, rows: rows)
    }


    // MARK: paragraphs and runs

    func paragraph(style: String? = nil, _ runs: [String]) -> String {
        let properties = style.map { "<w:pPr><w:pStyle w:val=\"\($0)\"/></w:pPr>" } ?? ""
        return "<w:p>" + properties + runs.joined() + "</w:p>"
    }

    /// One run; tabs and line breaks become `w:tab` and `w:br`, the text is escaped.
    func run(_ text: String, _ format: Format = Format()) -> String {
        var properties = ""
        if format.bold { properties += "<w:b/><w:bCs/>" }
        if format.italic { properties += "<w:i/><w:iCs/>" }
        if format.strike { properties += "<w:strike/>" }
        if let color = format.color { properties += "<w:color w:val=\"\(color)\"/>" }
        if let size = format.size { properties += "<w:sz w:val=\"\(size)\"/><w:szCs w:val=\"\(size)\"/>" }
        if let underline = format.underline { properties += "<w:u w:val=\"\(underline)\"/>" }
        if let shading = format.shading { properties += "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"\(shading)\"/>" }
        if let language = format.language { properties += "<w:lang w:val=\"\(XMLText.attribute(language))\"/>" }
        var xml = "<w:r>" + (properties.isEmpty ? "" : "<w:rPr>" + properties + "</w:rPr>")
        // Scalar by scalar (Character iteration costs grapheme breaking): a tab and line breaks
        // become Word's own elements, CR LF one break.
        var pending = String.UnicodeScalarView()
        var previous: Unicode.Scalar = " "
        func flush() {
            if !pending.isEmpty { xml += "<w:t xml:space=\"preserve\">" + XMLText.escape(String(pending)) + "</w:t>" }
            pending = String.UnicodeScalarView()
        }
        for scalar in text.unicodeScalars {
            defer { previous = scalar }
            switch scalar {
            case "\t": flush(); xml += "<w:tab/>"
            case "\n" where previous == "\r": continue
            case "\n", "\r", "\u{2028}", "\u{2029}": flush(); xml += "<w:br/>"
            default: pending.append(scalar)
            }
        }
        flush()
        return xml + "</w:r>"
    }
}
