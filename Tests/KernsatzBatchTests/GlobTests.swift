import KernsatzBatch
import XCTest

final class GlobTests: XCTestCase {
    func testGlob_withoutSlash_matchesTheNameInAnyFolder() {
        XCTAssertTrue(Glob("*.md").matches(name: "a.md", path: "de/x/a.md"))
        XCTAssertFalse(Glob("*.md").matches(name: "a.txt", path: "de/a.md/a.txt"))
        XCTAssertTrue(Glob("drafts").matches(name: "drafts", path: "de/drafts"))
    }

    func testGlob_aTrailingSlash_namesAFolder() {
        XCTAssertTrue(Glob("drafts/").matches(name: "drafts", path: "drafts"), "--exclude drafts/ as a shell completes it")
        XCTAssertTrue(Glob("drafts/").matches(name: "drafts", path: "de/drafts"))
        XCTAssertTrue(Glob("de/drafts/").matches(name: "drafts", path: "de/drafts"))
        XCTAssertFalse(Glob("de/drafts/").matches(name: "drafts", path: "fr/drafts"))
    }

    func testGlob_withSlash_matchesThePathAndStarCrossesFolders() {
        XCTAssertTrue(Glob("de/*.txt").matches(name: "a.txt", path: "de/x/a.txt"))
        XCTAssertFalse(Glob("de/*.txt").matches(name: "a.txt", path: "fr/a.txt"))
        XCTAssertTrue(Glob("**/intern/*").matches(name: "a.txt", path: "intern/a.txt"), "**/ also matches at the top")
        XCTAssertTrue(Glob("./de/a.txt").matches(name: "a.txt", path: "de/a.txt"))
    }

    func testGlob_charactersClassesAndQuestionMark() {
        XCTAssertTrue(Glob("20[0-9][0-9]-?.txt").matches(name: "2025-a.txt", path: "2025-a.txt"))
        XCTAssertFalse(Glob("20[0-9][0-9]-?.txt").matches(name: "20x5-a.txt", path: "20x5-a.txt"))
    }
}
