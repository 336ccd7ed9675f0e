import XCTest
import KernsatzICU

final class NumberFormatTests: XCTestCase {
    private func format(_ value: Double, _ skeleton: String, _ locale: String) throws -> String {
        try NumberFormat(skeleton: skeleton, locale: locale).format(value)
    }

    func testBadSkeleton_throwsWithSkeletonInMessage() {
        XCTAssertThrowsError(try NumberFormat(skeleton: "no-such-stem", locale: "en")) { error in
            let error = error as? ICUError
            XCTAssertEqual(error?.kind, .failure("U_NUMBER_SKELETON_SYNTAX_ERROR"))
            XCTAssertTrue(error?.description.contains("'no-such-stem'") ?? false)
        }
    }

    func testEmptySkeleton_groupsByLocale() throws {
        XCTAssertEqual(try format(2500, "", "en"), "2,500")
        XCTAssertEqual(try format(2500, "", "de"), "2.500")
        XCTAssertEqual(try format(2500, "", "fr"), "2\u{202F}500")
        XCTAssertEqual(try format(12.5, "", "en"), "12.5")
        XCTAssertEqual(try format(12.5, "", "de"), "12,5")
    }

    func testGroupOff_yearStaysPlain() throws {
        XCTAssertEqual(try format(2027, "group-off", "en"), "2027")
    }

    func testCompactLong_millionsAndBillions() throws {
        XCTAssertEqual(try format(1_100_000, "compact-long", "en"), "1.1 million")
        XCTAssertEqual(try format(2_500_000_000, "compact-long", "en"), "2.5 billion")
        XCTAssertEqual(try format(1_100_000, "compact-long", "de"), "1,1 Millionen")
    }

    func testCompactLong_roundsToTwoDigits_unlessPrecisionUnlimited() throws {
        XCTAssertEqual(try format(1_250_000, "compact-long", "en"), "1.2 million")
        XCTAssertEqual(try format(1_250_000, "compact-long precision-unlimited", "en"), "1.25 million")
    }

    func testPercent_isNotScaled() throws {
        XCTAssertEqual(try format(40, "percent", "en"), "40%")
        XCTAssertEqual(try format(40, "percent", "de"), "40\u{00A0}%")
    }

    func testPercentUnitFullName_spellsPercent() throws {
        XCTAssertEqual(try format(40, "measure-unit/concentr-percent unit-width-full-name", "en"), "40 percent")
        XCTAssertEqual(try format(-3, "measure-unit/concentr-percent unit-width-full-name", "en"), "-3 percent")
        XCTAssertEqual(try format(40, "measure-unit/concentr-percent unit-width-full-name", "fr"), "40 pour cent")
    }

    func testCurrency_symbolsAndWholeAmounts() throws {
        XCTAssertEqual(try format(100_000, "currency/EUR", "en"), "€100,000.00")
        XCTAssertEqual(try format(100_000, "currency/USD precision-currency-standard/w", "en"), "$100,000")
        XCTAssertEqual(try format(1_200, "currency/USD precision-currency-standard/w", "en-GB"), "US$1,200")
        XCTAssertEqual(try format(1.5, "currency/USD precision-currency-standard/w", "en"), "$1.50")
        XCTAssertEqual(try format(100_000, "currency/EUR precision-currency-standard/w", "de"), "100.000\u{00A0}€")
    }

    func testCurrencyFullNameCompact_spellsScaleAndCurrency() throws {
        XCTAssertEqual(try format(2_500_000_000, "currency/EUR unit-width-full-name compact-long", "en"), "2.5 billion euros")
    }

    func testLocaleSeparators_fromICU() {
        XCTAssertEqual(LocaleData.decimalSeparator(locale: "de"), ",")
        XCTAssertEqual(LocaleData.groupingSeparator(locale: "de"), ".")
        XCTAssertEqual(LocaleData.decimalSeparator(locale: "en"), ".")
        XCTAssertEqual(LocaleData.groupingSeparator(locale: "en"), ",")
    }
}

final class DateFormatTests: XCTestCase {
    private func format(_ skeleton: String, _ locale: String, _ y: Int, _ m: Int, _ d: Int) throws -> String {
        try DateFormat(skeleton: skeleton, locale: locale).format(year: y, month: m, day: d)
    }

    func testNonexistentDay_throws() {
        XCTAssertThrowsError(try format("yMd", "en", 2025, 2, 31))
        XCTAssertThrowsError(try format("yMd", "en", 2025, 13, 1))
    }

    func testFirstOfJanuary_isNotShiftedByTimeZone() throws {
        XCTAssertEqual(try format("yMd", "en-US", 2026, 1, 1), "1/1/2026")
    }

    func testNumericDate_followsLocaleOrder() throws {
        XCTAssertEqual(try format("yMd", "en", 2025, 12, 23), "12/23/2025")
        XCTAssertEqual(try format("yMd", "en-US", 2025, 12, 23), "12/23/2025")
        XCTAssertEqual(try format("yMd", "en-GB", 2025, 12, 23), "23/12/2025")
        XCTAssertEqual(try format("yMd", "de", 2025, 12, 23), "23.12.2025")
    }

    func testLongDate_spellsMonth() throws {
        XCTAssertEqual(try format("yMMMMd", "en", 2025, 12, 23), "December 23, 2025")
        XCTAssertEqual(try format("yMMMMd", "en-GB", 2025, 12, 23), "23 December 2025")
        XCTAssertEqual(try format("yMMMMd", "de", 2025, 12, 23), "23. Dezember 2025")
        XCTAssertEqual(try format("yMMMMd", "fr", 2025, 12, 23), "23 décembre 2025")
    }

    func testPartialDates_dayMonthAndMonthYear() throws {
        XCTAssertEqual(try format("MMMMd", "en", 2000, 10, 3), "October 3")
        XCTAssertEqual(try format("MMMMd", "en-GB", 2000, 10, 3), "3 October")
        XCTAssertEqual(try format("yMMMM", "en", 2025, 12, 1), "December 2025")
    }

    func testLocalesWithAnotherCalendar_stillWriteTheGregorianDay() throws {
        // th defaults to the Buddhist calendar (2568), fa to the Persian (1404), ar-SA to the Islamic (1447).
        XCTAssertEqual(try DateFormat(skeleton: "yMd", locale: "th").format(year: 2025, month: 12, day: 23), "23/12/2025")
        XCTAssertTrue(try DateFormat(skeleton: "yMMMMd", locale: "th").format(year: 2025, month: 10, day: 3).hasSuffix("2025"))
        XCTAssertEqual(try DateFormat(skeleton: "yMd", locale: "fa").format(year: 2025, month: 12, day: 23), "۲۰۲۵/۱۲/۲۳")
        XCTAssertFalse(try DateFormat(skeleton: "yMd", locale: "ar_SA").format(year: 2025, month: 12, day: 23).contains("١٤٤٧"))
        XCTAssertEqual(try DateFormat(skeleton: "yMd", locale: "en_US").format(year: 2025, month: 12, day: 23), "12/23/2025")
    }

    func testPattern_isICUsBestPattern() throws {
        XCTAssertEqual(try DateFormat(skeleton: "yMd", locale: "en").pattern, "M/d/y")
    }
}

final class WritingDirectionTests: XCTestCase {
    func testRightToLeftComesFromTheLocalesScript() {
        XCTAssertTrue(LocaleData.isRightToLeft("ar"))
        XCTAssertTrue(LocaleData.isRightToLeft("he"))
        XCTAssertTrue(LocaleData.isRightToLeft("fa-IR"))
        XCTAssertFalse(LocaleData.isRightToLeft("en-GB"))
        XCTAssertFalse(LocaleData.isRightToLeft("de"))
        XCTAssertFalse(LocaleData.isRightToLeft("az-Latn"))
        XCTAssertFalse(LocaleData.isRightToLeft(""))
    }
}
