import KernsatzWorksheet

/// What a batch writes for each input: the summary as plain text, or a worksheet format.
public enum BatchFormat: String, Sendable, CaseIterable, Codable {
    /// The summary sentences, one per line, in document order (`<name>.summary.txt`).
    case summary
    case xliff
    case xliff12
    case html
    case docx
    case csv
    case md
    case json

    /// The formats written when none are named: the summary, XLIFF 2.1 for CAT tools, HTML for reading.
    public static let defaults: [BatchFormat] = [.summary, .xliff, .html]

    /// The worksheet format, or nil for the summary.
    public var worksheetFormat: WorksheetFormat? { WorksheetFormat(rawValue: rawValue) }

    public var fileExtension: String { worksheetFormat?.fileExtension ?? "summary.txt" }

    /// Reads a comma-separated list ("summary,xliff,html"); also "xlf", "xliff2", "markdown", "txt", "all"
    /// (`FormatList`, the reader `worksheet --format` uses too).
    /// - Throws: `FormatListError` naming `--formats` and the unknown format.
    public static func list(_ text: String) throws(FormatListError) -> [BatchFormat] {
        try FormatList.parse(text, option: "--formats", allowsAll: true)
    }
}

extension BatchFormat: ListedFormat {
    public static let aliases = WorksheetFormat.aliases.merging(["txt": "summary"]) { $1 }
}
