import Foundation

/// JSON written as UTF-8 bytes, straight from the values: the one writer of every JSON stream and
/// file the CLI writes (records of `segment`, `analyze`, `summarize`, `terms`, … `--jsonl`, error
/// records, `batch --jsonl`, the analysis files). Its bytes are what `JSONEncoder` with
/// `[.withoutEscapingSlashes, .sortedKeys]` (and `.prettyPrinted` when `pretty`) writes for the
/// same value, except that U+2028 and U+2029 are written `\u2028`, `\u2029` (valid in JSON, but
/// line ends for many line readers: a record stays one line). No value tree, no `Data`, no
/// `String` per text: strings from UTF-16 (`string(utf16:)`) are transcoded and escaped in one pass.
///
/// The caller gives each object's members in sorted order, as `.sortedKeys` would.
///
///     var json = JSONByteWriter()
///     json.beginObject(); json.key("a"); json.int(1); json.key("b"); json.string("x\u{2028}"); json.endObject()
///     String(decoding: json.bytes, as: UTF8.self)   // {"a":1,"b":"x\u2028"}
///
/// With a `sink`, every full 64 KB piece is handed to it as it is made (a million sentences in the
/// memory of one buffer); without one, `bytes` holds the whole text (one record).
public struct JSONByteWriter {
    public let pretty: Bool
    /// What is written and not yet handed to the sink.
    public private(set) var bytes: [UInt8] = []
    /// Per open container: whether it has had a member or element yet.
    private var filled: [Bool] = []
    /// Set by `key(_:)`: the next value is that member's, no separator before it.
    private var afterKey = false
    private let sink: (([UInt8]) -> Void)?

    /// - Parameter sink: takes each full piece; `finish()` hands it the rest.
    public init(pretty: Bool = false, sink: (([UInt8]) -> Void)? = nil) {
        self.pretty = pretty
        self.sink = sink
        bytes.reserveCapacity(sink == nil ? 1024 : 1 << 16 + 1024)
    }

    public mutating func beginObject() { open(UInt8(ascii: "{")) }
    public mutating func endObject() { close(UInt8(ascii: "}")) }
    public mutating func beginArray() { open(UInt8(ascii: "[")) }
    public mutating func endArray() { close(UInt8(ascii: "]")) }

    /// A member's key (an ASCII name, as every key Kernsatz writes; any other is escaped as a string).
    public mutating func key(_ name: String) {
        separate()
        JSONString.appendQuoted(name, to: &bytes, escapingLineSeparators: true)
        if pretty { bytes.append(contentsOf: [0x20, UInt8(ascii: ":"), 0x20]) } else { bytes.append(UInt8(ascii: ":")) }
        afterKey = true
    }

    public mutating func string(_ value: String) {
        separate()
        JSONString.appendQuoted(value, to: &bytes, escapingLineSeparators: true)
        spill()
    }

    /// A string from UTF-16 code units, as `string(String(decoding: units, as: UTF16.self))`
    /// writes it (a lone surrogate, which no `String` holds, becomes U+FFFD) — without that String.
    public mutating func string(utf16 units: ArraySlice<UInt16>) {
        separate()
        JSONString.appendQuoted(utf16: units, to: &bytes)
        spill()
    }

    /// One string from several pieces of UTF-16 with an ASCII separator between them, as the
    /// pieces' Strings joined with it would be.
    public mutating func string(utf16 pieces: [ArraySlice<UInt16>], separator: UInt8) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        for (index, piece) in pieces.enumerated() {
            if index > 0 { JSONString.appendEscaped(utf16: [UInt16(separator)][...], to: &bytes) }
            JSONString.appendEscaped(utf16: piece, to: &bytes)
        }
        bytes.append(UInt8(ascii: "\""))
        spill()
    }

    public mutating func int(_ value: Int) {
        separate()
        JSONString.appendDecimal(value, to: &bytes)
        spill()
    }

    /// A number as `JSONEncoder` writes a `Double`: its shortest form that reads back the same,
    /// without ".0" („4000000“, „3.5“, „1e-05“); `null` for a value that is not finite (which
    /// JSONEncoder refuses).
    public mutating func double(_ value: Double) {
        separate()
        if value.isFinite {
            let written = value.description
            bytes.append(contentsOf: (written.hasSuffix(".0") ? written.dropLast(2) : Substring(written)).utf8)
        } else {
            bytes.append(contentsOf: "null".utf8)
        }
        spill()
    }

    public mutating func bool(_ value: Bool) {
        separate()
        bytes.append(contentsOf: (value ? "true" : "false").utf8)
    }

    public mutating func null() {
        separate()
        bytes.append(contentsOf: "null".utf8)
    }

    /// A value already in JSON (compact output only: it is not re-indented).
    public mutating func raw(_ json: some Sequence<UInt8>) {
        separate()
        bytes.append(contentsOf: json)
        spill()
    }

    public mutating func string(_ value: String?) { if let value { string(value) } else { null() } }
    public mutating func int(_ value: Int?) { if let value { int(value) } else { null() } }
    public mutating func double(_ value: Double?) { if let value { double(value) } else { null() } }

    /// An array of strings.
    public mutating func strings(_ values: [String]) {
        beginArray()
        for value in values { string(value) }
        endArray()
    }

    public mutating func newline() { bytes.append(0x0A) }

    /// Hands the rest to the sink (without one: nothing to do, `bytes` keeps the text).
    public mutating func finish() {
        guard let sink else { return }
        if !bytes.isEmpty { sink(bytes) }
        bytes.removeAll(keepingCapacity: true)
    }

    // MARK: layout

    private mutating func open(_ mark: UInt8) {
        separate()
        bytes.append(mark)
        filled.append(false)
    }

    /// As JSONEncoder: an empty container is `[\n\n]` when pretty (the closing mark indented).
    private mutating func close(_ mark: UInt8) {
        let hadMembers = filled.removeLast()
        if pretty {
            bytes.append(0x0A)
            if !hadMembers { bytes.append(0x0A) }
            indent()
        }
        bytes.append(mark)
        spill()
    }

    /// What comes before a member or element: a comma after the first, and a line with its indent.
    private mutating func separate() {
        if afterKey {
            afterKey = false
            return
        }
        guard !filled.isEmpty else { return }
        if filled[filled.count - 1] { bytes.append(UInt8(ascii: ",")) }
        filled[filled.count - 1] = true
        if pretty {
            bytes.append(0x0A)
            indent()
        }
    }

    private mutating func indent() {
        for _ in 0..<filled.count { bytes.append(0x20); bytes.append(0x20) }
    }

    private mutating func spill() {
        guard let sink, bytes.count >= 1 << 16 else { return }
        sink(bytes)
        bytes.removeAll(keepingCapacity: true)
    }
}

extension RecordID {
    /// The id as `JSONEncoder` writes it: a string, an integer, a number as `Decimal` writes it, or null.
    public func write(to json: inout JSONByteWriter) {
        switch self {
        case .string(let s): json.string(s)
        case .integer(let i): json.int(i)
        case .number(let d): json.raw("\(d)".utf8)
        case .null: json.null()
        }
    }
}
