import Foundation
import XCTest

/// Issue 14: the inputs that crashed `kernsatz glossary validate` (SIGILL, exit 132) now end with
/// exit 1 and a message naming file, line and column; `--lenient` reads past bad bytes with a warning.
extension CLITests {
    func testGlossaryValidate_theFourCrashingTBXInputs_exit1WithTheirPlace() throws {
        let cases: [(String, [UInt8], String)] = [
            ("entity.tbx", Array("<tbx>&".utf8) + [0xFE] + Array(";</tbx>".utf8), "entity.tbx:1: invalid UTF-8 at byte offset 6 (column 7)"),
            ("comment.tbx", Array("<tbx><!-- ".utf8) + [0xFF] + Array(" --></tbx>".utf8), "comment.tbx:1: invalid UTF-8 at byte offset 10 (column 11)"),
            ("pi.tbx", Array("<tbx><?pi ".utf8) + [0xFE] + Array("?></tbx>".utf8), "pi.tbx:1: invalid UTF-8 at byte offset 10 (column 11)"),
            ("tag.tbx", Array("<tbx><t".utf8) + [0xC3] + Array(" a=\"1\"/></tbx>".utf8), "tag.tbx:1: invalid UTF-8 at byte offset 7 (column 8)"),
        ]
        for (name, bytes, message) in cases {
            let result = try run(["glossary", "validate", try file(name, bytes)])
            XCTAssertEqual(result.status, 1, "\(name): \(result.stderr)")
            XCTAssertTrue(result.stdout.contains(message), result.stdout)
            XCTAssertTrue(result.stdout.contains("\(name): 0 entries (de), 1 error(s), 0 warning(s)"), result.stdout)
        }
    }

    func testGlossaryValidate_externalDTD_isAnError_exit1() throws {
        let tbx = try file("alt.tbx", Array("<?xml version=\"1.0\"?>\n<!DOCTYPE martif SYSTEM \"TBXcoreStructV02.dtd\">\n<martif type=\"TBX\"/>\n".utf8))
        let result = try run(["glossary", "validate", tbx])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stdout.contains("alt.tbx:2: the glossary names the external DTD 'TBXcoreStructV02.dtd'"), result.stdout)
    }

    func testGlossaryLenient_validateAndTerms_readPastABadByteWithAWarning() throws {
        let bytes = Array("Gipfel\tsummit\nNA".utf8) + [0xC3] + Array("TO\tNATO\n".utf8)
        let tsv = try file("g.tsv", bytes)
        let strict = try run(["glossary", "validate", tsv])
        XCTAssertEqual(strict.status, 1)
        XCTAssertTrue(strict.stdout.contains("g.tsv:2: invalid UTF-8 at byte offset 16 (column 3)"), strict.stdout)
        let lenient = try run(["glossary", "validate", "--lenient", tsv])
        XCTAssertEqual(lenient.status, 0, lenient.stdout)
        XCTAssertTrue(lenient.stdout.contains("g.tsv:2: replaced 1 invalid UTF-8 sequence(s) with U+FFFD (the first at byte offset 16)"), lenient.stdout)
        let terms = try run(["terms", "--lenient", "--glossary", tsv, "-"], stdin: "Der Gipfel beginnt.")
        XCTAssertEqual(terms.status, 0, terms.stderr)
        XCTAssertTrue(terms.stdout.contains("⟦Gipfel⟧"), terms.stdout)
        XCTAssertTrue(terms.stderr.contains("g.tsv: 1 warning(s), e.g. "), terms.stderr)
    }
}
