import Kernsatz

/// The JSON shapes of `segment` and `analyze` (documented in the README). Offsets are Unicode
/// scalars into the text as received; `text` is that slice.
struct SentenceJSON: Encodable {
    let text: String
    let start: Int
    let end: Int
    let block: Int
}

struct BlockJSON: Encodable {
    let kind: String
    let start: Int
    let end: Int
    let text: String
    /// Indices into `sentences`.
    let sentences: [Int]
}

/// A quotation: `text` is the quoted words without the marks (a split quote's parts joined with
/// one space); `start`/`end` run from the first quoted word to the last.
struct QuoteJSON: Encodable {
    let text: String
    let start: Int
    let end: Int
    let kind: String
    let speaker: String?
    let verb: String?
    let speakerStart: Int?
    let speakerEnd: Int?

    enum CodingKeys: String, CodingKey { case text, start, end, kind, speaker, verb, speakerStart, speakerEnd }

    /// Every key is always there: a missing speaker or verb is `null`.
    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(text, forKey: .text)
        try c.encode(start, forKey: .start)
        try c.encode(end, forKey: .end)
        try c.encode(kind, forKey: .kind)
        try c.encode(speaker, forKey: .speaker)
        try c.encode(verb, forKey: .verb)
        try c.encode(speakerStart, forKey: .speakerStart)
        try c.encode(speakerEnd, forKey: .speakerEnd)
    }
}

/// A named entity: `type` is PER, LOC, ORG or OTH; `cue` says why it was found.
struct EntityJSON: Encodable {
    let text: String
    let start: Int
    let end: Int
    let type: String
    let cue: String
}

struct MetadataJSON: Encodable {
    struct Field: Encodable {
        let key: String
        let value: String
    }
    let date: String?
    let fields: [Field]
    let dateline: String?
    let datelineStart: Int?
    let datelineEnd: Int?
}

extension Analysis {
    var sentencesJSON: [SentenceJSON] {
        sentences.map { sentence in
            let range = sourceScalarRange(sentence.range)
            return SentenceJSON(text: sourceText(of: sentence), start: range.lowerBound, end: range.upperBound, block: sentence.block)
        }
    }

    var blocksJSON: [BlockJSON] {
        var byBlock = [[Int]](repeating: [], count: structure.blocks.count)
        for (index, sentence) in sentences.enumerated() { byBlock[sentence.block].append(index) }
        return structure.blocks.enumerated().map { index, block in
            let range = sourceScalarRange(block.range)
            return BlockJSON(kind: block.kind.rawValue, start: range.lowerBound, end: range.upperBound,
                             text: text.sourceString(block.range), sentences: byBlock[index])
        }
    }

    var quotesJSON: [QuoteJSON] {
        quotes.map { quote in
            let range = sourceScalarRange(quote.range)
            let speaker = quote.speaker.map(sourceScalarRange)
            return QuoteJSON(text: quote.parts.map { text.sourceString($0) }.joined(separator: " "),
                             start: range.lowerBound, end: range.upperBound, kind: quote.kind.rawValue,
                             speaker: quote.speaker.map { text.sourceString($0) }, verb: quote.verb.map { text.sourceString($0) },
                             speakerStart: speaker?.lowerBound, speakerEnd: speaker?.upperBound)
        }
    }

    var entitiesJSON: [EntityJSON] {
        entities.map { entity in
            let range = sourceScalarRange(entity.range)
            return EntityJSON(text: text.sourceString(entity.range), start: range.lowerBound, end: range.upperBound,
                              type: entity.type.rawValue, cue: entity.cue)
        }
    }

    var metadataJSON: MetadataJSON {
        let metadata = structure.metadata
        let dateline = metadata.datelineRange.map(sourceScalarRange)
        return MetadataJSON(date: metadata.date,
                            fields: metadata.fields.map { .init(key: $0.key, value: $0.value) },
                            dateline: metadata.dateline,
                            datelineStart: dateline?.lowerBound, datelineEnd: dateline?.upperBound)
    }
}

struct SegmentRecord: Encodable {
    let id: RecordID
    let lang: String
    let sentences: [SentenceJSON]
}

struct AnalyzeRecord: Encodable {
    let id: RecordID
    let lang: String
    let sentences: [SentenceJSON]
    let blocks: [BlockJSON]
    let metadata: MetadataJSON
    let quotes: [QuoteJSON]
    let entities: [EntityJSON]
    /// Glossary hits, with --glossary only.
    var terms: [TermJSON]? = nil
}

struct FileAnalysisJSON: Encodable {
    let source: String
    let encoding: String
    let lang: String
    let langIdentified: Bool
    let warnings: [String]
    let metadata: MetadataJSON
    let blocks: [BlockJSON]
    let sentences: [SentenceJSON]
    /// Left out by `segment`.
    let quotes: [QuoteJSON]?
    let entities: [EntityJSON]?
    /// Glossary hits, with --glossary only.
    var terms: [TermJSON]? = nil
}
