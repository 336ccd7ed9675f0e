#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One read(2) from a file descriptor: what is there now, up to `count` bytes, without waiting
/// for more (a pipe's writer that sends a line and waits for the answer gets it). Foundation's
/// `FileHandle.read(upToCount:)` waits until `count` bytes or the end have come.
public enum FileDescriptorRead {
    /// The bytes read; empty at the end of the input.
    /// - Throws: the `errno` of a failed read (EINTR is retried).
    public static func read(_ descriptor: Int32, upTo count: Int) throws(FileDescriptorError) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        while true {
            let got = bytes.withUnsafeMutableBytes { buffer in systemRead(descriptor, buffer.baseAddress, count) }
            if got >= 0 {
                bytes.removeLast(count - got)
                return bytes
            }
            let code = errno
            if code == EINTR { continue }
            throw FileDescriptorError(code: code)
        }
    }
}

/// A failed system call on a file descriptor, with its `errno`.
public struct FileDescriptorError: Error, Sendable, CustomStringConvertible {
    public let code: Int32
    public var description: String { String(cString: strerror(code)) }
}

#if canImport(Glibc)
private let systemRead = Glibc.read
#else
private let systemRead = Darwin.read
#endif
