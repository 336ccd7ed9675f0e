import Foundation
import XCTest

/// `kernsatz summarize`, `kernsatz quotes` and the quotes of `analyze`.
extension CLITests {
    static let article = """
         date 2025-12-23 Die Regierung legt einen Haushalt mit höheren Verteidigungsausgaben vor.

        Berlin – Die Bundesregierung hat am Mittwoch einen neuen Haushaltsentwurf vorgelegt. \
        Der Entwurf sieht deutlich höhere Verteidigungsausgaben vor. \
        „Wir investieren in Sicherheit“, sagte Finanzminister Lars Klingbeil. \
        Die Opposition kritisierte den Haushaltsentwurf als unseriös.

        """

    func testSummarize_conflictingLengths_areRefused() throws {
        let result = try run(["summarize", "--sentences", "2", "--words", "30", "-"], stdin: Self.article)
        XCTAssertNotEqual(result.status, 0)
        XCTAssertTrue(result.stderr.contains("Give one of --sentences, --words and --ratio."), result.stderr)
        let ratio = try run(["summarize", "--ratio", "1.5", "-"], stdin: Self.article)
        XCTAssertTrue(ratio.stderr.contains("--ratio must be above 0 and at most 1."), ratio.stderr)
    }

    func testSummarize_zeroLengths_areRefused() throws {
        for (arguments, message) in [(["--sentences", "0"], "--sentences must be at least 1."), (["--words", "0"], "--words must be at least 1."),
                                     (["--ratio", "0"], "--ratio must be above 0 and at most 1."), (["--sentences=-2"], "--sentences must be at least 1.")] {
            let result = try run(["summarize"] + arguments + ["-"], stdin: Self.article)
            XCTAssertEqual(result.status, 64, "\(arguments)")
            XCTAssertTrue(result.stderr.contains(message), result.stderr)
        }
    }

    func testSummarize_badWeights_namesTheWeight() throws {
        let result = try run(["summarize", "--weights", "lede=2", "-"], stdin: Self.article)
        XCTAssertNotEqual(result.status, 0)
        XCTAssertTrue(result.stderr.contains("cannot read 'lede=2'"), result.stderr)
    }

    func testSummarize_text_showsTeaserThenSentencesInOrder() throws {
        let result = try run(["summarize", "--sentences", "2", "-"], stdin: Self.article)
        XCTAssertEqual(result.status, 0, result.stderr)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.first, "Teaser: Die Regierung legt einen Haushalt mit höheren Verteidigungsausgaben vor.")
        XCTAssertEqual(lines.count, 3)
        XCTAssertEqual(lines[1], "Die Bundesregierung hat am Mittwoch einen neuen Haushaltsentwurf vorgelegt.")
    }

    func testSummarize_wordsBelowBestSentence_givesItWithNote() throws {
        let result = try run(["summarize", "--words", "2", "-"], stdin: Self.article)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout.split(separator: "\n").count, 2)  // teaser + one sentence
        XCTAssertTrue(result.stderr.contains("more than the 2 words asked"), result.stderr)
    }

    func testSummarize_explain_hasEveryFeatureAndAllSentences() throws {
        let result = try run(["summarize", "--explain", "--sentences", "1", "-"], stdin: Self.article)
        for column in ["posit", "centr", "entit", "quote", "lengt", "score", "overl", "gain"] {
            XCTAssertTrue(result.stdout.contains(column), column)
        }
        XCTAssertEqual(result.stdout.components(separatedBy: "candidate").count - 1, 4)
        XCTAssertEqual(result.stdout.components(separatedBy: "teaser").count - 1, 1)
    }

    func testSummarizeJSONL_hasIdSummaryAndScoredSentences() throws {
        let input = #"{"id": 7, "text": "Berlin – Die Regierung legt den Haushalt vor. Er enthält mehr Geld für die Bundeswehr. Das Wetter ist gut."}"#
        let result = try run(["summarize", "--jsonl", "--sentences", "1", "--lang", "de"], stdin: input + "\n")
        let record = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
        XCTAssertEqual(record["id"] as? Int, 7)
        XCTAssertEqual(record["summary"] as? [String], ["Die Regierung legt den Haushalt vor."])
        let sentence = (record["sentences"] as! [[String: Any]])[0]
        XCTAssertEqual(sentence["start"] as? Int, 9)
        XCTAssertEqual(sentence["end"] as? Int, 45)
        XCTAssertNotNil(sentence["score"] as? Double)
    }

    func testSummarize_markdown_hasHeadingTeaserQuoteAndBullets() throws {
        let result = try run(["summarize", "--format", "markdown", "--sentences", "1", "-"], stdin: Self.article)
        XCTAssertEqual(result.stdout, """
            ## Summary

            > Die Regierung legt einen Haushalt mit höheren Verteidigungsausgaben vor.

            - Die Bundesregierung hat am Mittwoch einen neuen Haushaltsentwurf vorgelegt.

            """)
    }

    func testQuotes_listing_givesPositionSpeakerAndVerb() throws {
        let result = try run(["quotes", "-"], stdin: Self.article)
        XCTAssertEqual(result.stdout, "3:148\tdirect\tLars Klingbeil\tsagte\tWir investieren in Sicherheit\n")
    }

    func testAnalyzeJSONL_quotes_haveSourceOffsetsAndSpeaker() throws {
        let input = #"{"id": "q", "text": "Kurz: „Das ist“, so Rutte, „die Realität.“"}"#
        let result = try run(["analyze", "--jsonl", "--lang", "de"], stdin: input + "\n")
        let record = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
        let quote = (record["quotes"] as! [[String: Any]])[0]
        XCTAssertEqual(quote["text"] as? String, "Das ist die Realität.")
        XCTAssertEqual(quote["speaker"] as? String, "Rutte")
        XCTAssertEqual(quote["verb"] as? String, "so")
        XCTAssertEqual(quote["start"] as? Int, 7)
        XCTAssertEqual(quote["end"] as? Int, 41)
    }
}

extension CLITests {
    func testEntities_listing_givesTypeNameAndCue() throws {
        let result = try run(["entities", "--lang", "de", "-"], stdin: "Brüssel – NATO-Generalsekretär Mark Rutte reiste nach Frankreich.\n")
        XCTAssertEqual(result.status, 0, result.stderr)
        let lines = result.stdout.split(separator: "\n").map { $0.split(separator: "\t").prefix(3).joined(separator: " ") }
        XCTAssertTrue(lines.contains("1:32 PER Mark Rutte"), "\(lines)")
        XCTAssertTrue(lines.contains("1:55 LOC Frankreich"), "\(lines)")
    }

    func testAnalyze_measures_kindOffsetsAndValue_inFileJSONAndJSONL() throws {
        let text = "Die Preise stiegen um 3,5 Prozent. Am 12. März 2025 gab das Land 4 Mio. Euro aus."
        let file = try run(["analyze", "--lang", "de", "-"], stdin: text + "\n")
        XCTAssertEqual(file.status, 0, file.stderr)
        let jsonl = try run(["analyze", "--jsonl", "--lang", "de"], stdin: #"{"id": "m", "text": "\#(text)"}"# + "\n")
        XCTAssertEqual(jsonl.status, 0, jsonl.stderr)
        for output in [file.stdout, jsonl.stdout] {
            let record = try JSONSerialization.jsonObject(with: Data(output.utf8)) as! [String: Any]
            let measures = try XCTUnwrap(record["measures"] as? [[String: Any]], output)
            XCTAssertEqual(measures.map { "\($0["kind"]!) \($0["text"]!) \($0["start"]!)-\($0["end"]!)" },
                           ["percent 3,5 Prozent 22-33", "date 12. März 2025 38-51", "currency 4 Mio. Euro 65-76"])
            XCTAssertEqual(measures.map { $0["value"] as? Double }, [3.5, nil, 4_000_000])
            XCTAssertEqual(measures.map { $0["currency"] as? String }, [nil, nil, "EUR"])
            let date = try XCTUnwrap(measures[1]["date"] as? [String: Int])
            XCTAssertEqual(date, ["day": 12, "month": 3, "year": 2025])
        }
        // The streamed record is written as JSONEncoder writes the same record (members sorted).
        XCTAssertTrue(jsonl.stdout.contains(#""value":4000000}"#), jsonl.stdout)
        XCTAssertTrue(jsonl.stdout.contains(#""value":3.5}"#), jsonl.stdout)
    }

    func testAnalyzeJSONL_entities_haveTypeAndSourceOffsets() throws {
        let input = #"{"id": "e", "text": "Gestern traf Kanzler Friedrich Merz in Paris ein."}"#
        let result = try run(["analyze", "--jsonl", "--lang", "de"], stdin: input + "\n")
        let record = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
        let entities = (record["entities"] as! [[String: Any]]).map { "\($0["type"]!) \($0["text"]!) \($0["start"]!)-\($0["end"]!)" }
        XCTAssertEqual(entities, ["PER Friedrich Merz 21-35", "LOC Paris 39-44"])
    }
}
