import XCTest
@testable import KernsatzICU

final class NormalizerTests: XCTestCase {
    func testNormalize_empty_staysEmpty() throws {
        XCTAssertEqual(try Normalizer(.nfc).normalize(""), "")
    }

    func testNFC_decomposedUmlaut_composes() throws {
        XCTAssertEqual(try Normalizer(.nfc).normalize("Bu\u{0308}ndnistreue"), "Bündnistreue")
    }

    func testNFD_composedUmlaut_decomposes() throws {
        XCTAssertEqual(Array(try Normalizer(.nfd).normalize("ü").unicodeScalars), ["u", "\u{0308}"])
    }

    func testNFKCCasefold_ligatureAndCase_fold() throws {
        XCTAssertEqual(try Normalizer(.nfkcCasefold).normalize("Straße ﬁ"), "strasse fi")
    }

    func testPrefixLength_stopsAtFirstDecomposedMark() throws {
        let text = Array("abu\u{0308}".utf16)
        let length = try Normalizer(.nfc).normalizedPrefixLength(text[...])
        XCTAssertEqual(length, 2)
    }
}

final class TransliteratorTests: XCTestCase {
    func testUnknownID_throwsUnknownTransform() {
        XCTAssertThrowsError(try Transliterator(id: "Klingon-Latin")) { error in
            XCTAssertEqual((error as? ICUError)?.kind, .unknownTransform("Klingon-Latin"))
        }
    }

    func testAnyLatin_cyrillicName_isRomanized() throws {
        XCTAssertEqual(try Transliterator(id: "Any-Latin; Latin-ASCII").transliterate("Путин"), "Putin")
    }

    func testGermanASCII_umlautsAndSharpS_becomeDigraphs() throws {
        XCTAssertEqual(try Transliterator(id: "de-ASCII").transliterate("Grüße aus Köln"), "Gruesse aus Koeln")
    }

    func testAvailableIDs_includeLatinASCII() {
        XCTAssertTrue(Transliterator.availableIDs.contains("Latin-ASCII"))
    }
}

final class CharsetTests: XCTestCase {
    func testDetect_emptyBytes_noMatch() {
        XCTAssertEqual(CharsetDetector.detect([]), [])
    }

    func testDetect_latin1German_isWestern() {
        // „Die Grüße aus Köln sind schön und groß für alle.“ in ISO-8859-1.
        let bytes = Array("Die Grüße aus Köln sind schön und groß für alle, sagte er.".unicodeScalars.map { UInt8($0.value) })
        let names = CharsetDetector.detect(bytes).map(\.name)
        XCTAssertTrue(names.contains("ISO-8859-1") || names.contains("windows-1252"), "\(names)")
    }

    func testDecode_invalidUTF8_reportsByteOffset() throws {
        let converter = try CharsetConverter(charset: "UTF-8")
        XCTAssertThrowsError(try converter.decode(Array("abc".utf8) + [0xFF] + Array("d".utf8))) { error in
            XCTAssertEqual((error as? ICUError)?.kind, .invalidBytes(charset: "UTF-8", byteOffset: 3))
        }
    }

    func testDecode_windows1252_euroSign() throws {
        let units = try CharsetConverter(charset: "windows-1252").decode([0x35, 0x20, 0x80])
        XCTAssertEqual(String(decoding: units, as: UTF16.self), "5 €")
    }

    func testCanonicalName_aliases_giveICUsName() {
        XCTAssertEqual(CharsetConverter.canonicalName("utf8"), "UTF-8")
        XCTAssertEqual(CharsetConverter.canonicalName("utf-16le"), "UTF-16LE")
        XCTAssertEqual(CharsetConverter.canonicalName("latin1"), "ISO-8859-1")
    }

    func testCanonicalName_unknownOrEmpty_isNil() {
        XCTAssertNil(CharsetConverter.canonicalName("no-such-charset"))
        XCTAssertNil(CharsetConverter.canonicalName(""))
    }

    func testOpen_unknownCharset_throws() {
        XCTAssertThrowsError(try CharsetConverter(charset: "no-such-charset"))
    }
}

final class CaseMappingAndLocaleTests: XCTestCase {
    func testUpper_sharpS_becomesSS() {
        XCTAssertEqual(CaseMapping.upper.apply("Straße", locale: "de"), "STRASSE")
    }

    func testFold_turkishDottedI_foldsToI() {
        XCTAssertEqual(CaseMapping.lower.apply("İSTANBUL", locale: "tr"), "istanbul")
    }

    func testCountryName_netherlandsInGerman() {
        XCTAssertEqual(LocaleData.countryName("NL", in: "de"), "Niederlande")
        XCTAssertEqual(LocaleData.countryName("UA", in: "de"), "Ukraine")
    }

    func testCountryName_unknownCode_isNil() {
        XCTAssertNil(LocaleData.countryName("QQ", in: "de"))
    }

    func testLanguageName_frenchInGerman() {
        XCTAssertEqual(LocaleData.languageName("fr", in: "de"), "Französisch")
    }

    func testMonths_german_januaryToDecember() {
        let months = LocaleData.symbols(.months, locale: "de")
        XCTAssertEqual(months.count, 12)
        XCTAssertEqual(months.first, "Januar")
        XCTAssertEqual(months.last, "Dezember")
    }

    func testISOCountries_containGermany() {
        XCTAssertTrue(LocaleData.isoCountries.contains("DE"))
    }

    func testVersion_isDotted() {
        XCTAssertTrue(icuVersion.contains("."), icuVersion)
    }
}

final class TerminalTests: XCTestCase {
    func testWidth_wideCharactersTakeTwoColumns_marksNone() {
        XCTAssertEqual(Terminal.width("Köln"), 4)
        XCTAssertEqual(Terminal.width("Ko\u{308}ln"), 4, "a combining mark rides along")
        XCTAssertEqual(Terminal.width("東京"), 4)
        XCTAssertEqual(Terminal.width("ＡＢ"), 4, "fullwidth forms")
        XCTAssertEqual(Terminal.width(""), 0)
    }

    func testColumns_notATerminal_isNil() {
        XCTAssertNil(Terminal.columns(fileDescriptor: -1))
    }
}
