/// The glossary file formats Kernsatz reads and writes.
public enum GlossaryFormat: String, CaseIterable, Sendable {
    /// TermBase eXchange: v3 (ISO 30042:2019, `<tbx>`) and 2008 (`<martif>`), both read and written.
    case tbx
    /// OmegaT's glossary: UTF-8, three tab-separated columns (source, target, comment), no header.
    case tsv
    /// Comma-separated with a header row: language columns (de,en,…) and optional pos, status,
    /// note, definition columns, or the long layout Kernsatz writes (a row per translation).
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

    /// Whether Kernsatz can write it (all three; ``GlossaryOutputFormat`` says how).
    public var isWritable: Bool { true }
}

/// The glossary formats Kernsatz writes (`kernsatz glossary convert --format`), and what each keeps.
///
///     GlossaryOutputFormat(path: "out.utf8")     // .tsv
///     GlossaryOutputFormat.tbx2008.write(glossary)   // "<?xml …><martif type=\"TBX-Basic\" …"
public enum GlossaryOutputFormat: String, CaseIterable, Sendable {
    /// TBX v3 (ISO 30042:2019), TBX-Basic: everything kept.
    case tbx3
    /// TBX 2008 `<martif type="TBX-Basic">`: everything kept; what Translate Toolkit and older tools read.
    case tbx2008
    /// OmegaT's tab-separated glossary, one target language: source terms, usable translations
    /// (preferred first) and a comment with part of speech, note (or definition) and „not: …“ for
    /// deprecated translations. Lost: statuses beyond „deprecated“, concepts, other languages.
    case tsv
    /// CSV, a row per translation: everything but concepts' grouping of target terms under several
    /// source terms (each source term's row carries its own copy).
    case csv

    /// The format a file name's extension names: .tbx/.xml → TBX v3, .tsv/.txt/.utf8/.tab → TSV,
    /// .csv → CSV; nil for other names (TBX 2008 only by `--format`).
    public init?(path: String) {
        switch GlossaryFormat(path: path) {
        case .tbx: self = .tbx3
        case .tsv: self = .tsv
        case .csv: self = .csv
        case nil: return nil
        }
    }

    /// The glossary in this format.
    /// - Parameters:
    ///   - targetLanguage: TSV's one target language (the others ignore it).
    ///   - description: the TBX header's text (default: the glossary's name).
    public func write(_ glossary: Glossary, targetLanguage: String = "en", description: String? = nil) -> String {
        switch self {
        case .tbx3: return TBXWriter.write(glossary, description: description)
        case .tbx2008: return TBX2008Writer.write(glossary, description: description)
        case .tsv: return TSVFormat.write(glossary, targetLanguage: targetLanguage)
        case .csv: return CSVFormat.write(glossary)
        }
    }

    /// The format read back from this one's output.
    public var readFormat: GlossaryFormat {
        switch self {
        case .tbx3, .tbx2008: return .tbx
        case .tsv: return .tsv
        case .csv: return .csv
        }
    }
}
