import KernsatzICU

extension InputRecord {
    /// The record of a line in the usual shape, read straight from its bytes with the text's UTF-16
    /// units made in the same pass; nil for anything else, which `text(of:source:lenient:)` and
    /// `parse(_:source:)` then read (and whose errors they give, so every message stays theirs).
    ///
    /// The usual shape: a JSON object, spaces around its parts, whose members are "text" (a
    /// string), "id" (a string, null, or an integer of at most 18 digits, a minus allowed, no
    /// leading zero) and "lang" (a string or null), each at most once, and members it does not
    /// read whose value is a string, true, false, null or a plain number (`otherValue`); keys in
    /// printable ASCII without escapes; strings of valid UTF-8 with JSON's escapes (a `\u`
    /// surrogate only as a pair). A line with anything else (arrays, objects, other numbers,
    /// invalid UTF-8, a control character in a string, a lone surrogate escape, text after the
    /// object) is left to the decoder.
    ///
    ///     InputRecord.parseUsual(Array(#"{"id":7,"text":"Ja."}"#.utf8))?.id   // .integer(7)
    public static func parseUsual(_ bytes: [UInt8]) -> InputRecord? {
        var reader = UsualRecordReader(bytes)
        return reader.record()
    }
}

/// The reader of `InputRecord.parseUsual`.
struct UsualRecordReader {
    private let bytes: [UInt8]
    private var i = 0
    /// The last string read, as UTF-8 and as UTF-16.
    private var utf8: [UInt8] = []
    private var utf16: [UInt16] = []

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    mutating func record() -> InputRecord? {
        skipSpace()
        guard next(0x7B) else { return nil }   // {
        var id: RecordID?
        var hasText = false
        var units: [UInt16] = []
        var lang: String??
        skipSpace()
        if peek(0x7D) { return nil }   // {} has no text
        while true {
            skipSpace()
            guard let key = key() else { return nil }
            skipSpace()
            guard next(0x3A) else { return nil }   // :
            skipSpace()
            switch key {
            case .id:
                guard id == nil, let value = idValue() else { return nil }
                id = value
            case .text:
                guard !hasText, string() else { return nil }
                hasText = true
                units = utf16
            case .other:
                guard otherValue() else { return nil }
            case .lang:
                guard lang == nil else { return nil }
                if literalNull() {
                    lang = .some(nil)
                } else {
                    guard string() else { return nil }
                    lang = .some(String(decoding: utf8, as: UTF8.self))
                }
            }
            skipSpace()
            if next(0x2C) { continue }   // ,
            guard next(0x7D) else { return nil }   // }
            break
        }
        skipSpace()
        guard i == bytes.count, hasText else { return nil }
        return InputRecord(id: id ?? .null, units: units, lang: lang ?? nil)
    }

    private enum Key { case id, text, lang, other }

    private mutating func key() -> Key? {
        guard next(0x22) else { return nil }
        let start = i
        while i < bytes.count, bytes[i] != 0x22 {
            // Printable ASCII without escapes.
            guard bytes[i] >= 0x20, bytes[i] < 0x7F, bytes[i] != 0x5C else { return nil }
            i += 1
        }
        guard i < bytes.count else { return nil }
        let name = bytes[start..<i]
        i += 1
        if name.elementsEqual([0x69, 0x64]) { return .id }
        if name.elementsEqual([0x74, 0x65, 0x78, 0x74]) { return .text }
        if name.elementsEqual([0x6C, 0x61, 0x6E, 0x67]) { return .lang }
        return .other
    }

    /// The value of a member the record does not read (the decoder ignores it): a string, true,
    /// false, null, or a number of at most 18 digits before and after an optional point, without
    /// an exponent; false for anything else (arrays, objects, other numbers).
    private mutating func otherValue() -> Bool {
        if peek(0x22) { return string() }
        if literalNull() { return true }
        for literal in [[0x74, 0x72, 0x75, 0x65] as [UInt8], [0x66, 0x61, 0x6C, 0x73, 0x65]] {
            if i + literal.count <= bytes.count, bytes[i..<(i + literal.count)].elementsEqual(literal) {
                i += literal.count
                return i < bytes.count && [0x2C, 0x7D, 0x20, 0x09, 0x0A, 0x0D].contains(bytes[i])
            }
        }
        _ = next(0x2D)
        let start = i
        while i < bytes.count, bytes[i] >= 0x30, bytes[i] <= 0x39 { i += 1 }
        guard i > start, i - start <= 18, i - start == 1 || bytes[start] != 0x30 else { return false }
        if next(0x2E) {
            let fraction = i
            while i < bytes.count, bytes[i] >= 0x30, bytes[i] <= 0x39 { i += 1 }
            guard i > fraction, i - fraction <= 18 else { return false }
        }
        return i < bytes.count && [0x2C, 0x7D, 0x20, 0x09, 0x0A, 0x0D].contains(bytes[i])
    }

    private mutating func idValue() -> RecordID? {
        if literalNull() { return .null }
        if peek(0x22) {
            guard string() else { return nil }
            return .string(String(decoding: utf8, as: UTF8.self))
        }
        // An integer: -?(0|[1-9][0-9]{0,17}), followed by a separator.
        var negative = false
        if next(0x2D) { negative = true }
        let start = i
        var value = 0
        while i < bytes.count, bytes[i] >= 0x30, bytes[i] <= 0x39 {
            // More digits than Int surely holds: the decoder's.
            guard i - start < 18 else { return nil }
            value = value * 10 + Int(bytes[i] - 0x30)
            i += 1
        }
        let digits = i - start
        guard digits >= 1, digits == 1 || bytes[start] != 0x30, !(negative && value == 0) else { return nil }
        guard i < bytes.count, [0x2C, 0x7D, 0x20, 0x09, 0x0A, 0x0D].contains(bytes[i]) else { return nil }
        return .integer(negative ? -value : value)
    }

    private mutating func literalNull() -> Bool {
        guard i + 4 <= bytes.count, bytes[i] == 0x6E, bytes[i + 1] == 0x75, bytes[i + 2] == 0x6C, bytes[i + 3] == 0x6C else {
            return false
        }
        i += 4
        return true
    }

    /// A string from its opening quote into `utf8` and `utf16`; false when it is not in the usual shape.
    private mutating func string() -> Bool {
        guard next(0x22) else { return false }
        utf8.removeAll(keepingCapacity: true)
        utf16.removeAll(keepingCapacity: true)
        // The string takes at most the rest of the line, in bytes and in units.
        utf8.reserveCapacity(bytes.count - i)
        utf16.reserveCapacity(bytes.count - i)
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x22 {
                i += 1
                return true
            }
            if b == 0x5C {
                guard escape() else { return false }
                continue
            }
            if b < 0x20 { return false }
            // A run up to the next quote, backslash or control: copied whole, and made UTF-16 by
            // ICU, which refuses bytes that are not well-formed UTF-8 (left to the decoder then).
            let start = i
            i += 1
            while i < bytes.count {
                let c = bytes[i]
                guard c >= 0x20, c != 0x22, c != 0x5C else { break }
                i += 1
            }
            let run = bytes[start..<i]
            guard UTFConversion.appendUTF16(wellFormedUTF8: run, to: &utf16) else { return false }
            utf8.append(contentsOf: run)
        }
        return false
    }

    /// An escape after its backslash.
    private mutating func escape() -> Bool {
        guard i + 1 < bytes.count else { return false }
        let unit: UInt16
        switch bytes[i + 1] {
        case 0x22: unit = 0x22
        case 0x5C: unit = 0x5C
        case 0x2F: unit = 0x2F
        case 0x62: unit = 0x08
        case 0x66: unit = 0x0C
        case 0x6E: unit = 0x0A
        case 0x72: unit = 0x0D
        case 0x74: unit = 0x09
        case 0x75:
            guard let first = hex4(at: i + 2) else { return false }
            i += 6
            var value = UInt32(first)
            if UTF16.isLeadSurrogate(first) {
                guard i + 1 < bytes.count, bytes[i] == 0x5C, bytes[i + 1] == 0x75, let second = hex4(at: i + 2),
                      UTF16.isTrailSurrogate(second) else { return false }
                i += 6
                value = 0x10000 + ((UInt32(first) - 0xD800) << 10) + (UInt32(second) - 0xDC00)
            } else if UTF16.isTrailSurrogate(first) {
                return false
            }
            appendScalar(value)
            return true
        default: return false
        }
        i += 2
        utf8.append(UInt8(unit))
        utf16.append(unit)
        return true
    }

    private func hex4(at start: Int) -> UInt16? {
        guard start + 4 <= bytes.count else { return nil }
        var value: UInt16 = 0
        for k in start..<(start + 4) {
            let b = bytes[k]
            let digit: UInt8
            switch b {
            case 0x30...0x39: digit = b - 0x30
            case 0x41...0x46: digit = b - 0x41 + 10
            case 0x61...0x66: digit = b - 0x61 + 10
            default: return nil
            }
            value = value << 4 | UInt16(digit)
        }
        return value
    }

    /// A scalar from an escape, into both forms.
    private mutating func appendScalar(_ value: UInt32) {
        if value < 0x80 {
            utf8.append(UInt8(value))
        } else if value < 0x800 {
            utf8.append(UInt8(0xC0 | (value >> 6)))
            utf8.append(UInt8(0x80 | (value & 0x3F)))
        } else if value < 0x10000 {
            utf8.append(UInt8(0xE0 | (value >> 12)))
            utf8.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
            utf8.append(UInt8(0x80 | (value & 0x3F)))
        } else {
            utf8.append(UInt8(0xF0 | (value >> 18)))
            utf8.append(UInt8(0x80 | ((value >> 12) & 0x3F)))
            utf8.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
            utf8.append(UInt8(0x80 | (value & 0x3F)))
        }
        appendUTF16(value)
    }

    @inline(__always)
    private mutating func appendUTF16(_ value: UInt32) {
        if value < 0x10000 {
            utf16.append(UInt16(value))
        } else {
            utf16.append(UInt16(0xD800 + ((value - 0x10000) >> 10)))
            utf16.append(UInt16(0xDC00 + ((value - 0x10000) & 0x3FF)))
        }
    }

    @inline(__always)
    private mutating func skipSpace() {
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0A || bytes[i] == 0x0D { i += 1 }
    }

    @inline(__always)
    private func peek(_ byte: UInt8) -> Bool { i < bytes.count && bytes[i] == byte }

    @inline(__always)
    private mutating func next(_ byte: UInt8) -> Bool {
        guard peek(byte) else { return false }
        i += 1
        return true
    }
}
