import Foundation
import KernsatzText
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension AtomicFile {
    /// `write(_:to:…)` for content made in pieces: each piece goes to a temporary file in `path`'s
    /// folder as it comes, so that an output of hundreds of MB (the XLIFF of a million segments)
    /// is never in memory whole. A file in the way is compared piece by piece; when it has the
    /// same bytes it is left as it was (`.unchanged`), else it is replaced as `replace` allows.
    /// A killed run leaves at most the temporary file.
    ///
    /// - Parameter produce: hands its pieces, in order, to the function it is given.
    /// - Throws: `BatchError` (`.foreignOutput` when a file is in the way), or what `produce` throws.
    @discardableResult
    public static func write(to path: String, replace: Replace = .never, protected: (String) -> Bool = { _ in false },
                             _ produce: ((Data) throws -> Void) throws -> Void) throws -> Outcome {
        let slash = path.utf8.lastIndex(of: UInt8(ascii: "/"))
        let folder = slash.map { $0 == path.startIndex ? "/" : String(path[..<$0]) } ?? "."
        var info = stat()
        let present = stat(path, &info) == 0
        if present, info.st_mode & S_IFMT != S_IFREG {
            throw BatchError(.write(reason: "something is in the way that is not a readable file"), path: path)
        }
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw BatchError(.write(reason: "cannot make the folder \(folder) (\(FileReader.reason(error)))"), path: path)
        }
        let name = slash.map { path[path.index(after: $0)...] } ?? path[...]
        let temporary = folder + "/.\(name).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
        let descriptor = open(temporary, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw BatchError(.write(reason: "cannot make a temporary file (\(String(cString: strerror(errno))))"), path: path)
        }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        var kept = false
        defer {
            try? handle.close()
            if !kept { unlink(temporary) }
        }
        try produce { piece in
            do {
                try handle.write(contentsOf: piece)
            } catch {
                throw BatchError(.write(reason: FileReader.reason(error)), path: path)
            }
        }
        if present {
            if sameBytes(handle, path) { return .unchanged }
            let allowed: Bool
            switch replace {
            case .never: allowed = false
            case .always: allowed = true
            case .ifHashIn(let hashes): allowed = FileManager.default.contents(atPath: path).map { hashes.contains(ContentHash.sha256($0)) } ?? false
            }
            if !allowed || protected(path) { throw BatchError(.foreignOutput, path: path) }
        }
        guard rename(temporary, path) == 0 else {
            throw BatchError(.write(reason: String(cString: strerror(errno))), path: path)
        }
        kept = true
        return .written
    }

    /// Whether the file at `path` has the bytes `handle` has from its start.
    private static func sameBytes(_ handle: FileHandle, _ path: String) -> Bool {
        guard let other = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? other.close() }
        do {
            try handle.seek(toOffset: 0)
            // Pieces of either file may come in other sizes: what one has beyond the other waits.
            var mine = Data(), theirs = Data()
            while true {
                if mine.isEmpty { mine = try handle.read(upToCount: 1 << 16) ?? Data() }
                if theirs.isEmpty { theirs = try other.read(upToCount: 1 << 16) ?? Data() }
                if mine.isEmpty || theirs.isEmpty { return mine.isEmpty && theirs.isEmpty }
                let common = min(mine.count, theirs.count)
                guard mine.prefix(common) == theirs.prefix(common) else { return false }
                mine = mine.dropFirst(common)
                theirs = theirs.dropFirst(common)
                if mine.isEmpty { mine = Data() }
                if theirs.isEmpty { theirs = Data() }
            }
        } catch {
            return false
        }
    }
}
