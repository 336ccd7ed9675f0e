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

/// A number, percentage, amount of money, date or year: `kind` is number, percent, currency,
/// date or year; `value` the number with its scale and sign applied (3.5 for „3,5 Prozent“,
/// 4000000 for „4 Mio. Euro“; null for dates); `currency` an ISO 4217 code or null; `date`
/// the day as written ({"day","month","year"}, a part the text leaves out is null) or null.
struct MeasureJSON: Encodable {
    struct Day: Encodable {
        let day: Int?
        let month: Int
        let year: Int?

        enum CodingKeys: String, CodingKey { case day, month, year }

        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(day, forKey: .day)
            try c.encode(month, forKey: .month)
            try c.encode(year, forKey: .year)
        }
    }
    let text: String
    let start: Int
    let end: Int
    let kind: String
    let value: Double?
    let currency: String?
    let date: Day?

    enum CodingKeys: String, CodingKey { case text, start, end, kind, value, currency, date }

    /// Every key is always there: what a kind lacks is `null`.
    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(text, forKey: .text)
        try c.encode(start, forKey: .start)
        try c.encode(end, forKey: .end)
        try c.encode(kind, forKey: .kind)
        try c.encode(value, forKey: .value)
        try c.encode(currency, forKey: .currency)
        try c.encode(date, forKey: .date)
    }
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
                              type: entity.type.rawValue, cue: entity.cue.description)
        }
    }

    var measuresJSON: [MeasureJSON] {
        measures.map { measure in
            let range = sourceScalarRange(measure.range)
            return MeasureJSON(text: text.sourceString(measure.range), start: range.lowerBound, end: range.upperBound,
                               kind: measure.kind.rawValue, value: measure.value, currency: measure.currency,
                               date: measure.date.map { MeasureJSON.Day(day: $0.day, month: $0.month, year: $0.year) })
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
    let measures: [MeasureJSON]
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
    let measures: [MeasureJSON]?
    /// Glossary hits, with --glossary only.
    var terms: [TermJSON]? = nil
}

/// `FileAnalysisJSON` and `AnalyzeRecord` written straight from an `Analysis` (the same bytes as
/// their `JSONEncoder` encoding, members in sorted order), so that the JSON of a million sentences
/// is never a tree of values in memory.
extension Analysis {
    /// The members of `FileAnalysisJSON` (without terms).
    func writeFileJSON(_ json: inout JSONStreamWriter, source: String, encoding: String, warnings: [String], quotesAndEntities: Bool = true) {
        json.beginObject()
        json.key("blocks"); writeBlocks(&json)
        json.key("encoding"); json.string(encoding)
        if quotesAndEntities { json.key("entities"); writeEntities(&json) }
        json.key("lang"); json.string(language)
        json.key("langIdentified"); json.bool(languageIdentified)
        if quotesAndEntities { json.key("measures"); writeMeasures(&json) }
        json.key("metadata"); writeMetadata(&json)
        if quotesAndEntities { json.key("quotes"); writeQuotes(&json) }
        json.key("sentences"); writeSentences(&json)
        json.key("source"); json.string(source)
        json.key("warnings")
        json.beginArray()
        for warning in warnings { json.string(warning) }
        json.endArray()
        json.endObject()
    }

    /// The members of `AnalyzeRecord` (without terms); `id` is its JSON.
    func writeRecordJSON(_ json: inout JSONStreamWriter, id: [UInt8]) {
        json.beginObject()
        json.key("blocks"); writeBlocks(&json)
        json.key("entities"); writeEntities(&json)
        json.key("id"); json.raw(id)
        json.key("lang"); json.string(language)
        json.key("measures"); writeMeasures(&json)
        json.key("metadata"); writeMetadata(&json)
        json.key("quotes"); writeQuotes(&json)
        json.key("sentences"); writeSentences(&json)
        json.endObject()
    }

    func writeSentences(_ json: inout JSONStreamWriter) {
        json.beginArray()
        for sentence in sentences {
            let range = sourceScalarRange(sentence.range)
            json.beginObject()
            json.key("block"); json.int(sentence.block)
            json.key("end"); json.int(range.upperBound)
            json.key("start"); json.int(range.lowerBound)
            json.key("text"); json.string(sourceText(of: sentence))
            json.endObject()
        }
        json.endArray()
    }

    func writeBlocks(_ json: inout JSONStreamWriter) {
        // The sentences of each block, in order: a counting sort into one array of indices.
        var firsts = [Int32](repeating: 0, count: structure.blocks.count + 1)
        for sentence in sentences { firsts[sentence.block + 1] += 1 }
        for index in structure.blocks.indices { firsts[index + 1] += firsts[index] }
        var indices = [Int32](repeating: 0, count: sentences.count)
        var next = firsts
        for (index, sentence) in sentences.enumerated() {
            indices[Int(next[sentence.block])] = Int32(index)
            next[sentence.block] += 1
        }
        next = []
        json.beginArray()
        for (index, block) in structure.blocks.enumerated() {
            let range = sourceScalarRange(block.range)
            json.beginObject()
            json.key("end"); json.int(range.upperBound)
            json.key("kind"); json.string(block.kind.rawValue)
            json.key("sentences")
            json.beginArray()
            for i in Int(firsts[index])..<Int(firsts[index + 1]) { json.int(Int(indices[i])) }
            json.endArray()
            json.key("start"); json.int(range.lowerBound)
            json.key("text"); json.string(text.sourceString(block.range))
            json.endObject()
        }
        json.endArray()
    }

    func writeQuotes(_ json: inout JSONStreamWriter) {
        json.beginArray()
        for quote in quotes {
            let range = sourceScalarRange(quote.range)
            let speaker = quote.speaker.map(sourceScalarRange)
            json.beginObject()
            json.key("end"); json.int(range.upperBound)
            json.key("kind"); json.string(quote.kind.rawValue)
            json.key("speaker"); json.string(quote.speaker.map { text.sourceString($0) })
            json.key("speakerEnd"); json.int(speaker?.upperBound)
            json.key("speakerStart"); json.int(speaker?.lowerBound)
            json.key("start"); json.int(range.lowerBound)
            json.key("text"); json.string(quote.parts.map { text.sourceString($0) }.joined(separator: " "))
            json.key("verb"); json.string(quote.verb.map { text.sourceString($0) })
            json.endObject()
        }
        json.endArray()
    }

    func writeEntities(_ json: inout JSONStreamWriter) {
        json.beginArray()
        for entity in entities {
            let range = sourceScalarRange(entity.range)
            json.beginObject()
            json.key("cue"); json.string(entity.cue.description)
            json.key("end"); json.int(range.upperBound)
            json.key("start"); json.int(range.lowerBound)
            json.key("text"); json.string(text.sourceString(entity.range))
            json.key("type"); json.string(entity.type.rawValue)
            json.endObject()
        }
        json.endArray()
    }

    func writeMeasures(_ json: inout JSONStreamWriter) {
        json.beginArray()
        for measure in measures {
            let range = sourceScalarRange(measure.range)
            json.beginObject()
            json.key("currency"); json.string(measure.currency)
            json.key("date")
            if let date = measure.date {
                json.beginObject()
                json.key("day"); json.int(date.day)
                json.key("month"); json.int(date.month)
                json.key("year"); json.int(date.year)
                json.endObject()
            } else {
                json.null()
            }
            json.key("end"); json.int(range.upperBound)
            json.key("kind"); json.string(measure.kind.rawValue)
            json.key("start"); json.int(range.lowerBound)
            json.key("text"); json.string(text.sourceString(measure.range))
            json.key("value")
            if let value = measure.value { json.raw(Self.jsonNumber(value).utf8) } else { json.null() }
            json.endObject()
        }
        json.endArray()
    }

    /// A finite number as JSONEncoder writes it: the shortest form that reads back the same,
    /// without ".0" („4000000“, „3.5“, „1e+21“); a measure's value is never infinite or NaN.
    static func jsonNumber(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        let written = value.description
        return written.hasSuffix(".0") ? String(written.dropLast(2)) : written
    }

    func writeMetadata(_ json: inout JSONStreamWriter) {
        let metadata = structure.metadata
        let dateline = metadata.datelineRange.map(sourceScalarRange)
        json.beginObject()
        if let date = metadata.date { json.key("date"); json.string(date) }
        if let value = metadata.dateline { json.key("dateline"); json.string(value) }
        if let dateline {
            json.key("datelineEnd"); json.int(dateline.upperBound)
            json.key("datelineStart"); json.int(dateline.lowerBound)
        }
        json.key("fields")
        json.beginArray()
        for field in metadata.fields {
            json.beginObject()
            json.key("key"); json.string(field.key)
            json.key("value"); json.string(field.value)
            json.endObject()
        }
        json.endArray()
        json.endObject()
    }
}
