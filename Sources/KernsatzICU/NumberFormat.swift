internal import CKernsatzICU

/// ICU's number formatting by skeleton (ICU's `unumberformatter.h`): grouping, compact forms,
/// percent, units and currencies in the conventions of a locale.
///
///     try NumberFormat(skeleton: "compact-long", locale: "en").format(1_100_000)   // "1.1 million"
///     try NumberFormat(skeleton: "", locale: "de").format(2500)                      // "2.500"
///     try NumberFormat(skeleton: "currency/EUR", locale: "en").format(5)             // "€5.00"
///
/// Skeletons are ICU's (https://unicode-org.github.io/icu/userguide/format_parse/numbers/skeletons.html):
/// "percent" (40 → "40%", no scaling), "measure-unit/concentr-percent unit-width-full-name"
/// (40 → "40 percent"), "currency/USD precision-currency-standard/w" (100000 → "$100,000").
///
/// A formatter holds ICU state (its result buffer): use one per thread.
public final class NumberFormat {
    private let handle: OpaquePointer
    public let skeleton: String
    public let locale: String

    /// - Throws: `ICUError` when ICU does not take the skeleton (`U_NUMBER_SKELETON_SYNTAX_ERROR`).
    public init(skeleton: String, locale: String) throws(ICUError) {
        handle = try openFormatter(skeleton: skeleton, locale: locale, "opening a number format '\(skeleton)' for \(locale)", ks_numfmt_open)
        self.skeleton = skeleton
        self.locale = locale
    }

    deinit { ks_numfmt_close(handle) }

    /// - Throws: `ICUError` when ICU cannot format the value.
    public func format(_ value: Double) throws(ICUError) -> String {
        let units = try withResizingBuffer(capacity: 64, "formatting \(value) with '\(skeleton)' for \(locale)") {
            ks_numfmt_format_double(handle, value, $0, $1, &$2)
        }
        return String(decoding: units, as: UTF16.self)
    }
}

extension LocaleData {
    /// The decimal separator of a locale: "," for "de", "." for "en".
    public static func decimalSeparator(locale: String) -> String? { numberSymbol(0, locale: locale) }

    /// The grouping separator of a locale: "." for "de", "," for "en", U+202F for "fr".
    public static func groupingSeparator(locale: String) -> String? { numberSymbol(1, locale: locale) }

    private static func numberSymbol(_ which: Int32, locale: String) -> String? {
        let units = try? locale.withCString { (name) throws(ICUError) -> [UInt16] in
            try withResizingBuffer(capacity: 8, "looking up a number symbol for \(locale)") {
                ks_number_symbol(name, which, $0, $1, &$2)
            }
        }
        guard let units, !units.isEmpty else { return nil }
        return String(decoding: units, as: UTF16.self)
    }
}
