import KernsatzSegmentation

/// The language data of measures: `Resources/measures/<kind>.<lang>.txt`, UTF-8 NFC, one entry per
/// line as `word<TAB>value`, `#` comments. Embedded at build time (`.embedInCode`); every file must
/// have its line in `MeasureLists.bytes`, which `MeasureTests` checks.
public enum MeasureListKind: String, CaseIterable, Sendable {
    /// Scale words after a number with their factor („Millionen<TAB>1e6“, „Mrd.<TAB>1e9“).
    case scales
    /// Words around a number with their role: percent, percent-sign, points, minus, time.
    case units
    /// Currency words and symbols with their ISO 4217 code („Euro<TAB>EUR“, „$<TAB>USD“).
    case currencies
    /// Month spellings beyond ICU's names („Jänner<TAB>1“) and day suffixes („er<TAB>0“).
    case months
    /// Target side: how percentage points are written, by plural form („other<TAB>percentage points“).
    case points

    /// The file a shipped list comes from, relative to the module's resources ("measures/scales.de.txt").
    public func fileName(language: String) -> String { "measures/\(rawValue).\(language).txt" }
}

enum MeasureLists {
    static func bytes(_ kind: MeasureListKind, language: String) -> [UInt8]? {
        switch (kind, language) {
        case (.scales, "de"): return PackageResources.scales_de_txt
        case (.scales, "en"): return PackageResources.scales_en_txt
        case (.scales, "fr"): return PackageResources.scales_fr_txt
        case (.units, "de"): return PackageResources.units_de_txt
        case (.units, "en"): return PackageResources.units_en_txt
        case (.units, "fr"): return PackageResources.units_fr_txt
        case (.currencies, "de"): return PackageResources.currencies_de_txt
        case (.currencies, "en"): return PackageResources.currencies_en_txt
        case (.currencies, "fr"): return PackageResources.currencies_fr_txt
        case (.months, "de"): return PackageResources.months_de_txt
        case (.months, "en"): return PackageResources.months_en_txt
        case (.months, "fr"): return PackageResources.months_fr_txt
        case (.points, "de"): return PackageResources.points_de_txt
        case (.points, "en"): return PackageResources.points_en_txt
        case (.points, "fr"): return PackageResources.points_fr_txt
        case (.units, "mul"): return PackageResources.units_mul_txt
        case (.currencies, "mul"): return PackageResources.currencies_mul_txt
        default: return nil
        }
    }

    /// Every shipped file, for the completeness test.
    static let shipped: [(MeasureListKind, String)] = MeasureListKind.allCases.flatMap { kind in
        ["de", "en", "fr"].map { (kind, $0) }
    } + [(.units, "mul"), (.currencies, "mul")]

    /// The `(word, value, line)` entries of a shipped list, in file order; empty when there is none.
    /// - Throws: `AnalysisError.Kind.badList` for a line without exactly one tab.
    static func pairs(_ kind: MeasureListKind, language: String) throws(AnalysisError) -> [(word: String, value: String, line: Int)] {
        guard let bytes = bytes(kind, language: language) else { return [] }
        return try pairs(parsing: String(decoding: bytes, as: UTF8.self), file: kind.fileName(language: language))
    }

    /// The `(word, value, line)` entries of list text; `file` names it in errors.
    static func pairs(parsing text: String, file: String) throws(AnalysisError) -> [(word: String, value: String, line: Int)] {
        var pairs: [(word: String, value: String, line: Int)] = []
        var lineNumber = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count == 2, !fields[0].isEmpty, !fields[1].isEmpty else {
                throw AnalysisError(.badList(file: file, line: lineNumber,
                                             reason: "an entry is not 'word<TAB>value': \(line)"))
            }
            pairs.append((String(fields[0]), String(fields[1]), lineNumber))
        }
        return pairs
    }
}
