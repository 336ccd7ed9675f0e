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
/// A pipeline holds the segmenters of the supported languages, loaded once: make one and reuse it,
/// from any number of tasks (it is a value, `Sendable`).
public struct Pipeline: Sendable {
    public let options: PipelineOptions
    private let segmenters: [String: SentenceSegmenter]
    private let identifier: LanguageIdentifier
    private let parsers: [String: StructureParser]
    private let quoteFinders: [String: QuoteFinder]
    /// Built when a text in their language first comes (each loads gazetteers from ICU).
    private let recognizers = RecognizerCache()
    /// `options.language` in normal form, worked out once.
    private let givenLanguage: String?

    public init(options: PipelineOptions = PipelineOptions()) throws(KernsatzError) {
        self.options = options
        givenLanguage = options.language.map(LanguageTag.normalized)
        var segmenters: [String: SentenceSegmenter] = [:]
        var parsers: [String: StructureParser] = [:]
        var quoteFinders: [String: QuoteFinder] = [:]
        // The supported languages, root rules for other scripts ("und"), and the language asked for.
        var languages = LanguageList.supportedLanguages + ["und"]
        if let language = options.language.map(LanguageTag.normalized), !languages.contains(language) { languages.append(language) }
        do throws(SegmentationError) {
            for language in languages {
                let segmenter = try SentenceSegmenter(language: language)
                segmenters[language] = segmenter
                var parser = StructureParser(nonPlaceWords: segmenter.rules.sentenceStarters)
                parser.detectTeaser = options.detectTeaser
                parsers[language] = parser
                if options.findQuotes { quoteFinders[language] = QuoteFinder(language: language) }
            }
        } catch {
            throw .segmentation(error)
        }
        if options.findEntities, let givenLanguage {
            // The language asked for is loaded now, so that a problem shows before the first text.
            do throws(AnalysisError) {
                recognizers.store(try EntityRecognizer(language: givenLanguage), for: givenLanguage)
            } catch {
                throw .analysis(error)
            }
        }
        self.segmenters = segmenters
        self.parsers = parsers
        self.quoteFinders = quoteFinders
        identifier = LanguageIdentifier()
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
            (language, identified) = (identifier.identify(units: text.units), true)
        }
        let segmenter: SentenceSegmenter
        if let known = segmenters[language] {
            segmenter = known
        } else {
            do {
                segmenter = try SentenceSegmenter(language: language)
            } catch {
                throw .segmentation(error)
            }
        }
        let parser = parsers[language] ?? parsers[LanguageTag.primary(language)] ?? parsers["de"] ?? StructureParser()
        let structure = parser.parse(text)
        var segmentationSession = session?.segmentation[language]
        if let session, segmentationSession == nil {
            segmentationSession = try? segmenter.makeSession()
            session.segmentation[language] = segmentationSession
        }
        let sentences = segmenter.segment(text.units, blocks: structure.blocks, session: segmentationSession)
        let ranges = sentences.map(\.range)
        var quotes: [Quote] = []
        if options.findQuotes {
            let finder = quoteFinders[language] ?? quoteFinders[LanguageTag.primary(language)] ?? QuoteFinder(language: language)
            quotes = finder.quotes(in: text.units, sentences: ranges)
        }
        var entities: [Entity] = []
        if options.findEntities {
            entities = try entityRecognizer(language).entities(in: text.units, sentences: ranges)
        }
        return Analysis(text: text, structure: structure, language: language, languageIdentified: identified,
                        sentences: sentences, quotes: quotes, entities: entities)
    }

    private func entityRecognizer(_ language: String) throws(KernsatzError) -> EntityRecognizer {
        do throws(AnalysisError) {
            return try recognizers.recognizer(for: language)
        } catch {
            throw .analysis(error)
        }
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
