import Foundation
import KernsatzText
import KernsatzWorksheet

/// `index.html`: the page a newcomer opens first. Every file with its summary, glossary terms,
/// warnings and links to its worksheets; the failures with their reasons; the glossary terms across
/// the batch and the term candidates. One self-contained page: no scripts, nothing loaded.
struct IndexPage {
    let batch: Batch
    let summary: BatchSummary
    let settings: BatchSettings

    init(batch: Batch, summary: BatchSummary, settings: BatchSettings) {
        self.batch = batch
        self.summary = summary
        self.settings = settings
    }

    private func text(_ string: String) -> String { Self.text(string) }
    private static func text(_ string: String) -> String {
        // Most titles, summaries and paths have nothing to escape or drop: no copy for them.
        string.utf8.allSatisfy({ Self.keptInText($0) }) ? string : XMLText.escape(string)
    }

    /// UTF-8 bytes that `XMLText.escape` copies as they are, whatever surrounds them: not `&`, `<`,
    /// `>`, nor C0 controls but tab, line feed and carriage return, nor 0xEF (which leads U+FFFE and U+FFFF).
    private static func keptInText(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x26, 0x3C, 0x3E, 0xEF: return false
        case 0x09, 0x0A, 0x0D: return true
        default: return byte >= 0x20
        }
    }

    private static func attr(_ string: String) -> String {
        // Links of letters, digits and path characters have nothing to escape: no copy for them.
        string.utf8.allSatisfy({ Self.keptInText($0) && !Self.escapedInAttribute($0) }) ? string : XMLText.attribute(string)
    }

    /// Bytes `XMLText.attribute` escapes beyond what `XMLText.escape` does: quotes, tab, line feed, carriage return.
    private static func escapedInAttribute(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x22, 0x27, 0x09, 0x0A, 0x0D: return true
        default: return false
        }
    }

    /// A relative link to a file below the output folder, each path component percent-encoded
    /// (`:` too: „a:b.xlf“ would otherwise be read as a URL with the scheme `a`).
    static func href(_ path: String) -> String {
        // Paths of letters, digits and the path characters percent-encoding leaves alone come back unchanged.
        if path.utf8.allSatisfy({ Self.keptInHref($0) }) { return path }
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "/?#;%:")
        return path.split(separator: "/", omittingEmptySubsequences: false)
            .map { $0.addingPercentEncoding(withAllowedCharacters: allowed) ?? String($0) }.joined(separator: "/")
    }

    /// ASCII bytes of `CharacterSet.urlPathAllowed` less "?#;%:", and the "/" between segments.
    private static func keptInHref(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: return true
        case UInt8(ascii: "!"), UInt8(ascii: "$"), UInt8(ascii: "&"), UInt8(ascii: "'"), UInt8(ascii: "("), UInt8(ascii: ")"),
             UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: ","), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "="),
             UInt8(ascii: "@"), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"): return true
        default: return false
        }
    }

    func head() -> String {
        let options = batch.options
        let counts = [(summary.total == 1 ? "file" : "files", summary.total), ("done", summary.done), ("up to date", summary.upToDate),
                      ("failed", summary.failed), ("not processed", summary.skipped + summary.notStarted)]
        var html = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src 'none'">
            <title>Kernsatz batch: \(Counting.phrase(summary.total, "file"))</title>
            <style>\(Self.css)</style>
            </head>
            <body>
            <header>
            <h1>Kernsatz batch</h1>
            <p class="facts">\(text(batch.inputs.joined(separator: ", "))) → \(text(batch.output)) · \
            \(text(Report.timestamp(Date()))) · \(String(format: "%.1f", summary.seconds)) s</p>
            <p class="counts">
            """
        html += counts.map { "<span class=\"count\(($0.0 == "failed" && $0.1 > 0) ? " bad" : "")\"><b>\($0.1)</b> \($0.0)</span>" }
            .joined(separator: " ")
        html += """
            </p>
            <p class="facts">Formats: \(text(options.formats.map(\.rawValue).joined(separator: ", "))) · \
            target language: \(text(options.targetLanguage)) · summary: \(Counting.phrase(options.summarySentences, "sentence")) · \
            glossaries: \(text(options.glossaryNames.isEmpty ? "none" : options.glossaryNames.joined(separator: ", ")))</p>
            <nav><a href="#files">Files</a> · <a href="#failures">Failures</a> · <a href="#terms">Glossary terms</a> · \
            <a href="#candidates">Term candidates</a> · <a href="#skipped">Not processed</a> · \
            <a href="manifest.json">manifest.json</a> · <a href="manifest.csv">manifest.csv</a> · \
            <a href="terms.csv">terms.csv</a> · <a href="term-candidates.csv">term-candidates.csv</a></nav>
            </header>
            <main>
            <h2 id="files">Files</h2>
            <table class="files">
            <thead><tr><th>File</th><th>Language</th><th>Words</th><th>Summary</th><th>Glossary terms</th><th>Worksheets</th></tr></thead>
            <tbody>

            """
        return html
    }

    /// One file's row (made by the worker that did the file, so the report only copies it).
    static func row(_ record: FileRecord) -> String {
        var html = "<tr id=\"f\((record.order ?? 0) + 1)\"><td class=\"file\"><b>\(text(record.path))</b>"
        if let title = record.title, !title.isEmpty { html += "<br><span class=\"title\">\(text(title))</span>" }
        if record.status == .upToDate { html += "<br><span class=\"note\">up to date (not processed again)</span>" }
        if let reason = record.reason { html += "<br><span class=\"note\">\(text(reason))</span>" }
        for warning in record.warnings { html += "<br><span class=\"warning\">⚠ \(text(warning))</span>" }
        html += "</td><td>\(text(record.language ?? ""))</td><td class=\"num\">\(record.words ?? 0)</td><td>"
        if let summary = record.summary, !summary.isEmpty {
            html += "<ol class=\"summary\">" + summary.map { "<li>\(text($0))</li>" }.joined() + "</ol>"
        }
        html += "</td><td>"
        let terms = record.terms ?? []
        if !terms.isEmpty {
            html += "<ul class=\"terms\">" + terms.map { term in
                "<li><span class=\"term\">\(text(term.term))</span>\(term.count > 1 ? " ×\(term.count)" : "")"
                    + (term.targets.isEmpty ? "" : " → \(text(term.targets.joined(separator: ", ")))") + "</li>"
            }.joined() + "</ul>"
        }
        html += "</td><td class=\"links\">"
        html += record.outputs.map { "<a href=\"\(attr(Self.href($0.path)))\">\(text($0.format.rawValue))</a>" }.joined(separator: " ")
        return html + "</td></tr>\n"
    }

    /// A row of the page's list of failures or of files not processed.
    static func listRow(path: String, reason: String) -> String {
        "<tr><td>\(text(path))</td><td>\(text(reason))</td></tr>\n"
    }

    // The page after the files' rows, in the order written: `failuresStart`, the failures' rows
    // (`listRow`), `failuresEnd`, `terms`, `skippedStart`, the rows of the files not processed, `end`.

    func failuresStart(rows: Int, failures: Int) -> String {
        var html = rows == 0 ? "<tr><td colspan=\"6\">No file was processed.</td></tr>\n" : ""
        html += "</tbody></table>\n<h2 id=\"failures\">Failures</h2>\n"
        if failures == 0 && summary.notStarted == 0 {
            html += "<p>None.</p>\n"
        } else {
            html += "<table class=\"failures\"><thead><tr><th>File</th><th>Reason</th></tr></thead><tbody>\n"
        }
        return html
    }

    func failuresEnd(failures: Int) -> String {
        guard failures > 0 || summary.notStarted > 0 else { return "" }
        var html = ""
        if summary.notStarted > 0 {
            html += "<tr><td>\(summary.notStarted) more</td><td>not processed: the batch stopped at the first failure (--fail-fast)</td></tr>\n"
        }
        return html + "</tbody></table>\n"
    }

    func terms(_ terms: [(key: String, value: TermTotal)], pathOf: (Int) -> String?, candidates: [CandidateTotal]) -> String {
        var html = "<h2 id=\"terms\">Glossary terms</h2>\n"
        if terms.isEmpty {
            html += "<p>No glossary term occurs in these files.</p>\n"
        } else {
            html += "<p>Which glossary terms occur in which files (all of them in <a href=\"terms.csv\">terms.csv</a>).</p>\n"
            html += "<table class=\"glossary\"><thead><tr><th>Term</th><th>Translations</th><th>Files</th><th>Occurrences</th><th>In</th></tr></thead><tbody>\n"
            for (term, total) in terms {
                let shown = total.firstFiles.compactMap(pathOf).map { text($0) }.joined(separator: ", ")
                html += "<tr><td class=\"term\">\(text(term))</td><td>\(text(total.targets.joined(separator: ", ")))</td>"
                    + "<td class=\"num\">\(total.fileCount)</td><td class=\"num\">\(total.count)</td><td class=\"in\">\(shown)"
                    + (total.fileCount > TermTotal.shownFiles ? " and \(total.fileCount - TermTotal.shownFiles) more" : "") + "</td></tr>\n"
            }
            html += "</tbody></table>\n"
        }
        html += "<h2 id=\"candidates\">Term candidates</h2>\n"
        if candidates.isEmpty {
            html += "<p>None seen \(Counting.phrase(batch.options.candidateMinimumCount, "time")) or more (German texts only).</p>\n"
        } else {
            html += "<p>Compounds and names the glossary lacks, seen \(Counting.phrase(batch.options.candidateMinimumCount, "time")) or more across the batch "
                + "(German texts; all of them in <a href=\"term-candidates.csv\">term-candidates.csv</a>).</p>\n"
            html += "<table class=\"candidates\"><thead><tr><th>Candidate</th><th>Kind</th><th>Occurrences</th><th>First in</th><th>Context</th></tr></thead><tbody>\n"
            for candidate in candidates.prefix(200) {
                html += "<tr><td class=\"term\">\(text(candidate.text))</td><td>\(text(candidate.kind))</td><td class=\"num\">\(candidate.count)</td>"
                    + "<td>\(text(candidate.source))</td><td class=\"context\">\(text(candidate.context))</td></tr>\n"
            }
            html += "</tbody></table>\n"
        }
        return html
    }

    func skippedStart(skipped: Int) -> String {
        "<h2 id=\"skipped\">Not processed</h2>\n"
            + (skipped == 0 ? "<p>Nothing left out.</p>\n"
                : "<table class=\"skipped\"><thead><tr><th>File</th><th>Why</th></tr></thead><tbody>\n")
    }

    func end(skipped: Int) -> String {
        (skipped == 0 ? "" : "</tbody></table>\n") + "</main>\n</body>\n</html>\n"
    }

    static let css = """
        body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1b1b1b;background:#fafafa}
        header{background:#fff;border-bottom:1px solid #ddd;padding:1em 2em}
        h1{margin:0 0 .2em;font-size:1.5em}
        h2{margin:1.6em 0 .5em;font-size:1.2em}
        main{padding:0 2em 3em}
        .facts{color:#555;margin:.2em 0}
        .counts .count{display:inline-block;margin-right:1em}
        .counts .bad b{color:#b00020}
        nav{margin-top:.6em}
        table{border-collapse:collapse;width:100%;background:#fff}
        th,td{border:1px solid #ddd;padding:.35em .5em;vertical-align:top;text-align:left}
        th{background:#f0f0f0;position:sticky;top:0}
        td.num{text-align:right;white-space:nowrap}
        td.file{min-width:14em;word-break:break-word}
        .title{color:#555}
        .warning{color:#8a5300}
        .note{color:#555;font-style:italic}
        ol.summary{margin:0;padding-left:1.3em}
        ul.terms{margin:0;padding-left:1em}
        .term{background:#fff3b0}
        td.links a{display:inline-block;margin-right:.4em}
        td.in,td.context{color:#444;font-size:.92em}
        table.failures td:last-child{color:#b00020}
        """
}
