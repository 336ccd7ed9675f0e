import KernsatzText

/// A worksheet as XLIFF 2.1 with the glossary module (`gls`): one unit per block (teaser,
/// dateline, heading, paragraph, list item) with a segment per sentence, the skeleton merge
/// rebuilds the document from, terms marked in the source and explained in the unit's glossary,
/// everything else a translator should know in notes.
///
///     XLIFF2Writer.write(sheet)
///     // <?xml version="1.0" encoding="UTF-8"?>
///     // <xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" xmlns:gls="urn:oasis:names:tc:xliff:glossary:2.0" version="2.1" srcLang="de" trgLang="en">
///     //   <file id="f1" original="a.txt">
///     //     <skeleton>kernsatz-skeleton 1 text
///     //  date 2025-12-23 {kz:1}
///     //
///     // {kz:2} – {kz:3} {kz:4}
///     // </skeleton>
///     //     <notes> … </notes>
///     //     <unit id="u3" name="paragraph" type="kz:paragraph">
///     //       <gls:glossary>
///     //         <gls:glossEntry id="ge3_1" ref="#m3_1">
///     //           <gls:term source="shipped">Sicherheitsgarantie</gls:term>
///     //           <gls:translation source="shipped">security guarantee</gls:translation>
///     //         </gls:glossEntry>
///     //       </gls:glossary>
///     //       <notes>
///     //         <note category="counts">segment 3: counts: 22 words, 156 characters</note> …
///     //       </notes>
///     //       <segment id="s3">
///     //         <source xml:space="preserve">… <mrk id="m3_1" type="term" ref="#gls=ge3_1">Sicherheitsgarantien</mrk> …</source>
///     //         <target/>
///     //       </segment>
///     //       <segment id="s4"> … </segment>
///     //     </unit>
///
/// Ids: unit `u<K>` (K counts the blocks from 1; the dateline is a block of its own), its kind in
/// `name` and `type` (`kz:<kind>`); segment `s<N>` (N = `Segment.id`), term marks `m<N>_<k>` and
/// their glossary entries `ge<N>_<k>` (k counts the segment's terms from 1): unique in the file,
/// valid NMTOKENs. In a unit of several segments each note says which segment it is about
/// („segment 4: …“). The schema's order is kept: the skeleton first in the file, file notes before
/// the units; in a unit `gls:glossary` (an extension element), then `notes`, then the segments.
/// Targets stay empty. OmegaT 3.6 has no XLIFF 2 filter: it imports the 1.2 file (`XLIFF12Writer`).
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
        var skeleton = "    <skeleton>"
        sheet.skeletonOrLayout.render { piece in
            skeleton += XMLText.escape(piece)
            if skeleton.utf8.count >= 1 << 16 { out.raw(skeleton); skeleton = ""; chunks(out.take()) }
        }
        out.raw(skeleton + "</skeleton>\n")
        notes(XLIFFNotes.header(sheet), level: 2, into: &out)
        if sheet.segments.isEmpty {
            out.line(2, #"<unit id="u0" name="empty" translate="no">"#)
            out.line(3, #"<segment id="s0">"#)
            out.line(4, "<source/>")
            out.line(3, "</segment>")
            out.line(2, "</unit>")
        }
        for (number, block) in BlockRuns(sheet.segments, datelineAlone: true).enumerated() {
            unit(number + 1, sheet.segments[block.segments], kind: block.kind, in: sheet, into: &out, chunks: chunks)
            if out.text.utf8.count >= 1 << 16 { chunks(out.take()) }
        }
        out.line(1, "</file>")
        out.line(0, "</xliff>")
        chunks(out.take())
    }

    /// Block `number`'s unit: the glossary entries and notes of its segments, then the segments.
    /// A block may hold a million segments (a text without paragraphs): the unit is written in
    /// pieces (`chunks`) and nothing is kept per segment while it is.
    private static func unit(_ number: Int, _ segments: ArraySlice<Segment>, kind: SegmentKind, in sheet: Worksheet,
                             into out: inout XMLLines, chunks: (String) -> Void) {
        func flush() { if out.text.utf8.count >= 1 << 16 { chunks(out.take()) } }
        let source = sheet.glossaries.isEmpty ? "" : #" source="\#(XMLText.attribute(sheet.glossaries.joined(separator: ", ")))""#
        out.line(2, #"<unit id="u\#(number)" name="\#(kind.rawValue)" type="kz:\#(kind.rawValue)">"#)
        if segments.contains(where: { !entries(of: $0, in: sheet).isEmpty }) {
            out.line(3, "<gls:glossary>")
            for segment in segments where !segment.terms.isEmpty {
                let n = segment.id
                for (k, item) in entries(of: segment, in: sheet) {
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
                flush()
            }
            out.line(3, "</gls:glossary>")
        }
        // Every segment has a counts note, so a unit always has notes.
        out.line(3, "<notes>")
        for segment in segments {
            // In a unit of several segments, each note names its segment.
            let prefix = segments.count == 1 ? "" : "segment \(segment.id): "
            for note in XLIFFNotes.segment(segment, in: sheet, approved: false) {
                out.line(4, #"<note category="\#(XMLText.attribute(note.category))">\#(XMLText.escape(prefix + note.text))</note>"#)
            }
            flush()
        }
        out.line(3, "</notes>")
        for segment in segments {
            let n = segment.id
            out.line(3, #"<segment id="s\#(n)">"#)
            let withEntry = segment.terms.isEmpty ? [] : Set(entries(of: segment, in: sheet).map(\.k))
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
            flush()
        }
        out.line(2, "</unit>")
    }

    /// A segment's term marks that get a glossary entry (an approved translation or a definition),
    /// with k, the mark's number in the segment (its term runs counted from 1 in text order).
    private static func entries(of segment: Segment, in sheet: Worksheet) -> [(k: Int, item: GlossaryItem)] {
        guard !segment.terms.isEmpty else { return [] }
        var k = 0
        var entries: [(k: Int, item: GlossaryItem)] = []
        for piece in segment.termRuns {
            guard let term = piece.term else { continue }
            k += 1
            guard let item = sheet.glossaryItem(segment.terms[term].entry),
                  !item.approved.isEmpty || !(item.definition ?? "").isEmpty else { continue }
            entries.append((k, item))
        }
        return entries
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

    /// Text as it is (no indentation, no line end).
    mutating func raw(_ content: String) {
        text += content
    }

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
