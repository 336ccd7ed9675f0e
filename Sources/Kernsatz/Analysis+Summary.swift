extension Analysis {
    /// What the summarizer needs of this analysis.
    public var summaryDocument: SummaryDocument {
        SummaryDocument(units: text.units, sentences: sentences, blocks: structure.blocks,
                        entities: entities.map(\.range),
                        quotes: quotes.filter { $0.kind == .direct }.map(\.range),
                        // A text with sentences has tokens, unless the pipeline made no stream.
                        tokens: tokens.tokens.isEmpty && !sentences.isEmpty ? nil : tokens)
    }
}

extension Summarizer {
    /// Summarizes an analyzed text.
    ///
    ///     let analysis = try Pipeline().analyze(text)
    ///     let summary = Summarizer(language: analysis.language).summarize(analysis, length: .sentences(3))
    ///     summary.sentences.map { analysis.sourceText(of: analysis.sentences[$0]) }
    public func summarize(_ analysis: Analysis, length: SummaryLength) -> Summary {
        summarize(analysis.summaryDocument, length: length)
    }
}
