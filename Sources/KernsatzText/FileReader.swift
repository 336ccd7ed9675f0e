import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a file (or standard input) into decoded text, with errors that name the file.
public struct FileReader: Sendable {
    public var decoder: TextDecoder
    /// Inputs larger than this are refused (a text larger than this is almost surely not an article).
    /// The limit holds while reading, so endless streams (`/dev/urandom`) stop at it too.
    public var maxBytes: Int

    public init(decoder: TextDecoder = TextDecoder(), maxBytes: Int = 64 << 20) {
        self.decoder = decoder
        self.maxBytes = maxBytes
    }

    /// - Parameter path: a file path, or "-" for standard input.
    /// - Throws: `TextError` naming `path`.
    public func read(_ path: String) throws(TextError) -> DecodedText {
        let bytes = try readBytes(path)
        return try decoder.decode(bytes, source: path)
    }

    public func readBytes(_ path: String) throws(TextError) -> [UInt8] {
        // A regular file within the limit: one read of its known size (most inputs of a batch).
        var info = stat()
        if path != "-", stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_size <= maxBytes,
           let data = FileManager.default.contents(atPath: path), data.count <= maxBytes {
            return [UInt8](data)
        }
        let handle = try Self.open(path)
        defer { if path != "-" { try? handle.close() } }
        var bytes: [UInt8] = []
        do {
            while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
                bytes.append(contentsOf: chunk)
                if bytes.count > maxBytes { throw TextError(.tooLarge(bytes: bytes.count, limit: maxBytes), source: path) }
            }
        } catch let error as TextError {
            throw error
        } catch {
            throw TextError(.unreadable(reason: Self.reason(error)), source: path)
        }
        return bytes
    }

    /// Opens a file for reading ("-" is standard input), refusing what is not a readable file.
    /// - Throws: `TextError` (no such file, a directory, a dangling link, permission denied).
    public static func open(_ path: String) throws(TextError) -> FileHandle {
        if path == "-" { return FileHandle.standardInput }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            // A dangling symbolic link exists as a link but not as a file.
            if (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) != nil {
                throw TextError(.unreadable(reason: "a symbolic link to a missing file"), source: path)
            }
            throw TextError(.notFound, source: path)
        }
        if isDirectory.boolValue { throw TextError(.isDirectory, source: path) }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw TextError(.unreadable(reason: FileManager.default.isReadableFile(atPath: path) ? "cannot be opened" : "permission denied"), source: path)
        }
        return handle
    }

    /// What an I/O error from Foundation says, as the system says it ("Permission denied").
    public static func reason(_ error: Error) -> String {
        let nsError = error as NSError
        if let posix = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, posix.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(posix.code)))
        }
        if nsError.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(nsError.code))) }
        return nsError.localizedDescription
    }
}

/// Reads a file or standard input line by line, as bytes, without loading it whole: the JSON Lines
/// reader. Lines longer than `maxLineBytes` are cut off and reported, not kept in memory.
public final class LineReader {
    public let source: String
    public let maxLineBytes: Int
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var position = 0
    private var finished = false
    /// The number of the line `next()` returned last (1-based).
    public private(set) var lineNumber = 0

    public init(path: String, maxLineBytes: Int = 64 << 20) throws(TextError) {
        source = path
        self.maxLineBytes = maxLineBytes
        handle = try FileReader.open(path)
    }

    deinit { if source != "-" { try? handle.close() } }

    /// The next line without its line break, or nil at the end.
    /// - Throws: `TextError` when reading fails or a line is longer than `maxLineBytes`
    ///   (the rest of that line is skipped, so reading can go on).
    public func next() throws(TextError) -> [UInt8]? {
        var line: [UInt8] = []
        var tooLong = false
        while true {
            if position < buffer.count {
                if let newline = buffer[position...].firstIndex(of: 0x0A) {
                    if !tooLong { line.append(contentsOf: buffer[position..<newline]) }
                    position = newline + 1
                    break
                }
                if !tooLong { line.append(contentsOf: buffer[position...]) }
                position = buffer.count
                if line.count > maxLineBytes { tooLong = true; line = [] }
            }
            if finished {
                if line.isEmpty && !tooLong { return nil }
                break
            }
            do {
                if let chunk = try handle.read(upToCount: 1 << 16), !chunk.isEmpty {
                    buffer = [UInt8](chunk)
                    position = 0
                } else {
                    finished = true
                }
            } catch {
                throw TextError(.unreadable(reason: FileReader.reason(error)), source: source)
            }
        }
        lineNumber += 1
        if tooLong || line.count > maxLineBytes {
            throw TextError(.tooLarge(bytes: maxLineBytes + 1, limit: maxLineBytes), source: "\(source == "-" ? "<stdin>" : source):\(lineNumber)")
        }
        if line.last == 0x0D { line.removeLast() }
        return line
    }
}
