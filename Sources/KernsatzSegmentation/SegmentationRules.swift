import KernsatzICU

/// The language knowledge the segmenter's rule layer uses, loaded from language lists and ICU.
///
/// Abbreviations are kept in compact form (spaces removed: „z. B.“ and „z.B.“ are both "z.B."),
/// so a multi-part abbreviation matches however it is spaced.
public struct SegmentationRules: Sendable {
    public var language: String
    /// Abbreviations that do not end a sentence.
    public var abbreviations: Set<String> = []
    /// Abbreviations that end a sentence only before a sentence starter.
    public var finalAbbreviations: Set<String> = []
    /// Abbreviations that close an enumeration („usw.“): a capitalized word after them starts a sentence.
    public var enumerationClosers: Set<String> = []
    /// Abbreviated last parts of compounds, lowercased, with their kind: „-str.“ makes
    /// „Goethestr.“ and „Hauptstr.“ abbreviations. Written with a leading „-“ in the lists.
    public var compoundSuffixes: [(suffix: [UInt16], kind: AbbreviationKind)] = []
    /// Every proper prefix of a multi-part abbreviation ("z." of "z.B."), compact.
    public var abbreviationPrefixes: Set<String> = []
    /// The most parts an abbreviation has („i. d. R.“ has 3).
    public var maxParts = 1
    public var sentenceStarters: Set<String> = [] {
        didSet {
            starterHashes = Set(sentenceStarters.map { Self.wordHash(Array($0.utf16)[...], fold: false) })
            foldedStarterHashes = Set(sentenceStarters.map { Self.wordHash(Array($0.utf16)[...], fold: true) })
        }
    }
    /// Hashes of the sentence starters as written, and case-folded: lookups without strings.
    private(set) var starterHashes: Set<UInt64> = []
    private(set) var foldedStarterHashes: Set<UInt64> = []
    /// Lowercased words after which a number with a dot is an ordinal.
    public var ordinalContext: Set<String> = [] {
        didSet { ordinalContextHashes = Set(ordinalContext.map { Self.wordHash(Array($0.utf16)[...], fold: true) }) }
    }
    private(set) var ordinalContextHashes: Set<UInt64> = []
    /// Lowercased month names and their abbreviations without dots, from ICU.
    public var months: Set<String> = [] {
        didSet { monthHashes = Set(months.map { Self.wordHash(Array($0.utf16)[...], fold: true) }) }
    }
    private(set) var monthHashes: Set<UInt64> = []
    /// Closing quote marks of the language that never open a quote (French „»“, German „““):
    /// a boundary just before one belongs after it („« Nous reviendrons. » Puis …“).
    public var closingOnlyQuotes: Set<UInt16> = []
    /// Opening quote marks that never close one (German „„“, „‚“).
    public var openingOnlyQuotes: Set<UInt16> = []
    /// Quick rejection of tokens that cannot be (part of) an abbreviation: see `abbreviationKey`.
    var abbreviationKeys: Set<UInt64> = []
    /// Whether the language writes ordinals as digits with a dot („3. Oktober“).
    public var ordinalDots: Bool { !ordinalContext.isEmpty }

    public init(language: String) {
        self.language = language
    }

    /// The shipped rules for `language` ("de", "de-AT": the lists of the primary language), with
    /// month names from ICU for the full locale. A language without shipped lists gets empty rules:
    /// ICU's sentence rules for its locale plus the generic ones.
    public static func shipped(language tag: String) -> SegmentationRules {
        let language = LanguageTag.normalized(tag)
        let primary = LanguageTag.primary(language)
        var rules = SegmentationRules(language: language)
        func entries(_ kind: LanguageListKind) -> [String] {
            LanguageList.shipped(kind, language: primary)?.entries ?? []
        }
        for entry in entries(.abbreviations) { rules.addAbbreviation(entry, final: false) }
        for entry in entries(.sentenceFinalAbbreviations) {
            if entry.hasPrefix("!") {
                let compact = Self.compact(String(entry.dropFirst()))
                rules.enumerationClosers.insert(compact)
                rules.addAbbreviation(String(entry.dropFirst()), final: true)
            } else {
                rules.addAbbreviation(entry, final: true)
            }
        }
        rules.sentenceStarters = Set(entries(.sentenceStarters))
        var openers = Set<UInt16>(), closers = Set<UInt16>()
        for pair in entries(.quotes) {
            let marks = pair.split(separator: " ")
            guard marks.count == 2 else { continue }
            openers.formUnion(marks[0].utf16)
            closers.formUnion(marks[1].utf16)
        }
        rules.closingOnlyQuotes = closers.subtracting(openers)
        rules.openingOnlyQuotes = openers.subtracting(closers)
        rules.ordinalContext = Set(entries(.ordinalContext).map { $0.lowercased() })
        let locale = LanguageTag.icuLocale(language)
        for kind in [LocaleData.DateSymbols.months, .abbreviatedMonths, .standaloneMonths, .standaloneAbbreviatedMonths] {
            for name in LocaleData.symbols(kind, locale: locale) {
                let bare = name.lowercased().filter { $0 != "." }
                if bare.count >= 3 { rules.months.insert(bare) }
                // „im Dez. statt“: an abbreviated month may end a sentence, and continues one before a
                // word that does not start sentences.
                if name.hasSuffix("."), rules.lookup(compact(name)) == nil { rules.addAbbreviation(name, final: true) }
            }
        }
        return rules
    }

    mutating func addAbbreviation(_ entry: String, final: Bool) {
        if entry.hasPrefix("-") && entry.count > 2 {
            compoundSuffixes.append((Array(entry.dropFirst().lowercased().utf16), final ? .final : .nonFinal))
            return
        }
        let compact = Self.compact(entry)
        guard !compact.isEmpty else { return }
        // Every token an abbreviation can end or be cut at: runs of its dotted pieces.
        let dotted = compact.split(separator: ".", omittingEmptySubsequences: true).map { $0 + "." }
        for i in dotted.indices {
            for j in i..<dotted.count {
                abbreviationKeys.insert(Self.abbreviationKey(Array(dotted[i...j].joined().utf16)[...]))
            }
        }
        if final { finalAbbreviations.insert(compact) } else { abbreviations.insert(compact) }
        let parts = entry.split(separator: " ").count
        maxParts = max(maxParts, parts)
        // Prefixes of spaced forms: "z." of "z. B.", "i.", "i.d." of "i. d. R.".
        let pieces = entry.split(separator: " ")
        if pieces.count > 1 {
            for n in 1..<pieces.count { abbreviationPrefixes.insert(pieces[0..<n].joined()) }
        }
        // Unspaced multi-dot forms also come apart at dots: "o.a." has the prefix "o.".
        abbreviationKeys.insert(Self.abbreviationKey(Array(compact.utf16)[...]))
        if dotted.count > 1 && compact.hasSuffix(".") {
            for n in 1..<dotted.count { abbreviationPrefixes.insert(dotted[0..<n].joined()) }
            maxParts = max(maxParts, dotted.count)
        }
    }

    /// A fingerprint of a token with its final period, made without building a string: its
    /// `WordHash` with the first letter folded. A token whose key is not in `abbreviationKeys` is no
    /// abbreviation nor a piece of one.
    @inline(__always)
    static func abbreviationKey(_ token: ArraySlice<UInt16>) -> UInt64 {
        WordHash.of(token, foldFirst: true)
    }

    /// The `WordHash` of a word, case-folded or as written: words are compared by hash.
    @inline(__always)
    static func wordHash<C: Collection>(_ word: C, fold: Bool) -> UInt64 where C.Element == UInt16 {
        WordHash.of(word, fold: fold)
    }

    func isSentenceStarter(_ word: ArraySlice<UInt16>) -> Bool { !word.isEmpty && starterHashes.contains(Self.wordHash(word, fold: false)) }
    /// Whether a lowercase word would be a sentence starter capitalized („das“ → „Das“).
    func isSentenceStarterIgnoringCase(_ word: ArraySlice<UInt16>) -> Bool { !word.isEmpty && foldedStarterHashes.contains(Self.wordHash(word, fold: true)) }
    func isMonth(_ word: ArraySlice<UInt16>) -> Bool { monthHashes.contains(Self.wordHash(word.lazy.filter { $0 != 0x2E }, fold: true)) }
    func isOrdinalContext(_ word: ArraySlice<UInt16>) -> Bool { ordinalContextHashes.contains(Self.wordHash(word, fold: true)) }

    /// "z. B." → "z.B."
    public static func compact(_ s: String) -> String {
        s.filter { $0 != " " }
    }

    /// Whether `compact` is an abbreviation of either kind, as written or with its first letter lowered.
    /// The kind of the compound suffix `token` (with its period) ends in, if it is longer than the suffix.
    func compoundSuffix(of token: ArraySlice<UInt16>) -> AbbreviationKind? {
        for (suffix, kind) in compoundSuffixes where token.count > suffix.count + 1 {
            if zip(token.suffix(suffix.count), suffix).allSatisfy({ ($0.0 >= 0x41 && $0.0 <= 0x5A ? $0.0 | 0x20 : $0.0) == $0.1 }) {
                return kind
            }
        }
        return nil
    }

    func lookup(_ compact: String) -> AbbreviationKind? {
        if let kind = lookupExact(compact) { return kind }
        if let first = compact.first, first.isUppercase {
            return lookupExact(first.lowercased() + compact.dropFirst())
        }
        return nil
    }

    private func lookupExact(_ compact: String) -> AbbreviationKind? {
        if abbreviations.contains(compact) { return .nonFinal }
        if enumerationClosers.contains(compact) { return .enumerationCloser }
        if finalAbbreviations.contains(compact) { return .final }
        return nil
    }

    public enum AbbreviationKind: Sendable { case nonFinal, final, enumerationCloser }
}
