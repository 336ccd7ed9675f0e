/// The skeleton of a worksheet as merge reads it: the target document's template, with a
/// placeholder where each segment's translation goes.
///
///     let skeleton = try SkeletonTemplate.parse("kernsatz-skeleton 1 markdown\n# {kz:1}\n\n{kz:2} {{sic}\n")
///     skeleton.form            // .markdown
///     skeleton.pieces          // [.literal("# "), .segment(1, line: 2), .literal("\n\n"), .segment(2, line: 4), .literal(" {sic}\n")]
///
/// The text (the same in XLIFF 2 `<skeleton>` and XLIFF 1.2 `<skl><internal-file>`): its first
/// line is `kernsatz-skeleton 1 FORM` (FORM `text`, `markdown` or `html`; white space before it is
/// allowed), the rest is the template, where `{kz:N}` stands for segment N's target, `{{` for a
/// literal `{`, and everything else is copied as it is. Any other `{` is a damaged skeleton.
public struct SkeletonTemplate: Sendable, Equatable {
    /// The form of the document the worksheet was made from, and of the merged document: the
    /// writer's `SkeletonForm` (one enum for both sides of the round trip).
    public typealias Form = SkeletonForm

    /// A run of the template.
    public enum Piece: Sendable, Equatable {
        /// Text copied as it is (a `{{` already made one `{`).
        case literal(String)
        /// Segment N's target; `line` is the line of the placeholder in the file that held the skeleton.
        case segment(Int, line: Int)
    }

    /// What the first line says to start with (the writer's).
    public static let magic = WorksheetSkeleton.magic
    /// The skeleton version this reader knows (the writer's).
    public static let version = WorksheetSkeleton.version

    public var form: Form
    public var pieces: [Piece]

    public init(form: Form, pieces: [Piece]) {
        self.form = form
        self.pieces = pieces
    }

    /// The segment ids of the placeholders, in template order.
    public var segmentIDs: [Int] {
        pieces.compactMap { if case .segment(let n, _) = $0 { return n } else { return nil } }
    }

    /// Reads a skeleton's text.
    /// - Parameters:
    ///   - text: the skeleton as the XML reader gave it (references resolved).
    ///   - firstLine: the line of the file on which `text` starts (placeholder lines count from it).
    /// - Throws: `WorksheetError` `.notKernsatzWorksheet` (no `kernsatz-skeleton` first line),
    ///   `.unknownSkeletonVersion`, `.damagedSkeleton` (unknown form, a bad `{`, with its line) or
    ///   `.duplicatePlaceholder`; `file` is left for the caller to set.
    public static func parse(_ text: String, firstLine: Int = 1) throws(WorksheetError) -> SkeletonTemplate {
        let scalars = Array(text.unicodeScalars)
        var i = 0
        var line = firstLine
        // White space before the first line (a tool that indented the element's text).
        while i < scalars.count, scalars[i] == " " || scalars[i] == "\t" || scalars[i] == "\n" || scalars[i] == "\r" {
            if scalars[i] == "\n" { line += 1 }
            i += 1
        }
        var headerEnd = i
        while headerEnd < scalars.count, scalars[headerEnd] != "\n" { headerEnd += 1 }
        let header = String(String.UnicodeScalarView(scalars[i..<headerEnd]))
        let words = header.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" }).map(String.init)
        guard words.first == magic, words.count >= 2 else {
            throw WorksheetError(.notKernsatzWorksheet, line: line)
        }
        guard words[1] == String(version) else {
            throw WorksheetError(.unknownSkeletonVersion(words[1]), line: line)
        }
        guard words.count == 3, let form = Form(rawValue: words[2]) else {
            let given = words.count > 2 ? "the form '\(words.dropFirst(2).joined(separator: " "))' is not one of "
                                        : "the first line names no form, one of "
            throw WorksheetError(.damagedSkeleton(given + Form.allCases.map(\.rawValue).joined(separator: ", ")), line: line)
        }
        i = min(headerEnd + 1, scalars.count)
        if headerEnd < scalars.count { line += 1 }

        var pieces: [Piece] = []
        var literal = String.UnicodeScalarView()
        var seen = Set<Int>()
        while i < scalars.count {
            let c = scalars[i]
            if c == "\n" { line += 1 }
            guard c == "{" else {
                literal.append(c)
                i += 1
                continue
            }
            if i + 1 < scalars.count, scalars[i + 1] == "{" {
                literal.append("{")
                i += 2
                continue
            }
            guard let (n, end) = placeholder(scalars, at: i) else {
                let shown = String(String.UnicodeScalarView(scalars[i..<min(i + 12, scalars.count)].prefix { $0 != "\n" }))
                throw WorksheetError(.damagedSkeleton("'\(shown)' is neither a placeholder {kz:N} nor '{{' (a literal '{')"), line: line)
            }
            guard seen.insert(n).inserted else { throw WorksheetError(.duplicatePlaceholder(n), line: line) }
            if !literal.isEmpty {
                pieces.append(.literal(String(literal)))
                literal = String.UnicodeScalarView()
            }
            pieces.append(.segment(n, line: line))
            i = end
        }
        if !literal.isEmpty { pieces.append(.literal(String(literal))) }
        return SkeletonTemplate(form: form, pieces: pieces)
    }

    /// `{kz:N}` at `start`: N and the index after the `}`.
    private static func placeholder(_ s: [Unicode.Scalar], at start: Int) -> (Int, Int)? {
        let prefix: [Unicode.Scalar] = ["{", "k", "z", ":"]
        guard start + prefix.count < s.count, Array(s[start..<start + prefix.count]) == prefix else { return nil }
        var i = start + prefix.count
        var n = 0
        let digitsStart = i
        while i < s.count, s[i].value >= 0x30, s[i].value <= 0x39 {
            n = n * 10 + Int(s[i].value - 0x30)
            if n > Int(Int32.max) { return nil }
            i += 1
        }
        guard i > digitsStart, i < s.count, s[i] == "}" else { return nil }
        return (n, i + 1)
    }
}

extension SkeletonForm {
    /// The merged document's file extension: `txt`, `md`, `html`.
    public var fileExtension: String {
        switch self {
        case .text: return "txt"
        case .markdown: return "md"
        case .html: return "html"
        }
    }
}
