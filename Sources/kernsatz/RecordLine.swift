import Kernsatz

/// The JSON Lines every `--jsonl` command writes, one record's line each (its JSON object and the
/// line end), made by `JSONByteWriter`: the bytes `JSONEncoder` with sorted keys wrote for the same
/// record before, U+2028 and U+2029 escaped. The shapes are documented in each command's help.
enum RecordLine {
    /// `{"error","id","line"}`: a record that could not be read or whose work failed.
    static func error(id: RecordID, line: Int, message: String) -> [UInt8] {
        var json = JSONByteWriter()
        json.beginObject()
        json.key("error"); json.string(message)
        json.key("id"); id.write(to: &json)
        json.key("line"); json.int(line)
        json.endObject()
        return finished(&json)
    }

    /// `segment --jsonl`: `{"id","lang","sentences"}`.
    static func segment(id: RecordID, _ analysis: Analysis) -> [UInt8] {
        var json = JSONByteWriter()
        json.beginObject()
        json.key("id"); id.write(to: &json)
        json.key("lang"); json.string(analysis.language)
        json.key("sentences"); analysis.writeSentences(&json)
        json.endObject()
        return finished(&json)
    }

    /// `analyze --jsonl`: `{"blocks","entities","id","lang","measures","metadata","quotes","sentences"}`,
    /// and "terms" with a glossary.
    static func analyze(id: RecordID, _ analysis: Analysis, terms: TermsJSON?) -> [UInt8] {
        var json = JSONByteWriter()
        analysis.writeRecordJSON(&json, id: id, terms: terms.map { terms in { terms.write(analysis, to: &$0) } })
        return finished(&json)
    }

    /// `summarize --jsonl`.
    static func summary(id: RecordID, _ analysis: Analysis, _ summary: Summary, explain: Bool) -> [UInt8] {
        var json = JSONByteWriter()
        SummaryJSON.write(&json, id: id, source: nil, analysis: analysis, summary: summary, explain: explain)
        return finished(&json)
    }

    /// `terms --jsonl`: `{"id","terms"}`.
    static func terms(id: RecordID, _ text: CleanText, _ hits: [TermHit], _ terms: TermsJSON) -> [UInt8] {
        var json = JSONByteWriter()
        json.beginObject()
        json.key("id"); id.write(to: &json)
        json.key("terms"); terms.write(text, hits, to: &json)
        json.endObject()
        return finished(&json)
    }

    /// `normalize` and `translit --jsonl`: `{"id","text"}`.
    static func text(id: RecordID, _ text: String) -> [UInt8] {
        var json = JSONByteWriter()
        json.beginObject()
        json.key("id"); id.write(to: &json)
        json.key("text"); json.string(text)
        json.endObject()
        return finished(&json)
    }

    private static func finished(_ json: inout JSONByteWriter) -> [UInt8] {
        json.newline()
        return json.bytes
    }
}

/// Glossary hits in JSON (`terms`, `analyze --glossary`): `[{"end","entry","match","start","targets","text"}]`,
/// offsets Unicode scalars into the text as received, like sentences'.
struct TermsJSON: Sendable {
    let matcher: TermMatcher
    /// The language whose translations are shown.
    let language: String

    func write(_ text: CleanText, _ hits: [TermHit], to json: inout JSONByteWriter) {
        json.beginArray()
        for hit in hits {
            let range = text.sourceScalarRange(hit.range)
            let entry = matcher.glossary.entries[hit.entry]
            json.beginObject()
            json.key("end"); json.int(range.upperBound)
            json.key("entry"); json.string(entry.term)
            json.key("match"); json.string(hit.match.rawValue)
            json.key("start"); json.int(range.lowerBound)
            json.key("targets")
            json.beginArray()
            for target in entry.targets(in: language) { json.string(target.term) }
            json.endArray()
            json.key("text"); json.source(text, hit.range)
            json.endObject()
        }
        json.endArray()
    }

    /// The hits of an analyzed text (its clean NFC text); only text in the glossary's source
    /// language is searched (an empty list otherwise).
    func write(_ analysis: Analysis, to json: inout JSONByteWriter) {
        let hits = matcher.glossary.isForTexts(in: analysis.language) ? matcher.match(units: analysis.text.units) : []
        write(analysis.text, hits, to: &json)
    }
}
