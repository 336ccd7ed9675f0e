import KernsatzText

/// A worksheet as XLIFF 1.2 (strict schema) that CAT tools import: one `group` per block (teaser,
/// dateline, heading, paragraph, list item) with a `trans-unit` per segment, the skeleton merge
/// rebuilds the document from in the header, terms marked in the source, glossary, names,
/// numbers, quotes and counts as notes and count groups.
///
///     XLIFF12Writer.write(sheet)
///     // <?xml version="1.0" encoding="UTF-8"?>
///     // <xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2">
///     //   <file original="a.txt" source-language="de" target-language="en" datatype="plaintext">
///     //     <header>
///     //       <skl>
///     //         <internal-file form="text/plain">kernsatz-skeleton 1 text
///     //  date 2025-12-23 {kz:1}
///     //
///     // {kz:2} – {kz:3} {kz:4}
///     // </internal-file>
///     //       </skl>
///     //       <tool tool-id="kernsatz" tool-name="Kernsatz"/>
///     //       <count-group name="total"> … </count-group>
///     //       <note from="kernsatz" priority="2">source language: de (given); target language: en</note>
///     //     </header>
///     //     <body>
///     //       <group id="b1" restype="x-teaser"> … </group>
///     //       <group id="b2" restype="x-dateline"> … </group>
///     //       <group id="b3" restype="x-paragraph">
///     //         <trans-unit id="3" restype="x-paragraph" xml:space="preserve">
///     //           <source>… <mrk mtype="term" mid="m3_1" comment="Sicherheitsgarantie → security guarantee">Sicherheitsgarantien</mrk> …</source>
///     //           <target state="needs-translation">… Sicherheitsgarantien …</target>
///     //           <count-group name="s3"> … </count-group>
///     //           <note from="kernsatz" priority="2">term: Sicherheitsgarantien (glossary: Sicherheitsgarantie) → security guarantee</note>
///
/// **For OmegaT.** OmegaT 3.6's XLIFF filter never shows a `source` (it keeps it intact) and
/// translates the text of the `target`: so each target is filled with its source as plain text
/// (no marks) and `state="needs-translation"`. A target still equal to its source is untranslated.
/// The header is kept intact by the same filter, so the skeleton comes back as written.
///
/// Strict 1.2 puts `skl` first in the header, then `tool`, `note` and `count-group`, and in a unit
/// `note` and `count-group` after source and target;
/// `mrk` takes only `mtype`, `mid` and `comment`, and a `note` only `from`, `priority`,
/// `annotates` and `xml:lang` (so a note says what it is in its text: "name: …", "number: …"). Count-group names are
/// keys in the file: "total" in the header, "s<N>" per unit. Ids: groups `b<K>` (K counts the
/// blocks from 1; the dateline is a block of its own), trans-unit `N` (= `Segment.id`),
/// term marks `m<N>_<k>` (a mark's `comment` names the entry and its approved translations).
/// Deprecated translations are notes „do not use: …“ with priority 1 (the highest), the other
/// notes have priority 2. An empty worksheet gives an empty `body` (strict 1.2 allows it).
public enum XLIFF12Writer {
    public static let namespace = "urn:oasis:names:tc:xliff:document:1.2"

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
        out.line(0, #"<xliff xmlns="\#(namespace)" version="1.2">"#)
        out.line(1, #"<file original="\#(XMLText.attribute(sheet.source))" source-language="\#(XLIFFNotes.languageTag(sheet.sourceLanguage))""#
            + #" target-language="\#(XLIFFNotes.languageTag(sheet.targetLanguage))" datatype="plaintext">"#)
        out.line(2, "<header>")
        out.line(3, "<skl>")
        var skeleton = #"        <internal-file form="text/plain">"#
        sheet.skeletonOrLayout.render { piece in
            skeleton += XMLText.escape(piece)
            if skeleton.utf8.count >= 1 << 16 { out.raw(skeleton); skeleton = ""; chunks(out.take()) }
        }
        out.raw(skeleton + "</internal-file>\n")
        out.line(3, "</skl>")
        out.line(3, #"<tool tool-id="kernsatz" tool-name="Kernsatz"/>"#)
        counts(sheet.counts, name: "total", level: 3, into: &out)
        notes(XLIFFNotes.header(sheet), level: 3, into: &out)
        out.line(2, "</header>")
        if sheet.segments.isEmpty {
            out.line(2, "<body/>")
        } else {
            out.line(2, "<body>")
            for (number, block) in BlockRuns(sheet.segments, datelineAlone: true).enumerated() {
                out.line(3, #"<group id="b\#(number + 1)" restype="x-\#(block.kind.rawValue)">"#)
                for index in block.segments {
                    unit(sheet.segments[index], in: sheet, into: &out)
                    if out.text.utf8.count >= 1 << 16 { chunks(out.take()) }
                }
                out.line(3, "</group>")
            }
            out.line(2, "</body>")
        }
        out.line(1, "</file>")
        out.line(0, "</xliff>")
        chunks(out.take())
    }

    private static func unit(_ segment: Segment, in sheet: Worksheet, into out: inout XMLLines) {
        let n = segment.id
        out.line(4, #"<trans-unit id="\#(n)" restype="x-\#(segment.kind.rawValue)" xml:space="preserve">"#)
        var k = 0
        var text = ""
        for piece in segment.termRuns {
            guard let term = piece.term else {
                text += XMLText.escape(piece.text)
                continue
            }
            k += 1
            var comment = ""
            if let item = sheet.glossaryItem(segment.terms[term].entry) {
                let approved = item.approved.map(\.term).joined(separator: "; ")
                comment = #" comment="\#(XMLText.attribute(item.term + " → " + (approved.isEmpty ? "no approved translation" : approved)))""#
            }
            text += #"<mrk mtype="term" mid="m\#(n)_\#(k)"\#(comment)>\#(XMLText.escape(piece.text))</mrk>"#
        }
        out.line(5, "<source>\(text)</source>")
        out.line(5, #"<target state="needs-translation">\#(XMLText.escape(segment.source))</target>"#)
        counts(segment.counts, name: "s\(n)", level: 5, into: &out)
        notes(XLIFFNotes.segment(segment, in: sheet, approved: true), level: 5, into: &out)
        out.line(4, "</trans-unit>")
    }

    private static func counts(_ counts: Counts, name: String, level: Int, into out: inout XMLLines) {
        out.line(level, #"<count-group name="\#(name)">"#)
        out.line(level + 1, #"<count count-type="total" unit="word">\#(counts.words)</count>"#)
        out.line(level + 1, #"<count count-type="total" unit="character">\#(counts.characters)</count>"#)
        out.line(level, "</count-group>")
    }

    private static func notes(_ notes: [XLIFFNotes.Note], level: Int, into out: inout XMLLines) {
        for note in notes {
            let priority = note.category == "do-not-use" ? 1 : 2
            out.line(level, #"<note from="kernsatz" priority="\#(priority)">\#(XMLText.escape(note.text))</note>"#)
        }
    }
}
