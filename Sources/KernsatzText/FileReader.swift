import Foundation
import KernsatzICU
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

    /// The one default size limit of every command (`--max-bytes`, the batch's too) and reader: 64 MiB.
    /// An article is far below it (the 514 news files of the test corpus average 3 KB); a file near it
    /// takes gigabytes to analyze, which the batch's memory gate admits alone.
    public static let defaultMaxBytes = 64 << 20

    public init(decoder: TextDecoder = TextDecoder(), maxBytes: Int = FileReader.defaultMaxBytes) {
        self.decoder = decoder
        self.maxBytes = maxBytes
    }

    /// - Parameter path: a file path, or "-" for standard input.
    /// - Throws: `TextError` naming `path`.
    public func read(_ path: String) throws(TextError) -> DecodedText {
        let bytes = try readBytes(path)
        return try decoder.decode(bytes, source: path)
    }

    /// The bytes of `path` ("-" is standard input).
    /// - Parameter regularOnly: refuse anything but a regular file (a FIFO, socket or device) at open
    ///   time, as a batch does: the file is opened without blocking (`O_NONBLOCK`) and checked with
    ///   `fstat` on the opened descriptor, never by name first, so a file swapped for a FIFO after a
    ///   folder was walked cannot hang the reader. Without it, a pipe named on the command line
    ///   (`kernsatz segment <(…)`) is read to its end.
    /// - Throws: `TextError` naming `path`.
    public func readBytes(_ path: String, regularOnly: Bool = false) throws(TextError) -> [UInt8] {
        if path == "-" { return try readToEnd(FileHandle.standardInput, path: path) }
        // A pipe or device the user named: opened as a reader opens it, waiting for a writer.
        var named = stat()
        if !regularOnly, stat(path, &named) == 0, named.st_mode & S_IFMT != S_IFREG, named.st_mode & S_IFMT != S_IFDIR {
            let handle = try Self.open(path)
            defer { try? handle.close() }
            return try readToEnd(handle, path: path)
        }
        let descriptor = Glibc.open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { throw Self.openError(errno, path: path) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            let code = errno
            close(descriptor)
            throw TextError(.unreadable(reason: String(cString: strerror(code))), source: path)
        }
        let type = info.st_mode & S_IFMT
        if type == S_IFDIR {
            close(descriptor)
            throw TextError(.isDirectory, source: path)
        }
        let handle: FileHandle
        if type == S_IFREG {
            if info.st_size > maxBytes {
                close(descriptor)
                throw TextError(.tooLarge(bytes: Int(info.st_size), limit: maxBytes), source: path)
            }
            handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        } else if regularOnly {
            close(descriptor)
            throw TextError(.notRegularFile(Self.kindName(type)), source: path)
        } else {
            // Became a pipe or device since the check above: read from this descriptor, blocking.
            _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
            handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        }
        defer { try? handle.close() }
        return try readToEnd(handle, path: path)
    }

    /// Reads to the end in chunks, stopping at `maxBytes` (endless streams stop there too).
    private func readToEnd(_ handle: FileHandle, path: String) throws(TextError) -> [UInt8] {
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

    /// What `open(2)` failing with `code` means for the user.
    static func openError(_ code: Int32, path: String) -> TextError {
        switch code {
        case ENOENT:
            // A dangling symbolic link exists as a link but not as a file.
            if (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) != nil {
                return TextError(.unreadable(reason: "a symbolic link to a missing file"), source: path)
            }
            return TextError(.notFound, source: path)
        case EACCES: return TextError(.unreadable(reason: "permission denied"), source: path)
        case ELOOP: return TextError(.unreadable(reason: "a symbolic link loop"), source: path)
        default: return TextError(.unreadable(reason: String(cString: strerror(code))), source: path)
        }
    }

    /// A file type in words, for what is not a regular file.
    static func kindName(_ type: mode_t) -> String {
        switch type {
        case S_IFIFO: return "a named pipe (FIFO)"
        case S_IFSOCK: return "a socket"
        case S_IFCHR: return "a character device"
        case S_IFBLK: return "a block device"
        case S_IFLNK: return "a symbolic link"
        default: return "a special file"
        }
    }

    /// Opens a file for reading ("-" is standard input), refusing what is not a readable file.
    /// - Throws: `TextError` (no such file, a directory, a dangling link, permission denied).
    public static func open(_ path: String) throws(TextError) -> FileHandle {
        if path == "-" { return FileHandle.standardInput }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            // Not there, a dangling link, or in a folder that cannot be entered: open(2) tells which.
            let descriptor = Glibc.open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
            let code = errno
            if descriptor >= 0 { close(descriptor) }
            throw openError(descriptor >= 0 ? ENOENT : code, path: path)
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
        // Foundation's own codes, in the system's words rather than its sentence.
        if let cocoa = error as? CocoaError {
            switch cocoa.code {
            case .fileReadNoPermission, .fileWriteNoPermission: return String(cString: strerror(EACCES))
            case .fileReadNoSuchFile, .fileNoSuchFile: return String(cString: strerror(ENOENT))
            case .fileWriteOutOfSpace: return String(cString: strerror(ENOSPC))
            case .fileWriteVolumeReadOnly: return String(cString: strerror(EROFS))
            default: break
            }
        }
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
    /// The first bytes (up to 64 KiB) of the last line refused as too long, so that its record id
    /// can still be read.
    public private(set) var tooLongLineHead: [UInt8] = []

    public init(path: String, maxLineBytes: Int = FileReader.defaultMaxBytes) throws(TextError) {
        source = path
        self.maxLineBytes = maxLineBytes
        handle = try FileReader.open(path)
    }

    deinit { if source != "-" { try? handle.close() } }

    /// Whether `next()` can return without reading from the file: a whole line is in the buffer, or
    /// the input has ended. A stream hands on what it has gathered before a read that may wait.
    public var hasBufferedLine: Bool {
        if finished { return true }
        guard position < buffer.count else { return false }
        if let newline = nextNewline, newline >= position { return true }
        nextNewline = buffer[position...].firstIndex(of: 0x0A)
        return nextNewline != nil
    }
    /// The line feed `hasBufferedLine` found, for `next()` to take.
    private var nextNewline: Int?

    /// The next line without its line break, or nil at the end.
    /// - Throws: `TextError` when reading fails or a line is longer than `maxLineBytes`
    ///   (the rest of that line is skipped, so reading can go on).
    public func next() throws(TextError) -> [UInt8]? {
        var line: [UInt8] = []
        var tooLong = false
        while true {
            if position < buffer.count {
                let known = nextNewline.flatMap { $0 >= position ? $0 : nil }
                nextNewline = nil
                if let newline = known ?? buffer[position...].firstIndex(of: 0x0A) {
                    if !tooLong { line.append(contentsOf: buffer[position..<newline]) }
                    position = newline + 1
                    break
                }
                if !tooLong { line.append(contentsOf: buffer[position...]) }
                position = buffer.count
                if line.count > maxLineBytes {
                    tooLong = true
                    tooLongLineHead = Array(line.prefix(1 << 16))
                    line = []
                }
            }
            if finished {
                if line.isEmpty && !tooLong { return nil }
                break
            }
            do {
                // What the input has now: a writer that sends one line and waits gets its answer.
                let chunk = try FileDescriptorRead.read(handle.fileDescriptor, upTo: 1 << 16)
                if !chunk.isEmpty {
                    buffer = chunk
                    position = 0
                    nextNewline = nil
                } else {
                    finished = true
                }
            } catch {
                throw TextError(.unreadable(reason: error.description), source: source)
            }
        }
        lineNumber += 1
        if tooLong || line.count > maxLineBytes {
            if !tooLong { tooLongLineHead = Array(line.prefix(1 << 16)) }
            throw TextError(.tooLarge(bytes: maxLineBytes + 1, limit: maxLineBytes), source: "\(source == "-" ? "<stdin>" : source):\(lineNumber)")
        }
        if line.last == 0x0D { line.removeLast() }
        return line
    }
}
