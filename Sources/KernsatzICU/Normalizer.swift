internal import CKernsatzICU

/// A Unicode normalization form.
public enum NormalizationForm: String, CaseIterable, Sendable {
    case nfc, nfd, nfkc, nfkd
    /// NFKC with case folding: for comparing words whatever their case and compatibility form.
    case nfkcCasefold = "nfkc-casefold"
}

/// ICU's normalizer for one form.
///
///     try Normalizer(.nfc).normalize("Bu\u{308}ndnistreue")   // "Bündnistreue"
///
/// ICU owns the underlying object and never frees it.
public struct Normalizer: @unchecked Sendable {
    // @unchecked: the pointer is an ICU-owned singleton (unorm2_getNFCInstance and friends) that
    // ICU documents as immutable and safe to use from any number of threads at once.
    private let handle: UnsafeRawPointer
    public let form: NormalizationForm

    public init(_ form: NormalizationForm) throws(ICUError) {
        var status: Int32 = 0
        let kind: ks_norm_form
        switch form {
        case .nfc: kind = KS_NORM_NFC
        case .nfd: kind = KS_NORM_NFD
        case .nfkc: kind = KS_NORM_NFKC
        case .nfkd: kind = KS_NORM_NFKD
        case .nfkcCasefold: kind = KS_NORM_NFKC_CASEFOLD
        }
        let pointer = ks_norm_instance(kind, &status)
        try check(status, "loading the \(form.rawValue) normalizer")
        guard let pointer else { throw ICUError(.failure("no normalizer"), while: "loading a normalizer") }
        handle = pointer
        self.form = form
    }

    /// `text` in this normalization form.
    public func normalize(_ text: [UInt16]) throws(ICUError) -> [UInt16] {
        if text.isEmpty { return [] }
        return try text.withUnsafeBufferPointer { (source) throws(ICUError) -> [UInt16] in
            try withResizingBuffer(capacity: source.count + source.count / 4 + 8, "normalizing to \(form.rawValue)") {
                ks_norm_normalize(handle, source.baseAddress, Int32(source.count), $0, $1, &$2)
            }
        }
    }

    public func normalize(_ text: String) throws(ICUError) -> String {
        String(decoding: try normalize(Array(text.utf16)), as: UTF16.self)
    }

    /// The length of the prefix of `text` that is certainly already in this form.
    ///
    /// - Complexity: O(*n*), and fast: no output is written.
    public func normalizedPrefixLength(_ text: ArraySlice<UInt16>) -> Int {
        text.withUnsafeBufferPointer { buffer in
            var status: Int32 = 0
            let n = ks_norm_span_quick_check_yes(handle, buffer.baseAddress, Int32(buffer.count), &status)
            return ks_is_failure(status) == 0 ? Int(n) : 0
        }
    }

    /// Whether `scalar` always starts a new normalization unit (text before and after it can be
    /// normalized separately).
    public func hasBoundary(before scalar: UInt32) -> Bool {
        ks_norm_has_boundary_before(handle, scalar) != 0
    }
}
