import Foundation

/// Admits files into work while the sum of their estimated memory stays within a budget, so that
/// `jobs` files at once never need more than the machine has: small files run side by side, a
/// large one waits until enough of the others are done. A file estimated above the whole budget is
/// admitted alone (when nothing else runs), never refused.
///
///     let gate = MemoryGate(budget: 1 << 30)
///     let cost = MemoryGate.estimate(fileBytes: 16 << 20)   // 16 MiB × 160 + 8 MiB
///     gate.admit(cost)
///     defer { gate.release(cost) }
///
/// The estimate is the input's size times `memoryPerByte`, measured on adversarial inputs (a
/// million tiny sentences, a 16 MB line without sentence ends) with the default formats, plus
/// `memoryPerFile`; news text takes well under it. So the batch's peak stays under the process's
/// own (some 40 MB), a few MB per job, and the budget — or one file's estimate where a file is
/// larger than the budget (16 MiB, the default `maxBytes`: 2.7 GB estimated, 0.9–2.6 GB measured).
public final class MemoryGate: @unchecked Sendable {
    // @unchecked: `inUse` is read and written with `condition` locked only.
    /// The bytes admitted files may take together.
    public let budget: Int
    private let condition = NSCondition()
    private var inUse = 0

    /// Peak memory of one file's work, per byte of the input, beyond what the process has anyway:
    /// the worst measured (release build, all default formats): a million tiny sentences in 4 MB
    /// took 161 bytes a byte, a 16 MB line without sentence ends 55, news text some 25.
    public static let memoryPerByte = 160
    /// What any file takes besides (its buffers, ICU iterators, output pieces).
    public static let memoryPerFile = 8 << 20

    public init(budget: Int) {
        self.budget = max(1, budget)
    }

    /// The memory a file of this many bytes is expected to take at most.
    public static func estimate(fileBytes: Int) -> Int {
        let (product, overflow) = fileBytes.multipliedReportingOverflow(by: memoryPerByte)
        return overflow || product > Int.max - memoryPerFile ? Int.max : product + memoryPerFile
    }

    /// Waits until `cost` fits beside what is admitted (or nothing else is), then counts it in.
    public func admit(_ cost: Int) {
        condition.lock()
        while inUse > 0 && cost > budget - inUse { condition.wait() }
        inUse += cost
        condition.unlock()
    }

    /// Gives back what `admit(cost)` took.
    public func release(_ cost: Int) {
        condition.lock()
        inUse -= cost
        condition.broadcast()
        condition.unlock()
    }

    /// The default budget: half the machine's memory, or of the control group's limit where that is
    /// lower (a container), at least 256 MiB.
    public static var defaultBudget: Int {
        var total = Int(clamping: ProcessInfo.processInfo.physicalMemory)
        if let limit = controlGroupLimit(), limit < total { total = limit }
        return max(256 << 20, total / 2)
    }

    /// cgroup v2's memory.max (or v1's limit_in_bytes) when it is a number.
    static func controlGroupLimit() -> Int? {
        for path in ["/sys/fs/cgroup/memory.max", "/sys/fs/cgroup/memory/memory.limit_in_bytes"] {
            guard let data = FileManager.default.contents(atPath: path),
                  let value = Int(String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) else { continue }
            return value
        }
        return nil
    }
}
