import Foundation
import KernsatzBatch
import XCTest

/// The report's own files (index.html, manifest.json, …) at the top of the output folder: never an
/// input, never a file someone else put there.
final class ReportSafetyTests: BatchTestCase {
    func testRun_anInputNamedIndexHtml_inTheOutputFolder_isNeverReplacedByTheReport() throws {
        let page = "<html><body><article><p>\(Self.article("die Nato"))</p></article></body></html>"
        let file = try put("index.html", page)
        XCTAssertThrowsError(try Batch(inputs: [file], output: input).run()) { error in
            XCTAssertTrue("\(error)".contains("index.html"), "\(error)")
            XCTAssertTrue("\(error)".contains("is one of the inputs"), "\(error)")
        }
        XCTAssertEqual(try String(contentsOfFile: file, encoding: .utf8), page)
        var options = BatchOptions()
        options.force = true
        XCTAssertThrowsError(try Batch(inputs: [file], output: input, options: options).run(), "--force never replaces an input")
        XCTAssertEqual(try String(contentsOfFile: file, encoding: .utf8), page)
    }

    func testRun_aFileOfTheUserWithAReportName_isKept_forceReplacesIt() throws {
        try put("a.txt", Self.article("die Nato"))
        try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        let own = output + "/index.html"
        try Data("my own start page".utf8).write(to: URL(fileURLWithPath: own))
        XCTAssertThrowsError(try runBatch()) { error in
            XCTAssertTrue("\(error)".contains(own), "\(error)")
            XCTAssertTrue("\(error)".contains("--force"), "\(error)")
        }
        XCTAssertEqual(try String(contentsOfFile: own, encoding: .utf8), "my own start page")
        var options = BatchOptions()
        options.force = true
        XCTAssertTrue(try runBatch(options).succeeded)
        XCTAssertTrue(try read("index.html").hasPrefix("<!DOCTYPE html>"))
    }

    func testRun_aSecondRun_replacesTheReportItWrote() throws {
        try put("a.txt", Self.article("die Nato"))
        XCTAssertTrue(try runBatch().succeeded)
        XCTAssertTrue(try runBatch().succeeded, "the report of an earlier run is Kernsatz's own")
    }

    func testReport_linksToOddFileNames_arePercentEncodedAndNeverReadAsAScheme() throws {
        try put("a:b.txt", Self.article("die Nato"))
        try put("Über uns #1 50% ?.txt", Self.article("den Haushalt"))
        var options = BatchOptions()
        options.formats = [.xliff]
        XCTAssertTrue(try runBatch(options).succeeded)
        let index = try read("index.html")
        XCTAssertTrue(index.contains("<a href=\"a%3Ab.xlf\">xliff</a>"), "a colon in the first segment would make „a:“ a URL scheme")
        XCTAssertTrue(index.contains("<a href=\"%C3%9Cber%20uns%20%231%2050%25%20%3F.xlf\">xliff</a>"), index)
        XCTAssertTrue(index.contains("<b>a:b.txt</b>"))
    }

    func testRun_refusedBeforeAnyWork_leavesNothingBehindInTheFolders() throws {
        try put("a.txt", Self.article("die Nato"))
        XCTAssertThrowsError(try Batch(inputs: [input], output: input).run(), "the output folder is the input")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: input), ["a.txt"])
    }
}
