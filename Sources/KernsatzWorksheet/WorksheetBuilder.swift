import Foundation
import Kernsatz

/// What goes into a worksheet besides the text.
public struct WorksheetOptions: Sendable {
    /// The translation's language ("en", "en-GB", "fr"): translations shown, numbers and dates rendered.
    public var targetLanguage: String
    /// Sentences of the summary given for context.
    public var summarySentences: Int
    /// Names of the glossaries searched, for the header.
    public var glossaryNames: [String]

    public init(targetLanguage: String = "en", summarySentences: Int = 3, glossaryNames: [String] = []) {
        self.targetLanguage = targetLanguage
        self.summarySentences = summarySentences
        self.glossaryNames = glossaryNames
    }
}

/// Analysis (+ glossary) → `Worksheet`.
///
///     let analysis = try Pipeline().analyze(text, source: "a.txt")
///     let builder = try WorksheetBuilder(options: WorksheetOptions(targetLanguage: "en"), matcher: matcher)
///     let sheet = builder.build(analysis, source: "a.txt")
///
/// The builder only lays out what the analysis found (sentences, quotes, entities, measures) and
/// the glossary's hits: one segment per sentence; the teaser's sentences, subheadings and the
/// dateline (`Analysis.datelineSegment`) are segments of their own kind. Holds ICU state (word
/// iterator, transliterator, number formats): one per thread.
public final class WorksheetBuilder {
    public let options: WorksheetOptions
    public let matcher: TermMatcher?
    private let weights: SummaryWeights
    private let counters = LanguageCache<WordCounter>()
    /// Any-Latin, opened at the first name in another script: opening it compiles ICU's rules
    /// (about 20 ms and 5 MB), which texts with only Latin names never need. Nil inside: ICU could
    /// not open it (its built-in data lacks the rules), and names keep no Latin form.
    private var transliterator: Transliterator??
    private let renderer: MeasureRenderer
    private let summarizers = LanguageCache<Summarizer>()
    /// What languages without their own data fall back to, opened once so a failure shows at once.
    private let rootCounter: WordCounter

    /// - Parameter matcher: the glossary to mark; nil marks no terms.
    /// - Throws: `WorksheetError` when the target language is not usable or ICU lacks a service.
    public init(options: WorksheetOptions = WorksheetOptions(), matcher: TermMatcher? = nil,
                weights: SummaryWeights = SummaryWeights()) throws(WorksheetError) {
        let target = options.targetLanguage
        guard Self.isLanguageTag(target) else { throw WorksheetError(.badTargetLanguage(target)) }
        // BCP 47 with hyphens („en_GB“ → „en-GB“): HTML `lang`, Word's `w:lang` and XLIFF want that form.
        var options = options
        options.targetLanguage = target.replacingOccurrences(of: "_", with: "-")
        self.options = options
        self.matcher = matcher
        self.weights = weights
        rootCounter = try WordCounter(language: "und")
        do {
            renderer = try MeasureRenderer(locale: target)
        } catch {
            throw WorksheetError(.badTargetLanguage(target))
        }
    }

    /// Whether Any-Latin was opened (it is, at the first name in another script).
    var hasOpenedTransliterator: Bool { transliterator != nil }

    /// Letters, digits, hyphens or underscores, starting with 2–3 letters ("en", "en-GB", "zh-Hant-TW").
    static func isLanguageTag(_ tag: String) -> Bool {
        let parts = tag.split(separator: "-", omittingEmptySubsequences: false).flatMap { $0.split(separator: "_", omittingEmptySubsequences: false) }
        guard let first = parts.first, (2...3).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLetter }) else { return false }
        return parts.dropFirst().allSatisfy { (1...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }
    }

    /// - Parameters:
    ///   - hits: the glossary hits in `analysis.text`, when the caller has them already
    ///     (`TermMatcher.match(units:tokens:)`, as the batch does); nil: the builder's matcher finds them.
    ///   - form: the form of the input the analysis was read from (`SkeletonForm(article.kind)`),
    ///     which the skeleton keeps: `.text` lays the segments out in the text as the analysis read
    ///     it (its clean text), `.markdown` and `.html` from the blocks (`WorksheetSkeleton.layout`).
    ///
    /// Memory: the analysis's token stream is released once the summary is made (`releaseTokens`);
    /// a caller that gives up its analysis (`build(consume analysis, …)`) so frees it before the
    /// segments and marks are made. A caller that keeps its analysis keeps its tokens.
    public func build(_ analysis: consuming Analysis, source: String, hits: [TermHit]? = nil, form: SkeletonForm = .text) -> Worksheet {
        let text = analysis.text
        let units = text.units
        let structure = analysis.structure
        let counter = wordCounter(analysis.language)

        // The summary first: its scores of every sentence are gone before the segments are made.
        var summarySentences: [Int] = []
        var summaryIDs: [Int] = []
        if options.summarySentences > 0, !analysis.sentences.isEmpty {
            summarySentences = summarizer(analysis.language).sentences(of: analysis.summaryDocument, length: .sentences(options.summarySentences))
        }
        // No stage below reads the tokens.
        analysis.releaseTokens()

        // Segments: sentences in order, the dateline before the sentence that follows it. Made in
        // one pass, with no list of pieces first (a text may have a million sentences).
        let dateline = analysis.datelineSegment
        var datelinePlaced = dateline == nil
        let pieceCount = analysis.sentences.count + (dateline == nil ? 0 : 1)
        var segments: [Segment] = []
        segments.reserveCapacity(pieceCount)
        // The segments' ranges: the sentences' with the dateline's at its place, not a copy.
        let ranges = SegmentRanges(sentences: analysis.sentences, dateline: dateline)
        // By sentence, its segment's index (-1: none); an array, not a dictionary: a text may have a million.
        var segmentOfSentence = [Int32](repeating: -1, count: analysis.sentences.count)
        func append(_ range: Range<Int>, _ kind: SegmentKind, block: Int) {
            let segment = Segment(id: segments.count + 1, kind: kind, block: block + 1, source: text.string(range),
                                  counts: counter.count(units: Array(units[range])))
            segments.append(segment)
        }
        for (index, sentence) in analysis.sentences.enumerated() {
            if !datelinePlaced, let dateline, sentence.range.lowerBound >= dateline.upperBound {
                append(dateline, .dateline, block: sentence.block)
                datelinePlaced = true
            }
            segmentOfSentence[index] = Int32(segments.count)
            append(sentence.range, Self.kind(structure.blocks[sentence.block].kind), block: sentence.block)
        }
        if !datelinePlaced, let dateline { append(dateline, .dateline, block: structure.blocks.count) }
        // Scalars before each UTF-16 offset, so that a mark's offsets cost O(1), not O(its segment).
        let scalarsBefore = ScalarIndex(units)
        /// The segment holding a clean-text offset range's start, and the range's scalar offsets in it.
        func locate(_ range: Range<Int>) -> (segment: Int, start: Int, end: Int)? {
            guard let index = Self.segmentIndex(ranges, containing: range.lowerBound) else { return nil }
            let segmentRange = ranges[index]
            let clipped = range.clamped(to: segmentRange)
            guard !clipped.isEmpty else { return nil }
            let start = scalarsBefore[clipped.lowerBound] - scalarsBefore[segmentRange.lowerBound]
            let length = scalarsBefore[clipped.upperBound] - scalarsBefore[clipped.lowerBound]
            return (index, start, start + length)
        }

        // Glossary terms, numbered by first occurrence.
        var glossary: [GlossaryItem] = []
        if let matcher, matcher.glossary.isForTexts(in: analysis.language) {
            var itemOfEntry: [Int: Int] = [:]
            for hit in hits ?? matcher.match(units: units) {
                guard let place = locate(hit.range) else { continue }
                let item: Int
                if let known = itemOfEntry[hit.entry] {
                    item = known
                } else {
                    item = glossary.count
                    itemOfEntry[hit.entry] = item
                    glossary.append(Self.item(matcher.glossary.entries[hit.entry], id: "g\(item + 1)", target: options.targetLanguage))
                }
                let id = segments[place.segment].id
                if glossary[item].segments.last != id { glossary[item].segments.append(id) }
                segments[place.segment].terms.append(TermMark(start: place.start, end: place.end, text: text.string(hit.range),
                                                              entry: glossary[item].id, match: hit.match))
            }
        }

        for entity in analysis.entities {
            guard let place = locate(entity.range) else { continue }
            let name = text.string(entity.range)
            segments[place.segment].entities.append(EntityMark(start: place.start, end: place.end, text: name, type: entity.type,
                                                               latin: latin(name)))
        }
        // Each kind's list is freed once its marks are made: not held beside the marks after it.
        analysis.releaseEntities()

        for measure in analysis.measures {
            guard let place = locate(measure.range) else { continue }
            segments[place.segment].measures.append(MeasureMark(start: place.start, end: place.end, text: text.string(measure.range),
                                                                kind: measure.kind, rendering: renderer.render(measure)))
        }
        analysis.releaseMeasures()

        // Quotes: one mark per segment they touch, from the first quoted word there to the last.
        for quote in analysis.quotes {
            let speaker = quote.speaker.map { text.string($0) }
            var byPiece: [Int: Range<Int>] = [:]
            var order: [Int] = []
            for part in quote.parts {
                var index = Self.firstIndex(ranges, endingAfter: part.lowerBound)
                while index < ranges.count, ranges[index].lowerBound < part.upperBound {
                    defer { index += 1 }
                    let range = ranges[index]
                    guard range.overlaps(part) else { continue }
                    let clipped = part.clamped(to: range)
                    if let known = byPiece[index] {
                        byPiece[index] = min(known.lowerBound, clipped.lowerBound)..<max(known.upperBound, clipped.upperBound)
                    } else {
                        byPiece[index] = clipped
                        order.append(index)
                    }
                }
            }
            for index in order {
                guard let range = byPiece[index], let place = locate(range) else { continue }
                let words = quote.parts.compactMap { part -> String? in
                    let clipped = part.clamped(to: range)
                    return clipped.isEmpty ? nil : text.string(clipped)
                }
                segments[place.segment].quotes.append(QuoteMark(start: place.start, end: place.end, text: words.joined(separator: " "),
                                                                kind: quote.kind, speaker: speaker))
            }
        }

        // The summary for context: ids of its segments, once they are numbered.
        for sentence in summarySentences {
            guard sentence < segmentOfSentence.count, case let index = Int(segmentOfSentence[sentence]), index >= 0 else { continue }
            segments[index].inSummary = true
            summaryIDs.append(segments[index].id)
        }
        summaryIDs.sort()

        let metadata = structure.metadata
        let teaser = segments.filter { $0.kind == .teaser }.map(\.source).joined(separator: " ")
        var sheet = Worksheet(
            source: source,
            sourceLanguage: analysis.language,
            languageIdentified: analysis.languageIdentified,
            targetLanguage: options.targetLanguage,
            metadata: metadata.fields.map { Field(key: $0.key, value: $0.value) },
            date: metadata.date,
            teaser: teaser.isEmpty ? nil : teaser,
            dateline: metadata.dateline,
            counts: segments.reduce(Counts()) { $0 + $1.counts },
            summary: summaryIDs,
            segments: segments,
            glossary: glossary,
            glossaries: options.glossaryNames
        )
        sheet.skeleton = form == .text ? Self.textSkeleton(text, ranges) : WorksheetSkeleton.layout(of: sheet, form: form)
        sheet.sourceDirection = LocaleData.isRightToLeft(analysis.language) ? "rtl" : "ltr"
        sheet.targetDirection = LocaleData.isRightToLeft(options.targetLanguage) ? "rtl" : "ltr"
        return sheet
    }

    // MARK: pieces

    /// Word counting by the language's ICU rules; root rules („und“) where ICU has none.
    private func wordCounter(_ language: String) -> WordCounter {
        counters.value(for: language) { (try? WordCounter(language: $0)) ?? rootCounter }
    }

    /// Summarizers load their language's stop words: one per language, reused.
    private func summarizer(_ language: String) -> Summarizer {
        summarizers.value(for: language) { Summarizer(language: $0, weights: weights) }
    }

    /// The name in Latin letters when it has letters of another script; nil otherwise.
    private func latin(_ name: String) -> String? {
        guard name.unicodeScalars.contains(where: Self.isNonLatinLetter) else { return nil }
        if transliterator == nil { transliterator = .some(try? Transliterator(id: "Any-Latin")) }
        guard let transliterator = transliterator ?? nil else { return nil }
        let result = try? transliterator.transliterate(name)
        return result == name ? nil : result
    }

    static func isNonLatinLetter(_ scalar: Unicode.Scalar) -> Bool {
        guard scalar.properties.isAlphabetic else { return false }
        switch scalar.value {
        case 0...0x024F, 0x1E00...0x1EFF, 0x2C60...0x2C7F, 0xA720...0xA7FF, 0xAB30...0xAB6F, 0xFB00...0xFB06, 0xFF21...0xFF5A:
            return false
        default:
            return true
        }
    }

    static func kind(_ block: BlockKind) -> SegmentKind {
        switch block {
        case .teaser: return .teaser
        case .heading: return .heading
        case .paragraph: return .paragraph
        case .listItem: return .listItem
        }
    }

    static func item(_ entry: GlossaryEntry, id: String, target: String) -> GlossaryItem {
        let wanted = LanguageTag.primary(target)
        let order: [TermStatus] = [.preferred, .admitted, .deprecated]
        let translations = order.flatMap { status in
            entry.targets.filter { LanguageTag.primary($0.language) == wanted && $0.status == status }
                .map { Translation(term: $0.term, status: status, note: $0.note) }
        }
        return GlossaryItem(id: id, concept: entry.conceptID, term: entry.term, partOfSpeech: entry.partOfSpeech,
                            definition: entry.definition, note: entry.note, translations: translations)
    }

    /// The clean text with each segment's range a placeholder: everything between the segments
    /// (metadata header, dateline dash, blank lines, list markers) as it stands.
    static func textSkeleton(_ text: CleanText, _ ranges: SegmentRanges) -> WorksheetSkeleton {
        var skeleton = WorksheetSkeleton(form: .text)
        var position = 0
        for (index, range) in ranges.enumerated() {
            if range.lowerBound > position { skeleton.append(text.string(position..<range.lowerBound)) }
            skeleton.append(segment: index + 1)
            position = max(position, range.upperBound)
        }
        if text.count > position { skeleton.append(text.string(position..<text.count)) }
        return skeleton
    }

    /// Binary search over ordered, disjoint ranges: the one holding `offset`.
    static func segmentIndex(_ ranges: SegmentRanges, containing offset: Int) -> Int? {
        let low = firstIndex(ranges, endingAfter: offset)
        return low < ranges.count && ranges[low].contains(offset) ? low : nil
    }

    /// The first of ordered, disjoint ranges that ends after `offset` (`ranges.count` if none).
    static func firstIndex(_ ranges: SegmentRanges, endingAfter offset: Int) -> Int {
        var low = 0
        var high = ranges.count
        while low < high {
            let mid = (low + high) / 2
            if ranges[mid].upperBound <= offset { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// Unicode scalars in a UTF-16 range (low surrogates do not start one).
    static func scalars(_ units: [UInt16], _ range: Range<Int>) -> Int {
        var count = 0
        for index in range where !(0xDC00...0xDFFF).contains(units[index]) { count += 1 }
        return count
    }
}

/// The Unicode scalars before each UTF-16 offset of a text (0…count), in O(1): a count every 64
/// units (4 bytes per 64 units, not 4 per unit: 16 MB less for a 4 MB text) and at
/// most 63 units counted past it.
struct ScalarIndex {
    private let units: [UInt16]
    private let checkpoints: [Int32]

    init(_ units: [UInt16]) {
        self.units = units
        var checkpoints: [Int32] = []
        checkpoints.reserveCapacity(units.count / 64 + 1)
        var count: Int32 = 0
        for (index, unit) in units.enumerated() {
            if index & 63 == 0 { checkpoints.append(count) }
            if !(0xDC00...0xDFFF).contains(unit) { count += 1 }
        }
        if units.count & 63 == 0 { checkpoints.append(count) }
        self.checkpoints = checkpoints
    }

    subscript(offset: Int) -> Int {
        var count = Int(checkpoints[offset >> 6])
        for index in (offset & ~63)..<offset where !(0xDC00...0xDFFF).contains(units[index]) { count += 1 }
        return count
    }
}

/// The segments' ranges in the clean text, in segment order, made from the sentences as asked
/// (a text may have a million): each sentence's range, and the dateline's before the first
/// sentence that starts after it (or last). The one segment rule of worksheets and of batches
/// that write no worksheet (their counts are the worksheet's).
public struct SegmentRanges: RandomAccessCollection, Sendable {
    let sentences: [Sentence]
    let dateline: Range<Int>?
    /// The dateline's segment index.
    let datelineIndex: Int

    /// The segments of an analysis: its sentences and its dateline (`Analysis.datelineSegment`).
    public init(_ analysis: Analysis) {
        self.init(sentences: analysis.sentences, dateline: analysis.datelineSegment)
    }

    init(sentences: [Sentence], dateline: Range<Int>?) {
        self.sentences = sentences
        self.dateline = dateline
        datelineIndex = dateline.map { dateline in sentences.firstIndex { $0.range.lowerBound >= dateline.upperBound } ?? sentences.count } ?? sentences.count
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { sentences.count + (dateline == nil ? 0 : 1) }

    /// The segment holding a clean-text offset (binary search), nil when none does.
    public func index(containing offset: Int) -> Int? { WorksheetBuilder.segmentIndex(self, containing: offset) }

    public subscript(index: Int) -> Range<Int> {
        guard let dateline else { return sentences[index].range }
        return index < datelineIndex ? sentences[index].range : index == datelineIndex ? dateline : sentences[index - 1].range
    }
}
