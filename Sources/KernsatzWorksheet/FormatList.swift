/// A format that can be named in a comma-separated list (`worksheet --format`, `batch --formats`).
public protocol ListedFormat: RawRepresentable, CaseIterable, Equatable, Sendable where RawValue == String {
    /// Other names a user may write, each for the raw value it stands for ("xlf" → "xliff").
    static var aliases: [String: String] { get }
}

/// A format list that cannot be used: says which option, which name, and what the choices are.
public struct FormatListError: Error, Sendable, Equatable, CustomStringConvertible {
    public let description: String
}

/// The one reader of format lists ("summary,xliff,html"), for `worksheet` and `batch` alike: names
/// are trimmed and case-insensitive, empty items and repeats are left out, the order is kept;
/// `all` (where allowed) stands for every format.
///
///     try FormatList.parse("XLF, html,xlf", option: "--format") as [WorksheetFormat]  // [.xliff, .html]
public enum FormatList {
    /// - Parameters:
    ///   - option: the option's name for messages ("--formats").
    ///   - allowsAll: whether `all` names every format.
    /// - Throws: `FormatListError` naming the option and the unknown format, or saying the list is empty.
    public static func parse<Format: ListedFormat>(_ text: String, option: String,
                                                   allowsAll: Bool = false) throws(FormatListError) -> [Format] {
        var formats: [Format] = []
        for raw in text.split(separator: ",") {
            let name = raw.trimmingCharacters(in: .whitespaces).lowercased()
            if name.isEmpty { continue }
            if allowsAll && name == "all" {
                for format in Format.allCases where !formats.contains(format) { formats.append(format) }
                continue
            }
            guard let format = Format(rawValue: Format.aliases[name] ?? name) else {
                let names = Format.allCases.map(\.rawValue).joined(separator: ", ")
                throw FormatListError(description: "\(option): unknown format '\(name)'; use \(names)\(allowsAll ? " or all" : "").")
            }
            if !formats.contains(format) { formats.append(format) }
        }
        if formats.isEmpty { throw FormatListError(description: "\(option) needs at least one format.") }
        return formats
    }
}

extension WorksheetFormat: ListedFormat {
    public static let aliases = ["xlf": "xliff", "xliff2": "xliff", "markdown": "md"]
}
