import KernsatzText

/// Tells which of the supported languages a text is in, from how many of each language's
/// function words it uses (the shipped stop-word lists) and a few letters only one language has.
///
///     LanguageIdentifier().identify("Der Generalsekretär rief zur Unterstützung auf.")   // "de"
///
/// Words are compared by the `WordHash` of their folded UTF-16 units, so identifying allocates
/// nothing per word.
public struct LanguageIdentifier: Sendable {
    public let languages: [String]
    /// Word hash → bit set of the languages whose stop-word list has the word.
    private let table: WordTable
    /// How many words of a text are read: enough to tell six languages apart.
    public var sampleWords = 120

    public init(languages: [String] = LanguageList.supportedLanguages) {
        self.languages = languages
        var masks: [UInt64: UInt32] = [:]
        for (index, language) in languages.enumerated() {
            for word in LanguageList.shipped(.stopwords, language: language)?.entries ?? [] {
                masks[WordHash.of(word.lowercased().utf16, fold: true), default: 0] |= 1 << UInt32(index)
            }
        }
        table = WordTable(masks)
    }

    /// The language code, or "und" when the text is in none of the supported languages' scripts
    /// (then ICU's root rules segment it). A Latin text without a single function word — a headline,
    /// a list of names — counts as the first language (German).
    public func identify(_ text: String) -> String {
        identify(units: Array(text.utf16.prefix(40_000)))
    }

    /// - Complexity: O(*n*) over at most `sampleWords` words.
    public func identify(units: [UInt16]) -> String {
        identifyWithScores(units: units).language
    }

    /// The winner and every language's score (stop-word hits, plus bonuses for telling letters).
    public func identifyWithScores(units: [UInt16]) -> (language: String, scores: [String: Double]) {
        var hits = [Double](repeating: 0, count: languages.count)
        var words = 0
        var latin = 0, other = 0
        var wordStart = -1
        var hash = WordHash()
        func bonus(_ language: String, _ value: Double) {
            if let index = languages.firstIndex(of: language) { hits[index] += value }
        }
        var i = 0
        while i <= units.count && words < sampleWords {
            let u: UInt16 = i < units.count ? units[i] : 0x20
            let isLetter: Bool
            if u < 0x80 {
                isLetter = (u | 0x20) >= 0x61 && (u | 0x20) <= 0x7A || u == 0x27
            } else if u >= 0xC0 && u <= 0x24F && u != 0xD7 && u != 0xF7 {
                // Latin-1 and Latin Extended letters, without asking for properties.
                isLetter = true
                latin += 1
                switch u {
                case 0xDF: bonus("de", 0.5)                       // ß
                case 0xF1: bonus("es", 0.5)                       // ñ
                case 0xE7: bonus("fr", 0.3)                       // ç
                case 0x133: bonus("nl", 0.5)                      // ĳ
                default: break
                }
            } else if UTF16.isLeadSurrogate(u) || UTF16.isTrailSurrogate(u) {
                isLetter = true
                other += 1
            } else {
                let scalar = Unicode.Scalar(UInt32(u))!
                isLetter = scalar.properties.isAlphabetic || u == 0x2019
                if isLetter { if u < 0x250 { latin += 1 } else { other += 1 } }
                if u == 0xBF || u == 0xA1 { bonus("es", 0.5) }          // ¿ ¡
            }
            if isLetter {
                if wordStart < 0 { wordStart = i; hash = WordHash() }
                hash.add(WordHash.fold(u))
                if u < 0x80 { latin += 1 }
            } else if wordStart >= 0 {
                words += 1
                let mask = table[hash.value]
                if mask != 0 {
                    for index in languages.indices where mask & (1 << UInt32(index)) != 0 { hits[index] += 1 }
                }
                wordStart = -1
            }
            i += 1
        }
        var scores: [String: Double] = [:]
        for (index, language) in languages.enumerated() { scores[language] = hits[index] }
        if other > latin { return ("und", scores) }
        var best = 0
        for index in hits.indices where hits[index] > hits[best] { best = index }
        guard !languages.isEmpty, hits[best] >= 1 else { return (languages.first ?? "und", scores) }
        return (languages[best], scores)
    }
}

/// An open-addressing table from word hashes (already uniformly spread) to language bit sets:
/// one array probe per word instead of hashing the hash again.
struct WordTable: Sendable {
    private var keys: [UInt64]
    private var values: [UInt32]
    private let mask: Int

    init(_ entries: [UInt64: UInt32]) {
        var capacity = 16
        while capacity < entries.count * 4 { capacity <<= 1 }
        keys = [UInt64](repeating: 0, count: capacity)
        values = [UInt32](repeating: 0, count: capacity)
        mask = capacity - 1
        for (key, value) in entries {
            var slot = Int(truncatingIfNeeded: key) & mask
            while values[slot] != 0 { slot = (slot + 1) & mask }
            keys[slot] = key
            values[slot] = value
        }
    }

    /// The bit set for `key`, 0 when absent.
    @inline(__always)
    subscript(key: UInt64) -> UInt32 {
        var slot = Int(truncatingIfNeeded: key) & mask
        while values[slot] != 0 {
            if keys[slot] == key { return values[slot] }
            slot = (slot + 1) & mask
        }
        return 0
    }
}
