import Kernsatz

/// The form of the document a worksheet was made from, and so of the translated document
/// `kernsatz merge` rebuilds from it: the first line of every skeleton names it.
public enum SkeletonForm: String, Sendable, Equatable, Codable, CaseIterable {
    /// Plain text in Kernsatz's layout (a `.txt` input).
    case text
    /// Markdown (a `.md` input).
    case markdown
    /// HTML (an `.html` input).
    case html

    /// The form of an input read as `kind`: plain text → `.text`, Markdown → `.markdown`, HTML → `.html`.
    ///
    ///     SkeletonForm(MarkupKind.plain)  // .text
    public init(_ kind: MarkupKind) {
        switch kind {
        case .plain: self = .text
        case .markdown: self = .markdown
        case .html: self = .html
        }
    }
}

/// What merge needs to rebuild the translated document: its form and a template in which each
/// segment's place is a placeholder. Both XLIFF writers carry its text (`render`) in the file
/// (1.2: `<skl><internal-file>`, 2.1: `<skeleton>`), so a returned worksheet is all merge needs.
///
///     var skeleton = WorksheetSkeleton(form: .text)
///     skeleton.append(" date 2025-12-23 ")
///     skeleton.append(segment: 1)
///     skeleton.append("\n\n{Eilmeldung} ")
///     skeleton.append(segment: 2)
///     skeleton.append("\n")
///     skeleton.render()
///     // "kernsatz-skeleton 1 text\n date 2025-12-23 {kz:1}\n\n{{Eilmeldung} {kz:2}\n"
///
/// The text (the round-trip contract): the first line `kernsatz-skeleton 1 FORM` (FORM: `text`,
/// `markdown`, `html`), then the template, in which `{kz:N}` stands for segment N's target
/// (N = `Segment.id`), `{{` for a literal `{`, and everything else is copied as it is.
///
/// Compact, as a text may have a million segments: the template is kept as one byte array, the
/// literal text in UTF-8 and each placeholder one byte (0xFF, which UTF-8 never uses); segment ids
/// are kept only when they are not 1, 2, 3, … in order (the builder's are). A million segments'
/// skeleton is their text's layout less the segments' text, plus 1 MB.
public struct WorksheetSkeleton: Sendable, Equatable {
    /// The version in the skeleton's first line; raised when the template's syntax changes.
    public static let version = 1
    /// What the first line starts with.
    public static let magic = "kernsatz-skeleton"

    /// A stretch of the template: literal text (unescaped) or a segment's place.
    public enum Piece: Sendable, Equatable {
        case text(String)
        /// The place of the target of the segment with this id.
        case segment(Int)
    }

    public var form: SkeletonForm
    /// The template: the literal text's UTF-8, `placeholder` where a segment's place is.
    private var bytes: [UInt8] = []
    /// The placeholders' segment ids when they are not 1, 2, 3, … (empty while they are).
    private var ids: [Int32] = []
    /// Whether the placeholders so far are segments 1, 2, 3, … in order.
    private var sequential = true
    private var count = 0
    private static let placeholder: UInt8 = 0xFF

    public init(form: SkeletonForm) {
        self.form = form
    }

    public init(form: SkeletonForm, pieces: [Piece]) {
        self.form = form
        for piece in pieces {
            switch piece {
            case .text(let text): append(text)
            case .segment(let id): append(segment: id)
            }
        }
    }

    /// Literal text after what is there (joined with a literal piece before it).
    public mutating func append(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    /// The place of segment `id`'s target after what is there.
    public mutating func append(segment id: Int) {
        if sequential && id != count + 1 {
            sequential = false
            ids = (0..<count).map { Int32($0 + 1) }
        }
        if !sequential { ids.append(Int32(id)) }
        bytes.append(Self.placeholder)
        count += 1
    }

    /// The bytes it holds besides its fixed size: the literal text (UTF-8), 1 per placeholder, and
    /// 4 more per placeholder when the ids are not 1, 2, 3, … in order.
    public var storageBytes: Int { bytes.count + ids.count * MemoryLayout<Int32>.stride }

    /// The segment ids of the placeholders, in template order.
    public var segmentIDs: [Int] { sequential ? Array(stride(from: 1, through: count, by: 1)) : ids.map(Int.init) }

    /// The template as pieces: literal stretches (none empty, none two in a row) and placeholders.
    public var pieces: [Piece] {
        var pieces: [Piece] = []
        walk { text in pieces.append(.text(text)) } segment: { pieces.append(.segment($0)) }
        return pieces
    }

    /// The first line of a skeleton of `form`, without its line feed: "kernsatz-skeleton 1 text".
    public static func firstLine(_ form: SkeletonForm) -> String {
        "\(magic) \(version) \(form.rawValue)"
    }

    /// The skeleton's text as the XLIFF files carry it (before XML escaping): the first line, a
    /// line feed, then the template with `{kz:N}` placeholders and every literal `{` written `{{`.
    public func render() -> String {
        var text = ""
        render { text += $0 }
        return text
    }

    /// The same text in pieces of about 64 KB, in order (a long text's skeleton is never one
    /// more string in memory beside the XLIFF being written).
    public func render(chunks: (String) -> Void) {
        var out = Self.firstLine(form) + "\n"
        walk { text in
            for character in text.unicodeScalars {
                if character == "{" { out += "{{" } else { out.unicodeScalars.append(character) }
            }
            if out.utf8.count >= 1 << 16 { chunks(out); out = "" }
        } segment: { id in
            out += "{kz:\(id)}"
        }
        if !out.isEmpty { chunks(out) }
    }

    /// The literal stretches and placeholders in order, literal stretches never empty.
    private func walk(text: (String) -> Void, segment: (Int) -> Void) {
        var start = 0
        var k = 0
        func emit(to end: Int) {
            if end > start { text(String(decoding: bytes[start..<end], as: UTF8.self)) }
        }
        while let found = bytes[start...].firstIndex(of: Self.placeholder) {
            emit(to: found)
            segment(sequential ? k + 1 : Int(ids[k]))
            k += 1
            start = found + 1
        }
        emit(to: bytes.count)
    }
}

// MARK: JSON
// In the json format: {"form": "text", "pieces": [" date 2025-12-23 ", 1, "\n\n", 2, …]} — a
// string is literal text (unescaped), a number a segment's place.

extension WorksheetSkeleton: Codable {
    enum CodingKeys: String, CodingKey { case form, pieces }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(form: try c.decode(SkeletonForm.self, forKey: .form))
        var list = try c.nestedUnkeyedContainer(forKey: .pieces)
        while !list.isAtEnd {
            if let id = try? list.decode(Int.self) {
                append(segment: id)
            } else {
                append(try list.decode(String.self))
            }
        }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(form, forKey: .form)
        var list = c.nestedUnkeyedContainer(forKey: .pieces)
        var failure: Error?
        walk { text in
            if failure == nil { do { try list.encode(text) } catch { failure = error } }
        } segment: { id in
            if failure == nil { do { try list.encode(id) } catch { failure = error } }
        }
        if let failure { throw failure }
    }
}

// MARK: templates

extension WorksheetSkeleton {
    /// The skeleton of a document of `form` laid out from the worksheet's segments: their blocks
    /// (`Segment.block`) in order, of their kinds, with the metadata. What the builder writes for
    /// Markdown and HTML inputs, and the text skeleton of a worksheet that has none (made by hand,
    /// or read from an older JSON worksheet).
    ///
    /// - **text**: the metadata as front matter, blocks separated by a blank line, a block's
    ///   segments joined by a space, list items `- …` on consecutive lines, the dateline `… – `
    ///   before the text of its paragraph.
    /// - **markdown**: the same, headings `# …` (the first heading before any paragraph) or `## …`.
    /// - **html**: an HTML5 document in the target language, `<title>` from the metadata, an
    ///   `<article>` of `<p class="teaser">`, `<h1>`/`<h2>`, `<p>` and `<ul><li>` (consecutive
    ///   list items in one list).
    ///
    ///     WorksheetSkeleton.layout(of: sheet, form: .markdown).render()
    ///     // "kernsatz-skeleton 1 markdown\n# {kz:1}\n\n{kz:2} – {kz:3} {kz:4}\n\n- {kz:5}\n- {kz:6}\n"
    ///
    /// - Complexity: O(*n*) in the segments.
    public static func layout(of sheet: Worksheet, form: SkeletonForm) -> WorksheetSkeleton {
        var skeleton = WorksheetSkeleton(form: form)
        let blocks = BlockRuns(sheet.segments)
        switch form {
        case .text, .markdown:
            let fields = sheet.metadata.filter { !$0.value.isEmpty }
            if !fields.isEmpty {
                skeleton.append("---\n" + fields.map { "\($0.key): \($0.value)\n" }.joined() + "---\n\n")
            }
            var seenBody = false
            var seenHeading = false
            var previous: SegmentKind?
            for run in blocks {
                if let previous { skeleton.append(previous == .listItem && run.kind == .listItem ? "\n" : "\n\n") }
                previous = run.kind
                switch run.kind {
                case .heading where form == .markdown:
                    skeleton.append(!seenHeading && !seenBody ? "# " : "## ")
                    seenHeading = true
                case .listItem:
                    skeleton.append("- ")
                    seenBody = true
                case .paragraph:
                    seenBody = true
                default:
                    break
                }
                skeleton.appendSegments(run, of: sheet)
            }
            if previous != nil { skeleton.append("\n") }
        case .html:
            skeleton.append("<!DOCTYPE html>\n<html lang=\"\(XMLText.attribute(XLIFFNotes.languageTag(sheet.targetLanguage)))\">\n<head>\n<meta charset=\"utf-8\">\n")
            if let title = sheet.metadata.first(where: { $0.key == "title" && !$0.value.isEmpty })?.value {
                skeleton.append("<title>\(XMLText.escape(title))</title>\n")
            }
            if let date = sheet.date, !date.isEmpty {
                skeleton.append("<meta name=\"date\" content=\"\(XMLText.attribute(date))\">\n")
            }
            skeleton.append("</head>\n<body>\n<article>\n")
            var seenBody = false
            var seenHeading = false
            var inList = false
            for run in blocks {
                if inList && run.kind != .listItem { skeleton.append("</ul>\n"); inList = false }
                let element: String
                switch run.kind {
                case .teaser:
                    element = "p"
                    skeleton.append("<p class=\"teaser\">")
                case .heading:
                    element = !seenHeading && !seenBody ? "h1" : "h2"
                    seenHeading = true
                    skeleton.append("<\(element)>")
                case .listItem:
                    if !inList { skeleton.append("<ul>\n"); inList = true }
                    element = "li"
                    seenBody = true
                    skeleton.append("<li>")
                case .paragraph, .dateline:
                    element = "p"
                    seenBody = true
                    skeleton.append("<p>")
                }
                skeleton.appendSegments(run, of: sheet)
                skeleton.append("</\(element)>\n")
            }
            if inList { skeleton.append("</ul>\n") }
            skeleton.append("</article>\n</body>\n</html>\n")
        }
        return skeleton
    }

    /// A block's segments: the dateline followed by " – ", the others joined by a space.
    private mutating func appendSegments(_ run: BlockRuns.Run, of sheet: Worksheet) {
        var first = true
        for index in run.segments {
            let segment = sheet.segments[index]
            if !first { append(" ") }
            first = false
            append(segment: segment.id)
            if segment.kind == .dateline && index + 1 < run.segments.upperBound {
                append(" – ")
                first = true
            }
        }
    }
}

/// A worksheet's segments cut into its blocks: runs of consecutive segments of one block
/// (`Segment.block`), the dateline with the paragraph it opens; in document order. What the
/// XLIFF writers make a group (1.2) or unit (2.1) of, and the layout templates a block of.
struct BlockRuns: Sequence {
    struct Run {
        /// Indices into the worksheet's segments.
        var segments: Range<Int>
        /// The block's kind: its last segment's (a dateline opens a paragraph).
        var kind: SegmentKind
    }

    /// Whether the dateline is a block of its own (the XLIFF groups and units) or opens its paragraph (layouts).
    var datelineAlone = false
    private let segments: [Segment]

    init(_ segments: [Segment], datelineAlone: Bool = false) {
        self.segments = segments
        self.datelineAlone = datelineAlone
    }

    func makeIterator() -> AnyIterator<Run> {
        var start = 0
        let segments = self.segments
        let alone = datelineAlone
        return AnyIterator {
            guard start < segments.count else { return nil }
            var end = start + 1
            if !(alone && segments[start].kind == .dateline) {
                while end < segments.count, segments[end].block == segments[start].block, !(alone && segments[end].kind == .dateline) {
                    end += 1
                }
            }
            defer { start = end }
            return Run(segments: start..<end, kind: segments[end - 1].kind)
        }
    }
}
