import Foundation
import Kernsatz
import KernsatzWorksheet
import XCTest

/// `TranslationCheck`: each rule's edge cases first, then the reader, the report forms, and the
/// case tables of Fixtures/check (ours, and the second author's when it is there).
final class CheckTests: XCTestCase {
    nonisolated(unsafe) static var shared: TranslationCheck?

    static func check() throws -> TranslationCheck {
        if let shared { return shared }
        let check = try TranslationCheck(matchers: try ShippedGlossaries.glossaries().map { TermMatcher(glossary: $0) })
        shared = check
        return check
    }

    /// The findings of one worksheet as "segment:rule".
    func findings(_ sources: [String], _ targets: [String?], from: String = "de", to: String = "en",
                  check: TranslationCheck? = nil) throws -> [String] {
        let segments = zip(sources, targets).enumerated().map { CheckReport.Segment(id: $0.offset + 1, unit: "u1", source: $0.element.0, target: $0.element.1) }
        let report = try (check ?? Self.check()).check(segments: segments, sourceLanguage: from, targetLanguage: to, file: "t.xlf")
        return report.findings.map { "\($0.segment):\($0.rule.rawValue)" }
    }

    func one(_ source: String, _ target: String?, from: String = "de", to: String = "en") throws -> [String] {
        try findings([source], [target], from: from, to: to)
    }

    // MARK: untranslated

    func testUntranslatedEmptyMissingAndCopiedTargets() throws {
        XCTAssertEqual(try one("Die Minister beraten.", ""), ["1:untranslated"])
        XCTAssertEqual(try one("Die Minister beraten.", nil), ["1:untranslated"])
        XCTAssertEqual(try one("Die Minister beraten.", "  Die Minister beraten. "), ["1:untranslated"])
    }

    func testUntranslatedAcceptsNamesNumbersAndEmptySources() throws {
        XCTAssertEqual(try one("NATO", "NATO"), [])
        XCTAssertEqual(try one("2025", "2025"), [])
        XCTAssertEqual(try one("", ""), [])
        XCTAssertEqual(try one("Lyon", "Lyon"), [])
        // A place with another form in the target language is not kept as it is.
        XCTAssertEqual(try one("Brüssel", "Brüssel"), ["1:untranslated"])
        XCTAssertEqual(try one("Brüssel", "Brussels"), [])
    }

    func testUntranslatedSegmentGetsNoOtherFinding() throws {
        XCTAssertEqual(try one("Der Generalsekretär sagte 40 Prozent.", "Der Generalsekretär sagte 40 Prozent."), ["1:untranslated"])
    }

    // MARK: glossary

    func testGlossaryInflectedApprovedTermCounts() throws {
        XCTAssertEqual(try one("Kiew fordert Sicherheitsgarantien.", "Kyiv demands security guarantees."), [])
        XCTAssertEqual(try one("Kiew fordert Sicherheitsgarantien.", "Kyiv demands security promises."), ["1:glossary-missing"])
    }

    func testGlossaryGenitiveAndAmericanSpelling() throws {
        XCTAssertEqual(try one("Die Luftverteidigung der Ukraine hält.", "Ukraine's air defence holds."), [])
        XCTAssertEqual(try one("Die Luftverteidigung der Ukraine hält.", "Ukraine's air defense holds."), [])
        XCTAssertEqual(try one("Die Bündnistreue zählt.", "Commitment to the Alliance's values counts."), [])
    }

    func testGlossaryGermanTargetCompounds() throws {
        let glossary = Glossary(sourceLanguage: "en", entries: [GlossaryEntry(term: "ceasefire", targets: [
            TargetTerm(language: "de", term: "Waffenstillstand"), TargetTerm(language: "de", term: "Feuerpause", status: .deprecated)])])
        let check = try TranslationCheck(matcher: TermMatcher(glossary: glossary))
        XCTAssertEqual(try findings(["The ceasefire agreement holds."], ["Das Waffenstillstandsabkommen hält."], from: "en", to: "de", check: check), [])
        XCTAssertEqual(try findings(["The ceasefire holds."], ["Die Feuerpause hält."], from: "en", to: "de", check: check), ["1:glossary-deprecated"])
        XCTAssertEqual(try findings(["The ceasefire holds."], ["Die Ruhe hält."], from: "en", to: "de", check: check), ["1:glossary-missing"])
    }

    func testGlossaryDeprecatedReportedOnceNotAlsoMissing() throws {
        XCTAssertEqual(try one("Der Generalsekretär sprach.", "The General Secretary spoke."), ["1:glossary-deprecated"])
        XCTAssertEqual(try one("Der Generalsekretär sprach.", "The Secretary General spoke."), [])
    }

    func testGlossaryOwnEntriesAndNoGlossary() throws {
        let glossary = Glossary(entries: [GlossaryEntry(term: "Bündnistreue", targets: [
            TargetTerm(language: "en", term: "alliance loyalty"),
            TargetTerm(language: "en", term: "alliance faithfulness", status: .deprecated)])])
        let check = try TranslationCheck(matcher: TermMatcher(glossary: glossary))
        XCTAssertEqual(try findings(["Er betonte die Bündnistreue."], ["He stressed alliance faithfulness."], check: check), ["1:glossary-deprecated"])
        XCTAssertEqual(try findings(["Er betonte die Bündnistreue."], ["He stressed alliance loyalty."], check: check), [])
        let none = try TranslationCheck(matcher: nil)
        XCTAssertEqual(try findings(["Er betonte die Bündnistreue."], ["He stressed loyalty."], check: none), [])
    }

    // MARK: number

    func testNumberScaleWordsAndTargetSeparators() throws {
        let source = "Putin sei bereit, 1,1 Millionen Menschen zu opfern."
        XCTAssertEqual(try one(source, "Putin is ready to sacrifice 1.1 million people."), [])
        XCTAssertEqual(try one(source, "Putin is ready to sacrifice 1,1 million people."), ["1:number"])
        XCTAssertEqual(try one(source, "Putin is ready to sacrifice 1.1 billion people."), ["1:number"])
    }

    func testNumberMessageAsDocumented() throws {
        let report = try Self.check().check(
            segments: [CheckReport.Segment(id: 1, unit: "u1", source: "Putin sei bereit, 1,1 Millionen Menschen zu opfern.",
                                           target: "Putin is ready to sacrifice 1.1 billion people.")],
            sourceLanguage: "de", targetLanguage: "en", file: "nato.xlf")
        XCTAssertEqual(report.findings.map(\.rule), [.number])
        XCTAssertEqual(report.findings.first?.message, "the source's „1,1 Millionen“ is not in the target with its value (en: 1.1 million)")
        XCTAssertEqual(report.findings.first?.spans, [CheckSpan(side: .source, start: 18, end: 31, text: "1,1 Millionen")])
    }

    func testNumberDigitsOutsideMeasuresAndClockTimes() throws {
        XCTAssertEqual(try one("„Nein“, sagte der 58-Jährige.", "“No,” said the 68-year-old."), ["1:number"])
        XCTAssertEqual(try one("„Nein“, sagte der 58-Jährige.", "“No,” said the 58-year-old."), [])
        XCTAssertEqual(try one("Die Sitzung beginnt um 14.30 Uhr.", "The meeting starts at 2.30 pm."), [])
    }

    func testNumberPercentForms() throws {
        let source = "Russland gibt 40 Prozent seines Haushalts für das Militär aus."
        XCTAssertEqual(try one(source, "Russia spends 40 percent of its budget on the military."), [])
        XCTAssertEqual(try one(source, "Russia spends 40% of its budget on the military."), [])
        XCTAssertEqual(try one(source, "Russia spends 45% of its budget on the military."), ["1:number"])
    }

    func testNumberDatesInEnglishForms() throws {
        let source = "Das Treffen findet am 23.12.2025 statt."
        XCTAssertEqual(try one(source, "The meeting takes place on 12/23/2025."), [])
        XCTAssertEqual(try one(source, "The meeting takes place on December 23, 2025."), [])
        XCTAssertEqual(try one(source, "The meeting takes place on 23 December 2025."), [])
        XCTAssertEqual(try one(source, "The meeting takes place on December 24, 2025."), ["1:number"])
    }

    func testNumberSmallNumbersAsWords() throws {
        XCTAssertEqual(try one("Drei Soldaten wurden verletzt, 3 Panzer zerstört.", "Three soldiers were wounded and three tanks destroyed."), [])
    }

    // MARK: name

    func testNamePersonChangedOrMissing() throws {
        let source = "Bundeskanzler Friedrich Merz reiste nach Kiew."
        XCTAssertEqual(try one(source, "Chancellor Friedrich Merz travelled to Kyiv."), [])
        XCTAssertEqual(try one(source, "Chancellor Friedrich Schulz travelled to Kyiv."), ["1:name"])
    }

    func testNameTransliterationAndPlaceForms() throws {
        XCTAssertEqual(try one("Selenskyj sprach in Moskau und Russland.", "Zelensky spoke in Moscow and Russia."), [])
        // Regions by ICU: „Europas“ → "Europe's"; a changed one is found.
        XCTAssertEqual(try one("Die Sicherheit Europas steht auf dem Spiel.", "Europe's security is at stake."), [])
        XCTAssertEqual(try one("Die Sicherheit Europas steht auf dem Spiel.", "Asia's security is at stake."), ["1:name"])
    }

    func testNameKeptNamesOfAgenciesAndCompanies() throws {
        // A one-word agency the recognizer gives no cue to check, and a declined company name.
        XCTAssertEqual(try one("Das berichtete die Nachrichtenagentur Reuters.", "The news agency reported this."), ["1:name"])
        XCTAssertEqual(try one("Das berichtete die Nachrichtenagentur Reuters.", "The news agency Reuters reported this."), [])
        XCTAssertEqual(try one("Die Züge der Deutschen Bahn fallen aus.", "Deutsche Bahn trains are cancelled."), [])
        XCTAssertEqual(try one("Die Züge der Deutschen Bahn fallen aus.", "The railway's trains are cancelled."), ["1:name"])
        // A common noun that a company list could mistake („Allianz“ is the alliance) is left alone.
        XCTAssertEqual(try one("Die Allianz wächst.", "The alliance is growing."), [])
    }

    func testNameFrenchElisionAndLocalizedAcronyms() throws {
        XCTAssertEqual(try one("L'OTAN et l'UE ont condamné l'attaque.", "NATO and the EU condemned the attack.", from: "fr"), [])
        XCTAssertEqual(try one("La présidente de la BCE a parlé.", "The ECB president spoke.", from: "fr"), [])
        XCTAssertEqual(try one("Le déficit atteint 5,8 % du PIB.", "The deficit reaches 5.8% of GDP.", from: "fr"), [])
        XCTAssertEqual(try one("L'OTAN a condamné l'attaque.", "The alliance condemned the attack.", from: "fr"), ["1:name"])
    }

    func testUntranslatedCreditLinesMayStay() throws {
        XCTAssertEqual(try findings(["Die Polizei nahm zwei Verdächtige fest.", "picture alliance/dpa | Kay Nietfeld"],
                                    ["Police arrested two suspects.", "picture alliance/dpa | Kay Nietfeld"]), [])
        XCTAssertEqual(try findings(["Die Ministerin reiste ab.", "Michael Kappeler/dpa"], ["The minister left.", "Michael Kappeler/dpa"]), [])
        // A label is a word to translate.
        XCTAssertEqual(try findings(["Die Ministerin reiste ab.", "Foto: Michael Kappeler/dpa"],
                                    ["The minister left.", "Foto: Michael Kappeler/dpa"]), ["2:untranslated"])
    }

    func testNumberSignOfATemperatureStays() throws {
        let source = "Die Temperaturen sinken auf minus 12 Grad."
        XCTAssertEqual(try one(source, "Temperatures will fall to minus 12 degrees."), [])
        XCTAssertEqual(try one(source, "Temperatures will fall to -12 degrees."), [])
        XCTAssertEqual(try one(source, "Temperatures will fall to 12 degrees below zero."), [])
        XCTAssertEqual(try one(source, "Temperatures will fall to 12 degrees."), ["1:number"])
        // Elsewhere the sign may move into words.
        XCTAssertEqual(try one("Der Umsatz lag bei minus 3 Prozent.", "Sales fell by 3 percent."), [])
    }

    func testNumberDayInARangeOfOneMonth() throws {
        let source = "Der Rat tagt am 18. und 19. Dezember in Brüssel."
        XCTAssertEqual(try one(source, "The Council meets in Brussels on December 18 and 19."), [])
        XCTAssertEqual(try one(source, "The Council meets in Brussels on 18 and 19 December."), [])
        XCTAssertEqual(try one(source, "The Council meets in Brussels on December 18 and 20."), ["1:number"])
    }

    // MARK: quote-marks, doubled-word, brackets

    func testQuoteMarksQuotedPhrasesButNotNamesOrScareQuotes() throws {
        let source = "Ein Abgeordneter nannte die Pläne „völlig inakzeptabel“."
        XCTAssertEqual(try one(source, "One MP called the plans “completely unacceptable”."), [])
        XCTAssertEqual(try one(source, "One MP called the plans completely unacceptable."), ["1:quote-marks"])
        // A party's name, a title after its cue, one word in quotes: marks may go.
        XCTAssertEqual(try one("Die Partei – die „Alternative für Deutschland“ – legte zu.", "The party – the Alternative for Germany (AfD) – gained ground."), [])
        XCTAssertEqual(try one("Das schrieb die Zeitung „die tageszeitung“ am Montag.", "The newspaper taz wrote this on Monday."), [])
        XCTAssertEqual(try one("Er sprach von einer „Zeitenwende“.", "He spoke of a turning point."), [])
    }


    func testQuoteMarksAnyStyleCounts() throws {
        let source = "„Wir stehen an der Seite der Ukraine“, sagte Rutte."
        XCTAssertEqual(try one(source, "“We stand by Ukraine,” Rutte said."), [])
        XCTAssertEqual(try one(source, "'We stand by Ukraine,' Rutte said."), [])
        XCTAssertEqual(try one(source, "We stand by Ukraine, Rutte said."), ["1:quote-marks"])
    }

    func testDoubledWordAllowedAndInSource() throws {
        XCTAssertEqual(try one("Die Minister beraten über die Lage.", "The the ministers discuss the situation."), ["1:doubled-word"])
        XCTAssertEqual(try one("Er hatte es gesagt.", "He had had his say."), [])
        // A phrasal verb's particle before the same preposition; "in in" elsewhere is a slip.
        XCTAssertEqual(try one("Die ersten Mieter sind 2024 eingezogen.", "The first tenants moved in in 2024."), [])
        XCTAssertEqual(try one("Die ersten Mieter leben seit 2024 dort.", "The first tenants have lived there since in in 2024."), ["1:doubled-word"])
        XCTAssertEqual(try one("Die Minister beraten.", "The ministers. The ministers confer."), [])
    }

    func testBracketsOnlyWhenTheSourceIsBalanced() throws {
        XCTAssertEqual(try one("Die Allianz (Nato) tagt.", "The alliance (NATO meets."), ["1:brackets"])
        XCTAssertEqual(try one("Die Allianz (Nato tagt.", "The alliance (NATO meets."), [])
    }

    // MARK: inconsistent, length-ratio, whitespace

    func testInconsistentReportsLaterOccurrence() throws {
        XCTAssertEqual(try findings(["Die Lage ist ernst.", "Die Minister beraten.", "Die Lage ist ernst."],
                                    ["The situation is serious.", "The ministers confer.", "The situation is grave."]), ["3:inconsistent"])
        XCTAssertEqual(try findings(["Die Lage ist ernst.", "Die Lage ist  ernst."], ["The situation is serious.", "The situation is serious. "]), ["2:whitespace"])
    }

    func testLengthRatioExemptsShortSources() throws {
        XCTAssertEqual(try one("Die Minister beraten am Donnerstag stundenlang über die schwierige Lage.", "They meet."), ["1:length-ratio"])
        XCTAssertEqual(try one("Ja.", "Yes, indeed, that is what we have always said."), [])
    }

    func testWhitespaceLeadingAndTrailing() throws {
        XCTAssertEqual(try one("Die Minister beraten.", "The ministers confer. "), ["1:whitespace"])
        XCTAssertEqual(try one(" Die Minister beraten.", " The ministers confer."), [])
    }

    func testRulesChosen() throws {
        let check = try TranslationCheck(matcher: nil, rules: [.whitespace])
        XCTAssertEqual(try findings(["Die Lage (ernst."], ["The the situation  "], check: check), ["1:whitespace"])
    }

    // MARK: reading and reports

    func testReadsXLIFFAndReportsEveryFormEscaped() throws {
        let xliff = CheckCases.xliff(sources: ["Die Lage <ist> ernst."], targets: ["=The the situation <is> serious."], from: "de", to: "en")
        let sheet = try XLIFFReader.read(Array(xliff.utf8), file: "t.xlf")
        let report = try Self.check().check(sheet, file: "t.xlf")
        XCTAssertEqual(report.findings.map(\.rule), [.doubledWord])
        XCTAssertTrue(report.hasErrors)
        let html = CheckReportWriter.html([report])
        XCTAssertTrue(html.contains("&lt;is&gt;"))
        XCTAssertFalse(html.contains("<is>"))
        XCTAssertTrue(html.contains("<mark class=\"error\" title=\"doubled-word\">The the</mark>"))
        let csv = CheckReportWriter.csv([report])
        XCTAssertTrue(csv.contains(",'=The the situation <is> serious.,"))
        XCTAssertTrue(CheckReportWriter.text([report]).hasPrefix("t.xlf: segment 1 (u1): error doubled-word: "))
        let json = try JSONSerialization.jsonObject(with: Data(CheckReportWriter.json([report]).utf8)) as? [[String: Any]]
        XCTAssertEqual(json?.first?["errors"] as? Int, 1)
    }

    func testMissingLanguageIsAnError() throws {
        let xliff = CheckCases.xliff(sources: ["Die Lage."], targets: ["The situation."], from: nil, to: "en")
        let sheet = try XLIFFReader.read(Array(xliff.utf8), file: "t.xlf")
        XCTAssertThrowsError(try Self.check().check(sheet, file: "t.xlf")) { error in
            XCTAssertEqual((error as? WorksheetError)?.kind, .missingLanguage(side: "source"))
        }
    }

    // MARK: case tables

    func testOwnCaseTable() throws {
        let result = try CheckCases.run(file: CheckCases.fixtures.appendingPathComponent("own-cases.jsonl"), check: Self.check())
        print(result.summary)
        XCTAssertEqual(result.failures, [], result.summary)
    }

    /// The tables of other authors (written without seeing this code): P/R per rule are printed,
    /// and each must stay at or above the number of cases it had exactly right when it was added
    /// (the floor; the Checking article gives the figure of the first, blind run). Each was run blind once before
    /// any rule changed because of it; the floor guards what later changes keep.
    func testOtherAuthorsCaseTables() throws {
        let floors = [("check-cases.jsonl", 153), ("check-cases-heldout.jsonl", 100), ("check-cases-4.jsonl", 119), ("check-cases-5.jsonl", 95)]
        for (name, floor) in floors {
            let result = try CheckCases.run(file: CheckCases.fixtures.appendingPathComponent(name), check: Self.check())
            print(result.summary)
            for failure in result.failures { print("case failed: \(failure)") }
            XCTAssertGreaterThanOrEqual(result.right, floor, "\(name): \(result.failures.joined(separator: "; "))")
        }
        // KERNSATZ_CHECK_CASES=path also runs a new author's table (before it is added) and prints its figures.
        if let path = ProcessInfo.processInfo.environment["KERNSATZ_CHECK_CASES"] {
            let result = try CheckCases.run(file: URL(fileURLWithPath: path), check: Self.check())
            print(result.summary)
            for failure in result.failures { print("case failed: \(failure)") }
            XCTAssertGreaterThan(result.total, 0, "\(path) has no cases")
        }
    }
}

/// The case tables: JSON Lines of `{"id", "expect": [{"segment", "rule"}], "sourceLang",
/// "targetLang", "source": […], "target": […], "glossary"?: [{"term", "approved", "deprecated"}]}`
/// (Fixtures/check/README.md). Each case becomes an XLIFF 2.1 worksheet (one segment per source
/// sentence), is read back with `XLIFFReader` and checked; findings are compared as (segment, rule).
enum CheckCases {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/check")

    struct Case: Decodable {
        struct Expect: Decodable, Hashable {
            var segment: Int
            var rule: String
        }
        struct Term: Decodable {
            var term: String
            var approved: [String]?
            var deprecated: [String]?
        }
        var id: String
        var expect: [Expect]
        var sourceLang: String?
        var targetLang: String?
        var source: [String]
        var target: [String]
        var glossary: [Term]?
    }

    struct Result {
        var failures: [String] = []
        var summary = ""
        var total = 0
        var right: Int { total - failures.count }
    }

    static func xliff(sources: [String], targets: [String], from: String?, to: String) -> String {
        var skeleton = "kernsatz-skeleton 1 text\n"
        skeleton += (1...max(1, sources.count)).map { "{kz:\($0)}" }.joined(separator: " ")
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.1\""
        if let from { out += " srcLang=\"\(XMLText.attribute(from))\"" }
        out += " trgLang=\"\(XMLText.attribute(to))\">\n<file id=\"f1\" original=\"case.txt\">\n<skeleton>\(XMLText.escape(skeleton))</skeleton>\n<unit id=\"u1\">\n"
        for (index, source) in sources.enumerated() {
            let target = index < targets.count ? targets[index] : ""
            out += "<segment id=\"s\(index + 1)\"><source xml:space=\"preserve\">\(XMLText.escape(source))</source><target xml:space=\"preserve\">\(XMLText.escape(target))</target></segment>\n"
        }
        out += "</unit>\n</file>\n</xliff>\n"
        return out
    }

    static func run(file: URL, check shipped: TranslationCheck) throws -> Result {
        let text = try String(contentsOf: file, encoding: .utf8)
        var result = Result()
        var truePositives: [String: Int] = [:]
        var falsePositives: [String: Int] = [:]
        var falseNegatives: [String: Int] = [:]
        var cases = 0
        var passed = 0
        for (number, line) in text.split(separator: "\n").enumerated() where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            let item = try JSONDecoder().decode(Case.self, from: Data(line.utf8))
            cases += 1
            var check = shipped
            if let terms = item.glossary {
                let to = item.targetLang ?? "en"
                let entries = terms.map { term in
                    GlossaryEntry(term: term.term, targets: (term.approved ?? []).map { TargetTerm(language: to, term: $0) }
                                  + (term.deprecated ?? []).map { TargetTerm(language: to, term: $0, status: .deprecated) })
                }
                check = try TranslationCheck(matcher: TermMatcher(glossary: Glossary(sourceLanguage: item.sourceLang ?? "de", entries: entries)))
            }
            let xliff = xliff(sources: item.source, targets: item.target, from: item.sourceLang ?? "de", to: item.targetLang ?? "en")
            let sheet = try XLIFFReader.read(Array(xliff.utf8), file: "\(item.id).xlf")
            let report = try check.check(sheet, file: "\(item.id).xlf")
            let got = Set(report.findings.map { Case.Expect(segment: $0.segment, rule: $0.rule.rawValue) })
            let want = Set(item.expect)
            for hit in got.intersection(want) { truePositives[hit.rule, default: 0] += 1 }
            for extra in got.subtracting(want) { falsePositives[extra.rule, default: 0] += 1 }
            for missed in want.subtracting(got) { falseNegatives[missed.rule, default: 0] += 1 }
            if got == want {
                passed += 1
            } else {
                let shown = report.findings.map { "\($0.segment):\($0.rule.rawValue) \($0.message)" }.joined(separator: " | ")
                result.failures.append("\(item.id) (line \(number + 1)): expected \(want.map { "\($0.segment):\($0.rule)" }.sorted()), got [\(shown)]")
            }
        }
        var lines = ["\(file.lastPathComponent): \(passed)/\(cases) cases exactly right", "rule                 TP  FP  FN  precision  recall"]
        for rule in CheckRule.allCases.map(\.rawValue) {
            let (tp, fp, fn) = (truePositives[rule] ?? 0, falsePositives[rule] ?? 0, falseNegatives[rule] ?? 0)
            let p = tp + fp == 0 ? "-" : String(format: "%.2f", Double(tp) / Double(tp + fp))
            let r = tp + fn == 0 ? "-" : String(format: "%.2f", Double(tp) / Double(tp + fn))
            lines.append(rule.padding(toLength: 20, withPad: " ", startingAt: 0) + String(format: " %3d %3d %3d", tp, fp, fn)
                         + "  " + p.padding(toLength: 9, withPad: " ", startingAt: 0) + "  " + r)
        }
        result.summary = lines.joined(separator: "\n")
        result.total = cases
        return result
    }
}
