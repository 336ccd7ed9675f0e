internal import CKernsatzICU

extension LocaleData {
    /// The cities that name time zones, each in two languages: ICU's exemplar cities of one zone
    /// paired, so a place name can be looked up in another language's form.
    ///
    ///     LocaleData.exemplarCityPairs(from: "de", to: "en").first { $0.0 == "Kiew" }?.1   // "Kyiv"
    ///
    /// - Returns: (name in `first`, name in `second`) per canonical location zone where ICU names
    ///   the city in both; the same name twice when the languages agree ("Berlin"). Empty when ICU
    ///   has no time zone data.
    public static func exemplarCityPairs(from first: String, to second: String) -> [(String, String)] {
        var status: Int32 = 0
        guard let a = first.withCString({ ks_tz_cities_open($0, &status) }), ks_is_failure(status) == 0 else { return [] }
        defer { ks_tz_cities_close(a) }
        status = 0
        guard let b = second.withCString({ ks_tz_cities_open($0, &status) }), ks_is_failure(status) == 0 else { return [] }
        defer { ks_tz_cities_close(b) }
        var pairs: [(String, String)] = []
        for zone in locationZones() {
            if let x = exemplarCity(a, zone), let y = exemplarCity(b, zone) { pairs.append((x, y)) }
        }
        return pairs
    }
}
