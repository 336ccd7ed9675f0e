import Foundation
import Kernsatz

/// The forms of a check report (`kernsatz check --format`).
public enum CheckReportFormat: String, Sendable, CaseIterable {
    case text, html, csv, json

    /// The file extension of a report in this form.
    public var fileExtension: String { self == .text ? "txt" : rawValue }
}

/// Writes check reports as text, HTML, CSV or JSON.
///
///     CheckReportWriter.text([report])
///     // nato.xlf: segment 4 (u2): error number: the source's „1,1 Millionen“ is not in the target with its value (en: 1.1 million)
///     // nato.xlf: 23 segments, 1 error, 0 warnings
public enum CheckReportWriter {
    public static func write(_ reports: [CheckReport], as format: CheckReportFormat) -> String {
        switch format {
        case .text: return text(reports)
        case .html: return html(reports)
        case .csv: return csv(reports)
        case .json: return json(reports)
        }
    }

    /// One line per finding, then a count line per file.
    public static func text(_ reports: [CheckReport]) -> String {
        var out = ""
        for report in reports {
            for finding in report.findings {
                out += "\(report.file): segment \(finding.segment) (\(finding.unit)): \(finding.severity.rawValue) \(finding.rule.rawValue): \(oneLine(finding.message))\n"
            }
            out += "\(report.file): \(summary(report))\n"
        }
        return out
    }

    static func summary(_ report: CheckReport) -> String {
        let errors = report.findings.filter { $0.severity == .error }.count
        let warnings = report.findings.count - errors
        return "\(report.segments.count) segment\(report.segments.count == 1 ? "" : "s"), \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")"
    }

    private static func oneLine(_ text: String) -> String {
        text.replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\n", with: " ")
    }

    /// RFC 4180 CSV (UTF-8 with a byte order mark, CRLF), one row per finding, formula-safe cells
    /// (`CSVWriter.row`).
    public static let csvColumns = ["file", "segment", "unit", "severity", "rule", "message", "source", "target", "source spans", "target spans"]

    public static func csv(_ reports: [CheckReport]) -> String {
        var out = "\u{FEFF}" + CSVWriter.row(csvColumns)
        for report in reports {
            let segments = Dictionary(report.segments.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            for finding in report.findings {
                let segment = segments[finding.segment]
                func spans(_ side: CheckSpan.Side) -> String {
                    finding.spans.filter { $0.side == side }.map { "\($0.start)-\($0.end) \($0.text)" }.joined(separator: "; ")
                }
                out += CSVWriter.row([report.file, "\(finding.segment)", finding.unit, finding.severity.rawValue, finding.rule.rawValue,
                                      finding.message, segment?.source ?? "", segment?.target ?? "", spans(.source), spans(.target)])
            }
        }
        return out
    }

    /// A JSON array: per file its languages, counts and findings (spans with Unicode-scalar offsets).
    public static func json(_ reports: [CheckReport]) -> String {
        struct FileJSON: Encodable {
            var file: String
            var sourceLanguage: String
            var targetLanguage: String
            var segments: Int
            var errors: Int
            var warnings: Int
            var findings: [CheckFinding]
        }
        let files = reports.map { report in
            let errors = report.findings.filter { $0.severity == .error }.count
            return FileJSON(file: report.file, sourceLanguage: report.sourceLanguage, targetLanguage: report.targetLanguage,
                            segments: report.segments.count, errors: errors, warnings: report.findings.count - errors,
                            findings: report.findings)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(files) else { return "[]\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// A self-contained HTML page: per file a table of its segments, source and target with the
    /// findings' spans highlighted and the findings listed; every text is escaped.
    public static func html(_ reports: [CheckReport]) -> String {
        var out = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>Kernsatz check</title>
            <style>
            body { font-family: system-ui, sans-serif; margin: 2em; color: #222; }
            table { border-collapse: collapse; width: 100%; margin-bottom: 2em; }
            th, td { border: 1px solid #ccc; padding: .4em .6em; vertical-align: top; text-align: left; }
            tr.error td:first-child { border-left: 4px solid #c00; }
            tr.warning td:first-child { border-left: 4px solid #e90; }
            mark.error { background: #fcc; }
            mark.warning { background: #fe9; }
            ul.findings { margin: 0; padding-left: 1.2em; }
            li.error { color: #900; }
            li.warning { color: #850; }
            .id { white-space: nowrap; color: #666; }
            </style>
            </head>
            <body>
            <h1>Kernsatz check</h1>

            """
        for report in reports {
            out += "<h2>\(XMLText.escape(report.file)) (\(XMLText.escape(report.sourceLanguage)) → \(XMLText.escape(report.targetLanguage)))</h2>\n"
            out += "<p>\(XMLText.escape(summary(report)))</p>\n"
            out += "<table>\n<tr><th>Segment</th><th>Source</th><th>Target</th><th>Findings</th></tr>\n"
            var bySegment: [Int: [CheckFinding]] = [:]
            for finding in report.findings { bySegment[finding.segment, default: []].append(finding) }
            for segment in report.segments {
                let findings = bySegment[segment.id] ?? []
                let level = findings.contains { $0.severity == .error } ? "error" : findings.isEmpty ? "" : "warning"
                out += "<tr\(level.isEmpty ? "" : " class=\"\(level)\"")><td class=\"id\">\(segment.id) <small>\(XMLText.escape(segment.unit))</small></td>"
                let source = XMLText.attribute(report.sourceLanguage), target = XMLText.attribute(report.targetLanguage)
                out += "<td lang=\"\(source)\">\(highlighted(segment.source, findings, side: .source))</td>"
                let shown = segment.target.map { $0.allSatisfy(\.isWhitespace) ? "<em>(empty)</em>" : highlighted($0, findings, side: .target) }
                out += "<td lang=\"\(target)\">\(shown ?? "<em>(no target)</em>")</td><td>"
                if !findings.isEmpty {
                    out += "<ul class=\"findings\">"
                    for finding in findings {
                        out += "<li class=\"\(finding.severity.rawValue)\"><strong>\(finding.rule.rawValue)</strong>: \(XMLText.escape(finding.message))</li>"
                    }
                    out += "</ul>"
                }
                out += "</td></tr>\n"
            }
            out += "</table>\n"
        }
        out += "</body>\n</html>\n"
        return out
    }

    /// The text escaped, with the spans of one side in `<mark>` (overlapping spans joined).
    static func highlighted(_ text: String, _ findings: [CheckFinding], side: CheckSpan.Side) -> String {
        let scalars = Array(text.unicodeScalars)
        var marks: [(range: Range<Int>, severity: CheckSeverity, rules: [String])] = []
        for finding in findings {
            for span in finding.spans where span.side == side {
                let range = max(0, span.start)..<min(scalars.count, max(span.start, span.end))
                if !range.isEmpty { marks.append((range, finding.severity, [finding.rule.rawValue])) }
            }
        }
        marks.sort { $0.range.lowerBound < $1.range.lowerBound }
        var joined: [(range: Range<Int>, severity: CheckSeverity, rules: [String])] = []
        for mark in marks {
            if let last = joined.last, last.range.upperBound > mark.range.lowerBound {
                joined[joined.count - 1] = (last.range.lowerBound..<max(last.range.upperBound, mark.range.upperBound),
                                            last.severity == .error || mark.severity == .error ? .error : .warning,
                                            last.rules + mark.rules.filter { !last.rules.contains($0) })
            } else {
                joined.append(mark)
            }
        }
        var out = ""
        var position = 0
        for mark in joined {
            out += XMLText.escape(CheckText.string(scalars, position..<mark.range.lowerBound))
            out += "<mark class=\"\(mark.severity.rawValue)\" title=\"\(XMLText.attribute(mark.rules.joined(separator: ", ")))\">"
            out += XMLText.escape(CheckText.string(scalars, mark.range)) + "</mark>"
            position = mark.range.upperBound
        }
        out += XMLText.escape(CheckText.string(scalars, position..<scalars.count))
        return out
    }
}
