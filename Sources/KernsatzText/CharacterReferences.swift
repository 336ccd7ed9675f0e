/// Decodes HTML character references: `&#228;`, `&#xE4;` and named ones (`&auml;`) from an
/// `HTMLEntities` table.
///
///     let references = CharacterReferences(entities: .shipped())
///     references.decode("&bdquo;Zitat&ldquo; &amp;lt; &#x20AC;&#150; &nosuch;")
///     // "„Zitat“ &lt; €– &nosuch;"
///
/// Numeric references follow HTML5: the semicolon may be missing; 0, surrogates and values above
/// U+10FFFF become U+FFFD; 0x80–0x9F are read as Windows-1252 (`&#150;` → „–“), as pages written
/// in that encoding use them. Named references need their semicolon; unknown names stay as written.
public struct CharacterReferences: Sendable {
    public let entities: HTMLEntities

    public init(entities: HTMLEntities) {
        self.entities = entities
    }

    /// The text with every reference replaced.
    ///
    /// - Complexity: O(*n*).
    public func decode(_ text: String) -> String {
        let b = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(b.count)
        var i = 0
        while i < b.count {
            if b[i] == 0x26, let (value, end) = reference(b, at: i, limit: b.count) {
                out.append(contentsOf: value.utf8)
                i = end
            } else {
                out.append(b[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The reference that starts with the `&` at `i`: its text and the offset after it; nil when
    /// there is none (the `&` is then literal).
    func reference(_ b: [UInt8], at i: Int, limit: Int) -> (String, Int)? {
        var j = i + 1
        guard j < limit else { return nil }
        if b[j] == 0x23 {  // &#
            j += 1
            let hex = j < limit && (b[j] | 0x20) == 0x78
            if hex { j += 1 }
            let digitsStart = j
            var value: UInt32 = 0
            while j < limit {
                let c = b[j]
                let digit: UInt32
                if c >= 0x30 && c <= 0x39 { digit = UInt32(c - 0x30) }
                else if hex && (c | 0x20) >= 0x61 && (c | 0x20) <= 0x66 { digit = UInt32((c | 0x20) - 0x61 + 10) }
                else { break }
                value = min(0x110000, value * (hex ? 16 : 10) + digit)
                j += 1
            }
            guard j > digitsStart else { return nil }
            if j < limit && b[j] == 0x3B { j += 1 }
            return (String(Character(Self.scalar(forReference: value))), j)
        }
        let nameStart = j
        while j < limit && j - nameStart <= entities.longestName && isAlphanumeric(b[j]) { j += 1 }
        guard j > nameStart, j < limit, b[j] == 0x3B,
              let value = entities[String(decoding: b[nameStart..<j], as: UTF8.self)] else { return nil }
        return (value, j + 1)
    }

    @inline(__always)
    private func isAlphanumeric(_ c: UInt8) -> Bool {
        (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A)
    }

    /// HTML5's numeric character reference end state: the scalar a number stands for.
    static func scalar(forReference value: UInt32) -> Unicode.Scalar {
        if value >= 0x80 && value <= 0x9F {
            let mapped = windows1252[Int(value - 0x80)]
            return Unicode.Scalar(mapped == 0 ? value : mapped)!
        }
        if value == 0 || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF) { return "\u{FFFD}" }
        return Unicode.Scalar(value) ?? "\u{FFFD}"
    }

    /// Windows-1252 for 0x80–0x9F (0: undefined there, the control character stays).
    static let windows1252: [UInt32] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
        0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
    ]
}
