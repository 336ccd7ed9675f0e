import ArgumentParser
import Foundation
import Kernsatz
import KernsatzBatch

/// The JSON Lines streams as users meet them: `kernsatz segment|analyze|summarize|batch --jsonl` as
/// whole processes over a corpus file (output to /dev/null, peak RSS from `wait4`), beside the same
/// work done by the library in this process and a raw ICU sentence-break loop, in the same run.
struct StreamBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "streams",
        abstract: "Measure the --jsonl streams as whole processes against the library in process and raw ICU (MB/s, records/s, peak RSS).",
        discussion: """
            Build both executables with -c release (swift build -c release --product kernsatz; \
            --product kernsatz-bench), then: .build/release/kernsatz-bench streams.
            The corpus's lines are written --copies times over into WORK/streams-xN.jsonl (the news corpus ×4: \
            2,056 records, 5.4 MB of text). MB/s counts the records' text (UTF-8), as the in-process rows do. \
            Each process runs with its default jobs and with --jobs 1 (where the command has the option). \
            In-process rows run on one thread; so does the raw ICU loop.
            """
    )

    @Option(help: "JSON Lines corpus with a \"text\" field per line.")
    var corpus = "../shared/data/news/derstandard_dev.jsonl"

    @Option(help: "How many times the corpus's lines are repeated in the stream file.")
    var copies = 4

    @Option(help: "Folder for the stream file and logs (default: a folder in the temp dir).")
    var work: String?

    @Option(help: "The kernsatz executable (default: the one next to this benchmark).")
    var kernsatz: String?

    @Option(help: "Timed repetitions of each row; the fastest counts (peak RSS: the largest seen).")
    var repeats = 3

    @Option(help: "Run only the rows whose name contains this (the raw ICU loop always runs).")
    var only: String?

    @Flag(help: "Print the tables as Markdown.")
    var markdown = false

    func validate() throws {
        if repeats < 1 { throw ValidationError("--repeats must be at least 1.") }
        if copies < 1 { throw ValidationError("--copies must be at least 1.") }
    }

    /// One line of the table: a process (with its peak RSS) or work in this process.
    struct Row {
        var name: String
        var jobs: String
        var seconds: Double
        var peakKiB: Int?
        var ok = true
    }

    func run() throws {
        let workDir = work ?? (NSTemporaryDirectory() as NSString).appendingPathComponent("kernsatz-streambench")
        let logs = (workDir as NSString).appendingPathComponent("logs")
        try FileManager.default.createDirectory(atPath: logs, withIntermediateDirectories: true)
        let tool = kernsatz ?? BatchBench.siblingExecutable("kernsatz")
        guard FileManager.default.isExecutableFile(atPath: tool) else {
            throw ValidationError("\(tool): no kernsatz executable (build it with swift build -c release --product kernsatz, or give --kernsatz).")
        }
        // The stream file, written before anything large is in this process: a child's peak RSS
        // from wait4 starts at its parent's (posix_spawn shares the parent's memory until exec).
        let stream = (workDir as NSString).appendingPathComponent("streams-x\(copies).jsonl")
        try Self.writeStream(corpus: corpus, copies: copies, to: stream)
        let floorKiB = peakMemoryKiB()
        let loadBefore = Self.loadAverage()

        func wanted(_ name: String) -> Bool { only.map { name.contains($0) } ?? true }
        var rows: [Row] = []
        var notes: [String] = []

        // Whole processes, first (see above).
        let commands: [(name: String, argv: [String], stdin: String, hasJobs: Bool)] = ["segment", "analyze", "summarize", "batch"].map { command in
            let argv = command == "batch" ? [tool, "batch", "--jsonl"] : [tool, command, "--jsonl", stream]
            return ("kernsatz \(command) --jsonl", argv, command == "batch" ? stream : "/dev/null", Self.hasJobs(tool, command, logs: logs))
        }
        for command in commands where wanted(command.name) {
            for jobs in [nil, 1] as [Int?] {
                if jobs != nil && !command.hasJobs {
                    notes.append("\(command.name): no --jobs option in this kernsatz (the row with --jobs 1 is left out).")
                    continue
                }
                let tag = command.name.split(separator: " ")[1] + (jobs.map { "-j\($0)" } ?? "")
                let child = ChildCommand(argv: command.argv + (jobs.map { ["--jobs", "\($0)"] } ?? []), stdout: "/dev/null",
                                         stderr: (logs as NSString).appendingPathComponent("\(tag).err"), stdin: command.stdin)
                var best: ChildRun?
                for _ in 0..<repeats {
                    let run = try ChildRunner.run([child], concurrency: 1)
                    let peak = max(best?.peakKiB ?? 0, run.peakKiB)
                    if best == nil || !(best!.ok) || (run.ok && run.seconds < best!.seconds) { best = run }
                    best!.peakKiB = peak
                }
                let run = best!
                if !run.ok { notes.append("\(command.name) \(jobs.map { "--jobs \($0)" } ?? ""): failed (\(run.failure)); see \(child.stderr).") }
                rows.append(Row(name: command.name, jobs: jobs.map(String.init) ?? "default",
                                seconds: run.seconds, peakKiB: run.peakKiB, ok: run.ok))
            }
        }

        // In this process, one thread.
        let texts = try BenchCorpus.texts(stream)
        let bytes = texts.reduce(0) { $0 + $1.utf8.count }
        let megabytes = Double(bytes) / 1e6
        let units = texts.map { Array($0.utf16) }
        let icu = try BreakIterator(.sentence, locale: "de")
        let raw = Row(name: "raw ICU sentence-break loop", jobs: "1", seconds: bestTime(repeats: repeats) {
            units.reduce(0) { $0 + icu.countBoundaries(in: $1) }
        }.seconds)
        rows.insert(raw, at: 0)
        var libraryRows: [Row] = []
        // As the commands set them up: the language identified per record, quotes and entities but for segment.
        let segmentPipeline = try Pipeline(options: PipelineOptions(findQuotes: false))
        let fullPipeline = try Pipeline(options: PipelineOptions())
        let session = Pipeline.Session()
        if wanted("library segment") {
            libraryRows.append(Row(name: "library segment", jobs: "1", seconds: try bestTime(repeats: repeats) {
                try texts.reduce(0) { $0 + (try segmentPipeline.analyze($1, source: "record", session: session)).sentences.count }
            }.seconds))
        }
        if wanted("library analyze") {
            libraryRows.append(Row(name: "library analyze", jobs: "1", seconds: try bestTime(repeats: repeats) {
                try texts.reduce(0) { $0 + (try fullPipeline.analyze($1, source: "record", session: session)).sentences.count }
            }.seconds))
        }
        if wanted("library summarize") {
            let summarizers = LanguageCache<Summarizer>()
            libraryRows.append(Row(name: "library summarize", jobs: "1", seconds: try bestTime(repeats: repeats) {
                try texts.reduce(0) { acc, text in
                    let analysis = try fullPipeline.analyze(text, source: "record", session: session)
                    let summarizer = summarizers.value(for: analysis.language) { Summarizer(language: $0) }
                    return acc + summarizer.summarize(analysis, length: .sentences(3)).sentences.count
                }
            }.seconds))
        }
        if wanted("library batch") {
            // The worker `batch --jsonl` runs: summary-only records with the shipped glossaries.
            var options = BatchOptions()
            options.formats = [.summary]
            options.jobs = 1
            let worker = try BatchStream(options: options, matcher: TermMatcher(glossary: try ShippedGlossaries.glossary()))
            let items = texts.enumerated().map { BatchStream.Text(id: "<stdin>:\($0.offset + 1)", text: $0.element) }
            libraryRows.append(Row(name: "library batch worker", jobs: "1", seconds: bestTime(repeats: repeats) {
                // In chunks, as the stream hands them over (its results are not kept longer).
                stride(from: 0, to: items.count, by: 64).reduce(0) { acc, start in
                    acc + worker.process(Array(items[start..<min(start + 64, items.count)])).count
                }
            }.seconds))
        }
        rows.insert(contentsOf: libraryRows, at: 1)

        print("stream: \(stream) — \(corpus) ×\(copies): \(texts.count) records, \(String(format: "%.2f", megabytes)) MB of text "
              + "(file \(String(format: "%.2f", Double(Self.fileSize(stream)) / 1e6)) MB), ICU \(icuVersion), best of \(repeats)")
        print("kernsatz: \(tool); cores: \(ProcessInfo.processInfo.activeProcessorCount); load before: \(loadBefore)")
        print("")
        printTable(["run", "jobs", "records", "MB", "s", "MB/s", "records/s", "peak RSS MiB"], rows.map { row in
            [row.name + (row.ok ? "" : " FAILED"), row.jobs, "\(texts.count)", String(format: "%.2f", megabytes),
             String(format: "%.3f", row.seconds), String(format: "%.2f", megabytes / row.seconds),
             String(format: "%.0f", Double(texts.count) / row.seconds), row.peakKiB.map { "\($0 / 1024)" } ?? "–"]
        })

        // The ratios the issue asks for: throughput of the first ÷ the second.
        func row(_ name: String, _ jobs: String? = nil) -> Row? {
            rows.first { $0.name == name && $0.ok && (jobs == nil ? $0.jobs.hasPrefix("default") : $0.jobs == jobs) }
        }
        var ratios: [[String]] = []
        func ratio(_ label: String, _ a: Row?, _ b: Row?, target: Double, percent: Bool = true) {
            guard let a, let b else { return }
            let value = b.seconds / a.seconds
            let shown = percent ? String(format: "%.1f %%", value * 100) : String(format: "%.2f×", value)
            let goal = percent ? String(format: "≥ %.0f %%", target * 100) : String(format: "≥ %.1f×", target)
            ratios.append([label, shown, goal, value >= target ? "yes" : "no"])
        }
        let library = row("library segment", "1")
        ratio("segment --jsonl ÷ raw ICU", row("kernsatz segment --jsonl"), raw, target: 0.30)
        ratio("segment --jsonl --jobs 1 ÷ raw ICU", row("kernsatz segment --jsonl", "1"), raw, target: 0.30)
        ratio("library segment ÷ raw ICU (for reference)", library, raw, target: 0)
        for (command, lib) in [("analyze", "library analyze"), ("summarize", "library summarize"), ("batch", "library batch worker")] {
            ratio("\(command) --jsonl ÷ \(lib)", row("kernsatz \(command) --jsonl"), row(lib, "1"), target: 0.5)
            ratio("\(command) --jsonl --jobs 1 ÷ \(lib)", row("kernsatz \(command) --jsonl", "1"), row(lib, "1"), target: 0.5)
        }
        for command in ["segment", "analyze", "summarize", "batch"] {
            ratio("\(command) --jsonl default jobs ÷ --jobs 1", row("kernsatz \(command) --jsonl"), row("kernsatz \(command) --jsonl", "1"),
                  target: command == "batch" ? 1.5 : 1, percent: false)
        }
        print("")
        printTable(["ratio (throughput)", "value", "target", "met"], ratios)
        print("")
        print("load after: \(Self.loadAverage()); this process's peak RSS: \(floorKiB / 1024) MiB when it started the processes "
              + "(a child's peak from wait4 is at least that), \(peakMemoryKiB() / 1024) MiB with the in-process rows")
        for note in notes { print("note: \(note)") }
    }

    private func printTable(_ header: [String], _ cells: [[String]]) {
        if markdown {
            print("| " + header.joined(separator: " | ") + " |")
            print("|" + header.indices.map { $0 == 0 ? "---|" : "---:|" }.joined())
            for row in cells { print("| " + row.joined(separator: " | ") + " |") }
            return
        }
        var widths = header.map(\.count)
        for row in cells { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) } }
        func line(_ row: [String]) -> String {
            row.enumerated().map { i, cell in
                let pad = String(repeating: " ", count: max(0, widths[i] - cell.count))
                return i == 0 ? cell + pad : pad + cell
            }.joined(separator: "  ")
        }
        print(line(header))
        for row in cells { print(line(row)) }
    }

    /// The corpus's lines `copies` times over, a line end after the last.
    static func writeStream(corpus: String, copies: Int, to path: String) throws {
        guard let data = FileManager.default.contents(atPath: corpus), !data.isEmpty else { throw ValidationError("\(corpus): cannot be read") }
        guard FileManager.default.createFile(atPath: path, contents: nil), let file = FileHandle(forWritingAtPath: path) else {
            throw ValidationError("\(path): cannot be written")
        }
        defer { try? file.close() }
        for _ in 0..<copies {
            try file.write(contentsOf: data)
            if data.last != 0x0A { try file.write(contentsOf: Data([0x0A])) }
        }
    }

    static func fileSize(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
    }

    /// Whether `kernsatz COMMAND --help` offers --jobs.
    static func hasJobs(_ executable: String, _ command: String, logs: String) -> Bool {
        let help = (logs as NSString).appendingPathComponent("\(command)-help.txt")
        let child = ChildCommand(argv: [executable, command, "--help"], stdout: help, stderr: "/dev/null")
        guard let run = try? ChildRunner.run([child], concurrency: 1), run.ok,
              let text = try? String(contentsOfFile: help, encoding: .utf8) else { return false }
        return text.contains("--jobs")
    }

    /// The 1, 5 and 15 minute load averages, as /proc/loadavg gives them.
    static func loadAverage() -> String {
        guard let text = try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8) else { return "?" }
        return text.split(separator: " ").prefix(3).joined(separator: " ")
    }
}
