import KernsatzICU
import XCTest

/// `LocaleData.exemplarCityPairs`: one time zone's city in two languages (the check's place names).
final class ExemplarCityPairsTests: XCTestCase {
    func testPairsNameOneZoneInBothLanguages() throws {
        let pairs = LocaleData.exemplarCityPairs(from: "de", to: "en")
        XCTAssertGreaterThan(pairs.count, 300)
        let english = Dictionary(pairs.map { ($0.0, $0.1) }, uniquingKeysWith: { a, _ in a })
        XCTAssertEqual(english["Moskau"], "Moscow")
        XCTAssertEqual(english["Brüssel"], "Brussels")
        XCTAssertEqual(english["Kiew"], "Kyiv")
        XCTAssertEqual(english["Berlin"], "Berlin")
    }

    func testUnknownLanguageGivesRootNamesNotACrash() {
        // ICU falls back to root names for a language it does not know; nothing is empty or fails.
        let pairs = LocaleData.exemplarCityPairs(from: "de", to: "xx")
        XCTAssertTrue(pairs.allSatisfy { !$0.0.isEmpty && !$0.1.isEmpty })
    }
}
