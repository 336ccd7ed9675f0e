/// Writes text in the layout `StructureParser` reads: front matter first, then blocks separated
/// by a blank line; headings as their own block; list items as `- item` lines, one after the other.
/// Markup extractors feed it text and block boundaries; it collapses whitespace as browsers do.
///
///     var writer = LayoutWriter()
///     writer.frontMatter([("title", "Titel")])
///     writer.start(.heading); writer.append("Eine  Überschrift"); writer.endBlock()
///     writer.start(.listItem); writer.append("eins"); writer.endBlock()
///     writer.start(.listItem); writer.append("zwei"); writer.endBlock()
///     writer.text  // "---\ntitle: Titel\n---\n\nEine Überschrift\n\n- eins\n- zwei\n"
///
/// - Complexity: O(*n*) in the text written.
struct LayoutWriter {
    enum Kind: Equatable {
        case paragraph, heading, listItem
        /// Whitespace kept (`<pre>`); blank lines inside still part blocks.
        case preformatted
    }

    private(set) var output: [UInt8] = []
    private var block: [UInt8] = []
    private(set) var kind: Kind = .paragraph
    private var lastKind: Kind?
    private var pendingSpace = false
    private var pendingCell = false

    var isBlockEmpty: Bool { block.isEmpty }

    /// The written text, ending with a line feed when there is any.
    var text: String {
        var bytes = output
        if !bytes.isEmpty { bytes.append(0x0A) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Metadata as front matter between `---` lines; fields with empty values are left out.
    mutating func frontMatter(_ fields: [(key: String, value: String)]) {
        let present = fields.filter { !$0.value.isEmpty }
        guard !present.isEmpty else { return }
        var lines = "---\n"
        for field in present { lines += "\(field.key): \(field.value)\n" }
        lines += "---"
        output.append(contentsOf: lines.utf8)
    }

    /// Bytes written as they are, as a block of their own (front matter that is already ours).
    mutating func appendVerbatim(_ bytes: [UInt8]) {
        endBlock()
        guard !bytes.isEmpty else { return }
        if !output.isEmpty { output.append(contentsOf: [0x0A, 0x0A]) }
        output.append(contentsOf: bytes)
        lastKind = .paragraph
    }

    /// Ends the open block and opens one of `kind` (it appears only if text follows).
    mutating func start(_ kind: Kind) {
        endBlock()
        self.kind = kind
    }

    mutating func endBlock() {
        defer { block.removeAll(keepingCapacity: true); pendingSpace = false; pendingCell = false }
        while let last = block.last, last == 0x20 || last == 0x0A || last == 0x09 || last == 0x0D { block.removeLast() }
        var start = 0
        while start < block.count && (block[start] == 0x0A || (kind != .preformatted && block[start] == 0x20)) { start += 1 }
        guard start < block.count else { return }
        if !output.isEmpty {
            output.append(0x0A)
            if !(kind == .listItem && lastKind == .listItem) { output.append(0x0A) }
        }
        if kind == .listItem { output.append(contentsOf: [0x2D, 0x20]) }
        output.append(contentsOf: block[start...])
        lastKind = kind
    }

    /// A space, written only between two pieces of text of the block.
    @inline(__always)
    mutating func space() {
        pendingSpace = true
    }

    /// A line break inside the block (`<br>`): never a blank line, never at the block's start;
    /// a space in headings and list items, which stay on one line.
    mutating func lineBreak() {
        guard kind == .paragraph || kind == .preformatted else { space(); return }
        pendingSpace = false
        if !block.isEmpty && block.last != 0x0A { block.append(0x0A) }
    }

    /// A new table cell: ` | ` before the next text if the row has text already.
    mutating func cell() {
        if !block.isEmpty { pendingCell = true }
    }

    /// One byte of text (part of a UTF-8 sequence, or ASCII); whitespace collapses outside `.preformatted`.
    @inline(__always)
    mutating func appendByte(_ c: UInt8) {
        if kind == .preformatted {
            if c == 0x0D { return }
            if c == 0x0A && block.last == 0x0A && block.count >= 2 && block[block.count - 2] == 0x0A { return }
            if pendingCell { block.append(contentsOf: [0x20, 0x7C, 0x20]); pendingCell = false }
            block.append(c)
            return
        }
        if c == 0x20 || c == 0x0A || c == 0x09 || c == 0x0D || c == 0x0C {
            pendingSpace = true
            return
        }
        if pendingCell {
            block.append(contentsOf: [0x20, 0x7C, 0x20])
            pendingCell = false
            pendingSpace = false
        } else if pendingSpace {
            if !block.isEmpty && block.last != 0x0A { block.append(0x20) }
            pendingSpace = false
        }
        block.append(c)
    }

    mutating func append(_ string: String) {
        for c in string.utf8 { appendByte(c) }
    }

    mutating func append<S: Sequence>(bytes: S) where S.Element == UInt8 {
        for c in bytes { appendByte(c) }
    }
}
