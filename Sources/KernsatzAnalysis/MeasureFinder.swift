import KernsatzICU
import KernsatzSegmentation
import KernsatzText

/// Finds numbers, percentages, amounts of money, dates and years in text, over the document's
/// token stream: it visits the words and numbers that hold digits and looks at the tokens around them.
///
///     let finder = try MeasureFinder(language: "de")
///     let text = Array("Putin gebe mehr als 40 Prozent aus, 1,1 Millionen Menschen.".utf16)
///     finder.measures(in: text).map(\.kind)   // [.percent, .number]
///
/// **Tokens.** The text is not scanned for digits: the finder walks the `TokenStream`'s word-like
/// tokens (a `.number` token starts with its digits; a `.word` token is read for the digits it holds,
/// „G7“, „90's“, „l'11“), and a skipped ID or range ends with its run of attached tokens (the
/// joiners' `attachedAfter`), not at a space it looks for. What it reads as characters is the
/// number's own digits and the one character next to them: a separator („1,1“, „1.500“: the
/// joiner or the one-character token beside the digits), a sign, the one space before a unit, and
/// the list entries it compares at a token („Mio.“, „Schweizer Franken“, „€“).
///
/// What it knows is data: the source language's decimal and grouping separators and month names
/// come from ICU; scale, unit and currency words from `Resources/measures/<kind>.<lang>.txt`. For a
/// language without files it finds plain numbers, years and dates with ICU's month names.
///
/// Not measures: digits inside words and IDs („G7“, „F-35“, „Covid-19“, „A4“, „3D“), numbers
/// joined to a word by a hyphen („58-Jährige“, „35-Stunden-Woche“), digit groups joined by
/// „.“/„,“/„:“/„/“/„-“ that are not a number or a date in digits (times „14.30 Uhr“, scores, ISBNs,
/// ranges „10-15“), numbers with a leading zero or more than nine ungrouped digits and the digit
/// groups after them (phone numbers), and clock times before a time word („14 Uhr“).
public struct MeasureFinder: Sendable {
    public let language: String

    private enum UnitRole: String, Sendable {
        case percent, percentSign = "percent-sign", points, minus, time
    }

    private let decimalSeparator: UInt16
    private let groupingSeparators: Set<UInt16>
    private let scales: WordTable<Double>
    private let units: WordTable<UnitRole>
    /// Code and whether the entry may stand before the number (symbols and codes: no lowercase).
    private let currencies: WordTable<Currency>
    private let months: WordTable<Int>
    private let daySuffixes: WordTable<Int>
    /// The source writes the month before the day („December 23“), as ICU's pattern says.
    private let monthFirst: Bool
    /// How the source writes a date in digits, from ICU's "yMd" pattern: the fields in order
    /// ("d", "M", "y" for „23.12.2025“) and the sign between them.
    private let numericDateOrder: [Character]
    private let numericDateSeparator: UInt16
    /// The source marks ordinals with a dot („3. Oktober“, „die 3. Liga“), as ICU's pattern says.
    private let ordinalDot: Bool

    private struct Currency: Sendable {
        var code: String
        var prefix: Bool
    }

    /// - Parameter language: a tag such as "de", "de-AT", "en", "fr"; only the primary subtag counts.
    /// - Throws: `AnalysisError.Kind.badList` when a shipped list has a malformed entry.
    public init(language: String) throws(AnalysisError) {
        let lang = LanguageTag.primary(language)
        self.language = lang
        let locale = LanguageTag.icuLocale(lang)
        let decimal = LocaleData.decimalSeparator(locale: locale).flatMap { $0.utf16.count == 1 ? $0.utf16.first : nil } ?? 0x2E
        var grouping = Set<UInt16>()
        if let symbol = LocaleData.groupingSeparator(locale: locale), symbol.utf16.count == 1, let unit = symbol.utf16.first {
            // Spaces as grouping („3 000“, French) come as U+202F, U+00A0 or a plain space in texts.
            grouping = isInlineSpace(unit) ? [0x20, 0xA0, 0x202F, 0x2009] : [unit]
        } else {
            grouping = [decimal == 0x2C ? 0x2E : 0x2C]
        }
        grouping.remove(decimal)
        decimalSeparator = decimal
        groupingSeparators = grouping

        func numberValue(_ text: String, _ kind: MeasureListKind, _ word: String, _ line: Int) throws(AnalysisError) -> Double {
            guard let value = Double(text), value.isFinite else {
                throw AnalysisError(.badList(file: kind.fileName(language: lang), line: line,
                                             reason: "'\(word)' has no number after its tab: '\(text)'"))
            }
            return value
        }

        var scalePairs: [(String, Double)] = []
        for (word, value, line) in try MeasureLists.pairs(.scales, language: lang) {
            scalePairs.append((word, try numberValue(value, .scales, word, line)))
        }
        scales = WordTable(scalePairs)

        // Signs and codes (%, €, USD) are the same in every language: units.mul.txt, currencies.mul.txt.
        var unitPairs: [(String, UnitRole)] = []
        for list in [lang, "mul"] {
            for (word, value, line) in try MeasureLists.pairs(.units, language: list) {
                guard let role = UnitRole(rawValue: value) else {
                    throw AnalysisError(.badList(file: MeasureListKind.units.fileName(language: list), line: line,
                                                 reason: "'\(word)' has an unknown role '\(value)' (percent, percent-sign, points, minus, time)"))
                }
                unitPairs.append((word, role))
            }
        }
        units = WordTable(unitPairs)

        var currencyPairs: [(String, Currency)] = []
        for list in [lang, "mul"] {
            for (word, code, line) in try MeasureLists.pairs(.currencies, language: list) {
                guard code.count == 3, code.allSatisfy({ $0.isASCII && $0.isUppercase }) else {
                    throw AnalysisError(.badList(file: MeasureListKind.currencies.fileName(language: list), line: line,
                                                 reason: "'\(word)' has no ISO 4217 code after its tab: '\(code)'"))
                }
                currencyPairs.append((word, Currency(code: code, prefix: !word.contains(where: \.isLowercase))))
            }
        }
        currencies = WordTable(currencyPairs)

        var monthPairs: [(String, Int)] = []
        var suffixPairs: [(String, Int)] = []
        for kind in [LocaleData.DateSymbols.months, .abbreviatedMonths] {
            for (index, name) in LocaleData.symbols(kind, locale: locale).enumerated() where !name.isEmpty {
                monthPairs.append((name, index + 1))
            }
        }
        for (word, value, line) in try MeasureLists.pairs(.months, language: lang) {
            guard let number = Int(value), (0...12).contains(number) else {
                throw AnalysisError(.badList(file: MeasureListKind.months.fileName(language: lang), line: line,
                                             reason: "'\(word)' needs a month 1–12 or 0 (a day suffix) after its tab, not '\(value)'"))
            }
            if number == 0 { suffixPairs.append((word, 0)) } else { monthPairs.append((word, number)) }
        }
        months = WordTable(monthPairs)
        daySuffixes = WordTable(suffixPairs)

        let pattern = (try? DateFormat(skeleton: "MMMMd", locale: locale.isEmpty ? "en" : locale).pattern) ?? ""
        if let m = pattern.firstIndex(of: "M"), let d = pattern.firstIndex(of: "d") { monthFirst = m < d } else { monthFirst = false }
        ordinalDot = pattern.contains("d.")
        var order: [Character] = []
        var separator: UInt16?
        for character in (try? DateFormat(skeleton: "yMd", locale: locale.isEmpty ? "en" : locale).pattern) ?? "" {
            if "dMy".contains(character) {
                if order.last != character { order.append(character) }
            } else if separator == nil, !order.isEmpty, let unit = character.utf16.first, character.utf16.count == 1, unit < 0x80 {
                separator = unit
            }
        }
        if order.count == 3, Set(order).count == 3, let separator, separator != 0x2D {
            (numericDateOrder, numericDateSeparator) = (order, separator)
        } else {
            (numericDateOrder, numericDateSeparator) = (["d", "M", "y"], 0x2E)
        }
    }

    /// The measures in `units`, in text order, not overlapping; the longest reading wins
    /// („2,5 Milliarden Euro“ is one currency amount, not a number and a word).
    ///
    /// - Parameter ranges: where to look (sentences, say); a measure never crosses a range's ends.
    ///   Nil looks at the whole text.
    /// - Complexity: O(n) in the length of the text (word lists are matched only next to digits).
    ///   This convenience tokenizes `units` itself; a document's stages pass its stream
    ///   (`measures(in:tokens:spans:)`).
    public func measures(in units: [UInt16], ranges: [Range<Int>]? = nil) -> [Measure] {
        measures(in: units, tokens: TokenStream(units: units), spans: ranges ?? [0..<units.count])
    }

    /// The measures in `units` within `spans` (as `measures(in:ranges:)`), read from `tokens`, the
    /// text's token stream (`TokenStream(units: units)`, as `Analysis.tokens` is), from any
    /// collection of ranges: sentence ranges made as asked, not kept in an array.
    public func measures<Spans: Collection>(in units: [UInt16], tokens: TokenStream, spans given: Spans) -> [Measure]
    where Spans.Element == Range<Int> {
        // Sentence ranges come in order: then they are not copied and sorted (a text may have a million).
        let inOrder = zip(given, given.dropFirst()).allSatisfy { $0.lowerBound <= $1.lowerBound }
        return inOrder ? measures(in: units, tokens: tokens, ordered: given)
            : measures(in: units, tokens: tokens, ordered: given.sorted { $0.lowerBound < $1.lowerBound })
    }

    private func measures<Spans: Sequence>(in units: [UInt16], tokens stream: TokenStream, ordered spans: Spans) -> [Measure]
    where Spans.Element == Range<Int> {
        let whole = 0..<units.count
        let tokens = stream.tokens
        var found: [Measure] = []
        for given in spans {
            let span = given.clamped(to: whole)
            guard !span.isEmpty else { continue }
            // The tokens wholly inside the span: a token the span cuts („20|27“) has no measure there.
            let inSpan = stream.tokens(in: span).indices
            var scan = Scan(text: units, tokens: tokens, span: span, spanTokens: inSpan)
            scan.floor = max(span.lowerBound, found.last.map { min($0.range.upperBound, span.upperBound) } ?? 0)
            var i = scan.floor
            var k = inSpan.lowerBound
            while k < inSpan.upperBound {
                let token = tokens[k]
                guard token.isWordLike, token.end > i, let start = firstDigit(in: token, from: max(i, Int(token.start)), units) else {
                    k += 1
                    continue
                }
                scan.token = k
                switch step(&scan, at: start) {
                case .measure(let measure):
                    found.append(measure)
                    i = measure.range.upperBound
                case .skip(let end, let chain):
                    i = max(end, start + 1)
                    if chain { scan.chainEnd = i }
                }
                scan.floor = i
                while k < inSpan.upperBound, tokens[k].end <= i { k += 1 }
            }
        }
        return found
    }

    /// The first ASCII digit of a word-like token at or after `from`: at once for a `.number`
    /// token read from its start; a `.word` token's letters are passed over („G7“, „Covid-19“).
    @inline(__always)
    private func firstDigit(in token: TextToken, from: Int, _ units: [UInt16]) -> Int? {
        var p = from
        while p < token.end {
            if isDigitUnit(units[p]) { return p }
            p += 1
        }
        return nil
    }

    // MARK: the scan

    private struct Scan {
        let text: [UInt16]
        let tokens: [TextToken]
        let span: Range<Int>
        /// The indices of the tokens wholly inside `span`.
        let spanTokens: Range<Int>
        /// The token the step at hand started in.
        var token: Int
        /// Lookbacks (a sign, a currency symbol, a month name) may not reach before this.
        var floor: Int
        /// Where the last skipped digit group ended (a phone number's next group follows a space).
        var chainEnd = -2

        init(text: [UInt16], tokens: [TextToken], span: Range<Int>, spanTokens: Range<Int>) {
            self.text = text
            self.tokens = tokens
            self.span = span
            self.spanTokens = spanTokens
            token = spanTokens.lowerBound
            floor = span.lowerBound
        }

        var limit: Int { span.upperBound }
        func unit(_ i: Int) -> UInt16? { i >= span.lowerBound && i < span.upperBound ? text[i] : nil }

        /// The end of the run of attached tokens (no space between them: „G7-Gipfel/2025“,
        /// „030/123“) from the step's token on, within the span.
        func runEnd() -> Int {
            var j = token
            while j + 1 < spanTokens.upperBound, tokens[j].joiners.contains(.attachedAfter) { j += 1 }
            return tokens[j].end
        }

        /// Digits from `i`: (value, count, end).
        func digits(_ i: Int) -> (value: Double, count: Int, end: Int) {
            var j = i
            var value = 0.0
            while j < limit, isDigitUnit(text[j]) {
                value = value * 10 + Double(text[j] - 0x30)
                j += 1
            }
            return (value, j - i, j)
        }

        /// A four-digit year 1000–2199 at `i`, standing alone.
        func year(_ i: Int) -> (year: Int, end: Int)? {
            let d = digits(i)
            guard d.count == 4, (1000...2199).contains(Int(d.value)) else { return nil }
            if let next = unit(d.end), isWordUnit(next) { return nil }
            if let next = unit(d.end), next == 0x2E || next == 0x2C || next == 0x3A || next == 0x2F || next == 0x2D,
               let after = unit(d.end + 1), isDigitUnit(after) { return nil }
            return (Int(d.value), d.end)
        }

        /// Just after the one inline space at `i`; nil when there is none.
        func afterSpace(_ i: Int) -> Int? {
            guard let u = unit(i), isInlineSpace(u), i + 1 < limit else { return nil }
            return i + 1
        }
    }

    private enum Step {
        case measure(Measure)
        case skip(to: Int, chain: Bool)
    }

    private struct Literal {
        var start: Int
        var end: Int
        /// All digits as one integer; the value is mantissa / 10^fractionDigits.
        var mantissa: Double
        var fractionDigits: Int
        var integerDigits: Int
        var grouped: Bool
        var leadingZero: Bool

        var isInteger: Bool { fractionDigits == 0 }
    }

    private func readLiteral(_ scan: Scan, at start: Int) -> Literal {
        let first = scan.digits(start)
        var literal = Literal(start: start, end: first.end, mantissa: first.value, fractionDigits: 0,
                              integerDigits: first.count, grouped: false,
                              leadingZero: first.count > 1 && scan.text[start] == 0x30)
        if first.count <= 3 && !literal.leadingZero {
            while let separator = scan.unit(literal.end), groupingSeparators.contains(separator) {
                let group = scan.digits(literal.end + 1)
                guard group.count == 3 else { break }
                literal.mantissa = literal.mantissa * 1000 + group.value
                literal.integerDigits += 3
                literal.end = group.end
                literal.grouped = true
            }
        }
        if scan.unit(literal.end) == decimalSeparator, let next = scan.unit(literal.end + 1), isDigitUnit(next) {
            let fraction = scan.digits(literal.end + 1)
            literal.mantissa = literal.mantissa * pow10(fraction.count) + fraction.value
            literal.fractionDigits = fraction.count
            literal.end = fraction.end
        }
        return literal
    }

    private func step(_ scan: inout Scan, at start: Int) -> Step {
        let text = scan.text
        // Digits inside a word or an ID: „G7“, „A4“, „Covid-19“, „F-35“; „+49 30 …“ (phone).
        if let previous = scan.unit(start - 1) {
            if isWordUnit(previous) { return .skip(to: scan.runEnd(), chain: false) }
            // „+49 30 …“ is a phone number; „+3 Prozent“ is not (the plus stays outside the measure).
            if previous == 0x2B {
                let d = scan.digits(start)
                if let space = scan.unit(d.end), isInlineSpace(space), let next = scan.unit(d.end + 1), isDigitUnit(next) {
                    return .skip(to: scan.runEnd(), chain: true)
                }
            }
            if [0x2D, 0x2F, 0x2E, 0x2C, 0x3A, 0x5F, 0x23].contains(previous),
               let before = scan.unit(start - 2), isWordUnit(before) {
                return .skip(to: scan.runEnd(), chain: false)
            }
            if isInlineSpace(previous), start - 1 == scan.chainEnd { return .skip(to: scan.runEnd(), chain: true) }
        }

        // A range that cuts a token („20|27“) has no measure there.
        if start == scan.span.lowerBound, start > 0, isWordUnit(text[start - 1]) { return .skip(to: scan.runEnd(), chain: false) }

        if let date = numericDate(scan, at: start) { return .measure(date) }

        let literal = readLiteral(scan, at: start)
        var end = literal.end
        if end == scan.limit, end < text.count, isWordUnit(text[end]) { return .skip(to: end, chain: false) }
        if literal.leadingZero || (!literal.grouped && literal.integerDigits > 9) {
            return .skip(to: scan.runEnd(), chain: true)
        }
        if let next = scan.unit(end) {
            // Digit groups joined otherwise: times, scores, versions, ranges, ISBNs.
            if [0x2E, 0x2C, 0x3A, 0x2F, 0x2D].contains(next), let after = scan.unit(end + 1), isDigitUnit(after) {
                let tokenEnd = scan.runEnd()
                if let space = scan.afterSpace(tokenEnd), let time = units.match(text, at: space, limit: scan.limit), time.payload == .time {
                    return .skip(to: time.end, chain: false)
                }
                return .skip(to: tokenEnd, chain: true)
            }
            // „58-Jährige“, „35-Stunden-Woche“: part of a word.
            if next == 0x2D, let after = scan.unit(end + 1), isLetterUnit(after) {
                return .skip(to: scan.runEnd(), chain: false)
            }
        }

        if let date = dayMonth(scan, literal) { return .measure(date) }
        if let date = monthBefore(scan, literal) { return .measure(date) }
        // „die 3. Liga“, „zum 2. Mal“: an ordinal, not a count („2025. Dann“ stays a year).
        if ordinalDot, literal.isInteger, !literal.grouped, literal.integerDigits <= 3, scan.unit(end) == 0x2E,
           let wordStart = scan.afterSpace(end + 1), let next = scan.unit(wordStart), isLetterUnit(next) {
            return .skip(to: end + 1, chain: false)
        }

        // Before the number: a currency symbol or code („€5“, „CHF 20“), then a sign („-3“, „minus 3“).
        var first = start
        var currency: String?
        let prefixEnd = scan.unit(first - 1).map(isInlineSpace) == true ? first - 1 : first
        if let symbol = currencies.match(text, endingAt: prefixEnd, floor: scan.floor, where: \.prefix) {
            currency = symbol.payload.code
            first = symbol.start
        }
        var negative = false
        if let sign = scan.unit(first - 1), sign == 0x2D || sign == 0x2212,
           scan.unit(first - 2).map({ isSpaceUnit($0) || $0 == 0x28 }) ?? true, first - 1 >= scan.floor {
            negative = true
            first -= 1
        } else if let space = scan.unit(first - 1), isInlineSpace(space),
                  let word = units.match(text, endingAt: first - 1, floor: scan.floor, where: { $0 == .minus }) {
            negative = true
            first = word.start
        }

        // After the number: scale, then percent or currency.
        func word<P>(_ table: WordTable<P>, from i: Int) -> (payload: P, end: Int)? {
            if let u = scan.unit(i), !isWordUnit(u), !isSpaceUnit(u), let direct = table.match(text, at: i, limit: scan.limit) {
                return direct  // „40%“, „5€“
            }
            guard let spaced = scan.afterSpace(i) else { return nil }
            return table.match(text, at: spaced, limit: scan.limit)
        }
        var factor = 1.0
        var scaleWord = false
        if let scale = word(scales, from: end) {
            factor = scale.payload
            scaleWord = true
            end = scale.end
        }
        var kind: Measure.Kind = .number
        var percentSign = false
        var points = false
        if let unit = word(units, from: end) {
            switch unit.payload {
            case .percent: kind = .percent
            case .percentSign: kind = .percent; percentSign = true
            case .points: kind = .percent; points = true
            case .time: return .skip(to: unit.end, chain: false)
            case .minus: break
            }
            if kind == .percent { end = unit.end }
        }
        if kind == .number, let money = word(currencies, from: end) {
            kind = .currency
            currency = money.payload.code
            end = money.end
        } else if kind == .number, currency != nil {
            kind = .currency
        } else if kind != .currency, currency != nil {
            // A symbol before a percentage belongs to something else; so does a sign before it.
            currency = nil
            negative = false
            first = start
        }
        // „3D“, „10er“; „£300m“, „€45bn“ (a symbol before: the letters may be a scale it does not know).
        if kind == .number || end == literal.end, let next = scan.unit(end), isLetterUnit(next) {
            return .skip(to: scan.runEnd(), chain: false)
        }
        if scan.unit(end) == 0x2D, let next = scan.unit(end + 1), isLetterUnit(next) {
            return .skip(to: scan.runEnd(), chain: false)  // „5 €-Münzen“: part of a compound
        }

        var value = literal.mantissa * factor / pow10(literal.fractionDigits)
        if negative { value = -value }
        // From 2^53 on a Double no longer holds every digit („999.999.999.999.999.999“ would be
        // 1e18): the measure is marked, but without a value no rendering changes the number.
        let exact = literal.mantissa < 9_007_199_254_740_992
        if kind == .number, !scaleWord, !negative, !literal.grouped, literal.isInteger, literal.integerDigits == 4,
           (1000...2199).contains(Int(literal.mantissa)) {
            kind = .year
        }
        return .measure(Measure(range: first..<end, kind: kind, value: exact ? value : nil, currency: currency,
                                scaleWord: scaleWord, percentSign: percentSign, percentagePoints: points,
                                fractionDigits: literal.fractionDigits))
    }

    // MARK: dates

    /// A date in the source's digits, in the order and with the sign of ICU's pattern
    /// („23.12.2025“ in German, „12/23/2025“ in English, „23/12/2025“ in French), and ISO „2025-12-23“.
    private func numericDate(_ scan: Scan, at start: Int) -> Measure? {
        let a = scan.digits(start)
        guard let sep = scan.unit(a.end), sep == numericDateSeparator || sep == 0x2D else { return nil }
        let b = scan.digits(a.end + 1)
        guard b.count > 0, scan.unit(b.end) == sep else { return nil }
        let c = scan.digits(b.end + 1)
        if let next = scan.unit(c.end), isWordUnit(next) { return nil }
        if let next = scan.unit(c.end), [0x2E, 0x2D, 0x2C, 0x3A, 0x2F].contains(next),
           let after = scan.unit(c.end + 1), isDigitUnit(after) { return nil }
        var fields: [Character: Int] = [:]
        if sep == 0x2D {
            guard a.count == 4, b.count == 2, c.count == 2 else { return nil }
            fields = ["y": Int(a.value), "M": Int(b.value), "d": Int(c.value)]
        } else {
            for (field, part) in zip(numericDateOrder, [a, b, c]) {
                guard field == "y" ? part.count == 4 : (1...2).contains(part.count) else { return nil }
                fields[field] = Int(part.value)
            }
        }
        guard let year = fields["y"], let month = fields["M"], let day = fields["d"],
              isValid(year: year, month: month, day: day) else { return nil }
        return Measure(range: start..<c.end, kind: .date, date: DateParts(year: year, month: month, day: day, numeric: true))
    }

    /// „3. Oktober“, „3. Oktober 2025“, „23 décembre 2025“, „3rd October“.
    private func dayMonth(_ scan: Scan, _ literal: Literal) -> Measure? {
        guard literal.isInteger, !literal.grouped, literal.integerDigits <= 2, (1...31).contains(Int(literal.mantissa)) else { return nil }
        var i = literal.end
        if scan.unit(i) == 0x2E {
            i += 1
        } else if let suffix = daySuffixes.match(scan.text, at: i, limit: scan.limit) {
            i = suffix.end
        }
        guard let monthStart = scan.afterSpace(i), let month = months.match(scan.text, at: monthStart, limit: scan.limit) else { return nil }
        var end = month.end
        var year: Int?
        if let yearStart = scan.afterSpace(end), let found = scan.year(yearStart) {
            year = found.year
            end = found.end
        }
        let day = Int(literal.mantissa)
        guard isValid(year: year ?? 2000, month: month.payload, day: day) else { return nil }
        return Measure(range: literal.start..<end, kind: .date, date: DateParts(year: year, month: month.payload, day: day))
    }

    /// „Dezember 2025“ (month and year), and where the month comes first „December 23, 2025“.
    private func monthBefore(_ scan: Scan, _ literal: Literal) -> Measure? {
        guard literal.isInteger, !literal.grouped, let space = scan.unit(literal.start - 1), isInlineSpace(space),
              let month = months.match(scan.text, endingAt: literal.start - 1, floor: scan.floor) else { return nil }
        if literal.integerDigits == 4, let year = scan.year(literal.start) {
            return Measure(range: month.start..<year.end, kind: .date, date: DateParts(year: year.year, month: month.payload, day: nil))
        }
        guard monthFirst, literal.integerDigits <= 2, (1...31).contains(Int(literal.mantissa)) else { return nil }
        let day = Int(literal.mantissa)
        var end = literal.end
        if let suffix = daySuffixes.match(scan.text, at: end, limit: scan.limit) { end = suffix.end }
        if let next = scan.unit(end), isWordUnit(next) { return nil }
        var year: Int?
        let comma = scan.unit(end) == 0x2C ? end + 1 : end
        if let yearStart = scan.afterSpace(comma), let found = scan.year(yearStart) {
            year = found.year
            end = found.end
        }
        guard isValid(year: year ?? 2000, month: month.payload, day: day) else { return nil }
        return Measure(range: month.start..<end, kind: .date, date: DateParts(year: year, month: month.payload, day: day))
    }

    private func isValid(year: Int, month: Int, day: Int) -> Bool {
        guard (1...12).contains(month), day >= 1 else { return false }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= lengths[month - 1]
    }
}

@inline(__always) private func pow10(_ exponent: Int) -> Double {
    var result = 1.0
    for _ in 0..<exponent { result *= 10 }
    return result
}
