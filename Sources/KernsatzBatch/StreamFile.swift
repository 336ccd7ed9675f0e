import Foundation
import KernsatzText
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A report file written piece by piece into a temporary file and moved into place at the end, so
/// that a large report never sits in memory whole and never appears half-written.
final class StreamFile {
    let path: String
    private let temporary: String
    private let handle: FileHandle
    private var buffer = Data()

    init(path: String, temporaryFolder: String) throws(BatchError) {
        self.path = path
        temporary = temporaryFolder + "/." + URL(fileURLWithPath: path).lastPathComponent + ".\(getpid()).tmp"
        guard FileManager.default.createFile(atPath: temporary, contents: nil),
              let handle = FileHandle(forWritingAtPath: temporary) else {
            throw BatchError(.write(reason: "cannot make a temporary file in \(temporaryFolder)"), path: path)
        }
        self.handle = handle
    }

    func write(_ text: String) throws(BatchError) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 16 { try flush() }
    }

    /// Writes bytes as they are, then `text`.
    func write(_ data: Data, then text: String = "") throws(BatchError) {
        buffer.append(data)
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 16 { try flush() }
    }

    private func flush() throws(BatchError) {
        do {
            try handle.write(contentsOf: buffer)
        } catch {
            throw BatchError(.write(reason: FileReader.reason(error)), path: path)
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Moves the file into place; without `replacing`, a file that is there already is an error.
    func commit(replacing: Bool) throws(BatchError) {
        try flush()
        try? handle.close()
        if !replacing, FileManager.default.fileExists(atPath: path) {
            unlink(temporary)
            throw BatchError(.foreignOutput, path: path)
        }
        guard rename(temporary, path) == 0 else {
            let message = String(cString: strerror(errno))
            unlink(temporary)
            throw BatchError(.write(reason: message), path: path)
        }
    }

    func discard() {
        try? handle.close()
        unlink(temporary)
    }
}
