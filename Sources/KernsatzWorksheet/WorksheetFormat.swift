import Foundation

/// The file formats of a worksheet and who opens them.
public enum WorksheetFormat: String, Sendable, CaseIterable {
    /// XLIFF 2.1 with the glossary module: CAT tools of today (the default).
    case xliff
    /// XLIFF 1.2 (strict): older CAT tools and filters (OmegaT, Okapi).
    case xliff12
    /// One self-contained web page: everyone.
    case html
    /// A bilingual Word table: reviewers.
    case docx
    /// One row per segment, UTF-8 with BOM: project managers' spreadsheets.
    case csv
    case md
    /// The whole worksheet model, versioned (Kernsatz.docc/Worksheets.md, "Worksheet JSON").
    case json

    /// The file name extension; the two XLIFF versions differ so both fit in one folder.
    public var fileExtension: String {
        switch self {
        case .xliff: return "xlf"
        case .xliff12: return "xliff12.xlf"
        case .html: return "html"
        case .docx: return "docx"
        case .csv: return "csv"
        case .md: return "md"
        case .json: return "json"
        }
    }

    /// Whether the output is text (it can go to standard output).
    public var isText: Bool { self != .docx }

    /// The worksheet in this format, as the bytes of a file.
    public func data(_ sheet: Worksheet) throws(WorksheetError) -> Data {
        switch self {
        case .xliff: return Data(XLIFF2Writer.write(sheet).utf8)
        case .xliff12: return Data(XLIFF12Writer.write(sheet).utf8)
        case .html: return Data(HTMLWriter.write(sheet).utf8)
        case .docx: return try DOCXWriter.write(sheet)
        case .csv: return Data(CSVWriter.write(sheet).utf8)
        case .md: return Data(MarkdownWriter.write(sheet).utf8)
        case .json: return try JSONWriter.write(sheet)
        }
    }

    /// The worksheet in this format, handed to `chunk` in pieces in order: XLIFF 2.1 and 1.2 in
    /// pieces of about 64 KB (a worksheet of a million segments takes hundreds of MB as XLIFF),
    /// the other formats in one piece, as `data(_:)` gives them.
    public func write(_ sheet: Worksheet, to chunk: (Data) -> Void) throws(WorksheetError) {
        switch self {
        case .xliff: XLIFF2Writer.write(sheet) { chunk(Data($0.utf8)) }
        case .xliff12: XLIFF12Writer.write(sheet) { chunk(Data($0.utf8)) }
        default: chunk(try data(sheet))
        }
    }
}
