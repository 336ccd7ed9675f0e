/// Escaping for XML and HTML output (worksheets, TBX): every piece of input text goes through here.
public enum XMLText {
    /// Text content: `&`, `<`, `>` escaped; characters XML 1.0 forbids (C0 controls but tab, line
    /// feed and carriage return; U+FFFE, U+FFFF) dropped, since no escape makes them legal.
    public static func escape(_ text: String) -> String { escape(text, attribute: false) }

    /// Attribute values (double-quoted): also `"` and `'`, and line breaks and tabs as character
    /// references so they survive attribute-value normalization.
    public static func attribute(_ text: String) -> String { escape(text, attribute: true) }

    private static func escape(_ text: String, attribute: Bool) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where attribute: out += "&quot;"
            case "'" where attribute: out += "&#39;"
            case "\n" where attribute: out += "&#10;"
            case "\r" where attribute: out += "&#13;"
            case "\t" where attribute: out += "&#9;"
            default:
                if isAllowed(scalar) { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    /// XML 1.0's `Char` production.
    public static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD: return true
        case 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }
}
