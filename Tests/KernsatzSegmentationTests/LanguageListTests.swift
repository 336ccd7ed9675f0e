import XCTest
@testable import KernsatzSegmentation

final class LanguageListTests: XCTestCase {
    static let resources = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources/KernsatzSegmentation/Resources")

    func testParse_commentsAndBlankLines_areSkipped() {
        let list = LanguageList(kind: .abbreviations, language: "de", text: "# Kopf\n\nDr.\n  z. B.  \n# Gruppe\nbzw.\n")
        XCTAssertEqual(list.entries, ["Dr.", "z. B.", "bzw."])
    }

    func testForEachEntry_numbersLinesFromOne_andTrimsCRLF() {
        var seen: [(entry: String, line: Int)] = []
        LanguageList.forEachEntry(Array("# Kopf\r\n\r\n  Dr. \r\nz. B.\n\n#x\nbzw.".utf8)) { seen.append(($0, $1)) }
        XCTAssertEqual(seen.map(\.entry), ["Dr.", "z. B.", "bzw."])
        XCTAssertEqual(seen.map(\.line), [3, 4, 7])
        XCTAssertEqual(LanguageList.entries(parsing: "a\r\nb\r\n"), ["a", "b"])
    }

    func testShipped_everyResourceFileIsEmbedded() throws {
        let files = FileManager.default.enumerator(at: Self.resources, includingPropertiesForKeys: nil)!
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "txt" }
        XCTAssertGreaterThanOrEqual(files.count, 31)
        for file in files {
            let parts = file.lastPathComponent.split(separator: ".")
            let kind = try XCTUnwrap(LanguageListKind(rawValue: String(parts[0])), file.path)
            let list = try XCTUnwrap(LanguageList.shipped(kind, language: String(parts[1])), "not embedded: \(file.lastPathComponent)")
            XCTAssertEqual(list.entries, LanguageList(kind: kind, language: String(parts[1]), text: try String(contentsOf: file, encoding: .utf8)).entries)
        }
    }

    func testShipped_fileFormat_oneEntryPerLineNFCNoTabs() throws {
        for kind in LanguageListKind.allCases {
            for language in LanguageList.supportedLanguages {
                guard let list = LanguageList.shipped(kind, language: language) else { continue }
                XCTAssertFalse(list.entries.isEmpty, "\(kind) \(language)")
                XCTAssertEqual(Set(list.entries).count, list.entries.count, "duplicates in \(kind) \(language)")
                for entry in list.entries {
                    XCTAssertFalse(entry.contains("\t"), entry)
                    if kind == .abbreviations || kind == .sentenceFinalAbbreviations {
                        XCTAssertTrue(entry.contains("."), "\(kind) \(language): \(entry)")
                    }
                    if kind == .quotes { XCTAssertEqual(entry.split(separator: " ").count, 2, entry) }
                }
            }
        }
    }

    func testShipped_germanHasEveryKind() {
        for kind in LanguageListKind.allCases {
            XCTAssertNotNil(LanguageList.shipped(kind, language: "de"), "\(kind)")
        }
    }

    func testRules_uhrIsNoAbbreviation() {
        // ICU's de@ss=standard treats „Uhr.“ like an abbreviation; ours must not.
        let rules = SegmentationRules.shipped(language: "de")
        XCTAssertNil(rules.lookup("Uhr."))
        XCTAssertEqual(rules.lookup("Dr."), .nonFinal)
        XCTAssertEqual(rules.lookup("z.B."), .nonFinal)
        XCTAssertEqual(rules.lookup("usw."), .enumerationCloser)
        XCTAssertEqual(rules.lookup("Mio."), .final)
    }

    func testRules_monthsComeFromICU() {
        let rules = SegmentationRules.shipped(language: "de")
        XCTAssertTrue(rules.months.isSuperset(of: ["januar", "oktober", "dezember", "okt"]))
    }
}

final class LanguageIdentifierTests: XCTestCase {
    let identifier = LanguageIdentifier()

    func testIdentify_emptyText_isGermanDefault() {
        XCTAssertEqual(identifier.identify(""), "de")
    }

    func testIdentify_nonLatinScript_isUndetermined() {
        XCTAssertEqual(identifier.identify("Это первое предложение, и это второе."), "und")
    }

    func testIdentify_eachSupportedLanguage() {
        let samples = [
            "de": "Der Generalsekretär rief zur weiteren Unterstützung der Ukraine auf und warnte vor den Risiken.",
            "en": "The secretary general called for further support of Ukraine and warned of the risks.",
            "fr": "Le secrétaire général a appelé à soutenir l’Ukraine et a mis en garde contre les risques.",
            "nl": "De secretaris-generaal riep op tot verdere steun aan Oekraïne en waarschuwde voor de risico’s.",
            "es": "El secretario general pidió más apoyo para Ucrania y advirtió de los riesgos que existen.",
            "it": "Il segretario generale ha chiesto di sostenere l’Ucraina e ha messo in guardia dai rischi.",
        ]
        for (language, text) in samples {
            XCTAssertEqual(identifier.identify(text), language, text)
        }
    }
}
