/// What the manifest says about one input file: how it went, what it holds, what was written.
/// Offsets and paths are relative to the output folder, so the folder can be moved as a whole.
public struct FileRecord: Sendable, Codable, Equatable {
    public enum Status: String, Sendable, Codable {
        /// Processed in this run.
        case done
        /// Skipped by `--resume`: input and settings unchanged, every output as written.
        case upToDate = "up-to-date"
        /// Could not be processed: `reason` says why.
        case failed
        /// Not an input (not a text type, the same folder twice): `reason` says why.
        case skipped
    }

    /// One glossary entry found in the file.
    public struct TermCount: Sendable, Codable, Equatable {
        /// The glossary's term („Sicherheitsgarantie“).
        public var term: String
        /// How often it occurs, in any form.
        public var count: Int
        /// Its approved translations in the target language.
        public var targets: [String]
        /// The forms in the text („Sicherheitsgarantien“), as first seen.
        public var forms: [String]
    }

    /// One output file.
    public struct Output: Sendable, Codable, Equatable {
        public var format: BatchFormat
        /// Below the output folder, `/`-separated.
        public var path: String
        public var sha256: String
        public var bytes: Int
    }

    /// The input below its input folder, `/`-separated (the output tree mirrors it).
    public var path: String
    /// Its place in the walk (inputs sorted by folder and name).
    public var order: Int?
    public var status: Status
    /// Why it failed or was skipped; for a file done, why its worksheets were not written
    /// („no worksheet: the text is in 'en', which is its target language …“).
    public var reason: String?
    public var bytes: Int?
    public var sha256: String?
    /// How the bytes were read ("UTF-8", "windows-1252 (detected)").
    public var encoding: String?
    /// The language of the text (identified, or as given).
    public var language: String?
    public var title: String?
    public var segments: Int?
    public var words: Int?
    public var characters: Int?
    /// The summary sentences, in document order.
    public var summary: [String]?
    public var terms: [TermCount]?
    public var names: Int?
    public var quotes: Int?
    public var numbers: Int?
    public var warnings: [String]
    public var outputs: [Output]
    /// Processing time in seconds (reading to the last output written).
    public var seconds: Double?
    /// What identifies the settings it was made with (formats, languages, glossaries, version):
    /// outputs made with other settings are not up to date.
    public var settings: String?

    public init(path: String, status: Status, reason: String? = nil) {
        self.path = path
        self.status = status
        self.reason = reason
        warnings = []
        outputs = []
    }
}
