import KernsatzICU
import KernsatzSegmentation

/// Writes measures the way a target locale writes them, with ICU's number and date formats.
///
///     let renderer = try MeasureRenderer(locale: "en-GB")
///     // „1,1 Millionen“ → "1.1 million", „40 Prozent“ → "40 percent", „40 %“ → "40%",
///     // „23.12.2025“ → "23/12/2025", „2,5 Milliarden Euro“ → "2.5 billion euros",
///     // „1.200 US-Dollar“ → "US$1,200", „2027“ → "2027"
///
/// Choices, each an ICU skeleton:
/// - numbers: the locale's grouping and decimal signs, as many fraction digits as the source wrote
///   ("" or ".00": „1,80“ → "1.80"); with a scale word in the source, the
///   compact long form with every digit kept ("compact-long precision-unlimited": "1.25 million").
/// - percent: „%“ stays a sign ("percent": "40%"); „Prozent“ is spelled out
///   ("measure-unit/concentr-percent unit-width-full-name": "40 percent"); percentage points are
///   the number and the target's words from `Resources/measures/points.<lang>.txt`.
/// - money: with a scale word, spelled out ("2.5 billion euros" — ICU's full currency name after
///   the compact number); without one, the symbol and no zero cents ("$100,000", "$1.50"), and
///   the digits the source wrote after the decimal sign, at least two ("€1.799", "¥2.50").
/// - dates: digits stay digits ("yMd"), a month name stays a name ("yMMMMd", "MMMMd", "yMMMM").
/// - years: unchanged ("2027").
///
/// A renderer caches ICU formatters: use one per thread.
public final class MeasureRenderer {
    /// The locale in ICU's form ("en_GB").
    public let locale: String
    private let pointWords: [String: String]
    private var numberFormats: [String: NumberFormat] = [:]
    private var dateFormats: [String: DateFormat] = [:]

    /// - Parameter locale: a tag such as "en", "en-US", "en-GB", "fr", "de".
    /// - Throws: `AnalysisError.Kind.unknownLocale` when ICU does not know the language;
    ///   `.badList` when the shipped percentage-point words are malformed.
    public init(locale: String) throws(AnalysisError) {
        let language = LanguageTag.primary(locale)
        guard !language.isEmpty, LocaleData.isoLanguages.contains(language) else {
            throw AnalysisError(.unknownLocale(locale))
        }
        self.locale = LanguageTag.icuLocale(locale)
        var words: [String: String] = [:]
        for (form, text, _) in try MeasureLists.pairs(.points, language: language) { words[form] = text }
        pointWords = words
        do {
            _ = try NumberFormat(skeleton: "", locale: self.locale).format(1)
        } catch {
            throw AnalysisError(.unknownLocale(locale))
        }
    }

    /// The measure as the target locale writes it; nil when there is nothing sensible (no value,
    /// an impossible date, percentage points in a language without their words).
    public func render(_ measure: Measure) -> String? {
        switch measure.kind {
        case .year:
            guard let value = measure.value, value == value.rounded(), abs(value) < 1e15 else { return nil }
            return String(Int(value))
        case .number:
            guard let value = measure.value else { return nil }
            return number(value, measure.scaleWord ? "compact-long precision-unlimited" : fraction(measure))
        case .percent:
            guard let value = measure.value else { return nil }
            if measure.percentagePoints {
                let form = abs(value) == 1 ? "one" : "other"
                guard let words = pointWords[form] ?? pointWords["other"], let digits = number(value, fraction(measure)) else { return nil }
                return "\(digits) \(words)"
            }
            let style = measure.percentSign ? "percent" : "measure-unit/concentr-percent unit-width-full-name"
            return number(value, measure.fractionDigits > 0 ? "\(style) \(fraction(measure))" : style)
        case .currency:
            guard let value = measure.value, let code = measure.currency, code.count == 3,
                  code.allSatisfy({ $0.isASCII && $0.isUppercase }) else { return nil }
            if measure.scaleWord {
                return number(value, "currency/\(code) unit-width-full-name compact-long precision-unlimited")
            }
            // Written cents or more digits („1,799 Euro“ a litre) are kept, never rounded to the
            // currency's minor unit („€1.80“, „¥2“ for „2,50 Yen“).
            return number(value, measure.fractionDigits > 0
                ? "currency/\(code) ." + String(repeating: "0", count: min(max(measure.fractionDigits, 2), 15))
                : "currency/\(code) precision-currency-standard/w")
        case .date:
            guard let date = measure.date else { return nil }
            let skeleton: String
            switch (date.year, date.day) {
            case (.some, .some): skeleton = date.numeric ? "yMd" : "yMMMMd"
            case (nil, .some): skeleton = date.numeric ? "Md" : "MMMMd"
            case (.some, nil): skeleton = date.numeric ? "yM" : "yMMMM"
            case (nil, nil): skeleton = "MMMM"
            }
            // A leap year stands in for a missing year, so „29. Februar“ exists.
            return self.date(skeleton, year: date.year ?? 2000, month: date.month, day: date.day ?? 1)
        }
    }

    /// The source's fraction digits, exactly ("1,80" → ".00"); "" (ICU's default) for none.
    private func fraction(_ measure: Measure) -> String {
        measure.fractionDigits > 0 ? "." + String(repeating: "0", count: min(measure.fractionDigits, 15)) : ""
    }

    private func number(_ value: Double, _ skeleton: String) -> String? {
        guard value.isFinite else { return nil }
        if numberFormats[skeleton] == nil {
            numberFormats[skeleton] = try? NumberFormat(skeleton: skeleton, locale: locale)
        }
        return try? numberFormats[skeleton]?.format(value)
    }

    private func date(_ skeleton: String, year: Int, month: Int, day: Int) -> String? {
        if dateFormats[skeleton] == nil {
            dateFormats[skeleton] = try? DateFormat(skeleton: skeleton, locale: locale)
        }
        return try? dateFormats[skeleton]?.format(year: year, month: month, day: day)
    }
}
