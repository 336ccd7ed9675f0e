import Foundation
import Kernsatz

/// Translation QA of a filled worksheet with what Kernsatz knows of each source: the sources are
/// analyzed again (entities, measures, quotes, glossary terms), the targets are read with the
/// target language's measure finder, and each `CheckRule` looks at one kind of problem.
///
///     let check = try TranslationCheck(matcher: TermMatcher(glossary: try ShippedGlossaries.glossary()))
///     let report = try check.check(
///         segments: [CheckReport.Segment(id: 1, unit: "u1", source: "Putin sei bereit, 1,1 Millionen Menschen zu opfern.",
///                                        target: "Putin is ready to sacrifice 1.1 billion people.")],
///         sourceLanguage: "de", targetLanguage: "en", file: "nato.xlf")
///     report.findings.map(\.rule)      // [.number]
///     report.findings[0].message       // "the source's „1,1 Millionen“ is not in the target with its value (en: 1.1 million)"
///
/// A check is an immutable value: make one and use it for many worksheets, from any task.
public struct TranslationCheck: Sendable {
    /// The glossaries' matchers, one per source language (a source takes the first whose glossary
    /// is for its language); empty: no glossary rules.
    public let matchers: [TermMatcher]
    /// The first matcher (the one a single glossary gives).
    public var matcher: TermMatcher? { matchers.first }
    /// The rules that run.
    public let rules: Set<CheckRule>
    let lists: CheckLists
    let pipelines = PipelineCache()

    /// - Parameters:
    ///   - matcher: the glossary to check terms against (nil: `glossary-missing` and `glossary-deprecated` find nothing).
    ///   - rules: the rules to run (default: all).
    /// - Throws: `WorksheetError` `.badCheckList` when a shipped list is malformed.
    public init(matcher: TermMatcher?, rules: Set<CheckRule> = Set(CheckRule.allCases)) throws(WorksheetError) {
        try self.init(matchers: matcher.map { [$0] } ?? [], rules: rules)
    }

    /// - Parameter matchers: glossaries for several source languages (the shipped one read from each
    ///   of its languages: `ShippedGlossaries.glossaries()`).
    public init(matchers: [TermMatcher], rules: Set<CheckRule> = Set(CheckRule.allCases)) throws(WorksheetError) {
        self.matchers = matchers
        self.rules = rules
        lists = try CheckLists.shipped()
    }

    /// The matcher for sources in `language` (primary subtag), if a glossary is for it.
    func matcher(for language: String) -> TermMatcher? {
        matchers.first { $0.glossary.isForTexts(in: language) }
    }

    /// Checks a worksheet read by `XLIFFReader`.
    /// - Parameters:
    ///   - sourceLanguage, targetLanguage: used when the file names none (the file's win otherwise).
    /// - Throws: `WorksheetError` (`.missingLanguage`, `.badTargetLanguage`, `.icu`) with `file` set.
    public func check(_ sheet: ReturnedWorksheet, file: String, sourceLanguage: String? = nil,
                      targetLanguage: String? = nil) throws(WorksheetError) -> CheckReport {
        guard let source = sheet.sourceLanguage ?? sourceLanguage, !source.isEmpty else {
            throw WorksheetError(.missingLanguage(side: "source"), file: file)
        }
        guard let target = sheet.targetLanguage ?? targetLanguage, !target.isEmpty else {
            throw WorksheetError(.missingLanguage(side: "target"), file: file)
        }
        let segments = sheet.segments.map { CheckReport.Segment(id: $0.id, unit: $0.unit, source: $0.source, target: $0.target) }
        return try check(segments: segments, sourceLanguage: source, targetLanguage: target, file: file)
    }

    /// Checks segments in file order.
    /// - Throws: `WorksheetError` `.badTargetLanguage` when ICU cannot use a language, `.icu` when the
    ///   analysis of a source fails.
    public func check(segments: [CheckReport.Segment], sourceLanguage: String, targetLanguage: String,
                      file: String) throws(WorksheetError) -> CheckReport {
        let source = LanguageTag.primary(sourceLanguage)
        let target = LanguageTag.primary(targetLanguage)
        let rules = self.rules
        let context = try CheckContext(check: self, sourceLanguage: sourceLanguage, targetLanguage: targetLanguage,
                                       source: source, target: target)
        var findings: [CheckFinding] = []
        var firstTarget: [String: (id: Int, target: String)] = [:]
        for segment in segments {
            var found: [CheckFinding] = []
            let sourceInfo: SourceInfo
            do {
                sourceInfo = try context.analyze(segment.source)
            } catch {
                throw WorksheetError(.icu("analyze the source of segment \(segment.id): \(error)"), file: file)
            }
            let emit = { (rule: CheckRule, message: String, spans: [CheckSpan]) in
                if rules.contains(rule) { found.append(CheckFinding(segment: segment.id, unit: segment.unit, rule: rule, message: message, spans: spans)) }
            }
            if let why = context.untranslated(segment, sourceInfo) {
                emit(.untranslated, why, [])
                findings += found
                continue
            }
            let targetText = segment.target ?? ""
            let targetInfo = context.read(targetText)
            context.glossary(sourceInfo, targetInfo, emit)
            context.numbers(sourceInfo, targetInfo, emit)
            context.names(sourceInfo, targetInfo, emit)
            context.quotes(sourceInfo, targetInfo, emit)
            context.doubledWords(sourceInfo, targetInfo, emit)
            context.brackets(sourceInfo, targetInfo, emit)
            context.lengthRatio(sourceInfo, targetInfo, emit)
            context.whitespace(sourceInfo, targetInfo, emit)
            // The same source twice: the later targets are compared with the first.
            let key = CheckText.collapsed(segment.source)
            let translated = CheckText.collapsed(targetText)
            if let first = firstTarget[key] {
                if first.target != translated {
                    emit(.inconsistent, "the same source as segment \(first.id) is translated differently (segment \(first.id): “\(first.target)”)",
                         [CheckSpan(side: .target, start: 0, end: targetText.unicodeScalars.count, text: targetText)])
                }
            } else {
                firstTarget[key] = (segment.id, translated)
            }
            findings += found
        }
        return CheckReport(file: file, sourceLanguage: sourceLanguage, targetLanguage: targetLanguage, segments: segments, findings: findings)
    }

    /// Pipelines by source language, made when a worksheet in the language first comes.
    final class PipelineCache: @unchecked Sendable {
        private var pipelines: [String: Pipeline] = [:]
        private let lock = NSLock()

        func pipeline(_ language: String) throws(KernsatzError) -> Pipeline {
            lock.lock()
            defer { lock.unlock() }
            if let pipeline = pipelines[language] { return pipeline }
            let pipeline = try Pipeline(options: PipelineOptions(language: language, detectTeaser: false))
            pipelines[language] = pipeline
            return pipeline
        }
    }
}
