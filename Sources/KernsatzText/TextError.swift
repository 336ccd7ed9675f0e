/// Why a text could not be read. Every message names the file (and byte offset or line, where
/// there is one) and says what the user can do.
public struct TextError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        case notFound
        case isDirectory
        case unreadable(reason: String)
        /// A FIFO, socket or device where a regular file was wanted (a batch input), in words.
        case notRegularFile(String)
        case empty
        case tooLarge(bytes: Int, limit: Int)
        /// A NUL or other control byte that no text file contains.
        case binary(byteOffset: Int)
        /// Bytes that are not valid in the encoding.
        case invalidEncoding(encoding: String, byteOffset: Int, line: Int)
        case unknownEncoding(String)
        /// A JSON Lines record that cannot be used.
        case badRecord(reason: String)
        /// A structured file given as an article (`ArticleReading`): what it is and what to do, in words.
        case notAnArticle(what: String, advice: String)
        /// HTML or Markdown (named) with no text once the markup is taken away.
        case noTextInMarkup(String)
    }

    public let kind: Kind
    /// The file ("-" for standard input), or the stream and record for JSON Lines input.
    public let source: String

    public init(_ kind: Kind, source: String) {
        self.kind = kind
        self.source = source
    }

    public var description: String {
        switch kind {
        case .notFound:
            return "\(source): no such file"
        case .isDirectory:
            return "\(source): is a directory, not a text file"
        case .unreadable(let reason):
            return "\(source): cannot be read (\(reason))"
        case .notRegularFile(let kind):
            return "\(source): is \(kind), not a regular file; only regular files are read from a folder (name a pipe on the command line instead)"
        case .empty:
            return "\(source): is empty (no text to process)"
        case .tooLarge(let bytes, let limit):
            return "\(source): is larger than the limit of \(limit) bytes (read \(bytes) bytes; raise it with --max-bytes)"
        case .binary(let offset):
            return "\(source): looks like a binary file, not text (control byte at byte offset \(offset))"
        case .invalidEncoding(let encoding, let offset, let line):
            return "\(source): invalid \(encoding) at byte offset \(offset) (line \(line)); "
                + "name the encoding with --encoding, or use --lenient to replace invalid bytes"
        case .unknownEncoding(let name):
            return "\(source): unknown encoding '\(name)'"
        case .badRecord(let reason):
            return "\(source): \(reason)"
        case .notAnArticle(let what, let advice):
            return "\(source): is \(what), not an article; \(advice)"
        case .noTextInMarkup(let markup):
            return "\(source): no text once the \(markup) markup is taken away"
        }
    }
}
