import Kernsatz

/// The JSON of `segment` and `analyze` (documented in their help and in the Segmentation and TextAnalysis articles of Kernsatz.docc), written straight from an
/// `Analysis` by `JSONByteWriter` (members in sorted order, the bytes `JSONEncoder` wrote for the
/// same shapes before), so that the JSON of a million sentences is never a tree of values in
/// memory. Offsets are Unicode scalars into the text as received; `text` is that slice.
extension Analysis {
    /// A file's analysis: `{"blocks","encoding","entities","lang","langIdentified","measures","metadata",
    /// "quotes","sentences","source","terms"?,"warnings"}` (`segment`: without entities, measures, quotes).
    func writeFileJSON(_ json: inout JSONByteWriter, source: String, encoding: String, warnings: [String], quotesAndEntities: Bool = true,
                       terms: ((inout JSONByteWriter) -> Void)? = nil) {
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
        if let terms { json.key("terms"); terms(&json) }
        json.key("warnings"); json.strings(warnings)
        json.endObject()
    }

    /// A record's analysis (`analyze --jsonl`); its "terms" when `terms` is given.
    func writeRecordJSON(_ json: inout JSONByteWriter, id: RecordID, terms: ((inout JSONByteWriter) -> Void)? = nil) {
        json.beginObject()
        json.key("blocks"); writeBlocks(&json)
        json.key("entities"); writeEntities(&json)
        json.key("id"); id.write(to: &json)
        json.key("lang"); json.string(language)
        json.key("measures"); writeMeasures(&json)
        json.key("metadata"); writeMetadata(&json)
        json.key("quotes"); writeQuotes(&json)
        json.key("sentences"); writeSentences(&json)
        if let terms { json.key("terms"); terms(&json) }
        json.endObject()
    }

    func writeSentences(_ json: inout JSONByteWriter) {
        json.beginArray()
        for sentence in sentences {
            let range = sourceScalarRange(sentence.range)
            json.beginObject()
            json.key("block"); json.int(sentence.block)
            json.key("end"); json.int(range.upperBound)
            json.key("start"); json.int(range.lowerBound)
            json.key("text"); json.string(utf16: text.sourceUnits[text.sourceUTF16Range(sentence.range)])
            json.endObject()
        }
        json.endArray()
    }

    func writeBlocks(_ json: inout JSONByteWriter) {
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
            json.key("text"); json.source(text, block.range)
            json.endObject()
        }
        json.endArray()
    }

    func writeQuotes(_ json: inout JSONByteWriter) {
        json.beginArray()
        for quote in quotes {
            let range = sourceScalarRange(quote.range)
            let speaker = quote.speaker.map(sourceScalarRange)
            json.beginObject()
            json.key("end"); json.int(range.upperBound)
            json.key("kind"); json.string(quote.kind.rawValue)
            json.key("speaker"); json.source(text, quote.speaker)
            json.key("speakerEnd"); json.int(speaker?.upperBound)
            json.key("speakerStart"); json.int(speaker?.lowerBound)
            json.key("start"); json.int(range.lowerBound)
            json.key("text"); json.string(utf16: quote.parts.map { text.sourceUnits[text.sourceUTF16Range($0)] }, separator: 0x20)
            json.key("verb"); json.source(text, quote.verb)
            json.endObject()
        }
        json.endArray()
    }

    func writeEntities(_ json: inout JSONByteWriter) {
        json.beginArray()
        for entity in entities {
            let range = sourceScalarRange(entity.range)
            json.beginObject()
            json.key("cue"); json.string(entity.cue.description)
            json.key("end"); json.int(range.upperBound)
            json.key("start"); json.int(range.lowerBound)
            json.key("text"); json.source(text, entity.range)
            json.key("type"); json.string(entity.type.rawValue)
            json.endObject()
        }
        json.endArray()
    }

    func writeMeasures(_ json: inout JSONByteWriter) {
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
            json.key("text"); json.source(text, measure.range)
            json.key("value")
            json.double(measure.value)
            json.endObject()
        }
        json.endArray()
    }

    func writeMetadata(_ json: inout JSONByteWriter) {
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

extension JSONByteWriter {
    /// The source text (as received) of a clean range, as `text.sourceString(range)` (without that String).
    mutating func source(_ text: CleanText, _ range: Range<Int>) {
        string(utf16: text.sourceUnits[text.sourceUTF16Range(range)])
    }

    mutating func source(_ text: CleanText, _ range: Range<Int>?) {
        if let range { source(text, range) } else { null() }
    }
}
