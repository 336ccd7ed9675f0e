import Kernsatz

/// A segment's notes as short lines of text, the same in every format that has a notes column
/// (CSV, Markdown; HTML, DOCX and XLIFF lay them out their own way from the same parts).
public struct WorksheetNotes: Sendable, Equatable {
    /// „Sicherheitsgarantien → security guarantees“ (source as written → approved translations);
    /// „Bündnisstaaten (Bündnis) → alliance“ when the text has another form than the entry.
    public var terms: [String] = []
    /// „Sicherheitsgarantien: safety guarantees“ — deprecated translations, not to be used.
    public var doNotUse: [String] = []
    /// „Mark Rutte (PER)“, „Путин (PER, Putin)“.
    public var names: [String] = []
    /// „1,1 Millionen → 1.1 million“; „2027“ alone when the target writes it the same.
    public var numbers: [String] = []
    /// „„Ich möchte …“ — der 58-Jährige“ (direct), „reported: … — Rutte“.
    public var quotes: [String] = []

    public init(_ segment: Segment, in sheet: Worksheet) {
        for mark in segment.terms {
            guard let item = sheet.glossaryItem(mark.entry) else { continue }
            let approved = item.approved.map(\.term)
            // A compound or another form names its entry: „Bündnisstaaten (Bündnis) → alliance“.
            let found = mark.text == item.term ? mark.text : "\(mark.text) (\(item.term))"
            terms.append("\(found) → \(approved.isEmpty ? "(no \(sheet.targetLanguage) translation)" : approved.joined(separator: " / "))")
            let deprecated = item.deprecated.map(\.term)
            if !deprecated.isEmpty { doNotUse.append("\(found): \(deprecated.joined(separator: " / "))") }
        }
        for mark in segment.entities {
            names.append("\(mark.text) (\(mark.type.rawValue)\(mark.latin.map { ", \($0)" } ?? ""))")
        }
        for mark in segment.measures {
            if let rendering = mark.rendering, rendering != mark.text {
                numbers.append("\(mark.text) → \(rendering)")
            } else {
                numbers.append(mark.text)
            }
        }
        for mark in segment.quotes {
            let who = mark.speaker.map { " — \($0)" } ?? ""
            quotes.append(mark.kind == .direct ? "„\(mark.text)“\(who)" : "\(mark.kind.rawValue): \(mark.text)\(who)")
        }
    }

    public var isEmpty: Bool {
        terms.isEmpty && doNotUse.isEmpty && names.isEmpty && numbers.isEmpty && quotes.isEmpty
    }
}
