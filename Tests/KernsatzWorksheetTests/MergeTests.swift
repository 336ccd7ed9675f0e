import Foundation
import KernsatzWorksheet
import XCTest

/// `WorksheetMerge`: translated XLIFF (2.1 and 1.2, as Kernsatz writes it and as OmegaT writes it
/// back) → the target document in the source's form. Fixtures in Fixtures/merge, made by hand to
/// the round-trip contract: drohnen-<form>.xlf (2.1, empty targets), drohnen-<form>.xliff12.xlf
/// (1.2, targets pre-filled with the source), drohnen-text.omegat.xliff12.xlf (OmegaT 3.6's
/// console-translate output of the 1.2 text file with "[EN] " + source in its project memory).
final class MergeTests: XCTestCase {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/merge")

    static func fixture(_ name: String) throws -> String {
        try String(contentsOf: fixtures.appendingPathComponent(name), encoding: .utf8)
    }

    /// Every target (empty or pre-filled) becomes "[EN] " + its source's text (marks dropped).
    static func fill(_ xliff: String, prefix: String = "[EN] ") -> String {
        let pattern = try! NSRegularExpression(pattern: #"(<source[^>]*>)(.*?)(</source>\s*)(<target[^>]*/>|<target[^>]*>.*?</target>)"#,
                                               options: [.dotMatchesLineSeparators])
        let tags = try! NSRegularExpression(pattern: "<[^>]+>")
        var out = ""
        var last = xliff.startIndex
        let ns = xliff as NSString
        for match in pattern.matches(in: xliff, range: NSRange(location: 0, length: ns.length)) {
            let range = Range(match.range, in: xliff)!
            out += xliff[last..<range.lowerBound]
            let source = ns.substring(with: match.range(at: 2))
            let plain = tags.stringByReplacingMatches(in: source, range: NSRange(location: 0, length: (source as NSString).length), withTemplate: "")
            out += ns.substring(with: match.range(at: 1)) + source + ns.substring(with: match.range(at: 3))
            out += "<target>\(prefix)\(plain)</target>"
            last = range.upperBound
        }
        out += xliff[last...]
        return out
    }

    func merge(_ xliff: String, file: String = "t.xlf") throws -> MergedDocument {
        try WorksheetMerge.merge(Array(xliff.utf8), file: file)
    }

    /// The error `merge` throws, as its message.
    func failure(_ xliff: String, file: String = "t.xlf", line: UInt = #line) -> String {
        do {
            _ = try merge(xliff, file: file)
            XCTFail("merged, but should have failed", line: line)
            return ""
        } catch {
            return "\(error)"
        }
    }

    static let englishText = """
        date 2025-12-23

        [EN] Der Rat beschließt neue Regeln für Drohnen & Flugtaxis.

        [EN] Brüssel – [EN] Die EU-Staaten haben sich auf neue Regeln geeinigt. [EN] Sie gelten ab 2027 für Geräte über 250 Gramm.

        [EN] Was sich ändert

        - [EN] Registrierung ab 250 Gramm.
        - [EN] Kein Flug näher als 5 km an Flughäfen.

        [EN] „Das ist ein guter Tag“, sagte die Ministerin. [EN] Die Regeln treten im Januar in Kraft.

        """

    static let germanText = englishText.replacingOccurrences(of: "[EN] ", with: "")

    static let englishMarkdown = """
        ---
        date: 2025-12-23
        ---

        \\[EN\\] Der Rat beschließt neue Regeln für Drohnen & Flugtaxis.

        \\[EN\\] Brüssel – \\[EN\\] Die EU-Staaten haben sich auf neue Regeln geeinigt. \\[EN\\] Sie gelten ab 2027 für Geräte über 250 Gramm.

        ## \\[EN\\] Was sich ändert

        - \\[EN\\] Registrierung ab 250 Gramm.
        - \\[EN\\] Kein Flug näher als 5 km an Flughäfen.

        \\[EN\\] „Das ist ein guter Tag“, sagte die Ministerin. \\[EN\\] Die Regeln treten im Januar in Kraft.

        """

    static let englishHTML = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <title>Drohnen</title>
        </head>
        <body>
        <article>
        <p class="teaser">[EN] Der Rat beschließt neue Regeln für Drohnen &amp; Flugtaxis.</p>
        <p>[EN] Brüssel – [EN] Die EU-Staaten haben sich auf neue Regeln geeinigt. [EN] Sie gelten ab 2027 für Geräte über 250 Gramm.</p>
        <h2>[EN] Was sich ändert</h2>
        <ul>
        <li>[EN] Registrierung ab 250 Gramm.</li>
        <li>[EN] Kein Flug näher als 5 km an Flughäfen.</li>
        </ul>
        <p>[EN] „Das ist ein guter Tag“, sagte die Ministerin. [EN] Die Regeln treten im Januar in Kraft.</p>
        </article>
        </body>
        </html>

        """

    // MARK: the skeleton: refusals first

    func testSkeleton_withoutKernsatzFirstLine_isNotAKernsatzWorksheet() {
        for text in ["", "   \n", "skeleton 1 text\n{kz:1}", "kernsatz-skeleton\n"] {
            XCTAssertThrowsError(try SkeletonTemplate.parse(text), text) { error in
                XCTAssertEqual((error as? WorksheetError)?.kind, .notKernsatzWorksheet, text)
            }
        }
    }

    func testSkeleton_laterVersionAndUnknownForm_areNamed() {
        XCTAssertThrowsError(try SkeletonTemplate.parse("kernsatz-skeleton 2 text\n")) { error in
            XCTAssertEqual("\(error)", "the skeleton is version 2, this Kernsatz reads version 1; merge with the Kernsatz that wrote the worksheet")
        }
        XCTAssertThrowsError(try SkeletonTemplate.parse("kernsatz-skeleton 1 docx\n")) { error in
            XCTAssertEqual((error as? WorksheetError)?.kind, .damagedSkeleton("the form 'docx' is not one of text, markdown, html"))
        }
        XCTAssertThrowsError(try SkeletonTemplate.parse("kernsatz-skeleton 1\n")) { error in
            XCTAssertEqual((error as? WorksheetError)?.kind, .damagedSkeleton("the first line names no form, one of text, markdown, html"))
        }
    }

    func testSkeleton_braceThatIsNoPlaceholder_isDamagedWithItsLine() {
        let cases: [(String, String, Int)] = [
            ("kernsatz-skeleton 1 text\n{kz:1}\n{x}\n", "'{x}'", 3),
            ("kernsatz-skeleton 1 text\n\n\n{kz:}", "'{kz:}'", 4),
            ("kernsatz-skeleton 1 text\n{kz:1 }", "'{kz:1 }'", 2),
            ("kernsatz-skeleton 1 text\nEnde {", "'{'", 2),
            ("kernsatz-skeleton 1 text\n{kz:99999999999}", "'{kz:99999999'", 2),
        ]
        for (text, shown, line) in cases {
            XCTAssertThrowsError(try SkeletonTemplate.parse(text), text) { error in
                let error = error as? WorksheetError
                XCTAssertEqual(error?.kind, .damagedSkeleton("\(shown) is neither a placeholder {kz:N} nor '{{' (a literal '{')"), text)
                XCTAssertEqual(error?.line, line, text)
            }
        }
    }

    func testSkeleton_placeholderTwice_isRefused() {
        XCTAssertThrowsError(try SkeletonTemplate.parse("kernsatz-skeleton 1 text\n{kz:1} {kz:1}")) { error in
            XCTAssertEqual((error as? WorksheetError)?.kind, .duplicatePlaceholder(1))
        }
    }

    func testSkeleton_doubleBraceIsOneBrace_closingBraceAndSpacesStayAsTheyAre() throws {
        let skeleton = try SkeletonTemplate.parse("\n  kernsatz-skeleton 1 markdown\n# {kz:1}\n\n{kz:2} {{sic} }\n", firstLine: 10)
        XCTAssertEqual(skeleton.form, .markdown)
        XCTAssertEqual(skeleton.pieces, [.literal("# "), .segment(1, line: 12), .literal("\n\n"), .segment(2, line: 14), .literal(" {sic} }\n")])
        XCTAssertEqual(skeleton.segmentIDs, [1, 2])
    }

    func testSkeleton_headerOnly_isAnEmptyTemplate() throws {
        XCTAssertEqual(try SkeletonTemplate.parse("kernsatz-skeleton 1 html"), SkeletonTemplate(form: .html, pieces: []))
        XCTAssertEqual(try SkeletonTemplate.parse("kernsatz-skeleton 1 text\n"), SkeletonTemplate(form: .text, pieces: []))
    }

    // MARK: files merge does not read

    func testMerge_notXML_notXLIFF_unknownVersion_areNamedWithFileAndLine() {
        XCTAssertTrue(failure("<xliff version=\"2.1\"><file>", file: "a.xlf").hasPrefix("a.xlf:1: cannot be read as XLIFF (not well-formed XML: "),
                      failure("<xliff version=\"2.1\"><file>", file: "a.xlf"))
        XCTAssertEqual(failure("<?xml version=\"1.0\"?>\n<tmx version=\"1.4\"/>", file: "b.xlf"),
                       "b.xlf:2: the root element is <tmx>, not <xliff>; merge reads the XLIFF files Kernsatz writes")
        XCTAssertEqual(failure("<xliff version=\"1.1\"/>", file: "c.xlf"),
                       "c.xlf:1: XLIFF version '1.1'; merge reads XLIFF 2.1 (and 2.0, 2.2) and XLIFF 1.2")
        XCTAssertEqual(failure("<xliff/>", file: "c.xlf"),
                       "c.xlf:1: no XLIFF version (the <xliff> element has no version attribute); merge reads XLIFF 2.1 (and 2.0, 2.2) and XLIFF 1.2")
    }

    func testMerge_xliffOfAnotherTool_isNotAKernsatzWorksheet() {
        let other = """
            <xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2">
              <file original="x.txt" source-language="de" target-language="en" datatype="plaintext">
                <body><trans-unit id="1"><source>Hallo.</source><target>Hello.</target></trans-unit></body>
              </file>
            </xliff>
            """
        XCTAssertEqual(failure(other, file: "fremd.xlf"),
                       "fremd.xlf: not a Kernsatz worksheet (no Kernsatz skeleton); merge reads the XLIFF files Kernsatz writes")
        let external = other.replacingOccurrences(of: "<body>", with: "<header><skl><external-file href=\"x.skl\"/></skl></header><body>")
        XCTAssertEqual(failure(external, file: "fremd.xlf"),
                       "fremd.xlf: not a Kernsatz worksheet (no Kernsatz skeleton); merge reads the XLIFF files Kernsatz writes")
        let otherSkeleton = other.replacingOccurrences(of: "<body>", with: "<header><skl><internal-file>Hallo {0}</internal-file></skl></header><body>")
        XCTAssertEqual(failure(otherSkeleton, file: "fremd.xlf"),
                       "fremd.xlf:3: not a Kernsatz worksheet (no Kernsatz skeleton); merge reads the XLIFF files Kernsatz writes")
    }

    func testMerge_doctypeAndEntities_areRefusedNotRead() {
        let dtd = "<?xml version=\"1.0\"?>\n<!DOCTYPE xliff SYSTEM \"http://example.org/x.dtd\">\n<xliff version=\"1.2\"/>"
        XCTAssertTrue(failure(dtd, file: "d.xlf").hasPrefix("d.xlf:2: cannot be read as XLIFF (it names the external DTD 'http://example.org/x.dtd'"),
                      failure(dtd, file: "d.xlf"))
        let entity = "<?xml version=\"1.0\"?>\n<!DOCTYPE xliff [<!ENTITY a \"aaaa\">]>\n<xliff version=\"1.2\">&a;</xliff>"
        XCTAssertTrue(failure(entity, file: "e.xlf").hasPrefix("e.xlf:2: cannot be read as XLIFF (it declares or uses the entity 'a'"),
                      failure(entity, file: "e.xlf"))
    }

    func testMerge_twoFileElements_areRefused() throws {
        let sheet = try Self.fixture("drohnen-text.xlf")
        let twice = sheet.replacingOccurrences(of: "</file>", with: "</file>\n  <file id=\"f2\" original=\"b.txt\"></file>")
        XCTAssertEqual(failure(twice, file: "zwei.xlf"), "zwei.xlf:81: 2 <file> elements; a Kernsatz worksheet has one, so merge each file of its own")
    }

    // MARK: damaged structure: the file, the unit or segment, the line

    func testMerge_deletedSegment_namesThePlaceholderAndItsLine() throws {
        let sheet = try Self.fixture("drohnen-text.xliff12.xlf")
        let range = try XCTUnwrap(sheet.range(of: #"<trans-unit id="4""#))
        let end = try XCTUnwrap(sheet.range(of: "</trans-unit>", range: range.upperBound..<sheet.endIndex))
        let damaged = sheet.replacingCharacters(in: range.lowerBound..<end.upperBound, with: "")
        XCTAssertEqual(failure(damaged, file: "kaputt.xlf"),
                       "kaputt.xlf:10: the skeleton's placeholder {kz:4} has no segment 4 in the file (a unit or segment was deleted?)")
    }

    func testMerge_addedSegment_namesSegmentUnitAndLine() throws {
        let sheet = try Self.fixture("drohnen-markdown.xlf")
        let added = sheet.replacingOccurrences(of: "    </unit>\n    <unit id=\"u4\"",
                                               with: "      <segment id=\"s10\"><source>Neu.</source><target>New.</target></segment>\n    </unit>\n    <unit id=\"u4\"")
        XCTAssertEqual(failure(added, file: "mehr.xlf"),
                       "mehr.xlf:50: segment 10 (unit u3) has no placeholder {kz:10} in the skeleton (a segment was added or split?)")
    }

    func testMerge_damagedSkeletonInTheFile_namesTheFileLine() throws {
        let sheet = try Self.fixture("drohnen-html.xlf")
        let damaged = sheet.replacingOccurrences(of: "&lt;h2&gt;{kz:5}", with: "&lt;h2&gt;{kz5}")
        XCTAssertEqual(failure(damaged, file: "h.xlf"),
                       "h.xlf:15: damaged skeleton: '{kz5}&lt;/h2&gt;' is neither a placeholder {kz:N} nor '{{' (a literal '{'); make the worksheet again, or restore its <skeleton>/<skl> from the file Kernsatz wrote"
                        .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">"))
    }

    func testMerge_badAndDuplicateSegmentIDs_areNamed() throws {
        let sheet = try Self.fixture("drohnen-text.xlf")
        XCTAssertEqual(failure(sheet.replacingOccurrences(of: "<segment id=\"s4\">", with: "<segment id=\"seg4\">"), file: "i.xlf"),
                       "i.xlf:44: the segment id 'seg4' (unit u3) is not one Kernsatz writes (s1, s2, … in XLIFF 2; 1, 2, … in XLIFF 1.2)")
        XCTAssertEqual(failure(sheet.replacingOccurrences(of: "<segment id=\"s4\">", with: "<segment id=\"s3\">"), file: "i.xlf"),
                       "i.xlf:44: segment 3 (unit u3) occurs twice; a worksheet numbers each segment once")
        let old = try Self.fixture("drohnen-text.xliff12.xlf")
        XCTAssertEqual(failure(old.replacingOccurrences(of: "<trans-unit id=\"4\"", with: "<trans-unit id=\"x4\""), file: "j.xlf"),
                       "j.xlf:40: the segment id 'x4' (unit b3) is not one Kernsatz writes (s1, s2, … in XLIFF 2; 1, 2, … in XLIFF 1.2)")
    }

    // MARK: the round trip: every form, both versions

    func testMerge_filledTargets_giveTheDocumentInEachFormAndVersion() throws {
        let expected: [(String, SkeletonTemplate.Form, String)] = [
            ("text", .text, Self.englishText), ("markdown", .markdown, Self.englishMarkdown), ("html", .html, Self.englishHTML),
        ]
        for (name, form, text) in expected {
            for file in ["drohnen-\(name).xlf", "drohnen-\(name).xliff12.xlf"] {
                let merged = try merge(Self.fill(try Self.fixture(file)), file: file)
                XCTAssertEqual(merged.form, form, file)
                XCTAssertEqual(merged.text, text, file)
                XCTAssertEqual(merged.untranslated, [], file)
                XCTAssertEqual(merged.segmentCount, 9, file)
                XCTAssertEqual(merged.targetLanguage, "en", file)
                XCTAssertEqual(merged.sourceLanguage, "de", file)
                XCTAssertEqual(merged.fileName(), "drohnen.en.\(form.fileExtension)", file)
            }
        }
    }

    func testMerge_textForm_keepsHeaderDatelineBlankLinesAndMarkersExactly() throws {
        let merged = try merge(Self.fill(try Self.fixture("drohnen-text.xlf")))
        let lines = merged.text.components(separatedBy: "\n")
        XCTAssertEqual(lines.count, 13)
        XCTAssertEqual(lines[0], "date 2025-12-23")
        XCTAssertEqual(lines.indices.filter { lines[$0].isEmpty }, [1, 3, 5, 7, 10, 12])
        XCTAssertEqual(lines.last, "")
        XCTAssertTrue(lines[4].hasPrefix("[EN] Brüssel – [EN] Die EU-Staaten"), lines[4])
        XCTAssertEqual(lines.filter { $0.hasPrefix("- ") }.count, 2)
    }

    func testMerge_omegatOutput_isMergedLikeKernsatzOwnFile() throws {
        let merged = try merge(try Self.fixture("drohnen-text.omegat.xliff12.xlf"), file: "omegat.xlf")
        XCTAssertEqual(merged.text, Self.englishText)
        XCTAssertEqual(merged.untranslated, [])
    }

    // MARK: untranslated segments

    func testMerge_worksheetAsWritten_isAllUntranslatedAndGivesTheSourceBack() throws {
        for file in ["drohnen-text.xlf", "drohnen-text.xliff12.xlf"] {
            let merged = try merge(try Self.fixture(file), file: file)
            XCTAssertEqual(merged.untranslated, Array(1...9), file)
            XCTAssertEqual(merged.text, Self.germanText, file)
        }
    }

    func testMerge_emptyBlankAndSourceEqualTargets_areUntranslated_othersNot() throws {
        var sheet = Self.fill(try Self.fixture("drohnen-text.xliff12.xlf"))
        sheet = sheet.replacingOccurrences(of: "<target>[EN] Brüssel</target>", with: "<target>  Brüssel \n</target>")
        sheet = sheet.replacingOccurrences(of: "<target>[EN] Was sich ändert</target>", with: "<target state=\"translated\"> \n </target>")
        sheet = sheet.replacingOccurrences(of: "<target>[EN] Registrierung ab 250 Gramm.</target>", with: "")
        sheet = sheet.replacingOccurrences(of: "<target>[EN] Die Regeln treten im Januar in Kraft.</target>",
                                           with: "<target state=\"needs-translation\">The rules take effect in January.</target>")
        let merged = try merge(sheet)
        XCTAssertEqual(merged.untranslated, [2, 5, 6])
        XCTAssertTrue(merged.text.contains("\n\nBrüssel – [EN] Die EU-Staaten"), merged.text)
        XCTAssertTrue(merged.text.contains("\n\nWas sich ändert\n\n- Registrierung ab 250 Gramm.\n"), merged.text)
        XCTAssertTrue(merged.text.hasSuffix("Ministerin. The rules take effect in January.\n"), merged.text)
    }

    // MARK: what a CAT tool may put into a target

    func testMerge_inlineElementsInTargets_keepTheirTextAndDropCode() throws {
        var old = Self.fill(try Self.fixture("drohnen-text.xliff12.xlf"))
        old = old.replacingOccurrences(of: "<target>[EN] Brüssel</target>",
                                       with: #"<target><g id="1">Brus</g><x id="2"/>sels<ph id="3">&lt;br/&gt;</ph><bpt id="4">&lt;b&gt;</bpt><mrk mtype="protected">!</mrk><ept id="4">&lt;/b&gt;</ept></target>"#)
        let merged = try merge(old)
        XCTAssertTrue(merged.text.contains("\n\nBrussels! – [EN] Die"), merged.text)
        var new = Self.fill(try Self.fixture("drohnen-text.xlf"))
        new = new.replacingOccurrences(of: "<target>[EN] Brüssel</target>",
                                       with: #"<target><pc id="1">Brus</pc><ph id="2"/>sels<cp hex="263A"/><mrk id="m" translate="no"><sc id="3"/>!<ec startRef="3"/></mrk></target>"#)
        XCTAssertTrue(try merge(new).text.contains("\n\nBrussels☺! – [EN] Die"))
    }

    func testMerge_suggestionsInAltTrans_areNotTheTarget() throws {
        var old = Self.fill(try Self.fixture("drohnen-text.xliff12.xlf"))
        old = old.replacingOccurrences(of: "<target>[EN] Brüssel</target>",
                                       with: "<target>Brussels</target><alt-trans><source>Brüssel</source><target>Bruxelles</target></alt-trans>")
        let merged = try merge(old)
        XCTAssertTrue(merged.text.contains("\n\nBrussels – [EN] Die"), merged.text)
        XCTAssertFalse(merged.text.contains("Bruxelles"))
    }

    func testMerge_targetsAreEscapedForTheForm() throws {
        let target = "A & B <i>*x*</i>"
        for (name, expected) in [("text", "A & B <i>*x*</i> – "), ("html", "A &amp; B &lt;i&gt;*x*&lt;/i&gt; – "),
                                 ("markdown", "A & B \\<i>\\*x\\*\\</i> – ")] {
            let sheet = Self.fill(try Self.fixture("drohnen-\(name).xlf"))
                .replacingOccurrences(of: "<target>[EN] Brüssel</target>", with: "<target>A &amp; B &lt;i&gt;*x*&lt;/i&gt;</target>")
            XCTAssertTrue(try merge(sheet).text.contains(expected), "\(name): \(target)")
        }
    }

    // MARK: escaping rules

    func testEscape_html_textAndAttributes() {
        XCTAssertEqual(WorksheetMerge.escape("A & <B> \"c\" 'd'", for: .html, after: "<p>"), "A &amp; &lt;B&gt; \"c\" 'd'")
        XCTAssertEqual(WorksheetMerge.escape("Rutte \"ja\" 'n'", for: .html, after: "<a title=\""), "Rutte &quot;ja&quot; &#39;n&#39;")
        XCTAssertEqual(WorksheetMerge.escape("x", for: .html, after: ""), "x")
    }

    func testEscape_markdown_inlineMarkupEverywhere() {
        let after = "Text "
        XCTAssertEqual(WorksheetMerge.escape(#"a\b `c` *d* [e](f) <g> ~~h~~"#, for: .markdown, after: after),
                       #"a\\b \`c\` \*d\* \[e\](f) \<g> \~\~h\~\~"#)
        XCTAssertEqual(WorksheetMerge.escape("snake_case _word_ x_", for: .markdown, after: after), "snake_case \\_word\\_ x\\_")
        XCTAssertEqual(WorksheetMerge.escape("AT&T &amp; &#38; & x", for: .markdown, after: after), "AT&T \\&amp; \\&#38; & x")
        XCTAssertEqual(WorksheetMerge.escape("# 1. - + > = |", for: .markdown, after: after), "# 1. - + > = |")
    }

    func testEscape_markdown_blockMarkersOnlyAtTheStartOfALine() {
        XCTAssertEqual(WorksheetMerge.escape("# Titel", for: .markdown, after: "a\n\n"), "\\# Titel")
        XCTAssertEqual(WorksheetMerge.escape("2027. Ein Jahr", for: .markdown, after: ""), "2027\\. Ein Jahr")
        XCTAssertEqual(WorksheetMerge.escape("3) drei", for: .markdown, after: "- "), "3\\) drei")
        XCTAssertEqual(WorksheetMerge.escape("- x", for: .markdown, after: "## "), "\\- x")
        XCTAssertEqual(WorksheetMerge.escape("> Zitat", for: .markdown, after: "\n"), "\\> Zitat")
        XCTAssertEqual(WorksheetMerge.escape("---", for: .markdown, after: "\n\n"), "\\---")
        XCTAssertEqual(WorksheetMerge.escape("2027 Jahre", for: .markdown, after: "\n"), "2027 Jahre")
        XCTAssertEqual(WorksheetMerge.escape("Nummer #1 #", for: .markdown, after: "## "), "Nummer #1 \\#")
        XCTAssertEqual(WorksheetMerge.escape("Nummer #1 #", for: .markdown, after: "\n"), "Nummer #1 #")
    }

    func testEscape_markdown_lineBreaksBecomeOneSpace_leadingIndentDropped() {
        XCTAssertEqual(WorksheetMerge.escape("eins\n\nzwei \r\n drei  vier", for: .markdown, after: "x "), "eins zwei drei  vier")
        XCTAssertEqual(WorksheetMerge.escape("    Code?", for: .markdown, after: "\n\n"), "Code?")
        XCTAssertEqual(WorksheetMerge.escape("  # x", for: .markdown, after: "\n\n"), "\\# x")
    }

    func testEscape_text_isRaw() {
        XCTAssertEqual(WorksheetMerge.escape("a & <b>\n*c*", for: .text, after: "\n"), "a & <b>\n*c*")
    }

    // MARK: the output name

    func testFileName_originalBaseNameTargetLanguageAndFormExtension() {
        func name(_ original: String?, _ language: String?, _ form: SkeletonTemplate.Form, fallback: String = "w.xlf") -> String {
            MergedDocument(text: "", form: form, original: original, sourceLanguage: "de", targetLanguage: language,
                           segmentCount: 0, untranslated: []).fileName(fallback: fallback)
        }
        XCTAssertEqual(name("Samples/de/nato.txt", "en", .text), "nato.en.txt")
        XCTAssertEqual(name("a/b/story.markdown", "fr", .markdown), "story.fr.md")
        XCTAssertEqual(name("C:\\News\\seite.htm", "en-GB", .html), "seite.en-GB.html")
        XCTAssertEqual(name("../../etc/.passwd", "en", .text), "passwd.en.txt")
        XCTAssertEqual(name("nato", "../en", .text), "nato.en.txt")
        XCTAssertEqual(name(nil, nil, .text, fallback: "returned/nato.xlf"), "nato.translated.txt")
        XCTAssertEqual(name("-", "en", .text, fallback: "stdin"), "stdin.en.txt")
    }
}
