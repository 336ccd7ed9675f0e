import XCTest
@testable import KernsatzWorksheet

/// `--to`: one target for all, or a target per source language; what gets no worksheet and why.
final class TargetLanguagesTests: XCTestCase {
    func message(_ value: String) -> String {
        do {
            _ = try TargetLanguages(parsing: value)
            return "parsed"
        } catch {
            return error.description
        }
    }

    // MARK: edge cases: values that cannot be read, each with its reason

    func testParse_badValues_sayWhatIsWrongAndHowToWriteIt() {
        XCTAssertEqual(message("de:"), "--to 'de:': 'de:' has no target language after the colon; write it as de:en")
        XCTAssertEqual(message(":en"), "--to ':en': ':en' has no source language before the colon; write it as de:en")
        XCTAssertEqual(message(""), "--to '': give a target language (--to en) or pairs of source:target (--to de:en,en:de)")
        XCTAssertEqual(message("de:en,,fr:en"), "--to 'de:en,,fr:en': an empty item between commas; write pairs as de:en,fr:en")
        XCTAssertEqual(message("de:en:fr"), "--to 'de:en:fr': 'de:en:fr' has more than one colon; write one pair per item: de:en,en:fr")
        XCTAssertEqual(message("de:en,de:fr"), "--to 'de:en,de:fr': 'de' has two targets ('de:en' and 'de:fr'); keep one")
        XCTAssertEqual(message("de-AT:en,de:fr"), "--to 'de-AT:en,de:fr': 'de' has two targets ('de:en' and 'de:fr'); keep one")
        XCTAssertEqual(message("en,fr"), "--to 'en,fr': two targets for all languages ('en' and 'fr'); keep one, and give the others as source:target pairs (de:en,en:fr)")
        XCTAssertEqual(message("de:de"), "--to 'de:de': 'de:de' translates a language into itself; leave it out (texts whose language is their target get no worksheet anyway)")
        XCTAssertEqual(message("de:e n"), "--to 'de:e n': 'e n' in 'de:e n' is not a language code; use codes such as en, en-GB, fr or de")
        XCTAssertEqual(message("english"), "--to 'english': 'english' is not a language code; use codes such as en, en-GB, fr or de")
        XCTAssertEqual(message("de:en-"), "--to 'de:en-': 'en-' in 'de:en-' is not a language code; use codes such as en, en-GB, fr or de")
    }

    func testParse_spacesAroundItems_areAllowed() throws {
        XCTAssertEqual(try TargetLanguages(parsing: " de : en , fr:en ").description, "de:en,fr:en")
    }

    // MARK: lookups

    func testPlain_everyLanguageToIt_butItself() throws {
        let targets = try TargetLanguages(parsing: "en")
        XCTAssertEqual(targets, TargetLanguages(all: "en"))
        XCTAssertEqual(targets.target(for: "de"), "en")
        XCTAssertEqual(targets.target(for: "fr-CH"), "en")
        XCTAssertNil(targets.target(for: "en"))
        XCTAssertNil(targets.target(for: "en-US"), "same primary language: no en-US → en sheet")
        XCTAssertEqual(targets.single, "en")
        XCTAssertEqual(targets.skipReason(for: "en"),
                       "the text is in 'en', the target language of --to en; give 'en' texts another one (e.g. --to en:de,en)")
        XCTAssertNil(targets.skipReason(for: "de"))
    }

    func testPairs_byPrimarySubtag_targetsAsGiven() throws {
        let targets = try TargetLanguages(parsing: "de:en-GB,en:de,fr:en")
        XCTAssertEqual(targets.target(for: "de-AT"), "en-GB")
        XCTAssertEqual(targets.target(for: "EN"), "de")
        XCTAssertEqual(targets.target(for: "fr"), "en")
        XCTAssertNil(targets.target(for: "it"))
        XCTAssertNil(targets.single)
        XCTAssertEqual(targets.targets, ["en-GB", "de", "en"])
        XCTAssertEqual(targets.skipReason(for: "it"),
                       "no target language for 'it' texts in --to de:en-GB,en:de,fr:en; add one (e.g. --to de:en-GB,en:de,fr:en,it:en)")
    }

    func testPairsAndAPlainLanguage_thePlainOneServesTheRest() throws {
        let targets = try TargetLanguages(parsing: "en:de,en")
        XCTAssertEqual(targets.target(for: "en"), "de")
        XCTAssertEqual(targets.target(for: "nl"), "en")
        XCTAssertEqual(targets.targets, ["de", "en"])
        XCTAssertEqual(targets.description, "en:de,en")
    }
}
