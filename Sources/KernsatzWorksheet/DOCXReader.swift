import Foundation
import KernsatzICU
import KernsatzText
import ZIPFoundation

/// What `kernsatz merge` needs from a DOCX worksheet, kept in the package as a custom XML part
/// (`customXml/item1.xml`), which Word and LibreOffice keep when they save and never show.
///
///     DOCXWorksheetData.xml(sheet)
///     // <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
///     // <kz:worksheet xmlns:kz="urn:kernsatz:docx-worksheet:1" original="a.txt" source-language="de" target-language="en">
///     // <kz:skeleton>kernsatz-skeleton 1 text
///     // {kz:1}
///     // </kz:skeleton>
///     // <kz:segment id="1">Der Rat tagt.</kz:segment>
///     // </kz:worksheet>
///
/// The skeleton is the one the XLIFF worksheets carry (`WorksheetSkeleton.render()`); each
/// segment's source is there so that an untranslated segment keeps its source even when a
/// reviewer edited the source column.
public enum DOCXWorksheetData {
    /// The namespace of the part's root, by which merge finds it among other custom XML parts.
    public static let namespace = "urn:kernsatz:docx-worksheet:1"

    /// - Parameter sheet: the worksheet.
    /// - Returns: the part's XML text.
    public static func xml(_ sheet: Worksheet) -> String {
        var xml = DOCXParts.declaration
            + "<kz:worksheet xmlns:kz=\"\(namespace)\" original=\"\(XMLText.attribute(sheet.source))\" "
            + "source-language=\"\(XMLText.attribute(XLIFFNotes.languageTag(sheet.sourceLanguage)))\" "
            + "target-language=\"\(XMLText.attribute(XLIFFNotes.languageTag(sheet.targetLanguage)))\">\n"
        xml += "<kz:skeleton>"
        sheet.skeletonOrLayout.render { xml += XMLText.escape($0) }
        xml += "</kz:skeleton>\n"
        for segment in sheet.segments {
            // Attribute escaping: line breaks and tabs as references, so a source's CR survives.
            xml += "<kz:segment id=\"\(segment.id)\">\(XMLText.attribute(segment.source))</kz:segment>\n"
        }
        return xml + "</kz:worksheet>\n"
    }
}

/// Reads a DOCX worksheet a reviewer filled in Word or LibreOffice: the segments come from the
/// table's rows, the skeleton, languages and sources from the package's Kernsatz data part
/// (`DOCXWorksheetData`).
///
///     let sheet = try DOCXReader.read(Array(docx), file: "nato.docx")
///     sheet.version            // .docx
///     sheet.segments[0].unit   // "row 2" (the header is row 1)
///     sheet.segments[0].target // "[EN] NATO Secretary General …" (the translation cell's text)
///
/// The segment table is the first table of the body; its header row (`w:tblHeader`, or a first
/// row whose number cell is not a number) is skipped. In every other row the first paragraph of
/// the number cell holding text is the segment number, and the third cell is the translation: the
/// text of all its runs (`w:t`; `w:tab` a tab, `w:br` and `w:cr` a line break), its paragraphs
/// joined by one space. Tracked changes count as accepted: insertions (`w:ins`, `w:moveTo`) are
/// taken, deletions (`w:del`, `w:moveFrom`, whose text is `w:delText`) dropped. Field codes,
/// comments and the fallback of `mc:AlternateContent` are not text.
public enum DOCXReader {
    /// Whether the bytes start as a ZIP package does ("PK\u{3}\u{4}").
    public static func isPackage(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 4 && bytes[0] == 0x50 && bytes[1] == 0x4B && bytes[2] == 0x03 && bytes[3] == 0x04
    }

    /// The largest part merge unpacks (a worksheet's document.xml is a few MB at most).
    static let partLimit: UInt64 = 256 << 20

    /// - Parameter file: the name used in errors.
    /// - Throws: `WorksheetError` with `file` set: `.unreadableDOCX` (not a ZIP package, no
    ///   `word/document.xml`, no table, broken XML), `.notKernsatzDOCX` (no Kernsatz data part),
    ///   `.badDOCXRow`, `.duplicateSegment`, and the skeleton's errors.
    public static func read(_ bytes: [UInt8], file: String) throws(WorksheetError) -> ReturnedWorksheet {
        do {
            return try readPackage(bytes)
        } catch {
            var error = error
            error.file = file
            throw error
        }
    }

    private static func readPackage(_ bytes: [UInt8]) throws(WorksheetError) -> ReturnedWorksheet {
        let archive: Archive
        do {
            archive = try Archive(data: Data(bytes), accessMode: .read)
        } catch {
            throw WorksheetError(.unreadableDOCX("not a ZIP package: \(error)"))
        }
        var data: DataPart?
        var document: [UInt8]?
        for entry in archive where entry.type == .file {
            let path = entry.path
            let isData = path.hasPrefix("customXml/item") && !path.hasPrefix("customXml/itemProps") && path.hasSuffix(".xml")
            guard isData || path == "word/document.xml" else { continue }
            let part = try extract(entry, from: archive)
            if path == "word/document.xml" {
                document = part
            } else if data == nil {
                data = try DataPart.read(part, path: path)
            }
        }
        guard let document else { throw WorksheetError(.unreadableDOCX("the package has no word/document.xml")) }
        guard let data else { throw WorksheetError(.notKernsatzDOCX) }
        let skeleton: SkeletonTemplate
        do {
            skeleton = try SkeletonTemplate.parse(data.skeleton)
        } catch {
            // Lines of a part inside the package would mislead: name the part instead.
            var error = error
            error.line = nil
            if case .damagedSkeleton(let what) = error.kind { error = WorksheetError(.damagedSkeleton("\(data.path): \(what)")) }
            throw error
        }
        let rows = try TableReader.rows(document)
        var segments: [ReturnedWorksheet.Segment] = []
        var seen: [Int: Int] = [:]
        for row in rows {
            let unit = "row \(row.number)"
            guard let source = data.sources[row.segment] else {
                throw WorksheetError(.badDOCXRow(row: row.number, "segment \(row.segment) is not one of this worksheet's segments (the number cell was edited?)"))
            }
            if seen[row.segment] != nil { throw WorksheetError(.duplicateSegment(segment: row.segment, unit: unit)) }
            seen[row.segment] = row.number
            segments.append(ReturnedWorksheet.Segment(id: row.segment, unit: unit, source: source, target: row.target, line: row.number))
        }
        return ReturnedWorksheet(version: .docx, versionText: "docx", original: data.original, sourceLanguage: data.sourceLanguage,
                                 targetLanguage: data.targetLanguage, skeleton: skeleton, segments: segments)
    }

    private static func extract(_ entry: Entry, from archive: Archive) throws(WorksheetError) -> [UInt8] {
        guard entry.uncompressedSize <= partLimit else {
            throw WorksheetError(.unreadableDOCX("\(entry.path) unpacks to \(entry.uncompressedSize) bytes, more than a worksheet has"))
        }
        var out: [UInt8] = []
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                out.append(contentsOf: chunk)
                if out.count > Int(partLimit) { throw CocoaError(.fileReadTooLarge) }
            }
        } catch {
            throw WorksheetError(.unreadableDOCX("\(entry.path) cannot be unpacked: \(error)"))
        }
        return out
    }

    static func xmlProblem(_ error: ICUError, part: String) -> WorksheetError {
        var problem = XLIFFReader.problem(error, file: "")
        let line = problem.line.map { "line \($0), " } ?? ""
        if case .unreadableXML(let reason) = problem.kind { problem = WorksheetError(.unreadableDOCX("\(part): \(line)\(reason)")) }
        problem.line = nil
        return problem
    }

    /// The Kernsatz data part as read.
    struct DataPart {
        var path: String
        var original: String?
        var sourceLanguage: String?
        var targetLanguage: String?
        var skeleton = ""
        var sources: [Int: String] = [:]

        /// Nil when the part is not Kernsatz's (another custom XML part Word added).
        static func read(_ bytes: [UInt8], path: String) throws(WorksheetError) -> DataPart? {
            var part = DataPart(path: path)
            var depth = 0
            var capture: Int?? = nil  // .some(nil): the skeleton; .some(n): segment n
            var buffer = ""
            do {
                let reader = try XMLPullReader(bytes: bytes)
                while let event = try reader.next() {
                    switch event {
                    case .start(let name, let attributes, _):
                        depth += 1
                        let local = localName(name)
                        if depth == 1 {
                            guard local == "worksheet", attributes.contains(where: { $0.key.hasPrefix("xmlns") && $0.value == DOCXWorksheetData.namespace }) else {
                                return nil
                            }
                            part.original = attributes["original"]
                            part.sourceLanguage = attributes["source-language"]
                            part.targetLanguage = attributes["target-language"]
                        } else if depth == 2 {
                            buffer = ""
                            if local == "skeleton" { capture = .some(nil) }
                            if local == "segment", let id = attributes["id"].flatMap(Int.init) { capture = .some(id) }
                        }
                    case .end:
                        if depth == 2, let what = capture {
                            if let id = what { part.sources[id] = buffer } else { part.skeleton = buffer }
                            capture = nil
                        }
                        depth -= 1
                    case .text(let text):
                        if capture != nil { buffer += text }
                    }
                }
            } catch {
                throw xmlProblem(error, part: path)
            }
            return part
        }
    }

    /// One row of the segment table.
    struct Row {
        /// The row's number in the table (the header is row 1).
        var number: Int
        var segment: Int
        /// The translation cell's text.
        var target: String
    }

    /// The segment table's rows out of `word/document.xml`.
    enum TableReader {
        static func rows(_ bytes: [UInt8]) throws(WorksheetError) -> [Row] {
            var rows: [Row] = []
            var tables = 0          // top-level tables seen
            var tableDepth = 0
            var inFirstTable: Bool { tables == 1 && tableDepth >= 1 }
            var rowNumber = 0
            var headerRow = false
            var cells: [[String]] = []  // the row's cells, each its paragraphs' text
            var paragraph: String?
            var dropped = 0         // depth inside deletions and fallbacks
            var inText = false
            var done = false
            do {
                let reader = try XMLPullReader(bytes: bytes)
                while !done, let event = try reader.next() {
                    switch event {
                    case .start(let name, let attributes, _):
                        let local = localName(name)
                        switch local {
                        case "del", "moveFrom", "Fallback": dropped += 1
                        case "tbl":
                            if tableDepth == 0 { tables += 1 }
                            tableDepth += 1
                        case _ where !inFirstTable || dropped > 0: break
                        case "tr" where tableDepth == 1:
                            rowNumber += 1
                            headerRow = false
                            cells = []
                        case "tblHeader" where tableDepth == 1:
                            // An on/off property: w:val="false" (LibreOffice writes "true") switches it off.
                            let value = attributes.first { localName($0.key) == "val" }?.value ?? "true"
                            headerRow = !["false", "0", "off"].contains(value)
                        case "tc" where tableDepth == 1: cells.append([])
                        case "p": paragraph = ""
                        case "t": inText = true
                        case "tab": paragraph? += "\t"
                        case "br", "cr": paragraph? += "\n"
                        case "noBreakHyphen": paragraph? += "\u{2011}"
                        default: break
                        }
                    case .end(let name, _):
                        let local = localName(name)
                        switch local {
                        case "del", "moveFrom", "Fallback": dropped -= 1
                        case "tbl":
                            tableDepth -= 1
                            if tableDepth == 0 && tables == 1 { done = true }
                        case _ where !inFirstTable || dropped > 0: break
                        case "t": inText = false
                        case "p":
                            if let text = paragraph, !cells.isEmpty { cells[cells.count - 1].append(text) }
                            paragraph = nil
                        case "tr" where tableDepth == 1:
                            if let row = try row(rowNumber, cells: cells, header: headerRow) { rows.append(row) }
                        default: break
                        }
                    case .text(let text):
                        if inText, dropped == 0, inFirstTable { paragraph? += text }
                    }
                }
            } catch let error as ICUError {
                throw xmlProblem(error, part: "word/document.xml")
            } catch let error as WorksheetError {
                throw error
            } catch {
                throw WorksheetError(.unreadableDOCX("word/document.xml: \(error)"))
            }
            if tables == 0 {
                throw WorksheetError(.unreadableDOCX("word/document.xml has no table (the worksheet's segment table was deleted?)"))
            }
            return rows
        }

        /// A row, or nil for the header row.
        static func row(_ number: Int, cells: [[String]], header: Bool) throws(WorksheetError) -> Row? {
            let numberText = (cells.first ?? []).first { !$0.trimmingWhiteSpace.isEmpty }?.trimmingWhiteSpace ?? ""
            let segment = Int(numberText).flatMap { $0 >= 0 && String($0) == numberText ? $0 : nil }
            if header || (number == 1 && segment == nil) { return nil }
            guard let segment else {
                let shown = numberText.isEmpty ? "nothing" : "'\(numberText.prefix(40))'"
                throw WorksheetError(.badDOCXRow(row: number, "the number cell holds \(shown), not a segment number"))
            }
            guard cells.count >= 3 else {
                throw WorksheetError(.badDOCXRow(row: number, "\(cells.count) cells; a worksheet row has 4 (number, source, translation, notes)"))
            }
            let target = cells[2].map(\.trimmingWhiteSpace).filter { !$0.isEmpty }.joined(separator: " ")
            return Row(number: number, segment: segment, target: target)
        }
    }

    private static func localName(_ name: String) -> String {
        name.firstIndex(of: ":").map { String(name[name.index(after: $0)...]) } ?? name
    }
}
