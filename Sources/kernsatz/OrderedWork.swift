import Foundation

/// A stream's items worked on by several threads and handed back in input order, with bounded
/// memory: a reader (any thread) `submit`s items, one worker thread per `work` closure makes each
/// item's output, and one consumer takes the outputs in order with `next()`. At most `window`
/// items are between submitted and taken (and, besides the oldest, at most `byteBudget` bytes of
/// them): `submit` waits while that is full, so a fast reader never runs ahead of a slow writer.
///
///     let work = OrderedWork<Int, Int>(work: [{ $0 * 2 }, { $0 * 2 }], window: 8, byteBudget: 1 << 20)
///     work.start()
///     Thread { for i in 0..<100 { work.submit(i, bytes: 1) }; work.endInput() }.start()
///     while let (doubled, _) = work.next() { print(doubled) }   // 0, 2, 4, … in order
final class OrderedWork<Item: Sendable, Output: Sendable>: @unchecked Sendable {
    // @unchecked: every stored `var` is read and written with `condition` locked; `work[i]` is
    // called by worker thread i only, so the state each closure holds (an ICU session) has one thread.
    private let condition = NSCondition()
    private let work: [(Item) -> Output]
    private let window: Int
    private let byteBudget: Int
    /// Submitted items not yet taken by a worker, from `queueHead` on (nil once taken).
    private var queue: [(sequence: Int, item: Item, bytes: Int)?] = []
    private var queueHead = 0
    /// Outputs made and not yet taken, by sequence number.
    private var made: [Int: (output: Output, bytes: Int)] = [:]
    private var submitted = 0
    private var taken = 0
    private var bytesInFlight = 0
    private var inputEnded = false
    private var failed = false

    /// - Parameters:
    ///   - work: one closure per worker thread, each with its own state.
    ///   - window: the most items between submitted and taken (at least 1).
    ///   - byteBudget: the most bytes (as `submit` counts them) of those items, the oldest aside.
    init(work: [(Item) -> Output], window: Int, byteBudget: Int) {
        precondition(!work.isEmpty, "OrderedWork needs a worker")
        self.work = work
        self.window = max(1, window)
        self.byteBudget = byteBudget
    }

    /// Starts the worker threads (8 MiB of stack each, as the main thread has).
    func start() {
        for index in work.indices {
            let thread = Thread { [self] in self.runWorker(index) }
            thread.stackSize = 8 << 20
            thread.start()
        }
    }

    /// Hands in the next item; waits while the window is full.
    func submit(_ item: Item, bytes: Int) {
        condition.lock()
        while submitted - taken >= window || (submitted > taken && bytesInFlight + bytes > byteBudget) {
            condition.wait()
        }
        queue.append((submitted, item, bytes))
        submitted += 1
        bytesInFlight += bytes
        condition.broadcast()
        condition.unlock()
    }

    /// No more items: the workers stop when the queue is empty, `next()` returns nil after the last output.
    /// - Parameter failed: the reader could not read all of its input (`inputFailed`).
    func endInput(failed: Bool = false) {
        condition.lock()
        inputEnded = true
        self.failed = failed
        condition.broadcast()
        condition.unlock()
    }

    /// The next output in input order, waiting for it to be made, and whether the one after it is
    /// ready too (when not, the caller may flush what it wrote); nil when the input has ended and
    /// every output was taken.
    func next() -> (output: Output, moreReady: Bool)? {
        condition.lock()
        defer { condition.unlock() }
        while made[taken] == nil {
            if inputEnded && taken == submitted { return nil }
            condition.wait()
        }
        let (output, bytes) = made.removeValue(forKey: taken)!
        taken += 1
        bytesInFlight -= bytes
        condition.broadcast()
        return (output, made[taken] != nil)
    }

    /// Whether the reader said it could not read all of its input (known once `next()` returned nil).
    var inputFailed: Bool {
        condition.lock()
        defer { condition.unlock() }
        return failed
    }

    private func runWorker(_ index: Int) {
        let body = work[index]
        while true {
            condition.lock()
            while queueHead == queue.count && !inputEnded { condition.wait() }
            guard queueHead < queue.count, let (sequence, item, bytes) = queue[queueHead] else {
                condition.unlock()
                return
            }
            queue[queueHead] = nil
            queueHead += 1
            if queueHead >= 1024 && queueHead * 2 >= queue.count {
                queue.removeFirst(queueHead)
                queueHead = 0
            }
            condition.unlock()
            let output = body(item)
            condition.lock()
            made[sequence] = (output, bytes)
            condition.broadcast()
            condition.unlock()
        }
    }
}
