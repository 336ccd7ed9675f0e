internal import CKernsatzICU

/// An error from ICU or libxml2 (the C libraries this module wraps), or from input they could not take.
///
/// Every message names what was being done, so a user can act on it.
public struct ICUError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong.
    public enum Kind: Sendable, Equatable {
        /// ICU reported a failure; the name is ICU's (`U_ILLEGAL_ARGUMENT_ERROR`, …).
        case failure(String)
        /// Custom break rules did not parse, at this line and offset of the rules.
        case invalidRules(line: Int, offset: Int)
        /// A transform ID that ICU does not know.
        case unknownTransform(String)
        /// A charset name that ICU does not know.
        case unknownCharset(String)
        /// Bytes that are not valid in the charset, at this byte offset.
        case invalidBytes(charset: String, byteOffset: Int)
        /// An XML document that `XMLPullReader` refuses, at this 1-based line and column.
        case xml(XMLProblem, line: Int, column: Int)
    }

    public let kind: Kind
    /// What was being done ("opening a sentence break iterator for de").
    public let operation: String

    public init(_ kind: Kind, while operation: String) {
        self.kind = kind
        self.operation = operation
    }

    public var description: String {
        switch kind {
        case .failure(let name):
            return "ICU failed while \(operation): \(name)"
        case .invalidRules(let line, let offset):
            return "break rules do not parse (line \(line), offset \(offset)) while \(operation)"
        case .unknownTransform(let id):
            return "unknown transform '\(id)' while \(operation); `kernsatz translit --list` shows the IDs ICU knows"
        case .unknownCharset(let name):
            return "unknown charset '\(name)' while \(operation)"
        case .invalidBytes(let charset, let offset):
            return "bytes not valid in \(charset) at byte offset \(offset) while \(operation)"
        case .xml(let problem, let line, let column):
            return "line \(line), column \(column): \(problem) (while \(operation))"
        }
    }
}

/// What is wrong with an XML document, in words a user can act on.
public enum XMLProblem: Sendable, Equatable, CustomStringConvertible {
    /// Bytes that are not valid in the document's encoding (UTF-8 unless a BOM or the XML
    /// declaration says otherwise), at this byte offset of the file.
    case invalidBytes(encoding: String, byteOffset: Int)
    /// The XML declaration names an encoding that ICU does not know.
    case unknownEncoding(String)
    /// Not well-formed: a sentence made from libxml2's error (never its bare number).
    case notWellFormed(String)
    /// `<!DOCTYPE … SYSTEM "…">` or `PUBLIC`: the document wants an external DTD (its system ID).
    case externalDTD(String)
    /// `<!ENTITY x SYSTEM "…">`: an entity whose text is in another file or on the network.
    case externalEntity(String)
    /// `<!ENTITY x "…">`: an internal entity, refused (see `XMLPullReader`).
    case internalEntity(String)

    public var description: String {
        switch self {
        case .invalidBytes(let encoding, let offset):
            return "bytes that are not valid \(encoding) at byte offset \(offset)"
        case .unknownEncoding(let name):
            return "the declared encoding '\(name)' is unknown"
        case .notWellFormed(let reason):
            return reason
        case .externalDTD(let id):
            return "the document names the external DTD '\(id)', which is never loaded"
        case .externalEntity(let name):
            return "the entity '\(name)' is declared with SYSTEM or PUBLIC (its text is in another file), which is never loaded"
        case .internalEntity(let name):
            return "the document declares the entity '\(name)'; entity declarations are not accepted"
        }
    }
}

/// The one place that turns an ICU status into a Swift error.
@inline(__always)
func check(_ status: Int32, _ operation: @autoclosure () -> String) throws(ICUError) {
    if ks_is_failure(status) != 0 {
        throw ICUError(.failure(String(cString: ks_error_name(status))), while: operation())
    }
}

/// Whether an ICU status says the destination buffer was too small.
@inline(__always)
func isBufferOverflow(_ status: Int32) -> Bool {
    status == 15  // U_BUFFER_OVERFLOW_ERROR
}

/// The one helper for ICU's preflighting convention: call with a buffer; when ICU answers that it
/// needs more room, call again with exactly that much.
func withResizingBuffer(
    capacity: Int,
    _ operation: @autoclosure () -> String,
    _ body: (UnsafeMutablePointer<UInt16>, Int32, inout Int32) -> Int32
) throws(ICUError) -> [UInt16] {
    var capacity = max(capacity, 1)
    for _ in 0..<2 {
        var status: Int32 = 0
        var needed: Int32 = 0
        let result = [UInt16](unsafeUninitializedCapacity: capacity) { buffer, count in
            needed = body(buffer.baseAddress!, Int32(capacity), &status)
            count = isBufferOverflow(status) ? 0 : min(Int(max(needed, 0)), capacity)
        }
        if isBufferOverflow(status) {
            capacity = Int(needed) + 1
            continue
        }
        try check(status, operation())
        return result
    }
    throw ICUError(.failure("U_BUFFER_OVERFLOW_ERROR"), while: operation())
}

/// The version of the ICU library Kernsatz is linked against ("72.1").
public var icuVersion: String {
    var buffer = [CChar](repeating: 0, count: 32)
    buffer.withUnsafeMutableBufferPointer { ks_icu_version($0.baseAddress!, 32) }
    return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
}

/// Opens an ICU formatter from a skeleton and a locale with the shim's `ks_…_open`
/// (`ks_numfmt_open`, `ks_datefmt_open`).
/// - Parameter what: the operation, for the error message.
func openFormatter(skeleton: String, locale: String, _ what: @autoclosure () -> String,
                   _ open: (UnsafePointer<UInt16>?, Int32, UnsafePointer<CChar>?, UnsafeMutablePointer<Int32>?) -> OpaquePointer?)
    throws(ICUError) -> OpaquePointer {
    var status: Int32 = 0
    let units = Array(skeleton.utf16)
    let pointer = units.withUnsafeBufferPointer { buffer in
        locale.withCString { open(buffer.baseAddress, Int32(buffer.count), $0, &status) }
    }
    try check(status, what())
    guard let pointer else { throw ICUError(.failure("U_MEMORY_ALLOCATION_ERROR"), while: what()) }
    return pointer
}
