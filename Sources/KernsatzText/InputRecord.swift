import Foundation

/// A JSON Lines input record (`--jsonl`): `{"id": …, "text": …, "lang"?: …}` on one line, as
/// `LineReader` gives it.
///
///     let (line, _) = try InputRecord.text(of: Array(#"{"id":7,"text":"Ja."}"#.utf8), source: "<stdin>:1", lenient: false)
///     try InputRecord.parse(line, source: "<stdin>:1").id   // .integer(7)
public struct InputRecord: Sendable {
    public var id: RecordID
    /// The record's text. Records read from JSON keep only its UTF-16 units (what the pipeline
    /// reads), and the string is made when asked for.
    public var text: String {
        get { storedText ?? String(decoding: units, as: UTF16.self) }
        set {
            storedText = newValue
            units = Array(newValue.utf16)
        }
    }
    private var storedText: String?
    /// `text`'s UTF-16 units.
    public private(set) var units: [UInt16]
    public var lang: String?

    public init(id: RecordID, text: String, lang: String? = nil) {
        self.id = id
        storedText = text
        self.units = Array(text.utf16)
        self.lang = lang
    }

    /// From the text's UTF-16 units alone (well-formed: made from valid UTF-8).
    init(id: RecordID, units: [UInt16], lang: String?) {
        self.id = id
        storedText = nil
        self.units = units
        self.lang = lang
    }

    private struct Raw: Decodable {
        var id: RecordID?
        var text: String?
        var lang: String?
    }

    /// A line's bytes as text. JSON Lines are UTF-8: a line with an invalid byte is a bad record
    /// (the error gives the byte offset in the line), unless `lenient`: then each invalid sequence
    /// becomes U+FFFD and the warning says how many there were.
    /// - Parameter source: the stream and line number for messages ("<stdin>:3").
    public static func text(of bytes: [UInt8], source: String, lenient: Bool) throws(TextError) -> (text: String, warning: String?) {
        let text = String(decoding: bytes, as: UTF8.self)
        guard let problem = TextDecoder.utf8Problem(bytes) else { return (text, nil) }
        guard lenient else {
            throw TextError(.badRecord(reason: "invalid UTF-8 at byte offset \(problem.offset) of the line "
                                       + "(JSON Lines must be UTF-8; --lenient replaces invalid bytes)"), source: source)
        }
        return (text, "\(source): replaced \(problem.count) invalid UTF-8 sequence(s) with U+FFFD (first at byte offset \(problem.offset) of the line)")
    }

    /// The id of a line that is JSON but not a usable record, so its error record carries it.
    public static func salvageID(_ line: String) -> RecordID {
        struct IDOnly: Decodable { var id: RecordID? }
        return ((try? JSONDecoder().decode(IDOnly.self, from: Data(line.utf8)))?.id) ?? .null
    }

    /// - Throws: `TextError` (`.badRecord`) when the line is not a JSON object with a string "text".
    /// The id of a record of which only the first bytes are at hand (a line too long to keep): the
    /// object's members are walked from the start until "id"; null when it is not among the members
    /// those bytes hold whole.
    ///
    ///     leadingID(Array(#"{"n": [1, {"a": "}"}], "id": "x7", "text": "… (cut)"#.utf8))   // .string("x7")
    public static func leadingID(_ head: [UInt8]) -> RecordID {
        var scanner = JSONMemberScanner(head)
        while let (key, value) = scanner.nextMember() {
            if key == "id" { return (try? JSONDecoder().decode(RecordID.self, from: Data(value))) ?? .null }
        }
        return .null
    }

    public static func parse(_ line: String, source: String) throws(TextError) -> InputRecord {
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
public enum RecordID: Codable, Equatable, Sendable, CustomStringConvertible {
    case string(String)
    case integer(Int)
    /// Any other number, kept exactly (ids beyond Int, decimals).
    case number(Decimal)
    case null

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null }
        else if let i = try? container.decode(Int.self) { self = .integer(i) }
        else if let d = try? container.decode(Decimal.self) { self = .number(d) }
        else { self = .string(try container.decode(String.self)) }
    }

    /// As the record wrote it: `a`, `7`, `null`.
    public var description: String {
        switch self {
        case .string(let s): return s
        case .integer(let i): return "\(i)"
        case .number(let d): return "\(d)"
        case .null: return "null"
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .string(let s): try container.encode(s)
        case .integer(let i): try container.encode(i)
        case .number(let d): try container.encode(d)
        case .null: try container.encodeNil()
        }
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
