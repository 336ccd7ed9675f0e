import Foundation
import Kernsatz
import KernsatzWorksheet

/// One reader under fuzzing: any bytes go in; it may refuse them with an error, but must never
/// crash, hang or run out of memory. `.ci/fuzz` runs each for a while under libFuzzer with
/// AddressSanitizer; a plain build replays inputs (`kernsatz-fuzz text crash-1234 corpus/`).
enum FuzzTarget: String, CaseIterable, Sendable {
    /// Bytes → `TextDecoder` → `Pipeline` (layout, language, sentences, quotes, entities) → summary →
    /// worksheet with the shipped glossary → every worksheet format.
    case text
    /// A TBX glossary (`GlossaryReader`), its terms matched, written back as TBX and TSV and read again.
    case tbx
    /// The same bytes as a TSV glossary and as a CSV glossary, each matched and written back.
    case tsv
    /// JSON Lines input records, line by line as `LineReader` cuts them (`InputRecord`).
    case jsonl
    /// HTML and Markdown extraction (`MarkupExtractor`), then cleanup and layout of the result.
    case markup
    /// A returned XLIFF worksheet merged (`WorksheetMerge`), and the bytes as a skeleton's text.
    case merge
    /// A returned XLIFF worksheet checked (`TranslationCheck`, every report form), and the bytes as
    /// the target of a fixed German source.
    case check

    /// The target named by `KERNSATZ_FUZZ_TARGET`, as libFuzzer gives a binary no arguments of its own.
    static var fromEnvironment: FuzzTarget? {
        ProcessInfo.processInfo.environment["KERNSATZ_FUZZ_TARGET"].flatMap(FuzzTarget.init(rawValue:))
    }
}

/// What the targets reuse from input to input (pipeline, worksheet builder, matcher), built once.
/// Not shareable between threads: libFuzzer calls one input at a time on one thread.
final class Fuzzer {
    let target: FuzzTarget
    /// The pipeline and worksheet builder of `.text` (nil for the others, which start faster without them).
    private let pipeline: Pipeline?
    private let session = Pipeline.Session()
    private let builder: WorksheetBuilder?
    /// The check of `.check` (nil for the others).
    private let check: TranslationCheck?
    private let markup = MarkupExtractor()
    private let glossaryReader = GlossaryReader()
    /// A German text the glossaries read from the input are matched against.
    private let probe: [UInt16]

    init(target: FuzzTarget) throws {
        self.target = target
        if target == .text {
            pipeline = try Pipeline()
            builder = try WorksheetBuilder(options: WorksheetOptions(targetLanguage: "en", summarySentences: 2,
                                                                     glossaryNames: ShippedGlossaries.names),
                                           matcher: TermMatcher(glossary: try ShippedGlossaries.glossary()))
        } else {
            pipeline = nil
            builder = nil
        }
        check = target == .check ? try TranslationCheck(matcher: TermMatcher(glossary: try ShippedGlossaries.glossary())) : nil
        probe = Array(("Die Sicherheitsgarantien der NATO und die Bündnistreue: Dr. Müller sagte am 3. Oktober, "
                       + "die EU-Kommission habe 4,5 Mrd. Euro für Verteidigungsausgaben zugesagt. „Wir stehen zusammen“, "
                       + "sagte sie. Straßen-Bahn, Äpfel und Ölpreise; Mutter, Haus und Krankenhaus.").utf16)
    }

    func run(_ bytes: [UInt8]) {
        switch target {
        case .text: text(bytes)
        case .tbx: glossary(bytes, format: .tbx)
        case .tsv:
            glossary(bytes, format: .tsv)
            glossary(bytes, format: .csv)
        case .jsonl: jsonLines(bytes)
        case .markup: markupText(bytes)
        case .merge: mergeWorksheet(bytes)
        case .check: checkWorksheet(bytes)
        }
    }

    private func text(_ bytes: [UInt8]) {
        guard let pipeline, let builder else { return }
        // Strict first, as a file is read by default; what it refuses is read again leniently.
        guard let decoded = (try? TextDecoder().decode(bytes, source: "fuzz"))
                ?? (try? TextDecoder(lenient: true).decode(bytes, source: "fuzz")),
              let analysis = try? pipeline.analyze(decoded, source: "fuzz", session: session) else { return }
        _ = Summarizer(language: analysis.language).summarize(analysis, length: .sentences(3))
        _ = Summarizer(language: analysis.language).summarize(analysis, length: .words(40))
        let sheet = builder.build(analysis, source: "fuzz.txt")
        for format in WorksheetFormat.allCases {
            _ = try? format.data(sheet)
        }
        // The skeletons of the other forms, laid out from the same segments.
        for form in [SkeletonForm.markdown, .html] {
            _ = WorksheetSkeleton.layout(of: sheet, form: form).render()
        }
    }

    private func glossary(_ bytes: [UInt8], format: GlossaryFormat) {
        let (read, _) = glossaryReader.parse(bytes, format: format, source: "fuzz.\(format.rawValue)")
        guard let read, !read.entries.isEmpty else { return }
        let matcher = TermMatcher(glossary: read)
        _ = matcher.match(units: probe)
        // Each term in a sentence of its own, where it should be found.
        _ = matcher.match(read.entries.prefix(50).map { "Hier steht \($0.term) im Satz." }.joined(separator: " "))
        // What Kernsatz writes of it, it must read again.
        _ = glossaryReader.parse(Array(TBXWriter.write(read).utf8), format: .tbx, source: "written.tbx")
        _ = glossaryReader.parse(Array(TSVFormat.write(read).utf8), format: .tsv, source: "written.tsv")
        for written in [GlossaryOutputFormat.tbx2008, .csv] {
            _ = glossaryReader.parse(Array(written.write(read).utf8), format: written.readFormat, source: "written.\(written.rawValue)")
        }
    }

    private func jsonLines(_ bytes: [UInt8]) {
        // Cut as LineReader cuts: at LF, a CR before it dropped.
        for var line in bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init) {
            if line.last == 0x0D { line.removeLast() }
            // The id of a line too long to keep, read from its first bytes (any cut of them).
            _ = InputRecord.leadingID(line)
            _ = InputRecord.leadingID(Array(line.prefix(line.count / 2)))
            for lenient in [false, true] {
                guard let (text, _) = try? InputRecord.text(of: line, source: "fuzz:1", lenient: lenient) else {
                    _ = InputRecord.salvageID(String(decoding: line, as: UTF8.self))
                    continue
                }
                _ = InputRecord.salvageID(text)
                if let record = try? InputRecord.parse(text, source: "fuzz:1") {
                    // The id goes back out as it came.
                    _ = try? JSONEncoder().encode(record.id)
                    _ = record.id.description
                }
            }
        }
    }

    private func checkWorksheet(_ bytes: [UInt8]) {
        guard let check else { return }
        var reports: [CheckReport] = []
        if let sheet = try? XLIFFReader.read(bytes, file: "fuzz.xlf"),
           let report = try? check.check(sheet, file: "fuzz.xlf", sourceLanguage: "de", targetLanguage: "en") {
            reports.append(report)
        }
        let target = String(decoding: bytes, as: UTF8.self)
        let source = String(decoding: probe, as: UTF16.self)
        for (from, to) in [("de", "en"), ("en", "de"), ("fr", "en")] {
            let segments = [CheckReport.Segment(id: 1, unit: "u1", source: source, target: target),
                            CheckReport.Segment(id: 2, unit: "u1", source: target, target: source),
                            CheckReport.Segment(id: 3, unit: "u1", source: source, target: target + target)]
            if let report = try? check.check(segments: segments, sourceLanguage: from, targetLanguage: to, file: "fuzz") {
                reports.append(report)
            }
        }
        for format in CheckReportFormat.allCases { _ = CheckReportWriter.write(reports, as: format) }
    }

    private func mergeWorksheet(_ bytes: [UInt8]) {
        if let merged = try? WorksheetMerge.merge(bytes, file: "fuzz.xlf") {
            _ = merged.fileName()
        }
        let text = String(decoding: bytes, as: UTF8.self)
        if let skeleton = try? SkeletonTemplate.parse(text) {
            _ = skeleton.segmentIDs
        }
        for form in SkeletonTemplate.Form.allCases {
            _ = WorksheetMerge.escape(text, for: form, after: String(text.prefix(8)))
        }
    }

    private func markupText(_ bytes: [UInt8]) {
        let source = String(decoding: bytes, as: UTF8.self)
        for kind in [MarkupKind.html, .markdown] {
            let extracted = markup.text(from: source, kind: kind)
            if let clean = try? CleanText(extracted) {
                _ = StructureParser().parse(clean)
            }
        }
    }
}
