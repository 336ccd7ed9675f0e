/// Why a batch could not run, or why one of its files failed. Every message names the file or
/// folder and says what the user can do.
public struct BatchError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// An input folder or file named on the command line does not exist or cannot be listed.
        case badInput(reason: String)
        /// The output folder cannot be made or written, or would be the input folder itself.
        case badOutput(reason: String)
        /// A file of the batch failed (unreadable, binary, bad encoding, empty, too large, …).
        case file(reason: String)
        /// An output file exists that Kernsatz did not write (or that was changed since).
        case foreignOutput
        /// Writing an output failed.
        case write(reason: String)
        /// The manifest of an earlier run cannot be used.
        case manifest(reason: String)
        /// The worksheet builder or pipeline could not be set up.
        case setup(reason: String)
    }

    public let kind: Kind
    /// The file or folder concerned.
    public let path: String

    public init(_ kind: Kind, path: String) {
        self.kind = kind
        self.path = path
    }

    public var description: String {
        switch kind {
        case .badInput(let reason): return "\(path): \(reason)"
        case .badOutput(let reason): return "\(path): \(reason)"
        case .file(let reason): return "\(path): \(reason)"
        case .foreignOutput:
            return "\(path) exists and was not written by Kernsatz (or was changed since); move it away, "
                + "write to another folder (-o), or add --force to replace it"
        case .write(let reason): return "\(path): cannot write: \(reason)"
        case .manifest(let reason): return "\(path): \(reason)"
        case .setup(let reason): return reason
        }
    }
}
