/// What a file given as an article is, when it is not one: a structured file Kernsatz does not read
/// as prose. Reading refuses it with a message that names the file, says what it is and what to do.
public enum StructuredFile: Sendable, Equatable {
    /// XLIFF (`.xlf`, `.xliff`, an `<xliff>` root): a translation worksheet.
    case xliff
    /// TBX (`.tbx`, a `<martif>` or `<tbx>` root): a glossary.
    case tbx
    /// TMX (`.tmx`, a `<tmx>` root): a translation memory.
    case tmx
    /// A ZIP package (`PK` magic): a Word, OpenDocument, Excel or PowerPoint file, or an archive.
    case zip(ZIPPackage)
    /// PDF (`%PDF`).
    case pdf
    /// Rich Text Format (`{\rtf`).
    case rtf
    /// gzip-compressed data (1F 8B).
    case gzip
    /// XML with another root element (not HTML): a data file, not an article.
    case xml(root: String)

    /// The kinds of ZIP package, told apart by the file name's extension.
    public enum ZIPPackage: String, Sendable, Equatable {
        case docx, odt, xlsx, ods, pptx, odp, epub, archive
    }

    /// What the file is, in words ("an XLIFF file (a translation worksheet)").
    public var description: String {
        switch self {
        case .xliff: return "an XLIFF file (a translation worksheet)"
        case .tbx: return "a TBX file (a terminology glossary)"
        case .tmx: return "a TMX file (a translation memory)"
        case .zip(let package):
            switch package {
            case .docx: return "a Word document (DOCX)"
            case .odt: return "an OpenDocument text (ODT)"
            case .xlsx: return "an Excel workbook (XLSX)"
            case .ods: return "an OpenDocument spreadsheet (ODS)"
            case .pptx: return "a PowerPoint presentation (PPTX)"
            case .odp: return "an OpenDocument presentation (ODP)"
            case .epub: return "an EPUB book"
            case .archive: return "a ZIP archive"
            }
        case .pdf: return "a PDF document"
        case .rtf: return "an RTF document"
        case .gzip: return "gzip-compressed data"
        case .xml(let root): return "an XML document (root element <\(root)>)"
        }
    }

    /// What the user can do instead, as a clause.
    public var advice: String {
        switch self {
        case .xliff:
            return "to read its source text, export it from your CAT tool as plain text (.txt) first"
        case .tbx:
            return "give it to --glossary to mark its terms in an article"
        case .tmx:
            return "export its source segments as plain text (.txt) first"
        case .zip(.archive), .gzip:
            return "unpack it and give the articles inside (.txt, .md, .html)"
        case .zip, .rtf:
            return "save it as plain text (.txt), HTML or Markdown first"
        case .pdf:
            return "extract its text first (e.g. pdftotext) and give the .txt"
        case .xml:
            return "give the article as plain text (.txt), HTML or Markdown"
        }
    }
}

/// Reading an article: what a file is (refusing structured files), which markup it is written in
/// (by extension, else by sniffing its content), and its text with the markup taken away. The one
/// place every command and the batch read articles through.
///
///     ArticleReading.markupKind(path: "a.htm", units: units)              // .html
///     ArticleReading.markupKind(path: "-", units: Array("<!DOCTYPE html><p>Hallo</p>".utf16))  // .html
///     ArticleReading.structured(path: "t.xlf", bytes: bytes)              // .xliff
///
/// **Which markup.** A forced kind (`--input-format`) wins. Else the extension: `.html`, `.htm`,
/// `.xhtml` are HTML; `.md`, `.markdown` Markdown. Any other file (`.txt`, no extension, standard
/// input) is HTML when its content starts like an HTML document (after white space and comments:
/// `<!DOCTYPE html`, `<html`, `<head`, `<body`, or an XML declaration followed by one of these),
/// else plain text. Markdown is never guessed from content (plain text reads well as Markdown too).
///
/// **What is refused.** By extension: `.xlf`, `.xliff`, `.sdlxliff`, `.mqxliff`, `.tbx`, `.tmx`, `.docx`,
/// `.odt`, `.xlsx`, `.ods`, `.pptx`, `.odp`, `.epub`, `.zip`, `.pdf`, `.rtf`, `.gz`. By content, whatever the
/// name: the bytes of a ZIP package (`PK\3\4`), PDF (`%PDF-`), RTF (`{\rtf`) or gzip; XML whose root element
/// is `xliff`, `martif`, `tbx`, `tmx` or, after an XML declaration, any other element but `html`. A forced
/// kind skips the extension and XML checks (`--input-format text` reads an `.xlf` as text), never the
/// binary ones.
///
/// **Offsets.** The extracted text is what the analysis reads, so for HTML and Markdown the offsets a
/// command writes count in the extracted text (the text `kernsatz normalize --input-format html`
/// would show), not in the markup; plain text keeps its offsets into the file as received.
public enum ArticleReading {
    /// The structured file `path` is, by its extension or its first bytes; nil for a text Kernsatz reads.
    /// - Parameter forced: a kind the user gave (`--input-format`): then only the binary formats are
    ///   refused, by their bytes; an `.xlf` is read as the text it is.
    /// - Complexity: O(1): the extension and the first few bytes.
    public static func structured(path: String, bytes: [UInt8], forced: MarkupKind? = nil) -> StructuredFile? {
        let ext = pathExtension(path)
        if let binary = binaryKind(bytes, pathExtension: ext) { return binary }
        if forced != nil { return nil }
        switch ext {
        case "xlf", "xliff", "sdlxliff", "mqxliff": return .xliff
        case "tbx": return .tbx
        case "tmx": return .tmx
        case "pdf": return .pdf
        case "rtf": return .rtf
        case "gz": return .gzip
        default:
            let package = zipPackage(ext)
            if package != .archive || ext == "zip" { return .zip(package) }
        }
        return nil
    }

    /// The structured XML a decoded text is (`<xliff>`, `<martif>`, `<tbx>`, `<tmx>`, another
    /// non-HTML root); nil for HTML and for text that is not XML.
    public static func structured(units: [UInt16]) -> StructuredFile? {
        guard let root = leadingElement(units), root.xmlDeclaration || !root.name.isEmpty else { return nil }
        switch root.name {
        case "xliff": return .xliff
        case "martif", "tbx": return .tbx
        case "tmx": return .tmx
        case "html", "head", "body", "!doctype": return nil
        case "":
            return nil
        default:
            // Only a document that says it is XML is refused for another root: a text starting with
            // „<b>Eilmeldung</b>“ is an HTML fragment or prose, not a data file.
            return root.xmlDeclaration ? .xml(root: root.name) : nil
        }
    }

    /// The markup `path` is written in: `forced` when given, else by extension, else by content.
    public static func markupKind(path: String, units: [UInt16], forced: MarkupKind? = nil) -> MarkupKind {
        if let forced { return forced }
        switch MarkupKind.kind(forPathExtension: pathExtension(path)) {
        case .html: return .html
        case .markdown: return .markdown
        case .plain, nil: return looksLikeHTML(units) ? .html : .plain
        }
    }

    /// Whether a text starts like an HTML document (see the type's rules).
    public static func looksLikeHTML(_ units: [UInt16]) -> Bool {
        guard let root = leadingElement(units) else { return false }
        if root.name == "!doctype" { return root.doctypeHTML }
        return ["html", "head", "body"].contains(root.name)
    }

    /// Refuses `bytes` when they are a structured file, before they are decoded.
    /// - Throws: `TextError.notAnArticle` naming `path`.
    public static func refuseStructured(path: String, bytes: [UInt8], forced: MarkupKind? = nil) throws(TextError) {
        if let kind = structured(path: path, bytes: bytes, forced: forced) { throw refusal(kind, path: path) }
    }

    /// Refuses a decoded text that is structured XML (unless the kind is forced).
    /// - Throws: `TextError.notAnArticle` naming `path`.
    public static func refuseStructured(path: String, units: [UInt16], forced: MarkupKind? = nil) throws(TextError) {
        guard forced == nil, let kind = structured(units: units) else { return }
        throw refusal(kind, path: path)
    }

    public static func refusal(_ kind: StructuredFile, path: String) -> TextError {
        TextError(.notAnArticle(what: kind.description, advice: kind.advice), source: path)
    }

    /// The text to analyze: `units` with the markup of `kind` taken away (plain text unchanged).
    /// - Throws: `TextError.empty` when nothing but markup is left.
    /// - Parameter extractor: asked for only when there is markup to take away.
    public static func text(of units: [UInt16], kind: MarkupKind, path: String,
                            extractor: @autoclosure () -> MarkupExtractor) throws(TextError) -> [UInt16] {
        guard kind != .plain else { return units }
        let text = extractor().text(from: String(decoding: units, as: UTF16.self), kind: kind)
        if text.unicodeScalars.allSatisfy({ $0.properties.isWhitespace }) {
            throw TextError(.noTextInMarkup(kind == .html ? "HTML" : "Markdown"), source: path)
        }
        return Array(text.utf16)
    }

    /// A decoded file as an article: refused when it is structured XML, its markup found, its text extracted.
    /// - Throws: `TextError` naming `path` (a structured file, no text left once the markup is taken away).
    /// - Parameter extractor: asked for only when there is markup to take away.
    public static func article(_ decoded: DecodedText, path: String, forced: MarkupKind? = nil,
                               extractor: @autoclosure () -> MarkupExtractor) throws(TextError) -> Article {
        try refuseStructured(path: path, units: decoded.units, forced: forced)
        let kind = markupKind(path: path, units: decoded.units, forced: forced)
        return Article(decoded: decoded, kind: kind, units: try text(of: decoded.units, kind: kind, path: path, extractor: extractor()))
    }

    // MARK: Sniffing

    static func pathExtension(_ path: String) -> String {
        guard path != "-" else { return "" }
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return name[name.index(after: dot)...].lowercased()
    }

    /// The package an extension names; `.archive` for any other.
    static func zipPackage(_ ext: String) -> StructuredFile.ZIPPackage {
        StructuredFile.ZIPPackage(rawValue: ext) ?? ["docm": .docx, "dotx": .docx, "xlsm": .xlsx][ext] ?? .archive
    }

    static func binaryKind(_ bytes: [UInt8], pathExtension ext: String) -> StructuredFile? {
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) || bytes.starts(with: [0x50, 0x4B, 0x05, 0x06]) {
            return .zip(zipPackage(ext))
        }
        if bytes.starts(with: Array("%PDF-".utf8)) { return .pdf }
        if bytes.starts(with: Array("{\\rtf".utf8)) { return .rtf }
        if bytes.starts(with: [0x1F, 0x8B]) { return .gzip }
        return nil
    }

    struct LeadingElement {
        /// Lowercased name ("html", "xliff", "!doctype"); empty when the text does not start with a tag.
        var name: String
        var xmlDeclaration: Bool
        /// For `<!DOCTYPE …>`: whether it names html.
        var doctypeHTML: Bool
    }

    /// The first element of a text, past a BOM, white space, an XML declaration, comments and
    /// processing instructions; nil when the text does not start with `<` there.
    /// Looks at the first 64 KiB at most.
    static func leadingElement(_ units: [UInt16]) -> LeadingElement? {
        let end = min(units.count, 1 << 16)
        var i = 0
        var declaration = false
        func isSpace(_ u: UInt16) -> Bool { u == 0x20 || u == 0x09 || u == 0x0A || u == 0x0D || u == 0x0C || u == 0xFEFF }
        func starts(_ s: String, at j: Int) -> Bool {
            var k = j
            for c in s.utf16 {
                guard k < end else { return false }
                var u = units[k]
                if u >= 0x41 && u <= 0x5A { u += 0x20 }
                if u != c { return false }
                k += 1
            }
            return true
        }
        func skip(past terminator: String, from j: Int) -> Int? {
            var k = j
            while k < end {
                if starts(terminator, at: k) { return k + terminator.utf16.count }
                k += 1
            }
            return nil
        }
        while true {
            while i < end && isSpace(units[i]) { i += 1 }
            guard i < end, units[i] == 0x3C else {
                return declaration ? LeadingElement(name: "", xmlDeclaration: true, doctypeHTML: false) : nil
            }
            if starts("<?", at: i) {
                if starts("<?xml", at: i) { declaration = true }
                guard let next = skip(past: "?>", from: i) else { return nil }
                i = next
            } else if starts("<!--", at: i) {
                guard let next = skip(past: "-->", from: i + 4) else { return nil }
                i = next
            } else if starts("<!doctype", at: i) {
                var k = i + 9
                while k < end && isSpace(units[k]) { k += 1 }
                if starts("html", at: k) {
                    return LeadingElement(name: "!doctype", xmlDeclaration: declaration, doctypeHTML: true)
                }
                // Another document type (<!DOCTYPE martif …>): the root element follows.
                guard let next = skip(past: ">", from: k) else { return nil }
                i = next
            } else {
                var k = i + 1
                var name: [UInt16] = []
                while k < end, name.count < 64 {
                    var u = units[k]
                    let letter = (u >= 0x41 && u <= 0x5A) || (u >= 0x61 && u <= 0x7A)
                    let other = (u >= 0x30 && u <= 0x39) || u == 0x2D || u == 0x5F || u == 0x2E || u == 0x3A
                    guard letter || (!name.isEmpty && other) else { break }
                    if u >= 0x41 && u <= 0x5A { u += 0x20 }
                    name.append(u)
                    k += 1
                }
                var local = String(decoding: name, as: UTF16.self)
                // A namespace prefix (<xlf:xliff>) does not change what the document is.
                if let colon = local.lastIndex(of: ":") { local = String(local[local.index(after: colon)...]) }
                return LeadingElement(name: local, xmlDeclaration: declaration, doctypeHTML: false)
            }
        }
    }
}

/// A file read as an article: the decoded file, the markup it was read as, and the text to analyze.
public struct Article: Sendable {
    /// The file as decoded (its encoding and warnings).
    public var decoded: DecodedText
    public var kind: MarkupKind
    /// The text with the markup taken away (the decoded units themselves for plain text).
    public var units: [UInt16]

    public init(decoded: DecodedText, kind: MarkupKind, units: [UInt16]) {
        self.decoded = decoded
        self.kind = kind
        self.units = units
    }
}

/// Reads files (or standard input) as articles, the way every command does: `FileReader` for the
/// bytes, structured files refused, then `ArticleReading.article`.
public struct ArticleReader: Sendable {
    public var files: FileReader
    /// The markup to read every file as (`--input-format`); nil: by extension and content.
    public var format: MarkupKind?
    /// Made at the first HTML or Markdown file (its entity table is parsed then).
    private var extractor: MarkupExtractor?

    public init(files: FileReader = FileReader(), format: MarkupKind? = nil) {
        self.files = files
        self.format = format
    }

    /// - Parameter path: a file path, or "-" for standard input.
    /// - Throws: `TextError` naming `path`.
    public mutating func read(_ path: String) throws(TextError) -> Article {
        let bytes = try files.readBytes(path)
        try ArticleReading.refuseStructured(path: path, bytes: bytes, forced: format)
        let decoded = try files.decoder.decode(bytes, source: path)
        return try ArticleReading.article(decoded, path: path, forced: format, extractor: markup())
    }

    private mutating func markup() -> MarkupExtractor {
        if let extractor { return extractor }
        let made = MarkupExtractor()
        extractor = made
        return made
    }
}
