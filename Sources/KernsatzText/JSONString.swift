/// JSON string literals, written as `JSONEncoder` with `.withoutEscapingSlashes` writes them: `"`,
/// `\` and the C0 controls escaped (`\n`, `\t`, … or `\u00XX`), everything else as it is.
///
///     var bytes: [UInt8] = []
///     JSONString.appendQuoted("a\"b\n", to: &bytes, escapingLineSeparators: false)
///     String(decoding: bytes, as: UTF8.self)   // "a\"b\n" with the quote and line feed escaped
public enum JSONString {
    private static let hex = Array("0123456789abcdef".utf8)

    /// Appends `text` as a quoted JSON string.
    /// - Parameter escapingLineSeparators: also write U+2028 and U+2029 as `\u2028`, `\u2029`
    ///   (valid in JSON, but they end lines for many line readers).
    /// - Complexity: O(*n*); runs with nothing to escape are copied whole.
    public static func appendQuoted(_ text: String, to bytes: inout [UInt8], escapingLineSeparators: Bool) {
        bytes.append(UInt8(ascii: "\""))
        let utf8 = text.utf8
        var copied = utf8.startIndex
        var i = utf8.startIndex
        while i != utf8.endIndex {
            let byte = utf8[i]
            let escape: String?
            var width = 1
            switch byte {
            case UInt8(ascii: "\""): escape = #"\""#
            case UInt8(ascii: "\\"): escape = #"\\"#
            case 0x0A: escape = #"\n"#
            case 0x0D: escape = #"\r"#
            case 0x09: escape = #"\t"#
            case 0x08: escape = #"\b"#
            case 0x0C: escape = #"\f"#
            case 0..<0x20: escape = #"\u00"# + String(decoding: [hex[Int(byte >> 4)], hex[Int(byte & 0xF)]], as: UTF8.self)
            case 0xE2 where escapingLineSeparators:
                let second = utf8.index(after: i)
                let third = second == utf8.endIndex ? second : utf8.index(after: second)
                if third != utf8.endIndex, utf8[second] == 0x80, utf8[third] == 0xA8 || utf8[third] == 0xA9 {
                    escape = utf8[third] == 0xA8 ? #"\u2028"# : #"\u2029"#
                    width = 3
                } else {
                    escape = nil
                }
            default: escape = nil
            }
            if let escape {
                bytes.append(contentsOf: utf8[copied..<i])
                bytes.append(contentsOf: escape.utf8)
                i = utf8.index(i, offsetBy: width)
                copied = i
            } else {
                i = utf8.index(after: i)
            }
        }
        bytes.append(contentsOf: utf8[copied..<i])
        bytes.append(UInt8(ascii: "\""))
    }
}
