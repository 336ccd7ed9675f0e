import Foundation
import XCTest
@testable import KernsatzGlossary

/// Issue 14 ("Hardening"): inputs an attacker built against the glossary readers. Each must end
/// in a glossary or in an error that names file and line and says what is wrong — never a crash,
/// a minute of CPU, a silent Latin-1 read or a silent U+FFFD.
final class GlossaryHardeningTests: XCTestCase {
    let reader = GlossaryReader()

    func parse(_ bytes: [UInt8], _ format: GlossaryFormat, source: String, lenient: Bool = false) -> (Glossary?, [GlossaryError]) {
        GlossaryReader(lenient: lenient).parse(bytes, format: format, source: source)
    }

    func errors(_ problems: [GlossaryError]) -> [GlossaryError] { problems.filter { !$0.isWarning } }

    /// A TBX v3 document around `body` (concept entries), `prolog` before the root.
    static func tbx(prolog: String = "", _ body: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        \(prolog)<tbx type="TBX-Basic" style="dca" xml:lang="de" xmlns="urn:iso:std:iso:30042:ed-2">
          <tbxHeader><fileDesc><sourceDesc><p>x</p></sourceDesc></fileDesc></tbxHeader>
          <text><body>\(body)</body></text>
        </tbx>
        """
    }

    static func concept(_ id: Int, _ de: String, _ en: String) -> String {
        "<conceptEntry id=\"c\(id)\"><langSec xml:lang=\"de\"><termSec><term>\(de)</term></termSec></langSec>"
            + "<langSec xml:lang=\"en\"><termSec><term>\(en)</term></termSec></langSec></conceptEntry>\n"
    }

    // MARK: the four inputs that crashed Foundation's XMLParser (SIGILL in its callbacks)

    /// From the issue: `printf '<tbx>&\xfe;</tbx>'`, an invalid byte in an entity reference.
    func testTBX_invalidByteInEntityReference_isAnErrorWithLineColumnAndOffset() {
        let (glossary, problems) = parse(Array("<tbx>&".utf8) + [0xFE] + Array(";</tbx>".utf8), .tbx, source: "x.tbx")
        XCTAssertEqual(glossary?.entries, [])
        XCTAssertEqual(problems.map(\.description), [
            "x.tbx:1: invalid UTF-8 at byte offset 6 (column 7); save the glossary as UTF-8 (or UTF-16 with a byte-order mark), or use --lenient to replace bad bytes with U+FFFD",
        ])
    }

    func testTBX_invalidByteInComment_isAnError() {
        let (_, problems) = parse(Array("<tbx>\n<!-- ".utf8) + [0xFF] + Array(" -->\n</tbx>".utf8), .tbx, source: "x.tbx")
        XCTAssertEqual(problems.map(\.kind), [.invalidBytes(encoding: "UTF-8", byteOffset: 11, column: 6)])
        XCTAssertTrue(problems[0].description.hasPrefix("x.tbx:2: invalid UTF-8 at byte offset 11"), problems[0].description)
    }

    func testTBX_invalidByteInProcessingInstruction_isAnError() {
        let (_, problems) = parse(Array("<?xml version=\"1.0\"?>\n<?pi ".utf8) + [0xFE] + Array("?>\n<tbx/>".utf8), .tbx, source: "x.tbx")
        XCTAssertEqual(problems.map(\.kind), [.invalidBytes(encoding: "UTF-8", byteOffset: 27, column: 6)])
        XCTAssertEqual(problems.first?.line, 2)
    }

    func testTBX_invalidByteInStartTagNameAndAttribute_isAnError() {
        let (_, inName) = parse(Array("<tbx>\n<te".utf8) + [0xC3] + Array("rm/>\n</tbx>".utf8), .tbx, source: "x.tbx")
        XCTAssertEqual(inName.map(\.kind), [.invalidBytes(encoding: "UTF-8", byteOffset: 9, column: 4)])
        XCTAssertEqual(inName.first?.line, 2)
        let (_, inAttribute) = parse(Array("<tbx a=\"".utf8) + [0xED, 0xA0, 0x80] + Array("\"/>".utf8), .tbx, source: "x.tbx")
        XCTAssertEqual(inAttribute.map(\.description).first?.hasPrefix("x.tbx:1: invalid UTF-8 at byte offset 8 (column 9)"), true, "\(inAttribute)")
    }

    // MARK: entities: refused before any expansion

    /// From the issue: one 50 KB internal entity referenced 400,000 times (1.25 MB) took 16 s.
    func testTBX_entityReferencedManyTimes_isRefusedAtOnce() {
        let prolog = "<!DOCTYPE tbx [\n<!ENTITY e \"" + String(repeating: "x", count: 50_000) + "\">\n]>\n"
        let text = Self.tbx(prolog: prolog, "<conceptEntry id=\"c1\"><langSec xml:lang=\"de\"><termSec><term>"
                            + String(repeating: "&e;", count: 400_000) + "</term></termSec></langSec></conceptEntry>")
        XCTAssertGreaterThan(text.utf8.count, 1_250_000)
        let started = Date()
        let (glossary, problems) = parse(Array(text.utf8), .tbx, source: "bombe.tbx")
        XCTAssertLessThan(Date().timeIntervalSince(started), 1)
        XCTAssertEqual(glossary?.entries, [])
        XCTAssertEqual(problems.map(\.description), [
            "bombe.tbx:3: the glossary declares the entity 'e', and Kernsatz expands no entity declarations (a few can make a small file take minutes); write the text in place of each &e; and delete the declaration",
        ])
    }

    func testTBX_billionLaughs_isRefusedAtOnce() {
        var prolog = "<!DOCTYPE tbx [\n<!ENTITY lol0 \"lol\">\n"
        for level in 1...9 {
            prolog += "<!ENTITY lol\(level) \"" + String(repeating: "&lol\(level - 1);", count: 10) + "\">\n"
        }
        prolog += "]>\n"
        let text = Self.tbx(prolog: prolog, "<conceptEntry><langSec xml:lang=\"de\"><termSec><term>&lol9;</term></termSec></langSec></conceptEntry>")
        let started = Date()
        let (_, problems) = parse(Array(text.utf8), .tbx, source: "lol.tbx")
        XCTAssertLessThan(Date().timeIntervalSince(started), 1)
        XCTAssertEqual(problems.map(\.kind), [.entityDeclaration("lol0")])
        XCTAssertEqual(problems.first?.line, 3)
    }

    func testTBX_undeclaredEntity_saysWhatXMLKnows_neverACode() {
        let (_, problems) = parse(Array(Self.tbx(Self.concept(1, "Rat&nbsp;Tat", "council")).utf8), .tbx, source: "g.tbx")
        let error = try? XCTUnwrap(errors(problems).first)
        XCTAssertEqual(error?.line, 4)
        XCTAssertEqual(error?.description, "g.tbx:4: not well-formed XML (column 84: the entity &nbsp; is not declared (XML knows only &amp; &lt; &gt; &quot; &apos;); write the character itself or a character reference such as &#228;); fix the markup there")
    }

    func testTBX_mismatchedEndTag_namesTheOpenElement() {
        let (_, problems) = parse(Array("<tbx>\n<text>\n<body>\n</text>\n</tbx>\n".utf8), .tbx, source: "kaputt.tbx")
        let error = errors(problems).first
        XCTAssertEqual(error?.description, "kaputt.tbx:4: not well-formed XML (column 8: an end tag does not match the open element <body>; close <body> first); fix the markup there")
        XCTAssertFalse(problems.map(\.description).joined().contains("XML error"))
    }

    // MARK: DTDs and external entities: refused, as Kernsatz.docc/Glossaries.md says, from the parser's own view

    func testTBX_externalDTD_refusesTheGlossary() {
        let text = Self.tbx(prolog: "<!DOCTYPE martif SYSTEM \"TBXcoreStructV02.dtd\">\n", Self.concept(1, "Gipfel", "summit"))
        let (_, problems) = parse(Array(text.utf8), .tbx, source: "alt.tbx")
        XCTAssertEqual(problems.map(\.description), [
            "alt.tbx:2: the glossary names the external DTD 'TBXcoreStructV02.dtd', and Kernsatz never reads files a glossary names; delete the <!DOCTYPE …> declaration (TBX needs none)",
        ])
        XCTAssertFalse(problems[0].isWarning)
        XCTAssertThrowsError(try reader.read(path: write("alt.tbx", Array(text.utf8)))) { error in
            XCTAssertTrue("\(error)".contains("alt.tbx:2: the glossary names the external DTD"), "\(error)")
        }
    }

    func testTBX_utf16WithExternalEntity_isRefused() throws {
        let secret = FileManager.default.temporaryDirectory.appendingPathComponent("kernsatz-secret-\(UUID().uuidString).txt")
        try "GEHEIMNIS-1234".write(to: secret, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: secret) }
        let text = Self.tbx(prolog: "<!DOCTYPE tbx [ <!ENTITY x SYSTEM \"file://\(secret.path)\"> ]>\n", Self.concept(1, "Geheim&x;", "secret"))
            .replacingOccurrences(of: "encoding=\"UTF-8\"", with: "encoding=\"UTF-16\"")
        let littleEndian: [UInt8] = [0xFF, 0xFE] + Self.utf16(text, littleEndian: true)
        let bigEndian: [UInt8] = [0xFE, 0xFF] + Self.utf16(text, littleEndian: false)
        for (name, bytes) in [("le.tbx", littleEndian), ("be.tbx", bigEndian)] {
            let (glossary, problems) = parse(bytes, .tbx, source: name)
            XCTAssertEqual(problems.map(\.description), [
                "\(name):2: entity 'x' is not resolved (Kernsatz never reads DTDs or files a glossary names); write the text into the file",
            ])
            XCTAssertFalse((glossary?.entries.map(\.term) ?? []).joined().contains("GEHEIM"))
        }
    }

    /// The old pre-check read only the first MiB: a declaration after a large internal subset
    /// (here 1.2 MB of comments) is seen all the same.
    func testTBX_externalEntityAfterTheFirstMiB_isRefused() {
        let comments = String(repeating: "<!-- " + String(repeating: "z", count: 990) + " -->\n", count: 1_200)
        let text = Self.tbx(prolog: "<!DOCTYPE tbx [\n\(comments)<!ENTITY spät PUBLIC \"-//X//Y\" \"http://example.org/y\">\n]>\n",
                            Self.concept(1, "Gipfel", "summit"))
        let (_, problems) = parse(Array(text.utf8), .tbx, source: "spät.tbx")
        XCTAssertEqual(problems.map(\.kind), [.externalEntity("spät")])
        XCTAssertEqual(problems.first?.line, 1_203)
    }

    // MARK: encodings a TBX declares

    func testTBX_unknownDeclaredEncoding_isAnErrorOnLine1() {
        let text = Self.tbx(Self.concept(1, "Gipfel", "summit")).replacingOccurrences(of: "UTF-8", with: "klingon")
        let (_, problems) = parse(Array(text.utf8), .tbx, source: "k.tbx")
        XCTAssertEqual(problems.map(\.description), [
            "k.tbx:1: cannot be read as a glossary (the XML declaration names the encoding 'klingon', which ICU does not know; save the glossary as UTF-8)",
        ])
    }

    func testTBX_declaredWindows1252_isDecodedAsDeclared_declaredUTF16InUTF8BytesReadAsUTF8() {
        let latin = Self.tbx(Self.concept(1, "Gr@e", "greeting")).replacingOccurrences(of: "UTF-8", with: "windows-1252")
        let bytes = Array(latin.utf8).flatMap { $0 == UInt8(ascii: "@") ? [0xFC, 0xDF] : [$0] }
        XCTAssertEqual(parse(bytes, .tbx, source: "w.tbx").0?.entries.map(\.term), ["Grüße"])
        let mislabelled = Self.tbx(Self.concept(1, "Grüße", "greeting")).replacingOccurrences(of: "UTF-8", with: "UTF-16")
        let (glossary, problems) = parse(Array(mislabelled.utf8), .tbx, source: "u.tbx")
        XCTAssertEqual(problems, [])
        XCTAssertEqual(glossary?.entries.map(\.term), ["Grüße"])
    }

    // MARK: size

    /// libxml2's default limits refused 10 MB and more ("XML error 1" past the end of the file).
    func testTBX_twentyMegabytes_loads() {
        var body = ""
        var count = 0
        while body.utf8.count < 20 << 20 {
            count += 1
            body += Self.concept(count, "Sicherheitsgarantie Nummer \(count)", "security guarantee number \(count)")
        }
        let text = Self.tbx(body)
        XCTAssertGreaterThan(text.utf8.count, 20 << 20)
        let started = Date()
        let (glossary, problems) = parse(Array(text.utf8), .tbx, source: "gross.tbx")
        let seconds = Date().timeIntervalSince(started)
        XCTAssertEqual(errors(problems), [])
        XCTAssertEqual(glossary?.entries.count, count)
        XCTAssertEqual(glossary?.entries.last?.term, "Sicherheitsgarantie Nummer \(count)")
        XCTAssertEqual(glossary?.entries.last?.line, count + 3)
        XCTAssertLessThan(seconds, 60, "a debug build reads 20 MB in seconds")
    }

    // MARK: bad bytes in TSV and CSV: an error, never Latin-1

    /// From the issue: one bad byte made the whole file Latin-1 ("NAÃTO").
    func testTSV_oneBadByte_isAnErrorWithLineAndOffset() {
        let bytes = Array("Gipfel\tsummit\nNA".utf8) + [0xC3] + Array("TO\tNATO\n".utf8)
        let (glossary, problems) = parse(bytes, .tsv, source: "g.tsv")
        XCTAssertNil(glossary)
        XCTAssertEqual(problems.map(\.description), [
            "g.tsv:2: invalid UTF-8 at byte offset 16 (column 3); save the glossary as UTF-8 (or UTF-16 with a byte-order mark), or use --lenient to replace bad bytes with U+FFFD",
        ])
    }

    /// Mostly Latin-1 bytes (the old decoder's cue for a legacy charset) are an error too.
    func testTSV_latin1File_isAnError_notGuessed() {
        let bytes: [UInt8] = Array("Gr".utf8) + [0xFC, 0xDF] + Array("e\tgreeting\nK".utf8) + [0xF6] + Array("ln\tCologne\n".utf8)
        let (_, problems) = parse(bytes, .tsv, source: "latin1.tsv")
        XCTAssertEqual(problems.map(\.kind), [.invalidBytes(encoding: "UTF-8", byteOffset: 2, column: 3)])
        XCTAssertEqual(problems.first?.line, 1)
    }

    func testCSV_badByte_isAnErrorWithLineAndOffset() {
        let bytes = Array("de,en\nRat,council\nGipf".utf8) + [0xFF] + Array("el,summit\n".utf8)
        let (_, problems) = parse(bytes, .csv, source: "g.csv")
        XCTAssertEqual(problems.map(\.kind), [.invalidBytes(encoding: "UTF-8", byteOffset: 22, column: 5)])
        XCTAssertTrue(problems[0].description.hasPrefix("g.csv:3: invalid UTF-8 at byte offset 22 (column 5)"), problems[0].description)
    }

    func testTSV_utf16WithBOM_reads() {
        let text = "Gipfel\tsummit\nBündnis\talliance\n"
        let (glossary, problems) = parse([0xFF, 0xFE] + Self.utf16(text, littleEndian: true), .tsv, source: "g.tsv")
        XCTAssertEqual(problems, [])
        XCTAssertEqual(glossary?.entries.map(\.term), ["Gipfel", "Bündnis"])
    }

    /// UTF-16 with a BOM and an unpaired surrogate on line 2: an error with line and offset;
    /// lenient, a U+FFFD and a warning with the same place.
    func testTSV_utf16BadUnit_isAnError_lenientWarns() {
        let bytes: [UInt8] = [0xFF, 0xFE] + Self.utf16("Gipfel\tsummit\nN", littleEndian: true) + [0x00, 0xD8]
            + Self.utf16("TO\tNATO\n", littleEndian: true)
        let (_, strict) = parse(bytes, .tsv, source: "g.tsv")
        XCTAssertEqual(strict.map(\.kind), [.invalidBytes(encoding: "UTF-16LE", byteOffset: 32, column: nil)])
        XCTAssertEqual(strict.first?.line, 2)
        let (glossary, lenient) = parse(bytes, .tsv, source: "g.tsv", lenient: true)
        XCTAssertEqual(glossary?.entries.map(\.term), ["Gipfel", "N\u{FFFD}TO"])
        XCTAssertEqual(lenient.map(\.description), [
            "g.tsv:2: replaced 1 invalid UTF-16LE sequence(s) with U+FFFD (the first at byte offset 32); terms with U+FFFD match nothing, so fix the file",
        ])
    }

    // MARK: CSV quotes, with the line

    /// From the issue: `CSV: quotation(message: "Can't have non-quote here: c")` and no line.
    func testCSV_strayQuoteInUnquotedField_namesTheLine() {
        let (_, problems) = parse(Array("de,en\nRat,council\nab\"c,x\n".utf8), .csv, source: "g.csv")
        XCTAssertEqual(problems.map(\.description), [
            "g.csv:3: a quotation mark inside an unquoted field; quote the whole field and double each quotation mark inside it, e.g. \"Rat \"\"Tat\"\"\"",
        ])
    }

    func testCSV_textAfterClosingQuote_andUnclosedQuote_nameTheirLines() {
        let (_, after) = parse(Array("de,en\n\"Rat\"x,council\n".utf8), .csv, source: "g.csv")
        XCTAssertEqual(after.map(\.kind), [.csvQuoting("text after the closing quotation mark of a quoted field")])
        XCTAssertEqual(after.first?.line, 2)
        let (_, open) = parse(Array("de,en\nRat,council\n\"Gipfel,summit\nKrieg,war\n".utf8), .csv, source: "g.csv")
        XCTAssertEqual(open.first?.line, 3)
        XCTAssertTrue(open.first!.description.hasPrefix("g.csv:3: a quoted field that is never closed"), open.first!.description)
    }

    func testCSV_quotedFieldsWithDoubledQuotesAndLineBreaks_stillRead() {
        let (glossary, problems) = parse(Array("de,en,note\n\"Rat \"\"und\"\" Tat\",help,\"zwei\nZeilen\"\nGipfel,summit,\n".utf8), .csv, source: "g.csv")
        XCTAssertEqual(problems, [])
        XCTAssertEqual(glossary?.entries.map(\.term), ["Rat \"und\" Tat", "Gipfel"])
        XCTAssertEqual(glossary?.entries.map(\.line), [2, 4])
    }

    // MARK: lenient

    func testLenient_TSV_replacesBadByteAndWarns() {
        let bytes = Array("Gipfel\tsummit\nNA".utf8) + [0xC3] + Array("TO\tNATO\n".utf8)
        let (glossary, problems) = parse(bytes, .tsv, source: "g.tsv", lenient: true)
        XCTAssertEqual(glossary?.entries.map(\.term), ["Gipfel", "NA\u{FFFD}TO"])
        XCTAssertEqual(problems.map(\.description), [
            "g.tsv:2: replaced 1 invalid UTF-8 sequence(s) with U+FFFD (the first at byte offset 16); terms with U+FFFD match nothing, so fix the file",
        ])
        XCTAssertTrue(problems.allSatisfy(\.isWarning))
    }

    /// A bad byte inside a TBX term: an error naming its line; lenient, a U+FFFD and a warning.
    func testTBX_badByteInTerm_isAnError_lenientWarns() {
        let text = Self.tbx(Self.concept(1, "NA@TO", "NATO"))
        let bytes = Array(text.utf8).map { $0 == UInt8(ascii: "@") ? 0xFF : $0 }
        let offset = Array(text.utf8).firstIndex(of: UInt8(ascii: "@"))!
        let (_, strict) = parse(bytes, .tbx, source: "g.tbx")
        XCTAssertEqual(strict.map(\.kind), [.invalidBytes(encoding: "UTF-8", byteOffset: offset, column: 77)])
        XCTAssertEqual(strict.first?.line, 4)
        let (glossary, lenient) = parse(bytes, .tbx, source: "g.tbx", lenient: true)
        XCTAssertEqual(glossary?.entries.map(\.term), ["NA\u{FFFD}TO"])
        XCTAssertEqual(lenient.map(\.description), [
            "g.tbx:4: replaced 1 invalid UTF-8 sequence(s) with U+FFFD (the first at byte offset \(offset)); terms with U+FFFD match nothing, so fix the file",
        ])
    }

    // MARK: helpers

    static func utf16(_ text: String, littleEndian: Bool) -> [UInt8] {
        var bytes: [UInt8] = []
        for unit in text.utf16 {
            let low = UInt8(unit & 0xFF), high = UInt8(unit >> 8)
            bytes += littleEndian ? [low, high] : [high, low]
        }
        return bytes
    }

    func write(_ name: String, _ bytes: [UInt8]) -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("kernsatz-\(UUID().uuidString)-\(name)")
        FileManager.default.createFile(atPath: url.path, contents: Data(bytes))
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url.path
    }
}
