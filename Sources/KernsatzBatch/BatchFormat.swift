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

    /// Reads a comma-separated list ("summary,xliff,html"); also "xlf", "xliff2", "markdown", "all".
    /// - Throws: `BatchError` naming the unknown format.
    public static func list(_ text: String) throws(BatchError) -> [BatchFormat] {
        var formats: [BatchFormat] = []
        for raw in text.split(separator: ",") {
            let name = raw.trimmingCharacters(in: .whitespaces).lowercased()
            if name.isEmpty { continue }
            if name == "all" {
                for format in allCases where !formats.contains(format) { formats.append(format) }
                continue
            }
            let canonical = ["xlf": "xliff", "xliff2": "xliff", "markdown": "md", "txt": "summary"][name] ?? name
            guard let format = BatchFormat(rawValue: canonical) else {
                throw BatchError(.badInput(reason: "unknown format '\(name)'; use \(allCases.map(\.rawValue).joined(separator: ", ")) or all"),
                                 path: "--formats")
            }
            if !formats.contains(format) { formats.append(format) }
        }
        if formats.isEmpty { throw BatchError(.badInput(reason: "needs at least one format"), path: "--formats") }
        return formats
    }
}
