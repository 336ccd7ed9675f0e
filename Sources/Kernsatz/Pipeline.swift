import Foundation
/// What the pipeline should do.
public struct PipelineOptions: Sendable {
    /// A language code to use instead of identifying the language ("de", "en", "ru", …).
    public var language: String?
    /// Look for a teaser before a dateline.
    public var detectTeaser = true
    /// Find direct and reported speech (`Analysis.quotes`); false for segmentation only.
    public var findQuotes = true
    /// Find named entities (`Analysis.entities`).
    public var findEntities = true
    /// Find numbers, percentages, amounts of money, dates and years (`Analysis.measures`).
    public var findMeasures = true
    /// Make the document's token stream (`Analysis.tokens`); false when only the sentences are
    /// wanted (`kernsatz segment`): no stage of the pipeline then needs it, and the stream stays
    /// empty (a summary of such an analysis makes its own).
    public var makeTokens = true

    /// - Parameters:
    ///   - findEntities: defaults to `findQuotes`, so `findQuotes: false` asks for segmentation only.
    ///   - findMeasures: defaults to `findQuotes`, as `findEntities` does.
    public init(language: String? = nil, detectTeaser: Bool = true, findQuotes: Bool = true, findEntities: Bool? = nil,
                findMeasures: Bool? = nil, makeTokens: Bool = true) {
        self.language = language
        self.detectTeaser = detectTeaser
        self.findQuotes = findQuotes
        self.findEntities = findEntities ?? findQuotes
        self.findMeasures = findMeasures ?? findQuotes
        self.makeTokens = makeTokens
    }
}

/// A text read, cleaned, laid out and cut into sentences.
public struct Analysis: Sendable {
    public let text: CleanText
    public let structure: DocumentStructure
    /// The language used for segmentation.
    public let language: String
    /// Whether `language` was identified from the text (rather than given).
    public let languageIdentified: Bool
    public let sentences: [Sentence]
    /// The document's one token stream over `text.units`, made once after segmentation (each
    /// token's sentence filled in); the quote finder and the summarizer read it. Empty when the
    /// pipeline made none (`PipelineOptions.makeTokens` false, without quotes).
    public private(set) var tokens: TokenStream
    /// Direct and reported speech, in text order (empty unless `PipelineOptions.findQuotes`).
    public let quotes: [Quote]
    /// Named entities, in text order (empty unless `PipelineOptions.findEntities`).
    public private(set) var entities: [Entity]
    /// Numbers, percentages, amounts of money, dates and years in the sentences and the dateline,
    /// in text order (empty unless `PipelineOptions.findMeasures`).
    public private(set) var measures: [Measure]

    /// The dateline as a segment of its own: its range without the dash, spaces or colon that join
    /// it to the text („Brüssel – “ → „Brüssel“); nil when the text has none (or only those).
    /// The one rule for worksheets, summary-only batches and the measures looked for.
    public var datelineSegment: Range<Int>? { Self.datelineSegment(structure, text.units) }

    static func datelineSegment(_ structure: DocumentStructure, _ units: [UInt16]) -> Range<Int>? {
        guard let range = structure.metadata.datelineRange else { return nil }
        var end = range.upperBound
        while end > range.lowerBound, [0x20, 0xA0, 0x2D, 0x2013, 0x2014, 0x2012, 0x2015, 0x3A].contains(units[end - 1]) { end -= 1 }
        return end == range.lowerBound ? nil : range.lowerBound..<end
    }

    /// Frees the token stream (`tokens` is empty afterwards) of an analysis no stage reads the
    /// tokens of any more: the worksheet builder does so once the summary is made, so that a long
    /// text's tokens (12 bytes each, about 2 bytes per byte of text) are not held beside its
    /// segments and marks.
    public mutating func releaseTokens() { tokens = TokenStream() }

    /// Frees the entities (`entities` is empty afterwards), once a stage has made what it needs of
    /// them: the worksheet builder, after the names' marks, so that they are not held beside the
    /// marks made after them.
    public mutating func releaseEntities() { entities = [] }

    /// Frees the measures (`measures` is empty afterwards), as `releaseEntities` does.
    public mutating func releaseMeasures() { measures = [] }

    /// A sentence's text as received (from the source text).
    public func sourceText(of sentence: Sentence) -> String { text.sourceString(sentence.range) }

    /// A clean range as Unicode-scalar offsets into the text as received.
    public func sourceScalarRange(_ range: Range<Int>) -> Range<Int> {
        text.sourceScalarRange(range)
    }
}

/// Bytes or text → `Analysis`: cleanup and NFC with a map back to the input, layout (metadata,
/// teaser, dateline, paragraphs, subheadings, list items), language, sentences.
///
///     let pipeline = try Pipeline()
///     let analysis = try pipeline.analyze("Brüssel – Dr. Müller kam am 3. Oktober. Er blieb.")
///     analysis.sentences.map(analysis.sourceText)   // ["Dr. Müller kam am 3. Oktober.", "Er blieb."]
///     analysis.structure.metadata.dateline          // "Brüssel"
///
/// A pipeline holds what each language needs (segmenter, layout parser, quote, entity and measure
/// finders), built for a language when a text in it first comes and kept (`LanguageCache`, at most
/// 64 languages): make one and reuse it, from any number of tasks (it is a value, `Sendable`;
/// copies share what is built).
public struct Pipeline: Sendable {
    public let options: PipelineOptions
    /// The segmenters, layout parsers and quote finders, built when a text in their language first comes.
    private let tools: LanguageTools
    /// Nil when `options.language` is given: then no text's language is identified.
    private let identifier: LanguageIdentifier?
    /// Built when a text in their language first comes (each loads gazetteers from ICU).
    private let recognizers = LanguageCache<EntityRecognizer>()
    /// By primary language; built when a text in it first comes.
    private let measureFinders = LanguageCache<MeasureFinder>()
    /// `options.language` in normal form, worked out once.
    private let givenLanguage: String?

    public init(options: PipelineOptions = PipelineOptions()) throws(KernsatzError) {
        self.options = options
        givenLanguage = options.language.map(LanguageTag.normalized)
        // The supported languages, root rules for other scripts ("und"), and the language asked for.
        var languages = LanguageList.supportedLanguages + ["und"]
        if let givenLanguage, !languages.contains(givenLanguage) { languages.append(givenLanguage) }
        tools = LanguageTools(languages: languages, detectTeaser: options.detectTeaser, findQuotes: options.findQuotes)
        identifier = givenLanguage == nil ? LanguageIdentifier() : nil
        if let givenLanguage {
            // The language asked for is loaded now, so that a problem shows before the first text.
            do throws(SegmentationError) {
                _ = try tools.tools(for: givenLanguage)
            } catch {
                throw .segmentation(error)
            }
            do throws(AnalysisError) {
                if options.findEntities { recognizers.store(try EntityRecognizer(language: givenLanguage), for: givenLanguage) }
                if options.findMeasures { _ = try measureFinder(givenLanguage) }
            } catch {
                throw .analysis(error)
            }
        }
    }

    /// Builds what texts in `language` need (segmenter, layout parser, quote finder, entity
    /// recognizer) now, as the first text in it would: on another thread while one prepares the
    /// work, so that the first texts do not wait for it. What cannot be built is left for that
    /// text to fail on, as it would without this call.
    public func prepare(language: String) {
        let language = LanguageTag.normalized(language)
        _ = try? tools.tools(for: language)
        if options.findEntities { _ = try? entityRecognizer(language) }
        if options.findMeasures { _ = try? measureFinder(language) }
    }

    /// What one thread reuses from text to text (ICU iterators). Not shareable between threads.
    public final class Session {
        /// Nil for a language whose iterators ICU could not open (the segmenter then opens its own).
        let segmentation = LanguageCache<SentenceSegmenter.Session?>()
        public init() {}
    }

    /// Analyzes decoded text (from `FileReader` or `TextDecoder`).
    public func analyze(_ decoded: DecodedText, source: String = "-", session: Session? = nil) throws(KernsatzError) -> Analysis {
        try analyze(units: decoded.units, source: source, session: session)
    }

    public func analyze(_ string: String, source: String = "-", session: Session? = nil) throws(KernsatzError) -> Analysis {
        try analyze(units: Array(string.utf16), source: source, session: session)
    }

    /// - Parameter source: names the input in error messages.
    /// - Complexity: O(*n*).
    public func analyze(units: [UInt16], source: String = "-", session: Session? = nil) throws(KernsatzError) -> Analysis {
        let text: CleanText
        do {
            text = try CleanText(units: units)
        } catch {
            throw .text(TextError(error.kind, source: source))
        }
        let language: String
        let identified: Bool
        if let given = givenLanguage {
            (language, identified) = (given, false)
        } else {
            (language, identified) = ((identifier ?? LanguageIdentifier()).identify(units: text.units), true)
        }
        let own: LanguageTools.Tools?
        do {
            own = try tools.tools(for: language)
        } catch {
            throw .segmentation(error)
        }
        let segmenter: SentenceSegmenter
        if let own {
            segmenter = own.segmenter
        } else {
            do {
                segmenter = try SentenceSegmenter(language: language)
            } catch {
                throw .segmentation(error)
            }
        }
        // A language without tools of its own borrows its primary language's, or German's.
        let borrowed = own == nil ? (try? tools.tools(for: LanguageTag.primary(language))) : nil
        let parser = own?.parser ?? borrowed?.parser ?? (try? tools.tools(for: "de"))?.parser ?? StructureParser()
        let structure = parser.parse(text)
        let segmentationSession = session?.segmentation.value(for: language) { _ in try? segmenter.makeSession() } ?? nil
        let sentences = segmenter.segment(text.units, blocks: structure.blocks, session: segmentationSession)
        let ranges = sentences.map(\.range)
        // Entities first: the recognizer reads the units, not the token stream, and its working
        // arrays (a few bytes per capitalized word) are freed before the stream is made, so that
        // the two are never held at once (a long text's peak memory).
        var entities: [Entity] = []
        if options.findEntities {
            do throws(AnalysisError) {
                entities = try entityRecognizer(language).entities(in: text.units, sentences: ranges)
            } catch {
                throw .analysis(error)
            }
        }
        var tokens = TokenStream()
        if options.makeTokens || options.findQuotes || options.findMeasures {
            tokens = TokenStream(units: text.units)
            tokens.assignSentences(ranges, units: text.units)
        }
        var quotes: [Quote] = []
        if options.findQuotes {
            let finder = own?.quoteFinder ?? borrowed?.quoteFinder ?? QuoteFinder(language: language)
            quotes = finder.quotes(in: text.units, tokens: tokens, sentences: ranges)
        }
        var measures: [Measure] = []
        if options.findMeasures {
            // The segments' text: the sentences and the dateline (the finder puts the spans in order).
            var spans = ranges
            if let dateline = Analysis.datelineSegment(structure, text.units) { spans.append(dateline) }
            do throws(AnalysisError) {
                measures = try measureFinder(language).measures(in: text.units, tokens: tokens, spans: spans)
            } catch {
                throw .analysis(error)
            }
        }
        return Analysis(text: text, structure: structure, language: language, languageIdentified: identified,
                        sentences: sentences, tokens: tokens, quotes: quotes, entities: entities, measures: measures)
    }

    /// The recognizer for `language`, or its primary language's when that one is built already.
    private func entityRecognizer(_ language: String) throws(AnalysisError) -> EntityRecognizer {
        if let known = recognizers.cached(language) ?? recognizers.cached(LanguageTag.primary(language)) { return known }
        return try recognizers.value(for: language) { language throws(AnalysisError) in try EntityRecognizer(language: language) }
    }

    /// The finder for `language`'s primary language; languages whose lists cannot be read get
    /// the root rules („und“: ICU's separators and month names), as worksheets always had.
    private func measureFinder(_ language: String) throws(AnalysisError) -> MeasureFinder {
        try measureFinders.value(for: LanguageTag.primary(language)) { primary throws(AnalysisError) in
            if let own = try? MeasureFinder(language: primary) { return own }
            return try MeasureFinder(language: "und")
        }
    }
}

/// The segmenters, layout parsers and quote finders of a pipeline's languages: shared by the
/// threads that use one pipeline, each language's built once, on first use.
struct LanguageTools: Sendable {
    struct Tools: Sendable {
        let segmenter: SentenceSegmenter
        let parser: StructureParser
        /// Nil unless the pipeline finds quotes.
        let quoteFinder: QuoteFinder?
    }

    /// The languages tools are built for; others have none.
    let languages: Set<String>
    private let detectTeaser: Bool
    private let findQuotes: Bool
    private let built = LanguageCache<Tools>()

    init(languages: [String], detectTeaser: Bool, findQuotes: Bool) {
        self.languages = Set(languages)
        self.detectTeaser = detectTeaser
        self.findQuotes = findQuotes
    }

    /// The tools for `language`, built now if this is the first call for it; nil when it is not
    /// one of `languages`.
    func tools(for language: String) throws(SegmentationError) -> Tools? {
        guard languages.contains(language) else { return nil }
        return try built.value(for: language) { language throws(SegmentationError) in
            let segmenter = try SentenceSegmenter(language: language)
            var parser = StructureParser(nonPlaceWords: segmenter.rules.sentenceStarters)
            parser.detectTeaser = detectTeaser
            return Tools(segmenter: segmenter, parser: parser, quoteFinder: findQuotes ? QuoteFinder(language: language) : nil)
        }
    }
}
