internal import CKernsatzICU

/// ICU's transliteration by transform ID ("Any-Latin", "Latin-ASCII", "de-ASCII", compound
/// IDs such as "Any-Latin; Latin-ASCII").
///
///     try Transliterator(id: "Any-Latin; Latin-ASCII").transliterate("Зеленський")   // "Zelens'kij"
///
/// A transliterator holds ICU state: use one per thread.
public final class Transliterator {
    private let handle: OpaquePointer
    public let id: String

    /// - Throws: `ICUError.Kind.unknownTransform` when ICU does not know `id`.
    public init(id: String, reverse: Bool = false) throws(ICUError) {
        var status: Int32 = 0
        let units = Array(id.utf16)
        let pointer = units.withUnsafeBufferPointer {
            ks_translit_open($0.baseAddress, Int32($0.count), reverse ? 1 : 0, &status)
        }
        guard ks_is_failure(status) == 0, let pointer else {
            throw ICUError(.unknownTransform(id), while: "opening a transliterator")
        }
        handle = pointer
        self.id = id
    }

    deinit { ks_translit_close(handle) }

    public func transliterate(_ text: String) throws(ICUError) -> String {
        let source = Array(text.utf16)
        if source.isEmpty { return "" }
        var capacity = source.count * 2 + 16
        for _ in 0..<4 {
            var buffer = source + [UInt16](repeating: 0, count: capacity - source.count)
            var status: Int32 = 0
            var length = Int32(source.count)
            let needed = buffer.withUnsafeMutableBufferPointer {
                ks_translit_transliterate(handle, $0.baseAddress!, &length, Int32(capacity), &status)
            }
            if isBufferOverflow(status) {
                capacity = max(Int(needed), capacity * 2) + 16
                continue
            }
            try check(status, "transliterating with '\(id)'")
            return String(decoding: buffer.prefix(Int(length)), as: UTF16.self)
        }
        throw ICUError(.failure("U_BUFFER_OVERFLOW_ERROR"), while: "transliterating with '\(id)'")
    }

    /// Every transform ID ICU knows, sorted.
    public static var availableIDs: [String] {
        let count = ks_translit_count_ids()
        var ids: [String] = []
        var buffer = [CChar](repeating: 0, count: 256)
        for index in 0..<count {
            let length = buffer.withUnsafeMutableBufferPointer { ks_translit_id(index, $0.baseAddress!, 256) }
            if length > 0 {
                ids.append(String(decoding: buffer.prefix(Int(length)).map { UInt8(bitPattern: $0) }, as: UTF8.self))
            }
        }
        return ids.sorted()
    }
}
