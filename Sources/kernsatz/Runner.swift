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
        eachArticle(articles: articles) { path, decoded, _, out in try body(path, decoded, &out) }
    }

    /// `eachFile`, telling `body` also the markup each file was read as (`.plain` when `articles` is false).
    mutating func eachArticle(articles: Bool = true, _ body: (String, DecodedText, MarkupKind, inout Output) throws -> Void) -> Bool {
        var ok = true
        let reader = options.reader
        var articleReader = options.articleReader
        let paths = options.paths
        for path in paths {
            do {
                var decoded: DecodedText
                var kind = MarkupKind.plain
                if articles {
                    let article = try articleReader.read(path)
                    decoded = article.decoded
                    decoded.units = article.units
                    kind = article.kind
                } else {
                    decoded = try reader.read(path)
                }
                for warning in decoded.warnings { Output.warn(warning) }
                try body(path, decoded, kind, &output)
            } catch {
                Output.warn("\(error)")
                ok = false
            }
            output.flush()
        }
        return ok
    }

    /// Runs `body` on each JSON Lines record of every input and writes the line it makes (a JSON
    /// object and its line end, `RecordLine`), in input order; a bad record yields an error record
    /// in its place and the stream goes on. `body`'s notes go to standard error as its line is
    /// written. Returns false when an input could not be opened or read.
    ///
    /// With `jobs` above 1, records are worked on by that many threads (`OrderedWork`): a reader
    /// thread reads the lines, each worker thread has its own `makeWorker()` state (an ICU session),
    /// and this thread writes the lines in input order, flushing whenever the next one is not ready
    /// yet — the same bytes as with one job (`streamInOrder`).
    mutating func eachRecord<Worker>(jobs: Int = 1, worker makeWorker: () -> Worker,
                                     _ body: @escaping @Sendable (Worker, InputRecord, inout RecordNotes) throws -> [UInt8]) -> Bool {
        let lenient = options.lenient
        guard jobs > 1 else {
            let worker = makeWorker()
            return eachRecord { try body(worker, $0, &$1) }
        }
        let workers = (0..<jobs).map { _ in
            let worker = makeWorker()
            return { (line: RecordInput) in line.process(lenient: lenient) { try body(worker, $0, &$1) } }
        }
        return Self.streamInOrder(paths: options.paths, maxBytes: options.maxBytes, workers: workers, output: &output)
    }

    /// The lines of `paths` worked on by one thread per closure of `workers` and written to
    /// `output` in input order (each record's warnings when its line is written); false when an
    /// input could not be read. Records go to the threads in chunks (up to 64 records or 256 KiB),
    /// so that a hand-over costs little beside a record's work; a chunk is handed on early, before
    /// a read that may wait, so that a slow producer's records are never held back. At most
    /// `4 × workers` chunks and 8 MiB of input are in flight.
    static func streamInOrder(paths: [String], maxBytes: Int, workers: [(RecordInput) -> (line: [UInt8], notes: RecordNotes)],
                              output: inout Output) -> Bool {
        let work = OrderedWork<[RecordInput], [(line: [UInt8], notes: RecordNotes)]>(
            work: workers.map { worker in { chunk in chunk.map(worker) } },
            window: 4 * workers.count, byteBudget: 8 << 20)
        work.start()
        let reader = Thread {
            var chunk: [RecordInput] = []
            var chunkBytes = 0
            func handOn() {
                guard !chunk.isEmpty else { return }
                work.submit(chunk, bytes: chunkBytes)
                chunk = []
                chunkBytes = 0
            }
            let ok = Self.readLines(paths: paths, maxBytes: maxBytes, beforeWaiting: handOn) { line in
                chunk.append(line)
                chunkBytes += line.size
                if chunk.count >= 64 || chunkBytes >= 256 << 10 { handOn() }
            }
            handOn()
            work.endInput(failed: !ok)
        }
        reader.stackSize = 8 << 20
        reader.start()
        while let (results, moreReady) = work.next() {
            for result in results {
                for warning in result.notes.warnings { Output.warn(warning) }
                output.write(result.line)
            }
            if !moreReady { output.flush() }
        }
        output.flush()
        return !work.inputFailed
    }

    /// `eachRecord` on this thread, one record after the other (each line flushed as it is written).
    mutating func eachRecord(_ body: (InputRecord, inout RecordNotes) throws -> [UInt8]) -> Bool {
        let lenient = options.lenient
        return Self.readLines(paths: options.paths, maxBytes: options.maxBytes) { line in
            let (bytes, notes) = line.process(lenient: lenient, body)
            for warning in notes.warnings { Output.warn(warning) }
            output.write(bytes)
            output.flush()
        }
    }

    /// Reads the lines of every input in order and hands each to `take`: blank lines are left
    /// out, a line too long to keep is its error record already. A file that cannot be opened or
    /// read is said on standard error (reading goes on with the next); returns false then.
    /// - Parameter beforeWaiting: called before a read that may wait for input (no whole line is buffered).
    static func readLines(paths: [String], maxBytes: Int, beforeWaiting: () -> Void = {}, _ take: (RecordInput) -> Void) -> Bool {
        var ok = true
        for path in paths {
            let lines: LineReader
            do {
                lines = try LineReader(path: path, maxLineBytes: maxBytes)
            } catch {
                Output.warn("\(error)")
                ok = false
                continue
            }
            let name = path == "-" ? "<stdin>" : path
            while true {
                let bytes: [UInt8]
                if !lines.hasBufferedLine { beforeWaiting() }
                do {
                    guard let next = try lines.next() else { break }
                    bytes = next
                } catch {
                    if case .tooLarge = error.kind {
                        take(.ready(RecordLine.error(id: InputRecord.leadingID(lines.tooLongLineHead), line: lines.lineNumber, message: "\(error)")))
                        continue
                    }
                    Output.warn("\(error)")
                    ok = false
                    break
                }
                if RawRecord.isBlank(bytes) { continue }
                take(.raw(RawRecord(bytes: bytes, source: name, number: lines.lineNumber)))
            }
        }
        return ok
    }
}

/// Command-line options of the commands that stream JSON Lines with several threads.
struct StreamOptions: ParsableArguments {
    @Option(parsing: .unconditional,
            help: "With --jsonl: records processed at once (default: one per core). The output is the same for any number, in input order.")
    var jobs: Int = max(1, ProcessInfo.processInfo.activeProcessorCount)

    func validate() throws {
        if jobs < 1 { throw ValidationError("--jobs must be 1 or more.") }
    }
}

/// A line of a JSON Lines input to work on, or its line already made (a line too long to read).
enum RecordInput: Sendable {
    case raw(RawRecord)
    case ready([UInt8])

    /// What it weighs in the stream's memory bound: its bytes.
    var size: Int {
        switch self {
        case .raw(let raw): return raw.bytes.count
        case .ready(let line): return line.count
        }
    }

    func process(lenient: Bool, _ body: (InputRecord, inout RecordNotes) throws -> [UInt8]) -> (line: [UInt8], notes: RecordNotes) {
        switch self {
        case .raw(let raw): return raw.process(lenient: lenient, body)
        case .ready(let line): return (line, RecordNotes())
        }
    }
}

/// What a record's work has to say besides its line (warnings, notes), written to standard error
/// when its line is written.
struct RecordNotes {
    var warnings: [String] = []
    mutating func warn(_ message: String) { warnings.append(message) }
}

/// One line of a JSON Lines input as read, before it is decoded and parsed.
struct RawRecord {
    let bytes: [UInt8]
    /// The input's name ("<stdin>" or the path) and the line's number, for messages.
    let source: String
    let number: Int

    /// Spaces, tabs and CRs only: no record (left out, as an empty line).
    static func isBlank(_ bytes: [UInt8]) -> Bool {
        bytes.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
    }

    /// The record's line: `body`'s, or the error record of a line that is not UTF-8, not a record,
    /// or whose work failed.
    func process(lenient: Bool, _ body: (InputRecord, inout RecordNotes) throws -> [UInt8]) -> (line: [UInt8], notes: RecordNotes) {
        var notes = RecordNotes()
        if let record = InputRecord.parseUsual(bytes) {
            do {
                return (try body(record, &notes), notes)
            } catch {
                return (RecordLine.error(id: InputRecord.salvageID(String(decoding: bytes, as: UTF8.self)), line: number,
                                         message: "\(error)"), notes)
            }
        }
        let line: String
        do {
            let decoded = try InputRecord.text(of: bytes, source: "\(source):\(number)", lenient: lenient)
            line = decoded.text
            if let warning = decoded.warning { notes.warn(warning) }
        } catch {
            return (RecordLine.error(id: InputRecord.salvageID(String(decoding: bytes, as: UTF8.self)), line: number, message: "\(error)"), notes)
        }
        do {
            let record = try InputRecord.parse(line, source: "\(source):\(number)")
            return (try body(record, &notes), notes)
        } catch {
            return (RecordLine.error(id: InputRecord.salvageID(line), line: number, message: "\(error)"), notes)
        }
    }
}

/// Buffered standard output (bytes); errors and warnings go to standard error at once.
struct Output {
    private var buffer: [UInt8] = []

    mutating func line(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        buffer.append(0x0A)
        if buffer.count > 1 << 16 { flush() }
    }

    /// Text as it is, with no line end added (a whole file's content).
    mutating func text(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count > 1 << 16 { flush() }
    }

    /// Bytes as they are (a record's line, `RecordLine`).
    mutating func write(_ bytes: [UInt8]) {
        buffer.append(contentsOf: bytes)
        if buffer.count > 1 << 16 { flush() }
    }

    /// JSON written by `body` piece by piece (`JSONByteWriter` with standard output as its sink),
    /// then a line end: the JSON of a million sentences in the memory of a few buffers.
    mutating func streamJSON(pretty: Bool = false, _ body: (inout JSONByteWriter) -> Void) {
        flush()
        var json = JSONByteWriter(pretty: pretty) { Output.writeStandardOutput($0) }
        body(&json)
        json.newline()
        json.finish()
    }

    /// `bytes` (UTF-8) with U+2028 and U+2029 (E2 80 A8, E2 80 A9) written as `\u2028`, `\u2029`.
    /// - Complexity: O(*n*); `bytes` itself when it has neither.
    static func escapingLineSeparators(_ bytes: [UInt8]) -> [UInt8] {
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
        guard var out else { return bytes }
        out.append(contentsOf: bytes[copied...])
        return out
    }

    /// Writes the buffer out. When standard output cannot take it (a full disk), says so and
    /// exits with status 1: going on would lose output silently.
    mutating func flush() {
        guard !buffer.isEmpty else { return }
        Self.writeStandardOutput(buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes bytes straight to standard output (after `flush()`), as `flush` does.
    private static func writeStandardOutput(_ bytes: [UInt8]) {
        do {
            try FileHandle.standardOutput.write(contentsOf: bytes)
        } catch {
            Output.warn("cannot write to standard output: \((error as NSError).localizedFailureReason ?? error.localizedDescription)")
            exit(1)
        }
    }

    static func warn(_ message: String) {
        FileHandle.standardError.write(Data("kernsatz: \(message)\n".utf8))
    }
}
