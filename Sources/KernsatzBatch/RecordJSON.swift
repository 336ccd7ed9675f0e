import Foundation
import KernsatzText

/// A record as one line of JSON, byte for byte what `JSONEncoder` with `[.sortedKeys,
/// .withoutEscapingSlashes]` makes of it (the journal's and the manifest's lines), without the
/// encoder's containers: keys are written in their sorted order, nil fields are left out, strings
/// escape `"`, `\` and the control characters (`\b \f \n \r \t`, else `\u00xx`) and keep all other
/// characters as UTF-8, and a `Double` is its `description` without a trailing `.0`.
/// `RecordJSONTests` holds it to the encoder's bytes.
enum RecordJSON {
    /// The line (without a line break); nil when `seconds` is not a finite number (which the encoder refuses too).
    static func line(_ record: FileRecord) -> Data? {
        var out = JSONLine()
        out.open()
        out.field("bytes", record.bytes)
        out.field("characters", record.characters)
        out.field("encoding", record.encoding)
        out.field("language", record.language)
        out.field("names", record.names)
        out.field("numbers", record.numbers)
        out.field("order", record.order)
        out.key("outputs")
        out.array(record.outputs) { out, output in
            out.open()
            out.field("bytes", output.bytes)
            out.field("format", output.format.rawValue)
            out.field("path", output.path)
            out.field("sha256", output.sha256)
            out.close()
        }
        out.field("path", record.path)
        out.field("quotes", record.quotes)
        out.field("reason", record.reason)
        if let seconds = record.seconds {
            guard seconds.isFinite else { return nil }
            var number = seconds.description
            if number.hasSuffix(".0") { number.removeLast(2) }
            out.key("seconds")
            out.raw(number)
        }
        out.field("segments", record.segments)
        out.field("settings", record.settings)
        out.field("sha256", record.sha256)
        out.field("status", record.status.rawValue)
        if let summary = record.summary {
            out.key("summary")
            out.array(summary) { out, sentence in out.string(sentence) }
        }
        if let terms = record.terms {
            out.key("terms")
            out.array(terms) { out, term in
                out.open()
                out.field("count", term.count)
                out.key("forms")
                out.array(term.forms) { out, form in out.string(form) }
                out.key("targets")
                out.array(term.targets) { out, target in out.string(target) }
                out.field("term", term.term)
                out.close()
            }
        }
        out.field("title", record.title)
        out.key("warnings")
        out.array(record.warnings) { out, warning in out.string(warning) }
        out.field("words", record.words)
        out.close()
        return Data(out.bytes)
    }

    /// A glossary term of the manifest's term report, as the encoder writes `TermLine`.
    static func line(_ term: TermLine) -> String {
        var out = JSONLine()
        out.open()
        out.key("files")
        out.array(term.files) { out, file in out.string(file) }
        out.field("occurrences", term.occurrences)
        out.field("term", term.term)
        out.key("translations")
        out.array(term.translations) { out, target in out.string(target) }
        out.close()
        return String(decoding: out.bytes, as: UTF8.self)
    }

    /// A term candidate of the manifest's term report, as the encoder writes `CandidateLine`.
    static func line(_ candidate: CandidateLine) -> String {
        var out = JSONLine()
        out.open()
        out.field("candidate", candidate.candidate)
        out.field("context", candidate.context)
        out.field("firstFile", candidate.firstFile)
        out.field("kind", candidate.kind)
        out.field("occurrences", candidate.occurrences)
        out.close()
        return String(decoding: out.bytes, as: UTF8.self)
    }
}

/// A glossary term in the manifest: the files it occurs in (walk order) and how often in all.
struct TermLine: Encodable {
    let term: String
    let translations: [String]
    let files: [String]
    let occurrences: Int
}

/// A term candidate in the manifest.
struct CandidateLine: Encodable {
    let candidate: String
    let kind: String
    let occurrences: Int
    let firstFile: String
    let context: String
}

/// The bytes of one JSON line being written: objects, arrays, keys (given in sorted order), strings, integers.
private struct JSONLine {
    var bytes: [UInt8] = []
    /// Whether the next key or element is the first of its object or array (no comma before it).
    private var first = true

    init() { bytes.reserveCapacity(2048) }

    mutating func open() {
        bytes.append(UInt8(ascii: "{"))
        first = true
    }

    mutating func close() {
        bytes.append(UInt8(ascii: "}"))
        first = false
    }

    mutating func key(_ name: String) {
        if !first { bytes.append(UInt8(ascii: ",")) }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(contentsOf: name.utf8)
        bytes.append(contentsOf: #"":"#.utf8)
        first = false
    }

    mutating func raw(_ text: String) { bytes.append(contentsOf: text.utf8) }

    mutating func field(_ name: String, _ value: Int?) {
        guard let value else { return }
        key(name)
        raw(String(value))
    }

    mutating func field(_ name: String, _ value: String?) {
        guard let value else { return }
        key(name)
        string(value)
    }

    mutating func array<Element>(_ elements: [Element], _ write: (inout JSONLine, Element) -> Void) {
        bytes.append(UInt8(ascii: "["))
        for (index, element) in elements.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            write(&self, element)
        }
        bytes.append(UInt8(ascii: "]"))
        first = false
    }

    /// A quoted string: `"` and `\` and the C0 controls escaped, everything else (`/` too) as it is.
    mutating func string(_ text: String) {
        JSONString.appendQuoted(text, to: &bytes, escapingLineSeparators: false)
    }
}
