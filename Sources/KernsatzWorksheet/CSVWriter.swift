/// A worksheet as a spreadsheet: RFC 4180 CSV in UTF-8 with a byte order mark (so Excel reads it
/// as UTF-8), CRLF line ends, one row per segment under a header row.
///
/// Formula injection: a cell that would start with `=`, `+`, `-`, `@`, a tab or a carriage return
/// (after any other white space) is read as a formula by spreadsheet programs; such cells get a
/// leading apostrophe (`'=SUM(…)`, `' =SUM(…)`),
/// which the programs show as text and which keeps the cell's content visible.
public enum CSVWriter {
    public static let columns = ["segment", "kind", "summary", "source", "target", "words", "characters",
                                 "terms", "do not use", "names", "numbers", "quotes"]

    public static func write(_ sheet: Worksheet) -> String {
        var out = "\u{FEFF}"
        out += row(columns)
        for segment in sheet.segments {
            let notes = WorksheetNotes(segment, in: sheet)
            out += row([
                "\(segment.id)", segment.kind.rawValue, segment.inSummary ? "yes" : "",
                segment.source, segment.target, "\(segment.counts.words)", "\(segment.counts.characters)",
                notes.terms.joined(separator: "; "), notes.doNotUse.joined(separator: "; "),
                notes.names.joined(separator: "; "), notes.numbers.joined(separator: "; "),
                notes.quotes.joined(separator: "; "),
            ])
        }
        return out
    }

    /// One CSV row (CRLF) of neutralized, quoted cells: also what the batch report's CSV files use.
    public static func row(_ cells: [String]) -> String {
        cells.map(cell).joined(separator: ",") + "\r\n"
    }

    /// One field: neutralized, then quoted when it holds a comma, a quote or a line break.
    /// Both look at scalars, not characters: „,“ or `"` followed by a combining mark is one
    /// `Character` but still a separator or a quote to a CSV reader. (In UTF-8 these ASCII scalars
    /// are bytes of their own, so the bytes are searched and copied.)
    static func cell(_ value: String) -> String {
        var text = value
        // Spreadsheets may trim leading white space before they look for a formula (" =1+1").
        let start = text.unicodeScalars.first { !($0.properties.isWhitespace && $0 != "\t" && $0 != "\r") }
        switch start {
        case "=", "+", "-", "@", "\t", "\r": text = "'" + text
        default: break
        }
        let quote = UInt8(ascii: "\"")
        guard text.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == quote || $0 == 0x0A || $0 == 0x0D }) else { return text }
        var quoted: [UInt8] = [quote]
        quoted.reserveCapacity(text.utf8.count + 8)
        for byte in text.utf8 {
            quoted.append(byte)
            if byte == quote { quoted.append(quote) }
        }
        quoted.append(quote)
        return String(decoding: quoted, as: UTF8.self)
    }
}
