import XCTest
import Kernsatz

final class PipelineTests: XCTestCase {
    func testPipeline_buildsLanguagesOnFirstUse_sameAsAFreshPipeline() throws {
        let texts = ["The minister said on Monday that the government would act. It did.",
                     "Brüssel – Der Minister sagte am Montag, die Regierung werde handeln. Sie tat es.",
                     "Le ministre a déclaré lundi que le gouvernement agirait. Il l'a fait."]
        let shared = try Pipeline()
        for text in texts + texts.reversed() {
            let reused = try shared.analyze(text)
            let fresh = try Pipeline().analyze(text)
            XCTAssertEqual(reused.language, fresh.language)
            XCTAssertEqual(reused.sentences.map(reused.sourceText), fresh.sentences.map(fresh.sourceText))
            XCTAssertEqual(reused.quotes.count, fresh.quotes.count)
            XCTAssertEqual(reused.entities.map(\.range), fresh.entities.map(\.range))
        }
    }

    static let pipeline = try! Pipeline()
    static let samples = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Samples")

    func analyze(_ text: String) throws -> Analysis {
        try Self.pipeline.analyze(text)
    }

    // MARK: edge cases

    func testMeasures_notAsked_none() throws {
        let analysis = try Pipeline(options: PipelineOptions(language: "de", findMeasures: false)).analyze("Es waren 3,5 Prozent.")
        XCTAssertEqual(analysis.measures, [])
        XCTAssertEqual(try Pipeline(options: PipelineOptions(language: "de", findQuotes: false)).analyze("Es waren 3,5 Prozent.").measures, [])
    }

    func testMeasures_percentDateAndMoney_kindRangeAndValue() throws {
        let analysis = try Pipeline(options: PipelineOptions(language: "de"))
            .analyze("Die Preise stiegen um 3,5 Prozent. Am 12. März 2025 gab das Land 4 Mio. Euro aus.")
        XCTAssertEqual(analysis.measures.map { analysis.text.string($0.range) }, ["3,5 Prozent", "12. März 2025", "4 Mio. Euro"])
        XCTAssertEqual(analysis.measures.map(\.kind), [.percent, .date, .currency])
        XCTAssertEqual(analysis.measures.map(\.range), [22..<33, 38..<51, 65..<76])
        XCTAssertEqual(analysis.measures[0].value, 3.5)
        XCTAssertEqual(analysis.measures[1].date, DateParts(year: 2025, month: 3, day: 12))
        XCTAssertNil(analysis.measures[1].value)
        XCTAssertEqual(analysis.measures[2].value, 4_000_000)
        XCTAssertEqual(analysis.measures[2].currency, "EUR")
    }

    func testMeasures_inTheDateline_foundAsInItsSegment() throws {
        let analysis = try Pipeline(options: PipelineOptions(language: "de")).analyze("Berlin, 3. März (dpa) – Der Text beginnt 2025. Er endet.")
        XCTAssertEqual(analysis.datelineSegment.map { analysis.text.string($0) }, "Berlin, 3. März (dpa)")
        XCTAssertEqual(analysis.measures.map { analysis.text.string($0.range) }, ["3. März", "2025"])
    }

    func testAnalyze_emptyString_noSentences() throws {
        let analysis = try analyze("")
        XCTAssertEqual(analysis.sentences, [])
        XCTAssertEqual(analysis.structure.blocks, [])
    }

    func testAnalyze_oneWordWithoutPunctuation_oneSentence() throws {
        let analysis = try analyze("Hallo")
        XCTAssertEqual(analysis.sentences.map(analysis.sourceText), ["Hallo"])
    }

    // MARK: offsets count Unicode scalars of the text as received

    func testOffsets_decomposedSoftHyphenAndEmoji_sliceTheInput() throws {
        let input = "🇪🇺 Die Bu\u{0308}ndnis\u{00AD}treue hält. Der Gipfel\u{00A0}beginnt."
        let analysis = try analyze(input)
        let scalars = Array(input.unicodeScalars)
        let slices = analysis.sentences.map { sentence -> String in
            let range = analysis.sourceScalarRange(sentence.range)
            return String(String.UnicodeScalarView(scalars[range]))
        }
        XCTAssertEqual(slices, ["🇪🇺 Die Bu\u{0308}ndnis\u{00AD}treue hält.", "Der Gipfel\u{00A0}beginnt."])
        XCTAssertEqual(slices, analysis.sentences.map(analysis.sourceText))
    }

    // MARK: language

    func testLanguage_givenOverridesIdentification() throws {
        let analysis = try Pipeline(options: PipelineOptions(language: "en")).analyze("Der Mann kam.")
        XCTAssertEqual(analysis.language, "en")
        XCTAssertFalse(analysis.languageIdentified)
    }

    func testLanguage_frenchSample_isIdentified() throws {
        let text = try String(contentsOf: Self.samples.appendingPathComponent("fr/conseil-municipal-lyon.txt"), encoding: .utf8)
        XCTAssertEqual(try analyze(text).language, "fr")
    }

    // MARK: the seed article (issue 2: „every body sentence as a careful reader would split it“)

    func testSeed_metadataTeaserDatelineSubheading() throws {
        let analysis = try analyze(try String(contentsOf: Self.samples.appendingPathComponent("de/nato-rutte-2025-12-23.txt"), encoding: .utf8))
        let structure = analysis.structure
        XCTAssertEqual(analysis.language, "de")
        XCTAssertEqual(structure.metadata.date, "2025-12-23")
        XCTAssertEqual(structure.metadata.dateline, "Brüssel")
        XCTAssertEqual(structure.blocks.map(\.kind), [.teaser, .paragraph, .paragraph, .paragraph, .paragraph, .heading, .paragraph, .paragraph, .paragraph])
        XCTAssertEqual(analysis.text.string(structure.blocks[5].range), "Rutte vertraut auf die USA")
        XCTAssertEqual(analysis.text.string(structure.blocks[0].range),
                       "Der niederländische NATO-Generalsekretär fordert die rasche Aufrüstung Europas und ruft zur weiteren Unterstützung der Ukraine auf.")
    }

    func testSeed_everySentence() throws {
        let analysis = try analyze(try String(contentsOf: Self.samples.appendingPathComponent("de/nato-rutte-2025-12-23.txt"), encoding: .utf8))
        let expected = [
            "Der niederländische NATO-Generalsekretär fordert die rasche Aufrüstung Europas und ruft zur weiteren Unterstützung der Ukraine auf.",
            // The dateline „Brüssel – “ is metadata, not part of the first sentence.
            "NATO-Generalsekretär Mark Rutte rief kurz vor Weihnachten zur weiteren Unterstützung der Ukraine auf – und warnte zugleich vor Sicherheitsrisiken für europäische Bündnisstaaten.",
            "Um zu verhindern, dass Kremlchef Wladimir Putin einen Angriff auf einen NATO-Verbündeten wagt, müsse man dafür sorgen, dass die Ukraine stark bleibe, sagte er in einem Interview der Deutschen Presse-Agentur.",
            "Zudem gelte es, wie beim NATO-Gipfel in Den Haag beschlossen, die Verteidigungsausgaben zu erhöhen.",
            "„Wenn wir diese beiden Dinge tun, sind wir stark genug, uns zu verteidigen, und Putin wird es niemals versuchen“, sagte Rutte mit Blick auf einen möglichen Angriff Russlands.",
            "Die Aufrüstung muss aus Sicht des früheren niederländischen Regierungschefs allerdings rasch erfolgen.",
            "Nach unterschiedlichen Geheimdienst-Einschätzungen könnte es sonst ab 2027, 2029 oder 2031 gefährlich werden, sagte er.",
            "Zum Bedrohungspotenzial Putins erklärte Rutte, dieser gebe inzwischen mehr als 40 Prozent des Staatshaushalts für Rüstung aus.",
            "Zudem sehe man am Krieg in der Ukraine, dass Putin bereit sei, 1,1 Millionen Menschen zu opfern, sagte der NATO-Generalsekretär mit Blick auf Schätzungen zu Toten und Verwundeten auf russischer Seite.",
            "Entsprechend vorsichtig äußert er sich auf die Frage, ob die US-Initiative für ein Ende des Krieges im kommenden Jahr Erfolg haben könnte.",
            "„Ich möchte keine Vorhersagen machen“, sagte der 58-Jährige.",
            "Er könne nur sagen, die US-Amerikaner, die Europäer und natürlich die Ukraine arbeiteten extrem hart daran.",
            "Für die Zeit nach einem möglichen Ende des Krieges brauche man auf jeden Fall sehr starke Sicherheitsgarantien für die Ukraine.",
            // The colon inside the quotation does not end the sentence.
            "„Damit Putin weiß: Wenn ich es noch einmal versuche, wird die Reaktion verheerend sein“, fügte er hinzu.",
            "Rutte vertraut auf die USA",
            "In Bezug auf die Hoffnungen der Ukraine, NATO-Mitglied zu werden, räumte Rutte ein, dass sich derzeit sowohl die USA als auch andere Länder gegen eine Mitgliedschaft aussprechen.",
            "„Das ist die Realität – und damit müssen wir umgehen“, erklärte er.",
            "Befürchtungen, dass auf die Bündnistreue der USA unter Präsident Donald Trump kein Verlass sein könnte, hat Rutte nach eigener Darstellung nicht.",
            "„Ich mache mir überhaupt keine Sorgen um die USA, weil sich die USA der NATO uneingeschränkt verpflichtet fühlen“, sagte er.",
            "In der nationalen Sicherheitsstrategie stehe klar, dass ein sicheres Europa für die USA Priorität habe und auch eine starke NATO.",
            "Hinzu komme, dass die USA eigene, sehr konkrete Interessen in der NATO hätten, betonte Rutte.",
            "So sei etwa die Arktis für die Vereinigten Staaten ein großes Thema, und diese könne nur gemeinsam verteidigt werden.",
        ]
        XCTAssertEqual(analysis.sentences.map(analysis.sourceText), expected)
    }

    // MARK: the shipped samples in other languages

    func testSamples_everyLanguage_hasHeaderDatelineAndHeading() throws {
        for (folder, language) in [("en", "en"), ("fr", "fr"), ("nl", "nl"), ("es", "es"), ("it", "it")] {
            let directory = Self.samples.appendingPathComponent(folder)
            let file = try XCTUnwrap(FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil).first)
            let analysis = try analyze(try String(contentsOf: file, encoding: .utf8))
            XCTAssertEqual(analysis.language, language, file.path)
            XCTAssertNotNil(analysis.structure.metadata.date, file.path)
            XCTAssertNotNil(analysis.structure.metadata.dateline, file.path)
            XCTAssertEqual(analysis.structure.blocks.first?.kind, .teaser, file.path)
            XCTAssertEqual(analysis.structure.blocks.filter { $0.kind == .heading }.count, 1, file.path)
        }
    }

    func testSample_english_sentences() throws {
        let file = Self.samples.appendingPathComponent("en/eu-energy-summit.txt")
        let analysis = try analyze(try String(contentsOf: file, encoding: .utf8))
        let sentences = analysis.sentences.map(analysis.sourceText)
        XCTAssertEqual(sentences.count, 14)
        XCTAssertTrue(sentences.contains("Talks ran until 2 a.m. before a final text was agreed."))
        XCTAssertTrue(sentences.contains { $0.hasPrefix("Several eastern member states warned") && $0.hasSuffix("with U.S. suppliers of liquefied natural gas.") })
    }
}
