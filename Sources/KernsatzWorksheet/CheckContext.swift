import Foundation
import Kernsatz

/// A word of a source or target: folded (lower case, ’ as ') with its Unicode-scalar offsets.
struct CheckWord {
    var folded: String
    var start: Int
    var end: Int
}

/// What the check knows of one source: the analysis pipeline's measures, names and quotes, and the
/// glossary's hits, as spans of the source as read.
struct SourceInfo {
    struct Item<Value> {
        var value: Value
        var span: CheckSpan
    }

    var text: String
    var scalars: [Unicode.Scalar]
    var words: [CheckWord]
    var measures: [Item<Measure>] = []
    var entities: [Item<Entity>] = []
    var quotes: [CheckSpan] = []
    /// The names of `kept-names.txt` the source has, with their words as the list writes them.
    var keptNames: [(span: CheckSpan, words: [String])] = []
    /// Index into the matcher's entries, and how the term was found.
    var hits: [Item<Int>] = []
    var hitKinds: [MatchKind] = []
}

/// A target as the rules read it.
struct TargetInfo {
    var text: String
    var scalars: [Unicode.Scalar]
    var words: [CheckWord]
    var measures: [Measure]
    /// The text with no-break and other inline spaces as plain spaces, for finding rendered forms.
    var spaced: String
    /// `CheckText.nameKey` of the text.
    var nameKey: String
}

/// The text helpers of the rules.
enum CheckText {
    static let doubleQuotes: Set<Unicode.Scalar> = ["\"", "\u{201C}", "\u{201D}", "\u{201E}", "\u{201F}", "\u{00AB}", "\u{00BB}", "\u{2039}", "\u{203A}", "\u{300C}", "\u{300D}"]

    /// White space collapsed to single spaces, trimmed.
    static func collapsed(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// Words: runs of letters, digits and marks, with an apostrophe inside a word or after a final
    /// s kept ("alliance's", "allies'"); hyphens and other signs separate words.
    static func words(_ scalars: [Unicode.Scalar]) -> [CheckWord] {
        var words: [CheckWord] = []
        var index = 0
        func isWordScalar(_ s: Unicode.Scalar) -> Bool {
            s.properties.isAlphabetic || s.properties.numericType != nil || s.properties.generalCategory == .nonspacingMark
        }
        while index < scalars.count {
            guard isWordScalar(scalars[index]) else { index += 1; continue }
            let start = index
            var end = index
            while end < scalars.count {
                if isWordScalar(scalars[end]) { end += 1; continue }
                if scalars[end] == "'" || scalars[end] == "\u{2019}" {
                    if end + 1 < scalars.count, scalars[end + 1].properties.isAlphabetic { end += 1; continue }
                    if end > start, scalars[end - 1] == "s" || scalars[end - 1] == "S" { end += 1 }
                }
                break
            }
            var text = ""
            text.unicodeScalars.append(contentsOf: scalars[start..<end])
            words.append(CheckWord(folded: fold(text), start: start, end: end))
            index = end
        }
        return words
    }

    static func fold(_ text: String) -> String {
        text.lowercased().replacingOccurrences(of: "\u{2019}", with: "'")
    }

    static func string(_ scalars: [Unicode.Scalar], _ range: Range<Int>) -> String {
        var text = ""
        text.unicodeScalars.append(contentsOf: scalars[max(0, range.lowerBound)..<min(scalars.count, range.upperBound)])
        return text
    }

    static func spaced(_ text: String) -> String {
        String(text.unicodeScalars.map { $0.properties.isWhitespace ? " " : Character($0) })
    }

    /// Leading and trailing white space.
    static func edges(_ text: String) -> (String, String) {
        let leading = text.prefix(while: { $0.isWhitespace })
        guard leading.count < text.count else { return (String(leading), "") }
        let trailing = text.reversed().prefix(while: { $0.isWhitespace })
        return (String(leading), String(trailing.reversed()))
    }

    /// Whether `phrase` stands in `words` word after word; with `declined`, a word may also be the
    /// phrase's word + n or s (German declension: „Deutschen Bahn“ for „Deutsche Bahn“).
    static func containsPhrase(_ words: [String], _ phrase: [String], declined: Bool) -> Bool {
        guard !phrase.isEmpty, phrase.count <= words.count else { return false }
        return (0...(words.count - phrase.count)).contains { start in
            phrase.indices.allSatisfy { k in words[start + k] == phrase[k] || (declined && isDeclined(words[start + k], of: phrase[k])) }
        }
    }

    /// `word` is `base` + n or s („Deutschen“ of „Deutsche“).
    static func isDeclined(_ word: String, of base: String) -> Bool {
        word.count == base.count + 1 && word.hasPrefix(base) && (word.hasSuffix("n") || word.hasSuffix("s"))
    }

    /// Web and e-mail addresses (a run without spaces with "://", "www." or an @ before a dot),
    /// which stay as they are in any language.
    static func addresses(_ scalars: [Unicode.Scalar]) -> [Range<Int>] {
        var runs: [Range<Int>] = []
        var start = 0
        for index in 0...scalars.count where index == scalars.count || scalars[index].properties.isWhitespace {
            if index > start {
                let run = CheckText.string(scalars, start..<index).lowercased()
                if run.contains("://") || run.hasPrefix("www.") || (run.contains("@") && run.split(separator: "@").last?.contains(".") == true) {
                    runs.append(start..<index)
                }
            }
            start = index + 1
        }
        return runs
    }

    /// Whether `open` and `close` pair up (never more closed than opened, as many of each).
    static func balanced(_ scalars: [Unicode.Scalar], _ open: Unicode.Scalar, _ close: Unicode.Scalar) -> Bool {
        var depth = 0
        for scalar in scalars {
            if scalar == open { depth += 1 } else if scalar == close { depth -= 1; if depth < 0 { return false } }
        }
        return depth == 0
    }

    /// Whether the double quotation marks pair up: an even number of them, as many « as ».
    static func quotesBalanced(_ scalars: [Unicode.Scalar]) -> Bool {
        let count = scalars.filter { doubleQuotes.contains($0) }.count
        let guillemetsOpen = scalars.filter { $0 == "\u{00AB}" }.count
        let guillemetsClose = scalars.filter { $0 == "\u{00BB}" }.count
        return count % 2 == 0 && guillemetsOpen == guillemetsClose
    }

    /// Any quotation mark: a double one, an opening single one (‘ ‚ ‹), or a straight ' that opens
    /// (after a non-letter, before a letter).
    static func hasQuotationMark(_ scalars: [Unicode.Scalar]) -> Bool {
        for (index, scalar) in scalars.enumerated() {
            if doubleQuotes.contains(scalar) || scalar == "\u{2018}" || scalar == "\u{201A}" { return true }
            if scalar == "'", index + 1 < scalars.count, scalars[index + 1].properties.isAlphabetic,
               index == 0 || !scalars[index - 1].properties.isAlphabetic { return true }
        }
        return false
    }
}

/// One check run's tools: the target's measure finder and renderers, the transliterator for names,
/// the place names of the language pair. Made per `TranslationCheck.check` call (ICU objects are
/// for one thread).
final class CheckContext {
    let check: TranslationCheck
    let source: String
    let target: String
    let targetLocale: String
    let pipeline: Pipeline
    let targetFinder: MeasureFinder
    /// The target locale's renderer first, then regional variants whose forms are also valid ("en" → en-GB).
    let renderers: [MeasureRenderer]
    let latin: Transliterator?
    /// The target locale's decimal sign.
    let targetDecimal: String
    /// Name key in the source language → the names in the target language.
    var places: [String: [String]] = [:]
    /// Name keys of the places ICU and names.txt name in the target language (a place the same in both).
    var targetForms: Set<String> = []
    private var formCache: [String: Set<String>] = [:]
    /// The source language's quote finder, for its title cues (die Zeitung „Die Welt“).
    let quoteFinder: QuoteFinder
    private var keyCache: [String: String] = [:]

    init(check: TranslationCheck, sourceLanguage: String, targetLanguage: String, source: String, target: String) throws(WorksheetError) {
        self.check = check
        self.source = source
        quoteFinder = QuoteFinder(language: source)
        self.target = target
        targetLocale = targetLanguage
        do {
            pipeline = try check.pipelines.pipeline(source)
        } catch {
            throw WorksheetError(.icu("prepare the analysis of \(sourceLanguage) sources: \(error)"))
        }
        do {
            targetFinder = try MeasureFinder(language: target)
            var renderers = [try MeasureRenderer(locale: targetLanguage)]
            // English targets: the British forms are valid too („23 December 2025“, "23/12/2025").
            if target == "en", LanguageTag.icuLocale(targetLanguage) != "en_GB" { renderers.append(try MeasureRenderer(locale: "en-GB")) }
            self.renderers = renderers
        } catch {
            throw WorksheetError(.badTargetLanguage(targetLanguage))
        }
        latin = try? Transliterator(id: "Any-Latin; Latin-ASCII")
        targetDecimal = LocaleData.decimalSeparator(locale: LanguageTag.icuLocale(targetLanguage)) ?? "."
        buildPlaces()
    }

    // MARK: reading

    func analyze(_ text: String) throws(KernsatzError) -> SourceInfo {
        let scalars = Array(text.unicodeScalars)
        var info = SourceInfo(text: text, scalars: scalars, words: CheckText.words(scalars))
        guard !CheckText.collapsed(text).isEmpty else { return info }
        info.keptNames = keptNames(in: info)
        let analysis = try pipeline.analyze(text)
        func span(_ range: Range<Int>) -> CheckSpan {
            let r = analysis.sourceScalarRange(range)
            return CheckSpan(side: .source, start: r.lowerBound, end: r.upperBound, text: CheckText.string(scalars, r))
        }
        info.measures = analysis.measures.map { .init(value: $0, span: span($0.range)) }
        info.entities = analysis.entities.map { .init(value: $0, span: span($0.range)) }
        info.quotes = analysis.quotes.filter { $0.kind == .direct }.map { span($0.span) }
        info.quotes += quotedPhrases(info).filter { phrase in !info.quotes.contains { $0.start < phrase.end && phrase.start < $0.end } }
        if let matcher = check.matcher(for: source) {
            let found = matcher.match(units: analysis.text.units)
            info.hits = found.map { .init(value: $0.entry, span: span($0.range)) }
            info.hitKinds = found.map(\.match)
        }
        return info
    }

    func read(_ text: String) -> TargetInfo {
        let scalars = Array(text.unicodeScalars)
        let words = CheckText.words(scalars)
        var measures = targetFinder.measures(in: Array(text.utf16))
        // "€3.5bn", "1.1m": a number with a scale suffix attached, which the finder leaves (`number-words.txt`, +suffix).
        if let suffixes = check.lists.scaleSuffixes[target] {
            for word in words {
                guard let suffix = suffixes.keys.first(where: { word.folded.hasSuffix($0) }), let factor = suffixes[suffix] else { continue }
                let digits = word.folded.dropLast(suffix.count)
                guard !digits.isEmpty, digits.allSatisfy({ $0.isNumber }) else { continue }
                // The digits before a decimal sign belong to the word before.
                var number = String(digits)
                if word.start >= 2, let previous = words.last(where: { $0.end < word.start }), previous.end == word.start - 1,
                   previous.folded.allSatisfy({ $0.isNumber }), let separator = scalars[word.start - 1].properties.isWhitespace ? nil : scalars[word.start - 1] {
                    if String(separator) == targetDecimal { number = previous.folded + "." + number }
                    else if String(separator) != " " { number = previous.folded + number }
                }
                if let value = Double(number) {
                    measures.append(Measure(range: 0..<0, kind: .number, value: value * factor, scaleWord: true))
                }
            }
        }
        return TargetInfo(text: text, scalars: scalars, words: words, measures: measures, spaced: CheckText.spaced(text),
                          nameKey: nameKey(text))
    }

    typealias Emit = (CheckRule, String, [CheckSpan]) -> Void

    // MARK: untranslated

    /// Why the segment counts as untranslated, or nil.
    func untranslated(_ segment: CheckReport.Segment, _ info: SourceInfo) -> String? {
        let source = CheckText.collapsed(segment.source)
        guard let target = segment.target else { return source.isEmpty ? nil : "the segment has no target" }
        let trimmed = CheckText.collapsed(target)
        if trimmed.isEmpty { return source.isEmpty ? nil : "the target is empty" }
        guard trimmed == source else { return nil }
        // Names, numbers and acronyms may stay as they are: only a word outside them needs translating.
        // … but not a place whose target form differs („Brüssel“ → "Brussels").
        let kept = info.entities.filter { $0.value.type != .location || places[nameKey($0.span.text)] == nil }.map { $0.span.start..<$0.span.end }
            + info.measures.map { $0.span.start..<$0.span.end }
            + info.keptNames.map { $0.span.start..<$0.span.end }
        let addresses = CheckText.addresses(info.scalars)
        let open = info.words.filter { word in
            if addresses.contains(where: { $0.contains(word.start) }) { return false }
            let text = CheckText.string(info.scalars, word.start..<word.end)
            guard text.unicodeScalars.contains(where: { $0.properties.isAlphabetic }) else { return false }
            if text.count > 1, !text.unicodeScalars.contains(where: { $0.properties.isLowercase }) { return false }
            return !kept.contains { $0.contains(word.start) }
        }
        // A credit line: an agency and names, nothing else („picture alliance/dpa | Kay Nietfeld“);
        // a label before a colon („Foto: …“) is a word to translate.
        let agencySpans = info.keptNames.map { $0.span.start..<$0.span.end }
        if !agencySpans.isEmpty, info.words.count <= 8, !source.contains(":"),
           info.words.allSatisfy({ word in
               agencySpans.contains { $0.contains(word.start) } || info.scalars[word.start].properties.isUppercase
           }) { return nil }
        // One capitalized word with no other form known (a dateline „Lyon“, a name) may stay.
        if info.words.count == 1, let first = source.unicodeScalars.first, first.properties.isUppercase,
           places[nameKey(source)] == nil { return nil }
        guard let first = open.first else { return nil }
        let word = CheckText.string(info.scalars, first.start..<first.end)
        return open.count == 1 ? "the target is the source, not translated (its word „\(word)“ is left as it is)"
            : "the target is the source, not translated (\(open.count) words left as they are, the first „\(word)“)"
    }

    // MARK: glossary

    func glossary(_ info: SourceInfo, _ targetInfo: TargetInfo, _ emit: Emit) {
        guard let matcher = check.matcher(for: source), !info.hits.isEmpty else { return }
        let entries = matcher.glossary.entries
        // A term found as part of a compound that is a person's or place name („Land“ in „Niederlande“) belongs to the name.
        let nameSpans = info.entities.filter { $0.value.type == .person || $0.value.type == .location }.map { $0.span.start..<$0.span.end }
        var approvedSpans: [Range<Int>] = []
        for entry in Set(info.hits.map(\.value)) {
            for term in entries[entry].targets(in: target) { approvedSpans += matches(term.term, in: targetInfo.words) }
        }
        var reported = Set<String>()
        for (index, hit) in info.hits.enumerated() {
            let entry = entries[hit.value]
            let approved = entry.targets(in: target)
            let deprecated = entry.targets.filter { LanguageTag.primary($0.language) == target && $0.status == .deprecated }
            var deprecatedFound: [(String, Range<Int>)] = []
            for term in deprecated {
                for range in matches(term.term, in: targetInfo.words) where !approvedSpans.contains(where: { $0.overlaps(range) }) {
                    deprecatedFound.append((term.term, range))
                }
            }
            for (term, range) in deprecatedFound where reported.insert("\(hit.value)|\(term)").inserted {
                let use = approved.first.map { "; use “\($0.term)”" } ?? ""
                emit(.glossaryDeprecated, "“\(term)” is a deprecated translation of „\(entry.term)“\(use)",
                     [hit.span, CheckSpan(side: .target, start: range.lowerBound, end: range.upperBound,
                                          text: CheckText.string(targetInfo.scalars, range))])
            }
            guard !approved.isEmpty, deprecatedFound.isEmpty,
                  !(info.hitKinds[index] == .compound && nameSpans.contains(where: { $0.contains(hit.span.start) && $0.upperBound >= hit.span.end }))
            else { continue }
            if approved.contains(where: { !matches($0.term, in: targetInfo.words).isEmpty }) { continue }
            // A short form in a language without compounds („the Commission“ of an entry "Commission"
            // whose German is „Europäische Kommission“) may become the target term's head („die Kommission“).
            if !matcher.morphology.compounds {
                let hitWords = CheckText.words(Array(hit.span.text.unicodeScalars)).count
                if approved.contains(where: { term in
                    let scalars = Array(term.term.unicodeScalars)
                    let words = CheckText.words(scalars)
                    guard words.count > hitWords, let head = words.last else { return false }
                    return !matches(CheckText.string(scalars, head.start..<head.end), in: targetInfo.words).isEmpty
                }) { continue }
            }
            let names = approved.map { "“\($0.term)”" }.joined(separator: " or ")
            emit(.glossaryMissing, "„\(hit.span.text)“ (glossary: \(entry.term)) is not translated as \(names)", [hit.span])
        }
    }

    /// Where a term stands in the words, in any inflected form of the target language.
    func matches(_ term: String, in words: [CheckWord]) -> [Range<Int>] {
        let termWords = CheckText.words(Array(term.unicodeScalars)).map(\.folded)
        guard let first = termWords.first else { return [] }
        var found: [Range<Int>] = []
        let closed = termWords.count > 1 ? forms(termWords.joined()) : []
        for index in words.indices {
            if !closed.isEmpty, closed.contains(trimmedApostrophe(words[index].folded)) || closed.contains(words[index].folded) {
                found.append(words[index].start..<words[index].end)
                continue
            }
            guard index + termWords.count <= words.count, matchesWord(words[index].folded, first) else { continue }
            var all = true
            for k in 1..<termWords.count where !matchesWord(words[index + k].folded, termWords[k]) { all = false; break }
            if all { found.append(words[index].start..<words[index + termWords.count - 1].end) }
        }
        return found
    }

    private func trimmedApostrophe(_ word: String) -> String {
        word.hasSuffix("'") ? String(word.dropLast()) : word
    }

    private func matchesWord(_ word: String, _ termWord: String) -> Bool {
        let forms = forms(termWord)
        if forms.contains(word) || forms.contains(trimmedApostrophe(word)) { return true }
        // German targets write terms into compounds: „Waffenstillstandsabkommen“ holds „Waffenstillstand“,
        // „Nato-Ostflanke“ „Ostflanke“ (a part of four letters or more, at the start or as the head).
        if target == "de", termWord.count >= 4, word.count > termWord.count {
            return word.hasPrefix(termWord) || forms.contains { word.hasSuffix($0) }
        }
        return false
    }

    /// A word and its inflected and respelled forms (`inflection.<lang>.txt`).
    func forms(_ word: String) -> Set<String> {
        if let cached = formCache[word] { return cached }
        var spellings: Set<String> = [word]
        for (a, b) in check.lists.spellings[target] ?? [] {
            for form in spellings {
                if form.contains(a) { spellings.insert(form.replacingOccurrences(of: a, with: b)) }
                if form.contains(b) { spellings.insert(form.replacingOccurrences(of: b, with: a)) }
            }
        }
        var forms = spellings
        if word.unicodeScalars.contains(where: { $0.properties.isAlphabetic }) {
            for base in spellings {
                for rule in check.lists.suffixes[target] ?? [] where base.hasSuffix(rule.ending) {
                    forms.insert(String(base.dropLast(rule.ending.count)) + rule.replacement)
                }
            }
        }
        formCache[word] = forms
        return forms
    }

    // MARK: numbers

    func numbers(_ info: SourceInfo, _ targetInfo: TargetInfo, _ emit: Emit) {
        for item in info.measures {
            let measure = item.value
            if let value = measure.value, value < 0, keepsSign(item.span, info) {
                // „minus 12 Grad“: the target needs -12 (or 12 with words that say below zero).
                let words = targetInfo.words.map(\.folded)
                let saysBelow = (check.lists.belowZero[target] ?? []).contains { CheckText.containsPhrase(words, $0, declined: false) }
                let signed = targetInfo.measures.contains { ($0.value ?? 0) < 0 && Self.equal($0.value, value) }
                if !signed && !(saysBelow && targetInfo.measures.contains { Self.equal($0.value, value) }) {
                    emit(.number, "the source's „\(item.span.text)“ is below zero, the target's value is not", [item.span])
                }
                continue
            }
            if targetInfo.measures.contains(where: { Self.sameValue(measure, $0, targetInfo.measures) }) { continue }
            let forms = renderedForms(measure)
            if forms.contains(where: { targetInfo.spaced.contains($0) }) { continue }
            // A day in a range or list of days of one month („18. und 19. Dezember“ → "December 18
            // and 19"): the target has a date of that month (and year) and the day's number.
            if measure.kind == .date, let date = measure.date, let day = date.day,
               targetInfo.measures.contains(where: { other in
                   guard other.kind == .date, let theirs = other.date else { return false }
                   return theirs.month == date.month && (date.year == nil || theirs.year == nil || theirs.year == date.year)
               }),
               Self.digitRuns(targetInfo.scalars).contains(where: { Int(CheckText.string(targetInfo.scalars, $0)) == day }) {
                continue
            }
            if let value = measure.value, measure.kind == .number || measure.kind == .year,
               targetInfo.words.contains(where: { check.lists.numberWords[target]?[$0.folded] == value || $0.folded == Self.plain(value) }) {
                continue
            }
            let shown = forms.first.map { " (\(target): \($0))" } ?? ""
            emit(.number, "the source's „\(item.span.text)“ is not in the target with its value\(shown)", [item.span])
        }
        // Digits the measure finder leaves alone („58-Jährige“, „G7“, „F-35“) must come over as they are.
        let measured = info.measures.map { $0.span.start..<$0.span.end }
        let targetRuns = Set(Self.digitRuns(targetInfo.scalars).map { CheckText.string(targetInfo.scalars, $0) })
        for run in Self.digitRuns(info.scalars) where !measured.contains(where: { $0.overlaps(run) }) {
            let digits = CheckText.string(info.scalars, run)
            if targetRuns.contains(digits) || Self.beforeClockWord(info.scalars, run.upperBound) { continue }
            if let value = Double(digits), targetInfo.measures.contains(where: { Self.equal($0.value, value) })
                || targetInfo.words.contains(where: { check.lists.numberWords[target]?[$0.folded] == value }) { continue }
            let span = CheckSpan(side: .source, start: run.lowerBound, end: run.upperBound, text: digits)
            emit(.number, "the source's number \(digits) (in „\(Self.wordAround(info.scalars, run))“) is not in the target", [span])
        }
    }

    /// Whether a temperature unit (`signed-units.txt`) follows the measure in the source.
    func keepsSign(_ span: CheckSpan, _ info: SourceInfo) -> Bool {
        var index = span.end
        while index < info.scalars.count, info.scalars[index].properties.isWhitespace { index += 1 }
        let rest = CheckText.string(info.scalars, index..<min(info.scalars.count, index + 12))
        return (check.lists.signedUnits[source] ?? []).contains { rest.hasPrefix($0) }
    }

    /// Runs of decimal digits.
    static func digitRuns(_ scalars: [Unicode.Scalar]) -> [Range<Int>] {
        var runs: [Range<Int>] = []
        var index = 0
        while index < scalars.count {
            guard scalars[index].properties.numericType == .decimal else { index += 1; continue }
            let start = index
            while index < scalars.count, scalars[index].properties.numericType == .decimal { index += 1 }
            runs.append(start..<index)
        }
        return runs
    }

    /// A clock time („14 Uhr“, „14.30 Uhr“): digits, separators and a space before „Uhr“ or „h“.
    static func beforeClockWord(_ scalars: [Unicode.Scalar], _ end: Int) -> Bool {
        var index = end
        while index < scalars.count, scalars[index] == "." || scalars[index] == ":" || scalars[index] == " "
                || scalars[index].properties.numericType == .decimal { index += 1 }
        let rest = CheckText.string(scalars, index..<min(scalars.count, index + 4))
        if rest.hasPrefix("Uhr") || rest == "h" || rest.hasPrefix("h ") || rest.hasPrefix("h.") { return true }
        // English clock times: "3pm", "3 p.m.", "7.30pm"; "am" only attached or dotted ("9am", "9 a.m."),
        // since a German „am“ follows numbers too.
        let lower = rest.lowercased()
        if lower.hasPrefix("pm") || lower.hasPrefix("p.m") || lower.hasPrefix("a.m") { return true }
        return lower.hasPrefix("am") && index == end
    }

    /// The word (letters, digits, hyphens) a run of digits stands in.
    static func wordAround(_ scalars: [Unicode.Scalar], _ run: Range<Int>) -> String {
        func part(_ s: Unicode.Scalar) -> Bool { s.properties.isAlphabetic || s.properties.numericType != nil || s == "-" }
        var start = run.lowerBound
        var end = run.upperBound
        while start > 0, part(scalars[start - 1]) { start -= 1 }
        while end < scalars.count, part(scalars[end]) { end += 1 }
        return CheckText.string(scalars, start..<end)
    }

    static func plain(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    static func equal(_ a: Double?, _ b: Double?) -> Bool {
        guard let a, let b else { return false }
        // The sign may move into words ("fell by 3 percent" for „minus 3 Prozent“).
        return abs(abs(a) - abs(b)) <= 1e-9 * max(1, abs(a))
    }

    /// Whether a target measure carries a source measure's value.
    static func sameValue(_ s: Measure, _ t: Measure, _ all: [Measure]) -> Bool {
        switch s.kind {
        case .number:
            return t.kind != .date && equal(s.value, t.value)
        case .percent:
            return (t.kind == .percent || t.kind == .number) && equal(s.value, t.value)
        case .currency:
            if t.kind == .currency { return equal(s.value, t.value) && (t.currency == nil || t.currency == s.currency) }
            return t.kind == .number && equal(s.value, t.value)
        case .year:
            if t.kind == .date, let year = t.date?.year, let value = s.value { return Double(year) == value }
            return t.kind != .date && equal(s.value, t.value)
        case .date:
            guard t.kind == .date, let a = s.date, let b = t.date, a.month == b.month else { return false }
            if let day = a.day, b.day != day { return false }
            if let year = a.year {
                if let other = b.year { return other == year }
                return all.contains { $0.kind == .year && $0.value == Double(year) }
            }
            return true
        }
    }

    /// The source measure as the target locale (and its variants) write it, numeric and spelled-out dates both.
    func renderedForms(_ measure: Measure) -> [String] {
        var variants = [measure]
        if measure.kind == .date, var date = measure.date {
            date.numeric.toggle()
            var other = measure
            other.date = date
            variants.append(other)
        }
        if measure.kind == .percent {
            var other = measure
            other.percentSign.toggle()
            variants.append(other)
        }
        var forms: [String] = []
        for renderer in renderers {
            for variant in variants {
                if let form = renderer.render(variant).map(CheckText.spaced), !forms.contains(form) { forms.append(form) }
            }
        }
        if measure.kind == .date, let date = measure.date, let year = date.year, let day = date.day {
            forms.append(String(format: "%04d-%02d-%02d", year, date.month, day))
        }
        return forms
    }

    // MARK: names

    func names(_ info: SourceInfo, _ targetInfo: TargetInfo, _ emit: Emit) {
        let glossarySpans = info.hits.map { $0.span.start..<$0.span.end }
        var reported: [Range<Int>] = []
        defer {
            // Agencies and companies keep their names in every language, whatever the recognizer made
            // of them („dpa“, „Deutsche Bahn“).
            for (span, words) in info.keptNames where !reported.contains(where: { $0.overlaps(span.start..<span.end) }) {
                if !targetHas(words, in: targetInfo.words) {
                    emit(.name, "the name „\(span.text)“ is not in the target (it is written the same in every language)", [span])
                }
            }
        }
        for item in info.entities {
            let entity = item.value
            guard entity.cue.kind != .adjectiveName, entity.cue.kind != .capitalizedAtStart else { continue }
            var name = item.span.text
            // „l'OTAN“: the name without the elided article before it.
            if let apostrophe = name.firstIndex(where: { $0 == "'" || $0 == "\u{2019}" }),
               check.lists.elisions[source]?.contains(name[..<apostrophe].lowercased()) == true, name.index(after: apostrophe) < name.endIndex {
                name = String(name[name.index(after: apostrophe)...])
            }
            var candidates = [name]
            if name.count > 3, name.hasSuffix("s") || name.hasSuffix("'") { candidates.append(String(name.dropLast())) }
            switch entity.type {
            case .other:
                continue
            case .person:
                // Guesses from capitalization alone are checked only in German sources, where the recognizer
                // knows the capitalized nouns; in English and French, institutions are capitalized as names are
                // („European Parliament“, „Commission“). An earlier mention (`recurring`) is no cue in one segment.
                if entity.cue.kind == .recurring { continue }
                if source != "de", [.multiwordName, .capitalized].contains(entity.cue.kind) { continue }
                if entity.cue.kind == .capitalized { continue }
                if let last = name.split(separator: " ").last, last.count > 2, last.count < name.count { candidates.append(String(last)) }
            case .organization:
                let checked = entity.cue.kind == .acronym || entity.cue.kind == .orgSuffix
                guard checked, !glossarySpans.contains(where: { $0.overlaps(item.span.start..<item.span.end) }) else { continue }
                for candidate in candidates { candidates += places[nameKey(candidate)] ?? [] }
            case .location:
                if glossarySpans.contains(where: { $0.overlaps(item.span.start..<item.span.end) }) { continue }
                // The first part of a hyphenated compound („US-Amerikaner“ → "Americans") is often translated away.
                if item.span.end < info.scalars.count, info.scalars[item.span.end] == "-" { continue }
                let known = candidates.flatMap { places[nameKey($0)] ?? [] }
                // A place is checked only where its target form is known (or it is its own).
                guard !known.isEmpty || targetForms.contains(nameKey(name)) else { continue }
                candidates += known
            }
            if candidates.contains(where: { contains(targetInfo.nameKey, nameKey($0)) }) { continue }
            // A place may become an adjective: "Russian" for "Russia", "Ukrainian" for "Ukraine", "German" for "Germany".
            if entity.type == .location, candidates.contains(where: { candidate in
                let key = nameKey(candidate)
                return key.count >= 5 && (contains(targetInfo.nameKey, key, anyEnding: true) || contains(targetInfo.nameKey, String(key.dropLast()), anyEnding: true))
            }) { continue }
            reported.append(item.span.start..<item.span.end)
            let forms = candidates.dropFirst().filter { $0 != name && !$0.isEmpty }
            let accepted = entity.type == .location && forms.count > 1 ? " (or \(forms.suffix(from: forms.startIndex + 1).map { "“\($0)”" }.joined(separator: ", ")))" : ""
            emit(.name, "the \(Self.typeWord(entity.type)) „\(name)“ is not in the target\(accepted)", [item.span])
        }
    }

    /// The names of `kept-names.txt` the source has, each with its words as the list writes them:
    /// matched as written or in capitals, in a German source also declined (a word + n or s:
    /// „der Deutschen Bahn“).
    func keptNames(in info: SourceInfo) -> [(CheckSpan, [String])] {
        var found: [(CheckSpan, [String])] = []
        let declines = source == "de"
        for parts in check.lists.keptNames where !parts.isEmpty && parts.count <= info.words.count {
            for start in 0...(info.words.count - parts.count) {
                let matches = parts.indices.allSatisfy { offset in
                    let word = info.words[start + offset]
                    let written = CheckText.string(info.scalars, word.start..<word.end)
                    let part = parts[offset]
                    return written == part || written == part.uppercased() || (declines && CheckText.isDeclined(written, of: part))
                }
                guard matches else { continue }
                let range = info.words[start].start..<info.words[start + parts.count - 1].end
                found.append((CheckSpan(side: .source, start: range.lowerBound, end: range.upperBound,
                                        text: CheckText.string(info.scalars, range)), parts))
            }
        }
        return found
    }

    /// Whether the target has the name's words one after another (folded; in a German target a word
    /// may be declined, + n or s).
    func targetHas(_ name: [String], in text: [CheckWord]) -> Bool {
        CheckText.containsPhrase(text.map(\.folded), name.map(CheckText.fold), declined: target == "de")
    }

    static func typeWord(_ type: EntityType) -> String {
        switch type {
        case .person: return "person's name"
        case .organization: return "organization's name"
        case .location: return "place name"
        case .other: return "name"
        }
    }

    /// Whether `key` occurs in `text` at the start of a word.
    private func contains(_ text: String, _ key: String, anyEnding: Bool = false) -> Bool {
        guard !key.isEmpty else { return false }
        var search = text.startIndex..<text.endIndex
        while let found = text.range(of: key, range: search) {
            let startsWord = found.lowerBound == text.startIndex || !text[text.index(before: found.lowerBound)].isLetter
            // The name ends there, or a genitive s does („Putins“, "Putin's", whose apostrophe the key drops).
            var end = found.upperBound
            if end < text.endIndex, text[end] == "s" { end = text.index(after: end) }
            let endsWord = found.upperBound == text.endIndex || !text[found.upperBound].isLetter || end == text.endIndex || !text[end].isLetter
            if startsWord && (endsWord || anyEnding) { return true }
            search = text.index(after: found.lowerBound)..<text.endIndex
        }
        return false
    }

    /// A name as compared: Latin letters without accents, lower case, and the spellings that differ
    /// between transliterations made equal (tsch/ch, sch/sh, kh/ch, zh/sh, w/v, j/y/i, z/s, ii as i,
    /// apostrophes dropped): „Selenskyj“ and "Zelensky" are both "selenski"; "Bidden" stays apart from "Biden".
    func nameKey(_ text: String) -> String {
        if let cached = keyCache[text] { return cached }
        var key = ((try? latin?.transliterate(text)) ?? nil ?? text).lowercased()
        for (a, b) in [("tsch", "ch"), ("sch", "sh"), ("kh", "ch"), ("zh", "sh"), ("ue", "u"), ("oe", "o"), ("ae", "a"),
                       ("w", "v"), ("j", "i"), ("y", "i"), ("z", "s"), ("'", "")] {
            key = key.replacingOccurrences(of: a, with: b)
        }
        var collapsed = ""
        for character in key where collapsed.last != character || character != "i" { collapsed.append(character) }
        keyCache[text] = collapsed
        return collapsed
    }

    private func buildPlaces() {
        func add(_ a: String, _ b: String) {
            let key = nameKey(a)
            targetForms.insert(nameKey(b))
            if !(places[key]?.contains(b) ?? false) { places[key, default: []].append(b) }
        }
        for code in LocaleData.isoCountries + check.lists.regions {
            if let a = LocaleData.countryName(code, in: source), let b = LocaleData.countryName(code, in: target) {
                if a != b { add(a, b) } else { targetForms.insert(nameKey(b)) }
            }
        }
        for (a, b) in LocaleData.exemplarCityPairs(from: source, to: target) {
            if a != b { add(a, b) } else { targetForms.insert(nameKey(b)) }
        }
        for (l1, n1, l2, n2) in check.lists.names {
            if l1 == source && l2 == target { add(n1, n2) }
            if l2 == source && l1 == target { add(n2, n1) }
        }
    }

    // MARK: quotes, doubled words, brackets, length, white space

    /// Words the source puts in double quotation marks that are not speech to the analysis but are
    /// someone's words all the same („nannte die Pläne „völlig inakzeptabel““, „unverschämt“): not
    /// a name, title or scare quote (capitalized words; words after a title cue: die Zeitung „Die
    /// Welt“), which a translation may render without marks.
    func quotedPhrases(_ info: SourceInfo) -> [CheckSpan] {
        guard CheckText.quotesBalanced(info.scalars) else { return [] }
        let marks = info.scalars.indices.filter { CheckText.doubleQuotes.contains(info.scalars[$0]) }
        var phrases: [CheckSpan] = []
        for pair in stride(from: 0, to: marks.count - 1, by: 2) {
            let open = marks[pair], close = marks[pair + 1]
            let inner = info.words.filter { $0.start > open && $0.end <= close }
            guard let first = inner.first else { continue }
            // A name or title in quotes („Alternative für Deutschland“, „Krieg und Frieden“) is
            // capitalized but for a function word, and one capitalized word is a name or a scare
            // quote („Zeitenwende“); quoted words of speech open in lower case („unverschämt“,
            // „völlig inakzeptabel“) or have two lower-case words or more.
            let lowercase = inner.filter { info.scalars[$0.start].properties.isLowercase }
            guard info.scalars[first.start].properties.isLowercase || (inner.count >= 2 && lowercase.count >= 2) else { continue }
            if let before = info.words.last(where: { $0.end <= open }),
               quoteFinder.isTitleCue(CheckText.string(info.scalars, before.start..<before.end)) { continue }
            phrases.append(CheckSpan(side: .source, start: open, end: close + 1, text: CheckText.string(info.scalars, open..<(close + 1))))
        }
        return phrases
    }

    func quotes(_ info: SourceInfo, _ targetInfo: TargetInfo, _ emit: Emit) {
        var spans = info.quotes
        // A quote that opens or closes in another segment: its marks are unbalanced here.
        if spans.isEmpty, info.scalars.contains(where: { CheckText.doubleQuotes.contains($0) }), !CheckText.quotesBalanced(info.scalars) {
            spans = [CheckSpan(side: .source, start: 0, end: info.scalars.count, text: info.text)]
        }
        guard let first = spans.first, !CheckText.hasQuotationMark(targetInfo.scalars) else { return }
        emit(.quoteMarks, "the source quotes \(first.text) directly, the target has no quotation marks", spans)
    }

    func doubledWords(_ info: SourceInfo, _ targetInfo: TargetInfo, _ emit: Emit) {
        let allowed = check.lists.doubledWords[target] ?? [:]
        let words = targetInfo.words
        guard words.count > 1 else { return }
        for index in 1..<words.count {
            let (a, b) = (words[index - 1], words[index])
            guard a.folded == b.folded, a.folded.unicodeScalars.contains(where: { $0.properties.isAlphabetic }),
                  targetInfo.scalars[a.end..<b.start].allSatisfy({ $0.properties.isWhitespace }) else { continue }
            if let context = allowed[a.folded] {
                // Allowed anywhere, or after one of the words that make the pair grammatical.
                guard let context else { continue }
                if index >= 2, context.contains(words[index - 2].folded) { continue }
            }
            let inSource = zip(info.words, info.words.dropFirst()).contains { $0.folded == a.folded && $1.folded == a.folded }
            if inSource { continue }
            emit(.doubledWord, "“\(CheckText.string(targetInfo.scalars, a.start..<b.end))”: the same word twice",
                 [CheckSpan(side: .target, start: a.start, end: b.end, text: CheckText.string(targetInfo.scalars, a.start..<b.end))])
        }
    }

    func brackets(_ info: SourceInfo, _ targetInfo: TargetInfo, _ emit: Emit) {
        var problems: [String] = []
        for (open, close) in [("(", ")"), ("[", "]")] as [(Unicode.Scalar, Unicode.Scalar)]
        where CheckText.balanced(info.scalars, open, close) && !CheckText.balanced(targetInfo.scalars, open, close) {
            problems.append("\(open)\(close)")
        }
        if CheckText.quotesBalanced(info.scalars) && !CheckText.quotesBalanced(targetInfo.scalars) { problems.append("quotation marks") }
        guard !problems.isEmpty else { return }
        emit(.brackets, "unbalanced \(problems.joined(separator: " and ")) in the target",
             [CheckSpan(side: .target, start: 0, end: targetInfo.scalars.count, text: targetInfo.text)])
    }

    func lengthRatio(_ info: SourceInfo, _ targetInfo: TargetInfo, _ emit: Emit) {
        let sourceLength = CheckText.collapsed(info.text).count
        let targetLength = CheckText.collapsed(targetInfo.text).count
        guard sourceLength >= CheckLists.shortestRatioSource || targetLength >= 2 * CheckLists.shortestRatioSource, targetLength > 0 else { return }
        let (low, high) = check.lists.ratioBounds(from: source, to: target)
        let ratio = Double(targetLength) / Double(sourceLength)
        guard ratio < low || ratio > high else { return }
        let shown = (ratio * 100).rounded() / 100
        emit(.lengthRatio, "the target is \(shown) times as long as the source (\(targetLength) and \(sourceLength) characters; expected \(low)–\(high) for \(source)→\(target))", [])
    }

    func whitespace(_ info: SourceInfo, _ targetInfo: TargetInfo, _ emit: Emit) {
        let (sl, st) = CheckText.edges(info.text)
        let (tl, tt) = CheckText.edges(targetInfo.text)
        var parts: [String] = []
        if sl != tl { parts.append("leading") }
        if st != tt { parts.append("trailing") }
        guard !parts.isEmpty else { return }
        emit(.whitespace, "\(parts.joined(separator: " and ")) white space differs from the source's", [])
    }
}
