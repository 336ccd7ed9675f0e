import Foundation

/// Writes JSON straight to standard output in 64 KB pieces, as `JSONEncoder` with
/// `[.withoutEscapingSlashes, .sortedKeys]` (and `.prettyPrinted` when `pretty`) would write it,
/// byte for byte — but without building the value tree, its `Data` and copies of them first: a
/// million sentences' analysis is written in the memory of a few buffers. The caller gives the
/// members of each object in sorted order. U+2028 and U+2029 in strings are written `\u2028`,
/// `\u2029`, as `Output.writeJSON` does.
///
///     var json = JSONStreamWriter(pretty: false)
///     json.beginObject(); json.key("a"); json.int(1); json.endObject(); json.newline()
///     // {"a":1}
struct JSONStreamWriter {
    let pretty: Bool
    private var buffer: [UInt8] = []
    /// Per open container: whether it has had a member or element yet.
    private var filled: [Bool] = []
    /// Set by `key(_:)`: the next value is that member's, no separator before it.
    private var afterKey = false
    private let sink: ([UInt8]) -> Void

    /// - Parameter sink: takes each full piece (and the rest at `finish()`).
    init(pretty: Bool, sink: @escaping ([UInt8]) -> Void) {
        self.pretty = pretty
        self.sink = sink
        buffer.reserveCapacity(1 << 16 + 1024)
    }

    mutating func beginObject() { open(UInt8(ascii: "{")) }
    mutating func endObject() { close(UInt8(ascii: "}")) }
    mutating func beginArray() { open(UInt8(ascii: "[")) }
    mutating func endArray() { close(UInt8(ascii: "]")) }

    mutating func key(_ name: String) {
        separate()
        appendString(name)
        if pretty { buffer.append(contentsOf: [0x20, UInt8(ascii: ":"), 0x20]) } else { buffer.append(UInt8(ascii: ":")) }
        afterKey = true
    }

    mutating func string(_ value: String) {
        separate()
        appendString(value)
        spill()
    }

    mutating func int(_ value: Int) {
        separate()
        buffer.append(contentsOf: String(value).utf8)
        spill()
    }

    mutating func bool(_ value: Bool) {
        separate()
        buffer.append(contentsOf: (value ? "true" : "false").utf8)
    }

    mutating func null() {
        separate()
        buffer.append(contentsOf: "null".utf8)
    }

    /// A value already in JSON (compact output only: it is not re-indented).
    mutating func raw(_ json: some Sequence<UInt8>) {
        separate()
        buffer.append(contentsOf: json)
        spill()
    }

    mutating func string(_ value: String?) { if let value { string(value) } else { null() } }
    mutating func int(_ value: Int?) { if let value { int(value) } else { null() } }

    mutating func newline() { buffer.append(0x0A) }

    /// Hands the rest to the sink.
    mutating func finish() {
        if !buffer.isEmpty { sink(buffer) }
        buffer.removeAll(keepingCapacity: true)
    }

    // MARK: layout

    private mutating func open(_ mark: UInt8) {
        separate()
        buffer.append(mark)
        filled.append(false)
    }

    /// As JSONEncoder: an empty container is `[\n\n]` when pretty (the closing mark indented).
    private mutating func close(_ mark: UInt8) {
        let hadMembers = filled.removeLast()
        if pretty {
            buffer.append(0x0A)
            if !hadMembers { buffer.append(0x0A) }
            indent()
        }
        buffer.append(mark)
        spill()
    }

    /// What comes before a member or element: a comma after the first, and a line with its indent.
    private mutating func separate() {
        if afterKey {
            afterKey = false
            return
        }
        guard !filled.isEmpty else { return }
        if filled[filled.count - 1] { buffer.append(UInt8(ascii: ",")) }
        filled[filled.count - 1] = true
        if pretty {
            buffer.append(0x0A)
            indent()
        }
    }

    private mutating func indent() {
        for _ in 0..<filled.count { buffer.append(0x20); buffer.append(0x20) }
    }

    private mutating func spill() {
        if buffer.count >= 1 << 16 {
            sink(buffer)
            buffer.removeAll(keepingCapacity: true)
        }
    }

    private static let hex = Array("0123456789abcdef".utf8)

    private mutating func appendString(_ value: String) {
        buffer.append(UInt8(ascii: "\""))
        let utf8 = Array(value.utf8)
        var i = 0
        var copied = i
        while i < utf8.count {
            let byte = utf8[i]
            var escape: [UInt8]? = nil
            var width = 1
            switch byte {
            case UInt8(ascii: "\""): escape = Array("\\\"".utf8)
            case UInt8(ascii: "\\"): escape = Array("\\\\".utf8)
            case 0x0A: escape = Array("\\n".utf8)
            case 0x0D: escape = Array("\\r".utf8)
            case 0x09: escape = Array("\\t".utf8)
            case 0x08: escape = Array("\\b".utf8)
            case 0x0C: escape = Array("\\f".utf8)
            case 0..<0x20:
                escape = Array("\\u00".utf8) + [Self.hex[Int(byte >> 4)], Self.hex[Int(byte & 0xF)]]
            case 0xE2 where i + 2 < utf8.count && utf8[i + 1] == 0x80 && (utf8[i + 2] == 0xA8 || utf8[i + 2] == 0xA9):
                escape = Array((utf8[i + 2] == 0xA8 ? "\\u2028" : "\\u2029").utf8)
                width = 3
            default: break
            }
            if let escape {
                buffer.append(contentsOf: utf8[copied..<i])
                buffer.append(contentsOf: escape)
                i += width
                copied = i
            } else {
                i += 1
            }
        }
        buffer.append(contentsOf: utf8[copied..<i])
        buffer.append(UInt8(ascii: "\""))
    }
}

extension JSONEncoder {
    /// As `Output` encodes a line: no escaped slashes, sorted keys.
    static var compact: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        return encoder
    }
}
