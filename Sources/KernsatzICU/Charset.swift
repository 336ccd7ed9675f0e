internal import CKernsatzICU

/// One answer of ICU's charset detector.
public struct CharsetMatch: Sendable, Equatable {
    /// ICU's name for the charset ("UTF-8", "ISO-8859-1", "windows-1252", …).
    public let name: String
    /// The language ICU guesses from the bytes ("de"), or empty.
    public let language: String
    /// 0–100.
    public let confidence: Int
}

/// ICU's charset detection (`ucsdet`).
public enum CharsetDetector {
    /// The charsets that `bytes` may be in, most likely first.
    ///
    ///     CharsetDetector.detect(Array("Grüße aus Köln".data(using: .isoLatin1)!)).first?.name
    ///     // "ISO-8859-1"
    public static func detect(_ bytes: [UInt8], limit: Int = 8) -> [CharsetMatch] {
        if bytes.isEmpty { return [] }
        var matches = [ks_csdet_match](repeating: ks_csdet_match(), count: limit)
        var status: Int32 = 0
        let found = bytes.withUnsafeBufferPointer { source in
            source.withMemoryRebound(to: CChar.self) { chars in
                matches.withUnsafeMutableBufferPointer {
                    ks_csdet_detect(chars.baseAddress, Int32(chars.count), $0.baseAddress, Int32(limit), &status)
                }
            }
        }
        guard ks_is_failure(status) == 0 else { return [] }
        return matches.prefix(Int(found)).map { match in
            var match = match
            let name = withUnsafeBytes(of: &match.name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            let language = withUnsafeBytes(of: &match.language) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            return CharsetMatch(name: name, language: language, confidence: Int(match.confidence))
        }
    }
}

/// ICU's charset conversion (`ucnv`) from bytes to UTF-16.
public final class CharsetConverter {
    private let handle: OpaquePointer
    public let name: String

    /// - Parameter strict: an invalid byte throws (with its offset) instead of becoming U+FFFD.
    /// - Throws: `ICUError.Kind.unknownCharset` when ICU knows no charset by that name.
    public init(charset name: String, strict: Bool = true) throws(ICUError) {
        var status: Int32 = 0
        let pointer = name.withCString { ks_converter_open($0, strict ? 1 : 0, &status) }
        guard ks_is_failure(status) == 0, let pointer else {
            throw ICUError(.unknownCharset(name), while: "opening a converter")
        }
        handle = pointer
        self.name = name
    }

    deinit { ks_converter_close(handle) }

    /// ICU's canonical name for a charset name or alias, or nil when ICU's alias table has no
    /// such name.
    ///
    ///     CharsetConverter.canonicalName("utf-16le")  // "UTF-16LE"
    ///     CharsetConverter.canonicalName("latin1")    // "ISO-8859-1"
    public static func canonicalName(_ name: String) -> String? {
        var status: Int32 = 0
        guard let canonical = name.withCString({ ks_converter_canonical_name($0, &status) }), ks_is_failure(status) == 0 else {
            return nil
        }
        return String(cString: canonical)
    }

    /// The UTF-16 text of `bytes`.
    /// - Throws: `ICUError.Kind.invalidBytes` with the byte offset of the first invalid sequence.
    public func decode(_ bytes: [UInt8]) throws(ICUError) -> [UInt16] {
        if bytes.isEmpty { return [] }
        var capacity = bytes.count + 16
        for _ in 0..<3 {
            var status: Int32 = 0
            var errorOffset: Int32 = -1
            var needed: Int32 = 0
            let units = [UInt16](unsafeUninitializedCapacity: capacity) { target, count in
                needed = bytes.withUnsafeBufferPointer { source in
                    source.withMemoryRebound(to: CChar.self) {
                        ks_converter_to_uchars(handle, $0.baseAddress, Int32($0.count),
                                               target.baseAddress, Int32(capacity), &errorOffset, &status)
                    }
                }
                count = isBufferOverflow(status) ? 0 : Int(needed)
            }
            if isBufferOverflow(status) {
                capacity = Int(needed) + 16
                continue
            }
            if errorOffset >= 0 && ks_is_failure(status) != 0 {
                throw ICUError(.invalidBytes(charset: name, byteOffset: Int(errorOffset)), while: "decoding")
            }
            try check(status, "decoding \(name)")
            return units
        }
        throw ICUError(.failure("U_BUFFER_OVERFLOW_ERROR"), while: "decoding \(name)")
    }
}
