import Foundation
import KernsatzText

/// A file of the batch's `.kernsatz` folder that the run rebuilds from its journal (the report's
/// places, rows, the glossary terms' files): made empty when the batch starts, then written and
/// read through one handle. Its errors name the file.
struct ScratchFile {
    let path: String
    let handle: FileHandle

    /// Makes `path` empty (or new); `purpose` completes "cannot make a file for …".
    init(path: String, purpose: String) throws(BatchError) {
        guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forUpdatingAtPath: path) else {
            throw BatchError(.write(reason: "cannot make a file for \(purpose)"), path: path)
        }
        self.path = path
        self.handle = handle
    }

    /// Writes `data` at `offset`, or after the end when `offset` is nil.
    func write(_ data: Data, at offset: UInt64? = nil) throws(BatchError) {
        do {
            if let offset { try handle.seek(toOffset: offset) } else { try handle.seekToEnd() }
            try handle.write(contentsOf: data)
        } catch {
            throw BatchError(.write(reason: FileReader.reason(error)), path: path)
        }
    }

    func close() { try? handle.close() }
}
