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
        let needed = ks_tz_location_zones(nil, 0, &status)
        guard needed > 0 else { return [] }
        var bytes = [CChar](repeating: 0, count: Int(needed) + 1)
        status = 0
        _ = bytes.withUnsafeMutableBufferPointer { ks_tz_location_zones($0.baseAddress, needed + 1, &status) }
        guard ks_is_failure(status) == 0 else { return [] }
        let zones = String(decoding: bytes.prefix(Int(needed)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
            .split(separator: "\n")
        status = 0
        guard let a = first.withCString({ ks_tz_cities_open($0, &status) }), ks_is_failure(status) == 0 else { return [] }
        defer { ks_tz_cities_close(a) }
        status = 0
        guard let b = second.withCString({ ks_tz_cities_open($0, &status) }), ks_is_failure(status) == 0 else { return [] }
        defer { ks_tz_cities_close(b) }
        func city(_ names: OpaquePointer, _ zone: [UInt16]) -> String? {
            let units = try? zone.withUnsafeBufferPointer { (z) throws(ICUError) -> [UInt16] in
                try withResizingBuffer(capacity: 64, "looking up an exemplar city") {
                    ks_tz_cities_city(names, z.baseAddress, Int32(z.count), $0, $1, &$2)
                }
            }
            guard let units, !units.isEmpty else { return nil }
            return String(decoding: units, as: UTF16.self)
        }
        var pairs: [(String, String)] = []
        for zone in zones {
            let units = Array(zone.utf16)
            if let x = city(a, units), let y = city(b, units) { pairs.append((x, y)) }
        }
        return pairs
    }
}
