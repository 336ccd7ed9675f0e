import Kernsatz
import Foundation

/// The translator's notes both XLIFF writers carry: the header (languages, date, teaser, counts,
/// summary) and, per segment, counts, names, numbers, quotes and glossary warnings.
///
/// Plain text, not yet escaped: the writers escape every note when they write it.
///
///     XLIFFNotes.segment(segment, in: sheet, approved: false)
///     // [Note(category: "counts", text: "counts: 9 words, 58 characters"),
///     //  Note(category: "name", text: "name: Mark Rutte (PER)"), …]
enum XLIFFNotes {
    struct Note: Equatable {
        /// counts, language, date, teaser, dateline, metadata, glossaries, summary, name, number,
        /// quote, glossary, do-not-use.
        var category: String
        var text: String
    }

    /// File-level notes, in a fixed order.
    static func header(_ sheet: Worksheet) -> [Note] {
        var notes: [Note] = []
        let how = sheet.languageIdentified ? "identified from the text" : "given"
        notes.append(Note(category: "language", text: "source language: \(sheet.sourceLanguage) (\(how)); target language: \(languageTag(sheet.targetLanguage))"))
        if let date = sheet.date { notes.append(Note(category: "date", text: "date: \(date)")) }
        if let teaser = sheet.teaser { notes.append(Note(category: "teaser", text: "teaser: \(teaser)")) }
        if let dateline = sheet.dateline { notes.append(Note(category: "dateline", text: "dateline: \(dateline)")) }
        for field in sheet.metadata {
            notes.append(Note(category: "metadata", text: "metadata \(field.key): \(field.value)"))
        }
        notes.append(Note(category: "counts", text: "counts: total \(counts(sheet.counts)); \(Counting.phrase(sheet.segments.count, "segment"))"))
        if !sheet.glossaries.isEmpty {
            notes.append(Note(category: "glossaries", text: "glossaries searched: \(sheet.glossaries.joined(separator: ", "))"))
        }
        let summary = sheet.summarySegments
        if !summary.isEmpty {
            let ids = summary.map { String($0.id) }.joined(separator: ", ")
            notes.append(Note(category: "summary", text: "summary (segments \(ids)): \(summary.map(\.source).joined(separator: " "))"))
        }
        return notes
    }

    /// A segment's notes: counts, then names, numbers, quotes and glossary notes in text order.
    /// - Parameter approved: whether to list each term's approved translations (XLIFF 1.2 has no
    ///   glossary element for them; XLIFF 2.1 puts them in `gls:glossary`).
    static func segment(_ segment: Segment, in sheet: Worksheet, approved: Bool) -> [Note] {
        var notes = [Note(category: "counts", text: "counts: " + counts(segment.counts) + (segment.inSummary ? "; in the summary" : ""))]
        for name in segment.entities {
            var text = "name: \(name.text) (\(name.type.rawValue))"
            if let latin = name.latin { text += ", Latin: \(latin)" }
            notes.append(Note(category: "name", text: text))
        }
        for measure in segment.measures {
            var text = "\(measure.kind.rawValue): \(measure.text)"
            if let rendering = measure.rendering { text += " → \(languageTag(sheet.targetLanguage)): \(rendering)" }
            notes.append(Note(category: "number", text: text))
        }
        for quote in segment.quotes {
            let speaker = quote.speaker.map { ", speaker: \($0)" } ?? ", no speaker named"
            notes.append(Note(category: "quote", text: "quote (\(quote.kind.rawValue)\(speaker)): \(quote.text)"))
        }
        for item in items(of: segment, in: sheet) {
            let found = segment.terms.filter { $0.entry == item.id }.map(\.text)
            let heading = "term: \(uniqued(found).joined(separator: ", ")) (glossary: \(item.term))"
            if approved {
                let list = item.approved.map(translation).joined(separator: "; ")
                notes.append(Note(category: "glossary", text: heading + " → " + (list.isEmpty ? "no approved translation into \(languageTag(sheet.targetLanguage))" : list)))
            } else if item.approved.isEmpty {
                notes.append(Note(category: "glossary", text: heading + ": no approved translation into \(languageTag(sheet.targetLanguage))"))
            }
            for bad in item.deprecated {
                let why = bad.note.map { ": \($0)" } ?? ""
                notes.append(Note(category: "do-not-use", text: "do not use: \(bad.term) (for \(item.term))\(why)"))
            }
        }
        return notes
    }

    /// The glossary items of a segment's terms, in order of first occurrence in the segment.
    static func items(of segment: Segment, in sheet: Worksheet) -> [GlossaryItem] {
        let ids = uniqued(segment.terms.sorted { $0.start < $1.start }.map(\.entry))
        return ids.compactMap { sheet.glossaryItem($0) }
    }

    /// „security guarantee“, „safety guarantee (admitted: not in defence)“.
    static func translation(_ translation: Translation) -> String {
        var extra: [String] = []
        if translation.status != .preferred { extra.append(translation.status.rawValue) }
        if let note = translation.note, !note.isEmpty { extra.append(note) }
        return extra.isEmpty ? translation.term : "\(translation.term) (\(extra.joined(separator: ": ")))"
    }

    static func counts(_ counts: Counts) -> String { Counting.words(counts) }

    /// A language tag as `xs:language` wants it ("en_GB" → "en-GB"); "und" when it is not one.
    static func languageTag(_ tag: String) -> String {
        let dashed = tag.replacingOccurrences(of: "_", with: "-")
        let parts = dashed.split(separator: "-", omittingEmptySubsequences: false)
        let valid = !parts.isEmpty && parts.allSatisfy { (1...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }
            && parts[0].allSatisfy(\.isLetter)
        return valid ? dashed : "und"
    }

    private static func uniqued(_ values: [String]) -> [String] {
        var seen: Set<String> = []
        return values.filter { seen.insert($0).inserted }
    }
}
