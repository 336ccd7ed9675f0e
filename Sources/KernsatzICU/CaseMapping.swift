internal import CKernsatzICU

/// ICU's locale-aware case mapping ("ß" → "SS", Turkish dotted i, Dutch "IJ" titles).
public enum CaseMapping: Sendable {
    case lower, upper, title
    /// Case folding for comparison ("Straße" and "STRASSE" fold alike).
    case fold

    ///     CaseMapping.upper.apply("Straße", locale: "de")   // "STRASSE"
    public func apply(_ text: String, locale: String = "") -> String {
        let source = Array(text.utf16)
        if source.isEmpty { return "" }
        let mapping: ks_case
        switch self {
        case .lower: mapping = KS_CASE_LOWER
        case .upper: mapping = KS_CASE_UPPER
        case .title: mapping = KS_CASE_TITLE
        case .fold: mapping = KS_CASE_FOLD
        }
        let units = try? source.withUnsafeBufferPointer { (buffer) throws(ICUError) -> [UInt16] in
            try Array(locale.utf8CString).withUnsafeBufferPointer { (localeName) throws(ICUError) -> [UInt16] in
                try withResizingBuffer(capacity: buffer.count + 8, "mapping case") {
                    ks_case_map(mapping, localeName.baseAddress, buffer.baseAddress, Int32(buffer.count), $0, $1, &$2)
                }
            }
        }
        // Case mapping fails only on allocation failure; then the text stays as it was.
        return units.map { String(decoding: $0, as: UTF16.self) } ?? text
    }
}
