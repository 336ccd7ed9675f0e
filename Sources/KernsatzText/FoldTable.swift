import KernsatzICU

/// The distinct folded forms of a `TokenStream`, by key: the UTF-16 units of each form, one after
/// the other in one array. A form becomes a `String` only when it is read (`self[key]`).
public struct FoldedForms: RandomAccessCollection, Sendable {
    /// The units of every form (and, rarely, of a form's NFC spelling `FoldTable` compares by).
    @usableFromInline var units: [UInt16] = []
    /// Where each key's form lies in `units`.
    @usableFromInline var spans: [(start: UInt32, count: UInt32)] = []

    public init() {}

    @inlinable public var startIndex: Int { 0 }
    @inlinable public var endIndex: Int { spans.count }

    /// The folded form of `key`.
    @inlinable public subscript(key: Int) -> String {
        String(decoding: self.units(of: key), as: UTF16.self)
    }

    /// The folded form of `key` as UTF-16 units (no string made).
    @inlinable public func units(of key: Int) -> ArraySlice<UInt16> {
        let span = spans[key]
        return units[Int(span.start)..<Int(span.start + span.count)]
    }

    mutating func append(_ form: some Collection<UInt16>) -> UInt32 {
        spans.append((UInt32(units.count), UInt32(form.count)))
        units.append(contentsOf: form)
        return UInt32(spans.count - 1)
    }
}

/// A `TokenStream`'s key table while the stream is made: the token's units as written → key, and
/// its folded form → key, numbered by first appearance. No `String` and no dictionary of strings
/// per token: both tables are open-addressing tables over spans of units (the text's own for the
/// forms as written, `FoldedForms`' for the folded ones) with an FNV-1a hash of the units.
///
/// The folding rule is `TokenStream.fold` (NFC, full case folding, ’ as '); folded forms are
/// equal as Swift strings are, by canonical equivalence. The common case is worked out here: text
/// in ASCII and Latin-1 (and ’) is folded unit by unit (A–Z and À–Þ but × to the letter 0x20 on,
/// ß to ss), and a folded form whose units all lie below U+0300 (no combining mark, nothing to
/// compose or decompose) is equal to another only when their units are. Any other form (also one
/// with µ, which folds to μ U+03BC) is folded by `TokenStream.fold` and kept in a dictionary of
/// strings, once per distinct form as written; one that is canonically equivalent to a form below
/// U+0300 (ſ → s, ﬁ → fi, ẞ → ss, or text that is not NFC) is found under that form's NFC units.
struct FoldTable {
    /// One entry of the table of forms as written: its first occurrence in the text.
    struct Written {
        var hash: UInt32 = 0
        /// 0 for an empty slot (no token is empty).
        var count: UInt32 = 0
        var start: UInt32 = 0
        var key: UInt32 = 0
    }

    /// One entry of the table of folded forms: where its units lie in `forms.units`.
    struct Folded {
        var hash: UInt32 = 0
        var count: UInt32 = 0
        var start: UInt32 = 0
        /// The key plus one; 0 for an empty slot.
        var keyPlusOne: UInt32 = 0
    }

    private(set) var forms = FoldedForms()
    private var written: [Written]
    private var writtenCount = 0
    private var folded: [Folded]
    private var foldedCount = 0
    /// The fold of the token being looked up (reused).
    private var buffer: [UInt16] = []
    /// Folded forms with units from U+0300 on, by their string (canonical equivalence).
    private var others: [String: UInt32] = [:]
    private var normalizer: Normalizer?

    /// A table for a text of `expectedUnits` units (it grows as it needs to).
    init(expectedUnits: Int) {
        // About one distinct form per 8 units of news text; at most half full.
        var capacity = 64
        while capacity < expectedUnits / 4, capacity < 1 << 16 { capacity <<= 1 }
        written = Array(repeating: Written(), count: capacity)
        folded = Array(repeating: Folded(), count: capacity)
        buffer.reserveCapacity(64)
    }

    @inline(__always)
    static func hash(_ units: some Collection<UInt16>) -> UInt32 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for u in units { hash = (hash ^ UInt64(u)) &* 0x0000_0100_0000_01B3 }
        return UInt32(truncatingIfNeeded: hash ^ (hash >> 29))
    }

    /// The key of `units[range]` (not empty).
    mutating func key(_ units: [UInt16], _ range: Range<Int>) -> UInt32 {
        let hash = Self.hash(units[range])
        let count = UInt32(range.count)
        let mask = written.count - 1
        var slot = Int(hash) & mask
        while written[slot].count != 0 {
            let entry = written[slot]
            if entry.hash == hash, entry.count == count, Self.equal(units, Int(entry.start), units, range) {
                return entry.key
            }
            slot = (slot + 1) & mask
        }
        let key = foldedKey(units, range)
        written[slot] = Written(hash: hash, count: count, start: UInt32(range.lowerBound), key: key)
        writtenCount += 1
        if writtenCount * 2 > written.count { growWritten() }
        return key
    }

    @inline(__always)
    static func equal(_ a: [UInt16], _ start: Int, _ b: [UInt16], _ range: Range<Int>) -> Bool {
        var i = start
        for j in range {
            if a[i] != b[j] { return false }
            i += 1
        }
        return true
    }

    /// The key of a form as written that is not in the table yet.
    private mutating func foldedKey(_ units: [UInt16], _ range: Range<Int>) -> UInt32 {
        buffer.removeAll(keepingCapacity: true)
        for i in range {
            let u = units[i]
            if u < 0x80 {
                buffer.append(u >= 0x41 && u <= 0x5A ? u | 0x20 : u)
            } else if u < 0x100 && u != 0xB5 {
                // Latin-1: À–Þ but × fold to the letter 0x20 on, ß to ss; every other one is its own
                // (µ folds to Greek μ, outside Latin-1: by `TokenStream.fold`).
                if u == 0xDF {
                    buffer.append(0x73)
                    buffer.append(0x73)
                } else {
                    buffer.append(u >= 0xC0 && u <= 0xDE && u != 0xD7 ? u + 0x20 : u)
                }
            } else if u == 0x2019 {
                buffer.append(0x27)
            } else {
                return otherKey(TokenStream.fold(UTF16Scan.string(units, range)))
            }
        }
        return foldedKey(buffer, nil)
    }

    /// The key of a folded form below U+0300 (`form`): found by its units, or a new one whose
    /// form is `spelled` (the folded string, when `form` is its NFC) or `form` itself.
    private mutating func foldedKey(_ form: [UInt16], _ spelled: String?) -> UInt32 {
        let hash = Self.hash(form)
        let count = UInt32(form.count)
        let mask = folded.count - 1
        var slot = Int(hash) & mask
        while folded[slot].keyPlusOne != 0 {
            let entry = folded[slot]
            if entry.hash == hash, entry.count == count, Self.equal(forms.units, Int(entry.start), form, form.indices) {
                return entry.keyPlusOne - 1
            }
            slot = (slot + 1) & mask
        }
        let key: UInt32
        let start: UInt32
        if let spelled {
            key = forms.append(spelled.utf16)
            // The NFC units are kept to compare with, after the form's own.
            start = UInt32(forms.units.count)
            forms.units.append(contentsOf: form)
        } else {
            key = forms.append(form)
            start = forms.spans[Int(key)].start
        }
        folded[slot] = Folded(hash: hash, count: count, start: start, keyPlusOne: key + 1)
        foldedCount += 1
        if foldedCount * 2 > folded.count { growFolded() }
        return key
    }

    /// The key of a folded form made by `TokenStream.fold`.
    private mutating func otherKey(_ fold: String) -> UInt32 {
        let units = Array(fold.utf16)
        if units.allSatisfy({ $0 < 0x300 }) { return foldedKey(units, nil) }
        if let key = others[fold] { return key }
        let key: UInt32
        if normalizer == nil { normalizer = try? Normalizer(.nfc) }
        if let nfc = try? normalizer?.normalize(units), nfc.allSatisfy({ $0 < 0x300 }) {
            key = foldedKey(nfc, fold)
        } else {
            key = forms.append(units)
        }
        others[fold] = key
        return key
    }

    private mutating func growWritten() {
        let old = written
        written = Array(repeating: Written(), count: old.count * 2)
        let mask = written.count - 1
        for entry in old where entry.count != 0 {
            var slot = Int(entry.hash) & mask
            while written[slot].count != 0 { slot = (slot + 1) & mask }
            written[slot] = entry
        }
    }

    private mutating func growFolded() {
        let old = folded
        folded = Array(repeating: Folded(), count: old.count * 2)
        let mask = folded.count - 1
        for entry in old where entry.keyPlusOne != 0 {
            var slot = Int(entry.hash) & mask
            while folded[slot].keyPlusOne != 0 { slot = (slot + 1) & mask }
            folded[slot] = entry
        }
    }
}
