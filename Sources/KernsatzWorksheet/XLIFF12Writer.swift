import KernsatzText

/// A worksheet as XLIFF 1.2 (strict schema): one `trans-unit` per segment, terms marked in the
/// source, glossary, names, numbers, quotes and counts as notes and count groups.
///
///     XLIFF12Writer.write(sheet)
///     // <?xml version="1.0" encoding="UTF-8"?>
///     // <xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2">
///     //   <file original="a.txt" source-language="de" target-language="en" datatype="plaintext">
///     //     <header>
///     //       <count-group name="total"> … </count-group>
///     //       <note from="kernsatz" priority="2">source language: de (given); target language: en</note>
///     //     </header>
///     //     <body>
///     //       <trans-unit id="1" restype="x-paragraph" xml:space="preserve">
///     //         <source>… <mrk mtype="term" mid="m1_1" comment="security guarantee">Sicherheitsgarantien</mrk> …</source>
///     //         <target state="new"/>
///     //         <count-group name="s1"> … </count-group>
///     //         <note from="kernsatz" priority="2">term: Sicherheitsgarantien (glossary: Sicherheitsgarantie) → security guarantee</note>
///
/// Strict 1.2 puts `note` and `count-group` in the header and after a unit's source and target;
/// `mrk` takes only `mtype`, `mid` and `comment`, and a `note` only `from`, `priority`,
/// `annotates` and `xml:lang` (so a note says what it is in its text: "name: …", "number: …"). Count-group names are
/// keys in the file: "total" in the header, "s<N>" per unit. Ids: trans-unit `N` (= `Segment.id`),
/// term marks `m<N>_<k>` (a mark's `comment` names the entry and its approved translations).
/// Deprecated translations are notes „do not use: …“ with priority 1 (the highest), the other
/// notes have priority 2. An empty worksheet gives an empty `body` (strict 1.2 allows it).
public enum XLIFF12Writer {
    public static let namespace = "urn:oasis:names:tc:xliff:document:1.2"

    public static func write(_ sheet: Worksheet) -> String {
        var out = XMLLines()
        out.line(0, #"<?xml version="1.0" encoding="UTF-8"?>"#)
        out.line(0, #"<xliff xmlns="\#(namespace)" version="1.2">"#)
        out.line(1, #"<file original="\#(XMLText.attribute(sheet.source))" source-language="\#(XLIFFNotes.languageTag(sheet.sourceLanguage))""#
            + #" target-language="\#(XLIFFNotes.languageTag(sheet.targetLanguage))" datatype="plaintext">"#)
        out.line(2, "<header>")
        counts(sheet.counts, name: "total", level: 3, into: &out)
        notes(XLIFFNotes.header(sheet), level: 3, into: &out)
        out.line(2, "</header>")
        if sheet.segments.isEmpty {
            out.line(2, "<body/>")
        } else {
            out.line(2, "<body>")
            for segment in sheet.segments {
                unit(segment, in: sheet, into: &out)
            }
            out.line(2, "</body>")
        }
        out.line(1, "</file>")
        out.line(0, "</xliff>")
        return out.text
    }

    private static func unit(_ segment: Segment, in sheet: Worksheet, into out: inout XMLLines) {
        let n = segment.id
        out.line(3, #"<trans-unit id="\#(n)" restype="x-\#(segment.kind.rawValue)" xml:space="preserve">"#)
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
        out.line(4, "<source>\(text)</source>")
        out.line(4, #"<target state="new"/>"#)
        counts(segment.counts, name: "s\(n)", level: 4, into: &out)
        notes(XLIFFNotes.segment(segment, in: sheet, approved: true), level: 4, into: &out)
        out.line(3, "</trans-unit>")
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
