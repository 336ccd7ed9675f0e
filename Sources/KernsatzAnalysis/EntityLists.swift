import KernsatzICU
import KernsatzSegmentation

/// The kinds of entity data Kernsatz ships, one file per kind and language:
/// `Resources/entities/<kind>.<lang>.txt`, UTF-8 NFC, one entry per line, `#` comments.
/// `mul` files hold data for every language (given names, well-known organizations).
public enum EntityListKind: String, CaseIterable, Sendable {
    /// Given names („Angela“); the capitalized words after one are its surname.
    case firstNames = "first-names"
    /// Titles and roles before a name („Präsident“, „Dr.“); "-chef" entries match compound ends.
    case personCues = "person-cues"
    /// Legal forms („GmbH“), "+"head nouns („+Bank“), "-"compound heads with "Bundes*" prefixes,
    /// "&"linkers („Bundesamt für …“).
    case orgCues = "org-cues"
    /// Organizations written without any cue („Bundestag“, „Siemens“).
    case organizations
    /// Places beyond ICU's countries and regions: states, cities, rivers.
    case locations
    /// Endings of place and street names („-straße“, „-burg“), "Nord*" prefixes before known
    /// places, "San>" words that open place names.
    case locationHeads = "location-heads"
    /// Names that are neither people, places nor organizations („Euro“).
    case otherNames = "other-names"
    /// Capitalized words that are not names (German nouns); "-ung" entries are noun endings,
    /// "~en" entries weak ones (plural and inflected forms).
    case nonNames = "non-names"
    /// Words in capitals that are not names („TV“, „AKW“, Roman numerals).
    case nonNameAcronyms = "non-name-acronyms"
    /// Lowercase words inside names („von“, „de“).
    case nameParticles = "name-particles"
    /// Articles and determiners, "+"prepositions, "@"prepositions of place, "&"conjunctions,
    /// "!"auxiliary verbs.
    case nounMarkers = "noun-markers"
    /// Nouns that give the type of a name after them („Gemeinde LOC“, „Firma ORG“).
    case typeCues = "type-cues"
    /// Word endings by kind: genitive, noun inflection, adjective, past tense, demonym stems,
    /// participle prefixes and endings.
    case morphology

    /// The file a shipped list comes from, relative to the module ("entities/first-names.mul.txt").
    public func fileName(language: String) -> String { "entities/\(rawValue).\(language).txt" }
}

/// The shipped entity lists, embedded in the binary at build time (`.embedInCode`). Every file
/// under `Resources/entities/` must have its line here; `EntityListTests` checks that none is missing.
enum EmbeddedEntityLists {
    static func bytes(_ kind: EntityListKind, language: String) -> [UInt8]? {
        switch (kind, language) {
        case (.firstNames, "mul"): return PackageResources.first_names_mul_txt
        case (.personCues, "de"): return PackageResources.person_cues_de_txt
        case (.personCues, "en"): return PackageResources.person_cues_en_txt
        case (.personCues, "fr"): return PackageResources.person_cues_fr_txt
        case (.orgCues, "de"): return PackageResources.org_cues_de_txt
        case (.organizations, "mul"): return PackageResources.organizations_mul_txt
        case (.organizations, "de"): return PackageResources.organizations_de_txt
        case (.locations, "de"): return PackageResources.locations_de_txt
        case (.locationHeads, "de"): return PackageResources.location_heads_de_txt
        case (.otherNames, "de"): return PackageResources.other_names_de_txt
        case (.nonNames, "de"): return PackageResources.non_names_de_txt
        case (.nonNameAcronyms, "mul"): return PackageResources.non_name_acronyms_mul_txt
        case (.nameParticles, "mul"): return PackageResources.name_particles_mul_txt
        case (.nounMarkers, "de"): return PackageResources.noun_markers_de_txt
        case (.typeCues, "de"): return PackageResources.type_cues_de_txt
        case (.morphology, "de"): return PackageResources.morphology_de_txt
        case (.morphology, "en"): return PackageResources.morphology_en_txt
        default: return nil
        }
    }

    /// Every shipped file, for the completeness test: (kind, language).
    static let shipped: [(EntityListKind, String)] = [
        (.firstNames, "mul"), (.personCues, "de"), (.personCues, "en"), (.personCues, "fr"), (.orgCues, "de"),
        (.organizations, "mul"), (.organizations, "de"), (.locations, "de"), (.locationHeads, "de"), (.otherNames, "de"),
        (.nonNames, "de"), (.nonNameAcronyms, "mul"), (.nameParticles, "mul"), (.nounMarkers, "de"), (.typeCues, "de"), (.morphology, "de"), (.morphology, "en"),
    ]
}

/// What the lists say about a word (exact entries) or a word ending (suffix entries).
struct Lexeme: OptionSet, Sendable {
    let rawValue: UInt64
    static let function = Lexeme(rawValue: 1 << 0)
    static let firstName = Lexeme(rawValue: 1 << 1)
    static let place = Lexeme(rawValue: 1 << 2)
    static let country = Lexeme(rawValue: 1 << 3)
    static let region = Lexeme(rawValue: 1 << 4)
    static let language = Lexeme(rawValue: 1 << 5)
    static let organization = Lexeme(rawValue: 1 << 6)
    static let other = Lexeme(rawValue: 1 << 7)
    static let personCue = Lexeme(rawValue: 1 << 8)
    static let legalForm = Lexeme(rawValue: 1 << 9)
    static let orgHead = Lexeme(rawValue: 1 << 10)
    static let nonName = Lexeme(rawValue: 1 << 11)
    static let particle = Lexeme(rawValue: 1 << 12)
    static let nonNameAcronym = Lexeme(rawValue: 1 << 13)
    static let determiner = Lexeme(rawValue: 1 << 14)
    static let preposition = Lexeme(rawValue: 1 << 15)
    static let placePreposition = Lexeme(rawValue: 1 << 16)
    static let coordinator = Lexeme(rawValue: 1 << 17)
    static let placeOpener = Lexeme(rawValue: 1 << 18)
    static let orgLinker = Lexeme(rawValue: 1 << 19)
    /// The first word of a name of several words („New“ of „New York“).
    static let phraseStart = Lexeme(rawValue: 1 << 26)
    static let city = Lexeme(rawValue: 1 << 27)
    static let auxiliary = Lexeme(rawValue: 1 << 31)
    static let abbreviation = Lexeme(rawValue: 1 << 32)
    static let placeNoun = Lexeme(rawValue: 1 << 28)
    static let organizationNoun = Lexeme(rawValue: 1 << 29)
    static let otherNoun = Lexeme(rawValue: 1 << 30)
    // Suffix entries.
    static let nounEnding = Lexeme(rawValue: 1 << 20)
    static let nounHead = Lexeme(rawValue: 1 << 21)
    static let placeHead = Lexeme(rawValue: 1 << 22)
    static let cueHead = Lexeme(rawValue: 1 << 23)
    static let orgCompoundHead = Lexeme(rawValue: 1 << 24)
    static let weakNounEnding = Lexeme(rawValue: 1 << 25)

    /// Lexemes that make a word a name by themselves.
    static let name: Lexeme = [.firstName, .place, .country, .region, .city, .language, .organization, .other]
}

/// The recognizer's word keys: `WordHash` over case-folded UTF-16 units, so words are compared
/// with the lists without building strings.
enum EntityKey {
    static let seed = WordHash().value

    @inline(__always)
    static func add(_ hash: UInt64, _ unit: UInt16) -> UInt64 {
        var next = WordHash(value: hash)
        next.add(WordHash.fold(unit))
        return next.value
    }

    @inline(__always)
    static func fold(_ u: UInt16) -> UInt16 { WordHash.fold(u) }

    /// The key of a word's units, spaces left out („e. V.“ and „e.V.“ share one).
    @inline(__always)
    static func of(_ units: [UInt16], _ range: Range<Int>) -> UInt64 {
        var hash = seed
        for i in range where units[i] != 0x20 { hash = add(hash, units[i]) }
        return hash
    }

    static func of(_ text: String) -> UInt64 {
        var hash = seed
        for u in text.utf16 where u != 0x20 { hash = add(hash, u) }
        return hash
    }

    /// The key of a word ending, hashed from its last unit backwards.
    static func ofSuffix(_ text: String) -> UInt64 {
        var hash = seed
        for u in text.utf16.reversed() { hash = add(hash, u) }
        return hash
    }
}

/// An open-addressing table from word keys (already hashes) to lexemes: the recognizer looks up
/// every word and every ending, and this is several times faster than a `Dictionary`.
struct KeyTable: Sendable {
    private var keys: [UInt64]
    private var values: [Lexeme]
    private var mask: Int
    private(set) var count = 0

    init() {
        keys = [UInt64](repeating: 0, count: 16)
        values = [Lexeme](repeating: [], count: 16)
        mask = 15
    }

    @inline(__always)
    private func slot(_ key: UInt64) -> Int { Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask }

    @inline(__always)
    func lookup(_ key: UInt64) -> Lexeme {
        let key = key == 0 ? 1 : key
        var i = slot(key)
        while true {
            let k = keys[i]
            if k == key { return values[i] }
            if k == 0 { return [] }
            i = (i + 1) & mask
        }
    }

    mutating func insert(_ key: UInt64, _ lexeme: Lexeme) {
        let key = key == 0 ? 1 : key
        if (count + 1) * 2 > keys.count { grow() }
        var i = slot(key)
        while keys[i] != 0 && keys[i] != key { i = (i + 1) & mask }
        if keys[i] == 0 { count += 1; keys[i] = key }
        values[i].formUnion(lexeme)
    }

    private mutating func grow() {
        let oldKeys = keys, oldValues = values
        keys = [UInt64](repeating: 0, count: oldKeys.count * 2)
        values = [Lexeme](repeating: [], count: oldKeys.count * 2)
        mask = keys.count - 1
        count = 0
        for (key, value) in zip(oldKeys, oldValues) where key != 0 { insert(key, value) }
    }
}

/// A set of word keys: a `KeyTable` whose entries hold one marker lexeme, for the look-ups of every
/// word that a `Set<UInt64>` would hash again.
struct KeySet: Sendable {
    private var table = KeyTable()

    init() {}

    init<S: Sequence>(_ keys: S) where S.Element == UInt64 {
        for key in keys { insert(key) }
    }

    var isEmpty: Bool { table.count == 0 }

    mutating func insert(_ key: UInt64) { table.insert(key, .function) }

    @inline(__always)
    func contains(_ key: UInt64) -> Bool { !table.lookup(key).isEmpty }
}

/// Word endings of one language (`morphology.<lang>.txt`), folded to lowercase.
struct Morphology: Sendable {
    var genitive: [[UInt16]] = []
    var inflection: [[UInt16]] = []
    var adjective: [[UInt16]] = []
    var pastTense: [[UInt16]] = []
    var demonym: [[UInt16]] = []
    var participlePrefix: [[UInt16]] = []
    var participleEnding: [[UInt16]] = []

    /// Whether `units[range]` starts with one of the prefixes in `list`, leaving at least `rest` units.
    @inline(__always)
    func hasPrefix(_ units: [UInt16], _ range: Range<Int>, _ list: [[UInt16]], rest: Int) -> Bool {
        outer: for prefix in list where range.count - prefix.count >= rest {
            var i = range.lowerBound
            for u in prefix {
                if EntityKey.fold(units[i]) != u { continue outer }
                i += 1
            }
            return true
        }
        return false
    }

    /// Whether `units[range]` ends with one of the endings in `list`, leaving at least `stem` units.
    @inline(__always)
    func hasEnding(_ units: [UInt16], _ range: Range<Int>, _ list: [[UInt16]], stem: Int) -> Bool {
        for ending in list where range.count - ending.count >= stem && Self.ends(units, range.upperBound, with: ending) {
            return true
        }
        return false
    }

    @inline(__always)
    static func ends(_ units: [UInt16], _ end: Int, with ending: [UInt16]) -> Bool {
        var i = end - ending.count
        for u in ending {
            if EntityKey.fold(units[i]) != u { return false }
            i += 1
        }
        return true
    }
}

/// Everything the recognizer knows about one language's words, loaded once from the lists and ICU.
struct EntityLexicon: Sendable {
    /// Exact words, folded: what lists they are in.
    private(set) var words = KeyTable()
    /// Word endings, hashed backwards.
    private(set) var suffixes = KeyTable()
    /// The longest ending in `suffixes`, in UTF-16 units.
    private(set) var longestSuffix = 0
    /// Prefixes that make a compound with an `.orgCompoundHead` an organization („Bundes“).
    private(set) var orgPrefixes = KeySet()
    private(set) var orgPrefixLengths: [Int] = []
    /// Prefixes that make a place of a place („Ost“ + „Deutschland“).
    private(set) var placePrefixes = KeySet()
    private(set) var longestPlacePrefix = 0
    /// Names of several words: key of the words joined by one space → what they are and how many words.
    private(set) var phrases: [UInt64: (lexeme: Lexeme, words: Int)] = [:]
    /// Whether German noun capitalization applies (nouns are not names).
    let capitalizesNouns: Bool
    private(set) var morphology = Morphology()

    init(language: String) throws(AnalysisError) {
        capitalizesNouns = language == "de"
        func list(_ kind: EntityListKind) throws(AnalysisError) -> [(entry: String, line: Int)] {
            var result: [(String, Int)] = []
            for lang in [language, "mul"] {
                guard let bytes = EmbeddedEntityLists.bytes(kind, language: lang) else { continue }
                try LanguageList.forEachEntry(bytes) { (line, number) throws(AnalysisError) in
                    if line.utf8.contains(0x09) || (line.hasPrefix("-") || line.hasPrefix("~")) && line.count < 2 {
                        throw AnalysisError(.badList(file: kind.fileName(language: lang), line: number, reason: "not an entry: \"\(line)\""))
                    }
                    result.append((line, number))
                }
            }
            return result
        }

        for (entry, _) in try list(.firstNames) { add(entry, .firstName) }
        for (entry, _) in try list(.organizations) { add(entry, .organization) }
        for (entry, _) in try list(.locations) { add(entry, .place) }
        for (entry, _) in try list(.otherNames) { add(entry, .other) }
        for (entry, _) in try list(.nonNameAcronyms) { add(entry, .nonNameAcronym) }
        for (entry, _) in try list(.nameParticles) { add(entry, .particle) }
        for (entry, _) in try list(.personCues) {
            if entry.hasPrefix("-") { addSuffix(String(entry.dropFirst()), .cueHead) } else { add(entry, .personCue) }
        }
        for (entry, _) in try list(.orgCues) {
            if entry.hasPrefix("+") {
                add(String(entry.dropFirst()), .orgHead)
            } else if entry.hasPrefix("-") {
                addSuffix(String(entry.dropFirst()), .orgCompoundHead)
            } else if entry.hasPrefix("&") {
                add(String(entry.dropFirst()), .orgLinker)
            } else if entry.hasSuffix("*") {
                let prefix = Array(entry.dropLast().utf16)
                orgPrefixes.insert(EntityKey.of(prefix, 0..<prefix.count))
                if !orgPrefixLengths.contains(prefix.count) { orgPrefixLengths.append(prefix.count) }
            } else {
                add(entry, .legalForm)
            }
        }
        for (entry, _) in try list(.locationHeads) {
            if entry.hasSuffix(">") {
                add(String(entry.dropLast()), .placeOpener)
            } else if entry.hasSuffix("*") {
                let prefix = Array(entry.dropLast().utf16)
                placePrefixes.insert(EntityKey.of(prefix, 0..<prefix.count))
                longestPlacePrefix = max(longestPlacePrefix, prefix.count)
            } else {
                addSuffix(String(entry.dropFirst()), .placeHead)
            }
        }
        for (entry, _) in try list(.nonNames) {
            if entry.hasPrefix("~") {
                addSuffix(String(entry.dropFirst()), .weakNounEnding)
            } else if entry.hasPrefix("-") {
                addSuffix(String(entry.dropFirst()), .nounEnding)
            } else {
                add(entry, .nonName)
                // Entries of four letters or more also end compounds („Regierung“ → „Bundesregierung“).
                if entry.utf16.count >= 4 { addSuffix(entry, .nounHead) }
            }
        }
        for (entry, _) in try list(.nounMarkers) {
            if entry.hasPrefix("&") {
                add(String(entry.dropFirst()), .coordinator)
            } else if entry.hasPrefix("!") {
                add(String(entry.dropFirst()), .auxiliary)
            } else if entry.hasPrefix("@") {
                add(String(entry.dropFirst()), [.preposition, .placePreposition])
            } else if entry.hasPrefix("+") {
                add(String(entry.dropFirst()), .preposition)
            } else {
                add(entry, .determiner)
            }
        }
        for (entry, line) in try list(.morphology) {
            let parts = entry.split(separator: ":", maxSplits: 1)
            let endings = parts.count == 2
                ? parts[1].split(separator: " ").map { Array($0.utf16).map(EntityKey.fold) } : []
            switch parts.count == 2 ? String(parts[0]) : "" {
            case "genitive": morphology.genitive = endings
            case "inflection": morphology.inflection = endings
            case "adjective": morphology.adjective = endings
            case "past-tense": morphology.pastTense = endings
            case "demonym": morphology.demonym = endings
            case "participle-prefix": morphology.participlePrefix = endings
            case "participle-ending": morphology.participleEnding = endings
            default:
                throw AnalysisError(.badList(file: EntityListKind.morphology.fileName(language: language), line: line,
                                             reason: "not \"kind: endings\" with a known kind: \"\(entry)\""))
            }
        }
        for (entry, line) in try list(.typeCues) {
            let parts = entry.split(separator: " ")
            let lexeme: Lexeme
            switch parts.count == 2 ? parts[1] : "" {
            case "LOC": lexeme = .placeNoun
            case "ORG": lexeme = .organizationNoun
            case "OTH": lexeme = .otherNoun
            default:
                throw AnalysisError(.badList(file: EntityListKind.typeCues.fileName(language: language), line: line,
                                             reason: "not \"noun TYPE\" with TYPE one of LOC, ORG, OTH: \"\(entry)\""))
            }
            add(String(parts[0]), lexeme)
        }
        // Function words from the segmentation data: stopwords and sentence starters.
        for kind in [LanguageListKind.stopwords, .sentenceStarters] {
            for entry in LanguageList.shipped(kind, language: language)?.entries ?? [] { add(entry, .function) }
        }
        // Capitalized abbreviations („Nr.“, „Abs.“, „Chr.“) are no names; titles among them
        // („Dr.“, „Prof.“) are person cues, which the classifier looks at first.
        for kind in [LanguageListKind.abbreviations, .sentenceFinalAbbreviations] {
            for entry in LanguageList.shipped(kind, language: language)?.entries ?? []
            where entry.hasSuffix(".") && !entry.utf8.contains(0x20) && entry.first?.isUppercase == true {
                add(entry, .abbreviation)
            }
        }
        // Month and weekday names are not names in news annotation.
        for kind in [LocaleData.DateSymbols.months, .standaloneMonths, .weekdays] {
            for name in LocaleData.symbols(kind, locale: language) { add(name, .nonName) }
        }
        addICUNames(language: language)
    }

    /// ICU's localized names of countries, world regions and languages.
    private mutating func addICUNames(language: String) {
        for code in LocaleData.isoCountries {
            guard let name = LocaleData.countryName(code, in: language), Self.usable(name) else { continue }
            add(name, .country)
        }
        for code in Self.worldRegions {
            guard let name = LocaleData.countryName(code, in: language), Self.usable(name) else { continue }
            add(name, .region)
        }
        // Time zone cities; a city that is also a word of the language („Lima“ is safe, a noun is not)
        // is left to the noun list, which is looked at first only for non-names, so skip those.
        for city in LocaleData.exemplarCities(in: language) where Self.usable(city) {
            let key = EntityKey.of(city)
            if words.lookup(key).contains(.nonName) || words.lookup(key).contains(.function) { continue }
            add(city, .city)
        }
        for code in ["EU", "UN"] {
            guard let name = LocaleData.countryName(code, in: language), Self.usable(name) else { continue }
            add(name, .organization)
        }
        for code in LocaleData.isoLanguages {
            guard let name = LocaleData.languageName(code, in: language), Self.usable(name), !name.utf8.contains(0x20) else { continue }
            // German language names are nouns in -isch („Englisch“); others of ICU's names may be words.
            if language == "de" && !name.hasSuffix("sch") { continue }
            if !words.lookup(EntityKey.of(name)).isEmpty { continue }
            add(name, .language)
        }
    }

    /// UN M49 codes of continents and world regions (not 001, the world).
    private static let worldRegions = [
        "002", "005", "009", "011", "013", "014", "015", "017", "018", "019", "021", "029", "030", "034",
        "035", "039", "053", "054", "057", "061", "142", "143", "145", "150", "151", "154", "155", "202", "419",
    ]

    private static func usable(_ name: String) -> Bool {
        !name.utf8.contains { $0 == 0x28 || $0 == 0x2C || $0 == 0x26 } && name.unicodeScalars.count >= 3
    }

    private mutating func add(_ entry: String, _ lexeme: Lexeme) {
        // "Dr." and "Dr" are one word: the dot after an abbreviation is not part of the token.
        var entry = entry
        guard entry.utf8.contains(0x20) else {
            if entry.hasSuffix(".") { entry.removeLast() }
            words.insert(EntityKey.of(entry), lexeme)
            return
        }
        let parts = entry.split(separator: " ")
        if parts.count > 1 {
            var hash = EntityKey.seed
            for (index, part) in parts.enumerated() {
                if index > 0 { hash = EntityKey.add(hash, 0x20) }
                let units = Array((index == parts.count - 1 && part.hasSuffix(".") ? part.dropLast() : part).utf16)
                for u in units { hash = EntityKey.add(hash, u) }
            }
            phrases[hash] = (phrases[hash]?.lexeme.union(lexeme) ?? lexeme, parts.count)
            words.insert(EntityKey.of(String(parts[0])), .phraseStart)
            return
        }
        words.insert(EntityKey.of(entry), lexeme)
    }

    private mutating func addSuffix(_ ending: String, _ lexeme: Lexeme) {
        suffixes.insert(EntityKey.ofSuffix(ending), lexeme)
        longestSuffix = max(longestSuffix, ending.utf16.count)
    }

    @inline(__always)
    func lookup(_ key: UInt64) -> Lexeme { words.lookup(key) }

    /// The word without a genitive ending, for the first ending where `accept` holds
    /// („Europas“ → „Europa“), or nil. At least three units remain.
    @inline(__always)
    func genitiveStem(_ units: [UInt16], _ range: Range<Int>, where accept: (Range<Int>) -> Bool) -> Range<Int>? {
        for ending in morphology.genitive
        where range.count - ending.count >= 3 && Morphology.ends(units, range.upperBound, with: ending) {
            let stem = range.lowerBound..<range.upperBound - ending.count
            if accept(stem) { return stem }
        }
        return nil
    }

    /// What a name of several words is, by the key of its words joined with one space.
    func phrase(_ key: UInt64) -> (lexeme: Lexeme, words: Int)? { phrases[key] }

    /// What the endings of `units[range]` say, all endings from one unit up to the longest entry
    /// that leave at least two units before them.
    func endings(_ units: [UInt16], _ range: Range<Int>) -> Lexeme {
        var result: Lexeme = []
        var hash = EntityKey.seed
        let limit = min(longestSuffix, range.count - 2)
        guard limit >= 2 else { return [] }
        var i = range.upperBound
        for _ in 1...limit {
            i -= 1
            hash = EntityKey.add(hash, units[i])
            result.formUnion(suffixes.lookup(hash))
        }
        return result
    }

    /// The rest of `units[range]` after a compass prefix („Ost“ in „Ostdeutschland“), or nil.
    func placePrefixRest(_ units: [UInt16], _ range: Range<Int>) -> Range<Int>? {
        // At least four units must remain after the prefix.
        let stop = min(range.upperBound - 4, range.lowerBound + longestPlacePrefix)
        guard stop > range.lowerBound else { return nil }
        var hash = EntityKey.seed
        for i in range.lowerBound..<stop {
            hash = EntityKey.add(hash, units[i])
            if placePrefixes.contains(hash) { return i + 1..<range.upperBound }
        }
        return nil
    }

    /// Whether `units[range]` starts with an organization prefix („Bundes“) and has more after it.
    func hasOrgPrefix(_ units: [UInt16], _ range: Range<Int>) -> Bool {
        for length in orgPrefixLengths where range.count > length + 2 {
            if orgPrefixes.contains(EntityKey.of(units, range.lowerBound..<range.lowerBound + length)) { return true }
        }
        return false
    }
}
