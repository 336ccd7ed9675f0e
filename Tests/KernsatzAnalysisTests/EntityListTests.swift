import XCTest
@testable import KernsatzAnalysis
import KernsatzICU

final class EntityListTests: XCTestCase {
    static let resources = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources/KernsatzAnalysis/Resources/entities")

    func testShipped_everyResourceFileIsEmbedded_andTheSame() throws {
        let files = try FileManager.default.contentsOfDirectory(at: Self.resources, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "txt" }
        XCTAssertEqual(files.count, EmbeddedEntityLists.shipped.count)
        for file in files {
            let parts = file.lastPathComponent.split(separator: ".")
            let kind = try XCTUnwrap(EntityListKind(rawValue: String(parts[0])), file.lastPathComponent)
            let bytes = try XCTUnwrap(EmbeddedEntityLists.bytes(kind, language: String(parts[1])), "not embedded: \(file.lastPathComponent)")
            XCTAssertEqual(bytes, Array(try Data(contentsOf: file)), file.lastPathComponent)
        }
    }

    func testShipped_fileFormat_headerNoTabsNoDuplicatesNFC() throws {
        for (kind, language) in EmbeddedEntityLists.shipped {
            let text = String(decoding: try XCTUnwrap(EmbeddedEntityLists.bytes(kind, language: language)), as: UTF8.self)
            let name = kind.fileName(language: language)
            XCTAssertTrue(text.hasPrefix("# Kernsatz – "), "\(name): a header says what belongs")
            let entries = text.split(separator: "\n").map(String.init).filter { !$0.hasPrefix("#") && !$0.isEmpty }
            XCTAssertFalse(entries.isEmpty, name)
            XCTAssertEqual(Set(entries).count, entries.count, "\(name) has duplicates")
            for entry in entries {
                XCTAssertFalse(entry.contains("\t"), "\(name): \(entry)")
                XCTAssertEqual(entry, entry.trimmingCharacters(in: .whitespaces), "\(name): \(entry)")
                XCTAssertEqual(Array(entry.unicodeScalars), Array(entry.precomposedStringWithCanonicalMapping.unicodeScalars), "\(name): not NFC: \(entry)")
            }
        }
    }

    func testLexicon_germanHasICUCountriesAndRegions() throws {
        let lexicon = try EntityLexicon(language: "de")
        XCTAssertTrue(lexicon.lookup(EntityKey.of("Niederlande")).contains(.country))
        XCTAssertTrue(lexicon.lookup(EntityKey.of("Europa")).contains(.region) || lexicon.lookup(EntityKey.of("Europa")).contains(.place))
        XCTAssertTrue(lexicon.lookup(EntityKey.of("Englisch")).contains(.language))
        XCTAssertTrue(lexicon.lookup(EntityKey.of("Januar")).contains(.nonName))
        // Time zone cities, localized: Ulaanbaatar is „Ulaanbaatar“ in ICU's German, Kyiv „Kiew“.
        XCTAssertTrue(lexicon.lookup(EntityKey.of("Kiew")).contains(.city) || lexicon.lookup(EntityKey.of("Kiew")).contains(.place))
        XCTAssertTrue(lexicon.lookup(EntityKey.of("Ulaanbaatar")).contains(.city))
    }

    func testKey_foldsCaseOfLatinLetters() {
        XCTAssertEqual(EntityKey.of("BRÜSSEL"), EntityKey.of("Brüssel"))
        XCTAssertEqual(EntityKey.of("ŁÓDŹ"), EntityKey.of("łódź"))
        XCTAssertNotEqual(EntityKey.of("Bonn"), EntityKey.of("Bern"))
    }
}

final class ExemplarCityTests: XCTestCase {
    func testExemplarCities_germanNamesComeFromICU() {
        let cities = LocaleData.exemplarCities(in: "de")
        XCTAssertGreaterThan(cities.count, 300)
        XCTAssertTrue(cities.contains("Wien"))
        XCTAssertTrue(cities.contains("Moskau"))
        XCTAssertEqual(Set(cities).count, cities.count)
    }
}
