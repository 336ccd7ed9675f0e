import Kernsatz
import XCTest

/// Random text built from the characters the rules look at must never trap, and the sentences
/// must stay inside the text, in order, without overlap.
final class RobustnessTests: XCTestCase {
    /// A small deterministic generator (SplitMix64), so a failure is reproducible.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let pieces: [String] = [
        "Die", "der", "am", "im", "Dr", "z", "B", "u", "a", "Mio", "usw", "XVI", "A", "Uhr", "NATO", "und", "das",
        "3", "2015", "1,1", "23.12", "www.x.de", "€", "%", "–", "-", "—", " ", " ", " ", "\n", "\n\n", "\t", "\r\n",
        ".", ".", ".", "…", "...", "!", "?", ":", ";", ",", "„", "“", "»", "«", "‚", "‘", "\"", "'", "(", ")", "[", "]",
        "\u{00AD}", "\u{00A0}", "\u{200B}", "u\u{0308}", "🇪🇺", "👩\u{200D}💻", "Ü", "ß", "é", "Я", "東京", "\u{0007}", "\u{FEFF}",
        " date 2025-12-23 ", "Brüssel – ", "- ", "1) ", "---", "date",
    ]

    func testAnalyze_randomText_neverTrapsAndSentencesAreOrdered() throws {
        var generator = SplitMix(state: 20_261_124)
        let pipelines = try ["de", "en", "fr", "und"].map { try Pipeline(options: PipelineOptions(language: $0)) } + [try Pipeline()]
        for round in 0..<3000 {
            let count = Int.random(in: 0...60, using: &generator)
            let text = (0..<count).map { _ in Self.pieces.randomElement(using: &generator)! }.joined()
            let pipeline = pipelines[round % pipelines.count]
            let analysis = try pipeline.analyze(text)
            var last = 0
            let scalarArray = Array(text.unicodeScalars)
            let scalars = scalarArray.count
            for sentence in analysis.sentences {
                let range = analysis.sourceScalarRange(sentence.range)
                guard range.upperBound <= scalars, range.lowerBound <= range.upperBound else {
                    XCTFail("round \(round): \(range) outside \(text.debugDescription)")
                    continue
                }
                // The Python contract: text[start:end] is the sentence's text, and it never ends in a removed character.
                let slice = String(String.UnicodeScalarView(scalarArray[range]))
                XCTAssertEqual(slice, analysis.sourceText(of: sentence), "round \(round): \(text.debugDescription)")
                XCTAssertFalse(["\r", "\u{00AD}", "\u{200B}", "\u{FEFF}", "\u{0007}"].contains { slice.unicodeScalars.last == $0.unicodeScalars.first }, "round \(round): \(slice.debugDescription)")
                XCTAssertLessThanOrEqual(last, range.lowerBound, "round \(round): \(text.debugDescription)")
                XCTAssertLessThan(range.lowerBound, range.upperBound, "round \(round): \(text.debugDescription)")
                XCTAssertLessThanOrEqual(range.upperBound, scalars, "round \(round): \(text.debugDescription)")
                last = range.upperBound
            }
        }
    }

    func testDecode_randomBytes_neverTraps() {
        var generator = SplitMix(state: 7)
        let decoder = TextDecoder()
        let lenient = TextDecoder(lenient: true)
        for _ in 0..<2000 {
            let bytes = (0..<Int.random(in: 0...40, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
            _ = try? decoder.decode(bytes, source: "random")
            _ = try? lenient.decode(bytes, source: "random")
        }
    }
}
