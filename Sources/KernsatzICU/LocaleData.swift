internal import CKernsatzICU

/// Locale data from ICU: country and language names in any language, month and weekday names.
/// A gazetteer for entity recognition and the knowledge behind „am 3. Oktober“.
public enum LocaleData {
    /// ISO 3166 alpha-2 country codes that ICU knows ("DE", "AT", …).
    public static var isoCountries: [String] {
        (0..<ks_locale_iso_country_count()).map { String(cString: ks_locale_iso_country($0)) }
    }

    /// ISO 639 language codes that ICU knows.
    public static var isoLanguages: [String] {
        (0..<ks_locale_iso_language_count()).map { String(cString: ks_locale_iso_language($0)) }
    }

    ///     LocaleData.countryName("NL", in: "de")   // "Niederlande"
    /// - Returns: nil when ICU has no name for it (it would echo the code).
    public static func countryName(_ code: String, in displayLanguage: String) -> String? {
        let name = displayName("und_\(code)", in: displayLanguage, country: true)
        return name == code || name.isEmpty ? nil : name
    }

    ///     LocaleData.languageName("fr", in: "de")   // "Französisch"
    public static func languageName(_ code: String, in displayLanguage: String) -> String? {
        let name = displayName(code, in: displayLanguage, country: false)
        return name == code || name.isEmpty ? nil : name
    }

    /// Whether the locale's script runs right to left (its likely script when none is given).
    ///
    ///     LocaleData.isRightToLeft("ar")      // true
    ///     LocaleData.isRightToLeft("en-GB")   // false
    public static func isRightToLeft(_ locale: String) -> Bool {
        String(locale.map { $0 == "-" ? "_" : $0 }).withCString { ks_locale_is_right_to_left($0) != 0 }
    }

    private static func displayName(_ locale: String, in display: String, country: Bool) -> String {
        let localeName = Array(locale.utf8CString)
        let displayName = Array(display.utf8CString)
        let units = try? localeName.withUnsafeBufferPointer { (l) throws(ICUError) -> [UInt16] in
            try displayName.withUnsafeBufferPointer { (d) throws(ICUError) -> [UInt16] in
                try withResizingBuffer(capacity: 64, "looking up a display name") {
                    country
                        ? ks_locale_display_country(l.baseAddress, d.baseAddress, $0, $1, &$2)
                        : ks_locale_display_language(l.baseAddress, d.baseAddress, $0, $1, &$2)
                }
            }
        }
        return units.map { String(decoding: $0, as: UTF16.self) } ?? ""
    }

    public enum DateSymbols: Sendable {
        case months, abbreviatedMonths, standaloneMonths, standaloneAbbreviatedMonths
        case weekdays, abbreviatedWeekdays
    }

    ///     LocaleData.symbols(.months, locale: "de").first   // "Januar"
    public static func symbols(_ kind: DateSymbols, locale: String) -> [String] {
        let type: ks_date_symbols
        let indices: Range<Int32>
        switch kind {
        case .months: (type, indices) = (KS_MONTHS_WIDE, 0..<12)
        case .abbreviatedMonths: (type, indices) = (KS_MONTHS_ABBREVIATED, 0..<12)
        case .standaloneMonths: (type, indices) = (KS_MONTHS_STANDALONE_WIDE, 0..<12)
        case .standaloneAbbreviatedMonths: (type, indices) = (KS_MONTHS_STANDALONE_ABBREVIATED, 0..<12)
        case .weekdays: (type, indices) = (KS_WEEKDAYS_WIDE, 1..<8)
        case .abbreviatedWeekdays: (type, indices) = (KS_WEEKDAYS_ABBREVIATED, 1..<8)
        }
        return locale.withCString { name in
            indices.compactMap { index -> String? in
                var buffer = [UInt16](repeating: 0, count: 64)
                var status: Int32 = 0
                let length = buffer.withUnsafeMutableBufferPointer {
                    ks_date_symbol(name, type, index, $0.baseAddress, 64, &status)
                }
                guard length > 0, ks_is_failure(status) == 0 else { return nil }
                return String(decoding: buffer.prefix(Int(length)), as: UTF16.self)
            }
        }
    }
}

extension LocaleData {
    /// ICU's localized names of the cities that stand for time zones: a world city gazetteer.
    ///
    ///     LocaleData.exemplarCities(in: "de").contains("Moskau")   // true
    /// - Returns: The names, one per canonical location zone, without duplicates; empty when ICU
    ///   has no time zone data.
    public static func exemplarCities(in displayLanguage: String) -> [String] {
        var status: Int32 = 0
        guard let names = displayLanguage.withCString({ ks_tz_cities_open($0, &status) }), ks_is_failure(status) == 0 else { return [] }
        defer { ks_tz_cities_close(names) }
        var seen = Set<String>()
        var cities: [String] = []
        for zone in locationZones() {
            guard let city = exemplarCity(names, zone) else { continue }
            if seen.insert(city).inserted { cities.append(city) }
        }
        return cities
    }

    /// ICU's canonical location time zones ("Europe/Kiev", …), as UTF-16; empty without zone data.
    static func locationZones() -> [[UInt16]] {
        var status: Int32 = 0
        let needed = ks_tz_location_zones(nil, 0, &status)
        guard needed > 0 else { return [] }
        var bytes = [CChar](repeating: 0, count: Int(needed) + 1)
        status = 0
        _ = bytes.withUnsafeMutableBufferPointer { ks_tz_location_zones($0.baseAddress, needed + 1, &status) }
        guard ks_is_failure(status) == 0 else { return [] }
        return String(decoding: bytes.prefix(Int(needed)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
            .split(separator: "\n").map { Array($0.utf16) }
    }

    /// The exemplar city of `zone` in the language `names` was opened for; nil where ICU has none.
    static func exemplarCity(_ names: OpaquePointer, _ zone: [UInt16]) -> String? {
        let units = try? zone.withUnsafeBufferPointer { (z) throws(ICUError) -> [UInt16] in
            try withResizingBuffer(capacity: 64, "looking up an exemplar city") {
                ks_tz_cities_city(names, z.baseAddress, Int32(z.count), $0, $1, &$2)
            }
        }
        guard let units, !units.isEmpty else { return nil }
        return String(decoding: units, as: UTF16.self)
    }
}
