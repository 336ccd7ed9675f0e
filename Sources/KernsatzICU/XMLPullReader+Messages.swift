extension XMLPullReader {
    /// libxml2's error as a sentence a user can act on: the mistakes people make by hand by their
    /// code (libxml2's `xmlParserErrors`), any other by libxml2's own words. Never a bare number.
    ///
    ///     XMLPullReader.sentence(code: 76, message: "Opening and ending tag mismatch: body line 3 and text", detail: "body")
    ///     // "an end tag does not match the open element <body>; close <body> first"
    static func sentence(code: Int, message: String, detail: String) -> String {
        let name = detail.isEmpty ? "" : " <\(detail)>"
        switch code {
        case 3: return "no element where the document should start ('<' expected)"
        case 4: return "the document is empty"
        case 5, 86: return "there is content after the end of the root element (a second root element, or text after it)"
        case 6, 7, 8: return "a broken character reference; write it as &#228; or &#xE4;"
        case 9: return "a character that XML does not allow (a control character?); delete it"
        case 10, 14, 18: return "the document ends inside a reference"
        case 11, 12, 15, 16: return "a reference outside the root element"
        case 22, 23: return "an unescaped & or a broken entity reference; write & as &amp;"
        case 26, 27:
            if message.hasPrefix("PEReference") {
                return "the parameter entity %\(detail); is not declared; delete the reference"
            }
            let entity = detail.isEmpty ? "an entity" : "the entity &\(detail);"
            return "\(entity) is not declared (XML knows only &amp; &lt; &gt; &quot; &apos;); write the character itself or a character reference such as &#228;"
        case 31, 32: return "the document's encoding is not supported; save it as UTF-8"
        case 33, 34: return "a quoted value is not started or not closed"
        case 38: return "a '<' inside an attribute value; write &lt;"
        case 39, 40, 41, 43, 44: return "a broken attribute value (quotes?)"
        case 42: return "an attribute is given twice in one tag; keep one"
        case 45: return "a comment is not closed; end it with -->"
        case 46, 47: return "a processing instruction (<?…?>) is broken or not closed"
        case 56, 57: return "the XML declaration (<?xml …?>) is broken"
        case 61: return "the DOCTYPE declaration is not closed"
        case 62: return "']]>' outside a CDATA section; write ]]&gt;"
        case 63: return "a CDATA section is not closed; end it with ]]>"
        case 64: return "an XML declaration (<?xml …?>) that is not at the very start of the file; move it there or delete it"
        case 65: return "a space is missing (between attributes?)"
        case 68: return "a name is expected here (a stray '<'? write &lt;)"
        case 73: return "'>' is missing (or an attribute is broken)"
        case 74: return "an end tag (</…>) is expected here"
        case 75: return "an attribute without '=' and a quoted value"
        case 76: return "an end tag does not match the open element\(name)" + (name.isEmpty ? "" : "; close\(name) first")
        case 77: return "the element\(name) is not closed before the document ends"
        case 80: return "'--' inside a comment; XML does not allow it there"
        case 81: return "bytes that are not valid in the document's encoding"
        case 85: return "the elements are not properly nested"
        case 89: return "an entity refers to itself"
        case 96: return "the XML declaration lacks version=\"1.0\""
        case 108, 109: return "an XML version other than 1.0"
        case 110: return "a name longer than libxml2 accepts"
        default:
            let words = message.isEmpty ? "the XML parser stopped" : message
            return words.prefix(1).lowercased() + words.dropFirst()
        }
    }
}
