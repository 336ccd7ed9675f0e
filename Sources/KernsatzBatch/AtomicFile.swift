import Foundation
import KernsatzText
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Files that appear whole or not at all: written to a temporary file, then moved into place with
/// rename(2), which replaces a name in one step. On Linux a new file is written unnamed (`O_TMPFILE`)
/// and linked into place once complete. A killed run leaves at most a temporary file, never half an
/// output; a file that is in the way is replaced only when `replace` allows it.
public enum AtomicFile {
    public enum Outcome: Sendable, Equatable { case written, unchanged }

    /// What may be replaced.
    public enum Replace: Sendable, Equatable {
        /// Nothing: an existing file with other bytes is an error.
        case never
        /// Only a file whose SHA-256 is one of these (what an earlier run wrote).
        case ifHashIn(Set<String>)
        /// Any file (`--force`).
        case always
    }

    /// - Parameters:
    ///   - temporaryFolder: on the same file system as `path`; nil: `path`'s own folder.
    ///   - protected: files that are never replaced whatever `replace` says (the inputs).
    /// - Throws: `BatchError` (`.foreignOutput` when a file is in the way, `.write` otherwise).
    @discardableResult
    public static func write(_ data: Data, to path: String, temporaryFolder: String? = nil, replace: Replace = .never,
                             protected: (String) -> Bool = { _ in false }) throws(BatchError) -> Outcome {
        switch try place(data, at: path, temporaryFolder: temporaryFolder, replace: replace, protected: protected) {
        case .created, .replaced: return .written
        case .unchanged: return .unchanged
        }
    }

    /// What `place` did: also whether the name was free (what a batch may take back when the
    /// file's later outputs fail).
    enum Placement: Equatable { case created, replaced, unchanged }

    /// `write`, telling a new file from a replaced one (from the check it makes anyway).
    static func place(_ data: Data, at path: String, temporaryFolder: String?, replace: Replace,
                      protected: (String) -> Bool) throws(BatchError) -> Placement {
        let slash = path.utf8.lastIndex(of: UInt8(ascii: "/"))
        /// The folder is made when the first file goes into it (not checked for every file).
        func makeFolder() throws(BatchError) {
            let folder = slash.map { $0 == path.startIndex ? "/" : String(path[..<$0]) } ?? "."
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw BatchError(.write(reason: "cannot make the folder \(folder) (\(FileReader.reason(error)))"), path: path)
            }
        }
        // What is in the way: usually nothing (one stat(2)); else only a regular file may be compared and replaced.
        var info = stat()
        let present = stat(path, &info) == 0
        if present {
            guard info.st_mode & S_IFMT == S_IFREG, let existing = FileManager.default.contents(atPath: path) else {
                throw BatchError(.write(reason: "something is in the way that is not a readable file"), path: path)
            }
            if existing == data { return .unchanged }
            let allowed: Bool
            switch replace {
            case .never: allowed = false
            case .always: allowed = true
            case .ifHashIn(let hashes): allowed = hashes.contains(ContentHash.sha256(existing))
            }
            if !allowed || protected(path) { throw BatchError(.foreignOutput, path: path) }
        }
        if !present {
            switch try linkUnnamed(data, to: path, in: slash.map { String(path[...$0]) } ?? "./", makeFolder: makeFolder) {
            case .linked: return .created
            // Checked again, as a file that was there from the start would be.
            case .nameTaken: return try place(data, at: path, temporaryFolder: temporaryFolder, replace: replace, protected: protected)
            case .unsupported: break
            }
        }
        if temporaryFolder == nil { try makeFolder() }
        let name = slash.map { path[path.index(after: $0)...] } ?? path[...]
        let folder = temporaryFolder ?? slash.map { String(path[...$0]) } ?? ""
        let temporary = (folder.isEmpty || folder.hasSuffix("/") ? folder : folder + "/")
            + ".\(name).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
        // open/write/close, not Data.write: no fsync per file (a killed process loses nothing the
        // kernel has; a rename only ever shows a complete file).
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw BatchError(.write(reason: "cannot make a temporary file (\(String(cString: strerror(errno))))"), path: path)
        }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        do {
            try handle.write(contentsOf: data)
            try handle.close()
        } catch {
            unlink(temporary)
            throw BatchError(.write(reason: FileReader.reason(error)), path: path)
        }
        // Checked above: the name is free, or holds a file that may be replaced. (Only a file made by
        // another program in the microseconds between the check and here could be replaced.)
        var moved = rename(temporary, path) == 0
        if !moved && errno == ENOENT {
            try makeFolder()
            moved = rename(temporary, path) == 0
        }
        guard moved else {
            let message = String(cString: strerror(errno))
            unlink(temporary)
            throw BatchError(.write(reason: message), path: path)
        }
        return present ? .replaced : .created
    }

    private enum Linked { case linked, nameTaken, unsupported }

    /// Linux: the bytes go into an unnamed file in the target's own folder (`O_TMPFILE`), which gets
    /// its name with linkat(2) only when it is complete. A killed run leaves nothing behind, and no
    /// folder is locked while the file system finds room for the file. `.unsupported` where the file
    /// system cannot make unnamed files or /proc is missing (the caller then writes the file the
    /// portable way); `.nameTaken` when a file took the name meanwhile (it is left as it is).
    private static func linkUnnamed(_ data: Data, to path: String, in folder: String,
                                    makeFolder: () throws(BatchError) -> Void) throws(BatchError) -> Linked {
        #if os(Linux)
        // O_TMPFILE is __O_TMPFILE | O_DIRECTORY; Glibc's macro does not come through to Swift.
        // (__O_TMPFILE is 0o20000000 on x86-64 and ARM; where it differs, open fails and the portable way is taken.)
        let unnamed: Int32 = 0o20000000 | O_DIRECTORY
        var descriptor = open(folder, unnamed | O_WRONLY | O_CLOEXEC, 0o644)
        if descriptor < 0 && errno == ENOENT {
            try makeFolder()
            descriptor = open(folder, unnamed | O_WRONLY | O_CLOEXEC, 0o644)
        }
        guard descriptor >= 0 else { return .unsupported }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        do {
            try handle.write(contentsOf: data)
        } catch {
            try? handle.close()
            throw BatchError(.write(reason: FileReader.reason(error)), path: path)
        }
        // linkat never replaces a name. Without /proc it fails, and the portable way takes over.
        let linked = linkat(AT_FDCWD, "/proc/self/fd/\(descriptor)", AT_FDCWD, path, AT_SYMLINK_FOLLOW) == 0
        let failure = errno
        try? handle.close()
        return linked ? .linked : failure == EEXIST ? .nameTaken : .unsupported
        #else
        return .unsupported
        #endif
    }
}
