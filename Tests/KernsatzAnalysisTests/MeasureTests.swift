import Foundation
import XCTest
@testable import KernsatzAnalysis
import Kernsatz
import KernsatzText

/// What a finder found, as the source wrote it.
private struct Found: Equatable, CustomStringConvertible {
    var text: String
    var kind: Measure.Kind
    var value: Double?
    var description: String { "\(kind)(\(text)\(value.map { " = \($0)" } ?? ""))" }
}

final class MeasureFinderTests: XCTestCase {
    private static let german = try! MeasureFinder(language: "de")

    private func find(_ text: String, _ finder: MeasureFinder = german) -> [Found] {
        let units = Array(text.utf16)
        return finder.measures(in: units).map {
            Found(text: String(decoding: units[$0.range], as: UTF16.self), kind: $0.kind, value: $0.value)
        }
    }

    private func one(_ text: String, _ finder: MeasureFinder = german, file: StaticString = #filePath, line: UInt = #line) throws -> Measure {
        let found = finder.measures(in: Array(text.utf16))
        XCTAssertEqual(found.count, 1, "\(text): \(found)", file: file, line: line)
        return try XCTUnwrap(found.first, file: file, line: line)
    }

    // MARK: edge cases

    func testEmptyText_findsNothing() {
        XCTAssertEqual(find(""), [])
        XCTAssertEqual(find("Keine Zahl hier."), [])
    }

    func testDigitsInWordsAndIDs_areNotMeasures() {
        XCTAssertEqual(find("Die G7, die F-35, Covid-19, ein A4-Blatt und 3D-Druck."), [])
        XCTAssertEqual(find("Die G20-Staaten und der Airbus A320."), [])
    }

    func testAgeCompound_isSkipped() {
        // „der 58-Jährige“: the number is part of a word a translator rewrites as a whole.
        XCTAssertEqual(find("sagte der 58-Jährige."), [])
        XCTAssertEqual(find("die 35-Stunden-Woche"), [])
    }

    func testClockTime_isSkipped_notADecimal() {
        XCTAssertEqual(find("Um 14.30 Uhr begann die Sitzung."), [])
        XCTAssertEqual(find("Um 14:30 Uhr und um 9 Uhr."), [])
    }

    func testHugeGroupedNumber_doesNotOverflow() {
        XCTAssertEqual(find("1.000.000.000.000.000.000.000 Euro").map(\.kind), [.currency])
    }

    func testPhoneNumbersAndISBNs_areSkipped() {
        XCTAssertEqual(find("Tel. 030 12345678 oder +49 30 1234567"), [])
        XCTAssertEqual(find("ISBN 978-3-16-148410-0"), [])
        XCTAssertEqual(find("Vorgang 1234567890"), [])
    }

    func testSentenceFinalYear_isAYear_notADate() {
        XCTAssertEqual(find("Das war 2025."), [Found(text: "2025", kind: .year, value: 2025)])
    }

    func testYearVsNumber_fourDigitsAloneAreAYear_groupedOrWithUnitAreNot() {
        XCTAssertEqual(find("2027"), [Found(text: "2027", kind: .year, value: 2027)])
        XCTAssertEqual(find("2.500"), [Found(text: "2.500", kind: .number, value: 2500)])
        XCTAssertEqual(find("2500 Menschen"), [Found(text: "2500", kind: .number, value: 2500)])  // past 2199
        XCTAssertEqual(find("2027 Euro"), [Found(text: "2027 Euro", kind: .currency, value: 2027)])
        XCTAssertEqual(find("999 und 2200"), [Found(text: "999", kind: .number, value: 999), Found(text: "2200", kind: .number, value: 2200)])
    }

    func testGermanOrdinals_areNotCounts() {
        XCTAssertEqual(find("Die 3. Liga spielt zum 2. Mal."), [])
        XCTAssertEqual(find("vom 1. bis 3. Oktober"), [Found(text: "3. Oktober", kind: .date, value: nil)])
        XCTAssertEqual(find("Er belegte Platz 3."), [Found(text: "3", kind: .number, value: 3)])
    }

    func testPlusSign_beforePercentIsNotAPhoneNumber() {
        XCTAssertEqual(find("ein Plus von +3 Prozent"), [Found(text: "3 Prozent", kind: .percent, value: 3)])
    }

    func testDecadesAndMultipliers_attachedLetters_areSkipped() {
        XCTAssertEqual(find("die 1990er Jahre, 3,5-fach, ein 5:3-Sieg"), [])
    }

    func testAmountInsideCompound_isSkipped() {
        XCTAssertEqual(find("5 €-Münzen und 5-Euro-Scheine"), [])
    }

    func testImpossibleDate_isNotADate() {
        XCTAssertEqual(find("am 31.02.2025").map(\.kind), [])
        XCTAssertEqual(find("am 31. Februar").map(\.kind), [])  // an ordinal, but no day
    }

    func testSkippedID_endsWithItsRunOfAttachedTokens() {
        // „G7/8“ and „Covid-19-Fälle:“ are skipped up to the next space; the amount after is found.
        XCTAssertEqual(find("Die G7/8-Runde und Covid-19-Fälle: 40 Prozent mehr, 5 Euro."),
                       [Found(text: "40 Prozent", kind: .percent, value: 40), Found(text: "5 Euro", kind: .currency, value: 5)])
        XCTAssertEqual(find("030/123 456 und 7 Euro"), [Found(text: "7 Euro", kind: .currency, value: 7)],
                       "a phone number's groups after the run are skipped as a chain")
    }

    func testDigitsAfterAnApostropheInsideAWord_areRead() throws {
        // „l'11“ is one word of the token stream; its digits after the elision start a date.
        let italian = try MeasureFinder(language: "it")
        XCTAssertEqual(find("Dall'11 settembre 2001 in poi.", italian), [Found(text: "11 settembre 2001", kind: .date, value: nil)])
    }

    func testDocumentStream_findsWhatTheFinderFindsAlone() throws {
        // The pipeline passes the document's one token stream; the result is the same as the
        // convenience that tokenizes the text itself over the same spans.
        let text = "Brüssel – Die NATO gibt 2,5 Milliarden Euro aus, 40 Prozent mehr als am 3. Oktober 2025. Um 14.30 Uhr kam die G7."
        let analysis = try Pipeline().analyze(text)
        var spans = analysis.sentences.map(\.range)
        if let dateline = analysis.datelineSegment { spans.append(dateline) }
        let alone = Self.german.measures(in: analysis.text.units, ranges: spans.sorted { $0.lowerBound < $1.lowerBound })
        XCTAssertEqual(analysis.measures, alone)
        XCTAssertEqual(analysis.measures.map(\.kind), [.currency, .percent, .date])
        XCTAssertEqual(Self.german.measures(in: analysis.text.units, tokens: TokenStream(), spans: spans), [],
                       "no tokens, no measures: the finder reads the stream, not the characters")
    }

    func testRanges_limitTheScan() {
        let text = Array("2027 und 40 Prozent".utf16)
        let found = Self.german.measures(in: text, ranges: [9..<19])
        XCTAssertEqual(found.map(\.range), [9..<19])
        XCTAssertEqual(Self.german.measures(in: text, ranges: [0..<2]), [], "a range cutting „2027“ finds no „20“")
    }

    func testUnknownLanguage_findsPlainNumbersAndYears() throws {
        let finder = try MeasureFinder(language: "nl")
        XCTAssertEqual(find("In 2025 waren er 1.500 mensen, 40 procent.", finder),
                       [Found(text: "2025", kind: .year, value: 2025), Found(text: "1.500", kind: .number, value: 1500),
                        Found(text: "40", kind: .number, value: 40)])
    }

    func testSignsAndCurrencyCodes_areKnownInEveryLanguage() throws {
        let dutch = try MeasureFinder(language: "nl")
        XCTAssertEqual(find("Er waren 22 % meer, voor € 5.", dutch).map(\.kind), [.percent, .currency])
        let spanish = try MeasureFinder(language: "es")
        XCTAssertEqual(try one("cuesta 300 USD", spanish).currency, "USD")
    }

    func testScaleAbbreviationsWithoutTheDot() {
        XCTAssertEqual(find("1,1 Mio Euro").first?.value, 1_100_000)
        XCTAssertEqual(find("3 Mrd Dollar").first?.value, 3_000_000_000)
    }

    // MARK: numbers, scales, percent, money

    func testGermanSeparators_commaDecimalDotGrouping() {
        XCTAssertEqual(find("12,5"), [Found(text: "12,5", kind: .number, value: 12.5)])
        XCTAssertEqual(find("1.234.567,89"), [Found(text: "1.234.567,89", kind: .number, value: 1_234_567.89)])
    }

    func testEnglishSeparators_dotDecimalCommaGrouping() throws {
        let finder = try MeasureFinder(language: "en")
        XCTAssertEqual(find("12.5 and 2,500", finder), [Found(text: "12.5", kind: .number, value: 12.5),
                                                       Found(text: "2,500", kind: .number, value: 2500)])
    }

    func testScaleWords_andAbbreviations() {
        XCTAssertEqual(find("1,1 Millionen Menschen"), [Found(text: "1,1 Millionen", kind: .number, value: 1_100_000)])
        XCTAssertEqual(find("1,1 Mio., 3 Mrd. und 5 Tsd."), [Found(text: "1,1 Mio.", kind: .number, value: 1_100_000),
                                                            Found(text: "3 Mrd.", kind: .number, value: 3_000_000_000),
                                                            Found(text: "5 Tsd.", kind: .number, value: 5000)])
    }

    func testPercent_wordSignAndPoints() throws {
        let word = try one("40 Prozent")
        XCTAssertEqual([word.kind, word.value, word.percentSign] as [AnyHashable?], [Measure.Kind.percent, 40.0, false])
        XCTAssertTrue(try one("40 %").percentSign)
        XCTAssertTrue(try one("40%").percentSign)
        let points = try one("um 3 Prozentpunkte")
        XCTAssertEqual(points.kind, .percent)
        XCTAssertTrue(points.percentagePoints)
    }

    func testNegativePercent_signAndWord() {
        XCTAssertEqual(find("minus 3 Prozent"), [Found(text: "minus 3 Prozent", kind: .percent, value: -3)])
        XCTAssertEqual(find("-3 %"), [Found(text: "-3 %", kind: .percent, value: -3)])
    }

    func testCurrencies_wordsSymbolsAndScale() throws {
        let amount = try one("2,5 Milliarden Euro")
        XCTAssertEqual(amount.range, 0..<19)
        XCTAssertEqual([amount.value, amount.currency, amount.scaleWord] as [AnyHashable?], [2_500_000_000.0, "EUR", true])
        XCTAssertEqual(try one("100.000 Dollar").currency, "USD")
        XCTAssertEqual(try one("1.200 US-Dollar").currency, "USD")
        XCTAssertEqual(try one("20 Schweizer Franken").currency, "CHF")
        XCTAssertEqual(try one("5 Millionen Pfund").currency, "GBP")
        XCTAssertEqual(try one("€5").currency, "EUR")
        XCTAssertEqual(try one("30 €").currency, "EUR")
    }

    // MARK: dates

    func testDates_numericNamedAndPartial() throws {
        XCTAssertEqual(try one("23.12.2025").date, DateParts(year: 2025, month: 12, day: 23, numeric: true))
        XCTAssertEqual(try one("am 23. Dezember 2025").date, DateParts(year: 2025, month: 12, day: 23))
        XCTAssertEqual(try one("am 3. Oktober").date, DateParts(year: nil, month: 10, day: 3))
        XCTAssertEqual(try one("im Dezember 2025").date, DateParts(year: 2025, month: 12, day: nil))
        XCTAssertEqual(try one("am 1. Dez.").date, DateParts(year: nil, month: 12, day: 1))
        XCTAssertEqual(try one("2025-12-23").date, DateParts(year: 2025, month: 12, day: 23, numeric: true))
        XCTAssertEqual(find("am 3. Oktober 2025 kamen"), [Found(text: "3. Oktober 2025", kind: .date, value: nil)])
    }

    func testMoneyWithASymbolBeforeAndLettersJoinedAfter_isSkipped() throws {
        // „£300m“ is 300 million pounds: marking „£300“ would render "300 £", another amount.
        let finder = try MeasureFinder(language: "en")
        XCTAssertEqual(find("It cost £300m and €45bn.", finder), [])
        XCTAssertEqual(find("Es kostet €5Mio. mehr."), [])
        XCTAssertEqual(find("It cost £300 and €45.", finder).map(\.text), ["£300", "€45"])
        XCTAssertEqual(find("It cost $1.2 billion.", finder).map(\.value), [1_200_000_000])
    }

    func testEnglishDates_monthFirst() throws {
        let finder = try MeasureFinder(language: "en")
        XCTAssertEqual(try one("on December 23, 2025", finder).date, DateParts(year: 2025, month: 12, day: 23))
        XCTAssertEqual(find("on December 23, 2025.", finder), [Found(text: "December 23, 2025", kind: .date, value: nil)])
        XCTAssertEqual(try one("on 3rd October", finder).date, DateParts(year: nil, month: 10, day: 3))
        XCTAssertEqual(try one("on 12/23/2025", finder).date, DateParts(year: 2025, month: 12, day: 23, numeric: true))
        XCTAssertEqual(find("on 23/12/2025", finder), [], "no 23rd month: skipped, not a fraction")
    }

    func testFrenchDates_andSpacesAsGrouping() throws {
        let finder = try MeasureFinder(language: "fr")
        XCTAssertEqual(try one("le 1er janvier 2026", finder).date, DateParts(year: 2026, month: 1, day: 1))
        XCTAssertEqual(try one("le 23/12/2025", finder).date, DateParts(year: 2025, month: 12, day: 23, numeric: true))
        XCTAssertEqual(find("3 000 personnes et 40 pour cent", finder),
                       [Found(text: "3 000", kind: .number, value: 3000), Found(text: "40 pour cent", kind: .percent, value: 40)])
    }

    // MARK: the sample

    func testSample_natoRutte_findsYearsPercentAndMillions() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Samples/de/nato-rutte-2025-12-23.txt")
        let text = try String(contentsOf: url, encoding: .utf8)
        XCTAssertEqual(find(text), [
            Found(text: "2025-12-23", kind: .date, value: nil),  // the header line „date 2025-12-23“
            Found(text: "2027", kind: .year, value: 2027),
            Found(text: "2029", kind: .year, value: 2029),
            Found(text: "2031", kind: .year, value: 2031),
            Found(text: "40 Prozent", kind: .percent, value: 40),
            Found(text: "1,1 Millionen", kind: .number, value: 1_100_000),
            // „der 58-Jährige“ is skipped: a number inside a word.
        ])
    }

    // MARK: data

    func testListLine_withoutTab_namesFileAndLine() {
        XCTAssertThrowsError(try MeasureLists.pairs(parsing: "# header\nMillionen\t1e6\nMilliarden 1e9\n", file: "measures/scales.de.txt")) { error in
            XCTAssertEqual((error as? AnalysisError)?.description,
                           "measures/scales.de.txt:3: an entry is not 'word<TAB>value': Milliarden 1e9")
        }
    }

    func testShipped_everyResourceFileIsEmbedded_andParses() throws {
        let resources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/KernsatzAnalysis/Resources/measures")
        let files = try FileManager.default.contentsOfDirectory(at: resources, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "txt" }
        XCTAssertEqual(files.count, MeasureLists.shipped.count)
        for file in files {
            let parts = file.lastPathComponent.split(separator: ".")
            let kind = try XCTUnwrap(MeasureListKind(rawValue: String(parts[0])), file.lastPathComponent)
            let bytes = try XCTUnwrap(MeasureLists.bytes(kind, language: String(parts[1])), "not embedded: \(file.lastPathComponent)")
            XCTAssertEqual(bytes, Array(try Data(contentsOf: file)), file.lastPathComponent)
            let text = String(decoding: bytes, as: UTF8.self)
            XCTAssertTrue(text.hasPrefix("# Kernsatz – "), "\(file.lastPathComponent): a header says what belongs")
            let entries = try MeasureLists.pairs(kind, language: String(parts[1]))
            XCTAssertFalse(entries.isEmpty, file.lastPathComponent)
            XCTAssertEqual(Set(entries.map(\.word)).count, entries.count, "\(file.lastPathComponent) has duplicates")
        }
        for language in ["de", "en", "fr"] { XCTAssertNoThrow(try MeasureFinder(language: language)) }
    }
}

final class MeasureRendererTests: XCTestCase {
    private static let german = try! MeasureFinder(language: "de")

    /// Finds the measures of German text and renders them for `locale`.
    private func render(_ text: String, _ locale: String = "en") throws -> [String?] {
        let renderer = try MeasureRenderer(locale: locale)
        return Self.german.measures(in: Array(text.utf16)).map(renderer.render)
    }

    // MARK: edge cases

    func testNumberWithMoreDigitsThanADoubleHolds_isNotRenderedAsAnotherNumber() throws {
        // 999.999.999.999.999.999 is 1e18 as a Double: rendering it would change the digits.
        XCTAssertEqual(try render("Es sind 999.999.999.999.999.999 Euro."), [nil])
        XCTAssertEqual(try render("Es sind 9.007.199.254.740.993 Menschen."), [nil])
        XCTAssertEqual(try render("Es sind 1.234.567.890.123,4567 Euro."), [nil])
        // Below 2^53 every integer is exact.
        XCTAssertEqual(try render("Es sind 9.007.199.254.740.991 Menschen."), ["9,007,199,254,740,991"])
        XCTAssertEqual(try render("Es sind 123.456.789.012,34 Euro."), ["€123,456,789,012.34"])
    }

    func testUnknownLocale_throwsActionableError() {
        XCTAssertThrowsError(try MeasureRenderer(locale: "")) { error in
            XCTAssertEqual((error as? AnalysisError)?.kind, .unknownLocale(""))
        }
        XCTAssertThrowsError(try MeasureRenderer(locale: "xx-YY")) { error in
            XCTAssertEqual((error as? AnalysisError)?.description,
                           "unknown locale 'xx-YY' for rendering numbers and dates; use a language tag ICU knows, such as en, en-GB, fr, de")
        }
    }

    func testNothingSensible_isNil() throws {
        let renderer = try MeasureRenderer(locale: "en")
        XCTAssertNil(renderer.render(Measure(range: 0..<1, kind: .number)))
        XCTAssertNil(renderer.render(Measure(range: 0..<1, kind: .year, value: 1e300)))
        XCTAssertNil(renderer.render(Measure(range: 0..<1, kind: .number, value: .nan)))
        XCTAssertNil(renderer.render(Measure(range: 0..<1, kind: .currency, value: 5, currency: "euro")))
        XCTAssertNil(renderer.render(Measure(range: 0..<1, kind: .date, date: DateParts(year: 2025, month: 2, day: 30))))
        XCTAssertNil(try MeasureRenderer(locale: "it").render(Measure(range: 0..<1, kind: .percent, value: 3, percentagePoints: true)))
    }

    func testYear_staysUnchanged() throws {
        XCTAssertEqual(try render("2027"), ["2027"])
        XCTAssertEqual(try render("Das war 2025.", "fr"), ["2025"])
    }

    // MARK: the issue's examples

    func testIssueExamples_english() throws {
        XCTAssertEqual(try render("1,1 Millionen"), ["1.1 million"])
        XCTAssertEqual(try render("40 Prozent"), ["40 percent"])
        XCTAssertEqual(try render("40 %"), ["40%"])
        XCTAssertEqual(try render("23.12.2025"), ["12/23/2025"])
        XCTAssertEqual(try render("23.12.2025", "en-US"), ["12/23/2025"])
        XCTAssertEqual(try render("23.12.2025", "en-GB"), ["23/12/2025"])
        XCTAssertEqual(try render("23. Dezember 2025", "en-US"), ["December 23, 2025"])
        XCTAssertEqual(try render("23. Dezember 2025", "en-GB"), ["23 December 2025"])
        XCTAssertEqual(try render("am 3. Oktober"), ["October 3"])
        XCTAssertEqual(try render("2,5 Milliarden Euro"), ["2.5 billion euros"])
        XCTAssertEqual(try render("100.000 Dollar"), ["$100,000"])
        XCTAssertEqual(try render("1.200 US-Dollar", "en-GB"), ["US$1,200"])
        XCTAssertEqual(try render("12,5"), ["12.5"])
        XCTAssertEqual(try render("2.500"), ["2,500"])
        XCTAssertEqual(try render("2027"), ["2027"])
    }

    func testAbbreviatedScales_renderCompactLong() throws {
        XCTAssertEqual(try render("1,1 Mio., 3 Mrd. und 5 Tsd."), ["1.1 million", "3 billion", "5 thousand"])
        XCTAssertEqual(try render("1,25 Millionen"), ["1.25 million"])
    }

    func testNegativeAndPoints() throws {
        XCTAssertEqual(try render("minus 3 Prozent"), ["-3 percent"])
        XCTAssertEqual(try render("-3 %"), ["-3%"])
        XCTAssertEqual(try render("um 3 Prozentpunkte"), ["3 percentage points"])
        XCTAssertEqual(try render("um 1 Prozentpunkt"), ["1 percentage point"])
        XCTAssertEqual(try render("um 0,5 Prozentpunkte", "fr"), ["0,5 points de pourcentage"])
    }

    func testMoney_moreDigitsThanCents_areKeptNotRounded() throws {
        // Fuel prices: „1,799 Euro“ is not €1.80; yen have no minor unit, „2,50 Yen“ is not ¥2.
        XCTAssertEqual(try render("Der Liter kostet 1,799 Euro."), ["€1.799"])
        XCTAssertEqual(try render("Die Aktie kostet 12,3456 Euro."), ["€12.3456"])
        XCTAssertEqual(try render("Es kostet 2,50 Yen."), ["¥2.50"])
        XCTAssertEqual(try render("Es kostet 1,5 Euro."), ["€1.50"])
        XCTAssertEqual(try render("Der Liter kostet 1,799 Euro.", "de"), ["1,799\u{00A0}€"])
    }

    func testMoney_symbolsWithoutZeroCents_centsKept() throws {
        XCTAssertEqual(try render("12,50 Euro"), ["€12.50"])
        XCTAssertEqual(try render("5 Millionen Pfund", "en-GB"), ["5 million British pounds"])
        XCTAssertEqual(try render("20 Schweizer Franken"), ["CHF\u{00A0}20"])
    }

    func testFractionDigits_areKeptAsWritten() throws {
        XCTAssertEqual(try render("1,80 m und 12,50 Prozent"), ["1.80", "12.50 percent"])
        XCTAssertEqual(try render("0,5 %"), ["0.5%"])
    }

    func testFrenchSource_currencyAfterDe() throws {
        let finder = try MeasureFinder(language: "fr")
        let text = Array("2,5 milliards d’euros".utf16)
        let found = finder.measures(in: text)
        XCTAssertEqual(found.map(\.range), [0..<text.count])
        XCTAssertEqual(try found.map(MeasureRenderer(locale: "en").render), ["2.5 billion euros"])
    }

    func testOtherTargets_frenchAndGerman() throws {
        XCTAssertEqual(try render("1,1 Millionen und 40 Prozent", "fr"), ["1,1 million", "40 pour cent"])
        XCTAssertEqual(try render("23. Dezember 2025", "fr"), ["23 décembre 2025"])
        XCTAssertEqual(try render("im Dezember 2025"), ["December 2025"])
        XCTAssertEqual(try render("2.500", "de"), ["2.500"])
    }
}
