import KernsatzICU
import KernsatzSegmentation

/// The kinds of German morphology data the glossary matcher reads, one file each:
/// `Resources/<kind>/<kind>.de.txt`, UTF-8 NFC, one entry per line, `#` comments.
public enum MorphologyListKind: String, CaseIterable, Sendable {
    /// Noun inflection by term ending: `ung +en`, `* +s +es +e …`.
    case nounEndings = "noun-endings"
    /// Fugenelemente between a compound's first part and the rest (`0` is none).
    case linkingElements = "linking-elements"
    /// Umlaut pairs (`a ä`).
    case umlauts
    /// Attributive adjective endings.
    case adjectiveEndings = "adjective-endings"
    /// Words in which a shorter term is never found.
    case neverMatch = "never-match"
    /// Articles and prepositions after a multiword term's head noun.
    case functionWords = "function-words"
    /// Prefixes that are not compound parts (ver-, be-, …).
    case nonModifiers = "non-modifiers"

    /// The shipped list's text for `language` (a primary subtag), or nil when there is none.
    func shippedText(language: String) -> String? {
        let bytes: [UInt8]?
        switch (self, language) {
        case (.nounEndings, "de"): bytes = PackageResources.noun_endings_de_txt
        case (.nounEndings, "en"): bytes = PackageResources.noun_endings_en_txt
        case (.nounEndings, "fr"): bytes = PackageResources.noun_endings_fr_txt
        case (.linkingElements, "de"): bytes = PackageResources.linking_elements_de_txt
        case (.umlauts, "de"): bytes = PackageResources.umlauts_de_txt
        case (.adjectiveEndings, "de"): bytes = PackageResources.adjective_endings_de_txt
        case (.neverMatch, "de"): bytes = PackageResources.never_match_de_txt
        case (.functionWords, "de"): bytes = PackageResources.function_words_de_txt
        case (.functionWords, "en"): bytes = PackageResources.function_words_en_txt
        case (.functionWords, "fr"): bytes = PackageResources.function_words_fr_txt
        case (.nonModifiers, "de"): bytes = PackageResources.non_modifiers_de_txt
        default: bytes = nil
        }
        return bytes.map { String(decoding: $0, as: UTF8.self) }
    }

    /// The shipped German list's text.
    var shippedText: String { shippedText(language: "de") ?? "" }
}

/// German word-form knowledge for term matching, loaded from data. All strings are case-folded.
///
///     let morphology = GermanMorphology.shipped
///     morphology.nounForms("haus").keys.sorted()   // ["haus", "hause", "hauses", "haus", "häuser", "häusern", …]
public struct GermanMorphology: Sendable {
    enum FormRule: Sendable, Equatable {
        case append(String)
        case umlautAppend(String)
        case replace(String)
    }

    /// (term ending, forms), longest ending first; the `*` rule has the ending "".
    let nounRules: [(ending: String, forms: [FormRule])]
    /// Linking elements; "" is the empty link. `dropsE` is the `-e` rule.
    let linkingElements: [String]
    let dropsE: Bool
    let umlauts: [(plain: String, umlaut: String)]
    let adjectiveEndings: [String]
    /// Folded never-match words; `lowerCaseOnly` for entries written in lower case (verbs, adjectives),
    /// which block only text words written in lower case („gipfeln“, not „Gipfeln“).
    let neverMatch: [(word: String, lowerCaseOnly: Bool)]
    let functionWords: Set<String>
    let nonModifiers: Set<String>

    /// The shipped German lists, parsed.
    public static let shipped = GermanMorphology(lists: Dictionary(uniqueKeysWithValues: MorphologyListKind.allCases.map { ($0, $0.shippedText) }))
    /// The shipped English and French lists (plurals and the words after a head noun; no compounds).
    public static let shippedEnglish = GermanMorphology(language: "en")
    public static let shippedFrench = GermanMorphology(language: "fr")
    /// No word forms at all: a term matches as written (but for case), for languages without lists.
    public static let none = GermanMorphology(lists: [:], capitalizesNouns: false)

    /// The shipped lists for a glossary's source language: German, English, French, else `none`.
    public static func shipped(for language: String) -> GermanMorphology {
        switch LanguageTag.primary(language) {
        case "de": return .shipped
        case "en": return .shippedEnglish
        case "fr": return .shippedFrench
        default: return .none
        }
    }

    private init(language: String) {
        self.init(lists: Dictionary(uniqueKeysWithValues: MorphologyListKind.allCases.compactMap { kind in
            kind.shippedText(language: language).map { (kind, $0) }
        }), capitalizesNouns: language == "de")
    }

    /// Whether the language writes its nouns capitalized (German): then a term in lower case is an
    /// adjective or a verb, and its capitalized form a noun; elsewhere case says nothing of it.
    public let capitalizesNouns: Bool
    /// Whether words are compounds of others (there are linking elements): German „Sicherheitsgarantien“.
    public var compounds: Bool { !linkingElements.isEmpty || dropsE }

    /// Builds from list texts (missing kinds are empty).
    public init(lists: [MorphologyListKind: String], capitalizesNouns: Bool = true) {
        self.capitalizesNouns = capitalizesNouns
        func entries(_ kind: MorphologyListKind) -> [String] {
            (lists[kind] ?? "").split(separator: "\n").compactMap { line in
                let trimmed = line.trimmingWhitespace
                return trimmed.isEmpty || trimmed.hasPrefix("#") ? nil : trimmed
            }
        }
        var rules: [(String, [FormRule])] = []
        for line in entries(.nounEndings) {
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            guard let ending = fields.first else { continue }
            let forms: [FormRule] = fields.dropFirst().compactMap { field in
                if field.hasPrefix("^+") { return .umlautAppend(Fold.key(String(field.dropFirst(2)))) }
                if field.hasPrefix("+") { return .append(Fold.key(String(field.dropFirst()))) }
                if field.hasPrefix("=") { return .replace(Fold.key(String(field.dropFirst()))) }
                return nil
            }
            rules.append((ending == "*" ? "" : Fold.key(ending), forms))
        }
        nounRules = rules.sorted { $0.0.count > $1.0.count }
        let links = entries(.linkingElements)
        dropsE = links.contains("-e")
        linkingElements = links.filter { $0 != "-e" }.map { $0 == "0" ? "" : Fold.key($0) }
        umlauts = entries(.umlauts).compactMap { line in
            let pair = line.split(separator: " ")
            return pair.count == 2 ? (Fold.key(String(pair[0])), Fold.key(String(pair[1]))) : nil
        }.sorted { $0.0.count > $1.0.count }
        adjectiveEndings = entries(.adjectiveEndings).map(Fold.key).sorted { $0.count > $1.count }
        neverMatch = entries(.neverMatch).map { entry in
            (Fold.key(entry), entry.unicodeScalars.first.map { $0.properties.isLowercase } ?? false)
        }
        functionWords = Set(entries(.functionWords).map(Fold.key))
        nonModifiers = Set(entries(.nonModifiers).map(Fold.key))
    }

    /// The forms of a (folded) noun: form → whether it is inflected (the base form is not).
    public func nounForms(_ noun: String) -> [String: Bool] {
        var forms = [noun: false]
        let length = noun.count
        guard let rule = nounRules.first(where: { length > $0.ending.count && noun.hasSuffix($0.ending) }) else { return forms }
        // The umlauted noun once, for every rule that appends to it.
        let umlautedNoun = rule.forms.contains { if case .umlautAppend = $0 { true } else { false } } ? umlauted(noun) : nil
        for form in rule.forms {
            let made: String?
            switch form {
            case .append(let s): made = noun + s
            case .umlautAppend(let s): made = umlautedNoun.map { $0 + s }
            case .replace(let s): made = String(noun.dropLast(rule.ending.count)) + s
            }
            if let made, made != noun { forms[made] = true }
        }
        return forms
    }

    /// The forms of a (folded) adjective: its stem with every ending; the given form is the base.
    /// - Parameter declined: the adjective is given with an ending („starke“ in „starke NATO“), which
    ///   is taken off to find the stem; otherwise it is the stem („rechtsextrem“).
    public func adjectiveForms(_ adjective: String, declined: Bool = true) -> [String: Bool] {
        var forms = [adjective: false]
        var stem = adjective
        if declined, let ending = adjectiveEndings.first(where: { adjective.hasSuffix($0) && adjective.count > $0.count + 2 }) {
            stem = String(adjective.dropLast(ending.count))
        }
        for ending in adjectiveEndings where stem + ending != adjective { forms[stem + ending] = true }
        if stem != adjective { forms[stem] = true }
        return forms
    }

    /// Whether a (folded) word ends in an adjective ending (so it declines before a noun).
    func looksAdjectival(_ word: String) -> Bool {
        adjectiveEndings.contains { word.hasSuffix($0) && word.count > $0.count + 2 }
    }

    /// The noun with its last a/o/u/au umlauted, or nil when it has none. Final -er/-el/-en
    /// syllables are skipped („Mutter“ → „Mütter“).
    func umlauted(_ noun: String) -> String? {
        let scalars = Array(noun.unicodeScalars)
        let pairs = umlauts.map { (plain: Array($0.plain.unicodeScalars), umlaut: Array($0.umlaut.unicodeScalars)) }
        var i = scalars.count - 1
        while i >= 0 {
            for (p, umlaut) in pairs {
                if i - p.count + 1 >= 0, scalars[(i - p.count + 1)...i].elementsEqual(p) {
                    // "au": the a is at i-1; skip a lone "u" that belongs to an "au" handled above.
                    var out = scalars
                    out.replaceSubrange((i - p.count + 1)...i, with: umlaut)
                    var s = String.UnicodeScalarView()
                    s.append(contentsOf: out)
                    return String(s)
                }
            }
            i -= 1
        }
        return nil
    }

    /// Whether `word` (folded) is (or, as a compound, starts or ends with) a never-match word that
    /// contains `term` (folded) as a proper part.
    /// - Parameter compound: whether the word is taken as a compound (then a never-match word at its
    ///   start or end blocks too); an inflected form is blocked only by an equal never-match word.
    func blocks(word: String, written: String, term: String, compound: Bool) -> Bool {
        let startsLowercase = written.unicodeScalars.first.map { $0.properties.isLowercase } ?? true
        return blocks(word: word, startsLowercase: startsLowercase, blockers: blockers(of: term), compound: compound)
    }

    /// The never-match words that contain `term` (folded) as a proper part, in list order: the only
    /// ones that can block it. A matcher finds them once per term.
    func blockers(of term: String) -> [(word: String, lowerCaseOnly: Bool)] {
        let asciiTerm = Self.isASCII(term)
        let length = term.count
        return neverMatch.filter { entry in
            guard entry.word != term else { return false }
            // ASCII in both: no combining marks nor decompositions, so bytes tell what Characters would.
            if asciiTerm && Self.isASCII(entry.word) {
                return entry.word.utf8.count > term.utf8.count && Self.contains(entry.word.utf8, term.utf8)
            }
            return entry.word.count > length && entry.word.contains(term)
        }
    }

    private static func isASCII(_ text: String) -> Bool { text.utf8.allSatisfy { $0 < 0x80 } }

    /// Whether `bytes` hold `part` somewhere.
    /// - Complexity: O(*n* · *m*) for *n* bytes and a part of *m*.
    private static func contains(_ bytes: String.UTF8View, _ part: String.UTF8View) -> Bool {
        let whole = Array(bytes), needle = Array(part)
        guard !needle.isEmpty else { return true }
        guard whole.count >= needle.count else { return false }
        for start in 0...(whole.count - needle.count) where whole[start..<start + needle.count].elementsEqual(needle) {
            return true
        }
        return false
    }

    /// `blocks(word:written:term:compound:)` with the term's `blockers(of:)` and whether the word as
    /// written (not empty) starts with a lower-case letter.
    func blocks(word: String, startsLowercase: Bool, blockers: [(word: String, lowerCaseOnly: Bool)], compound: Bool) -> Bool {
        for (n, lowerCaseOnly) in blockers {
            if lowerCaseOnly, !startsLowercase { continue }
            if word == n || (compound && (word.hasPrefix(n) || word.hasSuffix(n))) { return true }
        }
        return false
    }

    /// Whether `modifier` (folded) can be the first part of a compound: a word of its own,
    /// not a prefix such as ver- or be-.
    func isModifier(_ modifier: String) -> Bool {
        modifier.count >= 3 && !nonModifiers.contains(modifier) && modifier.unicodeScalars.contains(where: Fold.isVowel)
    }
}

/// Case folding for matching: NFC text folded with ICU's full case folding ("ß" → "ss"), with an
/// ASCII fast path.
enum Fold {
    static func key(_ text: some StringProtocol) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            var bytes = Array(text.utf8)
            for i in bytes.indices where bytes[i] >= 0x41 && bytes[i] <= 0x5A { bytes[i] += 0x20 }
            return String(decoding: bytes, as: UTF8.self)
        }
        // Latin-1 letters (German, French, …) fold by rule: À–Þ to à–þ (not ×), ß to ss; the rest through ICU.
        if text.utf16.allSatisfy({ $0 < 0x100 && $0 != 0xB5 }) {
            var units: [UInt16] = []
            units.reserveCapacity(text.utf16.count + 1)
            for u in text.utf16 {
                if (u >= 0x41 && u <= 0x5A) || (u >= 0xC0 && u <= 0xDE && u != 0xD7) { units.append(u + 0x20) }
                else if u == 0xDF { units.append(0x73); units.append(0x73) }
                else { units.append(u) }
            }
            return String(decoding: units, as: UTF16.self)
        }
        return CaseMapping.fold.apply(String(text))
    }

    /// One Latin-1 unit folded by the rule of `key(_:)`, ß aside (it folds to two letters).
    @inline(__always)
    static func latin1(_ u: UInt16) -> UInt16 {
        (u >= 0x41 && u <= 0x5A) || (u >= 0xC0 && u <= 0xDE && u != 0xD7) ? u + 0x20 : u
    }

    /// One Latin-1 unit folded by the rule of `key(_:)`, as UTF-8.
    @inline(__always)
    static func appendLatin1(_ u: UInt16, toUTF8 bytes: inout [UInt8]) {
        if u == 0xDF {
            bytes.append(0x73)
            bytes.append(0x73)
            return
        }
        let folded = latin1(u)
        if folded < 0x80 {
            bytes.append(UInt8(folded))
        } else {
            bytes.append(UInt8(0xC0 | (folded >> 6)))
            bytes.append(UInt8(0x80 | (folded & 0x3F)))
        }
    }

    static func isVowel(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "a", "e", "i", "o", "u", "y", "ä", "ö", "ü", "é", "è", "à", "á", "í", "ó", "ú": return true
        default: return false
        }
    }
}
