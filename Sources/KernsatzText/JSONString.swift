import KernsatzICU

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
        // Keys and most values: printable ASCII without a quote or backslash, copied at once.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x80 && $0 != 0x22 && $0 != 0x5C }) {
            bytes.append(contentsOf: text.utf8)
            bytes.append(UInt8(ascii: "\""))
            return
        }
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

extension JSONString {
    /// Appends UTF-16 text as a quoted JSON string: the bytes `appendQuoted(String(decoding:
    /// units, as: UTF16.self), …, escapingLineSeparators: true)` writes, in one pass without the
    /// String (a lone surrogate becomes U+FFFD, as that String would hold it).
    public static func appendQuoted(utf16 units: ArraySlice<UInt16>, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        appendEscaped(utf16: units, to: &bytes)
        bytes.append(UInt8(ascii: "\""))
    }

    /// The inside of a quoted string: UTF-16 as UTF-8, `"`, `\` and the C0 controls escaped as
    /// `appendQuoted` escapes them, U+2028 and U+2029 as `\u2028`, `\u2029`, a lone surrogate as U+FFFD.
    /// - Complexity: O(*n*), one pass.
    public static func appendEscaped(utf16 units: ArraySlice<UInt16>, to bytes: inout [UInt8]) {
        bytes.reserveCapacity(bytes.count + units.count + 8)
        // Runs without a character to escape go to ICU's converter whole (lone surrogates become
        // U+FFFD there); the characters between them are escaped here.
        var run = units.startIndex
        var i = units.startIndex
        let end = units.endIndex
        while i < end {
            let u = units[i]
            guard u < 0x20 || u == 0x22 || u == 0x5C || u == 0x2028 || u == 0x2029 else {
                i += 1
                continue
            }
            UTFConversion.appendUTF8(units[run..<i], to: &bytes)
            if u == 0x2028 || u == 0x2029 {
                bytes.append(contentsOf: u == 0x2028 ? lineSeparator : paragraphSeparator)
            } else {
                appendEscape(UInt8(truncatingIfNeeded: u), to: &bytes)
            }
            i += 1
            run = i
        }
        UTFConversion.appendUTF8(units[run..<end], to: &bytes)
    }

    private static let lineSeparator = Array(#"\u2028"#.utf8)
    private static let paragraphSeparator = Array(#"\u2029"#.utf8)

    /// `"`, `\` or a C0 control as JSONEncoder escapes it.
    private static func appendEscape(_ byte: UInt8, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\\"))
        switch byte {
        case UInt8(ascii: "\""): bytes.append(UInt8(ascii: "\""))
        case UInt8(ascii: "\\"): bytes.append(UInt8(ascii: "\\"))
        case 0x0A: bytes.append(UInt8(ascii: "n"))
        case 0x0D: bytes.append(UInt8(ascii: "r"))
        case 0x09: bytes.append(UInt8(ascii: "t"))
        case 0x08: bytes.append(UInt8(ascii: "b"))
        case 0x0C: bytes.append(UInt8(ascii: "f"))
        default:
            bytes.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
        }
    }

    /// An integer in decimal, without a String.
    public static func appendDecimal(_ value: Int, to bytes: inout [UInt8]) {
        if value < 0 {
            guard value != .min else { bytes.append(contentsOf: String(value).utf8); return }
            bytes.append(UInt8(ascii: "-"))
            appendDecimal(-value, to: &bytes)
            return
        }
        if value < 10 { bytes.append(UInt8(ascii: "0") + UInt8(value)); return }
        var rest = value, divisor = 1
        while divisor <= rest / 10 { divisor *= 10 }
        while divisor > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(rest / divisor))
            rest %= divisor
            divisor /= 10
        }
    }
}
