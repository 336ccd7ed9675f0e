internal import CKernsatzICU

/// ICU's UTF-8 ⇄ UTF-16 conversion of whole runs, appended to an array: the JSON reader and
/// writers' bulk path (a run of text without escapes is one call, not a loop of appends).
///
///     var bytes: [UInt8] = []
///     UTFConversion.appendUTF8(Array("Bündnis".utf16)[...], to: &bytes)   // 8 bytes
public enum UTFConversion {
    /// Appends `units` as UTF-8; a lone surrogate becomes U+FFFD (EF BF BD).
    public static func appendUTF8(_ units: ArraySlice<UInt16>, to bytes: inout [UInt8]) {
        guard !units.isEmpty else { return }
        let start = bytes.count
        let capacity = units.count * 3
        bytes.append(contentsOf: repeatElement(0, count: capacity))
        var status: Int32 = 0
        let written = units.withUnsafeBufferPointer { source in
            bytes.withUnsafeMutableBufferPointer { dest in
                ks_utf16_to_utf8(source.baseAddress, Int32(source.count), dest.baseAddress! + start, Int32(capacity), &status)
            }
        }
        // Three bytes per unit always suffice (a pair of surrogates takes four for two units).
        precondition(ks_is_failure(status) == 0, "UTF-16 to UTF-8 cannot fail with room for 3 bytes a unit")
        bytes.removeLast(capacity - Int(written))
    }

    /// Appends well-formed UTF-8 `bytes` as UTF-16; false (and `units` unchanged) when the bytes
    /// are not well-formed UTF-8 (an overlong form, a surrogate, a value beyond U+10FFFF, a cut sequence).
    public static func appendUTF16(wellFormedUTF8 bytes: ArraySlice<UInt8>, to units: inout [UInt16]) -> Bool {
        guard !bytes.isEmpty else { return true }
        let start = units.count
        let capacity = bytes.count
        units.append(contentsOf: repeatElement(0, count: capacity))
        var status: Int32 = 0
        let written = bytes.withUnsafeBufferPointer { source in
            units.withUnsafeMutableBufferPointer { dest in
                ks_utf8_to_utf16(source.baseAddress, Int32(source.count), dest.baseAddress! + start, Int32(capacity), &status)
            }
        }
        guard ks_is_failure(status) == 0 else {
            units.removeLast(capacity)
            return false
        }
        units.removeLast(capacity - Int(written))
        return true
    }
}
