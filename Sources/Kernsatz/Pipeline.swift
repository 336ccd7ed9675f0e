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

    /// - Parameter findEntities: defaults to `findQuotes`, so `findQuotes: false` asks for segmentation only.
    public init(language: String? = nil, detectTeaser: Bool = true, findQuotes: Bool = true, findEntities: Bool? = nil) {
        self.language = language
        self.detectTeaser = detectTeaser
        self.findQuotes = findQuotes
        self.findEntities = findEntities ?? findQuotes
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
    /// token's sentence filled in); the quote finder and the summarizer read it.
    public let tokens: TokenStream
    /// Direct and reported speech, in text order (empty unless `PipelineOptions.findQuotes`).
    public let quotes: [Quote]
    /// Named entities, in text order (empty unless `PipelineOptions.findEntities`).
    public let entities: [Entity]

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
/// A pipeline holds what each language needs (segmenter, layout parser, quote and entity finders),
/// built for a language when a text in it first comes and kept: make one and reuse it, from any
/// number of tasks (it is a value, `Sendable`; copies share what is built).
public struct Pipeline: Sendable {
    public let options: PipelineOptions
    /// The segmenters, layout parsers and quote finders, built when a text in their language first comes.
    private let tools: LanguageToolCache
    /// Nil when `options.language` is given: then no text's language is identified.
    private let identifier: LanguageIdentifier?
    /// Built when a text in their language first comes (each loads gazetteers from ICU).
    private let recognizers = RecognizerCache()
    /// `options.language` in normal form, worked out once.
    private let givenLanguage: String?

    public init(options: PipelineOptions = PipelineOptions()) throws(KernsatzError) {
        self.options = options
        givenLanguage = options.language.map(LanguageTag.normalized)
        // The supported languages, root rules for other scripts ("und"), and the language asked for.
        var languages = LanguageList.supportedLanguages + ["und"]
        if let givenLanguage, !languages.contains(givenLanguage) { languages.append(givenLanguage) }
        tools = LanguageToolCache(languages: languages, detectTeaser: options.detectTeaser, findQuotes: options.findQuotes)
        if let givenLanguage {
            // The language asked for is loaded now, so that a problem shows before the first text.
            do throws(SegmentationError) {
                _ = try tools.tools(for: givenLanguage)
            } catch {
                throw .segmentation(error)
            }
            if options.findEntities {
                do throws(AnalysisError) {
                    recognizers.store(try EntityRecognizer(language: givenLanguage), for: givenLanguage)
                } catch {
                    throw .analysis(error)
                }
            }
        }
        identifier = givenLanguage == nil ? LanguageIdentifier() : nil
    }

    /// Builds what texts in `language` need (segmenter, layout parser, quote finder, entity
    /// recognizer) now, as the first text in it would: on another thread while one prepares the
    /// work, so that the first texts do not wait for it. What cannot be built is left for that
    /// text to fail on, as it would without this call.
    public func prepare(language: String) {
        let language = LanguageTag.normalized(language)
        _ = try? tools.tools(for: language)
        if options.findEntities { _ = try? recognizers.recognizer(for: language) }
    }

    /// What one thread reuses from text to text (ICU iterators). Not shareable between threads.
    public final class Session {
        var segmentation: [String: SentenceSegmenter.Session] = [:]
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
        let own: LanguageToolCache.Tools?
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
        var segmentationSession = session?.segmentation[language]
        if let session, segmentationSession == nil {
            segmentationSession = try? segmenter.makeSession()
            session.segmentation[language] = segmentationSession
        }
        let sentences = segmenter.segment(text.units, blocks: structure.blocks, session: segmentationSession)
        let ranges = sentences.map(\.range)
        var tokens = TokenStream(units: text.units)
        tokens.assignSentences(ranges, units: text.units)
        var quotes: [Quote] = []
        if options.findQuotes {
            let finder = own?.quoteFinder ?? borrowed?.quoteFinder ?? QuoteFinder(language: language)
            quotes = finder.quotes(in: text.units, tokens: tokens, sentences: ranges)
        }
        var entities: [Entity] = []
        if options.findEntities {
            entities = try entityRecognizer(language).entities(in: text.units, sentences: ranges)
        }
        return Analysis(text: text, structure: structure, language: language, languageIdentified: identified,
                        sentences: sentences, tokens: tokens, quotes: quotes, entities: entities)
    }

    private func entityRecognizer(_ language: String) throws(KernsatzError) -> EntityRecognizer {
        do throws(AnalysisError) {
            return try recognizers.recognizer(for: language)
        } catch {
            throw .analysis(error)
        }
    }
}

/// The segmenters, layout parsers and quote finders of a pipeline's languages: shared by the
/// threads that use one pipeline, each language's built once, on first use.
final class LanguageToolCache: @unchecked Sendable {
    // @unchecked: `built` is read and written under `lock` only; the tools are Sendable values.
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
    private let lock = NSLock()
    private var built: [String: Tools] = [:]

    init(languages: [String], detectTeaser: Bool, findQuotes: Bool) {
        self.languages = Set(languages)
        self.detectTeaser = detectTeaser
        self.findQuotes = findQuotes
    }

    /// The tools for `language`, built now if this is the first call for it; nil when it is not
    /// one of `languages`.
    func tools(for language: String) throws(SegmentationError) -> Tools? {
        guard languages.contains(language) else { return nil }
        lock.lock()
        defer { lock.unlock() }
        if let known = built[language] { return known }
        let segmenter = try SentenceSegmenter(language: language)
        var parser = StructureParser(nonPlaceWords: segmenter.rules.sentenceStarters)
        parser.detectTeaser = detectTeaser
        let made = Tools(segmenter: segmenter, parser: parser, quoteFinder: findQuotes ? QuoteFinder(language: language) : nil)
        built[language] = made
        return made
    }
}

/// The entity recognizers a pipeline has built, by language: shared by the threads that use one
/// pipeline, each built once, on first use.
final class RecognizerCache: @unchecked Sendable {
    // @unchecked: `built` is read and written under `lock` only; EntityRecognizer is Sendable.
    private let lock = NSLock()
    private var built: [String: EntityRecognizer] = [:]

    func store(_ recognizer: EntityRecognizer, for language: String) {
        lock.lock()
        built[language] = recognizer
        lock.unlock()
    }

    /// The recognizer for `language` (or its primary language, when that one is built already).
    /// Languages beyond the first 64 are built each time, not kept.
    func recognizer(for language: String) throws(AnalysisError) -> EntityRecognizer {
        lock.lock()
        defer { lock.unlock() }
        if let known = built[language] ?? built[LanguageTag.primary(language)] { return known }
        let made = try EntityRecognizer(language: language)
        if built.count < 64 { built[language] = made }
        return made
    }
}
