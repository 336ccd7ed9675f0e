import Foundation
import KernsatzText

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

    private mutating func appendString(_ value: String) {
        JSONString.appendQuoted(value, to: &buffer, escapingLineSeparators: true)
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
