import KernsatzText

/// A translated worksheet merged into the target document.
public struct MergedDocument: Sendable, Equatable {
    /// The document: the skeleton with each segment's target (or, untranslated, its source) in place.
    public var text: String
    /// Its form: the form of the document the worksheet was made from.
    public var form: SkeletonTemplate.Form
    /// The worksheet's `original` (the input it was made from), if it names one.
    public var original: String?
    public var sourceLanguage: String?
    public var targetLanguage: String?
    /// How many segments the worksheet has.
    public var segmentCount: Int
    /// The ids of the untranslated segments (no target, empty, or the source), in document order;
    /// their source text stands in the document.
    public var untranslated: [Int]

    public init(text: String, form: SkeletonTemplate.Form, original: String?, sourceLanguage: String?, targetLanguage: String?,
                segmentCount: Int, untranslated: [Int]) {
        self.text = text
        self.form = form
        self.original = original
        self.sourceLanguage = sourceLanguage
        self.targetLanguage = targetLanguage
        self.segmentCount = segmentCount
        self.untranslated = untranslated
    }

    /// The merged document's file name: the `original`'s base name with the target language
    /// before the form's extension.
    ///
    ///     // original "Samples/de/nato.txt", target "en", form .text → "nato.en.txt"
    ///     // original "a/b/story.markdown", target "fr", form .markdown → "story.fr.md"
    ///
    /// Only the last path component of `original` is used (`/` or `\`), a leading dot is dropped,
    /// and characters other than letters, digits, `-` and `_` in the language tag are left out;
    /// without an original the name is `fallback`'s base name, without a target language `translated`.
    public func fileName(fallback: String = "worksheet") -> String {
        func base(_ path: String) -> String {
            let last = path.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
            var name = last
            if let dot = name.lastIndex(of: "."), dot != name.startIndex { name = String(name[..<dot]) }
            while name.hasPrefix(".") { name.removeFirst() }
            return name
        }
        var name = original.map(base) ?? ""
        if name.isEmpty || name == "-" { name = base(fallback) }
        if name.isEmpty { name = "worksheet" }
        let language = String((targetLanguage ?? "").filter { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") })
        return "\(name).\(language.isEmpty ? "translated" : language).\(form.fileExtension)"
    }
}

/// Merges a translated worksheet back into the document it was made from, in that document's form.
///
///     let merged = try WorksheetMerge.merge(Array(returnedXLIFF.utf8), file: "drohnen.xlf")
///     merged.form          // .text
///     merged.text          // "date 2025-12-23\n\n[EN] Der Rat …\n\n[EN] Brüssel – [EN] Die EU-Staaten …"
///     merged.untranslated  // [] (or the ids of segments whose target is empty or the source)
///
/// Reads the XLIFF with `XLIFFReader` (2.x and 1.2, as Kernsatz writes them and as CAT tools
/// write them back) or the DOCX worksheet with `DOCXReader`, takes its skeleton (`SkeletonTemplate`) and puts each segment's target in
/// its placeholder, escaped for the form (`escape(_:for:after:)`). An untranslated segment keeps
/// its source and is listed in `untranslated`. The skeleton and the segments must match one to
/// one: a placeholder without a segment, a segment without a placeholder is an error.
public enum WorksheetMerge {
    /// - Parameters:
    ///   - bytes: the XLIFF file, or a DOCX worksheet (a ZIP package, or a name ending in `.docx`:
    ///     read with `DOCXReader`).
    ///   - file: its name for messages.
    /// - Throws: `WorksheetError` with `file` (and `line` where there is one): what `XLIFFReader.read`
    ///   or `DOCXReader.read` throws, `.placeholderWithoutSegment`, `.segmentWithoutPlaceholder`.
    public static func merge(_ bytes: [UInt8], file: String) throws(WorksheetError) -> MergedDocument {
        try merge(try read(bytes, file: file), file: file)
    }

    /// A returned worksheet as read: a DOCX worksheet (a ZIP package, or a name ending in `.docx`)
    /// with `DOCXReader`, anything else with `XLIFFReader`.
    ///
    ///     try WorksheetMerge.read(Array(docx), file: "nato.docx").version   // .docx
    ///     try WorksheetMerge.read(Array(xliff.utf8), file: "nato.xlf").version // .xliff2
    ///
    /// - Throws: what the reader throws, with `file` set.
    public static func read(_ bytes: [UInt8], file: String) throws(WorksheetError) -> ReturnedWorksheet {
        if DOCXReader.isPackage(bytes) || file.lowercased().hasSuffix(".docx") {
            return try DOCXReader.read(bytes, file: file)
        }
        return try XLIFFReader.read(bytes, file: file)
    }

    /// `merge(_:file:)` of a worksheet already read.
    public static func merge(_ sheet: ReturnedWorksheet, file: String) throws(WorksheetError) -> MergedDocument {
        var byID: [Int: ReturnedWorksheet.Segment] = [:]
        for segment in sheet.segments { byID[segment.id] = segment }
        let placed = Set(sheet.skeleton.segmentIDs)
        if let stray = sheet.segments.first(where: { !placed.contains($0.id) }) {
            throw WorksheetError(.segmentWithoutPlaceholder(segment: stray.id, unit: stray.unit), file: file, line: stray.line)
        }
        var text = ""
        var untranslated: [Int] = []
        let form = sheet.skeleton.form
        for piece in sheet.skeleton.pieces {
            switch piece {
            case .literal(let literal):
                text += literal
            case .segment(let n, let line):
                guard let segment = byID[n] else {
                    throw WorksheetError(.placeholderWithoutSegment(n), file: file, line: line)
                }
                let content: String
                if segment.isUntranslated {
                    untranslated.append(n)
                    content = segment.source
                } else {
                    content = segment.target ?? ""
                }
                text += escape(content, for: form, after: text)
            }
        }
        return MergedDocument(text: text, form: form, original: sheet.original, sourceLanguage: sheet.sourceLanguage,
                              targetLanguage: sheet.targetLanguage, segmentCount: sheet.segments.count, untranslated: untranslated)
    }

    /// A segment's text as it goes into a document of `form`, after the document text `before`.
    ///
    ///     escape("A & <B>", for: .html, after: "<p>")              // "A &amp; &lt;B&gt;"
    ///     escape("Rutte \"ja\"", for: .html, after: "<a title=\"") // "Rutte &quot;ja&quot;"
    ///     escape("2027. Ein *gutes* Jahr", for: .markdown, after: "\n\n") // "2027\\. Ein \\*gutes\\* Jahr"
    ///     escape("a\nb", for: .text, after: "")                   // "a\nb"
    ///
    /// - text: as it is.
    /// - html: `&`, `<`, `>` as references; inside a tag (an attribute value: the document's
    ///   last `<` comes after its last `>`) also `"` and `'`.
    /// - markdown: line breaks become one space (a segment is inline text), and white space is
    ///   dropped at the start of a line (it would indent the block); a backslash before
    ///   each character that would start inline markup anywhere — `\`, `` ` ``, `*`, `[`, `]`,
    ///   `<`, `~`, `_` at the edge of a word, `&` that begins a character reference (`&amp;`,
    ///   `&#1;`); and, when the segment starts a line (after only white space and block markers
    ///   such as `# `, `- `, `> ` on it), before what would start a block there: `#`, `>`, `+`,
    ///   `-`, `=` and `|`, and the `.` or `)` after a leading number (`2027\.`). A `#` at the end
    ///   of a heading line is escaped too (it would close the heading).
    public static func escape(_ text: String, for form: SkeletonTemplate.Form, after before: String) -> String {
        switch form {
        case .text:
            return text
        case .html:
            let inTag: Bool = {
                guard let open = before.lastIndex(of: "<") else { return false }
                guard let close = before.lastIndex(of: ">") else { return true }
                return open > close
            }()
            // The worksheets' own escaping: text content, or an attribute value inside a tag.
            return inTag ? XMLText.attribute(text) : XMLText.escape(text)
        case .markdown:
            return markdown(text, after: before)
        }
    }

    private static func markdown(_ text: String, after before: String) -> String {
        // One line: runs of white space holding a line break become one space.
        var line = String.UnicodeScalarView()
        var pendingSpace = false
        var sawBreak = false
        var whiteRun = String.UnicodeScalarView()
        for c in text.unicodeScalars {
            if c == "\n" || c == "\r" || c == "\u{2028}" || c == "\u{2029}" {
                sawBreak = true
                pendingSpace = true
                continue
            }
            if c == " " || c == "\t" {
                whiteRun.append(c)
                pendingSpace = true
                continue
            }
            if pendingSpace {
                if sawBreak { line.append(" ") } else { line.append(contentsOf: whiteRun) }
                pendingSpace = false
                sawBreak = false
                whiteRun = String.UnicodeScalarView()
            }
            line.append(c)
        }
        if pendingSpace { if sawBreak { line.append(" ") } else { line.append(contentsOf: whiteRun) } }

        // What is on the line before the segment.
        let lineStart = before.unicodeScalars.lastIndex(of: "\n").map { before.unicodeScalars.index(after: $0) } ?? before.unicodeScalars.startIndex
        let prefix = before.unicodeScalars[lineStart...]
        let startsLine = prefix.allSatisfy { " \t#->+*".unicodeScalars.contains($0) || ("0"..."9").contains($0) || $0 == "." || $0 == ")" }
        // At the start of a line, leading white space would indent (four spaces: a code block).
        let scalars = startsLine ? Array(line.drop { $0 == " " || $0 == "\t" }) : Array(line)
        let heading = prefix.contains("#")

        func isWordCharacter(_ i: Int) -> Bool {
            guard i >= 0, i < scalars.count else { return false }
            return scalars[i].properties.isAlphabetic || scalars[i].properties.numericType != nil
        }
        var out = String.UnicodeScalarView()
        var i = 0
        // A leading number followed by "." or ")": an ordered list item at the start of a line.
        var leadingDigits = 0
        if startsLine {
            while leadingDigits < scalars.count, ("0"..."9").contains(scalars[leadingDigits]) { leadingDigits += 1 }
        }
        while i < scalars.count {
            let c = scalars[i]
            var escapeIt = false
            switch c {
            case "\\", "`", "*", "[", "]", "<", "~":
                escapeIt = true
            case "_":
                escapeIt = !isWordCharacter(i - 1) || !isWordCharacter(i + 1)
            case "&":
                var j = i + 1
                if j < scalars.count, scalars[j] == "#" { j += 1 }
                let nameStart = j
                while j < scalars.count, scalars[j].isASCII, scalars[j].properties.isAlphabetic || ("0"..."9").contains(scalars[j]) { j += 1 }
                escapeIt = j > nameStart && j < scalars.count && scalars[j] == ";"
            case "#", ">", "+", "-", "=", "|":
                escapeIt = startsLine && i == 0
            case ".", ")":
                escapeIt = startsLine && leadingDigits > 0 && i == leadingDigits
            default:
                break
            }
            if c == "#", heading, i == scalars.count - 1, i > 0, scalars[i - 1] == " " { escapeIt = true }
            if escapeIt { out.append("\\") }
            out.append(c)
            i += 1
        }
        return String(out)
    }
}
