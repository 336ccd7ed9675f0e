import KernsatzText

/// A worksheet as XLIFF 2.1 with the glossary module (`gls`): one unit per segment, terms marked
/// in the source and explained in the unit's glossary, everything else a translator should know
/// in notes.
///
///     XLIFF2Writer.write(sheet)
///     // <?xml version="1.0" encoding="UTF-8"?>
///     // <xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" xmlns:gls="urn:oasis:names:tc:xliff:glossary:2.0" version="2.1" srcLang="de" trgLang="en">
///     //   <file id="f1" original="a.txt">
///     //     <notes> … </notes>
///     //     <unit id="u1" name="paragraph">
///     //       <gls:glossary>
///     //         <gls:glossEntry id="ge1_1" ref="#m1_1">
///     //           <gls:term source="shipped">Sicherheitsgarantie</gls:term>
///     //           <gls:translation source="shipped">security guarantee</gls:translation>
///     //         </gls:glossEntry>
///     //       </gls:glossary>
///     //       <notes> … </notes>
///     //       <segment id="s1">
///     //         <source xml:space="preserve">… <mrk id="m1_1" type="term" ref="#gls=ge1_1">Sicherheitsgarantien</mrk> …</source>
///     //         <target/>
///     //       </segment>
///     //     </unit>
///
/// Ids: unit `u<N>`, segment `s<N>` (N = `Segment.id`), term marks `m<N>_<k>` and their glossary
/// entries `ge<N>_<k>` (k counts the unit's terms from 1): unique in the file, valid NMTOKENs.
/// The schema's order is kept: file notes before the units; in a unit `gls:glossary` (an extension
/// element), then `notes`, then `segment`.
///
/// What the schemas demand, and what follows from it:
/// - a `gls:glossEntry` needs a `gls:translation` or a `gls:definition` (Schematron gls2): a term
///   with neither (no approved translation, no definition) gets no entry, only its `mrk` and a note;
/// - deprecated translations are never `gls:translation`s (a tool would offer them): they are
///   notes of category `do-not-use`;
/// - a file needs at least one unit, and a unit a segment (Schematron F3): an empty worksheet
///   gives one unit `u0` with `translate="no"` and an empty source, which nobody has to translate.
///
/// Text goes through `XMLText` (escaped, XML-illegal characters dropped); the output is
/// deterministic, indented by two spaces, with "\n" line ends and a final newline.
public enum XLIFF2Writer {
    public static let namespace = "urn:oasis:names:tc:xliff:document:2.0"
    public static let glossaryNamespace = "urn:oasis:names:tc:xliff:glossary:2.0"

    public static func write(_ sheet: Worksheet) -> String {
        var text = ""
        write(sheet) { text += $0 }
        return text
    }

    /// The same XLIFF in pieces of about 64 KB, in order, so that a worksheet of a million
    /// segments is never one string in memory (`WorksheetFormat.write(_:to:)`).
    public static func write(_ sheet: Worksheet, chunks: (String) -> Void) {
        var out = XMLLines()
        out.line(0, #"<?xml version="1.0" encoding="UTF-8"?>"#)
        out.line(0, #"<xliff xmlns="\#(namespace)" xmlns:gls="\#(glossaryNamespace)" version="2.1""#
            + #" srcLang="\#(XLIFFNotes.languageTag(sheet.sourceLanguage))" trgLang="\#(XLIFFNotes.languageTag(sheet.targetLanguage))">"#)
        out.line(1, #"<file id="f1" original="\#(XMLText.attribute(sheet.source))">"#)
        notes(XLIFFNotes.header(sheet), level: 2, into: &out)
        if sheet.segments.isEmpty {
            out.line(2, #"<unit id="u0" name="empty" translate="no">"#)
            out.line(3, #"<segment id="s0">"#)
            out.line(4, "<source/>")
            out.line(3, "</segment>")
            out.line(2, "</unit>")
        }
        for segment in sheet.segments {
            unit(segment, in: sheet, into: &out)
            if out.text.utf8.count >= 1 << 16 { chunks(out.take()) }
        }
        out.line(1, "</file>")
        out.line(0, "</xliff>")
        chunks(out.take())
    }

    private static func unit(_ segment: Segment, in sheet: Worksheet, into out: inout XMLLines) {
        let n = segment.id
        let source = sheet.glossaries.isEmpty ? "" : #" source="\#(XMLText.attribute(sheet.glossaries.joined(separator: ", ")))""#
        // The term runs that become marks, numbered k = 1, 2, … in text order.
        var marks: [(k: Int, item: GlossaryItem?)] = []
        for piece in segment.termRuns {
            guard let term = piece.term else { continue }
            marks.append((marks.count + 1, sheet.glossaryItem(segment.terms[term].entry)))
        }
        let entries = marks.filter { mark in
            guard let item = mark.item else { return false }
            return !item.approved.isEmpty || !(item.definition ?? "").isEmpty
        }

        out.line(2, #"<unit id="u\#(n)" name="\#(segment.kind.rawValue)">"#)
        if !entries.isEmpty {
            out.line(3, "<gls:glossary>")
            for (k, item) in entries {
                guard let item else { continue }
                out.line(4, "<gls:glossEntry id=\"ge\(n)_\(k)\" ref=\"#m\(n)_\(k)\">")
                out.line(5, #"<gls:term\#(source)>\#(XMLText.escape(item.term))</gls:term>"#)
                for translation in item.approved {
                    out.line(5, #"<gls:translation\#(source)>\#(XMLText.escape(translation.term))</gls:translation>"#)
                }
                if let definition = item.definition, !definition.isEmpty {
                    out.line(5, #"<gls:definition\#(source)>\#(XMLText.escape(definition))</gls:definition>"#)
                }
                out.line(4, "</gls:glossEntry>")
            }
            out.line(3, "</gls:glossary>")
        }
        notes(XLIFFNotes.segment(segment, in: sheet, approved: false), level: 3, into: &out)
        out.line(3, #"<segment id="s\#(n)">"#)
        let withEntry = Set(entries.map(\.k))
        var k = 0
        var text = ""
        for piece in segment.termRuns {
            guard piece.term != nil else {
                text += XMLText.escape(piece.text)
                continue
            }
            k += 1
            let ref = withEntry.contains(k) ? " ref=\"#gls=ge\(n)_\(k)\"" : ""
            text += #"<mrk id="m\#(n)_\#(k)" type="term"\#(ref)>\#(XMLText.escape(piece.text))</mrk>"#
        }
        out.line(4, #"<source xml:space="preserve">\#(text)</source>"#)
        out.line(4, "<target/>")
        out.line(3, "</segment>")
        out.line(2, "</unit>")
    }

    private static func notes(_ notes: [XLIFFNotes.Note], level: Int, into out: inout XMLLines) {
        guard !notes.isEmpty else { return }
        out.line(level, "<notes>")
        for note in notes {
            out.line(level + 1, #"<note category="\#(XMLText.attribute(note.category))">\#(XMLText.escape(note.text))</note>"#)
        }
        out.line(level, "</notes>")
    }
}

/// Indented lines joined by "\n", ending with one.
struct XMLLines {
    private(set) var text = ""

    mutating func line(_ level: Int, _ content: String) {
        text += String(repeating: "  ", count: level)
        text += content
        text += "\n"
    }

    /// The lines so far; the buffer starts empty again.
    mutating func take() -> String {
        defer { text = "" }
        return text
    }
}
