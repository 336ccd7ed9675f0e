import Foundation
import Kernsatz
import KernsatzWorksheet
import XCTest
import ZIPFoundation

/// `DOCXReader` and `WorksheetMerge` on DOCX worksheets made in the test by `DOCXWriter`, their
/// translation cells filled by editing `word/document.xml` as Word and LibreOffice write it (several
/// paragraphs, split runs, tracked changes). The pass through LibreOffice itself is `.ci/roundtrip`.
final class DOCXMergeTests: XCTestCase {
    // MARK: helpers

    static let text = "Der Rat tagt heute in Brüssel. Die Minister beraten lange.\n\nEin zweiter Absatz folgt hier."

    func sheet(_ text: String = DOCXMergeTests.text) throws -> Worksheet {
        let analysis = try Pipeline(options: PipelineOptions(language: "de")).analyze(text, source: "rat.txt")
        return try WorksheetBuilder(options: WorksheetOptions(targetLanguage: "en")).build(analysis, source: "rat.txt", form: .text)
    }

    /// The package's parts in order.
    func parts(_ data: Data) throws -> [(String, Data)] {
        let archive = try Archive(data: data, accessMode: .read)
        return try archive.map { entry in
            var bytes = Data()
            _ = try archive.extract(entry) { bytes.append($0) }
            return (entry.path, bytes)
        }
    }

    /// The package with `edit` applied to each part's text (`nil`: the part left out).
    func repack(_ data: Data, _ edit: (String, String) -> String?) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (name, bytes) in try parts(data) {
            guard let text = edit(name, String(decoding: bytes, as: UTF8.self)) else { continue }
            let out = Data(text.utf8)
            try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(out.count), compressionMethod: .deflate) { position, size in
                out.subdata(in: Int(position)..<min(Int(position) + size, out.count))
            }
        }
        return try XCTUnwrap(archive.data)
    }

    /// The writer's empty translation paragraph of each row, in order.
    static let emptyTarget = "<w:p><w:pPr><w:pStyle w:val=\"Target\"/><w:rPr><w:lang w:val=\"en\"/></w:rPr></w:pPr></w:p>"

    /// Each row's translation cell replaced by `fill(row index, segment)`'s XML.
    func filled(_ sheet: Worksheet, _ fill: (Int, Segment) -> String) throws -> Data {
        try repack(try DOCXWriter.write(sheet)) { name, text in
            guard name == "word/document.xml" else { return text }
            var pieces = text.components(separatedBy: Self.emptyTarget)
            XCTAssertEqual(pieces.count, sheet.segments.count + 1, "one empty translation paragraph per segment")
            var out = pieces.removeFirst()
            for (index, piece) in pieces.enumerated() { out += fill(index, sheet.segments[index]) + piece }
            return out
        }
    }

    func paragraph(_ runs: String) -> String { "<w:p><w:pPr><w:pStyle w:val=\"Target\"/></w:pPr>\(runs)</w:p>" }
    func run(_ text: String) -> String { "<w:r><w:t xml:space=\"preserve\">\(text)</w:t></w:r>" }

    /// The skeleton with each placeholder replaced by `target(segment)`.
    func expected(_ sheet: Worksheet, _ target: (Segment) -> String) -> String {
        var text = sheet.skeletonOrLayout.render()
        text = String(text[text.index(after: text.firstIndex(of: "\n")!)...])
        for segment in sheet.segments { text = text.replacingOccurrences(of: "{kz:\(segment.id)}", with: target(segment)) }
        return text
    }

    func merge(_ data: Data, file: String = "rat.docx") throws -> MergedDocument {
        try WorksheetMerge.merge(Array(data), file: file)
    }

    func error(_ body: () throws -> Void) -> WorksheetError? {
        do { try body() } catch let error as WorksheetError { return error } catch { XCTFail("\(error)") }
        return nil
    }

    // MARK: refusals first

    func testBytesThatAreNoZIP_inADocxFile_cannotBeRead() {
        let failure = error { _ = try merge(Data("<xliff/>".utf8)) }
        guard case .unreadableDOCX(let reason)? = failure?.kind else { return XCTFail("\(String(describing: failure))") }
        XCTAssertTrue(reason.hasPrefix("not a ZIP package"), reason)
        XCTAssertTrue(failure!.description.hasPrefix("rat.docx: cannot be read as a DOCX worksheet (not a ZIP package"), failure!.description)
    }

    func testDOCXWithoutTheKernsatzPart_isNotAKernsatzWorksheet() throws {
        let data = try repack(try DOCXWriter.write(try sheet())) { name, text in name.hasPrefix("customXml/item1") ? nil : text }
        let failure = error { _ = try merge(data, file: "fremd.docx") }
        XCTAssertEqual(failure?.kind, .notKernsatzDOCX)
        XCTAssertEqual(failure?.description, "fremd.docx: not a Kernsatz worksheet (no Kernsatz data part in the package); "
                       + "merge reads the DOCX worksheets Kernsatz writes (worksheet --format docx)")
    }

    func testAnotherToolsCustomXMLPart_isNotTakenForKernsatzs() throws {
        let data = try repack(try DOCXWriter.write(try sheet())) { name, text in
            name == "customXml/item1.xml" ? "<?xml version=\"1.0\"?><b:Sources xmlns:b=\"http://schemas.openxmlformats.org/officeDocument/2006/bibliography\"/>" : text
        }
        XCTAssertEqual(error { _ = try merge(data) }?.kind, .notKernsatzDOCX)
    }

    func testEditedNumberCell_namesTheTableRow() throws {
        let data = try repack(try DOCXWriter.write(try sheet())) { name, text in
            name == "word/document.xml" ? text.replacingOccurrences(of: "<w:t xml:space=\"preserve\">2</w:t>", with: "<w:t>zwei</w:t>") : text
        }
        let failure = error { _ = try merge(data) }
        XCTAssertEqual(failure?.description, "rat.docx: table row 3: the number cell holds 'zwei', not a segment number")
    }

    func testDeletedRow_leavesItsPlaceholderWithoutSegment() throws {
        let sheet = try sheet()
        let data = try repack(try DOCXWriter.write(sheet)) { name, text in
            guard name == "word/document.xml" else { return text }
            // The second segment row: from its <w:tr> to the next.
            let rows = text.components(separatedBy: "<w:tr><w:trPr><w:cantSplit/></w:trPr>")
            return rows.enumerated().filter { $0.offset != 2 }.map(\.element).joined(separator: "<w:tr><w:trPr><w:cantSplit/></w:trPr>")
        }
        XCTAssertEqual(error { _ = try merge(data) }?.kind, .placeholderWithoutSegment(sheet.segments[1].id))
    }

    func testRowNumberedWithAnotherWorksheetsSegment_isRefused() throws {
        let data = try repack(try DOCXWriter.write(try sheet())) { name, text in
            name == "word/document.xml" ? text.replacingOccurrences(of: "<w:t xml:space=\"preserve\">3</w:t>", with: "<w:t>99</w:t>") : text
        }
        XCTAssertEqual(error { _ = try merge(data) }?.description,
                       "rat.docx: table row 4: segment 99 is not one of this worksheet's segments (the number cell was edited?)")
    }

    // MARK: merging

    func testUnfilledWorksheet_keepsEverySourceAndListsEverySegment() throws {
        let sheet = try sheet()
        XCTAssertEqual(sheet.segments.count, 3)
        let merged = try merge(try DOCXWriter.write(sheet))
        XCTAssertEqual(merged.untranslated, [1, 2, 3])
        XCTAssertEqual(merged.text, expected(sheet) { $0.source })
        XCTAssertEqual(merged.fileName(), "rat.en.txt")
        XCTAssertEqual(merged.sourceLanguage, "de")
    }

    func testFilledCells_severalParagraphsSplitRunsAndTrackedChanges_giveTheTargets() throws {
        let sheet = try sheet()
        let data = try filled(sheet) { index, segment in
            switch index {
            case 0:  // two paragraphs, the second in two runs, one with a tab-free break-free text
                return paragraph(run("[EN]")) + paragraph(run("The council ") + run("meets today in Brussels."))
            case 1:  // tracked changes: the deletion dropped, the insertion taken, a moved text taken once
                return paragraph(run("The ministers ")
                                 + "<w:del w:id=\"1\" w:author=\"R\"><w:r><w:delText>talk </w:delText></w:r></w:del>"
                                 + "<w:ins w:id=\"2\" w:author=\"R\"><w:r><w:t>deliberate </w:t></w:r></w:ins>"
                                 + "<w:moveFrom w:id=\"3\"><w:r><w:t>long.</w:t></w:r></w:moveFrom>"
                                 + "<w:moveTo w:id=\"4\"><w:r><w:t>at length.</w:t></w:r></w:moveTo>")
            default:  // the source copied unchanged: untranslated
                return paragraph(run(segment.source))
            }
        }
        let merged = try merge(data)
        let targets = [1: "[EN] The council meets today in Brussels.", 2: "The ministers deliberate at length."]
        XCTAssertEqual(merged.text, expected(sheet) { targets[$0.id] ?? $0.source })
        XCTAssertEqual(merged.untranslated, [3])
        let read = try DOCXReader.read(Array(data), file: "rat.docx")
        XCTAssertEqual(read.segments.map(\.unit), ["row 2", "row 3", "row 4"])
    }

    func testRowsMarkedNotHeader_tblHeaderFalse_areSegmentRows() throws {
        let data = try repack(try DOCXWriter.write(try sheet())) { name, text in
            name == "word/document.xml" ? text.replacingOccurrences(of: "<w:trPr><w:cantSplit/></w:trPr>",
                                                                    with: "<w:trPr><w:cantSplit/><w:tblHeader w:val=\"false\"/></w:trPr>") : text
        }
        XCTAssertEqual(try DOCXReader.read(Array(data), file: "rat.docx").segments.map(\.id), [1, 2, 3])
    }

    func testTextBoxFallbackAndFieldCodes_areNotText() throws {
        let sheet = try sheet()
        let data = try filled(sheet) { index, segment in
            guard index == 0 else { return paragraph(run("[EN] " + segment.source)) }
            return paragraph(run("One ")
                             + "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>"
                             + "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
                             + "<mc:AlternateContent xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\">"
                             + "<mc:Choice Requires=\"wps\"></mc:Choice><mc:Fallback><w:r><w:t>twice</w:t></w:r></mc:Fallback></mc:AlternateContent>"
                             + run("two."))
        }
        let read = try DOCXReader.read(Array(data), file: "rat.docx")
        XCTAssertEqual(read.segments.first?.target, "One two.")
    }

    func testPackage_carriesTheDataPartWithSkeletonLanguagesAndSources() throws {
        let sheet = try sheet()
        let data = try DOCXWriter.write(sheet)
        XCTAssertEqual(try parts(data).map(\.0), DOCXWriter.partNames)
        let part = String(decoding: try XCTUnwrap(try parts(data).first { $0.0 == "customXml/item1.xml" }?.1), as: UTF8.self)
        XCTAssertTrue(part.contains("<kz:worksheet xmlns:kz=\"urn:kernsatz:docx-worksheet:1\" original=\"rat.txt\" source-language=\"de\" target-language=\"en\">"), part)
        XCTAssertTrue(part.contains("<kz:skeleton>kernsatz-skeleton 1 text\n"), part)
        XCTAssertTrue(part.contains("<kz:segment id=\"2\">Die Minister beraten lange.</kz:segment>"), part)
        let read = try DOCXReader.read(Array(data), file: "rat.docx")
        XCTAssertEqual(read.version, .docx)
        XCTAssertEqual(read.targetLanguage, "en")
        XCTAssertEqual(read.segments.map(\.id), sheet.segments.map(\.id))
        XCTAssertEqual(read.segments.map(\.source), sheet.segments.map(\.source))
    }
}
