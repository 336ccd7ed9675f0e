/// The glossary file formats Kernsatz reads and writes.
public enum GlossaryFormat: String, CaseIterable, Sendable {
    /// TermBase eXchange: v3 (ISO 30042:2019, `<tbx>`) read and written; 2008 (`<martif>`) read.
    case tbx
    /// OmegaT's glossary: UTF-8, three tab-separated columns (source, target, comment), no header.
    case tsv
    /// Comma-separated with a header row naming language columns (de,en,…) and optional
    /// pos, status, note, definition columns.
    case csv

    /// The format a file name's extension names: .tbx/.xml, .tsv/.txt/.utf8, .csv.
    public init?(path: String) {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
        switch path[path.index(after: dot)...].lowercased() {
        case "tbx", "xml": self = .tbx
        case "tsv", "txt", "utf8", "tab": self = .tsv
        case "csv": self = .csv
        default: return nil
        }
    }

    /// Whether Kernsatz can write it.
    public var isWritable: Bool { self != .csv }
}
