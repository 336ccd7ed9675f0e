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
    /// and the stream goes on. Returns false when an input could not be opened.
    mutating func eachRecord(_ body: (InputRecord, inout Output) throws -> Void) -> Bool {
        var ok = true
        for path in options.paths {
            guard let lines = LineReader(path: path) else {
                Output.warn("\(TextError(.notFound, source: path))")
                ok = false
                continue
            }
            var number = 0
            while let line = lines.next() {
                number += 1
                if line.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\r" }) { continue }
                let source = "\(path == "-" ? "<stdin>" : path):\(number)"
                var id = InputRecord.salvageID(line)
                do {
                    let record = try InputRecord.parse(line, source: source)
                    id = record.id
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

    /// The id of a line that is JSON but not a usable record, so its error record carries it.
    static func salvageID(_ line: String) -> RecordID {
        struct IDOnly: Decodable { var id: RecordID? }
        return ((try? JSONDecoder().decode(IDOnly.self, from: Data(line.utf8)))?.id) ?? .null
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
enum RecordID: Codable, Equatable {
    case string(String)
    case integer(Int)
    case number(Double)
    case null

    init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null }
        else if let i = try? container.decode(Int.self) { self = .integer(i) }
        else if let d = try? container.decode(Double.self) { self = .number(d) }
        else { self = .string(try container.decode(String.self)) }
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

/// Reads lines from a file or standard input without loading it whole.
final class LineReader {
    private let file: UnsafeMutablePointer<FILE>
    private let owned: Bool

    init?(path: String) {
        if path == "-" {
            file = fdopen(0, "r")  // standard input, without touching the global `stdin`
            owned = false
        } else {
            guard let f = fopen(path, "r") else { return nil }
            file = f
            owned = true
        }
    }

    deinit { if owned { fclose(file) } }

    func next() -> String? {
        var line: UnsafeMutablePointer<CChar>?
        var capacity = 0
        let length = getline(&line, &capacity, file)
        defer { free(line) }
        guard length >= 0, let line else { return nil }
        var bytes = UnsafeRawBufferPointer(start: line, count: length)
        if bytes.last == 0x0A { bytes = UnsafeRawBufferPointer(rebasing: bytes.dropLast()) }
        return String(decoding: bytes, as: UTF8.self)
    }
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

    mutating func writeJSON<T: Encodable>(_ value: T, pretty: Bool = false) {
        let data = (try? (pretty ? prettyEncoder : encoder).encode(value)) ?? Data("{}".utf8)
        line(String(decoding: data, as: UTF8.self))
    }

    mutating func flush() {
        guard !buffer.isEmpty else { return }
        FileHandle.standardOutput.write(Data(buffer.utf8))
        buffer = ""
    }

    static func warn(_ message: String) {
        FileHandle.standardError.write(Data("kernsatz: \(message)\n".utf8))
    }
}
