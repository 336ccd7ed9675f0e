import Kernsatz
import KernsatzText

/// A worksheet as one self-contained HTML5 page: header, summary, legend, the segment table with
/// highlights and notes, and the glossary extract.
///
///     let html = HTMLWriter.write(sheet)
///     // <!DOCTYPE html>
///     // <html lang="de">
///     // …<tr id="s1" class="seg kind-teaser">…
///
/// The page needs nothing from outside: the style sheet is inline, there are no scripts, fonts,
/// images or links other than to anchors in the page (`#s3`, `#g1`). Every piece of input text goes
/// through `XMLText`, attribute values included. Highlights carry their details in `title` (shown on
/// hover); the print style sheet keeps the meaning of every highlight without colour (bold,
/// underline, border styles) and never splits a table row across pages.
///
/// - Complexity: O(n) in the size of the worksheet, plus a lookup of each term's glossary entry.
public enum HTMLWriter {
    /// - Parameter sheet: the worksheet.
    /// - Returns: the page, UTF-8 text; the same sheet always gives the same bytes.
    public static func write(_ sheet: Worksheet) -> String {
        var page = Page(sheet: sheet)
        page.document()
        return page.out
    }
}

/// The page being written: one function per part, appending to `out`.
private struct Page {
    let sheet: Worksheet
    var out = ""

    init(sheet: Worksheet) {
        self.sheet = sheet
        out.reserveCapacity(4096 + sheet.segments.count * 1024)
    }

    mutating func line(_ text: String) {
        out += text
        out += "\n"
    }

    func text(_ string: String) -> String { XMLText.escape(string) }
    func attr(_ string: String) -> String { XMLText.attribute(string) }

    // MARK: the document

    mutating func document() {
        line("<!DOCTYPE html>")
        line("<html lang=\"\(attr(sheet.sourceLanguage))\">")
        line("<head>")
        line("<meta charset=\"utf-8\">")
        // Nothing may load or run, whatever the text holds: inline styles only.
        line("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src &#39;none&#39;; style-src &#39;unsafe-inline&#39;\">")
        line("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        line("<meta name=\"generator\" content=\"Kernsatz\">")
        line("<title>Translation worksheet: \(text(sheet.source))</title>")
        line("<style>")
        out += HTMLStyle.css
        line("</style>")
        line("</head>")
        line("<body>")
        header()
        summary()
        legend()
        segments()
        glossary()
        line("</body>")
        line("</html>")
    }

    mutating func header() {
        line("<header>")
        line("<h1>Translation worksheet: <bdi class=\"file\">\(text(sheet.source))</bdi></h1>")
        line("<dl class=\"facts\">")
        fact("Source file", "<bdi>\(text(sheet.source))</bdi>")
        fact("Source language", "<code>\(text(sheet.sourceLanguage))</code> (\(sheet.languageIdentified ? "detected" : "given"))")
        fact("Target language", "<code>\(text(sheet.targetLanguage))</code>")
        fact("Date", sheet.date.map(text) ?? "<span class=\"none\">none</span>")
        if let dateline = sheet.dateline { fact("Dateline", "<bdi lang=\"\(attr(sheet.sourceLanguage))\">\(text(dateline))</bdi>") }
        if let teaser = sheet.teaser { fact("Teaser", "<span lang=\"\(attr(sheet.sourceLanguage))\">\(text(teaser))</span>") }
        if !sheet.metadata.isEmpty {
            let fields = sheet.metadata.map { "<li><span class=\"key\">\(text($0.key))</span> <bdi>\(text($0.value))</bdi></li>" }
            fact("Metadata", "<ul class=\"metadata\">" + fields.joined() + "</ul>")
        }
        fact("Size", Counting.phrase(sheet.segments.count, "segment") + ", " + Counting.words(sheet.counts))
        fact("Glossaries searched", sheet.glossaries.isEmpty ? "<span class=\"none\">none</span>"
            : sheet.glossaries.map { "<bdi>\(text($0))</bdi>" }.joined(separator: ", "))
        line("</dl>")
        line("</header>")
    }

    mutating func fact(_ name: String, _ html: String) {
        line("<dt>\(name)</dt><dd>\(html)</dd>")
    }

    mutating func summary() {
        line("<section id=\"summary\">")
        line("<h2>Summary for context</h2>")
        let parts = sheet.summarySegments
        if parts.isEmpty {
            line("<p class=\"none\">No summary.</p>")
        } else {
            line("<ol class=\"summary\" lang=\"\(attr(sheet.sourceLanguage))\">")
            for segment in parts {
                line("<li><a href=\"#s\(segment.id)\">\(segment.id)</a> \(text(segment.source))</li>")
            }
            line("</ol>")
        }
        line("</section>")
    }

    mutating func legend() {
        line("<section id=\"legend\">")
        line("<h2>Legend</h2>")
        line("<ul class=\"legend\">")
        let entries: [(String, String, String)] = [
            ("term", "Term", "in the glossary: bold, underlined; translations in the notes and on hover"),
            ("term warn", "Term with a deprecated translation", "wavy red underline: one translation must not be used"),
            ("name per", "Person", "name of a person: solid blue border below"),
            ("name loc", "Place", "name of a place: double green border below"),
            ("name org", "Organisation", "name of an organisation: dashed purple border below"),
            ("name oth", "Other name", "other name: dotted grey border below"),
            ("num", "Number or date", "dotted box; the target-language form in the notes and on hover"),
            ("quote direct", "Direct quote", "italic on blue; the speaker in the notes and on hover"),
            ("quote reported", "Reported speech", "dotted line above, on violet; the speaker in the notes"),
        ]
        for (classes, name, explanation) in entries {
            line("<li><span class=\"\(classes)\">\(name)</span> — \(explanation)</li>")
        }
        line("<li><span class=\"badge kind\">teaser</span> <span class=\"badge kind\">dateline</span> "
            + "<span class=\"badge kind\">heading</span> — the segment’s role in the text; "
            + "<span class=\"badge summary\">summary</span> — the segment is in the summary</li>")
        line("</ul>")
        line("</section>")
    }

    // MARK: segments

    mutating func segments() {
        line("<section id=\"segments\">")
        line("<h2>Segments</h2>")
        line("<table class=\"segments\">")
        line("<colgroup><col class=\"c-num\"><col class=\"c-src\"><col class=\"c-tgt\"><col class=\"c-notes\"></colgroup>")
        line("<thead><tr><th scope=\"col\">#</th><th scope=\"col\">Source (\(text(sheet.sourceLanguage)))</th>"
            + "<th scope=\"col\">Translation (\(text(sheet.targetLanguage)))</th><th scope=\"col\">Notes</th></tr></thead>")
        line("<tbody>")
        if sheet.segments.isEmpty {
            line("<tr class=\"empty\"><td colspan=\"4\">The text has no segments.</td></tr>")
        }
        for segment in sheet.segments { row(segment) }
        line("</tbody>")
        line("</table>")
        line("</section>")
    }

    mutating func row(_ segment: Segment) {
        var classes = "seg kind-\(segment.kind.rawValue)"
        if segment.inSummary { classes += " in-summary" }
        out += "<tr id=\"s\(segment.id)\" class=\"\(classes)\">"
        out += "<td class=\"id\"><a href=\"#s\(segment.id)\">\(segment.id)</a>"
        if segment.kind != .paragraph {
            out += "<span class=\"badge kind\">\(Self.kindName(segment.kind))</span>"
        }
        if segment.inSummary { out += "<span class=\"badge summary\">summary</span>" }
        out += "</td>"
        out += "<td class=\"source\" lang=\"\(attr(sheet.sourceLanguage))\"\(Self.direction(sheet.sourceDirection))>\(highlighted(segment))</td>"
        out += "<td class=\"target\" lang=\"\(attr(sheet.targetLanguage))\"\(Self.direction(sheet.targetDirection))></td>"
        out += "<td class=\"notes\">\(notes(segment))</td>"
        line("</tr>")
    }

    /// ` dir="rtl"` for right-to-left languages (Arabic, Hebrew, …); nothing for left to right.
    static func direction(_ direction: String) -> String {
        direction == "rtl" ? " dir=\"rtl\"" : ""
    }

    static func kindName(_ kind: SegmentKind) -> String {
        kind == .listItem ? "list item" : kind.rawValue
    }

    /// The source with one set of spans per run: quote outermost, then name, number, term.
    func highlighted(_ segment: Segment) -> String {
        var html = ""
        for run in segment.runs {
            var open = ""
            var close = ""
            func wrap(_ classes: String, _ title: String) {
                open += "<span class=\"\(classes)\" title=\"\(attr(title))\">"
                close = "</span>" + close
            }
            if let index = run.quote, segment.quotes.indices.contains(index) {
                let quote = segment.quotes[index]
                wrap("quote \(quote.kind.rawValue)", Self.quoteTitle(quote))
            }
            if let index = run.entity, segment.entities.indices.contains(index) {
                let entity = segment.entities[index]
                wrap("name \(Self.entityClass(entity.type))", Self.entityTitle(entity))
            }
            if let index = run.measure, segment.measures.indices.contains(index) {
                wrap("num", Self.measureTitle(segment.measures[index]))
            }
            if let index = run.term, segment.terms.indices.contains(index) {
                let mark = segment.terms[index]
                let item = sheet.glossaryItem(mark.entry)
                wrap(item.map { $0.deprecated.isEmpty } ?? true ? "term" : "term warn", Self.termTitle(mark, item))
            }
            html += open + text(run.text) + close
        }
        return html
    }

    static func entityClass(_ type: EntityType) -> String {
        switch type {
        case .person: return "per"
        case .location: return "loc"
        case .organization: return "org"
        case .other: return "oth"
        }
    }


    static func termTitle(_ mark: TermMark, _ item: GlossaryItem?) -> String {
        guard let item else { return "Term" }
        var lines = ["Term: \(item.term)"]
        let approved = item.approved.map(\.term)
        lines.append(approved.isEmpty ? "no approved translation" : "→ " + approved.joined(separator: "; "))
        if !item.deprecated.isEmpty { lines.append("do not use: " + item.deprecated.map(\.term).joined(separator: "; ")) }
        return lines.joined(separator: "\n")
    }

    static func entityTitle(_ entity: EntityMark) -> String {
        var title = "Name: " + entity.typeName
        if let latin = entity.latin { title += "\nLatin: " + latin }
        return title
    }

    static func measureTitle(_ measure: MeasureMark) -> String {
        "\(measure.kind.rawValue.capitalized)" + (measure.rendering.map { " → " + $0 } ?? "")
    }

    static func quoteTitle(_ quote: QuoteMark) -> String {
        (quote.kind == .direct ? "Direct quote" : "Reported speech") + " — speaker: " + (quote.speaker ?? "not named")
    }

    /// Glossary hits, names, numbers, quotes and counts of a segment.
    func notes(_ segment: Segment) -> String {
        var items: [String] = []
        var seenEntries: Set<String> = []
        for mark in segment.terms.sorted(by: { $0.start < $1.start }) where seenEntries.insert(mark.entry).inserted {
            items.append(termNote(mark))
        }
        var seenNames: Set<String> = []
        for entity in segment.entities.sorted(by: { $0.start < $1.start })
        where seenNames.insert(entity.type.rawValue + "\u{0}" + entity.text).inserted {
            var note = "<li class=\"n-name\"><span class=\"label\">\(entity.typeName)</span> <bdi>\(text(entity.text))</bdi>"
            if let latin = entity.latin { note += " <span class=\"latin\">(Latin: <bdi>\(text(latin))</bdi>)</span>" }
            items.append(note + "</li>")
        }
        for measure in segment.measures.sorted(by: { $0.start < $1.start }) {
            var note = "<li class=\"n-num\"><span class=\"label\">\(text(measure.kind.rawValue))</span> <bdi>\(text(measure.text))</bdi>"
            if let rendering = measure.rendering {
                note += " → <bdi lang=\"\(attr(sheet.targetLanguage))\">\(text(rendering))</bdi>"
            }
            items.append(note + "</li>")
        }
        for quote in segment.quotes.sorted(by: { $0.start < $1.start }) {
            let kind = quote.kind == .direct ? "direct quote" : "reported speech"
            let speaker = quote.speaker.map { "<bdi>\(text($0))</bdi>" } ?? "<span class=\"none\">not named</span>"
            items.append("<li class=\"n-quote\"><span class=\"label\">\(kind)</span> speaker: \(speaker)</li>")
        }
        items.append("<li class=\"n-count\">\(Counting.words(segment.counts))</li>")
        return "<ul>" + items.joined() + "</ul>"
    }

    func termNote(_ mark: TermMark) -> String {
        guard let item = sheet.glossaryItem(mark.entry) else {
            return "<li class=\"n-term\"><span class=\"label\">term</span> <bdi>\(text(mark.text))</bdi></li>"
        }
        var note = "<li class=\"n-term\"><span class=\"label\">term</span> <a href=\"#\(attr(item.id))\"><bdi>\(text(item.term))</bdi></a>"
        let approved = item.approved
        note += approved.isEmpty ? " <span class=\"none\">no approved translation</span>"
            : " → " + approved.map { "<bdi class=\"approved\" lang=\"\(attr(sheet.targetLanguage))\">\(text($0.term))</bdi>" }.joined(separator: "; ")
        for translation in item.deprecated {
            note += " " + deprecated(translation)
        }
        return note + "</li>"
    }

    func deprecated(_ translation: Translation) -> String {
        var html = "<span class=\"deprecated\"><s lang=\"\(attr(sheet.targetLanguage))\">\(text(translation.term))</s> "
            + "<strong class=\"dnu\">do not use</strong>"
        if let note = translation.note { html += " (\(text(note)))" }
        return html + "</span>"
    }

    // MARK: glossary

    mutating func glossary() {
        line("<section id=\"glossary\">")
        line("<h2>Glossary extract</h2>")
        if sheet.glossary.isEmpty {
            line("<p class=\"none\">No glossary term occurs in the text.</p>")
            line("</section>")
            return
        }
        line("<table class=\"glossary\">")
        line("<thead><tr><th scope=\"col\">Term (\(text(sheet.sourceLanguage)))</th><th scope=\"col\">Translations (\(text(sheet.targetLanguage)))</th>"
            + "<th scope=\"col\">Definition and note</th><th scope=\"col\">Segments</th></tr></thead>")
        line("<tbody>")
        for item in sheet.glossary {
            out += "<tr id=\"\(attr(item.id))\">"
            out += "<td lang=\"\(attr(sheet.sourceLanguage))\"><span class=\"term\">\(text(item.term))</span>"
            if let partOfSpeech = item.partOfSpeech { out += " <span class=\"pos\">\(text(partOfSpeech))</span>" }
            out += "</td><td>"
            var translations = item.approved.map { translation -> String in
                var html = "<bdi class=\"approved\" lang=\"\(attr(sheet.targetLanguage))\">\(text(translation.term))</bdi>"
                if translation.status == .admitted { html += " <span class=\"label\">admitted</span>" }
                if let note = translation.note { html += " (\(text(note)))" }
                return html
            }
            translations += item.deprecated.map(deprecated)
            out += translations.isEmpty ? "<span class=\"none\">no translation</span>"
                : "<ul><li>" + translations.joined(separator: "</li><li>") + "</li></ul>"
            out += "</td><td>"
            if let definition = item.definition { out += "<p>\(text(definition))</p>" }
            if let note = item.note { out += "<p class=\"note\">Note: \(text(note))</p>" }
            out += "</td><td>"
            out += item.segments.map { "<a href=\"#s\($0)\">\($0)</a>" }.joined(separator: ", ")
            line("</td></tr>")
        }
        line("</tbody>")
        line("</table>")
        line("</section>")
    }
}

/// The page's style sheet: screen colours with enough contrast (dark text on light backgrounds), and
/// for print the same meaning without colour.
enum HTMLStyle {
    static let css = """
    :root { color-scheme: light; }
    body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 15px; line-height: 1.5;
           color: #1a1a1a; background: #ffffff; margin: 1.5em; }
    h1 { font-size: 1.5em; margin: 0 0 .5em; }
    h2 { font-size: 1.2em; margin: 1.5em 0 .5em; border-bottom: 1px solid #999; }
    .file { font-family: "DejaVu Sans Mono", monospace; }
    dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .2em 1em; margin: 0; }
    dl.facts dt { font-weight: bold; }
    dl.facts dd { margin: 0; overflow-wrap: anywhere; }
    ul.metadata { margin: 0; padding-left: 1.2em; }
    .key { font-family: "DejaVu Sans Mono", monospace; color: #444; }
    .none { color: #595959; font-style: italic; }
    ol.summary li { margin-bottom: .3em; }
    ul.legend { list-style: none; padding: 0; columns: 2; }
    ul.legend li { margin-bottom: .3em; break-inside: avoid; }
    ul.legend .badge { display: inline-block; margin-top: 0; }
    table { border-collapse: collapse; width: 100%; table-layout: fixed; }
    th, td { border: 1px solid #8c8c8c; padding: .4em .5em; vertical-align: top; text-align: left;
             overflow-wrap: anywhere; }
    thead th { background: #e8e8e8; }
    col.c-num { width: 4.5em; } col.c-src { width: 36%; } col.c-tgt { width: 32%; } col.c-notes { width: auto; }
    td.id a { font-weight: bold; color: #1a1a1a; text-decoration: none; }
    td.target { background: #fbfbf4; border: 2px dashed #7a7a7a; min-height: 3em; height: 3em; }
    td.notes { font-size: .85em; }
    td.notes ul, table.glossary ul { margin: 0; padding-left: 1em; }
    .label { font-variant: small-caps; color: #4d4d4d; }
    .badge { display: block; width: max-content; margin-top: .3em; padding: 0 .3em; font-size: .75em;
             border: 1px solid #555; border-radius: 3px; }
    .badge.summary { background: #fff0a6; font-weight: bold; }
    tr.kind-heading td.source { font-weight: bold; font-size: 1.05em; }
    tr.kind-teaser td.source, tr.kind-dateline td.source { font-style: italic; }
    tr.in-summary td.id { border-left: 5px solid #b8860b; }
    .term { font-weight: bold; background: #fff0a6; text-decoration: underline solid #6b5900; }
    .term.warn { background: #ffdcd2; text-decoration: underline wavy #b3261e; }
    .name { border-bottom: 2px solid; }
    .name.per { border-bottom-color: #1f5fbf; }
    .name.loc { border-bottom-style: double; border-bottom-width: 3px; border-bottom-color: #1b7f3b; }
    .name.org { border-bottom-style: dashed; border-bottom-color: #7a3fb0; }
    .name.oth { border-bottom-style: dotted; border-bottom-color: #5c5c5c; }
    .num { outline: 1px dotted #1b6b45; background: #dcf2e6; }
    .quote.direct { font-style: italic; background: #e3ecff; }
    .quote.reported { border-top: 2px dotted #6a3d9a; background: #f1e9f8; }
    .deprecated s { color: #7a1b14; }
    .dnu { color: #b3261e; text-transform: uppercase; font-size: .8em; }
    .approved { font-weight: bold; }
    .pos, .latin { color: #4d4d4d; }
    table.glossary td:first-child { width: 22%; }
    table.glossary td:last-child { width: 10%; }
    a { color: #0b4f9c; }
    @page { size: A4 landscape; margin: 1.5cm; }
    @media print {
      body { margin: 0; font-size: 10pt; }
      table { width: 99%; }
      * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
      a { color: inherit; text-decoration: none; }
      a[href]::after { content: none !important; }
      thead { display: table-header-group; }
      tr, li { break-inside: avoid; page-break-inside: avoid; }
      h2 { break-after: avoid; page-break-after: avoid; }
      td.target { background: none; }
      .term, .term.warn { background: none; }
      .quote.direct, .quote.reported, .num { background: none; }
      .dnu { font-weight: bold; }
    }

    """
}
