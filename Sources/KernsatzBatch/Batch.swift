import Foundation
import KernsatzText
import Kernsatz
import KernsatzWorksheet
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A batch: the files of one or more folders, processed in parallel into summaries and worksheets,
/// with a manifest, a report, and nothing lost when it is killed.
///
///     let batch = try Batch(inputs: ["articles"], output: "out", options: BatchOptions(), matcher: matcher)
///     let summary = try batch.run { event in … }      // progress, one event at a time
///     summary.failed                                    // 0
///
/// The output folder holds the mirrored tree of outputs, `index.html` (open it first),
/// `manifest.json` and `manifest.csv` (one record per file), `terms.csv` (glossary terms by file)
/// and `term-candidates.csv`, and `.kernsatz/` (the journal of a running batch and its temporary
/// files). Memory stays flat in the number of files: records go to the journal as files finish,
/// and the report is written from the journal.
public struct Batch: Sendable {
    public let inputs: [String]
    public let output: String
    public let options: BatchOptions
    public let matcher: TermMatcher?
    /// The pipeline texts are analyzed with; nil: one made for `options.language` when the batch runs.
    public let pipeline: Pipeline?

    /// The format and version of `manifest.json`.
    public static let manifestFormat = "kernsatz-batch-manifest"
    public static let manifestVersion = 1
    /// The manifest's line that names its format, as the report writes it: what tells a Kernsatz
    /// manifest (an earlier run's, a folder to leave out of a walk) from any other `manifest.json`.
    static let manifestFormatLine = #""format": "\#(manifestFormat)""#

    /// - Parameter output: the output folder; a slash at the end is dropped (`out/` → `out`), so the
    ///   paths in messages and the summary have none twice.
    /// - Parameter pipeline: one made for `options.language` (`PipelineOptions(language:)`), given so
    ///   that it can be made ready while other setup runs (`Pipeline.prepare(language:)`).
    public init(inputs: [String], output: String, options: BatchOptions = BatchOptions(), matcher: TermMatcher? = nil,
                pipeline: Pipeline? = nil) {
        self.inputs = inputs
        var output = output
        while output.count > 1 && output.hasSuffix("/") { output.removeLast() }
        self.output = output
        self.options = options
        self.matcher = matcher
        self.pipeline = pipeline
    }

    var stateFolder: String { output + "/.kernsatz" }
    var journalPath: String { stateFolder + "/journal.jsonl" }
    var manifestPath: String { output + "/" + OutputPlan.manifestName }

    /// Runs the batch. Failing files are recorded and reported; they do not throw.
    /// - Parameter progress: called for each event, never two at a time.
    /// - Throws: `BatchError` when the batch cannot start (no such input, output folder unusable,
    ///   settings unusable) or its report cannot be written.
    public func run(progress: @escaping @Sendable (BatchEvent) -> Void = { _ in }) throws(BatchError) -> BatchSummary {
        let clock = DispatchTime.now().uptimeNanoseconds
        let manager = FileManager.default
        guard !inputs.isEmpty else { throw BatchError(.badInput(reason: "no input folder given"), path: "batch") }
        for input in inputs where !manager.fileExists(atPath: input) {
            let dangling = (try? manager.destinationOfSymbolicLink(atPath: input)) != nil
            throw BatchError(.badInput(reason: dangling ? "a symbolic link to nothing (or a link loop)" : "no such file or folder"), path: input)
        }
        let temporary = stateFolder + "/tmp"
        do {
            try manager.createDirectory(atPath: output, withIntermediateDirectories: true)
        } catch {
            throw BatchError(.badOutput(reason: "cannot make the output folder (\(FileReader.reason(error)))"), path: output)
        }
        // One batch per output folder, from before anything of it is read until its report is written.
        let lock = try OutputLock(folder: output)
        defer {
            lock.release()
            rmdir(stateFolder)   // a refused or failed batch leaves no empty .kernsatz/ behind
        }

        // Walk (the output folder is never read) and plan the output names.
        let walker = InputWalker(excluding: output, include: options.include, exclude: options.exclude,
                                 followOutside: options.followLinksOutside)
        let walk = try walker.walk(inputs)
        let plan = OutputPlan(walk.inputs, formats: options.formats)
        let previous = PreviousRun(manifest: manifestPath, journal: journalPath)
        let inputIdentities = FileIdentity.SortedKeys(walk.inputs.lazy.compactMap { FileIdentity(path: $0.path, follow: true) })

        let pipeline: Pipeline
        do {
            pipeline = try self.pipeline ?? Pipeline(options: PipelineOptions(language: options.language))
        } catch {
            throw BatchError(.setup(reason: "\(error)"), path: "")
        }
        // German, the language Kernsatz is made for, is made ready on another thread while the first
        // worker is set up, rather than by the first German files while the other workers wait for it.
        // (A language given with --lang the pipeline has made ready already.)
        let preparing = DispatchGroup()
        if options.language == nil {
            DispatchQueue.global().async(group: preparing) { pipeline.prepare(language: "de") }
        }
        defer { preparing.wait() }
        let settings = BatchSettings(options: options, matcher: matcher, pipeline: pipeline, output: output,
                                     temporaryFolder: temporary, previous: previous,
                                     isInput: { path in FileIdentity(path: path, follow: true).map { inputIdentities.contains($0) } ?? false })
        // The report's files: replaced when an earlier batch wrote them (or with --force), never when
        // they are an input. Checked before any work, so that nothing is done for a report that cannot be written.
        for name in OutputPlan.reportNames.sorted() {
            let path = output + "/" + name
            guard manager.fileExists(atPath: path) else { continue }
            if settings.isInput(path) {
                throw BatchError(.badOutput(reason: "is one of the inputs, and the report would replace it; write the results to another folder (-o)"), path: path)
            }
            if !options.force && !previous.found { throw BatchError(.foreignOutput, path: path) }
        }
        // The journal (the lock made its folder). What a killed run left half-written is thrown away:
        // outputs only ever appear by rename.
        let journal = try Journal(path: journalPath)
        do {
            if manager.fileExists(atPath: temporary) { try manager.removeItem(atPath: temporary) }
            try manager.createDirectory(atPath: temporary, withIntermediateDirectories: true)
        } catch {
            throw BatchError(.badOutput(reason: "cannot make the folder for temporary files (\(FileReader.reason(error)))"), path: temporary)
        }
        // One worker is made here, so that a setup error stops the batch before any file.
        let first = try BatchWorker(settings: settings)

        let csvRows = try RowFile(path: stateFolder + "/rows.csv")
        let htmlRows = try RowFile(path: stateFolder + "/rows.html")
        let slots = try SlotFile(path: stateFolder + "/slots.bin")
        let termSpill = try TermSpill(path: stateFolder + "/term-files.bin")
        defer {
            termSpill.close()
            csvRows.close()
            htmlRows.close()
            slots.close()
        }
        let state = RunState(total: walk.inputs.count, progress: progress, journal: journal, csvRows: csvRows, htmlRows: htmlRows,
                             slots: slots, termSpill: termSpill)
        let renderer = RecordRenderer()
        for ignore in walk.ignoreFiles { progress(.ignoring(file: ignore.path, patterns: ignore.patterns)) }
        progress(.planned(total: walk.inputs.count, notes: walk.notes))
        for (number, note) in walk.notes.enumerated() {
            var record = FileRecord(path: note.relativePath, status: note.severity == .failed ? .failed : .skipped, reason: note.reason)
            record.order = walk.inputs.count + number
            state.note(record, renderer.render(record), failFast: options.failFast)
        }

        let jobs = max(1, min(options.jobs, walk.inputs.count))
        let workers = WorkerPool(first: first)
        DispatchQueue.concurrentPerform(iterations: jobs) { slot in
            guard let worker = workers.take(slot: slot, settings: settings) else {
                state.stopWithError()
                return
            }
            let renderer = RecordRenderer()
            while let index = state.nextIndex() {
                let record = worker.process(walk.inputs[index], plan: plan, index: index)
                state.finish(record, renderer.render(record), failFast: options.failFast)
            }
            state.addCandidates(worker.extractor, slot: slot)
        }
        if let error = workers.setupError { throw error }
        // Files the batch did not get to (--fail-fast): a record each, with the outputs an earlier run
        // wrote for them, so that the next run still knows those files as its own.
        for index in state.handedOut..<walk.inputs.count {
            let path = walk.inputs[index].relativePath
            var record = FileRecord(path: path, status: .skipped, reason: "not started: the batch stopped at the first failure (--fail-fast)")
            record.order = index
            record.outputs = previous.outputs[path] ?? []
            state.note(record, renderer.render(record))
        }
        // Files an earlier run into this folder did that this one did not meet (no longer in the input,
        // or left out by --include/--exclude): their outputs still there stay listed, and Kernsatz's own.
        // (Usually none: the sets are only made when an earlier run had files this one did not meet.)
        let met = previous.outputs.isEmpty ? [] : Set(walk.inputs.map(\.relativePath) + walk.notes.map(\.relativePath))
        let notMet = previous.outputs.filter { !met.contains($0.key) }.sorted { $0.key < $1.key }
        let planned = notMet.isEmpty ? [] : Set(walk.inputs.indices.flatMap { index in options.formats.map { plan.path(index, $0) } })
        var earlierOrder = walk.inputs.count + walk.notes.count
        for (path, outputs) in notMet {
            let kept = outputs.filter { !planned.contains($0.path) && manager.fileExists(atPath: output + "/" + $0.path) }
            guard !kept.isEmpty else { continue }
            var record = FileRecord(path: path, status: .skipped, reason: Self.notMetReason)
            record.order = earlierOrder
            record.outputs = kept
            earlierOrder += 1
            state.note(record, renderer.render(record))
        }
        if let error = state.journalError { throw error }

        progress(.reporting)
        var summary = state.summary
        summary.notStarted = walk.inputs.count - state.finished
        // Left out: what the walk left out, and files with no worksheet to write for their language (and nothing else asked for).
        summary.skipped += walk.notes.filter { $0.severity == .skipped }.count
        // Links that should have led to a file (loops, dangling) count among the files, as failures.
        summary.total += walk.notes.filter { $0.severity == .failed }.count
        summary.seconds = Double(DispatchTime.now().uptimeNanoseconds - clock) / 1e9
        let report = Report(batch: self, settings: settings, inputs: walk.inputs, summary: summary, journal: journal,
                            csvRows: csvRows, htmlRows: htmlRows, slots: slots, state: state)
        try report.write()
        // The manifest now holds everything the journal had. The temporary files go first and the
        // lock last, so that a batch starting into this folder now never loses its files.
        try? manager.removeItem(atPath: temporary)
        try? manager.removeItem(atPath: csvRows.path)
        try? manager.removeItem(atPath: htmlRows.path)
        try? manager.removeItem(atPath: slots.path)
        try? manager.removeItem(atPath: termSpill.path)
        try? manager.removeItem(atPath: journalPath)
        journal.close()
        lock.release()
        rmdir(stateFolder)   // only when empty
        summary.index = output + "/index.html"
        summary.manifest = manifestPath
        return summary
    }

    /// Why a file of an earlier run is listed without being processed.
    static let notMetReason = "not in this run (no longer in the input, or left out by --include/--exclude); the outputs an earlier run made for it are kept"

    /// What identifies the settings outputs are made with: a change makes every file out of date.
    func fingerprint() -> String {
        let parts = ["kernsatz-batch \(Self.manifestVersion) worksheet \(Worksheet.formatVersion) version \(options.version)",
                     "formats " + options.formats.map(\.rawValue).joined(separator: ","),
                     "to " + options.targetLanguage, "language " + (options.language ?? "identified"),
                     "summary \(options.summarySentences)", "glossaries " + options.glossaryFingerprint,
                     "lenient \(options.lenient)", "encoding " + (options.encoding ?? "detected")]
        return String(ContentHash.sha256(Data(parts.joined(separator: "\n").utf8)).prefix(16))
    }
}

/// What every worker reads: shared, never changed during a run.
struct BatchSettings: Sendable {
    let options: BatchOptions
    let matcher: TermMatcher?
    let pipeline: Pipeline
    let output: String
    let temporaryFolder: String
    let previous: PreviousRun
    let isInput: @Sendable (String) -> Bool
    let fingerprint: String
    /// Whether a worksheet format is asked for (else files take the shorter way: summary, terms, counts).
    let needsWorksheet: Bool
    /// Admits files while their estimated memory fits `BatchOptions.maxMemory`.
    let memory: MemoryGate

    init(options: BatchOptions, matcher: TermMatcher?, pipeline: Pipeline, output: String, temporaryFolder: String,
         previous: PreviousRun, isInput: @escaping @Sendable (String) -> Bool) {
        self.options = options
        self.matcher = matcher
        self.pipeline = pipeline
        self.output = output
        self.temporaryFolder = temporaryFolder
        self.previous = previous
        self.isInput = isInput
        memory = MemoryGate(budget: options.maxMemory)
        fingerprint = Batch(inputs: [], output: output, options: options, matcher: matcher).fingerprint()
        needsWorksheet = options.formats.contains { $0.worksheetFormat != nil }
    }
}

/// Hands each concurrent slot its worker: the one made up front for the first slot, new ones for the others.
final class WorkerPool: @unchecked Sendable {
    // @unchecked: `first` and `setupError` are only touched under `lock`; each worker is then used by one slot only.
    private let lock = NSLock()
    private var first: BatchWorker?
    private(set) var setupError: BatchError?

    init(first: BatchWorker) { self.first = first }

    func take(slot: Int, settings: BatchSettings) -> BatchWorker? {
        lock.lock()
        if let worker = first {
            first = nil
            lock.unlock()
            return worker
        }
        lock.unlock()
        do {
            return try BatchWorker(settings: settings)
        } catch {
            lock.lock()
            setupError = error
            lock.unlock()
            return nil
        }
    }
}

/// The state the workers share: the next file, the counts, the journal, the term report.
final class RunState: @unchecked Sendable {
    // @unchecked: every property is read and written under `lock` while workers run; the report
    // reads them after the workers are done.
    private let lock = NSLock()
    private let total: Int
    private let progress: @Sendable (BatchEvent) -> Void
    private let journal: Journal
    private let csvRows: RowFile
    private let htmlRows: RowFile
    private let slotFile: SlotFile
    let termSpill: TermSpill
    private var next = 0
    private var stopped = false
    private(set) var finished = 0
    private(set) var summary = BatchSummary()
    private(set) var journalError: BatchError?
    /// Per glossary term: how many files it occurs in, the first of them, and how often in all
    /// (the whole list of its files is in `termSpill`).
    private(set) var termFiles: [String: TermTotal] = [:]
    /// The term candidates over the whole batch, once the workers are done (`countCandidates()`).
    private(set) var candidates: [String: CandidateTotal] = [:]
    /// The workers' term extractors, by slot, merged by `countCandidates()`.
    private var extractors: [Int: TermExtractor] = [:]
    /// How many records are listed among the page's failures and among its files not processed
    /// (their rows, like every record's, are in the slot file).
    private(set) var failureRows = 0
    private(set) var skippedRows = 0

    init(total: Int, progress: @escaping @Sendable (BatchEvent) -> Void, journal: Journal, csvRows: RowFile, htmlRows: RowFile,
         slots: SlotFile, termSpill: TermSpill) {
        self.total = total
        self.progress = progress
        self.journal = journal
        self.csvRows = csvRows
        self.htmlRows = htmlRows
        slotFile = slots
        self.termSpill = termSpill
        summary.total = total
    }

    func nextIndex() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard !stopped, next < total else { return nil }
        next += 1
        return next - 1
    }

    /// How many files were handed to workers (each of them is finished once the workers are done).
    var handedOut: Int {
        lock.lock()
        defer { lock.unlock() }
        return next
    }

    func stopWithError() {
        lock.lock()
        stopped = true
        lock.unlock()
    }

    /// A walk note as a record (journal only; no progress event, the plan named it). A failure found
    /// by the walk stops the batch before any file when `failFast`.
    func note(_ record: FileRecord, _ rendered: RenderedRecord, failFast: Bool = false) {
        lock.lock()
        defer { lock.unlock() }
        if record.status == .failed {
            summary.failed += 1
            if failFast { stopped = true }
        }
        append(rendered)
    }

    func finish(_ record: FileRecord, _ rendered: RenderedRecord, failFast: Bool) {
        lock.lock()
        defer { lock.unlock() }
        finished += 1
        if record.status == .done || record.status == .upToDate, record.reason != nil { summary.withoutWorksheet += 1 }
        switch record.status {
        case .done: summary.done += 1
        case .upToDate: summary.upToDate += 1
        case .failed:
            summary.failed += 1
            if failFast { stopped = true }
        case .skipped: summary.skipped += 1
        }
        summary.bytes += record.bytes ?? 0
        for term in record.terms ?? [] {
            var entry = termFiles[term.term] ?? TermTotal(id: UInt32(termFiles.count), targets: term.targets)
            entry.add(file: record.order ?? 0)
            entry.count += term.count
            termFiles[term.term] = entry
            if journalError == nil {
                do {
                    try termSpill.append(term: entry.id, file: record.order ?? 0)
                } catch {
                    journalError = error
                    stopped = true
                }
            }
        }
        append(rendered)
        progress(.file(record, finished: finished, total: total))
    }

    private func append(_ rendered: RenderedRecord) {
        guard journalError == nil else { return }
        do {
            let line = try journal.append(rendered.json)
            let csv = try csvRows.append(rendered.csv)
            let html = try htmlRows.append(rendered.html)
            let list: RecordSlot.List
            switch rendered.status {
            case .failed:
                list = .failures
                failureRows += 1
            case .skipped:
                list = .skipped
                skippedRows += 1
            case .done, .upToDate: list = .files
            }
            try slotFile.write(RecordSlot(journal: line, csv: csv, html: html, list: list), at: rendered.order)
        } catch {
            journalError = error
            stopped = true
        }
    }

    /// Takes in the term candidates the worker of `slot` counted (merged later, by `countCandidates()`).
    func addCandidates(_ worker: TermExtractor, slot: Int) {
        lock.lock()
        defer { lock.unlock() }
        extractors[slot] = worker
    }

    /// The candidates of all workers together seen at least `minimumCount` times: what one extractor
    /// given every file in walk order finds, whichever worker had which file. Called once the workers
    /// are done; the report runs it on another thread while it copies the records (it touches nothing
    /// else of the state).
    func countCandidates(minimumCount: Int) {
        lock.lock()
        let parts = extractors.sorted { $0.key < $1.key }.map(\.value)
        extractors = [:]
        lock.unlock()
        var merged = parts.first
        for part in parts.dropFirst() { merged!.merge(part) }
        // Candidates written alike but for case are inflected forms of one group already, so
        // none below the minimum can add up to it here.
        let found = merged?.candidates(minimumCount: minimumCount) ?? []
        lock.lock()
        defer { lock.unlock() }
        for candidate in found {
            let key = candidate.text.lowercased()
            var total = candidates[key] ?? CandidateTotal(text: candidate.text, kind: candidate.kind.rawValue, count: 0,
                                                          source: candidate.source, context: candidate.context)
            total.count += candidate.count
            // Two candidates written alike but for case: the first in walk order (byte order of paths) names them.
            if candidate.source.utf8.lexicographicallyPrecedes(total.source.utf8) {
                total.text = candidate.text
                total.source = candidate.source
                total.context = candidate.context
            }
            candidates[key] = total
        }
    }
}

/// A term candidate over the whole batch.
struct CandidateTotal: Sendable {
    var text: String
    var kind: String
    var count: Int
    var source: String
    var context: String
}

/// The append-only record of a running batch: one JSON line per finished file, written before the
/// next event, so that a killed run loses nothing but the files in flight.
final class Journal: @unchecked Sendable {
    // @unchecked: used under RunState's lock only (and only by the batch holding the folder's OutputLock).
    let path: String
    private let handle: FileHandle
    /// Where this run's lines start.
    let startOffset: UInt64
    /// Where the next line goes.
    private var end: UInt64 = 0

    init(path: String) throws(BatchError) {
        self.path = path
        if !FileManager.default.fileExists(atPath: path) {
            guard FileManager.default.createFile(atPath: path, contents: nil) else {
                throw BatchError(.write(reason: "cannot make the journal"), path: path)
            }
        }
        // Only the batch holding the folder's `OutputLock` gets here.
        guard let handle = FileHandle(forUpdatingAtPath: path) else {
            throw BatchError(.write(reason: "cannot open the journal"), path: path)
        }
        self.handle = handle
        do {
            var end = try handle.seekToEnd()
            // A line cut short by a kill: end it, so this run's first line stands alone.
            if end > 0 {
                try handle.seek(toOffset: end - 1)
                if let last = try handle.read(upToCount: 1), last != Data([0x0A]) {
                    try handle.seekToEnd()
                    try handle.write(contentsOf: Data([0x0A]))
                    end += 1
                }
                try handle.seekToEnd()
            }
            startOffset = end
            self.end = end
        } catch {
            throw BatchError(.write(reason: FileReader.reason(error)), path: path)
        }
    }

    /// Appends one line; returns where it is (without its line break).
    @discardableResult
    func append(_ line: Data) throws(BatchError) -> (offset: UInt64, length: Int) {
        let place = (offset: end, length: line.count)
        do {
            // Lines read back moved the position.
            if window.hasRead {
                window.clear()
                try handle.seekToEnd()
            }
            try handle.write(contentsOf: line + Data([0x0A]))
            end += UInt64(line.count + 1)
            return place
        } catch {
            throw BatchError(.write(reason: FileReader.reason(error)), path: path)
        }
    }

    private var window = ReadWindow()

    func read(_ place: (offset: UInt64, length: Int)) throws(BatchError) -> Data {
        do {
            return try window.read(place, from: handle)
        } catch {
            throw BatchError(.manifest(reason: "the journal cannot be read back (\(FileReader.reason(error)))"), path: path)
        }
    }

    func close() { try? handle.close() }
}
