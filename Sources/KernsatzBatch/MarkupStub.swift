// TEMPORARY until KernsatzText.MarkupExtractor lands.
public enum MarkupKind: String, Sendable, CaseIterable, Codable {
    case plain, markdown, html
    public init?(pathExtension: String) {
        switch pathExtension.lowercased() {
        case "txt", "text": self = .plain
        case "md", "markdown": self = .markdown
        case "html", "htm", "xhtml": self = .html
        default: return nil
        }
    }
}
struct MarkupExtractor { func text(from s: String, kind: MarkupKind) -> String { s } }
