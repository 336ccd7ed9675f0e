/// A key and value from a document's metadata header (` date 2025-12-23 …`, or front matter).
public struct MetadataField: Sendable, Equatable, Hashable {
    public var key: String
    public var value: String
    public init(key: String, value: String) {
        self.key = key
        self.value = value
    }
}

/// What a document says about itself outside its sentences.
public struct Metadata: Sendable, Equatable {
    public var fields: [MetadataField] = []
    /// The dateline („Brüssel“ of „Brüssel – “), kept out of the first sentence.
    public var dateline: String?
    /// Where the dateline stands in the clean text, with its dash.
    public var datelineRange: Range<Int>?

    public init() {}

    /// The value of the first field with this key.
    public subscript(key: String) -> String? { fields.first { $0.key == key }?.value }
    public var date: String? { self["date"] }
}

/// The kind of a block of text.
public enum BlockKind: String, Sendable, CaseIterable, Codable {
    /// The standfirst: a short summary above the body, itself a summary.
    case teaser
    /// A subheading or title: a short line without final punctuation.
    case heading
    case paragraph
    case listItem = "list-item"
}

/// A block of the document: its sentences never cross its ends.
public struct Block: Sendable, Equatable {
    public var kind: BlockKind
    /// The block's text in the clean text (UTF-16 offsets), trimmed, without a dateline or list marker.
    public var range: Range<Int>

    public init(kind: BlockKind, range: Range<Int>) {
        self.kind = kind
        self.range = range
    }
}

/// The document's layout: metadata and blocks, in reading order.
public struct DocumentStructure: Sendable, Equatable {
    public var metadata = Metadata()
    public var blocks: [Block] = []

    public init(metadata: Metadata = Metadata(), blocks: [Block] = []) {
        self.metadata = metadata
        self.blocks = blocks
    }
}
