/// The markup an input file is written in, which decides how `MarkupExtractor` reads it.
///
///     MarkupKind.kind(forPathExtension: "HTM")   // .html
///     MarkupKind.kind(forPathExtension: "md")    // .markdown
///     MarkupKind.kind(forPathExtension: "docx")  // nil
public enum MarkupKind: String, Sendable, CaseIterable {
    /// Text already in Kernsatz's layout: returned unchanged.
    case plain
    /// CommonMark-style Markdown.
    case markdown
    /// HTML or XHTML: a web page or a fragment of one.
    case html

    /// The kind for a file name extension (without the dot, any case), or nil for one Kernsatz does not read.
    ///
    /// - Complexity: O(*n*) in the length of the extension.
    public static func kind(forPathExtension pathExtension: String) -> MarkupKind? {
        switch pathExtension.lowercased() {
        case "txt", "text": return .plain
        case "md", "markdown": return .markdown
        case "html", "htm", "xhtml": return .html
        default: return nil
        }
    }
}
