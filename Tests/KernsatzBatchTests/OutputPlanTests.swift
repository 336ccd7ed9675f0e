@testable import KernsatzBatch
import XCTest

final class OutputPlanTests: XCTestCase {
    /// Found in the UTF-8, but where `lastIndex(of: Character)` finds it: a slash or dot with a
    /// combining mark after it (or a prepended mark before it) is part of another character.
    func testLastIndex_isWhereTheCharacterSearchFindsIt() {
        let texts = ["", "a", "de/a.txt", "a/b/c.d.e", ".hidden", "Grüße/Über.md", "a/\u{301}b.txt", "a.\u{301}txt",
                     "x.y/\u{301}", "\u{600}./a", "ä.ö/ü", "a/b/", "/", "..", "e\u{301}.txt", "👩‍👩‍👧/🇩🇪.txt"]
        for text in texts {
            for separator in ["/", "."] {
                XCTAssertEqual(OutputPlan.lastIndex(of: UInt8(ascii: Unicode.Scalar(separator)!), in: text[...]),
                               text.lastIndex(of: Character(separator)), "\(text) \(separator)")
            }
        }
    }

    func testPaths_mirrorTheInputsAndKeepTheWholeNameWhenStemsClash() {
        let inputs = ["de/a.txt", "de/a.md", "b.txt", "index.txt", "c.\u{301}txt"].map {
            BatchInput(path: "/in/" + $0, relativePath: $0, kind: .plain)
        }
        let plan = OutputPlan(inputs, formats: [.summary, .html])
        XCTAssertEqual((0..<inputs.count).map { plan.path($0, .html) },
                       ["de/a.txt.html", "de/a.md.html", "b.html", "index.txt.html", "c.\u{301}txt.html"])
        XCTAssertEqual(plan.path(2, .summary), "b.summary.txt")
        XCTAssertTrue(plan.conflicts.isEmpty)
    }

    func testConflicts_anOutputNamedLikeAFolderOfOutputs_failsThatFileWithTheReason() {
        let inputs = ["b.txt", "b.html/z.txt", "c.txt", "c.xlf/deep/y.txt", "d.txt"].map {
            BatchInput(path: "/in/" + $0, relativePath: $0, kind: .plain)
        }
        let plan = OutputPlan(inputs, formats: [.summary, .xliff, .html])
        XCTAssertEqual(plan.conflicts.keys.sorted(), [0, 2])
        XCTAssertEqual(plan.conflicts[0], "its output b.html would have the name of the folder b.html/ that other inputs' outputs go into; rename the file or the folder")
        XCTAssertTrue(plan.conflicts[2]?.hasPrefix("its output c.xlf ") ?? false)
    }

    func testConflicts_aLaterInputWithTheOutputsOfAnEarlierOne_yields() {
        let inputs = ["a.txt", "a.xliff12.txt"].map { BatchInput(path: "/in/" + $0, relativePath: $0, kind: .plain) }
        let plan = OutputPlan(inputs, formats: [.xliff, .xliff12])
        XCTAssertEqual(plan.conflicts, [1: "its outputs would have the names of a.txt's; rename one of the two"])
    }
}
