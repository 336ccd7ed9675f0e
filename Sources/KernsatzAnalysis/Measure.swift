/// A number, percentage, amount of money, date or year in a text, with what it means.
///
///     „1,1 Millionen“  → .number, value 1_100_000, scaleWord
///     „40 Prozent“     → .percent, value 40
///     „2,5 Milliarden Euro“ → .currency, value 2_500_000_000, currency "EUR", scaleWord
///     „23.12.2025“     → .date, date 2025-12-23 (numeric)
///     „2027“           → .year, value 2027
public struct Measure: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case number, percent, currency, date, year
    }

    /// UTF-16 offsets into the text given, covering the whole expression („1,1 Millionen“,
    /// „minus 3 Prozent“, „3. Oktober 2025“).
    public var range: Range<Int>
    public var kind: Kind
    /// The number with its scale and sign applied (1_100_000 for „1,1 Millionen“); nil for dates.
    public var value: Double?
    /// ISO 4217 code for `.currency` ("EUR", "USD", "CHF", "GBP", …).
    public var currency: String?
    /// The day for `.date`.
    public var date: DateParts?
    /// The source wrote a scale word („Millionen“, „Mio.“): rendering keeps a compact long form.
    public var scaleWord: Bool
    /// The source wrote „%“ rather than a word („Prozent“): rendering keeps the sign.
    public var percentSign: Bool
    /// `.percent` in percentage points („3 Prozentpunkte“), not percent.
    public var percentagePoints: Bool
    /// Digits the source wrote after the decimal sign („1,80“: 2), kept when rendering plain
    /// numbers and percentages ("1.80").
    public var fractionDigits: Int

    public init(range: Range<Int>, kind: Kind, value: Double? = nil, currency: String? = nil, date: DateParts? = nil,
                scaleWord: Bool = false, percentSign: Bool = false, percentagePoints: Bool = false, fractionDigits: Int = 0) {
        self.range = range
        self.kind = kind
        self.value = value
        self.currency = currency
        self.date = date
        self.scaleWord = scaleWord
        self.percentSign = percentSign
        self.percentagePoints = percentagePoints
        self.fractionDigits = fractionDigits
    }
}

/// A calendar day as the source gave it: „3. Oktober“ has no year, „im Dezember 2025“ no day.
public struct DateParts: Sendable, Equatable, Codable {
    public var year: Int?
    /// 1–12.
    public var month: Int
    public var day: Int?
    /// Written in digits („23.12.2025“): rendered in the target's numeric form ("12/23/2025").
    public var numeric: Bool

    public init(year: Int?, month: Int, day: Int?, numeric: Bool = false) {
        self.year = year
        self.month = month
        self.day = day
        self.numeric = numeric
    }
}
