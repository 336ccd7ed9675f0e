import Foundation
import KernsatzText
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One batch per output folder: an exclusive `flock(2)` on `.kernsatz/lock`, taken before the batch
/// reads anything of the folder and held until its report is written.
///
/// The lock file is created in place (`open` with `O_CREAT`) and never renamed, so two batches that
/// start at the same moment open the same file and the kernel lets only one of them lock it. The
/// lock goes with the process: after `kill -9` the file is left, but nothing holds it, and the next
/// batch (`--resume`) takes it. When a batch ends it unlinks the file while still holding it; a batch
/// that opened the old file just before and locks it just after sees that the name now leads
/// elsewhere (or nowhere), and tries again.
///
/// The holder writes its process id into the file, so that a refused batch can name it.
final class OutputLock: @unchecked Sendable {
    // @unchecked: the descriptor is only closed by `release()`, which the batch calls from its one
    // thread after the workers have finished.
    let path: String
    private var descriptor: Int32

    /// Takes the lock of `folder` (its `.kernsatz/lock`), making `.kernsatz/` when needed.
    /// - Throws: `BatchError.badOutput` naming the folder (and the process holding it) when another
    ///   batch holds it, or when the lock cannot be made.
    init(folder: String) throws(BatchError) {
        let state = folder + "/.kernsatz"
        path = state + "/lock"
        // A batch ending at this moment may remove `.kernsatz/` between the two steps: then again.
        for _ in 0..<100 {
            if mkdir(state, 0o755) != 0 && errno != EEXIST {
                throw BatchError(.badOutput(reason: "cannot make the folder for the batch's lock and journal (\(String(cString: strerror(errno))))"),
                                 path: folder)
            }
            let opened = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o644)
            if opened < 0 {
                if errno == ENOENT { continue }
                throw BatchError(.badOutput(reason: "cannot open the batch lock \(path) (\(String(cString: strerror(errno))))"), path: folder)
            }
            guard flock(opened, LOCK_EX | LOCK_NB) == 0 else {
                let code = errno
                let holder = Self.holder(opened)
                close(opened)
                guard code == EWOULDBLOCK || code == EAGAIN else {
                    throw BatchError(.badOutput(reason: "cannot lock \(path) (\(String(cString: strerror(code))))"), path: folder)
                }
                let who = holder.map { "another kernsatz batch (process \($0))" } ?? "another kernsatz batch"
                throw BatchError(.badOutput(reason: "\(who) is writing into this folder; wait for it to finish, or write to another folder (-o)"),
                                 path: folder)
            }
            // Locked: but is it still the file the name leads to?
            var held = stat(), named = stat()
            guard fstat(opened, &held) == 0, lstat(path, &named) == 0,
                  held.st_dev == named.st_dev, held.st_ino == named.st_ino else {
                close(opened)
                continue
            }
            descriptor = opened
            let pid = Array("\(getpid())\n".utf8)
            _ = ftruncate(opened, 0)
            _ = pwrite(opened, pid, pid.count, 0)
            return
        }
        throw BatchError(.badOutput(reason: "the batch lock \(path) keeps changing; is another program removing .kernsatz/?"), path: folder)
    }

    /// The process id the holder wrote, if any.
    private static func holder(_ descriptor: Int32) -> Int32? {
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: false)
        guard let data = try? handle.readToEnd(), let text = String(data: data, encoding: .utf8) else { return nil }
        return Int32(text.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// Removes the lock file, then lets go of it (in that order: see the type's comment). Safe to
    /// call twice.
    func release() {
        guard descriptor >= 0 else { return }
        unlink(path)
        close(descriptor)
        descriptor = -1
    }

    deinit { release() }
}
