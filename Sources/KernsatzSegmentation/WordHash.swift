/// A 64-bit FNV-1a hash over UTF-16 units, fed one unit at a time: how the segmenter and the
/// language identifier (and later stages) compare words with their lists without building strings.
public struct WordHash: Equatable, Sendable {
    public var value: UInt64 = 0xcbf2_9ce4_8422_2325

    @inlinable
    public init() {}

    /// Goes on from a hash value computed before.
    @inlinable
    public init(value: UInt64) { self.value = value }

    @inlinable @inline(__always)
    public mutating func add(_ unit: UInt16) {
        value = (value ^ UInt64(unit)) &* 0x0000_0100_0000_01B3
    }

    /// Lowercase for ASCII, Latin-1 and the Latin Extended-A pairs (Ā ā … Ž ž), and ’ as ': the
    /// letters of the supported languages and of the names they write.
    @inlinable @inline(__always)
    public static func fold(_ u: UInt16) -> UInt16 {
        if u < 0x80 { return u >= 0x41 && u <= 0x5A ? u | 0x20 : u }
        if u >= 0xC0 && u <= 0xDE && u != 0xD7 { return u + 0x20 }
        if u >= 0x100 && u <= 0x17F && u != 0x130 && u != 0x131 && u != 0x138 && u != 0x149 && u != 0x178 {
            // Uppercase on even code points, except the 0x139–0x148 and 0x179–0x17E runs (odd).
            let oddRun = (u >= 0x139 && u <= 0x148) || (u >= 0x179 && u <= 0x17E)
            return oddRun ? (u & 1 == 1 ? u + 1 : u) : (u & 1 == 0 ? u + 1 : u)
        }
        if u == 0x2019 { return 0x27 }
        return u
    }

    /// The hash of `units`, all folded (`fold`), only the first folded (`foldFirst`), or as written.
    @inlinable @inline(__always)
    public static func of<C: Collection>(_ units: C, fold: Bool = false, foldFirst: Bool = false) -> UInt64 where C.Element == UInt16 {
        var hash = WordHash()
        var first = true
        for u in units {
            hash.add(fold || (foldFirst && first) ? Self.fold(u) : u)
            first = false
        }
        return hash.value
    }
}
