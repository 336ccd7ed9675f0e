import ArgumentParser
import Foundation
import Kernsatz

/// Runs a command over its inputs: whole files, or JSON Lines records. A failing file is reported
/// on standard error and the others go on; the exit code is 1 when any file failed.
struct Runner {
    let options: InputOptions
    var output = Output()

    /// Runs `body` on each file's decoded text; returns whether all succeeded.
    /// - Parameter articles: read each file as an article (`ArticleReader`): HTML and Markdown give
    ///   their text (the `units` handed on), structured files (XLIFF, DOCX, PDF, …) fail with their
    ///   reason. False: the file's text as it is (`normalize`, `translit`).
    mutating func eachFile(articles: Bool = true, _ body: (String, DecodedText, inout Output) throws -> Void) -> Bool {
        var ok = true
        let reader = options.reader
        var articleReader = options.articleReader
        let paths = options.paths
        for path in paths {
            do {
                var decoded: DecodedText
                if articles {
                    let article = try articleReader.read(path)
                    decoded = article.decoded
                    decoded.units = article.units
                } else {
                    decoded = try reader.read(path)
                }
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
