import KernsatzText

/// Writes TBX 2008 (ISO 30042:2008) in the TBX-Basic dialect: `<martif type="TBX-Basic">` with
/// `termEntry` → `langSet` → `tig`, the form Translate Toolkit (`translate.storage.tbx`) and older
/// CAT tools read. It validates against the TBX 2008 core structure DTD (`TBXcoreStructV02.dtd`)
/// and its XSD (`TBXcsV02.xsd`). No DOCTYPE is written (Kernsatz's own reader refuses external DTDs),
/// nor an `encodingDesc` naming the TBX-Basic XCS file (the XSD does not allow `p type="XCSURI"`).
/// Entries that share a `conceptID` become one `termEntry`; everything a ``Glossary`` holds is kept:
/// statuses (`administrativeStatus`), parts of speech, definitions (in the source `langSet`) and notes.
///
///     TBX2008Writer.write(Glossary(entries: [GlossaryEntry(term: "Abschreckung",
///         targets: [TargetTerm(language: "en", term: "deterrence")])]))
///     // <martif type="TBX-Basic" xml:lang="de"> …
///     //   <termEntry id="c1">
///     //     <langSet xml:lang="de">
///     //       <tig>
///     //         <term>Abschreckung</term>
///     //         <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote> …
///
/// - Parameters:
///   - glossary: the entries to write; an empty glossary gives a `<body/>` that the DTD rejects
///     (TBX 2008 wants at least one `termEntry`), so callers refuse empty glossaries first.
///   - description: the header's `sourceDesc` text (default: the glossary's name).
public enum TBX2008Writer {
    public static func write(_ glossary: Glossary, description: String? = nil) -> String {
        let source = XMLText.attribute(glossary.sourceLanguage)
        var out = """
        <?xml version="1.0" encoding="UTF-8"?>
        <martif type="TBX-Basic" xml:lang="\(source)">
          <martifHeader>
            <fileDesc>
              <sourceDesc>
                <p>\(XMLText.escape(description ?? "\(glossary.name): written by Kernsatz"))</p>
              </sourceDesc>
            </fileDesc>
          </martifHeader>
          <text>
            <body>

        """
        for concept in GlossaryConcept.grouped(glossary) {
            out += "      <termEntry id=\"\(XMLText.attribute(concept.id))\">\n"
            out += "        <langSet xml:lang=\"\(source)\">\n"
            if let definition = concept.entries.compactMap(\.definition).first {
                out += "          <descrip type=\"definition\">\(XMLText.escape(definition))</descrip>\n"
            }
            for entry in concept.entries {
                out += tig(term: entry.term, partOfSpeech: entry.partOfSpeech, status: entry.status, note: entry.note)
            }
            out += "        </langSet>\n"
            for (language, targets) in concept.targetsByLanguage {
                out += "        <langSet xml:lang=\"\(XMLText.attribute(language))\">\n"
                for target in targets {
                    out += tig(term: target.term, partOfSpeech: target.partOfSpeech, status: target.status, note: target.note)
                }
                out += "        </langSet>\n"
            }
            out += "      </termEntry>\n"
        }
        out += "    </body>\n  </text>\n</martif>\n"
        return out
    }

    /// A `tig` in the DTD's order: term, termNotes, then note.
    private static func tig(term: String, partOfSpeech: String?, status: TermStatus, note: String?) -> String {
        var out = "          <tig>\n            <term>\(XMLText.escape(term))</term>\n"
        if let partOfSpeech { out += "            <termNote type=\"partOfSpeech\">\(XMLText.escape(partOfSpeech))</termNote>\n" }
        out += "            <termNote type=\"administrativeStatus\">\(status.tbxValue)</termNote>\n"
        if let note { out += "            <note>\(XMLText.escape(note))</note>\n" }
        return out + "          </tig>\n"
    }
}
