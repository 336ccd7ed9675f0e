import Foundation
import Kernsatz
import KernsatzICU
import KernsatzWorksheet

/// Turns one input into its record and outputs. Holds ICU state (sentence iterators, the worksheet
/// builder) and the term candidates of the files it saw: one per thread.
final class BatchWorker {
    let settings: BatchSettings
    private let pipeline: Pipeline
    private let session = Pipeline.Session()
    private let pipelines = LanguageCache<Pipeline>()
    private let summarizers = LanguageCache<Summarizer>()
    private let counters = LanguageCache<WordCounter>()
    /// One per target language in `BatchOptions.targets`.
    private let builders: [String: WorksheetBuilder]
    private let reader: FileReader
    /// Text of HTML and Markdown files (its entity table is parsed once, at the first such file).
    private lazy var markup = MarkupExtractor()
    private(set) var extractor: TermExtractor

    init(settings: BatchSettings) throws(BatchError) {
        self.settings = settings
        pipeline = settings.pipeline
        do {
            var builders: [String: WorksheetBuilder] = [:]
            for target in settings.options.targets.targets {
                builders[target] = try WorksheetBuilder(options: WorksheetOptions(targetLanguage: target,
                                                                                  summarySentences: settings.options.summarySentences,
                                                                                  glossaryNames: settings.options.glossaryNames),
                                                        matcher: settings.matcher)
            }
            self.builders = builders
        } catch {
            throw BatchError(.setup(reason: "\(error)"), path: "")
        }
        reader = FileReader(decoder: TextDecoder(lenient: settings.options.lenient, forcedEncoding: settings.options.encoding), maxBytes: settings.options.maxBytes)
        extractor = TermExtractor(matcher: settings.matcher)
    }

    /// One file: its record (status, description, outputs written).
    func process(_ input: BatchInput, plan: OutputPlan, index: Int) -> FileRecord {
        let started = DispatchTime.now().uptimeNanoseconds
        var record = FileRecord(path: input.relativePath, status: .done)
        record.order = index
        record.settings = settings.fingerprint
        func fail(_ reason: String) -> FileRecord {
            record.status = .failed
            record.reason = reason
            record.seconds = Self.seconds(since: started)
            return record
        }
        if let conflict = plan.conflicts[index] { return fail(conflict) }
        if let warning = input.outsideWarning { record.warnings.append(warning) }
        // Read.
        let bytes: [UInt8]
        do {
            bytes = try reader.readBytes(input.path, regularOnly: true)
        } catch {
            return fail(Self.reason(error, path: input.path))
        }
        record.bytes = bytes.count
        // A DOCX, PDF or ZIP fails with what it is before it is hashed, decoded or gated.
        do {
            try ArticleReading.refuseStructured(path: input.path, bytes: bytes, forced: settings.options.inputFormat)
        } catch {
            return fail(Self.reason(error, path: input.path))
        }
        let hash = ContentHash.sha256(bytes)
        record.sha256 = hash
        // A file whose language got no worksheet last time has only its other outputs.
        let earlierLanguage = settings.previous.records[input.relativePath]?.language
        let planned = settings.options.formats.filter { format in
            format.worksheetFormat == nil || earlierLanguage.map { settings.options.targets.target(for: $0) != nil } ?? true
        }
        if settings.options.resume, let earlier = settings.previous.upToDate(input.relativePath, sha256: hash,
                                                                               settings: settings.fingerprint,
                                                                               planned: planned.map { plan.path(index, $0) },
                                                                               outputFolder: settings.output) {
            var carried = earlier
            carried.status = .upToDate
            carried.order = index
            // Its term candidates still count in the batch's term report, as in a run that did it.
            if let language = earlier.language, LanguageTag.primary(language) == "de",
               let decoded = try? reader.decoder.decode(bytes, source: input.path) {
                countCandidates(units: decoded.units, kind: kind(input, decoded.units), language: language, order: index, path: input.relativePath)
            }
            carried.seconds = Self.seconds(since: started)
            return carried
        }
        // Started when its estimated memory fits beside the files being worked on.
        let cost = MemoryGate.estimate(fileBytes: bytes.count)
        settings.memory.admit(cost)
        defer {
            if bytes.count >= settings.options.largeFileBytes {
                // What the file took goes back to the system before the budget admits the next: each
                // thread's heap would otherwise keep its own large file's worth.
                SystemMemory.releaseFree()
            }
            settings.memory.release(cost)
        }
        let decoded: DecodedText
        do {
            decoded = try reader.decoder.decode(bytes, source: input.path)
        } catch {
            return fail(Self.reason(error, path: input.path))
        }
        record.encoding = decoded.encoding.description
        record.warnings.append(contentsOf: decoded.warnings.map { Self.strip($0, path: input.path) })
        // An XLIFF, TBX or TMX (by name or root element) fails with what it is.
        do {
            try ArticleReading.refuseStructured(path: input.path, units: decoded.units, forced: settings.options.inputFormat)
        } catch {
            return fail(Self.reason(error, path: input.path))
        }

        let made: Made
        do {
            made = try make(units: decoded.units, kind: kind(input, decoded.units), source: input.path, into: &record)
        } catch {
            return fail(error.reason)
        }
        // Outputs.
        var created: [String] = []
        for format in settings.options.formats {
            // No worksheet for the file's language (`reason` says why): its other outputs only.
            if format.worksheetFormat != nil && made.sheet == nil { continue }
            let relative = plan.path(index, format)
            let data: Data
            do {
                if let worksheetFormat = format.worksheetFormat, let sheet = made.sheet {
                    data = try worksheetFormat.data(sheet)
                } else {
                    data = Data(made.summary.map { $0 + "\n" }.joined().utf8)
                }
            } catch {
                for path in created { unlink(path) }
                return fail("\(error)")
            }
            let target = settings.output + "/" + relative
            do {
                let placed = try AtomicFile.place(data, at: target, temporaryFolder: settings.temporaryFolder,
                                                  replace: settings.options.force ? .always : .ifHashIn(settings.previous.owned[relative] ?? []),
                                                  protected: settings.isInput)
                if placed == .created { created.append(target) }
            } catch {
                // A failed file leaves no new outputs behind (the ones it made just now are its own).
                for path in created { unlink(path) }
                return fail("\(error)")
            }
            record.outputs.append(FileRecord.Output(format: format, path: relative, sha256: ContentHash.sha256(data), bytes: data.count))
        }

        // Outputs an earlier run made for this file under other names (a sibling with the same stem
        // came or went): left as they are, and said.
        if let earlier = settings.previous.outputs[input.relativePath] {
            let now = Set(record.outputs.map(\.path))
            for old in earlier where !now.contains(old.path) && FileManager.default.fileExists(atPath: settings.output + "/" + old.path) {
                record.warnings.append("\(old.path), an output an earlier run made for this file, is no longer written (the outputs' names changed); it is left as it was")
            }
        }
        if record.outputs.isEmpty, let reason = record.reason {
            // Only worksheets were asked for, and the file's language has none: left out, with the reason.
            record.status = .skipped
            record.reason = reason
        }
        record.seconds = Self.seconds(since: started)
        return record
    }

    /// The markup a file is read as (`ArticleReading.markupKind`, as every command reads it): the
    /// walker's kind by extension, a `.txt` or included file holding an HTML page as HTML, or `--input-format`.
    private func kind(_ input: BatchInput, _ units: [UInt16]) -> MarkupKind {
        ArticleReading.markupKind(path: input.path, units: units, forced: settings.options.inputFormat)
    }

    /// A text analyzed and its worksheet built.
    struct Made {
        var analysis: Analysis
        /// Nil when no worksheet format is asked for.
        var sheet: Worksheet?
        /// The summary sentences, one line each, in document order.
        var summary: [String]
    }

    /// Why a text gave nothing to work with.
    struct Failure: Error {
        var reason: String
    }

    /// Extracts the text (Markdown, HTML), analyzes it, builds its worksheet, fills the record's
    /// description and counts its term candidates.
    func make(units: [UInt16], kind: MarkupKind, source: String, language: String? = nil,
              into record: inout FileRecord) throws(Failure) -> Made {
        let analysis: Analysis
        let pipeline = try pipeline(for: language)
        do {
            switch kind {
            case .plain:
                analysis = try pipeline.analyze(units: units, source: source, session: session)
            case .markdown, .html:
                let text = try ArticleReading.text(of: units, kind: kind, path: source, extractor: markup)
                analysis = try pipeline.analyze(units: text, source: source, session: session)
            }
        } catch let failure as Failure {
            throw failure
        } catch {
            throw Failure(reason: Self.reason(error, path: source))
        }
        if analysis.sentences.isEmpty { throw Failure(reason: "no sentences found (only white space, punctuation or markup)") }
        let hits = terms(in: analysis.text.units, language: analysis.language, path: record.path, order: record.order)
        if let matcher = settings.matcher, !matcher.glossary.isForTexts(in: analysis.language) {
            record.warnings.append("no terms marked: the text is in '\(analysis.language)', the glossary is for '\(matcher.glossary.sourceLanguage)' texts")
        }
        record.language = analysis.language
        record.title = analysis.structure.metadata["title"]
        let target = settings.options.targets.target(for: analysis.language)
        if settings.needsWorksheet, let reason = settings.options.targets.skipReason(for: analysis.language) {
            record.reason = "no worksheet: " + reason
        }
        guard settings.needsWorksheet, let target, let builder = builders[target] else {
            return lean(analysis, hits: hits, target: target, into: &record)
        }
        let sheet = builder.build(analysis, source: record.path, hits: hits, form: SkeletonForm(kind))
        // What the report shows.
        record.segments = sheet.segments.count
        record.words = sheet.counts.words
        record.characters = sheet.counts.characters
        record.summary = sheet.summarySegments.map { Self.oneLine($0.source) }
        var counts: [String: (count: Int, forms: [String])] = [:]
        for segment in sheet.segments {
            for mark in segment.terms {
                var entry = counts[mark.entry] ?? (0, [])
                entry.count += 1
                if !entry.forms.contains(mark.text) && entry.forms.count < 5 { entry.forms.append(mark.text) }
                counts[mark.entry] = entry
            }
        }
        record.terms = sheet.glossary.map { item in
            FileRecord.TermCount(term: item.term, count: counts[item.id]?.count ?? 0, targets: item.approved.map(\.term),
                                 forms: counts[item.id]?.forms ?? [])
        }
        record.names = sheet.segments.reduce(0) { $0 + $1.entities.count }
        record.quotes = sheet.segments.reduce(0) { $0 + $1.quotes.count }
        record.numbers = sheet.segments.reduce(0) { $0 + $1.measures.count }
        return Made(analysis: analysis, sheet: sheet, summary: record.summary ?? [])
    }

    /// The glossary hits of a cleaned text, and its term candidates counted when it is German: one
    /// tokenization for both.
    private func terms(in units: [UInt16], language: String, path: String, order: Int?) -> [TermHit] {
        var hits: [TermHit] = []
        var tokens: TermTokens?
        if let matcher = settings.matcher, matcher.glossary.isForTexts(in: language) {
            tokens = TermTokens(units: units)
            hits = matcher.match(units: units, tokens: tokens!)
        }
        if LanguageTag.primary(language) == "de" {
            extractor.add(units: units, source: path, hits: hits, tokens: tokens ?? TermTokens(units: units), order: order)
        }
        return hits
    }

    /// The term candidates of a file that is up to date (`--resume`): its text cleaned as the
    /// analysis cleans it, in the language recorded for it. Nothing else is redone.
    private func countCandidates(units: [UInt16], kind: MarkupKind, language: String, order: Int, path: String) {
        let text: CleanText?
        switch kind {
        case .plain: text = try? CleanText(units: units)
        case .markdown, .html:
            text = (try? ArticleReading.text(of: units, kind: kind, path: path, extractor: markup)).flatMap { try? CleanText(units: $0) }
        }
        guard let text else { return }
        _ = terms(in: text.units, language: language, path: path, order: order)
    }

    /// Only summaries asked for: the record without building a worksheet. Segments, words,
    /// characters, names, quotes and numbers are counted over the worksheet's segments
    /// (`SegmentRanges`, the builder's rule), so the record is the one a worksheet run writes.
    /// - Parameter target: the file's target language, for the terms' translations (nil: none shown).
    private func lean(_ analysis: Analysis, hits: [TermHit], target: String?, into record: inout FileRecord) -> Made {
        let summarizer = summarizers.value(for: analysis.language) { Summarizer(language: $0) }
        let summary = summarizer.summarize(analysis, length: .sentences(settings.options.summarySentences))
        let sentences = summary.sentences.sorted().map { Self.oneLine(analysis.text.string(analysis.sentences[$0].range)) }
        let segments = SegmentRanges(analysis)
        if let counter = try? counter(analysis.language) {
            let counts = segments.reduce(Counts()) { $0 + counter.count(units: Array(analysis.text.units[$1])) }
            record.words = counts.words
            record.characters = counts.characters
        }
        record.segments = segments.count
        record.summary = sentences
        if let matcher = settings.matcher {
            var order: [Int] = []
            var counts: [Int: (count: Int, forms: [String])] = [:]
            for hit in hits where segments.index(containing: hit.range.lowerBound) != nil {
                if counts[hit.entry] == nil { order.append(hit.entry) }
                var entry = counts[hit.entry] ?? (0, [])
                entry.count += 1
                let form = analysis.text.string(hit.range)
                if !entry.forms.contains(form) && entry.forms.count < 5 { entry.forms.append(form) }
                counts[hit.entry] = entry
            }
            record.terms = order.map { index in
                let entry = matcher.glossary.entries[index]
                return FileRecord.TermCount(term: entry.term, count: counts[index]!.count,
                                            targets: target.map { entry.targets(in: $0).map(\.term) } ?? [],
                                            forms: counts[index]!.forms)
            }
        } else {
            record.terms = []
        }
        record.names = analysis.entities.count
        record.quotes = analysis.quotes.count
        record.numbers = analysis.measures.count
        return Made(analysis: analysis, sheet: nil, summary: sentences)
    }

    private func counter(_ language: String) throws(WorksheetError) -> WordCounter {
        try counters.value(for: language) { language throws(WorksheetError) in try WordCounter(language: language) }
    }

    /// The pipeline for a record's own language (JSON Lines `lang`), kept for the languages a stream uses.
    private func pipeline(for language: String?) throws(Failure) -> Pipeline {
        guard let language, settings.options.language == nil else { return pipeline }
        do {
            return try pipelines.value(for: LanguageTag.normalized(language)) { tag throws(KernsatzError) in
                try Pipeline(options: PipelineOptions(language: tag))
            }
        } catch {
            throw Failure(reason: "\(error)")
        }
    }

    /// One text of a stream: its record and each format's bytes (nothing is written).
    func process(text: String, language: String?, id: String) -> (record: FileRecord, outputs: [(BatchFormat, Data)]) {
        let started = DispatchTime.now().uptimeNanoseconds
        var record = FileRecord(path: id, status: .done)
        var outputs: [(BatchFormat, Data)] = []
        do throws(Failure) {
            if text.unicodeScalars.allSatisfy({ $0.properties.isWhitespace }) { throw Failure(reason: "the text is empty") }
            let made = try make(units: Array(text.utf16), kind: .plain, source: id, language: language, into: &record)
            for format in settings.options.formats where format != .summary {
                guard let worksheetFormat = format.worksheetFormat, let sheet = made.sheet else { continue }
                do {
                    outputs.append((format, try worksheetFormat.data(sheet)))
                } catch {
                    throw Failure(reason: "\(error)")
                }
            }
        } catch {
            record.status = .failed
            record.reason = error.reason
        }
        record.seconds = Self.seconds(since: started)
        return (record, outputs)
    }

    static func seconds(since start: UInt64) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    /// An error's message without the file name in front (the record names the file).
    static func reason(_ error: Error, path: String) -> String {
        strip("\(error)", path: path)
    }

    static func strip(_ message: String, path: String) -> String {
        message.hasPrefix(path + ": ") ? String(message.dropFirst(path.count + 2)) : message
    }

    /// The text's runs of non-white-space characters joined by single spaces.
    static func oneLine(_ text: String) -> String {
        if let fast = oneLine(utf8: Array(text.utf8)) { return fast }
        return text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// `oneLine` on the UTF-8 of texts where every scalar is a character of its own (below U+0300,
    /// or General Punctuation and currency signs U+2000–U+20CF but the zero-width joiners; CR LF
    /// splits the same either way), so white space is found per scalar; nil for any other text.
    private static func oneLine(utf8 bytes: [UInt8]) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var space = false
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            let width: Int
            let white: Bool
            if b < 0x80 {
                width = 1
                white = b == 0x20 || (b >= 0x09 && b <= 0x0D)
            } else if b >= 0xC2 && b <= 0xCB, i + 1 < bytes.count {
                // U+0080–U+02FF: NEL and NO-BREAK SPACE are white space.
                width = 2
                let scalar = (UInt32(b & 0x1F) << 6) | UInt32(bytes[i + 1] & 0x3F)
                white = scalar == 0x85 || scalar == 0xA0
            } else if b == 0xE2, i + 2 < bytes.count {
                width = 3
                let scalar = (UInt32(b & 0x0F) << 12) | (UInt32(bytes[i + 1] & 0x3F) << 6) | UInt32(bytes[i + 2] & 0x3F)
                guard scalar >= 0x2000 && scalar <= 0x20CF && scalar != 0x200C && scalar != 0x200D else { return nil }
                white = scalar <= 0x200A || scalar == 0x2028 || scalar == 0x2029 || scalar == 0x202F || scalar == 0x205F
            } else {
                return nil
            }
            if white {
                space = !out.isEmpty
            } else {
                if space { out.append(0x20); space = false }
                for j in i..<i + width { out.append(bytes[j]) }
            }
            i += width
        }
        return String(decoding: out, as: UTF8.self)
    }
}
