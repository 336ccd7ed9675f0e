/// Character tests on UTF-16 text, shared by the structure parser and the segmenter.
/// Letters and cases follow the Unicode properties of the Swift standard library.
public enum UTF16Scan {
    /// The scalar that starts at `i` (a lone surrogate stands for itself).
    @inline(__always)
    public static func scalar(_ text: [UInt16], at i: Int) -> Unicode.Scalar {
        let u = text[i]
        if UTF16.isLeadSurrogate(u), i + 1 < text.count, UTF16.isTrailSurrogate(text[i + 1]) {
            let value = 0x10000 + ((UInt32(u) - 0xD800) << 10) + (UInt32(text[i + 1]) - 0xDC00)
            return Unicode.Scalar(value) ?? "\u{FFFD}"
        }
        return Unicode.Scalar(UInt32(u)) ?? "\u{FFFD}"
    }

    /// The text of `range` as a `String`, transcoded to UTF-8 here: for short pieces (words, lines)
    /// several times faster than `String(decoding:as: UTF16.self)`, which takes a generic path.
    /// Lone surrogates become U+FFFD, as there.
    ///
    ///     UTF16Scan.string(Array("Grüße".utf16), 0..<5)   // "Grüße"
    public static func string(_ text: [UInt16], _ range: Range<Int>) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(range.count * 3)
        var i = range.lowerBound
        while i < range.upperBound {
            let u = text[i]
            if u < 0x80 {
                bytes.append(UInt8(u))
                i += 1
            } else if u < 0x800 {
                bytes.append(UInt8(0xC0 | (u >> 6)))
                bytes.append(UInt8(0x80 | (u & 0x3F)))
                i += 1
            } else {
                var value = UInt32(u)
                var width = 1
                if UTF16.isLeadSurrogate(u), i + 1 < range.upperBound, UTF16.isTrailSurrogate(text[i + 1]) {
                    value = 0x10000 + ((UInt32(u) - 0xD800) << 10) + (UInt32(text[i + 1]) - 0xDC00)
                    width = 2
                } else if UTF16.isLeadSurrogate(u) || UTF16.isTrailSurrogate(u) {
                    value = 0xFFFD
                }
                if value < 0x10000 {
                    bytes.append(UInt8(0xE0 | (value >> 12)))
                    bytes.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
                    bytes.append(UInt8(0x80 | (value & 0x3F)))
                } else {
                    bytes.append(UInt8(0xF0 | (value >> 18)))
                    bytes.append(UInt8(0x80 | ((value >> 12) & 0x3F)))
                    bytes.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
                    bytes.append(UInt8(0x80 | (value & 0x3F)))
                }
                i += width
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The start of the scalar that ends just before `i`.
    @inline(__always)
    public static func previousStart(_ text: [UInt16], before i: Int) -> Int {
        if i >= 2, UTF16.isTrailSurrogate(text[i - 1]), UTF16.isLeadSurrogate(text[i - 2]) { return i - 2 }
        return i - 1
    }

    @inline(__always)
    public static func width(_ text: [UInt16], at i: Int) -> Int {
        UTF16.isLeadSurrogate(text[i]) && i + 1 < text.count && UTF16.isTrailSurrogate(text[i + 1]) ? 2 : 1
    }

    @inline(__always)
    public static func isSpace(_ u: UInt16) -> Bool {
        u == 0x20 || u == 0x0A || u == 0x09 || u == 0x3000 || u == 0x0D
    }

    @inline(__always)
    public static func isUppercase(_ s: Unicode.Scalar) -> Bool {
        if s.value < 0x80 { return s.value >= 0x41 && s.value <= 0x5A }
        return s.properties.isUppercase || s.properties.generalCategory == .titlecaseLetter
    }

    @inline(__always)
    public static func isLowercase(_ s: Unicode.Scalar) -> Bool {
        if s.value < 0x80 { return s.value >= 0x61 && s.value <= 0x7A }
        return s.properties.isLowercase
    }

    @inline(__always)
    public static func isLetter(_ s: Unicode.Scalar) -> Bool {
        if s.value < 0x80 { return (s.value | 0x20) >= 0x61 && (s.value | 0x20) <= 0x7A }
        return s.properties.isAlphabetic
    }

    @inline(__always)
    public static func isDigit(_ s: Unicode.Scalar) -> Bool {
        if s.value < 0x80 { return s.value >= 0x30 && s.value <= 0x39 }
        return s.properties.numericType == .decimal
    }

    /// Sentence-final punctuation: . ! ? … and their full-width and other-script forms.
    @inline(__always)
    public static func isTerminal(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x2E, 0x21, 0x3F, 0x2026, 0x203C, 0x2047, 0x2048, 0x2049, 0x3002, 0xFF01, 0xFF0E, 0xFF1F, 0xFF61, 0x0589, 0x061F, 0x06D4, 0x0964, 0x0965:
            return true
        default:
            return false
        }
    }

    /// Closing marks that may follow sentence-final punctuation: quotes and closing brackets.
    @inline(__always)
    public static func isClosing(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x22, 0x27, 0x29, 0x5D, 0x7D, 0xBB, 0xAB, 0x2019, 0x201C, 0x201D, 0x2018, 0x203A, 0x2039, 0x300D, 0x300F, 0xFF09:
            return true
        default:
            return false
        }
    }

    /// Opening marks that may stand before a sentence's first word.
    @inline(__always)
    public static func isOpening(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x22, 0x27, 0x28, 0x5B, 0x7B, 0xBB, 0xAB, 0x201E, 0x201A, 0x201C, 0x2018, 0x203A, 0x2039, 0xBF, 0xA1, 0x300C, 0x300E, 0xFF08:
            return true
        default:
            return false
        }
    }

    /// Dashes that separate a dateline from the text: en dash, em dash, hyphen-minus.
    @inline(__always)
    public static func isDash(_ u: UInt16) -> Bool { u == 0x2013 || u == 0x2014 || u == 0x2D }

    /// The last scalar of `range` before any closing quotes and brackets („Realität.“ → „.“),
    /// or nil when the range holds nothing else.
    public static func lastMark(_ text: [UInt16], in range: Range<Int>) -> Unicode.Scalar? {
        var i = range.upperBound
        while i > range.lowerBound {
            let start = previousStart(text, before: i)
            let s = scalar(text, at: start)
            if !isClosing(s) { return s }
            i = start
        }
        return nil
    }

    /// Trims whitespace from both ends of a range.
    public static func trim(_ text: [UInt16], _ range: Range<Int>) -> Range<Int> {
        var lower = range.lowerBound, upper = range.upperBound
        while lower < upper && isSpace(text[lower]) { lower += 1 }
        while upper > lower && isSpace(text[upper - 1]) { upper -= 1 }
        return lower..<upper
    }
}
