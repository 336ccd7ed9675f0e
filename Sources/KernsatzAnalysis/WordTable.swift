/// Words and symbols as UTF-16 sequences, matched in running text, longest entry first. Entries may
/// hold spaces („Schweizer Franken“) and end in a dot („Mio.“). An entry that starts or ends with a
/// letter or digit matches only on a word boundary there.
struct WordTable<Payload: Sendable>: Sendable {
    private struct Entry: Sendable {
        var units: [UInt16]
        var payload: Payload
    }

    /// Entries by first unit and by last unit, each list longest first.
    private var byFirst: [UInt16: [Entry]] = [:]
    private var byLast: [UInt16: [Entry]] = [:]

    init(_ pairs: [(String, Payload)]) {
        for (word, payload) in pairs {
            let units = Array(word.utf16)
            guard let first = units.first, let last = units.last else { continue }
            byFirst[first, default: []].append(Entry(units: units, payload: payload))
            byLast[last, default: []].append(Entry(units: units, payload: payload))
        }
        for key in byFirst.keys { byFirst[key]!.sort { $0.units.count > $1.units.count } }
        for key in byLast.keys { byLast[key]!.sort { $0.units.count > $1.units.count } }
    }

    var isEmpty: Bool { byFirst.isEmpty }

    /// The longest entry that starts at `start` and ends by `limit`, with where it ends.
    func match(_ text: [UInt16], at start: Int, limit: Int) -> (payload: Payload, end: Int)? {
        guard start < limit, let candidates = byFirst[text[start]] else { return nil }
        for entry in candidates {
            let end = start + entry.units.count
            guard end <= limit, text[start..<end].elementsEqual(entry.units) else { continue }
            if isWordUnit(entry.units[entry.units.count - 1]), end < limit, isWordUnit(text[end]) { continue }
            return (entry.payload, end)
        }
        return nil
    }

    /// The longest entry that ends at `end` and starts at or after `floor`, with where it starts.
    func match(_ text: [UInt16], endingAt end: Int, floor: Int,
               where accept: (Payload) -> Bool = { _ in true }) -> (payload: Payload, start: Int)? {
        guard end > floor, let candidates = byLast[text[end - 1]] else { return nil }
        for entry in candidates where accept(entry.payload) {
            let start = end - entry.units.count
            guard start >= floor, text[start..<end].elementsEqual(entry.units) else { continue }
            if isWordUnit(entry.units[0]), start > floor, isWordUnit(text[start - 1]) { continue }
            return (entry.payload, start)
        }
        return nil
    }
}

@inline(__always) func isDigitUnit(_ unit: UInt16) -> Bool { unit >= 0x30 && unit <= 0x39 }

/// Letters (any script; surrogate halves count as letters) and ASCII digits.
@inline(__always) func isWordUnit(_ unit: UInt16) -> Bool {
    if unit < 0x80 {
        return (unit >= 0x30 && unit <= 0x39) || (unit | 0x20 >= 0x61 && unit | 0x20 <= 0x7A)
    }
    guard let scalar = Unicode.Scalar(unit) else { return true }
    return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
}

@inline(__always) func isLetterUnit(_ unit: UInt16) -> Bool { isWordUnit(unit) && !isDigitUnit(unit) }

/// Spaces that may stand between a number and its unit (no line breaks).
@inline(__always) func isInlineSpace(_ unit: UInt16) -> Bool {
    unit == 0x20 || unit == 0xA0 || unit == 0x202F || unit == 0x2009
}

@inline(__always) func isSpaceUnit(_ unit: UInt16) -> Bool {
    isInlineSpace(unit) || unit == 0x0A || unit == 0x0D || unit == 0x09 || unit == 0x2028 || unit == 0x2029
}
