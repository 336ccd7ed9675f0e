import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Files that appear whole or not at all: written to a temporary file, then moved into place with
/// link(2) (which never replaces a file) or rename(2) (which replaces it in one step). A killed run
/// leaves at most a temporary file, never half an output.
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
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        let manager = FileManager.default
        do {
            try manager.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw BatchError(.write(reason: "cannot make the folder \(folder.path) (\(InputWalker.reason(error)))"), path: path)
        }
        var exists = false
        if let existing = manager.contents(atPath: path) {
            if existing == data { return .unchanged }
            exists = true
            let allowed: Bool
            switch replace {
            case .never: allowed = false
            case .always: allowed = true
            case .ifHashIn(let hashes): allowed = hashes.contains(ContentHash.sha256(existing))
            }
            if !allowed || protected(path) { throw BatchError(.foreignOutput, path: path) }
        } else if manager.fileExists(atPath: path) {
            throw BatchError(.write(reason: "something is in the way that is not a readable file"), path: path)
        }
        let temporary = (temporaryFolder.map { URL(fileURLWithPath: $0) } ?? folder)
            .appendingPathComponent(".\(url.lastPathComponent).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp")
        do {
            try data.write(to: temporary)
        } catch {
            try? manager.removeItem(at: temporary)
            throw BatchError(.write(reason: InputWalker.reason(error)), path: path)
        }
        if exists {
            guard rename(temporary.path, path) == 0 else {
                let message = String(cString: strerror(errno))
                try? manager.removeItem(at: temporary)
                throw BatchError(.write(reason: message), path: path)
            }
            return .written
        }
        defer { try? manager.removeItem(at: temporary) }
        // link(2) fails when the name exists: a file made since the check above is never replaced.
        if link(temporary.path, path) != 0 {
            let failure = errno
            if failure == EEXIST { throw BatchError(.foreignOutput, path: path) }
            // File systems without hard links (some network and FAT mounts): rename after the check.
            guard [EPERM, ENOTSUP, EOPNOTSUPP, EXDEV, EMLINK].contains(failure), !manager.fileExists(atPath: path),
                  rename(temporary.path, path) == 0 else {
                throw BatchError(.write(reason: String(cString: strerror(failure))), path: path)
            }
        }
        return .written
    }
}
