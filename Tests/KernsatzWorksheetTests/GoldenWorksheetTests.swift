import Foundation
import Kernsatz
import KernsatzWorksheet
import XCTest
import ZIPFoundation

/// The seed article's worksheet in every format, compared with the files in Golden/ byte for byte
/// (DOCX: every part of the package). `KERNSATZ_WRITE_GOLDEN=1` writes them anew (Golden/README.md).
final class GoldenWorksheetTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    static let seedPath = "Samples/de/nato-rutte-2025-12-23.txt"

    /// What `kernsatz worksheet Samples/de/nato-rutte-2025-12-23.txt` builds: language identified,
    /// shipped glossary, target en.
    static func seed() throws -> Worksheet {
        let text = try String(contentsOf: root.appendingPathComponent(seedPath), encoding: .utf8)
        let analysis = try Pipeline().analyze(text, source: seedPath)
        let builder = try WorksheetBuilder(options: WorksheetOptions(targetLanguage: "en", glossaryNames: ShippedGlossaries.names.map { "shipped: \($0)" }),
                                           matcher: TermMatcher(glossary: ShippedGlossaries.glossary()))
        return builder.build(analysis, source: seedPath)
    }

    func check(_ format: WorksheetFormat) throws {
        let data = try format.data(Self.seed())
        let url = Self.golden.appendingPathComponent("nato-rutte-2025-12-23.\(format.fileExtension)")
        if ProcessInfo.processInfo.environment["KERNSATZ_WRITE_GOLDEN"] != nil {
            try data.write(to: url)
            return
        }
        let expected = try Data(contentsOf: url)
        if format == .docx {
            XCTAssertEqual(try Self.parts(data), try Self.parts(expected), "DOCX parts differ from \(url.lastPathComponent)")
        } else if data != expected {
            let got = String(decoding: data, as: UTF8.self).components(separatedBy: "\n")
            let want = String(decoding: expected, as: UTF8.self).components(separatedBy: "\n")
            let line = (0..<min(got.count, want.count)).first { got[$0] != want[$0] } ?? min(got.count, want.count)
            XCTFail("""
                \(format.rawValue) differs from Golden/\(url.lastPathComponent) at line \(line + 1):
                  got:      \(line < got.count ? got[line] : "(end)")
                  expected: \(line < want.count ? want[line] : "(end)")
                (KERNSATZ_WRITE_GOLDEN=1 writes it anew after an intended change)
                """)
        }
    }

    /// A ZIP package as its parts' paths and contents.
    static func parts(_ data: Data) throws -> [String: Data] {
        let archive = try Archive(data: data, accessMode: .read)
        var parts: [String: Data] = [:]
        for entry in archive {
            var content = Data()
            _ = try archive.extract(entry) { content.append($0) }
            parts[entry.path] = content
        }
        return parts
    }

    func testSeedWorksheetAsXLIFF21() throws { try check(.xliff) }
    func testSeedWorksheetAsXLIFF12() throws { try check(.xliff12) }
    func testSeedWorksheetAsHTML() throws { try check(.html) }
    func testSeedWorksheetAsDOCX() throws { try check(.docx) }
    func testSeedWorksheetAsCSV() throws { try check(.csv) }
    func testSeedWorksheetAsMarkdown() throws { try check(.md) }
    func testSeedWorksheetAsJSON() throws { try check(.json) }

    func testSeedWorksheetMarksTheIssuesTermsAndHasTheSummaryForContext() throws {
        let sheet = try Self.seed()
        let terms = sheet.segments.flatMap(\.terms).map(\.text)
        XCTAssertTrue(terms.contains("Bündnistreue"), "\(terms)")
        XCTAssertTrue(terms.contains("Sicherheitsgarantien"), "\(terms)")
        XCTAssertEqual(sheet.sourceLanguage, "de")
        XCTAssertTrue(sheet.languageIdentified)
        XCTAssertEqual(sheet.summary.count, 3)
        XCTAssertEqual(sheet.date, "2025-12-23")
        XCTAssertEqual(sheet.segments.first?.kind, .teaser)
        XCTAssertEqual(sheet.segments.first { $0.kind == .heading }?.source, "Rutte vertraut auf die USA")
        XCTAssertEqual(sheet.counts.words, sheet.segments.map(\.counts.words).reduce(0, +))
    }
}
