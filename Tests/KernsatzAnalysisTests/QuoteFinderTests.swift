import Foundation
import Kernsatz
import XCTest

/// Quote detection: edge cases first, then each construction, then the two tables
/// (Fixtures/quotes-project.jsonl, ours; Fixtures/quotes-independent.jsonl, written by a second
/// author who saw neither the rules nor our table).
final class QuoteFinderTests: XCTestCase {
    static let pipeline = try! Pipeline(options: PipelineOptions(language: "de"))

    struct Found: Equatable, CustomStringConvertible {
        var text: String
        var kind: QuoteKind
        var speaker: String?
        var verb: String?
        var description: String { "\(kind) \"\(text)\" speaker=\(speaker ?? "nil") verb=\(verb ?? "nil")" }
    }

    func quotes(_ text: String, language: String = "de", pipeline given: Pipeline? = nil) throws -> [Found] {
        let pipeline = try given ?? (language == "de" ? Self.pipeline : Pipeline(options: PipelineOptions(language: language)))
        let analysis = try pipeline.analyze(text)
        let units = analysis.text.units
        return analysis.quotes.map { quote in
            Found(text: quote.text(in: units), kind: quote.kind,
                  speaker: quote.speaker.map { String(decoding: units[$0], as: UTF16.self) },
                  verb: quote.verb.map { String(decoding: units[$0], as: UTF16.self) })
        }
    }

    func testQuotes_emptyText_findsNothing() {
        XCTAssertEqual(QuoteFinder(language: "de").quotes(in: [], sentences: []), [])
    }

    func testQuotes_unclosedMark_findsNothingAndDoesNotRunPastTheLine() throws {
        XCTAssertEqual(try quotes("„Das ist offen, sagte er.\n„Neu“, sagte sie."),
                       [Found(text: "Neu", kind: .direct, speaker: "sie", verb: "sagte")])
    }

    func testQuotes_quoteEndingTheText_withSpaceBeforeClosingMark_doesNotCrash() throws {
        // Found in review: the closing mark became a sentence of its own and the look at the next
        // sentence built a reversed range.
        XCTAssertEqual(try quotes("« Nous sommes prêts. »", language: "fr").map(\.text), ["Nous sommes prêts."])
        XCTAssertEqual(try quotes("\"Are you sure? \" Nobody answered.", language: "en").map(\.text), ["Are you sure?"])
        XCTAssertEqual(try quotes("Er fragte: „Wirklich? “ Niemand antwortete.").map(\.text), ["Wirklich?"])
    }

    func testQuotes_apostropheInsideWord_isNoQuotationMark() throws {
        XCTAssertEqual(try quotes("Wie geht’s? Gut, sagte er."), [])
    }

    func testQuotes_verbAndNameAfterQuote_giveSpeakerAndVerb() throws {
        XCTAssertEqual(try quotes("„Wir sind bereit“, sagte Rutte am Montag."),
                       [Found(text: "Wir sind bereit", kind: .direct, speaker: "Rutte", verb: "sagte")])
    }

    func testQuotes_roleBeforeName_isLeftOutOfSpeaker() throws {
        XCTAssertEqual(try quotes("„Die Ostflanke wird verstärkt“, sagte NATO-Generalsekretär Mark Rutte.").first?.speaker, "Mark Rutte")
    }

    func testQuotes_separableVerb_givesFinitePart() throws {
        XCTAssertEqual(try quotes("„Und wir bleiben“, fügte er hinzu.").first,
                       Found(text: "Und wir bleiben", kind: .direct, speaker: "er", verb: "fügte"))
    }

    func testQuotes_descriptiveSpeaker_keepsArticlePhrase() throws {
        XCTAssertEqual(try quotes("„Ich möchte keine Vorhersagen machen“, sagte der 58-Jährige.").first?.speaker, "der 58-Jährige")
    }

    func testQuotes_soConstruction_isAttribution() throws {
        XCTAssertEqual(try quotes("„Europa muss mehr tun“, so Rutte.").first,
                       Found(text: "Europa muss mehr tun", kind: .direct, speaker: "Rutte", verb: "so"))
    }

    func testQuotes_colonBeforeQuote_givesSubjectAsSpeaker() throws {
        XCTAssertEqual(try quotes("Rutte sagte: „Die Ukraine muss stark bleiben.“").first,
                       Found(text: "Die Ukraine muss stark bleiben.", kind: .direct, speaker: "Rutte", verb: "sagte"))
    }

    func testQuotes_splitQuote_isOneQuoteWithBothParts() throws {
        XCTAssertEqual(try quotes("„Das ist“, so Rutte, „die Realität.“"),
                       [Found(text: "Das ist die Realität.", kind: .direct, speaker: "Rutte", verb: "so")])
    }

    func testQuotes_impersonalAttribution_hasVerbButNoSpeaker() throws {
        XCTAssertEqual(try quotes("„Die Grenze bleibt offen“, hieß es in Berlin.").first,
                       Found(text: "Die Grenze bleibt offen", kind: .direct, speaker: nil, verb: "hieß"))
    }

    func testQuotes_subjectOpeningTheClause_isSpeakerNotANumberOrPlace() throws {
        XCTAssertEqual(try quotes("Merkel hatte 2015 gesagt: „Wir schaffen das.“").first?.speaker, "Merkel")
        XCTAssertEqual(try quotes("Ein Sprecher des Ministeriums in Berlin sagte, die Lage sei ruhig.").first?.speaker,
                       "Ein Sprecher des Ministeriums")
    }

    func testQuotes_objectAfterName_isNotPartOfSpeaker() throws {
        XCTAssertEqual(try quotes("„Gut“, sagte Rutte der Deutschen Presse-Agentur.").first?.speaker, "Rutte")
        XCTAssertEqual(try quotes("„Ja“, sagte ein Sprecher des Innenministeriums.").first?.speaker, "ein Sprecher des Innenministeriums")
        XCTAssertEqual(try quotes("„Nein“, sagte Ursula von der Leyen.").first?.speaker, "Ursula von der Leyen")
    }

    func testQuotes_nameInQuotesAfterArticle_withSo_isNoSpeech() throws {
        XCTAssertEqual(try quotes("Der „Tatort“, so die ARD, bleibt am Sonntag."), [])
        XCTAssertEqual(try quotes("„Ja“, so Rutte.").first?.speaker, "Rutte")
    }

    func testQuotes_quoteWithItsOwnIntroduction_doesNotInheritSpeaker() throws {
        let found = try quotes("„Das stimmt“, sagte Müller. Schmidt sieht das anders: „Das ist falsch.“")
        XCTAssertEqual(found.map(\.speaker), ["Müller", nil])
    }

    func testQuotes_impersonalColonIntro_hasNoSpeaker() throws {
        XCTAssertEqual(try quotes("In dem Bericht heißt es: „Die Kontrollen waren unzureichend.“").first,
                       Found(text: "Die Kontrollen waren unzureichend.", kind: .direct, speaker: nil, verb: "heißt"))
    }

    func testQuotes_nextSentencePointingBack_namesSpeaker() throws {
        XCTAssertEqual(try quotes("„Wir haben nichts erreicht.“ Das sagte die Gewerkschaftschefin am Abend.").first,
                       Found(text: "Wir haben nichts erreicht.", kind: .direct, speaker: "die Gewerkschaftschefin", verb: "sagte"))
    }

    func testQuotes_continuationInSameParagraph_keepsSpeakerButNotAcrossParagraphs() throws {
        let found = try quotes("„Wir sind bereit“, sagte Rutte. „Und wir bleiben es.“\n„Niemand hat das erwartet.“ Die Halle jubelte.")
        XCTAssertEqual(found.map(\.speaker), ["Rutte", "Rutte", nil])
    }

    func testQuotes_scareQuotesAndTitles_areNotSpeech() throws {
        XCTAssertEqual(try quotes("Scholz rief die „Zeitenwende“ aus. Das sogenannte „Sondervermögen“ ist fast leer."), [])
        XCTAssertEqual(try quotes("Das berichtete die Zeitung „Die Welt“ am Sonntag."), [])
        XCTAssertEqual(try quotes("Ihr neues Buch „Was wir einander schulden“ erscheint im März."), [])
    }

    func testQuotes_konjunktivAfterVerb_isReportedSpeech() throws {
        XCTAssertEqual(try quotes("Rutte sagte, die NATO sei stark genug."),
                       [Found(text: "die NATO sei stark genug", kind: .reported, speaker: "Rutte", verb: "sagte")])
    }

    func testQuotes_reportedSpeech_endsBeforeIndicativeMainClause_andGoesOnAfterAttribution() throws {
        XCTAssertEqual(try quotes("Der Minister sagte gestern, die Lage sei unter Kontrolle, und verließ den Saal.").map(\.text),
                       ["die Lage sei unter Kontrolle"])
        XCTAssertEqual(try quotes("Er sei müde, sagte er, und gehe nun nach Hause.").first,
                       Found(text: "Er sei müde und gehe nun nach Hause", kind: .reported, speaker: "er", verb: "sagte"))
    }

    func testQuotes_introductionEndingTheLineBefore_givesSpeaker() throws {
        XCTAssertEqual(try quotes("Rutte sagte:\n„Die Ukraine muss stark bleiben.“").first,
                       Found(text: "Die Ukraine muss stark bleiben.", kind: .direct, speaker: "Rutte", verb: "sagte"))
    }

    func testQuotes_indicativeDassClause_isNotReportedSpeech() throws {
        XCTAssertEqual(try quotes("Der Minister sagte, dass das Gespräch am Freitag weitergeht."), [])
    }

    func testQuotes_englishCommaInside_givesSpeakerAfterVerb() throws {
        XCTAssertEqual(try quotes("\u{201C}We are ready,\u{201D} said Prime Minister Keir Starmer.", language: "en").first,
                       Found(text: "We are ready,", kind: .direct, speaker: "Keir Starmer", verb: "said"))
    }

    func testQuotes_frenchIncise_isRemovedFromQuote() throws {
        XCTAssertEqual(try quotes("« Nous sommes prêts, a-t-il ajouté, à reprendre les négociations. »", language: "fr"),
                       [Found(text: "Nous sommes prêts à reprendre les négociations.", kind: .direct, speaker: "il", verb: "ajouté")])
    }

    func testQuotes_frenchNarrowSpaces_areNotPartOfQuote() throws {
        XCTAssertEqual(try quotes("«\u{202F}Nous sommes prêts\u{202F}», a déclaré le ministre.", language: "fr").first,
                       Found(text: "Nous sommes prêts", kind: .direct, speaker: "le ministre", verb: "a déclaré"))
    }

    // MARK: - Tables

    struct Case: Decodable {
        struct GoldQuote: Decodable { var text: String; var speaker: String?; var type: String }
        var id: String
        var lang: String
        var text: String
        var quotes: [GoldQuote]
    }

    func runTable(_ name: String) throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/\(name)")
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n")
        XCTAssertGreaterThan(lines.count, 30)
        var failures: [String] = []
        var pipelines: [String: Pipeline] = [:]
        for line in lines {
            let gold = try JSONDecoder().decode(Case.self, from: Data(line.utf8))
            if pipelines[gold.lang] == nil { pipelines[gold.lang] = try Pipeline(options: PipelineOptions(language: gold.lang)) }
            let got = try quotes(gold.text, language: gold.lang, pipeline: pipelines[gold.lang])
            let want = gold.quotes.map { "\($0.type) \($0.text)" }.sorted()
            let have = got.map { "\($0.kind.rawValue) \($0.text)" }.sorted()
            if want != have { failures.append("\(gold.id): want \(want), got \(have)") }
        }
        XCTAssertEqual(failures, [], "quote table \(name)")
    }

    func testQuotes_projectTable_allFound() throws {
        try runTable("quotes-project.jsonl")
    }

    func testQuotes_independentTable_allFound() throws {
        try runTable("quotes-independent.jsonl")
    }

    func testQuoteLists_everyResourceFileIsEmbedded() throws {
        let resources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/KernsatzAnalysis/Resources/quotes")
        let files = try FileManager.default.contentsOfDirectory(atPath: resources.path).filter { $0.hasSuffix(".txt") }
        XCTAssertGreaterThan(files.count, 10)
        for file in files {
            let parts = file.split(separator: ".")
            guard let kind = QuoteListKind(rawValue: String(parts[0])) else {
                XCTFail("\(file): no QuoteListKind for '\(parts[0])'")
                continue
            }
            XCTAssertFalse(QuoteFinder.entries(kind, language: String(parts[1])).isEmpty, "\(file) is not embedded (QuoteLists.bytes)")
        }
    }
}
