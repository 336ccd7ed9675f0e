import XCTest
@testable import KernsatzText

final class TextDecoderTests: XCTestCase {
    let decoder = TextDecoder()

    func decodedString(_ bytes: [UInt8], _ decoder: TextDecoder = TextDecoder()) throws -> String {
        String(decoding: try decoder.decode(bytes, source: "t.txt").units, as: UTF16.self)
    }

    // MARK: edge cases

    func testDecode_emptyFile_isEmptyError() {
        XCTAssertThrowsError(try decoder.decode([], source: "leer.txt")) { error in
            XCTAssertEqual(error as? TextError, TextError(.empty, source: "leer.txt"))
            XCTAssertEqual("\(error)", "leer.txt: is empty (no text to process)")
        }
    }

    func testDecode_onlyBOMOrWhiteSpace_isEmptyError() {
        for bytes: [UInt8] in [[0xEF, 0xBB, 0xBF], [0xFF, 0xFE], Array(" \n\t\r\n".utf8), [0xEF, 0xBB, 0xBF, 0x20, 0x0A]] {
            XCTAssertThrowsError(try decoder.decode(bytes, source: "w.txt"), "\(bytes)") { error in
                XCTAssertEqual(error as? TextError, TextError(.empty, source: "w.txt"))
            }
        }
    }

    func testDecode_binaryWithNUL_namesFileAndOffset() {
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00]
        XCTAssertThrowsError(try decoder.decode(png, source: "bild.png")) { error in
            XCTAssertEqual(error as? TextError, TextError(.binary(byteOffset: 8), source: "bild.png"))
            XCTAssertTrue("\(error)".hasPrefix("bild.png: looks like a binary file"))
        }
    }

    func testDecode_zerosThatLookLikeUTF16ButGiveControlCharacters_areBinary() {
        // Even-placed zeros pass for UTF-16BE without a BOM; U+0001 shows it is not text.
        XCTAssertThrowsError(try TextDecoder().decode([0x00, 0x01, 0x02, 0x03], source: "x.dat")) { error in
            XCTAssertEqual(error as? TextError, TextError(.binary(byteOffset: 0), source: "x.dat"))
        }
        XCTAssertEqual(try TextDecoder().decode(Array("Zürich".utf16).flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }, source: "t").units,
                       Array("Zürich".utf16), "real UTF-16BE text without a BOM still reads")
    }

    func testDecode_invalidUTF8_namesOffsetAndLine() {
        // Valid UTF-8 („ü“) then a lone continuation byte on line 2.
        let bytes = Array("Grüße\nab".utf8) + [0x80] + Array("c".utf8)
        XCTAssertThrowsError(try decoder.decode(bytes, source: "kaputt.txt")) { error in
            XCTAssertEqual(error as? TextError, TextError(.invalidEncoding(encoding: "UTF-8", byteOffset: 10, line: 2), source: "kaputt.txt"))
            XCTAssertTrue("\(error)".contains("kaputt.txt: invalid UTF-8 at byte offset 10 (line 2)"))
        }
    }

    func testDecode_invalidUTF8Lenient_replacesAndWarnsWithCount() throws {
        let bytes = Array("Grüße ".utf8) + [0xC3, 0x28] + Array(" und ".utf8) + [0xFF]
        let decoded = try TextDecoder(lenient: true).decode(bytes, source: "k.txt")
        XCTAssertEqual(decoded.replacements, 2)
        XCTAssertEqual(decoded.warnings.count, 1)
        XCTAssertTrue(decoded.warnings[0].contains("replaced 2 invalid UTF-8"))
        XCTAssertTrue(String(decoding: decoded.units, as: UTF16.self).hasPrefix("Grüße \u{FFFD}("))
    }

    func testDecode_overlongEncoding_isInvalid() {
        XCTAssertThrowsError(try decoder.decode(Array("Grüße aus Köln".utf8) + [0xC0, 0xAF], source: "o.txt"))
    }

    func testDecode_invalidUTF16_namesOffsetAndDecodedLine() {
        // UTF-16LE with BOM: "A\n", then U+010A (whose low byte is 0x0A, no line break), "\n", a lone surrogate.
        let units: [UInt16] = [0x41, 0x0A, 0x010A, 0x0A, 0xD800, 0x41]
        let bytes: [UInt8] = [0xFF, 0xFE] + units.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        XCTAssertThrowsError(try decoder.decode(bytes, source: "u.txt")) { error in
            guard case .invalidEncoding(let encoding, _, let line) = (error as? TextError)?.kind else { return XCTFail("\(error)") }
            XCTAssertEqual(encoding, "UTF-16LE")
            XCTAssertEqual(line, 3)
        }
    }

    func testDecode_invalidUTF16Lenient_warnsWithCount() throws {
        let units: [UInt16] = [0x48, 0x69, 0xD800, 0x2E]
        let bytes: [UInt8] = [0xFF, 0xFE] + units.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let decoded = try TextDecoder(lenient: true).decode(bytes, source: "u.txt")
        XCTAssertEqual(String(decoding: decoded.units, as: UTF16.self), "Hi\u{FFFD}.")
        XCTAssertEqual(decoded.replacements, 1)
        XCTAssertEqual(decoded.warnings, ["u.txt: replaced invalid UTF-16LE bytes with U+FFFD (1 in the text)"])
    }

    // MARK: encodings

    func testDecode_utf8BOM_isStripped() throws {
        let decoded = try decoder.decode([0xEF, 0xBB, 0xBF] + Array("Wien".utf8), source: "b.txt")
        XCTAssertEqual(decoded.encoding, .utf8(bom: true))
        XCTAssertEqual(String(decoding: decoded.units, as: UTF16.self), "Wien")
    }

    func testDecode_utf16LEWithBOM() throws {
        let bytes: [UInt8] = [0xFF, 0xFE] + "Köln".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let decoded = try decoder.decode(bytes, source: "u.txt")
        XCTAssertEqual(decoded.encoding, .utf16LittleEndian(bom: true))
        XCTAssertEqual(String(decoding: decoded.units, as: UTF16.self), "Köln")
    }

    func testDecode_utf16BEWithoutBOM_isDetected() throws {
        let bytes: [UInt8] = "Die Lage ist ernst.".utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        let decoded = try decoder.decode(bytes, source: "u.txt")
        XCTAssertEqual(decoded.encoding, .utf16BigEndian(bom: false))
        XCTAssertEqual(String(decoding: decoded.units, as: UTF16.self), "Die Lage ist ernst.")
    }

    func testDecode_windows1252_isDetectedAndReported() throws {
        // „Grüße“ with typographic quotes (0x84, 0x93) exists only in windows-1252.
        let bytes: [UInt8] = [0x84, 0x47, 0x72, 0xFC, 0xDF, 0x65, 0x93, 0x20] + Array("aus der Stadt, sagte er.".utf8)
        let decoded = try decoder.decode(bytes, source: "alt.txt")
        XCTAssertEqual(decoded.encoding, .legacy(name: "windows-1252", detected: true))
        XCTAssertEqual(try decodedString(bytes), "„Grüße“ aus der Stadt, sagte er.")
        XCTAssertTrue(decoded.warnings[0].contains("alt.txt: not UTF-8; read as windows-1252"))
    }

    func testDecode_windows1252WithAccidentalUTF8Pair_isStillDetected() throws {
        // „Grüße“ with ß before “ (0xDF 0x93: a valid UTF-8 pair), and more umlauts.
        let bytes: [UInt8] = [0x84, 0x47, 0x72, 0xFC, 0xDF, 0x93, 0x20, 0x66, 0xFC, 0x72, 0x20, 0x4B, 0xF6, 0x6C, 0x6E, 0x2E]
        let decoded = try decoder.decode(bytes, source: "alt.txt")
        XCTAssertEqual(decoded.encoding, .legacy(name: "windows-1252", detected: true))
        XCTAssertEqual(String(decoding: decoded.units, as: UTF16.self), "„Grüß“ für Köln.")
    }

    func testDecode_iso885915EuroSign_isDetected() throws {
        let bytes = Array("Es kostet 5 ".utf8) + [0xA4] + Array(" f".utf8) + [0xFC] + Array("r alle Gr".utf8) + [0xF6, 0xDF] + Array("en.".utf8)
        let decoded = try decoder.decode(bytes, source: "e.txt")
        XCTAssertEqual(decoded.encoding, .legacy(name: "ISO-8859-15", detected: true))
        XCTAssertEqual(String(decoding: decoded.units, as: UTF16.self), "Es kostet 5 € für alle Größen.")
    }

    func testDecode_forcedEncoding_overridesDetection() throws {
        XCTAssertEqual(try decodedString([0x4B, 0xF6, 0x6C, 0x6E], TextDecoder(forcedEncoding: "ISO-8859-1")), "Köln")
    }

    func testDecode_forcedEncodingOnUTF8BOM_readsUTF8AndWarns() throws {
        let decoded = try TextDecoder(forcedEncoding: "windows-1252").decode([0xEF, 0xBB, 0xBF] + Array("5 € für Köln".utf8), source: "b.txt")
        XCTAssertEqual(decoded.encoding, .utf8(bom: true))
        XCTAssertEqual(String(decoding: decoded.units, as: UTF16.self), "5 € für Köln")
        XCTAssertEqual(decoded.warnings, ["b.txt: starts with a UTF-8 byte-order mark, so it was read as UTF-8, not as windows-1252 (--encoding)"])
    }

    func testDecode_forcedEncodingOnUTF16BOMs_readsByTheMarkAndWarns() throws {
        let little: [UInt8] = [0xFF, 0xFE] + "Köln €".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let big: [UInt8] = [0xFE, 0xFF] + "Köln €".utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        let decoder = TextDecoder(forcedEncoding: "ISO-8859-15")
        let fromLittle = try decoder.decode(little, source: "le.txt")
        XCTAssertEqual(fromLittle.encoding, .utf16LittleEndian(bom: true))
        XCTAssertEqual(String(decoding: fromLittle.units, as: UTF16.self), "Köln €")
        XCTAssertEqual(fromLittle.warnings, ["le.txt: starts with a UTF-16LE byte-order mark, so it was read as UTF-16LE, not as ISO-8859-15 (--encoding)"])
        let fromBig = try decoder.decode(big, source: "be.txt")
        XCTAssertEqual(fromBig.encoding, .utf16BigEndian(bom: true))
        XCTAssertEqual(String(decoding: fromBig.units, as: UTF16.self), "Köln €")
        XCTAssertEqual(fromBig.warnings.count, 1)
    }

    func testDecode_forcedEncodingThatIsTheBOMs_noWarning() throws {
        let utf8: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("Wien".utf8)
        let little: [UInt8] = [0xFF, 0xFE] + "Wien".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        for (bytes, charset) in [(utf8, "utf8"), (utf8, "UTF-8"), (little, "UTF-16LE"), (little, "UTF-16"), (little, "UnicodeLittle")] {
            let decoded = try TextDecoder(forcedEncoding: charset).decode(bytes, source: "w.txt")
            XCTAssertEqual(String(decoding: decoded.units, as: UTF16.self), "Wien", charset)
            XCTAssertEqual(decoded.warnings, [], charset)
        }
    }

    func testDecode_forcedUTF32OnItsOwnBOM_isReadAsUTF32() throws {
        // FF FE 00 00 starts UTF-16LE and UTF-32LE alike: a forced UTF-32LE is taken at its word.
        let bytes: [UInt8] = [0xFF, 0xFE, 0, 0] + "Wien".unicodeScalars.flatMap { [UInt8($0.value & 0xFF), UInt8($0.value >> 8), 0, 0] }
        let decoded = try TextDecoder(forcedEncoding: "UTF-32LE").decode(bytes, source: "w.txt")
        XCTAssertEqual(decoded.encoding, .legacy(name: "UTF-32LE", detected: false))
        XCTAssertEqual(String(decoding: decoded.units.filter { $0 != 0xFEFF }, as: UTF16.self), "Wien")
        XCTAssertEqual(decoded.warnings, [])
    }

    func testDecode_unknownForcedEncoding_isClearError() {
        XCTAssertThrowsError(try TextDecoder(forcedEncoding: "klingon").decode([0x41], source: "k.txt")) { error in
            XCTAssertEqual(error as? TextError, TextError(.unknownEncoding("klingon"), source: "k.txt"))
        }
    }
}

final class FileReaderTests: XCTestCase {
    var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("kernsatz-reader-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    func testRead_missingFile_isNotFound() {
        let path = directory.appendingPathComponent("fehlt.txt").path
        XCTAssertThrowsError(try FileReader().read(path)) { error in
            XCTAssertEqual("\(error)", "\(path): no such file")
        }
    }

    func testRead_directory_isRefused() {
        XCTAssertThrowsError(try FileReader().read(directory.path)) { error in
            XCTAssertEqual(error as? TextError, TextError(.isDirectory, source: directory.path))
        }
    }

    func testRead_danglingSymlink_isUnreadable() throws {
        let link = directory.appendingPathComponent("link.txt")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: directory.appendingPathComponent("weg.txt").path)
        XCTAssertThrowsError(try FileReader().read(link.path)) { error in
            XCTAssertEqual(error as? TextError, TextError(.unreadable(reason: "a symbolic link to a missing file"), source: link.path))
        }
    }

    func testReadRegularOnly_aFIFOWithoutWriter_isRefusedAtOnceNotWaitedFor() throws {
        let fifo = directory.appendingPathComponent("swapped.txt").path
        XCTAssertEqual(mkfifo(fifo, 0o644), 0)
        XCTAssertThrowsError(try FileReader().readBytes(fifo, regularOnly: true)) { error in
            XCTAssertEqual("\(error)", "\(fifo): is a named pipe (FIFO), not a regular file; only regular files are read "
                           + "from a folder (name a pipe on the command line instead)")
        }
    }

    func testReadRegularOnly_aDevice_isRefused() {
        XCTAssertThrowsError(try FileReader().readBytes("/dev/null", regularOnly: true)) { error in
            XCTAssertEqual(error as? TextError, TextError(.notRegularFile("a character device"), source: "/dev/null"))
        }
    }

    func testRead_aPipeNamedByTheUser_isReadToItsEnd() throws {
        let fifo = directory.appendingPathComponent("pipe.txt").path
        XCTAssertEqual(mkfifo(fifo, 0o644), 0)
        DispatchQueue.global().async {
            if let writer = FileHandle(forWritingAtPath: fifo) {
                writer.write(Data("Ein Satz.".utf8))
                try? writer.close()
            }
        }
        XCTAssertEqual(try FileReader().readBytes(fifo), Array("Ein Satz.".utf8))
    }

    func testRead_symlinkLoop_saysSo() throws {
        let link = directory.appendingPathComponent("kreis.txt")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: link.path)
        XCTAssertThrowsError(try FileReader().readBytes(link.path, regularOnly: true)) { error in
            XCTAssertEqual(error as? TextError, TextError(.unreadable(reason: "a symbolic link loop"), source: link.path))
        }
    }

    func testRead_tooLarge_namesLimit() throws {
        let file = directory.appendingPathComponent("gross.txt")
        try Data(repeating: 0x41, count: 100).write(to: file)
        XCTAssertThrowsError(try FileReader(maxBytes: 10).read(file.path)) { error in
            XCTAssertEqual(error as? TextError, TextError(.tooLarge(bytes: 100, limit: 10), source: file.path))
        }
    }

    func testRead_endlessStream_stopsAtLimit() {
        XCTAssertThrowsError(try FileReader(maxBytes: 100_000).read("/dev/zero")) { error in
            guard case .tooLarge(_, let limit) = (error as? TextError)?.kind else { return XCTFail("\(error)") }
            XCTAssertEqual(limit, 100_000)
        }
    }

    func testLineReader_linesCRLFAndTooLongLine() throws {
        let file = directory.appendingPathComponent("lines.jsonl")
        try Data("eins\r\n\(String(repeating: "x", count: 50))\nzwei\n\ndrei".utf8).write(to: file)
        let reader = try LineReader(path: file.path, maxLineBytes: 20)
        XCTAssertEqual(try reader.next(), Array("eins".utf8))
        XCTAssertThrowsError(try reader.next()) { error in
            guard case .tooLarge = (error as? TextError)?.kind else { return XCTFail("\(error)") }
            XCTAssertEqual((error as? TextError)?.source, "\(file.path):2")
        }
        XCTAssertEqual(try reader.next(), Array("zwei".utf8))
        XCTAssertEqual(try reader.next(), [])
        XCTAssertEqual(try reader.next(), Array("drei".utf8))
        XCTAssertEqual(reader.lineNumber, 5)
        XCTAssertNil(try reader.next())
    }

    func testLineReader_directory_isRefused() {
        XCTAssertThrowsError(try LineReader(path: directory.path)) { error in
            XCTAssertEqual(error as? TextError, TextError(.isDirectory, source: directory.path))
        }
    }

    func testRead_emptyFile_namesFile() throws {
        let file = directory.appendingPathComponent("leer.txt")
        try Data().write(to: file)
        XCTAssertThrowsError(try FileReader().read(file.path)) { error in
            XCTAssertEqual(error as? TextError, TextError(.empty, source: file.path))
        }
    }

    func testRead_utf8File_decodes() throws {
        let file = directory.appendingPathComponent("ok.txt")
        try Data("Brüssel – Text.".utf8).write(to: file)
        XCTAssertEqual(String(decoding: try FileReader().read(file.path).units, as: UTF16.self), "Brüssel – Text.")
    }
}
