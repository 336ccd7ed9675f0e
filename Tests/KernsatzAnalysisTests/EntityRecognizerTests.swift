import XCTest
@testable import KernsatzAnalysis

/// Fixtures are our own sentences, written for these tests (no GermEval lines).
final class EntityRecognizerTests: XCTestCase {
    static let german = try! EntityRecognizer(language: "de")
    static let english = try! EntityRecognizer(language: "en")

    /// The entities of one text taken as one sentence, as (surface, type, cue).
    func found(_ text: String, _ recognizer: EntityRecognizer = german) -> [(String, EntityType, String)] {
        let units = Array(text.utf16)
        return recognizer.entities(in: units).map {
            (String(decoding: units[$0.range], as: UTF16.self), $0.type, $0.cue.description)
        }
    }

    func surfaces(_ text: String, _ recognizer: EntityRecognizer = german) -> [String] {
        found(text, recognizer).map(\.0)
    }

    // MARK: edge cases

    func testEntities_emptyText_isEmpty() {
        XCTAssertEqual(Self.german.entities(in: [], sentences: []), [])
        XCTAssertEqual(Self.german.entities(in: [], sentences: [0..<0]), [])
    }

    func testEntities_sentenceRangesBeyondText_areClamped() {
        let units = Array("In Berlin.".utf16)
        let entities = Self.german.entities(in: units, sentences: [0..<50, 50..<60])
        XCTAssertEqual(entities.map(\.range), [3..<9])
    }

    func testEntities_oneWord_countryIsLocation_nounIsNothing() {
        XCTAssertEqual(found("Deutschland").map(\.1), [.location])
        XCTAssertEqual(found("Deutschland").map(\.2), ["gazetteer country"])
        XCTAssertEqual(surfaces("Regierung"), [])
    }

    func testEntities_allCapsHeadline_onlyKnownNamesCount() {
        // In capitals every word looks like an acronym; only the lists may speak.
        XCTAssertEqual(surfaces("STREIK LEGT FLUGHAFEN IN MÜNCHEN LAHM"), ["MÜNCHEN"])
    }

    func testEntities_textOutsideSentences_isNotLooked() {
        let units = Array("Merkel kam. Angela Merkel ging.".utf16)
        let entities = Self.german.entities(in: units, sentences: [12..<units.count])
        XCTAssertEqual(entities.map(\.range), [12..<25])
    }

    func testEntities_offsetsAreUTF16_afterCharactersBeyondTheBMP() {
        // 😀 takes two UTF-16 units.
        let units = Array("😀 Heute sprach Angela Merkel.".utf16)
        let entities = Self.german.entities(in: units)
        XCTAssertEqual(entities.map(\.range), [16..<29])
        XCTAssertEqual(String(decoding: units[entities[0].range], as: UTF16.self), "Angela Merkel")
    }

    func testEntities_arbitraryText_neverCrashes_andStaysSortedWithinBounds() {
        // A fixed pseudo-random stream over letters, marks, quotes, dots, hyphens and non-BMP characters.
        let pool = Array("AaBbÄäÖöÜüßEeNnSsTtLl-'’.,;:„“\"»«()  \n0123456789😀𝔄ŁłÉé&/!?–".unicodeScalars)
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        for length in [1, 2, 3, 7, 40, 400, 4000] {
            var text = String.UnicodeScalarView()
            for _ in 0..<length {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                text.append(pool[Int(state >> 33) % pool.count])
            }
            let units = Array(String(text).utf16)
            for recognizer in [Self.german, Self.english] {
                let half = units.count / 2
                let entities = recognizer.entities(in: units, sentences: [0..<half, half..<units.count])
                for entity in entities {
                    XCTAssertTrue(entity.range.lowerBound >= 0 && entity.range.upperBound <= units.count && !entity.range.isEmpty)
                }
                for (a, b) in zip(entities, entities.dropFirst()) {
                    XCTAssertLessThanOrEqual(a.range.upperBound, b.range.lowerBound)
                }
            }
        }
    }

    // MARK: German

    func testEntities_nounsAfterArticlesAndAdjectives_areNotNames() {
        XCTAssertEqual(surfaces("Die Regierung plant eine große Reform der Rente im kommenden Jahr."), [])
    }

    func testEntities_titleBeforeName_isPerson() {
        let result = found("Gestern empfing Kanzlerin Merkel den Gast.")
        XCTAssertEqual(result.map(\.0), ["Merkel"])
        XCTAssertEqual(result.map(\.1), [.person])
        XCTAssertEqual(result.map(\.2), ["title Kanzlerin"])
    }

    func testEntities_abbreviatedTitle_isPerson() {
        XCTAssertEqual(found("Danach sprach Dr. Hoffmeister über die Lage.").map(\.0), ["Hoffmeister"])
    }

    func testEntities_firstNameAndSurname_areOnePerson() {
        let result = found("Am Abend sprach Angela Merkel über den Haushalt.")
        XCTAssertEqual(result.map(\.0), ["Angela Merkel"])
        XCTAssertEqual(result.map(\.2), ["first name"])
    }

    func testEntities_nameParticle_joinsAfterGivenName_notElsewhere() {
        XCTAssertEqual(surfaces("Das sagte Ursula von der Leyen am Montag."), ["Ursula von der Leyen"])
        XCTAssertEqual(surfaces("Das Ende der Sitzung kam spät."), [])
    }

    func testEntities_compoundRole_cuesPersonAndKeepsNamePart() {
        let result = found("Heute traf NATO-Generalsekretär Rutte in Brüssel ein.")
        XCTAssertEqual(result.map(\.0), ["NATO", "Rutte", "Brüssel"])
        XCTAssertEqual(result.map(\.1), [.organization, .person, .location])
        XCTAssertEqual(result.map(\.2), ["compound part", "title NATO-Generalsekretär", "gazetteer place"])
    }

    func testEntities_hyphenatedCompound_yieldsOnlyTheNamePart() {
        XCTAssertEqual(surfaces("Der NATO-Gipfel beginnt morgen."), ["NATO"])
        XCTAssertEqual(surfaces("Der Corona-Gipfel beginnt morgen."), [])
    }

    func testEntities_genitive_isTheWholeWord() {
        let result = found("Die Zukunft Europas hängt auch von Russlands Haltung ab.")
        XCTAssertEqual(result.map(\.0), ["Europas", "Russlands"])
        XCTAssertEqual(result.map(\.1), [.location, .location])
    }

    func testEntities_hyphenatedHeadNoun_endsOrganization_andInflectedNounStaysNoun() {
        XCTAssertEqual(found("Das sagte er der Bayerischen Presse-Agentur.").map(\.0), ["Bayerischen Presse-Agentur"])
        XCTAssertEqual(found("Er warnte die NATO-Verbündeten.").map(\.0), ["NATO"])
    }

    func testEntities_legalForm_closesOrganization() {
        let result = found("Er arbeitet bei der Brenner Logistik GmbH in Hamburg.")
        XCTAssertEqual(result.map(\.0), ["Brenner Logistik GmbH", "Hamburg"])
        XCTAssertEqual(result.map(\.1), [.organization, .location])
        XCTAssertEqual(result.first?.2, "org suffix GmbH")
    }

    func testEntities_spacedLegalForm_isOneWord() {
        XCTAssertEqual(surfaces("Mitglied im Heimatverein Lindenau e. V. werden."), ["Lindenau e. V."])
    }

    func testEntities_adjectiveAndHeadNoun_areOrganization() {
        let result = found("Die Schwäbische Bank meldet höhere Gewinne.")
        XCTAssertEqual(result.map(\.0), ["Schwäbische Bank"])
        XCTAssertEqual(result.map(\.1), [.organization])
        XCTAssertEqual(result.map(\.2), ["org head Bank"])
    }

    func testEntities_federalInstitution_isOrganization_federalGovernmentIsNot() {
        XCTAssertEqual(found("Das prüft jetzt das Bundeskartellamt.").map(\.1), [.organization])
        XCTAssertEqual(surfaces("Das prüft jetzt die Bundesregierung."), [])
    }

    func testEntities_acronym_isOrganization_unitIsNot() {
        XCTAssertEqual(found("Die Pläne der SPD kosten viel.").map(\.0), ["SPD"])
        XCTAssertEqual(surfaces("Der Sender ist auch im TV zu sehen."), [])
    }

    func testEntities_placeOfSeveralWords_isOneName() {
        let result = found("Die Konferenz zog von Den Haag nach Buenos Aires.")
        XCTAssertEqual(result.map(\.0), ["Den Haag", "Buenos Aires"])
        XCTAssertEqual(result.map(\.1), [.location, .location])
    }

    func testEntities_placeOpenerWithDot_isPlace() {
        let result = found("Die Feier fand in St. Margarethen statt.")
        XCTAssertEqual(result.map(\.0), ["St. Margarethen"])
        XCTAssertEqual(result.map(\.1), [.location])
    }

    func testEntities_wordsInCapitals_emphasisIsNoAcronym_andMultiwordNamesDoNotRecur() {
        XCTAssertEqual(surfaces("BILDUNGSAUSGABEN: Die Ausgaben steigen."), [])
        let text = "Die Neue Zeit erschien. Die Zeit drängt."
        let units = Array(text.utf16)
        let entities = Self.german.entities(in: units, sentences: [0..<23, 24..<units.count])
        XCTAssertEqual(entities.map { String(decoding: units[$0.range], as: UTF16.self) }, ["Neue Zeit"])
    }

    func testEntities_compassPrefixBeforePlace_isLocation() {
        XCTAssertEqual(found("Der Regen zieht nach Ostdeutschland.").map(\.1), [.location])
    }

    func testEntities_shortQuotedTitle_isOther_quotedClauseIsNot() {
        let result = found("Sie las „Die Blechtrommel“ zweimal.")
        XCTAssertEqual(result.map(\.0), ["Die Blechtrommel"])
        XCTAssertEqual(result.map(\.2), ["quoted title"])
        XCTAssertEqual(surfaces("Er rief „Das reicht nicht“ und ging."), [])
        XCTAssertEqual(found("„Russland bleibt eine Bedrohung“, sagte er.").map(\.1), [.location])
    }

    func testEntities_currency_isOther() {
        XCTAssertEqual(found("Das kostet 30 Euro.").map(\.1), [.other])
    }

    func testEntities_monthAndWeekday_areNotNames() {
        XCTAssertEqual(surfaces("Seit Januar ruht die Arbeit am Montag."), [])
    }

    func testEntities_recurringName_isFoundAtSentenceStart() {
        let text = "Präsident Kowalczyk sprach lange. Kowalczyk sagte nichts über Kowalczyks Pläne."
        let units = Array(text.utf16)
        let sentences = [0..<33, 34..<units.count]
        let entities = Self.german.entities(in: units, sentences: sentences)
        XCTAssertEqual(entities.map { String(decoding: units[$0.range], as: UTF16.self) }, ["Kowalczyk", "Kowalczyk", "Kowalczyks"])
        XCTAssertEqual(entities.map(\.cue.description), ["title Präsident", "recurring", "recurring"])
        XCTAssertEqual(entities.map(\.type), [.person, .person, .person])
    }

    func testEntities_sentenceStart_isANameOnlyBeforeAnAuxiliaryOrSpeechVerb() {
        XCTAssertEqual(surfaces("Kowalczyk kam spät."), [])
        XCTAssertEqual(found("Kowalczyk sagte nichts.").map(\.2), ["capitalized at start"])
        XCTAssertEqual(surfaces("Regierung sagte nichts."), [])
        XCTAssertEqual(surfaces("Kulissen sind teuer."), [])
        XCTAssertEqual(surfaces("Gemeint ist damit etwas anderes."), [])
    }

    func testEntities_coordinatedWithName_isName_withNoun_isNot() {
        XCTAssertEqual(surfaces("Er besuchte Hamburg und Wedelsbüttel."), ["Hamburg", "Wedelsbüttel"])
        XCTAssertEqual(surfaces("Er kaufte Wasser und Kuchenteig."), [])
    }

    func testEntities_resultIsSortedAndNonOverlapping() {
        let text = "Kanzlerin Merkel, Präsident Macron und NATO-Generalsekretär Rutte trafen sich in Brüssel, Paris und Berlin mit Vertretern der UNO und der Deutschen Bank AG."
        let entities = Self.german.entities(in: Array(text.utf16))
        XCTAssertGreaterThanOrEqual(entities.count, 8)
        for (a, b) in zip(entities, entities.dropFirst()) {
            XCTAssertLessThanOrEqual(a.range.upperBound, b.range.lowerBound)
        }
    }

    func testEntities_documentationExample_holds() throws {
        // The example in EntityRecognizer's documentation.
        let recognizer = try EntityRecognizer(language: "de")
        let units = Array("Kanzlerin Merkel traf NATO-Generalsekretär Rutte in Brüssel.".utf16)
        XCTAssertEqual(recognizer.entities(in: units, sentences: [0..<units.count]).map(\.cue.description),
                       ["title Kanzlerin", "compound part", "title NATO-Generalsekretär", "gazetteer place"])
    }

    // MARK: other languages

    func testEntities_english_capitalizedWordsMidSentence_areNames() {
        let result = found("Yesterday the minister met Boris Johnson in Manchester.", Self.english)
        XCTAssertEqual(result.map(\.0), ["Boris Johnson", "Manchester"])
        XCTAssertEqual(result.first?.1, .person)
    }

    func testEntities_english_sentenceStartAndMonths_areNotNames() {
        XCTAssertEqual(surfaces("The report was late in January.", Self.english), [])
    }

    func testEntities_english_genitive_isTheWholeWord() {
        let result = found("He criticised France's plan.", Self.english)
        XCTAssertEqual(result.map(\.0), ["France's"])
        XCTAssertEqual(result.map(\.1), [.location])
    }

    func testEntities_english_nameWithOf_isOneName() {
        XCTAssertEqual(surfaces("He worked for the Bank of England until 2010.", Self.english), ["Bank of England"])
    }

    func testEntities_french_elidedArticle_isNotPartOfTheName() throws {
        let french = try EntityRecognizer(language: "fr")
        XCTAssertEqual(surfaces("Le secrétaire général de l'OTAN est arrivé à Bruxelles.", french), ["OTAN", "Bruxelles"])
    }

    func testEntities_unknownLanguage_getsGenericRules() throws {
        let recognizer = try EntityRecognizer(language: "sv-SE")
        XCTAssertEqual(recognizer.language, "sv")
        XCTAssertEqual(surfaces("Igår träffade ministern Olof Palme i Stockholm.", recognizer), ["Olof Palme", "Stockholm"])
    }
}
