/// What can go wrong making or writing a worksheet, or merging a translated one back.
public struct WorksheetError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// The target language is not a language tag ICU can use ("en", "en-GB", "fr").
        case badTargetLanguage(String)
        /// A `--to` value (`TargetLanguages`) that cannot be read: the value as given, and what is wrong.
        case targetLanguages(value: String, reason: String)
        /// ICU could not open what the worksheet needs (word counting, transliteration, number formats).
        case icu(String)
        /// The DOCX package could not be assembled.
        case archive(String)
        /// The worksheet could not be encoded as JSON.
        case encoding(String)

        // Merging a translated worksheet (`WorksheetMerge`): `file` names it, `line` the place.

        /// Not well-formed XML, bytes that are not UTF-8, a DTD or an entity declaration (the XML reader's sentence).
        case unreadableXML(String)
        /// The root element is not `<xliff>`.
        case notXLIFF(root: String)
        /// An XLIFF version merge does not read (it reads 1.2 and 2.x), or none.
        case unknownXLIFFVersion(String?)
        /// No skeleton whose first line is `kernsatz-skeleton 1 …` (another tool's XLIFF, or an external skeleton).
        case notKernsatzWorksheet
        /// More than one `<file>`: Kernsatz writes one per worksheet.
        case severalFiles(Int)
        /// A skeleton of a later Kernsatz (`kernsatz-skeleton 2 …`).
        case unknownSkeletonVersion(String)
        /// The skeleton's text is not what Kernsatz wrote: an unknown form, a bad `{`.
        case damagedSkeleton(String)
        /// A placeholder `{kz:N}` with no segment N in the file.
        case placeholderWithoutSegment(Int)
        /// A placeholder that occurs twice.
        case duplicatePlaceholder(Int)
        /// A segment (of this unit) that the skeleton has no placeholder for.
        case segmentWithoutPlaceholder(segment: Int, unit: String)
        /// Two segments with one id.
        case duplicateSegment(segment: Int, unit: String)
        /// A segment id merge cannot read (`s<N>` in XLIFF 2, `N` in 1.2).
        case badSegmentID(String, unit: String)
        /// A `.docx` that cannot be read: not a ZIP package, no `word/document.xml`, broken XML in a part, no table.
        case unreadableDOCX(String)
        /// A DOCX without Kernsatz's data part (`DOCXWorksheetData`): another tool's document, or a
        /// worksheet of a Kernsatz before the part.
        case notKernsatzDOCX
        /// A row of a DOCX worksheet's segment table that merge cannot read (its number in the table, the header row 1).
        case badDOCXRow(row: Int, String)

        // Checking a translated worksheet (`TranslationCheck`).

        /// The worksheet names no source (`source`) or target (`target`) language, and none was given.
        case missingLanguage(side: String)
        /// A shipped list of the check (`Resources/check/…`) has a malformed line.
        case badCheckList(file: String, line: Int, reason: String)
    }

    public let kind: Kind
    /// The worksheet file (merge), as the user named it.
    public var file: String?
    /// The line in `file`, where there is one.
    public var line: Int?

    public init(_ kind: Kind, file: String? = nil, line: Int? = nil) {
        self.kind = kind
        self.file = file
        self.line = line
    }

    static func targetLanguages(_ value: String, _ reason: String) -> WorksheetError {
        WorksheetError(.targetLanguages(value: value, reason: reason))
    }

    public var description: String {
        let place = file.map { name in line.map { "\(name):\($0): " } ?? "\(name): " } ?? ""
        switch kind {
        case .badTargetLanguage(let tag):
            return "'\(tag)' is not a target language Kernsatz can use; give a language code such as en, en-GB or fr"
        case .targetLanguages(let value, let reason):
            return "--to '\(value)': \(reason)"
        case .icu(let what):
            return "ICU could not \(what); is libicu (libicu-dev) installed completely?"
        case .archive(let what):
            return "could not build the DOCX file: \(what)"
        case .encoding(let what):
            return "could not write the worksheet as JSON: \(what)"
        case .unreadableXML(let reason):
            return "\(place)cannot be read as XLIFF (\(reason))"
        case .notXLIFF(let root):
            return "\(place)the root element is <\(root)>, not <xliff>; merge reads the XLIFF files Kernsatz writes"
        case .unknownXLIFFVersion(let version):
            return "\(place)" + (version.map { "XLIFF version '\($0)'" } ?? "no XLIFF version (the <xliff> element has no version attribute)")
                + "; merge reads XLIFF 2.1 (and 2.0, 2.2) and XLIFF 1.2"
        case .notKernsatzWorksheet:
            return "\(place)not a Kernsatz worksheet (no Kernsatz skeleton); merge reads the XLIFF files Kernsatz writes"
        case .severalFiles(let count):
            return "\(place)\(count) <file> elements; a Kernsatz worksheet has one, so merge each file of its own"
        case .unknownSkeletonVersion(let version):
            return "\(place)the skeleton is version \(version), this Kernsatz reads version 1; merge with the Kernsatz that wrote the worksheet"
        case .damagedSkeleton(let what):
            return "\(place)damaged skeleton: \(what); make the worksheet again, or restore its <skeleton>/<skl> from the file Kernsatz wrote"
        case .placeholderWithoutSegment(let n):
            return "\(place)the skeleton's placeholder {kz:\(n)} has no segment \(n) in the file (a unit or segment was deleted?)"
        case .duplicatePlaceholder(let n):
            return "\(place)damaged skeleton: the placeholder {kz:\(n)} occurs twice (every segment has one place)"
        case .segmentWithoutPlaceholder(let n, let unit):
            return "\(place)segment \(n) (unit \(unit)) has no placeholder {kz:\(n)} in the skeleton (a segment was added or split?)"
        case .duplicateSegment(let n, let unit):
            return "\(place)segment \(n) (unit \(unit)) occurs twice; a worksheet numbers each segment once"
        case .missingLanguage(let side):
            return "\(place)the worksheet names no \(side) language (XLIFF 2 \(side == "source" ? "srcLang" : "trgLang"), 1.2 \(side)-language); give it with --\(side == "source" ? "from" : "to")"
        case .badCheckList(let file, let line, let reason):
            return "the check's list Resources/check/\(file), line \(line): \(reason)"
        case .unreadableDOCX(let reason):
            return "\(place)cannot be read as a DOCX worksheet (\(reason))"
        case .notKernsatzDOCX:
            return "\(place)not a Kernsatz worksheet (no Kernsatz data part in the package); merge reads the DOCX worksheets Kernsatz writes (worksheet --format docx)"
        case .badDOCXRow(let row, let reason):
            return "\(place)table row \(row): \(reason)"
        case .badSegmentID(let id, let unit):
            return "\(place)the segment id '\(id)' (unit \(unit)) is not one Kernsatz writes (s1, s2, … in XLIFF 2; 1, 2, … in XLIFF 1.2)"
        }
    }
}
