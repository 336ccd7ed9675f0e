import XCTest
@testable import KernsatzSegmentation

final class SentenceSegmenterTests: XCTestCase {
    static let german = try! SentenceSegmenter(language: "de")

    func split(_ text: String, _ segmenter: SentenceSegmenter = german) -> [String] {
        let units = Array(text.utf16)
        return segmenter.sentenceRanges(in: units).map { String(decoding: units[$0], as: UTF16.self) }
    }

    // MARK: edge cases

    func testSplit_emptyText_noSentences() {
        XCTAssertEqual(split(""), [])
    }

    // Issue 14 ("Bounded memory and time"): text without sentence punctuation is cut into pieces
    // of at most `maxSentenceLength` units, before a space, so no later stage works on one huge sentence.
    func testSplit_textWithoutPunctuation_isCutBeforeASpaceAtTheCap() {
        let text = String(repeating: "Wort ", count: 2_000)   // 10,000 units, no period
        let sentences = split(text)
        XCTAssertEqual(sentences.map(\.utf16.count), [3_999, 3_999, 1_999])
        XCTAssertTrue(sentences.allSatisfy { $0.hasPrefix("Wort") && $0.hasSuffix("Wort") })
    }

    func testSplit_longTokenWithoutSpaces_isCutAtTheCapOutsideASurrogatePair() {
        let text = "a" + String(repeating: "😀", count: 3_000)   // 6,001 units, no space
        let sentences = split(text)
        XCTAssertEqual(sentences.map(\.utf16.count), [3_999, 2_002])
        XCTAssertEqual(sentences.joined(), text)
    }

    func testSplit_sentenceAtTheCap_staysWhole() {
        let text = String(repeating: "x", count: SentenceSegmenter.maxSentenceLength)
        XCTAssertEqual(split(text), [text])
    }

    func testSplit_spacesOnly_noSentences() {
        XCTAssertEqual(split("   "), [])
    }

    func testSplit_noFinalPunctuation_oneSentence() {
        XCTAssertEqual(split("Rutte vertraut auf die USA"), ["Rutte vertraut auf die USA"])
    }

    func testSplit_punctuationOnly_oneSentence() {
        XCTAssertEqual(split("..."), ["..."])
    }

    // MARK: the failure modes of ICU's de@ss=standard (issue 2)

    func testSplit_afterWordEndingInR_splits() {
        XCTAssertEqual(split("Das Treffen endet um 10 Uhr. Die Zahl der Gäste steigt."),
                       ["Das Treffen endet um 10 Uhr.", "Die Zahl der Gäste steigt."])
    }

    func testSplit_afterWordEndingInO_splits() {
        XCTAssertEqual(split("Er warnte die NATO. Die Lage ist ernst. Sie zog ins Büro. Dort blieb sie."),
                       ["Er warnte die NATO.", "Die Lage ist ernst.", "Sie zog ins Büro.", "Dort blieb sie."])
    }

    // MARK: rules, one kind each (cases from issue 2 unless noted)

    func testSplit_ordinalBeforeMonth_staysInSentence() {
        XCTAssertEqual(split("Am 3. Oktober kam er. Vom 12. bis 14. Februar blieb er."),
                       ["Am 3. Oktober kam er.", "Vom 12. bis 14. Februar blieb er."])
    }

    func testSplit_ordinalBeforeNoun_staysInSentence() {
        XCTAssertEqual(split("Er wohnt im 2. Stock. Der 1. FC Köln gewann. Das war im 20. Jh. üblich."),
                       ["Er wohnt im 2. Stock.", "Der 1. FC Köln gewann.", "Das war im 20. Jh. üblich."])
    }

    func testSplit_coordinatedOrdinals_stayInSentence() {
        XCTAssertEqual(split("Das Gesetz wurde in 2. und 3. Lesung beschlossen."), ["Das Gesetz wurde in 2. und 3. Lesung beschlossen."])
    }

    func testSplit_numberEndingSentence_splits() {
        // Written for Kernsatz: a year at the end of a sentence, then a sentence starting with a number.
        XCTAssertEqual(split("Er zog 2015 nach Berlin. Das war 2015. 2016 zog er weiter."),
                       ["Er zog 2015 nach Berlin.", "Das war 2015.", "2016 zog er weiter."])
    }

    func testSplit_titlesAndSpacedAbbreviations_stayInSentence() {
        XCTAssertEqual(split("Dr. Müller kam z. B. mit Prof. Dr. med. Weber. Sie sprachen u. a. über Geld. Das ist i. d. R. so."),
                       ["Dr. Müller kam z. B. mit Prof. Dr. med. Weber.", "Sie sprachen u. a. über Geld.", "Das ist i. d. R. so."])
    }

    func testSplit_unspacedAbbreviation_staysInSentence() {
        XCTAssertEqual(split("Es gibt z.B. Äpfel. Dann Birnen."), ["Es gibt z.B. Äpfel.", "Dann Birnen."])
    }

    func testSplit_amountAbbreviation_splitsOnlyBeforeSentenceStarter() {
        XCTAssertEqual(split("Es kostet 1,1 Mio. Euro. Der Bund zahlt 2 Mio. Die Länder zahlen den Rest."),
                       ["Es kostet 1,1 Mio. Euro.", "Der Bund zahlt 2 Mio.", "Die Länder zahlen den Rest."])
    }

    func testSplit_enumerationCloser_endsSentence() {
        XCTAssertEqual(split("Er kaufte Äpfel, Birnen usw. Danach ging er."), ["Er kaufte Äpfel, Birnen usw.", "Danach ging er."])
    }

    func testSplit_initialsAndRomanNumerals_stayInSentence() {
        XCTAssertEqual(split("Mark A. Rutte traf J. R. R. Tolkiens Erben. Benedikt XVI. sprach. Ludwig XIV. Versailles gefiel."),
                       ["Mark A. Rutte traf J. R. R. Tolkiens Erben.", "Benedikt XVI. sprach.", "Ludwig XIV. Versailles gefiel."])
    }

    func testSplit_closingQuoteStaysWithItsSentence() {
        XCTAssertEqual(split("„Das ist die Realität.“ Er ging. »Wir kommen.« Sie blieb."),
                       ["„Das ist die Realität.“", "Er ging.", "»Wir kommen.«", "Sie blieb."])
    }

    func testSplit_questionInQuoteBeforeLowercaseVerb_staysInSentence() {
        XCTAssertEqual(split("„Ist das so?“ fragte er. „Ja!“, rief sie."), ["„Ist das so?“ fragte er.", "„Ja!“, rief sie."])
    }

    func testSplit_urlsEmailsDecimals_stayInSentence() {
        XCTAssertEqual(split("Mehr unter https://www.bund.de/a.html?x=1 oder info@nato.int. Es sind 3,5 % bzw. 1.000 Euro."),
                       ["Mehr unter https://www.bund.de/a.html?x=1 oder info@nato.int.", "Es sind 3,5 % bzw. 1.000 Euro."])
    }

    func testSplit_ellipsis_splitsOnlyBeforeSentenceStarter() {
        XCTAssertEqual(split("Was dann folgte, war … Chaos. Die Liste ließe sich fortsetzen … Doch die Zeit drängt."),
                       ["Was dann folgte, war … Chaos.", "Die Liste ließe sich fortsetzen …", "Doch die Zeit drängt."])
    }

    func testSplit_bracketedPunctuation_staysInSentence() {
        XCTAssertEqual(split("Die Kosten stiegen um 300 (!) Prozent. Er sagte (…) Dinge."),
                       ["Die Kosten stiegen um 300 (!) Prozent.", "Er sagte (…) Dinge."])
    }

    func testSplit_abbreviationAtEndOfCompound_staysInSentence() {
        // GSD: „Doninikus-Zimmermann-Str. 9“.
        XCTAssertEqual(split("Sie wohnt in der Zimmermann-Str. 9 in Ulm."), ["Sie wohnt in der Zimmermann-Str. 9 in Ulm."])
    }

    func testSplit_newQuotationAfterQuotedSentence_splitsEvenBeforeLowercase() {
        // GSD: „… sagte er." "ich bin dagegen …"
        XCTAssertEqual(split(#""Gut so", sagte er." "ich bin dagegen", rief sie."#),
                       [#""Gut so", sagte er.""#, #""ich bin dagegen", rief sie."#])
    }

    func testSplit_emoticonBeforeCapital_endsSentence() {
        // GSD: „Also alles bestens, wie immer :) Also für eine Nacht …“; „:)“ inside a sentence stays.
        XCTAssertEqual(split("Alles bestens, wie immer :) Also bis bald :) und tschüss."),
                       ["Alles bestens, wie immer :)", "Also bis bald :) und tschüss."])
    }

    func testSplit_streetAbbreviation_endsSentenceOnlyBeforeStarter() {
        // Written for Kernsatz: an address at the end of a sentence, and one before a house number.
        XCTAssertEqual(split("Er wohnt in der Goethestr. Die Miete ist hoch. Sie wohnt in der Goethestr. 5 in Ulm."),
                       ["Er wohnt in der Goethestr.", "Die Miete ist hoch.", "Sie wohnt in der Goethestr. 5 in Ulm."])
    }

    func testSplit_unknownAbbreviationBeforeUnd_staysInSentence() {
        // derStandard: „Robert Haas, öst. Musikhist. und Dirigent“.
        XCTAssertEqual(split("Robert Haas, öst. Musikhist. und Dirigent, starb 1960."), ["Robert Haas, öst. Musikhist. und Dirigent, starb 1960."])
    }

    func testSplit_lowercaseSentenceStartAfterOrdinaryWord_splits() {
        // GSD: careless writing, „… verwundert hat. das sind aber …“.
        XCTAssertEqual(split("Das hat mich verwundert. das sind aber lange Minuten."), ["Das hat mich verwundert.", "das sind aber lange Minuten."])
    }

    func testSplit_colonBetweenFullClauses_splitsOutsideQuotesOnly() {
        // GSD: „… zieht eine ernüchternde Bilanz: Überall …“; the seed: „„Damit Putin weiß: Wenn …““;
        // a short announcement before the colon keeps the sentence („Die Botschaft ist klar: …“).
        XCTAssertEqual(split("Jan Kanar zieht eine ernüchternde Bilanz: Die Hebamme war immer eine gute Hebamme."),
                       ["Jan Kanar zieht eine ernüchternde Bilanz:", "Die Hebamme war immer eine gute Hebamme."])
        XCTAssertEqual(split("Die Botschaft ist klar: Ohne Reformen droht ein Defizit im Haushalt."),
                       ["Die Botschaft ist klar: Ohne Reformen droht ein Defizit im Haushalt."])
        XCTAssertEqual(split("„Damit Putin weiß: Wenn ich es noch einmal versuche, wird es verheerend“, sagte er."),
                       ["„Damit Putin weiß: Wenn ich es noch einmal versuche, wird es verheerend“, sagte er."])
        XCTAssertEqual(split("Fazit: Die Lage ist ernst und wird so bleiben."), ["Fazit: Die Lage ist ernst und wird so bleiben."])
    }

    func testSplit_ordinalInCompoundAndAfterAdjective_staysInSentence() {
        // derStandard: „Der Weltranglisten-19. Dominic Thiem …“, „… des frühen 20. Jahrhunderts.“
        XCTAssertEqual(split("Der Weltranglisten-19. Dominic Thiem gewann. Es spielt im London des frühen 20. Jahrhunderts. Das ist neu."),
                       ["Der Weltranglisten-19. Dominic Thiem gewann.", "Es spielt im London des frühen 20. Jahrhunderts.", "Das ist neu."])
    }

    // MARK: other languages

    func testSplit_english_titlesAndTimes() throws {
        let english = try SentenceSegmenter(language: "en")
        XCTAssertEqual(split("Mr. Smith met the U.S. Army at 10 a.m. Nobody came. “Really?” he asked.", english),
                       ["Mr. Smith met the U.S. Army at 10 a.m.", "Nobody came.", "“Really?” he asked."])
    }

    func testSplit_english_streetEndsSentenceBeforeStarter() throws {
        let english = try SentenceSegmenter(language: "en")
        XCTAssertEqual(split("He lives on Main St. The store is near St. Louis Ave. It opened.", english),
                       ["He lives on Main St.", "The store is near St. Louis Ave.", "It opened."])
    }

    func testSplit_french_spacedGuillemetsStayWithSentence() throws {
        let french = try SentenceSegmenter(language: "fr")
        XCTAssertEqual(split("M. Dupont a dit : « Nous reviendrons. » Puis il est parti.", french),
                       ["M. Dupont a dit : « Nous reviendrons. »", "Puis il est parti."])
    }

    func testSplit_unsupportedLanguage_usesICURules() throws {
        let russian = try SentenceSegmenter(language: "ru")
        XCTAssertEqual(split("Это первое предложение. Это второе.", russian), ["Это первое предложение.", "Это второе."])
    }

    func testSegment_closingGuillemetAtTextEnd_staysWithItsSentence() throws {
        let segmenter = try SentenceSegmenter(language: "fr")
        let text = Array("Le ministre a été clair. « Nous sommes prêts. »".utf16)
        let sentences = segmenter.sentenceRanges(in: text).map { String(decoding: text[$0], as: UTF16.self) }
        XCTAssertEqual(sentences, ["Le ministre a été clair.", "« Nous sommes prêts. »"])
    }
}
