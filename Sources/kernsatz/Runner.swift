import ArgumentParser
import Foundation
import Kernsatz

/// Runs a command over its inputs: whole files, or JSON Lines records. A failing file is reported
/// on standard error and the others go on; the exit code is 1 when any file failed.
struct Runner {
    let options: InputOptions
    var output = Output()

    /// Runs `body` on each file's decoded text; returns whether all succeeded.
    mutating func eachFile(_ body: (String, DecodedText, inout Output) throws -> Void) -> Bool {
        var ok = true
        let reader = options.reader
        let paths = options.paths
        for path in paths {
            do {
                let decoded = try reader.read(path)
                for warning in decoded.warnings { Output.warn(warning) }
                try body(path, decoded, &output)
            } catch {
                Output.warn("\(error)")
                ok = false
            }
            output.flush()
        }
        return ok
    }

    /// Runs `body` on each JSON Lines record of every input; a bad record yields an error record
    /// and the stream goes on. Returns false when an input could not be opened or read.
    mutating func eachRecord(_ body: (InputRecord, inout Output) throws -> Void) -> Bool {
        var ok = true
        for path in options.paths {
            let lines: LineReader
            do {
                lines = try LineReader(path: path, maxLineBytes: options.maxBytes)
            } catch {
                Output.warn("\(error)")
                ok = false
                continue
            }
            let name = path == "-" ? "<stdin>" : path
            while true {
                let bytes: [UInt8]
                do {
                    guard let next = try lines.next() else { break }
                    bytes = next
                } catch {
                    if case .tooLarge = error.kind {
                        output.writeJSON(ErrorRecord(id: InputRecord.leadingID(lines.tooLongLineHead), line: lines.lineNumber, error: "\(error)"))
                        output.flush()
                        continue
                    }
                    Output.warn("\(error)")
                    ok = false
                    break
                }
                let number = lines.lineNumber
                if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
                let line: String
                do {
                    let decoded = try InputRecord.text(of: bytes, source: "\(name):\(number)", lenient: options.lenient)
                    line = decoded.text
                    if let warning = decoded.warning { Output.warn(warning) }
                } catch {
                    output.writeJSON(ErrorRecord(id: InputRecord.salvageID(String(decoding: bytes, as: UTF8.self)), line: number, error: "\(error)"))
                    output.flush()
                    continue
                }
                let id = InputRecord.salvageID(line)
                do {
                    let record = try InputRecord.parse(line, source: "\(name):\(number)")
                    try body(record, &output)
                } catch {
                    output.writeJSON(ErrorRecord(id: id, line: number, error: "\(error)"))
                }
                output.flush()
            }
        }
        return ok
    }
}

/// A JSON Lines input record.
struct InputRecord {
    var id: RecordID
    var text: String
    var lang: String?

    private struct Raw: Decodable {
        var id: RecordID?
        var text: String?
        var lang: String?
    }

    /// A line's bytes as text. JSON Lines are UTF-8: a line with an invalid byte is a bad record
    /// (the error gives the byte offset in the line), unless `lenient`: then each invalid sequence
    /// becomes U+FFFD and the warning says how many there were.
    /// - Parameter source: the stream and line number for messages ("<stdin>:3").
    static func text(of bytes: [UInt8], source: String, lenient: Bool) throws(TextError) -> (text: String, warning: String?) {
        let text = String(decoding: bytes, as: UTF8.self)
        guard let problem = TextDecoder.utf8Problem(bytes) else { return (text, nil) }
        guard lenient else {
            throw TextError(.badRecord(reason: "invalid UTF-8 at byte offset \(problem.offset) of the line "
                                       + "(JSON Lines must be UTF-8; --lenient replaces invalid bytes)"), source: source)
        }
        return (text, "\(source): replaced \(problem.count) invalid UTF-8 sequence(s) with U+FFFD (first at byte offset \(problem.offset) of the line)")
    }

    /// The id of a line that is JSON but not a usable record, so its error record carries it.
    static func salvageID(_ line: String) -> RecordID {
        struct IDOnly: Decodable { var id: RecordID? }
        return ((try? JSONDecoder().decode(IDOnly.self, from: Data(line.utf8)))?.id) ?? .null
    }

    /// The id of a record of which only the first bytes are at hand (a line too long to keep): the
    /// object's members are walked from the start until "id"; null when it is not among the members
    /// those bytes hold whole.
    ///
    ///     leadingID(Array(#"{"n": [1, {"a": "}"}], "id": "x7", "text": "… (cut)"#.utf8))   // .string("x7")
    static func leadingID(_ head: [UInt8]) -> RecordID {
        var scanner = JSONMemberScanner(head)
        while let (key, value) = scanner.nextMember() {
            if key == "id" { return (try? JSONDecoder().decode(RecordID.self, from: Data(value))) ?? .null }
        }
        return .null
    }

    static func parse(_ line: String, source: String) throws -> InputRecord {
        let raw: Raw
        do {
            raw = try JSONDecoder().decode(Raw.self, from: Data(line.utf8))
        } catch {
            throw TextError(.badRecord(reason: "not a JSON object with a string \"text\" (\(Self.reason(error)))"), source: source)
        }
        guard let text = raw.text else {
            throw TextError(.badRecord(reason: "the record has no \"text\""), source: source)
        }
        return InputRecord(id: raw.id ?? .null, text: text, lang: raw.lang)
    }

    private static func reason(_ error: Error) -> String {
        switch error {
        case DecodingError.dataCorrupted(let context): return context.debugDescription
        case DecodingError.typeMismatch(_, let context): return context.debugDescription
        default: return "\(error)"
        }
    }
}

/// A record id as it came: string, number or null, written back the same way.
enum RecordID: Codable, Equatable, CustomStringConvertible {
    case string(String)
    case integer(Int)
    /// Any other number, kept exactly (ids beyond Int, decimals).
    case number(Decimal)
    case null

    init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null }
        else if let i = try? container.decode(Int.self) { self = .integer(i) }
        else if let d = try? container.decode(Decimal.self) { self = .number(d) }
        else { self = .string(try container.decode(String.self)) }
    }

    /// As the record wrote it: `a`, `7`, `null`.
    var description: String {
        switch self {
        case .string(let s): return s
        case .integer(let i): return "\(i)"
        case .number(let d): return "\(d)"
        case .null: return "null"
        }
    }

    func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .string(let s): try container.encode(s)
        case .integer(let i): try container.encode(i)
        case .number(let d): try container.encode(d)
        case .null: try container.encodeNil()
        }
    }
}

struct ErrorRecord: Encodable {
    let id: RecordID
    let line: Int
    let error: String
}

/// Buffered standard output; errors and warnings go to standard error at once.
struct Output {
    private var buffer = ""
    private let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        return encoder
    }()
    private let prettyEncoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes, .prettyPrinted, .sortedKeys]
        return encoder
    }()

    mutating func line(_ text: String) {
        buffer += text
        buffer += "\n"
        if buffer.utf8.count > 1 << 16 { flush() }
    }

    /// Text as it is, with no line end added (a whole file's content).
    mutating func text(_ text: String) {
        buffer += text
        if buffer.utf8.count > 1 << 16 { flush() }
    }

    mutating func writeJSON<T: Encodable>(_ value: T, pretty: Bool = false) {
        let data: Data
        do {
            data = try (pretty ? prettyEncoder : encoder).encode(value)
        } catch {
            // Never a silent "{}": say what could not be written (e.g. a number that is not finite).
            Output.warn("cannot write the result as JSON: \(error)")
            data = (try? encoder.encode(["error": "cannot write the result as JSON: \(error)"])) ?? Data("{}".utf8)
        }
        // U+2028 and U+2029 are valid in JSON strings but end lines for many line readers
        // (Python's str.splitlines): escape them so one record stays one line. On the bytes, in one
        // pass, without a String copy of the whole record (Foundation's replacingOccurrences took
        // minutes on a record of a million sentences).
        var escaped = Self.escapingLineSeparators(data)
        escaped.append(0x0A)
        flush()
        Self.writeStandardOutput(escaped)
    }

    /// JSON written by `body` piece by piece (`JSONStreamWriter`), then a line end: the same bytes
    /// as `writeJSON` of the value it describes, without that value in memory.
    mutating func streamJSON(pretty: Bool = false, _ body: (inout JSONStreamWriter) -> Void) {
        flush()
        var json = JSONStreamWriter(pretty: pretty) { Output.writeStandardOutput(Data($0)) }
        body(&json)
        json.newline()
        json.finish()
    }

    /// `data` (UTF-8) with U+2028 and U+2029 (E2 80 A8, E2 80 A9) written as `\u2028`, `\u2029`.
    /// - Complexity: O(*n*); `data` itself when it has neither.
    static func escapingLineSeparators(_ data: Data) -> Data {
        let bytes = [UInt8](data)
        var i = 0
        var out: [UInt8]? = nil
        var copied = 0
        while i + 2 < bytes.count {
            if bytes[i] == 0xE2 && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9) {
                if out == nil { out = []; out!.reserveCapacity(bytes.count + 16) }
                out!.append(contentsOf: bytes[copied..<i])
                out!.append(contentsOf: Array((bytes[i + 2] == 0xA8 ? "\\u2028" : "\\u2029").utf8))
                i += 3
                copied = i
            } else {
                i += 1
            }
        }
        guard var out else { return data }
        out.append(contentsOf: bytes[copied...])
        return Data(out)
    }

    /// Writes the buffer out. When standard output cannot take it (a full disk), says so and
    /// exits with status 1: going on would lose output silently.
    mutating func flush() {
        guard !buffer.isEmpty else { return }
        Self.writeStandardOutput(Data(buffer.utf8))
        buffer = ""
    }

    /// Writes bytes straight to standard output (after `flush()`), as `flush` does.
    private static func writeStandardOutput(_ data: Data) {
        do {
            try FileHandle.standardOutput.write(contentsOf: data)
        } catch {
            Output.warn("cannot write to standard output: \((error as NSError).localizedFailureReason ?? error.localizedDescription)")
            exit(1)
        }
    }

    static func warn(_ message: String) {
        FileHandle.standardError.write(Data("kernsatz: \(message)\n".utf8))
    }
}

/// Walks the top-level members of a JSON object in bytes that may be cut off: each member's key
/// (unescaped only when it has no escapes, which is enough to find "id") and its value's bytes.
struct JSONMemberScanner {
    private let bytes: [UInt8]
    private var i = 0
    private var started = false

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// The next member, or nil at the object's end, at a syntax error, or where the bytes stop.
    mutating func nextMember() -> (key: String, value: ArraySlice<UInt8>)? {
        skipSpace()
        if !started {
            guard i < bytes.count, bytes[i] == UInt8(ascii: "{") else { return nil }
            started = true
            i += 1
            skipSpace()
        } else {
            guard i < bytes.count, bytes[i] == UInt8(ascii: ",") else { return nil }
            i += 1
            skipSpace()
        }
        guard let keyRange = skipString() else { return nil }
        skipSpace()
        guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { return nil }
        i += 1
        skipSpace()
        let valueStart = i
        guard skipValue() else { return nil }
        let key = String(decoding: bytes[keyRange.lowerBound + 1..<keyRange.upperBound - 1], as: UTF8.self)
        return (key, bytes[valueStart..<i])
    }

    private mutating func skipSpace() {
        while i < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[i]) { i += 1 }
    }

    /// A string from its opening quote; the range includes both quotes.
    private mutating func skipString() -> Range<Int>? {
        guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else { return nil }
        let start = i
        i += 1
        while i < bytes.count {
            switch bytes[i] {
            case UInt8(ascii: "\\"): i += 2
            case UInt8(ascii: "\""): i += 1; return start..<i
            default: i += 1
            }
        }
        return nil
    }

    /// Any value; false when it does not end within the bytes.
    private mutating func skipValue() -> Bool {
        guard i < bytes.count else { return false }
        switch bytes[i] {
        case UInt8(ascii: "\""):
            return skipString() != nil
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            var depth = 0
            while i < bytes.count {
                switch bytes[i] {
                case UInt8(ascii: "\""):
                    guard skipString() != nil else { return false }
                    continue
                case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    depth -= 1
                    if depth == 0 { i += 1; return true }
                default: break
                }
                i += 1
            }
            return false
        default:
            // A number or a literal: up to the next separator, which must be within the bytes.
            while i < bytes.count, ![UInt8(ascii: ","), UInt8(ascii: "}"), 0x20, 0x09, 0x0A, 0x0D].contains(bytes[i]) { i += 1 }
            return i < bytes.count
        }
    }
}
