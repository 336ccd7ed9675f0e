import Foundation
import Kernsatz
@testable import KernsatzWorksheet
import XCTest

final class WorksheetBuilderTests: XCTestCase {
    func analysis(_ text: String) throws -> Analysis {
        try Pipeline(options: PipelineOptions(language: "de")).analyze(text, source: "t.txt")
    }

    func testEmptyTextGivesNoSegmentsAndZeroCounts() throws {
        let sheet = try WorksheetBuilder().build(analysis(""), source: "t.txt")
        XCTAssertEqual(sheet.segments, [])
        XCTAssertEqual(sheet.counts, Counts(words: 0, characters: 0))
        XCTAssertEqual(sheet.summary, [])
    }

    func testBadTargetLanguageIsRefusedWithTheTagInTheMessage() {
        XCTAssertThrowsError(try WorksheetBuilder(options: WorksheetOptions(targetLanguage: "english please"))) { error in
            XCTAssertTrue("\(error)".contains("'english please'"), "\(error)")
        }
    }

    func testTeaserDatelineAndHeadingAreSegmentsOfTheirOwnKind() throws {
        let text = "Kurzer Vorspann über den Gipfel.\n\nBrüssel – Die Minister trafen sich. Sie einigten sich.\n\nNeue Pläne\n\nDer Rat tagt morgen."
        let sheet = try WorksheetBuilder().build(analysis(text), source: "t.txt")
        XCTAssertEqual(sheet.segments.map(\.kind), [.teaser, .dateline, .paragraph, .paragraph, .heading, .paragraph])
        XCTAssertEqual(sheet.segments.map(\.source), ["Kurzer Vorspann über den Gipfel.", "Brüssel", "Die Minister trafen sich.",
                                                      "Sie einigten sich.", "Neue Pläne", "Der Rat tagt morgen."])
        XCTAssertEqual(sheet.segments.map(\.id), [1, 2, 3, 4, 5, 6])
        XCTAssertEqual(sheet.teaser, "Kurzer Vorspann über den Gipfel.")
        XCTAssertEqual(sheet.dateline, "Brüssel")
        XCTAssertTrue(sheet.segments.allSatisfy { $0.target.isEmpty })
    }

    func testCountsFollowWordSegmentationAndSkipSpaces() throws {
        let counter = try WordCounter(language: "de")
        XCTAssertEqual(counter.count(""), Counts(words: 0, characters: 0))
        XCTAssertEqual(counter.count("„Das ist die Realität“, sagte er."), Counts(words: 6, characters: 28))
        // A hyphen divides words; a decimal number is one word.
        XCTAssertEqual(counter.count("NATO-Generalsekretär 1,1"), Counts(words: 3, characters: 23))
        // Characters are what a reader sees as one: a decomposed é, a family emoji, a flag, a Hangul syllable
        // written as jamo; no-break and thin spaces are white space.
        XCTAssertEqual(counter.count("Cafe\u{301} 👨‍👩‍👧 🇺🇦 \u{1100}\u{1161}").characters, 7)
        XCTAssertEqual(counter.count("a\u{00A0}b\u{202F}c\u{2009}d").characters, 4)
        XCTAssertEqual(counter.count("„Ja“ – 5 €").characters, 7)
    }

    func testTermsAreMarkedWithTheirEntryAndTheGlossaryListsOnlyWhatOccurs() throws {
        let glossary = Glossary(sourceLanguage: "de", entries: [
            GlossaryEntry(term: "Sicherheitsgarantie", targets: [TargetTerm(language: "en", term: "security guarantee"),
                                                                  TargetTerm(language: "en", term: "safety guarantee", status: .deprecated, note: "not in defence")]),
            GlossaryEntry(term: "Abschreckung", targets: [TargetTerm(language: "en", term: "deterrence")]),
        ])
        let builder = try WorksheetBuilder(matcher: TermMatcher(glossary: glossary))
        let sheet = builder.build(try analysis("Man brauche starke Sicherheitsgarantien für die Ukraine."), source: "t.txt")
        XCTAssertEqual(sheet.segments[0].terms, [TermMark(start: 19, end: 39, text: "Sicherheitsgarantien", entry: "g1", match: .inflected)])
        XCTAssertEqual(sheet.glossary.map(\.term), ["Sicherheitsgarantie"])
        XCTAssertEqual(sheet.glossary[0].approved.map(\.term), ["security guarantee"])
        XCTAssertEqual(sheet.glossary[0].deprecated, [Translation(term: "safety guarantee", status: .deprecated, note: "not in defence")])
        XCTAssertEqual(sheet.glossary[0].segments, [1])
    }

    func testOffsetsCountUnicodeScalarsOfTheSegment() throws {
        let text = "Das 😀 Emoji stört nicht. Ursula von der Leyen kam nach Berlin."
        let sheet = try WorksheetBuilder().build(analysis(text), source: "t.txt")
        let second = sheet.segments[1]
        let scalars = Array(second.source.unicodeScalars)
        for mark in second.entities {
            XCTAssertEqual(String(String.UnicodeScalarView(scalars[mark.start..<mark.end])), mark.text)
        }
        XCTAssertTrue(second.entities.contains { $0.text == "Berlin" && $0.type == .location }, "\(second.entities)")
    }

    func testRunsCutAtEveryMarkAndJoinBackToTheSource() {
        var segment = Segment(id: 1, kind: .paragraph, block: 1, source: "„Putin weiß es“, sagte Rutte.", counts: Counts())
        segment.quotes = [QuoteMark(start: 1, end: 14, text: "Putin weiß es", kind: .direct, speaker: "Rutte")]
        segment.entities = [EntityMark(start: 1, end: 6, text: "Putin", type: .person), EntityMark(start: 23, end: 28, text: "Rutte", type: .person)]
        let runs = segment.runs
        XCTAssertEqual(runs.map(\.text).joined(), segment.source)
        XCTAssertEqual(runs.map(\.text), ["„", "Putin", " weiß es", "“, sagte ", "Rutte", "."])
        XCTAssertEqual(runs[1], Run(text: "Putin", entity: 0, quote: 0))
        XCTAssertEqual(runs[2], Run(text: " weiß es", quote: 0))
        XCTAssertEqual(runs[4], Run(text: "Rutte", entity: 1))
    }

    func testRunsOfASegmentWithThousandsOfMarksAreCutInLinearTime() {
        // One very long line without a sentence end is one segment with every mark of the text.
        let word = "Rutte 𝔘 zahlt "
        let count = 8000
        var segment = Segment(id: 1, kind: .paragraph, block: 1, source: String(repeating: word, count: count), counts: Counts())
        let length = word.unicodeScalars.count
        segment.entities = (0..<count).map { EntityMark(start: $0 * length, end: $0 * length + 5, text: "Rutte", type: .person) }
        segment.quotes = [QuoteMark(start: 0, end: count * length, text: "…", kind: .direct, speaker: nil)]
        let started = Date()
        let runs = segment.runs
        XCTAssertLessThan(Date().timeIntervalSince(started), 2, "runs took too long for \(count) marks")
        XCTAssertEqual(runs.count, 2 * count)
        XCTAssertEqual(runs.map(\.text).joined(), segment.source)
        XCTAssertEqual(runs[0], Run(text: "Rutte", entity: 0, quote: 0))
        XCTAssertEqual(runs[2 * count - 1], Run(text: " 𝔘 zahlt ", quote: 0))
        XCTAssertEqual(runs[2 * count - 2], Run(text: "Rutte", entity: count - 1, quote: 0))
    }

    func testMarksOfAVeryLongSegmentAreLocatedInLinearTimeAndSliceTheSource() throws {
        let text = String(repeating: "die NATO und Rutte 😀 zahlen 40 Prozent in Brüssel ", count: 3000)
        let analysis = try analysis(text)
        let started = Date()
        let sheet = try WorksheetBuilder().build(analysis, source: "t.txt")
        XCTAssertLessThan(Date().timeIntervalSince(started), 3, "building took too long")
        // 153,000 units without a period: pieces of at most `SentenceSegmenter.maxSentenceLength`
        // (issue 14), each with its marks.
        XCTAssertEqual(sheet.segments.count, 39)
        XCTAssertTrue(sheet.segments.allSatisfy { $0.source.utf16.count <= SentenceSegmenter.maxSentenceLength })
        XCTAssertGreaterThan(sheet.segments.reduce(0) { $0 + $1.entities.count }, 3000)
        XCTAssertEqual(sheet.segments.reduce(0) { $0 + $1.measures.count }, 3000)
        for segment in sheet.segments {
            let scalars = Array(segment.source.unicodeScalars)
            for mark in segment.entities {
                XCTAssertEqual(String(String.UnicodeScalarView(scalars[mark.start..<mark.end])), mark.text)
            }
            for mark in segment.measures {
                XCTAssertEqual(String(String.UnicodeScalarView(scalars[mark.start..<mark.end])), mark.text)
            }
        }
    }

    func testNamesInOtherScriptsGetALatinSpelling() throws {
        let sheet = try WorksheetBuilder().build(analysis("Das sagte Präsident Владимир Путин am Montag in Moskau."), source: "t.txt")
        let names = sheet.segments.flatMap(\.entities)
        let cyrillic = try XCTUnwrap(names.first { $0.text.contains("Путин") }, "\(names)")
        XCTAssertEqual(cyrillic.latin, cyrillic.text == "Путин" ? "Putin" : "Vladimir Putin")
        XCTAssertNil(names.first { $0.text == "Moskau" }?.latin)
    }

    func testTransliteratorIsOpenedOnlyForANameInAnotherScript() throws {
        let builder = try WorksheetBuilder()
        let latin = builder.build(try analysis("Das sagte Bundeskanzler Friedrich Merz am Montag in Berlin."), source: "t.txt")
        XCTAssertFalse(latin.segments.flatMap(\.entities).isEmpty)
        XCTAssertFalse(builder.hasOpenedTransliterator)
        let other = builder.build(try analysis("Das sagte Präsident Владимир Путин am Montag in Moskau."), source: "t.txt")
        XCTAssertTrue(other.segments.flatMap(\.entities).contains { $0.latin != nil })
        XCTAssertTrue(builder.hasOpenedTransliterator)
    }

    func testNumbersAndDatesAreRenderedForTheTargetLocale() throws {
        let text = "Am 23.12.2025 stiegen die Kosten um 40 Prozent auf 1,1 Millionen Euro, bis 2027."
        func renderings(_ target: String) throws -> [String: String] {
            let sheet = try WorksheetBuilder(options: WorksheetOptions(targetLanguage: target)).build(analysis(text), source: "t.txt")
            return Dictionary(uniqueKeysWithValues: sheet.segments.flatMap(\.measures).map { ($0.text, $0.rendering ?? "nil") })
        }
        let us = try renderings("en")
        XCTAssertEqual(us["23.12.2025"], "12/23/2025")
        XCTAssertEqual(us["40 Prozent"], "40 percent")
        XCTAssertEqual(us["1,1 Millionen Euro"], "1.1 million euros")
        XCTAssertEqual(us["2027"], "2027")
        XCTAssertEqual(try renderings("en-GB")["23.12.2025"], "23/12/2025")
    }

    func testTargetWithAnUnderscoreIsWrittenAsABCP47Tag() throws {
        let sheet = try WorksheetBuilder(options: WorksheetOptions(targetLanguage: "en_GB")).build(analysis("Am 23.12.2025 war es."), source: "t.txt")
        XCTAssertEqual(sheet.targetLanguage, "en-GB")
        XCTAssertEqual(sheet.segments.flatMap(\.measures).map(\.rendering), ["23/12/2025"])
        let html = HTMLWriter.write(sheet)
        XCTAssertTrue(html.contains("lang=\"en-GB\""))
        XCTAssertFalse(html.contains("en_GB"))
    }

    func testUnknownTargetLocaleIsRefusedBeforeAnyWork() {
        XCTAssertThrowsError(try WorksheetBuilder(options: WorksheetOptions(targetLanguage: "qq-ZZ"))) { error in
            XCTAssertTrue("\(error)".contains("qq-ZZ"), "\(error)")
        }
    }

    func testAQuoteOverSeveralSegmentsIsMarkedInEachWithTheSameSpeaker() throws {
        let sheet = try WorksheetBuilder().build(analysis("Er sagte: „Das ist die Realität. Damit müssen wir umgehen. Und zwar bald.“ Dann ging er."), source: "t.txt")
        let marked = sheet.segments.map { segment -> [String] in
            let scalars = Array(segment.source.unicodeScalars)
            return segment.quotes.map { String(String.UnicodeScalarView(scalars[$0.start..<$0.end])) + " — " + ($0.speaker ?? "nil") }
        }
        XCTAssertEqual(marked, [["Das ist die Realität. — Er"], ["Damit müssen wir umgehen. — Er"], ["Und zwar bald. — Er"], []])
    }

    func testRightToLeftTargetsAreMarkedForHTMLAndWord() throws {
        let arabic = try WorksheetBuilder(options: WorksheetOptions(targetLanguage: "ar")).build(analysis("Die Minister trafen sich."), source: "t.txt")
        XCTAssertEqual(arabic.sourceDirection, "ltr")
        XCTAssertEqual(arabic.targetDirection, "rtl")
        XCTAssertTrue(HTMLWriter.write(arabic).contains("<td class=\"target\" lang=\"ar\" dir=\"rtl\"></td>"))
        let english = try WorksheetBuilder(options: WorksheetOptions(targetLanguage: "en-GB")).build(analysis("Die Minister trafen sich."), source: "t.txt")
        XCTAssertEqual(english.targetDirection, "ltr")
        XCTAssertTrue(HTMLWriter.write(english).contains("<td class=\"target\" lang=\"en-GB\"></td>"))
    }

    func testBuild_fromAConsumedAnalysis_isTheSheetOfAKeptOne_andAKeptAnalysisKeepsItsTokens() throws {
        let text = """
            Berlin – Die Regierung hat am Montag über die Rente beraten. „Wir stehen zu unseren Zusagen“, sagte Olaf Scholz.

            Die Opposition verlangt eine Debatte über die Kosten von 2,5 Milliarden Euro. Scholz lehnte ab.
            """
        let builder = try WorksheetBuilder(options: WorksheetOptions(summarySentences: 2))
        let kept = try analysis(text)
        let tokenCount = kept.tokens.tokens.count
        XCTAssertGreaterThan(tokenCount, 20)
        let fromKept = builder.build(kept, source: "t.txt")
        XCTAssertEqual(kept.tokens.tokens.count, tokenCount, "the caller's analysis is a value: its tokens stay")
        var handedOver = try analysis(text)
        let fromConsumed = builder.build(consume handedOver, source: "t.txt")
        XCTAssertEqual(fromConsumed, fromKept)
        XCTAssertEqual(fromConsumed.summarySegments.count, 2, "the summary is made before the tokens go")
        handedOver = try analysis(text)
        handedOver.releaseTokens()
        XCTAssertTrue(handedOver.tokens.tokens.isEmpty)
        XCTAssertEqual(handedOver.sentences.count, kept.sentences.count, "only the tokens go")
    }
}
