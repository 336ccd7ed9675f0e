import XCTest
import KernsatzText

final class LanguageCacheTests: XCTestCase {
    func testValue_beyondTheBound_builtEachTimeAndNotKept() {
        let cache = LanguageCache<Int>()
        var built = 0
        for index in 0..<LanguageCache<Int>.limit {
            _ = cache.value(for: "l\(index)") { _ in built += 1; return index }
        }
        XCTAssertEqual(cache.count, LanguageCache<Int>.limit)
        XCTAssertEqual(cache.value(for: "extra") { _ in built += 1; return -1 }, -1)
        XCTAssertEqual(cache.value(for: "extra") { _ in built += 1; return -2 }, -2)
        XCTAssertEqual(cache.count, LanguageCache<Int>.limit)
        XCTAssertNil(cache.cached("extra"))
        XCTAssertEqual(built, LanguageCache<Int>.limit + 2)
    }

    func testValue_secondAsk_keptValueNotBuiltAgain_sharedByCopies() {
        let cache = LanguageCache<String>()
        XCTAssertEqual(cache.value(for: "de") { "built for \($0)" }, "built for de")
        let copy = cache
        XCTAssertEqual(copy.value(for: "de") { _ in "again" }, "built for de")
        XCTAssertEqual(cache.cached("de"), "built for de")
        XCTAssertNil(cache.cached("en"))
    }

    func testValue_failedBuild_notKept() {
        struct Failed: Error {}
        let cache = LanguageCache<Int>()
        XCTAssertThrowsError(try cache.value(for: "xx") { _ throws(Failed) in throw Failed() })
        XCTAssertEqual(cache.count, 0)
        XCTAssertEqual(try cache.value(for: "xx") { _ throws(Failed) in 7 }, 7)
    }
}
