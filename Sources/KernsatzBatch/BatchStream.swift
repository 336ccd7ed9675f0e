import Foundation
import Kernsatz

/// The batch as a stream worker (`kernsatz batch --jsonl`): texts in, one result per text out, in
/// input order, several texts at a time. The caller reads a chunk, calls `process`, writes the
/// results, and reads on: memory holds one chunk. A caller with threads of its own (the CLI's
/// ordered stream) calls `process(_:slot:)` from each, one slot per thread.
///
///     let stream = try BatchStream(options: options, matcher: matcher)
///     let results = stream.process([BatchStream.Text(id: "1", text: "…", language: nil)])
///     results[0].record.summary         // the summary sentences
public final class BatchStream: Sendable {
    public struct Text: Sendable {
        public var id: String
        public var text: String
        public var language: String?
        public init(id: String, text: String, language: String? = nil) {
            self.id = id
            self.text = text
            self.language = language
        }
    }

    public struct Result: Sendable {
        /// The text's record; `path` is the id, `status` is `.done` or `.failed` (with `reason`).
        public var record: FileRecord
        /// Each text format asked for (not `summary`), as the bytes of a file.
        public var outputs: [(format: BatchFormat, data: Data)]
    }

    public let options: BatchOptions
    private let workers: OwnedWorkers

    /// - Throws: `BatchError` when the pipeline or worksheet builder cannot be set up.
    public init(options: BatchOptions, matcher: TermMatcher?) throws(BatchError) {
        self.options = options
        let pipeline: Pipeline
        do {
            pipeline = try Pipeline(options: PipelineOptions(language: options.language))
        } catch {
            throw BatchError(.setup(reason: "\(error)"), path: "")
        }
        let settings = BatchSettings(options: options, matcher: matcher, pipeline: pipeline, output: "", temporaryFolder: "",
                                     previous: PreviousRun(), isInput: { _ in false })
        var workers: [BatchWorker] = []
        for _ in 0..<max(1, options.jobs) { workers.append(try BatchWorker(settings: settings)) }
        self.workers = OwnedWorkers(workers)
    }

    /// How many texts can be worked on at once (`options.jobs`, at least 1): the slots of `process(_:slot:)`.
    public var slots: Int { workers.items.count }

    /// Processes one text with the worker of `slot` (0..<`slots`), on the calling thread: for a
    /// caller that runs its own threads, one per slot. A slot must not be used by two threads at once.
    public func process(_ text: Text, slot: Int) -> Result {
        let (record, outputs) = workers.items[slot].process(text: text.text, language: text.language, id: text.id)
        return Result(record: record, outputs: outputs.map { (format: $0.0, data: $0.1) })
    }

    /// Processes the texts on `options.jobs` threads; the results come in the texts' order.
    public func process(_ texts: [Text]) -> [Result] {
        let results = ResultSlots(count: texts.count)
        let jobs = min(workers.items.count, texts.count)
        let workers = self.workers
        DispatchQueue.concurrentPerform(iterations: jobs) { slot in
            let worker = workers.items[slot]
            while let index = results.next() {
                let text = texts[index]
                let (record, outputs) = worker.process(text: text.text, language: text.language, id: text.id)
                results.set(index, Result(record: record, outputs: outputs.map { (format: $0.0, data: $0.1) }))
            }
        }
        return results.all()
    }
}

/// The stream's workers, one per concurrent slot.
private final class OwnedWorkers: @unchecked Sendable {
    // @unchecked: concurrentPerform gives each slot number to one thread at a time, and slot i uses
    // items[i] only, so no worker is ever used by two threads at once; `process(_:slot:)` leaves
    // that to its caller (one thread per slot).
    let items: [BatchWorker]
    init(_ items: [BatchWorker]) { self.items = items }
}

/// Results filled in by several threads, each at its own index.
private final class ResultSlots: @unchecked Sendable {
    // @unchecked: `slots` and `cursor` are touched under `lock` only.
    private let lock = NSLock()
    private var slots: [BatchStream.Result?]
    private var cursor = 0

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func next() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard cursor < slots.count else { return nil }
        cursor += 1
        return cursor - 1
    }

    func set(_ index: Int, _ result: BatchStream.Result) {
        lock.lock()
        slots[index] = result
        lock.unlock()
    }

    func all() -> [BatchStream.Result] { slots.map { $0! } }
}
