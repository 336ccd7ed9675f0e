/// A problem with a glossary file. Every message names the file and, where there is one, the
/// line, and says what to do. `glossary validate` lists them all; reading fails on the first one
/// that is not a warning.
public struct GlossaryError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// The file could not be read (missing, a directory, not UTF-8 …): the reader's message.
        case unreadable(String)
        /// The extension names no format Kernsatz reads.
        case unknownFormat(String)
        /// XML that is not well-formed.
        case malformedXML(String)
        /// Well-formed XML that is not TBX (wrong root element).
        case notTBX(root: String)
        /// The document declares an external entity (SYSTEM or PUBLIC), which Kernsatz never loads.
        case externalEntity(String)
        /// The document names an external DTD (DOCTYPE with SYSTEM or PUBLIC), which Kernsatz never loads.
        case externalDTD(String)
        /// The document declares an (internal) entity, which Kernsatz does not expand.
        case entityDeclaration(String)
        /// Bytes that are not valid in the glossary's encoding, at this byte offset of the file
        /// (and column of the line, when known).
        case invalidBytes(encoding: String, byteOffset: Int, column: Int?)
        /// In lenient mode: invalid byte sequences replaced by U+FFFD (a warning).
        case replacedBytes(count: Int, encoding: String, firstByteOffset: Int)
        /// A CSV field whose quotation marks do not follow the rules (RFC 4180).
        case csvQuoting(String)
        /// A TBX term without text, a TSV row without a source term …
        case emptyTerm
        /// A TSV/CSV row with the wrong number of columns.
        case columns(found: Int, expected: String)
        /// CSV without the needed header columns.
        case missingHeader(String)
        /// A CSV row whose cells contradict each other or the reader's settings: what is wrong and what to do.
        case invalidRow(String)
        /// The same source term twice (a warning: both are kept).
        case duplicate(term: String, firstLine: Int?)
        /// An entry without any target term (a warning).
        case noTarget(term: String)
        /// An unknown status or part-of-speech value (a warning).
        case unknownValue(field: String, value: String)
        /// A concept without a term in the glossary's source language (a warning).
        case noSourceTerm(language: String)
        /// The glossary has no entries at all.
        case empty
        /// Writing failed.
        case unwritable(String)
    }

    public let kind: Kind
    /// The file ("-" for standard input).
    public let source: String
    /// 1-based line, when known.
    public let line: Int?

    public init(_ kind: Kind, source: String, line: Int? = nil) {
        self.kind = kind
        self.source = source
        self.line = line
    }

    /// Warnings do not stop a glossary from being used.
    public var isWarning: Bool {
        switch kind {
        case .duplicate, .noTarget, .unknownValue, .noSourceTerm, .replacedBytes: return true
        default: return false
        }
    }

    public var description: String {
        let place = line.map { "\(source):\($0)" } ?? source
        switch kind {
        case .unreadable(let reason):
            return "\(place): cannot be read as a glossary (\(reason))"
        case .unknownFormat(let ext):
            return "\(place): unknown glossary format '\(ext)'; use a .tbx, .tsv, .txt (OmegaT tab-separated) or .csv file"
        case .malformedXML(let reason):
            return "\(place): not well-formed XML (\(reason)); fix the markup there"
        case .notTBX(let root):
            return "\(place): the root element is <\(root)>, not <tbx> (TBX v3) or <martif> (TBX 2008); export the glossary as TBX"
        case .externalEntity(let name):
            return "\(place): entity '\(name)' is not resolved (Kernsatz never reads DTDs or files a glossary names); write the text into the file"
        case .externalDTD(let dtd):
            return "\(place): the glossary names the external DTD '\(dtd)', and Kernsatz never reads files a glossary names; delete the <!DOCTYPE …> declaration (TBX needs none)"
        case .entityDeclaration(let name):
            return "\(place): the glossary declares the entity '\(name)', and Kernsatz expands no entity declarations (a few can make a small file take minutes); write the text in place of each &\(name); and delete the declaration"
        case .invalidBytes(let encoding, let offset, let column):
            return "\(place): invalid \(encoding) at byte offset \(offset)\(column.map { " (column \($0))" } ?? ""); "
                + "save the glossary as UTF-8 (or UTF-16 with a byte-order mark), or use --lenient to replace bad bytes with U+FFFD"
        case .replacedBytes(let count, let encoding, let offset):
            return "\(place): replaced \(count) invalid \(encoding) sequence(s) with U+FFFD (the first at byte offset \(offset)); terms with U+FFFD match nothing, so fix the file"
        case .csvQuoting(let reason):
            return "\(place): \(reason); quote the whole field and double each quotation mark inside it, e.g. \"Rat \"\"Tat\"\"\""
        case .emptyTerm:
            return "\(place): a term without text; fill it in or delete the entry"
        case .columns(let found, let expected):
            return "\(place): \(found) column(s), expected \(expected); separate the columns with one tab (TSV) or comma (CSV)"
        case .missingHeader(let reason):
            return "\(place): \(reason); the first row must name the columns, e.g. de,en,note"
        case .invalidRow(let reason):
            return "\(place): \(reason)"
        case .duplicate(let term, let first):
            return "\(place): '\(term)' is already an entry\(first.map { " (line \($0))" } ?? ""); merge the two or delete one"
        case .noTarget(let term):
            return "\(place): '\(term)' has no translation; add a target term"
        case .unknownValue(let field, let value):
            return "\(place): unknown \(field) '\(value)'; use preferred, admitted or deprecated (TBX-Basic: preferredTerm-admn-sts …)"
        case .noSourceTerm(let language):
            return "\(place): a concept without a '\(language)' term is skipped; add one or remove the concept"
        case .empty:
            return "\(place): the glossary has no entries"
        case .unwritable(let reason):
            return "\(place): cannot be written (\(reason))"
        }
    }
}
