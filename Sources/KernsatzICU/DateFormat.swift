internal import CKernsatzICU

/// ICU's date formatting by skeleton: the locale's best pattern for the fields asked for, on the
/// Gregorian calendar in UTC (a calendar day, no time zone shift).
///
///     try DateFormat(skeleton: "yMd", locale: "en-US").format(year: 2025, month: 12, day: 23)   // "12/23/2025"
///     try DateFormat(skeleton: "yMd", locale: "en-GB").format(year: 2025, month: 12, day: 23)   // "23/12/2025"
///     try DateFormat(skeleton: "yMMMMd", locale: "de").format(year: 2025, month: 12, day: 23)   // "23. Dezember 2025"
///
/// Useful skeletons: "yMd", "yMMMMd", "MMMMd" (no year), "yMMMM" (no day), "Md".
/// A formatter holds ICU state (its calendar): use one per thread.
public final class DateFormat {
    private let handle: OpaquePointer
    public let skeleton: String
    public let locale: String

    /// - Throws: `ICUError` when ICU has no pattern for the skeleton.
    public init(skeleton: String, locale: String) throws(ICUError) {
        handle = try openFormatter(skeleton: skeleton, locale: locale, "opening a date format '\(skeleton)' for \(locale)", ks_datefmt_open)
        self.skeleton = skeleton
        self.locale = locale
    }

    deinit { ks_datefmt_close(handle) }

    /// The pattern ICU chose for the skeleton ("M/d/y" for "yMd" in "en").
    public var pattern: String {
        let units = try? withResizingBuffer(capacity: 32, "reading a date pattern") { ks_datefmt_pattern(handle, $0, $1, &$2) }
        return units.map { String(decoding: $0, as: UTF16.self) } ?? ""
    }

    /// Formats a calendar day. Fields the skeleton does not ask for are not shown, but must still
    /// make a valid day (pass 1 for an unknown day).
    /// - Throws: `ICUError` (`U_ILLEGAL_ARGUMENT_ERROR`) for a day that does not exist (31 February).
    public func format(year: Int, month: Int, day: Int) throws(ICUError) -> String {
        let operation = "formatting \(year)-\(month)-\(day) with '\(skeleton)' for \(locale)"
        guard let y = Int32(exactly: year), let m = Int32(exactly: month), let d = Int32(exactly: day) else {
            throw ICUError(.failure("U_ILLEGAL_ARGUMENT_ERROR"), while: operation)
        }
        let units = try withResizingBuffer(capacity: 64, operation) { ks_datefmt_format(handle, y, m, d, $0, $1, &$2) }
        return String(decoding: units, as: UTF16.self)
    }
}
