import Foundation

/// A JSON Lines input record (`--jsonl`): `{"id": …, "text": …, "lang"?: …}` on one line, as
/// `LineReader` gives it.
///
///     let (line, _) = try InputRecord.text(of: Array(#"{"id":7,"text":"Ja."}"#.utf8), source: "<stdin>:1", lenient: false)
///     try InputRecord.parse(line, source: "<stdin>:1").id   // .integer(7)
public struct InputRecord: Sendable {
    public var id: RecordID
    public var text: String
    public var lang: String?

    public init(id: RecordID, text: String, lang: String? = nil) {
        self.id = id
        self.text = text
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
