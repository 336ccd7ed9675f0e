import Foundation
import Kernsatz
import KernsatzWorksheet
import XCTest

/// Worksheets the writer tests share: the seed text with the shipped glossary, a hostile text, and a
/// hand-made sheet with hostile strings in every field the analysis would never fill that way.
enum WorksheetFixtures {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Markup, formula-like lines, XML-illegal and bidirectional text, a very long line.
    static let hostileLines = [
        "<script>alert(1)</script>",
        "\"><img src=x onerror=alert(1)>",
        "=SUM(A1:A9)",
        "+49 30 1234",
        "-Minus",
        "@user",
        "a & b < c > d \"e\" 'f'",
        "]]>",
    ]

    static let longLine = String(repeating: "Verteidigungsausgaben und Sicherheitsgarantien für die NATO ", count: 40)
        + String(repeating: "X", count: 400)

    static let hostileText = """
        Brüssel – Der NATO-Generalsekretär las <script>alert(1)</script> vor.

        Dann kam "><img src=x onerror=alert(1)> in die Sicherheitsgarantien.

        =SUM(A1:A9)

        +49 30 1234

        -Minus

        @user

        Es gilt a & b < c > d "e" 'f' und ]]> sowie \u{0001} Steuerzeichen.

        Emoji 😀👍🏽 und 🇺🇦 sagte Rutte.

        Das Wort שלום עולם und مرحبا بالعالم stand auf Arabisch im Text.

        \(longLine)
        """

    static func builder() throws -> WorksheetBuilder {
        let matcher = TermMatcher(glossary: try ShippedGlossaries.glossary())
        return try WorksheetBuilder(options: WorksheetOptions(targetLanguage: "en", glossaryNames: ["shipped"]), matcher: matcher)
    }

    static func sheet(_ text: String, source: String) throws -> Worksheet {
        let analysis = try Pipeline(options: PipelineOptions(language: "de")).analyze(text, source: source)
        return try builder().build(analysis, source: source)
    }

    static func seed() throws -> Worksheet {
        let url = packageRoot.appendingPathComponent("Samples/de/nato-rutte-2025-12-23.txt")
        let text = try String(contentsOf: url, encoding: .utf8)
        return try sheet(text, source: "nato-rutte-2025-12-23.txt")
    }

    static func hostile() throws -> Worksheet {
        try sheet(hostileText, source: "<script>alert(1)</script>.txt")
    }

    /// Hostile strings in the fields the pipeline fills from glossaries and metadata.
    static func handMade() -> Worksheet {
        let evil = "\"><img src=x onerror=alert(1)> <script>alert(1)</script> & ]]> '\u{0001}"
        var segment = Segment(id: 1, kind: .teaser, block: 1, source: "Die Sicherheitsgarantie für " + evil + " Путин", counts: Counts(words: 9, characters: 60))
        let scalars = segment.source.unicodeScalars.count
        segment.inSummary = true
        segment.terms = [TermMark(start: 4, end: 23, text: "Sicherheitsgarantie", entry: "g1", match: .exact)]
        segment.entities = [EntityMark(start: scalars - 5, end: scalars, text: "Путин", type: .person, latin: evil)]
        segment.measures = [MeasureMark(start: 0, end: 3, text: "Die", kind: .number, rendering: evil)]
        segment.quotes = [QuoteMark(start: 4, end: scalars, text: evil, kind: .direct, speaker: evil)]
        let item = GlossaryItem(id: "g1", concept: evil, term: "Sicherheitsgarantie" + evil, partOfSpeech: evil, definition: evil, note: evil,
                                translations: [Translation(term: "security guarantee" + evil, status: .preferred, note: evil),
                                               Translation(term: "safety guarantee", status: .deprecated, note: "not in defence")],
                                segments: [1])
        return Worksheet(source: evil, sourceLanguage: "de", languageIdentified: false, targetLanguage: "en",
                         metadata: [Field(key: evil, value: evil)], date: evil, teaser: evil, dateline: evil,
                         counts: Counts(words: 9, characters: 60), summary: [1], segments: [segment], glossary: [item],
                         glossaries: [evil])
    }

    /// Writes a file to `$KERNSATZ_WORKSHEET_OUT` when set, for looking at the output by hand.
    static func writeOut(_ data: Data, name: String) throws {
        guard let directory = ProcessInfo.processInfo.environment["KERNSATZ_WORKSHEET_OUT"], !directory.isEmpty else { return }
        let url = URL(fileURLWithPath: directory, isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        try data.write(to: url.appendingPathComponent(name))
    }
}
