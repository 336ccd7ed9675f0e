import Foundation
import XCTest
@testable import KernsatzGlossary

/// Behaviour of the matcher beyond the table: edge cases, offsets, reuse, the data files.
final class TermMatcherTests: XCTestCase {
    func glossary(_ terms: String...) -> Glossary {
        Glossary(entries: terms.map { GlossaryEntry(term: $0, targets: [TargetTerm(language: "en", term: "x")]) })
    }

    func found(_ text: String, _ terms: String...) -> [String] {
        let matcher = TermMatcher(glossary: Glossary(entries: terms.map { GlossaryEntry(term: $0) }))
        let units = Array(text.utf16)
        return matcher.match(units: units).map { "\(String(decoding: units[$0.range], as: UTF16.self))=\(matcher.glossary.entries[$0.entry].term)/\($0.match.rawValue)" }
    }

    // MARK: edge cases

    func testMatch_emptyTextOrGlossary_findsNothing() {
        XCTAssertEqual(TermMatcher(glossary: glossary("Gipfel")).match(""), [])
        XCTAssertEqual(TermMatcher(glossary: Glossary()).match("Der Gipfel."), [])
        XCTAssertEqual(found("   \n", "Gipfel"), [])
    }

    func testMatch_termWithoutLetters_isIgnored() {
        XCTAssertEqual(found("Ein – Strich.", "–", "  "), [])
    }

    func testMatch_rangesAreUTF16_afterEmojiAndUmlauts() {
        let matcher = TermMatcher(glossary: glossary("Gipfel"))
        let text = "😀 Über den Gipfel"
        XCTAssertEqual(matcher.match(text).map(\.range), [12..<18])
    }

    func testMatch_termAtTextEdges() {
        XCTAssertEqual(found("Gipfel", "Gipfel"), ["Gipfel=Gipfel/exact"])
        XCTAssertEqual(found("Gipfels", "Gipfel"), ["Gipfels=Gipfel/inflected"])
    }

    func testMatch_termSpansAnElidingApostrophe_straightOrCurly() {
        XCTAssertEqual(found("La guerre d'agression dure.", "guerre d'agression"), ["guerre d'agression=guerre d'agression/exact"])
        XCTAssertEqual(found("La guerre d’agression dure.", "guerre d'agression"), ["guerre d’agression=guerre d'agression/exact"])
        // The apostrophe joins two words, not a compound: „d'“ alone is no term's start.
        XCTAssertEqual(found("La guerre d'usure dure.", "guerre d'agression"), [])
        XCTAssertEqual(found("NATO's summit.", "NATO"), ["NATO=NATO/exact"])
    }

    func testMatch_doesNotSpanPunctuationOrParagraphs() {
        XCTAssertEqual(found("stark. NATO", "starke NATO"), [])
        XCTAssertEqual(found("Europäische\n\nUnion", "Europäische Union"), [])
        XCTAssertEqual(found("Europäische\nUnion", "Europäische Union"), ["Europäische\nUnion=Europäische Union/exact"])
    }

    func testMatch_pathologicalInput_staysFast() {
        let matcher = TermMatcher(glossary: glossary("Garantie", "NATO", "Gipfel"))
        let longToken = String(repeating: "Staatsgarantie", count: 20_000)
        let longWord = Array(repeating: "NATO", count: 20_000).joined(separator: "-")
        let start = Date()
        XCTAssertEqual(matcher.match(longToken).count, 0)
        XCTAssertEqual(matcher.match(longWord).count, 1)
        XCTAssertLessThan(Date().timeIntervalSince(start), 10)
    }

    // MARK: case rules

    func testAcronym_isCaseSensitive_pressSpellingIsAVariant() {
        XCTAssertEqual(found("NATO Nato nato NaTo", "NATO"), ["NATO=NATO/exact", "Nato=NATO/variant"])
        XCTAssertEqual(found("Die EU und die Eu.", "EU"), ["EU=EU/exact"])
    }

    func testAcronym_genitiveS_isInflected() {
        XCTAssertEqual(found("die Rolle des IWFs", "IWF"), ["IWFs=IWF/inflected"])
    }

    func testNoun_caseFolded_includingSharpS() {
        XCTAssertEqual(found("STRASSE und Straße", "Straße"), ["STRASSE=Straße/exact", "Straße=Straße/exact"])
    }

    // MARK: morphology details

    func testTruncatedCompound_inMultiwordTerm() {
        XCTAssertEqual(found("Die Staats- und Regierungschefs trafen sich.", "Staats- und Regierungschefs"),
                       ["Staats- und Regierungschefs=Staats- und Regierungschefs/exact"])
        XCTAssertEqual(found("der Landes- und Bündnisverteidigung", "Landes- und Bündnisverteidigung"),
                       ["Landes- und Bündnisverteidigung=Landes- und Bündnisverteidigung/exact"])
    }

    func testAdjectiveTerm_takesAdjectiveEndings() {
        let matcher = TermMatcher(glossary: Glossary(entries: [GlossaryEntry(term: "völkerrechtswidrig", partOfSpeech: "adjective")]))
        XCTAssertEqual(matcher.match("ein völkerrechtswidriger Angriff").map(\.match), [.inflected])
        XCTAssertEqual(matcher.match("das ist völkerrechtswidrig").map(\.match), [.exact])
    }

    func testVerbTerm_isNotInflectedAsANoun() {
        let matcher = TermMatcher(glossary: Glossary(entries: [GlossaryEntry(term: "verurteilen", partOfSpeech: "verb")]))
        XCTAssertEqual(matcher.match("Sie verurteilen das.").count, 1)
        XCTAssertEqual(matcher.match("die Verurteilens").count, 0)
    }

    func testNeverMatch_lowerCaseEntry_blocksOnlyLowerCaseWords() {
        XCTAssertEqual(found("Sie gipfeln. Auf den Gipfeln.", "Gipfel"), ["Gipfeln=Gipfel/inflected"])
    }

    func testShortHead_needsLinkingS() {
        XCTAssertEqual(found("Sicherheitsrat, Demokrat, Referat, Bundesrat", "Rat"),
                       ["Sicherheitsrat=Rat/compound", "Bundesrat=Rat/compound"])
    }

    func testLongestMatch_overlappingMultiwordTerms() {
        XCTAssertEqual(found("Der Rat der Europäischen Union tagt.", "Rat", "Europäische Union", "Rat der Europäischen Union"),
                       ["Rat der Europäischen Union=Rat der Europäischen Union/exact"])
    }

    func testMorphology_nounFormsFromData() {
        let forms = GermanMorphology.shipped.nounForms("haus")
        XCTAssertEqual(forms["haus"], false)
        XCTAssertEqual(forms["häuser"], true)
        XCTAssertEqual(forms["häusern"], true)
        XCTAssertNil(forms["hau"])
        XCTAssertEqual(Set(GermanMorphology.shipped.nounForms("sicherheit").keys), ["sicherheit", "sicherheiten"])
        XCTAssertEqual(GermanMorphology.shipped.umlauted("mutter"), "mütter")
        XCTAssertNil(GermanMorphology.shipped.umlauted("gipfel"))
    }

    func testMorphology_everyListIsShippedAndNotEmpty() {
        for kind in MorphologyListKind.allCases {
            XCTAssertFalse(kind.shippedText.isEmpty, kind.rawValue)
            XCTAssertTrue(kind.shippedText.hasPrefix("#"), "\(kind.rawValue) starts with a header comment")
        }
    }

    func testMatcher_isReusableAcrossTasks() async {
        let matcher = TermMatcher(glossary: glossary("Gipfel"))
        let counts = await withTaskGroup(of: Int.self) { group in
            for _ in 0..<8 { group.addTask { matcher.match("Gipfel, Gipfels, Gipfeln").count } }
            return await group.reduce(0, +)
        }
        XCTAssertEqual(counts, 24)
    }

    // MARK: Snowball vocabulary (in ../shared when present)

    /// German Snowball maps „sicherheit“ to „sich“, so a stemming matcher marks „sich“, „sicher“ …
    /// Over the whole Snowball test vocabulary, every word this matcher marks for a term must be a
    /// form of it or a compound with it: Snowball's other words of the same stem must not be marked.
    func testSnowballVocabulary_sameStemWords_areNotMarked() throws {
        let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../shared/data/snowball/german").standardized
        guard let voc = try? String(contentsOf: dir.appendingPathComponent("voc.txt"), encoding: .utf8),
              let out = try? String(contentsOf: dir.appendingPathComponent("output.txt"), encoding: .utf8) else {
            throw XCTSkip("../shared/data/snowball is not here")
        }
        let words = voc.split(separator: "\n").map(String.init), stems = out.split(separator: "\n").map(String.init)
        XCTAssertEqual(words.count, stems.count)
        let stemOf = Dictionary(zip(words, stems), uniquingKeysWith: { a, _ in a })
        let terms = ["Sicherheit", "Haus", "Rat", "Staat", "Krieg", "Garantie", "Vertrag", "Macht", "Wahl", "Bund"]
        for term in terms {
            let matcher = TermMatcher(glossary: glossary(term))
            let base = term.lowercased()
            guard let stem = stemOf[base] else { continue }
            let sameStem = words.filter { stemOf[$0] == stem }
            // The vocabulary is lower case; nouns are written capitalized, so each word is tried so.
            let marked = sameStem.filter { !matcher.match($0.prefix(1).uppercased() + $0.dropFirst()).isEmpty }
            XCTAssertFalse(marked.isEmpty, "\(term): nothing marked among \(sameStem.count) words")
            let unrelated = marked.filter { word in
                let forms = GermanMorphology.shipped.nounForms(base).keys
                return !forms.contains { word.hasPrefix($0) || word.hasSuffix($0) }
            }
            XCTAssertEqual(unrelated, [], "\(term): marked words of Snowball's stem '\(stem)' that are no form of it")
            XCTAssertFalse(marked.contains("sich") || marked.contains("sicher"), term)
        }
    }
}

extension TermMatcherTests {
    func testMatch_hyphenatedTermWrittenClosedOrWithOtherHyphens_isVariant() {
        let matcher = TermMatcher(glossary: Glossary(entries: [GlossaryEntry(term: "Ukraine-Krieg"), GlossaryEntry(term: "G7-Gipfel")]))
        let text = "Der Ukrainekrieg und der G-7-Gipfel des Ukrainekriegs."
        let hits = matcher.match(text).map { (String(Array(text.utf16)[$0.range].map { Character(Unicode.Scalar($0)!) }), $0.match) }
        XCTAssertEqual(hits.map(\.0), ["Ukrainekrieg", "G-7-Gipfel", "Ukrainekriegs"])
        XCTAssertEqual(hits.map(\.1), [.variant, .variant, .inflected])
    }

    // MARK: long texts

    /// A long text is matched piece by piece (cut after blank lines): the same hits, at the same
    /// offsets, as its tokens all at once — terms over a single line break and next to the cuts too.
    func testMatch_longText_piecewiseGivesTheSameHits() {
        let matcher = TermMatcher(glossary: glossary("Europäische Union", "Gipfel", "Waffenstillstand", "Staatsanleihe"))
        var text = ""
        var i = 0
        while text.utf16.count < 3 * TermMatcher.pieceUnits + 1000 {
            text += i % 3 == 0 ? "Die Europäische\nUnion lädt zum Gipfel. Waffenstillstandsabkommen" : "Staats- und Gipfelfragen der Europäischen Union"
            text += i % 5 == 0 ? "\n\n" : i % 7 == 0 ? " \r\n \n\t" : "\n"
            i += 1
        }
        let units = Array(text.utf16)
        XCTAssertLessThan(TermMatcher.pieceEnd(units, from: 0), units.count)
        let whole = matcher.match(units: units, tokens: TermTokens(units: units))
        XCTAssertFalse(whole.isEmpty)
        XCTAssertEqual(matcher.match(units: units), whole)
    }

    /// Without blank lines (a line per sentence, or one long paragraph) a long text is cut after
    /// sentence and clause punctuation: the same hits as all at once, terms over line breaks and
    /// hyphens at the cuts too.
    func testMatch_longTextWithoutBlankLines_cutAfterPunctuation_givesTheSameHits() {
        let matcher = TermMatcher(glossary: glossary("Europäische Union", "Gipfel", "Waffenstillstand", "Staatsanleihe", "Nato"))
        var text = ""
        var i = 0
        let endings = [". ", ".\n", "! ", "?\n", ", ", "; ", ": ", " "]
        while text.utf16.count < 3 * TermMatcher.pieceUnits + 1000 {
            text += i % 3 == 0 ? "Die Europäische\nUnion lädt zum Nato-Gipfel" : i % 3 == 1 ? "Staats- und Gipfelfragen" : "Waffenstillstands-\nabkommen"
            text += endings[i % endings.count]
            i += 1
        }
        let units = Array(text.utf16)
        XCTAssertFalse(text.contains("\n\n"))
        XCTAssertLessThan(TermMatcher.pieceEnd(units, from: 0), units.count, "cut without a blank line")
        let whole = matcher.match(units: units, tokens: TermTokens(units: units))
        XCTAssertGreaterThan(whole.count, 1000)
        XCTAssertEqual(matcher.match(units: units), whole)
    }
}
