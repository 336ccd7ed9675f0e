import Kernsatz
import XCTest

/// Summaries: edge cases first (empty, one sentence, lengths at their limits), then ranking,
/// teaser handling, redundancy and determinism.
final class SummarizerTests: XCTestCase {
    static let pipeline = try! Pipeline(options: PipelineOptions(language: "de"))

    func summarize(_ text: String, _ length: SummaryLength, weights: SummaryWeights = SummaryWeights()) throws -> (Analysis, Summary) {
        let analysis = try Self.pipeline.analyze(text)
        return (analysis, Summarizer(language: "de", weights: weights).summarize(analysis, length: length))
    }

    func texts(_ analysis: Analysis, _ summary: Summary) -> [String] {
        summary.sentences.map { analysis.sourceText(of: analysis.sentences[$0]) }
    }

    let article = """
        Berlin – Die Bundesregierung hat am Mittwoch einen neuen Haushaltsentwurf für das kommende Jahr vorgelegt. \
        Der Entwurf sieht deutlich höhere Verteidigungsausgaben und Einsparungen bei den Ministerien vor. \
        Das Wetter war an diesem Tag sonnig und warm. \
        Finanzminister Lars Klingbeil verteidigte den Haushaltsentwurf gegen Kritik aus der Opposition. \
        „Wir investieren in Sicherheit“, sagte Klingbeil in Berlin. \
        Die Opposition kritisierte die Verteidigungsausgaben im Haushaltsentwurf als zu hoch.
        """

    func testSummarize_emptyDocument_choosesNothing() {
        let summary = Summarizer(language: "de").summarize(SummaryDocument(units: [], sentences: [], blocks: []), length: .sentences(2))
        XCTAssertEqual(summary.sentences, [])
        XCTAssertEqual(summary.words, 0)
        XCTAssertFalse(summary.overLength)
    }

    func testSummarize_oneSentence_choosesIt() throws {
        let (analysis, summary) = try summarize("Die Regierung legte einen Haushalt vor.", .sentences(3))
        XCTAssertEqual(texts(analysis, summary), ["Die Regierung legte einen Haushalt vor."])
    }

    func testSummarize_moreSentencesThanText_givesAll() throws {
        let (_, summary) = try summarize(article, .sentences(50))
        XCTAssertEqual(summary.sentences, Array(0..<6))
    }

    func testSummarize_wordLimit_isNeverExceeded() throws {
        for limit in [12, 20, 30, 45] {
            let (_, summary) = try summarize(article, .words(limit))
            XCTAssertLessThanOrEqual(summary.words, limit, "limit \(limit)")
            XCTAssertFalse(summary.overLength)
            XCTAssertFalse(summary.sentences.isEmpty, "limit \(limit)")
        }
    }

    func testSummarize_wordLimitBelowEverySentence_givesBestSentenceAndSaysSo() throws {
        let (analysis, summary) = try summarize(article, .words(3))
        XCTAssertEqual(summary.sentences.count, 1)
        XCTAssertTrue(summary.overLength)
        XCTAssertGreaterThan(summary.words, 3)
        XCTAssertEqual(texts(analysis, summary).first?.hasPrefix("Die Bundesregierung"), true)
    }

    func testSummarize_ratio_takesThatShareOfWords() throws {
        let (_, all) = try summarize(article, .sentences(50))
        let (_, summary) = try summarize(article, .ratio(0.5))
        XCTAssertLessThanOrEqual(summary.words, Int((Double(all.words) * 0.5).rounded()))
        XCTAssertGreaterThan(summary.words, 0)
    }

    func testSummarize_output_isInDocumentOrder() throws {
        let (_, summary) = try summarize(article, .sentences(3))
        XCTAssertEqual(summary.sentences, summary.sentences.sorted())
        XCTAssertEqual(summary.sentences.count, 3)
    }

    func testSummarize_lede_isChosenAndOffTopicSentenceIsNot() throws {
        let (analysis, summary) = try summarize(article, .sentences(3))
        let chosen = texts(analysis, summary)
        XCTAssertTrue(chosen[0].hasPrefix("Die Bundesregierung"))
        XCTAssertFalse(chosen.contains("Das Wetter war an diesem Tag sonnig und warm."))
    }

    func testSummarize_teaser_isShownAndNeverPicked() throws {
        let text = "Die Regierung legt einen Haushalt mit höheren Verteidigungsausgaben vor.\n\n" + article
        let (analysis, summary) = try summarize(text, .sentences(2))
        XCTAssertEqual(summary.teaser.map { analysis.sourceText(of: analysis.sentences[$0]) },
                       ["Die Regierung legt einen Haushalt mit höheren Verteidigungsausgaben vor."])
        XCTAssertFalse(summary.sentences.contains { summary.teaser.contains($0) })
    }

    func testSummarize_sentenceRepeatingChosenOne_losesToNewInformation() throws {
        // Sentence 2 repeats sentence 1 almost word for word; with redundancy control the summary
        // takes sentence 3 instead, without it sentence 2.
        let text = """
            Der Stadtrat beschließt den Bau einer neuen Brücke über den Rhein. \
            Der Stadtrat beschließt den Bau einer neuen Brücke über den Rhein bei Köln. \
            Die Kosten der Brücke liegen bei 200 Millionen Euro und der Bau beginnt im Frühjahr.
            """
        var plain = SummaryWeights()
        plain.redundancy = 0
        XCTAssertEqual(try summarize(text, .sentences(2), weights: plain).1.sentences, [0, 1])
        XCTAssertEqual(try summarize(text, .sentences(2)).1.sentences, [0, 2])
    }

    func testSummarize_sameInput_sameSummaryAndScores() throws {
        let (_, first) = try summarize(article, .sentences(3))
        let (_, second) = try summarize(article, .sentences(3))
        XCTAssertEqual(first, second)
    }

    func testSummarize_features_areBetweenZeroAndOne() throws {
        let (_, summary) = try summarize(article, .sentences(2))
        for row in summary.scores {
            for value in [row.position, row.centrality, row.entities, row.quotes, row.length] {
                XCTAssertTrue((0...1).contains(value), "sentence \(row.sentence): \(value)")
            }
        }
        let quoteRow = summary.scores[4]
        XCTAssertGreaterThan(quoteRow.quotes, 0.4, "half the quote sentence is quoted words")
        XCTAssertEqual(summary.scores[0].position, 1)
    }

    func testSummarize_headings_areNotCandidates() throws {
        let text = "Berlin – Die Regierung legt den Haushalt vor. Er enthält mehr Geld für die Bundeswehr.\n\nHaushalt im Bundestag\n\nDer Bundestag berät den Haushalt im Dezember."
        let (_, summary) = try summarize(text, .sentences(5))
        let headings = summary.scores.filter { $0.role == .heading }
        XCTAssertEqual(headings.count, 1)
        XCTAssertFalse(headings[0].selected)
    }
}

extension SummarizerTests {
    /// The seed article: its 3-sentence summary says who (Rutte), what (keep Ukraine strong) and why
    /// (risk from 2027, 2029 or 2031), in document order; the teaser (rapid rearmament) is shown apart.
    func testSummarize_seedArticle_tellsWhoWhatAndWhy() throws {
        let seed = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Samples/de/nato-rutte-2025-12-23.txt")
        let analysis = try Self.pipeline.analyze(try String(contentsOf: seed, encoding: .utf8))
        let summary = Summarizer(language: "de").summarize(analysis, length: .sentences(3))
        let chosen = texts(analysis, summary)
        XCTAssertEqual(chosen.count, 3)
        XCTAssertTrue(chosen[0].hasPrefix("NATO-Generalsekretär Mark Rutte rief"), chosen[0])
        XCTAssertTrue(chosen[1].contains("dass die Ukraine stark bleibe"), chosen[1])
        XCTAssertTrue(chosen[2].contains("ab 2027, 2029 oder 2031 gefährlich"), chosen[2])
        XCTAssertEqual(summary.teaser.map { analysis.sourceText(of: analysis.sentences[$0]) },
                       ["Der niederländische NATO-Generalsekretär fordert die rasche Aufrüstung Europas und ruft zur weiteren Unterstützung der Ukraine auf."])
    }
}

extension SummarizerTests {
    func testWeightsApply_readsPairsAndNamesTheFirstItCannot() {
        var weights = SummaryWeights()
        XCTAssertNil(weights.apply("position=2,years=0"))
        XCTAssertEqual(weights.position, 2)
        XCTAssertEqual(weights.years, 0)
        XCTAssertEqual(weights.apply("quotes=0.5,lede=1"), "lede=1")
        XCTAssertEqual(weights.quotes, 0.5)
        XCTAssertEqual(weights.apply("length=nan"), "length=nan")
        XCTAssertEqual(weights.apply("entities"), "entities")
    }

    // MARK: the summary's sentences alone

    /// `sentences(of:length:)`, which weighs only the candidates that can be picked, picks what
    /// `summarize` picks: for every length, with redundancy weighed lightly, heavily and not at all,
    /// and with a teaser.
    func testSentencesOf_picksWhatSummarizePicks() throws {
        let teaser = "Die Regierung legt einen Haushalt mit höheren Verteidigungsausgaben vor.\n\n"
        var many = ""
        for i in 0..<60 { many += "Satz \(i) über den Haushalt, die Ausgaben \(1990 + i % 30) und Klingbeil in Berlin. " }
        let tiny = String(repeating: "Ba. Ko. Mi. ", count: 200)
        for text in [article, teaser + article, many, tiny, "Ein Satz."] {
            let analysis = try Self.pipeline.analyze(text)
            for redundancy in [0.0, 1.0, 5.0] {
                var weights = SummaryWeights()
                weights.redundancy = redundancy
                let summarizer = Summarizer(language: "de", weights: weights)
                for n in [0, 1, 2, 3, 5, 8, 100] {
                    XCTAssertEqual(summarizer.sentences(of: analysis.summaryDocument, length: .sentences(n)),
                                   summarizer.summarize(analysis, length: .sentences(n)).sentences, "n=\(n) redundancy=\(redundancy)")
                }
                XCTAssertEqual(summarizer.sentences(of: analysis.summaryDocument, length: .words(20)),
                               summarizer.summarize(analysis, length: .words(20)).sentences)
            }
        }
    }
}
