import KernsatzText

/// Writes TBX v3 (ISO 30042:2019) in the TBX-Basic dialect (`type="TBX-Basic"`, `style="dca"`), which
/// validates against the TBX v3 core structure schema (TBXcoreStructV03.rng). Entries that share a
/// `conceptID` become one `conceptEntry`.
///
///     TBXWriter.write(Glossary(entries: [GlossaryEntry(term: "Abschreckung",
///         targets: [TargetTerm(language: "en", term: "deterrence")])]))
///     // <tbx type="TBX-Basic" style="dca" xml:lang="de" xmlns="urn:iso:std:iso:30042:ed-2"> …
///     //   <conceptEntry id="c1"><langSec xml:lang="de"><termSec><term>Abschreckung</term> …
public enum TBXWriter {
    public static func write(_ glossary: Glossary, description: String? = nil) -> String {
        var out = """
        <?xml version="1.0" encoding="UTF-8"?>
        <tbx type="TBX-Basic" style="dca" xml:lang="\(XMLText.attribute(glossary.sourceLanguage))" xmlns="urn:iso:std:iso:30042:ed-2">
          <tbxHeader>
            <fileDesc>
              <sourceDesc>
                <p>\(XMLText.attribute(description ?? "\(glossary.name): written by Kernsatz"))</p>
              </sourceDesc>
            </fileDesc>
          </tbxHeader>
          <text>
            <body>

        """
        // Concepts in first-seen order, with their ids and targets by language (one grouping for both TBX writers).
        for concept in GlossaryConcept.grouped(glossary) {
            out += "      <conceptEntry id=\"\(XMLText.attribute(concept.id))\">\n"
            out += "        <langSec xml:lang=\"\(XMLText.attribute(glossary.sourceLanguage))\">\n"
            if let definition = concept.entries.compactMap(\.definition).first {
                out += "          <descrip type=\"definition\">\(XMLText.attribute(definition))</descrip>\n"
            }
            for entry in concept.entries {
                out += termSec(term: entry.term, partOfSpeech: entry.partOfSpeech, status: entry.status, note: entry.note)
            }
            out += "        </langSec>\n"
            for (language, targets) in concept.targetsByLanguage {
                out += "        <langSec xml:lang=\"\(XMLText.attribute(language))\">\n"
                for target in targets {
                    out += termSec(term: target.term, partOfSpeech: target.partOfSpeech, status: target.status, note: target.note)
                }
                out += "        </langSec>\n"
            }
            out += "      </conceptEntry>\n"
        }
        out += "    </body>\n  </text>\n</tbx>\n"
        return out
    }

    private static func termSec(term: String, partOfSpeech: String?, status: TermStatus, note: String?) -> String {
        var out = "          <termSec>\n            <term>\(XMLText.attribute(term))</term>\n"
        if let partOfSpeech { out += "            <termNote type=\"partOfSpeech\">\(XMLText.attribute(partOfSpeech))</termNote>\n" }
        out += "            <termNote type=\"administrativeStatus\">\(status.tbxValue)</termNote>\n"
        if let note { out += "            <note>\(XMLText.attribute(note))</note>\n" }
        return out + "          </termSec>\n"
    }

    /// Whether `id` can be an xml:id (an NCName, conservatively: ASCII letters, digits, `-_.`, starting with a letter or `_`).
    static func isNCName(_ id: String) -> Bool {
        guard let first = id.unicodeScalars.first, first == "_" || (first.isASCII && first.properties.isAlphabetic) else { return false }
        return id.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" || $0 == ".") }
    }
}
