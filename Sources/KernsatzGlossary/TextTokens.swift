import KernsatzICU
import KernsatzText

/// How a word token is joined to the next one.
enum Joiner: UInt8, Sendable {
    /// Punctuation or the end of the text: no term spans it.
    case none
    /// Spaces (one line break included).
    case space
    /// One hyphen between letters: the tokens belong to one compound word („NATO-Gipfel“).
    case hyphen
    /// An apostrophe (' or ’) between letters: an elision („d’agression“, „l'OTAN“) or a clitic
    /// ("Europe's"). A term spans it as it spans a space; the tokens stay two words.
    case apostrophe
}

/// A run of letters and digits in UTF-16 text. The token as written and its case-folded key are
/// made only when asked for (`original(_:)`, `key(_:)`): most tokens are passed over with their
/// `hash` and flags alone.
struct TextToken: Sendable {
    // Stored compactly (64 bytes a token, not 88): a text has a token every six units or so, and
    // all of them are held while terms are matched. Offsets and counts fit `Int32` (no reader
    // takes a text near 2³¹ units).
    /// `FoldHash.canonical` of the key.
    var hash: UInt64
    /// Latin-1 tokens (`folded` nil): the forward hash of the key's first three scalars (or all, when
    /// fewer), the backward hash of its last three, and its length in scalars; 0 otherwise.
    var beginningHash: UInt64 = 0
    var endingHash: UInt64 = 0
    /// The key, when it was folded through ICU (the token is not all Latin-1); nil: the key is
    /// folded by rule from the text (`Fold.key`'s Latin-1 path), and is NFC.
    var folded: String?
    private var storedStart: Int32
    private var storedEnd: Int32
    private var storedScalarCount: Int32 = 0
    private var storedWord: Int32
    var joinerAfter: Joiner
    /// Ends in a hyphen before a space: the first part of „Staats- und Regierungschefs“.
    var truncated = false
    /// The first scalar is lower case (`Unicode.Scalar.Properties.isLowercase`).
    var startsLowercase: Bool
    /// The first scalar is upper case (`Unicode.Scalar.Properties.isUppercase`).
    var startsUppercase: Bool
    /// Some scalar is alphabetic (not only digits and marks).
    var hasLetters: Bool

    var start: Int {
        get { Int(storedStart) }
        set { storedStart = Int32(newValue) }
    }
    var end: Int {
        get { Int(storedEnd) }
        set { storedEnd = Int32(newValue) }
    }
    var scalarCount: Int {
        get { Int(storedScalarCount) }
        set { storedScalarCount = Int32(newValue) }
    }
    /// The index of the hyphen-joined word the token belongs to.
    var word: Int {
        get { Int(storedWord) }
        set { storedWord = Int32(newValue) }
    }

    init(start: Int, end: Int, hash: UInt64, folded: String?, joinerAfter: Joiner, truncated: Bool, word: Int,
         startsLowercase: Bool, startsUppercase: Bool, hasLetters: Bool) {
        self.hash = hash
        self.folded = folded
        storedStart = Int32(start)
        storedEnd = Int32(end)
        storedWord = Int32(word)
        self.joinerAfter = joinerAfter
        self.truncated = truncated
        self.startsLowercase = startsLowercase
        self.startsUppercase = startsUppercase
        self.hasLetters = hasLetters
    }

    /// The token as written.
    func original(_ units: [UInt16]) -> String { UTF16Scan.string(units, start..<end) }

    /// NFC + full case folding: `Fold.key(original(units))`.
    func key(_ units: [UInt16]) -> String {
        if let folded { return folded }
        var bytes: [UInt8] = []
        bytes.reserveCapacity((end - start) * 2 + 1)
        for i in start..<end { Fold.appendLatin1(units[i], toUTF8: &bytes) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The key's scalar values, into `buffer` (emptied first).
    func foldedScalars(_ units: [UInt16], into buffer: inout [UInt32]) {
        buffer.removeAll(keepingCapacity: true)
        if let folded {
            for scalar in folded.unicodeScalars { buffer.append(scalar.value) }
            return
        }
        for i in start..<end {
            let u = units[i]
            if u == 0xDF {
                buffer.append(0x73)
                buffer.append(0x73)
            } else {
                buffer.append(UInt32(Fold.latin1(u)))
            }
        }
    }

    /// Whether the key is `word` scalar for scalar (`String`'s `==` for keys folded through ICU),
    /// without making the key.
    func keyEquals(_ word: String, _ units: [UInt16]) -> Bool {
        if let folded { return folded == word }
        var bytes = word.utf8.makeIterator()
        for i in start..<end {
            let u = units[i]
            if u == 0xDF {
                guard bytes.next() == 0x73, bytes.next() == 0x73 else { return false }
                continue
            }
            let folded = Fold.latin1(u)
            if folded < 0x80 {
                guard bytes.next() == UInt8(folded) else { return false }
            } else {
                guard bytes.next() == UInt8(0xC0 | (folded >> 6)), bytes.next() == UInt8(0x80 | (folded & 0x3F)) else { return false }
            }
        }
        return bytes.next() == nil
    }
}

/// The first and last token of a hyphen-joined word.
struct WordSpan: Sendable {
    // Int32: a text has a word every seven units or so, all held while terms are matched.
    private var storedFirst: Int32
    private var storedLast: Int32

    var first: Int {
        get { Int(storedFirst) }
        set { storedFirst = Int32(newValue) }
    }
    var last: Int {
        get { Int(storedLast) }
        set { storedLast = Int32(newValue) }
    }

    init(first: Int, last: Int) {
        storedFirst = Int32(first)
        storedLast = Int32(last)
    }
}

/// A text cut into the word tokens term matching and term extraction read. Make it once per text
/// and hand it to both, so the text is cut once:
///
///     let tokens = TermTokens(units: units)
///     let hits = matcher.match(units: units, tokens: tokens)
///     extractor.add(units: units, source: path, hits: hits, tokens: tokens)
///
/// It belongs to the units it was made from; passing it with other units is a programming error.
public struct TermTokens: Sendable {
    let tokens: [TextToken]
    let words: [WordSpan]
    /// The length of the units cut, to catch tokens passed with other text.
    let unitCount: Int

    /// - Complexity: O(*n*) in the length of `units`.
    public init(units: [UInt16]) {
        (tokens, words) = Tokenizer.tokens(units)
        unitCount = units.count
    }
}

/// Cuts text into word tokens and hyphen-joined words.
struct Tokenizer {
    /// Tokens, and for each word the indices of its first and last token.
    /// - Complexity: O(*n*) in the length of `units`; a token not all Latin-1 is folded through ICU.
    static func tokens(_ units: [UInt16]) -> (tokens: [TextToken], words: [WordSpan]) {
        var tokens: [TextToken] = []
        var words: [WordSpan] = []
        tokens.reserveCapacity(units.count / 6)
        words.reserveCapacity(units.count / 7)
        var i = 0
        let n = units.count
        // The joiner after the last token (kept here: reading `tokens.last` copies the token).
        var previousJoiner = Joiner.none
        while i < n {
            guard isWordUnit(units, i) else { i += 1; continue }
            let start = i
            var letters = false
            var latin1 = true
            scan: while i < n {
                let u = units[i]
                if u < 0x80 {
                    if (u | 0x20) >= 0x61 && (u | 0x20) <= 0x7A {
                        letters = true
                    } else if !(u >= 0x30 && u <= 0x39) {
                        break
                    }
                    i += 1
                } else if u < 0x100 {
                    // Latin-1: the letters are ª µ º and À–ÿ but × ÷; nothing else is a word unit.
                    guard u == 0xAA || u == 0xB5 || u == 0xBA || (u >= 0xC0 && u != 0xD7 && u != 0xF7) else { break }
                    letters = true
                    if u == 0xB5 { latin1 = false }
                    i += 1
                } else {
                    let scalar = UTF16Scan.scalar(units, at: i)
                    if isLetter(scalar) {
                        letters = true
                    } else if !isDigitOrMark(scalar) {
                        break scan
                    }
                    latin1 = false
                    i += UTF16Scan.width(units, at: i)
                }
            }
            // The joiner to the next token.
            var joiner = Joiner.none
            var truncated = false
            if i < n {
                if isHyphen(units[i]), i + 1 < n, isWordUnit(units, i + 1) {
                    joiner = .hyphen
                } else if units[i] == 0x27 || units[i] == 0x2019, letters, i + 1 < n, isWordUnit(units, i + 1) {
                    joiner = .apostrophe
                } else {
                    // „Staats- und …“: the hyphen stands for the rest of a later compound.
                    truncated = isHyphen(units[i]) && i + 1 < n && (units[i + 1] == 0x20 || units[i + 1] == 0x0A)
                    var j = truncated ? i + 1 : i
                    var lineBreaks = 0
                    while j < n, units[j] == 0x20 || units[j] == 0x09 || units[j] == 0x0A || units[j] == 0x0D {
                        if units[j] == 0x0A { lineBreaks += 1 }
                        j += 1
                    }
                    if j > (truncated ? i + 1 : i), j < n, lineBreaks <= 1, isWordUnit(units, j) { joiner = .space }
                }
            }
            let previousHyphen = previousJoiner == .hyphen
            previousJoiner = joiner
            let word = previousHyphen ? words.count - 1 : words.count
            if previousHyphen { words[word].last = tokens.count } else { words.append(WordSpan(first: tokens.count, last: tokens.count)) }
            // The key: by rule from Latin-1 text (hashed as it is folded), else through ICU.
            var hash = FoldHash.seed
            var folded: String?
            var beginning = FoldHash.seed
            var scalarCount = 0
            // The last three folded scalars, the latest in `last2`.
            var last0: UInt32 = 0, last1: UInt32 = 0, last2: UInt32 = 0
            if latin1 {
                for k in start..<i {
                    let u = units[k]
                    let value = u == 0xDF ? 0x73 : UInt32(Fold.latin1(u))
                    for _ in 0..<(u == 0xDF ? 2 : 1) {
                        hash = FoldHash.add(hash, value)
                        if scalarCount < 3 { beginning = FoldHash.add(beginning, value) }
                        scalarCount += 1
                        last0 = last1
                        last1 = last2
                        last2 = value
                    }
                }
            } else {
                let key = Fold.key(UTF16Scan.string(units, start..<i))
                hash = FoldHash.canonical(key)
                folded = key
            }
            var ending = FoldHash.add(FoldHash.seed, last2)
            if scalarCount >= 2 { ending = FoldHash.add(ending, last1) }
            if scalarCount >= 3 { ending = FoldHash.add(ending, last0) }
            let first = units[start]
            let startsLowercase: Bool, startsUppercase: Bool
            if first < 0x80 {
                startsLowercase = first >= 0x61 && first <= 0x7A
                startsUppercase = first >= 0x41 && first <= 0x5A
            } else {
                (startsLowercase, startsUppercase) = caseOf(UTF16Scan.scalar(units, at: start))
            }
            var token = TextToken(start: start, end: i, hash: hash, folded: folded, joinerAfter: joiner, truncated: truncated,
                                  word: word, startsLowercase: startsLowercase, startsUppercase: startsUppercase, hasLetters: letters)
            if latin1 {
                token.beginningHash = beginning
                token.endingHash = ending
                token.scalarCount = scalarCount
            }
            tokens.append(token)
        }
        return (tokens, words)
    }

    static func isHyphen(_ u: UInt16) -> Bool { u == 0x2D || u == 0x2010 || u == 0x2011 }

    static func isWordUnit(_ units: [UInt16], _ i: Int) -> Bool {
        let u = units[i]
        if u < 0x80 {
            return (u >= 0x61 && u <= 0x7A) || (u >= 0x41 && u <= 0x5A) || (u >= 0x30 && u <= 0x39)
        }
        if u < 0x100 { return u == 0xAA || u == 0xB5 || u == 0xBA || (u >= 0xC0 && u != 0xD7 && u != 0xF7) }
        let scalar = UTF16Scan.scalar(units, at: i)
        return isLetter(scalar) || isDigitOrMark(scalar)
    }

    // The Unicode property look-ups, out of line on purpose: inlined, the storage of the property
    // types is set up on every call of the function they are inlined in, also when ASCII answers.

    /// Alphabetic (`Unicode.Scalar.Properties.isAlphabetic`).
    @inline(never)
    static func isLetter(_ scalar: Unicode.Scalar) -> Bool { scalar.properties.isAlphabetic }

    /// A decimal digit or a mark, which belong to a word too.
    @inline(never)
    static func isDigitOrMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .decimalNumber, .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    /// Whether the scalar is lower case and whether it is upper case.
    @inline(never)
    static func caseOf(_ scalar: Unicode.Scalar) -> (lowercase: Bool, uppercase: Bool) {
        (scalar.properties.isLowercase, scalar.properties.isUppercase)
    }
}

/// FNV-1a over the scalar values of folded words, for `KeyFilter`s: forward for whole words and
/// their beginnings, backward (last scalar first) for their endings, so that the hashes of all
/// beginnings (endings) of a word come in one pass. `String` takes canonically equivalent words as
/// equal, so words are hashed in NFC (`canonical`); Latin-1 text is NFC already.
enum FoldHash {
    static let seed: UInt64 = 0xCBF2_9CE4_8422_2325

    @inline(__always)
    static func add(_ hash: UInt64, _ value: UInt32) -> UInt64 { (hash ^ UInt64(value)) &* 0x0000_0100_0000_01B3 }

    static func forward(_ word: some StringProtocol) -> UInt64 {
        var hash = seed
        for scalar in word.unicodeScalars { hash = add(hash, scalar.value) }
        return hash
    }

    static func backward(_ word: some StringProtocol) -> UInt64 {
        var hash = seed
        for scalar in word.unicodeScalars.reversed() { hash = add(hash, scalar.value) }
        return hash
    }

    /// `forward` of the word in NFC.
    static func canonical(_ word: String) -> UInt64 { forward(nfc(word)) }

    /// `backward` of the word in NFC.
    static func canonicalBackward(_ word: String) -> UInt64 { backward(nfc(word)) }

    /// The word in NFC (scalars below U+0300 are NFC whatever follows them).
    static func nfc(_ word: String) -> String {
        if word.unicodeScalars.allSatisfy({ $0.value < 0x300 }) { return word }
        return (try? Normalizer(.nfc).normalize(word)) ?? word
    }
}

/// A Bloom filter of word hashes (two probes, 16 to 32 bits a word): `mayContain` is true for every
/// hash inserted and for at most about 1.5 % of others, so a hash table is asked only when it may answer.
struct KeyFilter: Sendable {
    private let bits: [UInt64]
    private let shift: UInt64

    init(_ hashes: [UInt64]) {
        var size = 64
        while size < hashes.count * 16 { size *= 2 }
        var bits = [UInt64](repeating: 0, count: size / 64)
        let shift = UInt64(64 - size.trailingZeroBitCount)
        for hash in hashes {
            let (a, b) = Self.probes(hash, shift: shift)
            bits[a >> 6] |= 1 << UInt64(a & 63)
            bits[b >> 6] |= 1 << UInt64(b & 63)
        }
        self.bits = bits
        self.shift = shift
    }

    @inline(__always)
    private static func probes(_ hash: UInt64, shift: UInt64) -> (Int, Int) {
        let a = (hash ^ (hash >> 29)) &* 0x9E37_79B9_7F4A_7C15
        let b = (hash ^ (hash >> 31)) &* 0xC2B2_AE3D_27D4_EB4F
        return (Int(truncatingIfNeeded: a >> shift), Int(truncatingIfNeeded: b >> shift))
    }

    @inline(__always)
    func mayContain(_ hash: UInt64) -> Bool {
        let (a, b) = Self.probes(hash, shift: shift)
        return bits[a >> 6] & (1 << UInt64(a & 63)) != 0 && bits[b >> 6] & (1 << UInt64(b & 63)) != 0
    }
}

/// A set of folded words filled from text tokens, with `Set<String>`'s membership: a token that is
/// already in it is found by its hash and compared without making its key, and no `String` is made
/// for a new one either: the words are kept as the UTF-8 bytes of their NFC form, one after another
/// (two words are equal as `String`s, canonically equivalent, when their NFC forms are the same bytes).
/// Open addressing with linear probing, at most half full; each slot holds the high half of its
/// word's hash next to the word's number (eight bytes: one probe, one cache line), so probing reads
/// no word but the ones whose hash half matches.
///
/// A word can also be marked when it is inserted (`insert(_:_:marked:)`): the marked words are a
/// second set, kept with the first at no extra lookup (`containsMarked(_:)`).
struct FoldedWordSet: Sendable {
    private struct Slot {
        /// The high 32 bits of the word's hash.
        var tag: UInt32 = 0
        /// The word's number plus 1; 0: empty.
        var word: Int32 = 0
    }

    /// The words' bytes (UTF-8, NFC), one after another.
    private var bytes: [UInt8] = []
    /// Where each word starts in `bytes`, and after the last one where the next will.
    private var starts: [Int] = [0]
    /// The hash (`FoldHash.canonical`) of each word, for growing.
    private var hashes: [UInt64] = []
    /// Whether each word was inserted marked at least once.
    private var marks: [Bool] = []
    private var slots = [Slot](repeating: Slot(), count: 1024)

    @inline(__always)
    private static func home(_ hash: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: ((hash ^ (hash >> 29)) &* 0x9E37_79B9_7F4A_7C15) >> 24) & mask
    }

    @inline(__always)
    private static func tag(_ hash: UInt64) -> UInt32 { UInt32(truncatingIfNeeded: hash >> 32) }

    /// Adds the token's key, and marks it when `marked`.
    /// - Complexity: O(1) on average.
    mutating func insert(_ token: TextToken, _ units: [UInt16], marked: Bool = false) {
        if let folded = token.folded {
            let word = Array(FoldHash.nfc(folded).utf8)
            let (slot, found) = find(word, hash: token.hash)
            if found {
                if marked { marks[Int(slots[slot].word) - 1] = true }
            } else {
                add(word, hash: token.hash, at: slot, marked: marked)
            }
            return
        }
        // Latin-1: compared as folded, unit by unit.
        let mask = slots.count - 1
        let hash = token.hash
        let tag = Self.tag(hash)
        var i = Self.home(hash, mask)
        while true {
            let slot = slots[i]
            if slot.word == 0 { break }
            if slot.tag == tag, isLatin1Key(of: token, units, word: Int(slot.word) - 1) {
                if marked { marks[Int(slot.word) - 1] = true }
                return
            }
            i = (i + 1) & mask
        }
        for k in token.start..<token.end { Fold.appendLatin1(units[k], toUTF8: &bytes) }
        added(hash: hash, at: i, marked: marked)
    }

    /// Whether word number `word` is the key of a Latin-1 token (`folded` nil), as `TextToken.key` makes it.
    private func isLatin1Key(of token: TextToken, _ units: [UInt16], word: Int) -> Bool {
        var b = starts[word]
        let end = starts[word + 1]
        for k in token.start..<token.end {
            let u = units[k]
            if u == 0xDF {
                guard end - b >= 2, bytes[b] == 0x73, bytes[b + 1] == 0x73 else { return false }
                b += 2
                continue
            }
            let folded = Fold.latin1(u)
            if folded < 0x80 {
                guard b < end, bytes[b] == UInt8(folded) else { return false }
                b += 1
            } else {
                guard end - b >= 2, bytes[b] == UInt8(0xC0 | (folded >> 6)), bytes[b + 1] == UInt8(0x80 | (folded & 0x3F)) else { return false }
                b += 2
            }
        }
        return b == end
    }

    /// The slot of the word with these bytes (NFC) and hash, or the empty slot where it would go.
    private func find(_ word: some Collection<UInt8>, hash: UInt64) -> (slot: Int, found: Bool) {
        let mask = slots.count - 1
        let tag = Self.tag(hash)
        var i = Self.home(hash, mask)
        while slots[i].word != 0 {
            let number = Int(slots[i].word) - 1
            if slots[i].tag == tag, bytes[starts[number]..<starts[number + 1]].elementsEqual(word) { return (i, true) }
            i = (i + 1) & mask
        }
        return (i, false)
    }

    private mutating func add(_ word: some Collection<UInt8>, hash: UInt64, at slot: Int, marked: Bool) {
        bytes.append(contentsOf: word)
        added(hash: hash, at: slot, marked: marked)
    }

    /// Records the word just appended to `bytes` in the empty `slot`.
    private mutating func added(hash: UInt64, at slot: Int, marked: Bool) {
        starts.append(bytes.count)
        hashes.append(hash)
        marks.append(marked)
        slots[slot] = Slot(tag: Self.tag(hash), word: Int32(hashes.count))
        if hashes.count * 2 > slots.count { grow() }
    }

    /// Adds the words of `other` that are not in the set yet, and marks those marked in `other`.
    /// - Complexity: O(*m*) on average in the words of `other`.
    mutating func formUnion(_ other: FoldedWordSet) {
        for number in other.hashes.indices {
            let word = other.bytes[other.starts[number]..<other.starts[number + 1]]
            let (slot, found) = find(word, hash: other.hashes[number])
            if found {
                if other.marks[number] { marks[Int(slots[slot].word) - 1] = true }
            } else {
                add(word, hash: other.hashes[number], at: slot, marked: other.marks[number])
            }
        }
    }

    private mutating func grow() {
        let old = slots
        slots = [Slot](repeating: Slot(), count: old.count * 2)
        let mask = slots.count - 1
        for slot in old where slot.word != 0 {
            var i = Self.home(hashes[Int(slot.word) - 1], mask)
            while slots[i].word != 0 { i = (i + 1) & mask }
            slots[i] = slot
        }
    }

    /// Whether the word of these Latin-1 scalar values (NFC, as every Latin-1 text) is in the set.
    func contains(latin1 values: ArraySlice<UInt32>) -> Bool {
        var hash = FoldHash.seed
        for value in values { hash = FoldHash.add(hash, value) }
        let mask = slots.count - 1
        let tag = Self.tag(hash)
        var i = Self.home(hash, mask)
        while slots[i].word != 0 {
            let number = Int(slots[i].word) - 1
            if slots[i].tag == tag, isLatin1Word(values, number) { return true }
            i = (i + 1) & mask
        }
        return false
    }

    /// Whether word number `number` is the UTF-8 of these Latin-1 scalar values.
    private func isLatin1Word(_ values: ArraySlice<UInt32>, _ number: Int) -> Bool {
        var b = starts[number]
        let end = starts[number + 1]
        for value in values {
            if value < 0x80 {
                guard b < end, bytes[b] == UInt8(value) else { return false }
                b += 1
            } else {
                guard end - b >= 2, bytes[b] == UInt8(0xC0 | (value >> 6)), bytes[b + 1] == UInt8(0x80 | (value & 0x3F)) else { return false }
                b += 2
            }
        }
        return b == end
    }

    /// Whether a word canonically equivalent to `word` (as `String` compares) is in the set.
    func contains(_ word: String) -> Bool {
        let nfc = FoldHash.nfc(word)
        return find(nfc.utf8, hash: FoldHash.forward(nfc)).found
    }

    /// Whether a word canonically equivalent to `word` was inserted marked.
    func containsMarked(_ word: String) -> Bool {
        let nfc = FoldHash.nfc(word)
        let (slot, found) = find(nfc.utf8, hash: FoldHash.forward(nfc))
        return found && marks[Int(slots[slot].word) - 1]
    }
}
