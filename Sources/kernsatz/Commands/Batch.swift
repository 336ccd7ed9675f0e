import ArgumentParser
import Foundation
import Kernsatz
import KernsatzBatch
import KernsatzWorksheet

extension KernsatzCommand {
    struct BatchCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "batch",
            abstract: "Process whole folders: summaries and worksheets for every article, a report, resumable.",
            discussion: """
                Walks each IN (a folder, recursively, or a file) and writes, for every .txt, .md, .markdown, .html, .htm \
                and .xhtml file (its article text: markup taken away, a .txt holding an HTML page read as HTML; \
                --input-format reads every file one way), the formats asked for into OUT, mirroring the input tree: de/a.txt → OUT/de/a.summary.txt, \
                OUT/de/a.xlf, OUT/de/a.html. Hidden files and folders are left out, symbolic links are followed \
                (a loop is reported), OUT is never read even when it lies inside IN.
                OUT/index.html is the report to open first: every file with its summary, glossary terms, warnings \
                and links to its worksheets, the failures with their reasons, the glossary terms across the batch \
                and term candidates. OUT/manifest.json (+ manifest.csv) holds one record per file with the \
                SHA-256 of its input and outputs; terms.csv and term-candidates.csv the term report.
                Files run in parallel (--jobs, default: one per core). Every output is written to a temporary \
                file and renamed into place; an existing file that Kernsatz did not write is never replaced \
                (--force replaces it, inputs never). A file that fails (binary, bad encoding, empty, too large, \
                unreadable, a structured file such as XLIFF, TBX, DOCX or PDF) is reported with its reason and the others go on; the exit status is 1 when any \
                failed. --resume skips files whose input, settings and outputs are unchanged since they were \
                written, so a batch that was stopped or killed goes on where it stopped.
                --to: one target language (en, the default) for every file, or one per source language \
                (de:en,en:de,fr:en). A file whose language has no target, or is its own target (an English \
                text with --to en), gets no worksheets but its summary: its log line and its row in the report \
                say why (with worksheet formats only, it is listed as left out); this is no failure.
                Formats: summary (plain text, one sentence per line), \(WorksheetFormat.allCases.map(\.rawValue).joined(separator: ", ")); \
                all for every one. Default: summary,xliff,html.
                --jsonl: a worker for streaming engines: JSON Lines records {"id","text","lang"?} from standard \
                input, one result line per record in input order on standard output (summary, terms, counts, \
                warnings; with --formats also each text format's content); a bad record gives {"id","error"}.
                """
        )

        @Argument(help: ArgumentHelp("Input folders (or files).", valueName: "in"), completion: .file())
        var inputs: [String] = []

        @Option(name: .shortAndLong, help: ArgumentHelp("The output folder (made if missing).", valueName: "out"), completion: .directory)
        var output: String?

        @Option(help: ArgumentHelp("What to write per file, comma-separated: summary, \(WorksheetFormat.allCases.map(\.rawValue).joined(separator: ", ")), all.",
                                   valueName: "formats"),
                completion: FormatCompletion.list(BatchFormat.self, allowsAll: true))
        var formats: String?

        @OptionGroup var glossary: GlossaryOptions

        @OptionGroup var reading: ReadingOptions

        @Option(parsing: .unconditional, help: "Sentences per summary.")
        var summary: Int = 3

        @Option(parsing: .unconditional, help: "Files processed at once (default: one per core).")
        var jobs: Int = max(1, ProcessInfo.processInfo.activeProcessorCount)

        @Option(help: ArgumentHelp("Take only files matching this shell pattern (*.txt, 2025/*); repeat for several. A matching file of another type is read as plain text.",
                                   valueName: "glob"))
        var include: [String] = []

        @Option(help: ArgumentHelp("Leave out files and folders matching this pattern (drafts, *.draft.md); repeat for several. An input folder's own .kernsatzignore (one pattern a line, # comments) adds its patterns, relative to that folder.", valueName: "glob"))
        var exclude: [String] = []

        @Flag(help: "Leave out symbolic links that lead outside the input folders (listed in the report); by default they are followed and their files carry a warning.")
        var noFollowOutside = false

        @Flag(help: "Skip files whose outputs are up to date (input, settings and outputs unchanged).")
        var resume = false

        @Flag(help: "Stop at the first file that fails.")
        var failFast = false

        @Flag(help: "Replace output files that Kernsatz did not write (inputs are never replaced).")
        var force = false

        @Flag(name: .shortAndLong, help: "No progress and no per-file lines; failures and the final line only.")
        var quiet = false

        @Flag(help: "Stream mode: JSON Lines records from standard input, one result line per record on standard output.")
        var jsonl = false

        @Option(help: ArgumentHelp("Memory the files being worked on may take together (bytes, or with K, M, G: 2G); "
                                   + "a file starts when its estimate (\(MemoryGate.memoryPerByte) times its size, the worst measured) fits beside the others. Default: half the machine's.",
                                   valueName: "size"))
        var maxMemory: String?

        var lang: String? { reading.lang }
        var maxBytes: Int { reading.maxBytes }
        var lenient: Bool { reading.lenient }
        var encoding: String? { reading.encoding }

        func validate() throws {
            if jobs < 1 { throw ValidationError("--jobs must be 1 or more.") }
            if summary < 0 { throw ValidationError("--summary must be 0 or more sentences (0: worksheets without a summary).") }
            if summary == 0, try batchFormats().contains(.summary) {
                throw ValidationError("--summary 0 would write empty summaries: give 1 or more sentences, "
                                      + "or leave summary out of --formats (then 0 gives worksheets without a summary).")
            }
            if let maxMemory, Self.byteCount(maxMemory) == nil {
                throw ValidationError("--max-memory takes a size in bytes, or with K, M or G (512M, 2G), not '\(maxMemory)'.")
            }
            _ = try batchFormats()
            if jsonl {
                if output != nil { throw ValidationError("--jsonl writes to standard output; leave out -o.") }
                try reading.validateForJSONLines()
                if !inputs.isEmpty { throw ValidationError("--jsonl reads standard input; leave out the input folders.") }
                if try batchFormats().contains(.docx) { throw ValidationError("--jsonl carries text formats; docx needs -o OUT.") }
                return
            }
            if inputs.isEmpty { throw ValidationError("Name at least one input folder: kernsatz batch IN -o OUT.") }
            guard let output, !output.isEmpty else { throw ValidationError("Name the output folder: kernsatz batch \(inputs[0]) -o OUT.") }
        }

        func batchFormats() throws -> [BatchFormat] {
            guard let formats else { return jsonl ? [.summary] : BatchFormat.defaults }
            do {
                return try BatchFormat.list(formats)
            } catch {
                throw ValidationError("\(error)")
            }
        }

        /// "2G", "512M", "64k", "1000000" (also "2GB", "2GiB") as bytes, K, M, G, T being powers of 1024; nil when it is not a positive size.
        static func byteCount(_ text: String) -> Int? {
            var digits = text.trimmingCharacters(in: .whitespaces).uppercased()
            if digits.hasSuffix("IB") { digits.removeLast(2) } else if digits.hasSuffix("B") { digits.removeLast() }
            var factor = 1
            if let last = digits.last, let shift = ["K": 10, "M": 20, "G": 30, "T": 40][last] {
                factor = 1 << shift
                digits.removeLast()
            }
            guard let value = Int(digits), value > 0 else { return nil }
            let (bytes, overflow) = value.multipliedReportingOverflow(by: factor)
            return overflow ? nil : bytes
        }

        func batchOptions() throws -> BatchOptions {
            var options = BatchOptions()
            options.formats = try batchFormats()
            options.targets = glossary.to
            options.language = lang
            options.summarySentences = summary
            options.jobs = jobs
            options.include = include.map(Glob.init)
            options.exclude = exclude.map(Glob.init)
            options.resume = resume
            options.followLinksOutside = !noFollowOutside
            options.failFast = failFast
            options.force = force
            options.maxBytes = maxBytes
            if let maxMemory, let bytes = Self.byteCount(maxMemory) { options.maxMemory = bytes }
            options.lenient = lenient
            options.encoding = encoding
            options.inputFormat = reading.inputFormat?.kind
            options.version = KernsatzCommand.configuration.version
            if glossary.paths.isEmpty {
                options.glossaryNames = ShippedGlossaries.names.map { "shipped: \($0)" }
                options.glossaryFingerprint = "shipped \(KernsatzCommand.configuration.version)"
            } else {
                options.glossaryNames = glossary.paths.map { URL(fileURLWithPath: $0).lastPathComponent }
                options.glossaryFingerprint = glossary.paths.map { ContentHash.sha256(ofFile: $0) ?? $0 }.joined(separator: ",")
            }
            return options
        }

        func run() throws {
            let options = try batchOptions()
            if jsonl {
                try stream(options: options, matcher: try glossary.matcher(orShipped: true, lenient: lenient))
                return
            }
            // While the glossaries are read, the other core makes German ready. (A pipeline that
            // cannot be made is left for the batch to report.)
            let pipeline = try? Pipeline(options: PipelineOptions(language: lang))
            let preparing = DispatchGroup()
            if lang == nil {
                DispatchQueue.global().async(group: preparing) { pipeline?.prepare(language: "de") }
            }
            defer { preparing.wait() }
            let matcher = try glossary.matcher(orShipped: true, lenient: lenient)
            let batch = Batch(inputs: inputs, output: output!, options: options, matcher: matcher, pipeline: pipeline)
            let reporter = ProgressReporter(quiet: quiet)
            let summary: BatchSummary
            do {
                summary = try batch.run { event in reporter.handle(event) }
            } catch {
                reporter.finishLine()
                throw CLIError("\(error)")
            }
            reporter.finishLine()
            let rate = summary.seconds > 0 ? Double(summary.done + summary.upToDate) / summary.seconds : 0
            var parts = ["\(summary.done) done"]
            if summary.upToDate > 0 { parts.append("\(summary.upToDate) up to date") }
            parts.append("\(summary.failed) failed")
            if summary.skipped > 0 { parts.append("\(summary.skipped) left out (listed in the report)") }
            if summary.withoutWorksheet > 0 {
                let one = summary.withoutWorksheet == 1
                parts.append("\(summary.withoutWorksheet) without worksheets (--to gives \(one ? "its language" : "their languages") no other target; the report says why)")
            }
            if summary.notStarted > 0 { parts.append("\(summary.notStarted) not started (--fail-fast)") }
            Output.warn("\(Counting.phrase(summary.total, "file")) in \(String(format: "%.1f", summary.seconds)) s "
                + "(\(ProgressReporter.rate(rate)) files/s): \(parts.joined(separator: ", ")); open \(ProgressReporter.oneLine(summary.index))")
            if !summary.succeeded { throw ExitCode.failure }
        }
    }
}

/// Progress on standard error: a line that redraws itself on a terminal (files done / total,
/// files/s, ETA), plain log lines otherwise; failures always get a line of their own.
final class ProgressReporter: @unchecked Sendable {
    // @unchecked: the batch calls `handle` one event at a time; `finishLine` runs after the batch.
    private let quiet: Bool
    private let terminal: Bool
    private var started = DispatchTime.now().uptimeNanoseconds
    private var lastDraw: UInt64 = 0
    private var drawn = false

    init(quiet: Bool) {
        self.quiet = quiet
        terminal = isatty(2) == 1
    }

    func handle(_ event: BatchEvent) {
        switch event {
        case .ignoring(let file, let patterns):
            if !quiet { line("leaving out what \(file) names: \(patterns.joined(separator: ", "))") }
        case .planned(let total, let notes):
            started = DispatchTime.now().uptimeNanoseconds
            for note in notes where note.severity == .failed || !quiet {
                line("\(note.severity == .failed ? "FAILED" : "skipped") \(note.relativePath.isEmpty ? note.path : note.relativePath): \(note.reason)")
            }
            if !quiet && !terminal { line("\(Counting.phrase(total, "file")) to process") }
        case .file(let record, let finished, let total):
            switch record.status {
            case .failed:
                line("FAILED \(record.path): \(record.reason ?? "")")
            case .skipped where !quiet:
                line("skipped \(record.path): \(record.reason ?? "")")
            case .done where !quiet && !terminal:
                let notes = (record.reason.map { [$0] } ?? []) + record.warnings
                let warnings = notes.isEmpty ? "" : " — " + notes.joined(separator: "; ")
                line("ok \(record.path): \(Counting.phrase(record.segments ?? 0, "segment")), \(Counting.phrase(record.words ?? 0, "word"))\(warnings)")
            case .upToDate where !quiet && !terminal:
                line("up to date \(record.path)")
            default:
                break
            }
            if terminal && !quiet { draw(finished: finished, total: total, current: record.path) }
        case .reporting:
            if terminal && !quiet { clear() }
            if !quiet && !terminal { line("writing the report") }
        }
    }

    private func line(_ text: String) {
        if drawn { clear() }
        Output.warn(Self.oneLine(text))
    }

    /// `text` kept on one line: control characters (a line feed in a file name, an escape
    /// sequence) written as `\n`, `\r`, `\t` or `\u{1B}`, so that a name can neither split a log
    /// line nor draw on the terminal.
    static func oneLine(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where isControl(scalar): out += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// C0 and C1 controls, DEL, and the line and paragraph separators (line ends for many readers).
    /// Files per second with the digits that tell: "1302", "12", "0.4", "0.03" (a slow batch is not "0").
    static func rate(_ rate: Double) -> String {
        if rate >= 10 || rate == 0 { return String(format: "%.0f", rate) }
        if rate >= 1 { return String(format: "%.1f", rate) }
        return String(format: "%.2g", rate)
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0x2028 || scalar.value == 0x2029
    }

    private func draw(finished: Int, total: Int, current: String) {
        let now = DispatchTime.now().uptimeNanoseconds
        guard finished == total || now - lastDraw > 100_000_000 else { return }
        lastDraw = now
        let seconds = Double(now - started) / 1e9
        let rate = seconds > 0 ? Double(finished) / seconds : 0
        let eta = rate > 0 ? Int(Double(total - finished) / rate) : 0
        let percent = total > 0 ? finished * 100 / total : 100
        let counters = "[\(finished)/\(total)] \(percent)% · \(ProgressReporter.rate(rate)) files/s · ETA \(eta / 60):\(String(format: "%02d", eta % 60))"
        let text = Self.fit(counters, name: Self.oneLine(current), columns: Self.columns())
        FileHandle.standardError.write(Data(("\r\u{1B}[K" + text).utf8))
        drawn = true
    }

    /// The terminal's width: standard error's, else the COLUMNS variable, else 80.
    static func columns() -> Int {
        if let columns = Terminal.columns(fileDescriptor: 2) { return columns }
        if let value = ProcessInfo.processInfo.environment["COLUMNS"], let columns = Int(value), columns > 0 { return columns }
        return 80
    }

    /// The progress line cut to fit `columns` (less one: a line that fills the last column wraps on
    /// some terminals, and the redraw would then leave a line behind): the name loses its beginning
    /// first (at most 40 columns, „…/a.txt“), then goes, then the counters lose their end.
    static func fit(_ counters: String, name: String, columns: Int) -> String {
        let room = max(1, columns - 1)
        let nameRoom = min(40, room - Terminal.width(counters) - 3)
        if nameRoom >= 8 { return counters + " · " + cut(name, to: nameRoom, fromStart: true) }
        return cut(counters, to: room, fromStart: false)
    }

    /// `text` in at most `columns` columns; what is cut is shown as „…“.
    static func cut(_ text: String, to columns: Int, fromStart: Bool) -> String {
        guard Terminal.width(text) > columns else { return text }
        var kept: [Character] = []
        var width = 1
        for character in fromStart ? Array(text.reversed()) : Array(text) {
            width += Terminal.width(character)
            if width > columns { break }
            kept.append(character)
        }
        return fromStart ? "…" + String(kept.reversed()) : String(kept) + "…"
    }

    private func clear() {
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
        drawn = false
    }

    func finishLine() { if drawn { clear() } }
}

extension KernsatzCommand.BatchCommand {
    /// `--jsonl`: records from standard input, processed on `jobs` threads (`OrderedWork`, each
    /// with its own worker slot), written in input order; with one job, one after the other.
    func stream(options: BatchOptions, matcher: TermMatcher?) throws {
        let worker: BatchStream
        do {
            worker = try BatchStream(options: options, matcher: matcher)
        } catch {
            throw CLIError("\(error)")
        }
        let lenient = lenient
        var output = Output()
        let ok: Bool
        if worker.slots == 1 {
            ok = Runner.readLines(paths: ["-"], maxBytes: maxBytes) { line in
                output.write(Self.streamLine(line, worker: worker, slot: 0, lenient: lenient))
                output.flush()
            }
        } else {
            let workers = (0..<worker.slots).map { slot in
                { (line: RecordInput) in (line: Self.streamLine(line, worker: worker, slot: slot, lenient: lenient), notes: RecordNotes()) }
            }
            ok = Runner.streamInOrder(paths: ["-"], maxBytes: maxBytes, workers: workers, output: &output)
        }
        output.flush()
        if !ok { throw ExitCode.failure }
    }

    /// One line's result line (`StreamResultJSON`), or its error record when it is not a record,
    /// names no language code, or could not be read. What reading it had to say (`--lenient`)
    /// goes into its "warnings".
    static func streamLine(_ input: RecordInput, worker: BatchStream, slot: Int, lenient: Bool) -> [UInt8] {
        guard case .raw(let raw) = input else { return input.process(lenient: lenient) { _, _ in [] }.line }
        let source = "\(raw.source):\(raw.number)"
        return raw.process(lenient: lenient) { record, notes in
            if let lang = record.lang, !InputOptions.isLanguageCode(lang) {
                throw CLIError("\(source): \"lang\" is not a language code such as de or en: '\(lang)'")
            }
            let result = worker.process(BatchStream.Text(id: source, text: record.text, language: record.lang), slot: slot)
            defer { notes.warnings = [] }
            return StreamResultJSON.line(id: record.id, line: raw.number, result: result, source: source, readWarnings: notes.warnings)
        }.line
    }

    /// One result line: what the manifest says of a file, and each text format asked for; a record
    /// that failed gives its input line, as one that could not be read does. `{"error"?,"id",
    /// "language"?,"line"?,"names"?,"numbers"?,"outputs"?,"quotes"?,"segments"?,"summary"?,"terms"?,
    /// "warnings"?,"words"?}`: what the record does not have is left out.
    enum StreamResultJSON {
        /// - Parameter readWarnings: what reading the line had to say (invalid bytes replaced), before the record's own.
        static func line(id: RecordID, line: Int, result: BatchStream.Result, source: String, readWarnings: [String] = []) -> [UInt8] {
            let record = result.record
            let failed = record.status == .failed
            var json = JSONByteWriter()
            json.beginObject()
            if failed { json.key("error"); json.string("\(source): \(record.reason ?? "failed")") }
            json.key("id"); id.write(to: &json)
            if let language = record.language { json.key("language"); json.string(language) }
            if failed { json.key("line"); json.int(line) }
            if let names = record.names { json.key("names"); json.int(names) }
            if let numbers = record.numbers { json.key("numbers"); json.int(numbers) }
            if !result.outputs.isEmpty {
                json.key("outputs")
                json.beginObject()
                // By format name, as sorted keys order them (at most one content per format).
                var seen = Set<String>()
                for output in result.outputs.sorted(by: { $0.format.rawValue < $1.format.rawValue }) where seen.insert(output.format.rawValue).inserted {
                    json.key(output.format.rawValue)
                    json.string(String(decoding: output.data, as: UTF8.self))
                }
                json.endObject()
            }
            if let quotes = record.quotes { json.key("quotes"); json.int(quotes) }
            if let segments = record.segments { json.key("segments"); json.int(segments) }
            if let summary = record.summary { json.key("summary"); json.strings(summary) }
            if let terms = record.terms {
                json.key("terms")
                json.beginArray()
                for term in terms {
                    json.beginObject()
                    json.key("count"); json.int(term.count)
                    json.key("forms"); json.strings(term.forms)
                    json.key("targets"); json.strings(term.targets)
                    json.key("term"); json.string(term.term)
                    json.endObject()
                }
                json.endArray()
            }
            if !failed { json.key("warnings"); json.strings(readWarnings + (record.reason.map { [$0] } ?? []) + record.warnings) }
            if let words = record.words { json.key("words"); json.int(words) }
            json.endObject()
            json.newline()
            return json.bytes
        }
    }
}
