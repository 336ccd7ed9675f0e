import KernsatzText

/// A worksheet as Markdown (CommonMark with GitHub's tables): header, summary, a segment table
/// (number | source with terms in bold | empty target | notes), the glossary extract.
///
/// Input text is escaped so that it reads as text: inline Markdown punctuation gets a backslash,
/// `<` and `&` become entities (no raw HTML reaches a renderer), line breaks in a cell become spaces.
public enum MarkdownWriter {
    public static func write(_ sheet: Worksheet) -> String {
        var out = "# Worksheet: \(inline(sheet.source))\n\n"
        out += "| | |\n|---|---|\n"
        out += "| Source language | \(inline(sheet.sourceLanguage))\(sheet.languageIdentified ? " (identified)" : "") |\n"
        out += "| Target language | \(inline(sheet.targetLanguage)) |\n"
        if let date = sheet.date { out += "| Date | \(inline(date)) |\n" }
        if let dateline = sheet.dateline { out += "| Dateline | \(inline(dateline)) |\n" }
        for field in sheet.metadata where field.key != "date" { out += "| \(inline(field.key)) | \(inline(field.value)) |\n" }
        out += "| Segments | \(sheet.segments.count) |\n"
        out += "| Words | \(sheet.counts.words) |\n"
        out += "| Characters | \(sheet.counts.characters) |\n"
        if !sheet.glossaries.isEmpty { out += "| Glossaries | \(sheet.glossaries.map(inline).joined(separator: ", ")) |\n" }
        if let teaser = sheet.teaser { out += "\n**Teaser:** \(inline(teaser))\n" }
        if !sheet.summary.isEmpty {
            out += "\n## Summary\n\n"
            for segment in sheet.summarySegments { out += "- \(inline(segment.source)) (\(segment.id))\n" }
        }
        out += "\n## Segments\n\n| # | Source | Target | Notes |\n|---:|---|---|---|\n"
        for segment in sheet.segments {
            let source = segment.termRuns.map { $0.term == nil ? inline($0.text) : "**\(inline($0.text))**" }.joined()
            out += "| \(segment.id)\(marker(segment)) | \(source) | \(inline(segment.target)) | \(notes(segment, sheet)) |\n"
        }
        if !sheet.glossary.isEmpty {
            out += "\n## Glossary\n\n| Term | \(inline(sheet.targetLanguage)) | Do not use | Segments |\n|---|---|---|---|\n"
            for item in sheet.glossary {
                let approved = item.approved.map { inline($0.term) }.joined(separator: " / ")
                let deprecated = item.deprecated.map { inline($0.term) + ($0.note.map { " (\(inline($0)))" } ?? "") }.joined(separator: " / ")
                var term = "**\(inline(item.term))**"
                if let definition = item.definition { term += ": \(inline(definition))" }
                out += "| \(term) | \(approved) | \(deprecated) | \(item.segments.map(String.init).joined(separator: ", ")) |\n"
            }
        }
        return out
    }

    /// The kind, when not a plain sentence; a star for summary sentences.
    static func marker(_ segment: Segment) -> String {
        var out = ""
        if segment.kind != .paragraph { out += " \(segment.kind.rawValue)" }
        if segment.inSummary { out += " ★" }
        return out
    }

    static func notes(_ segment: Segment, _ sheet: Worksheet) -> String {
        let notes = WorksheetNotes(segment, in: sheet)
        var parts: [String] = []
        if !notes.terms.isEmpty { parts.append("Terms: " + notes.terms.map(inline).joined(separator: "; ")) }
        if !notes.doNotUse.isEmpty { parts.append("Do not use: " + notes.doNotUse.map(inline).joined(separator: "; ")) }
        if !notes.names.isEmpty { parts.append("Names: " + notes.names.map(inline).joined(separator: "; ")) }
        if !notes.numbers.isEmpty { parts.append("Numbers: " + notes.numbers.map(inline).joined(separator: "; ")) }
        if !notes.quotes.isEmpty { parts.append("Quotes: " + notes.quotes.map(inline).joined(separator: "; ")) }
        parts.append(Counting.words(segment.counts))
        return parts.joined(separator: "<br>")
    }

    /// Text in a table cell or a line: inline Markdown punctuation escaped, a block marker at the
    /// start escaped („- “, „# “, „1. “, „> “), no raw HTML, one line.
    static func inline(_ text: String) -> String {
        var escaped = String.UnicodeScalarView()
        var previous: Unicode.Scalar = " "
        // Scalar by scalar: „|\u{301}“ is one Character, but a Markdown parser sees the pipe.
        for scalar in text.unicodeScalars {
            defer { previous = scalar }
            switch scalar {
            case "\n" where previous == "\r":
                continue
            case "\n", "\r", "\t":
                escaped.append(" ")
            case "\\", "`", "*", "_", "[", "]", "|", "~":
                escaped.append("\\")
                escaped.append(scalar)
            case "<":
                escaped.append(contentsOf: "&lt;".unicodeScalars)
            case "&":
                escaped.append(contentsOf: "&amp;".unicodeScalars)
            default:
                if XMLText.isAllowed(scalar) { escaped.append(scalar) }
            }
        }
        var out = String(escaped)
        if let first = out.unicodeScalars.first, "#-+=>".unicodeScalars.contains(first) {
            out.insert("\\", at: out.startIndex)
        } else if let marker = out.firstIndex(where: { !$0.isASCII || !$0.isNumber }), marker != out.startIndex,
                  out[marker] == "." || out[marker] == ")" {
            out.insert("\\", at: marker)
        }
        return out
    }
}
