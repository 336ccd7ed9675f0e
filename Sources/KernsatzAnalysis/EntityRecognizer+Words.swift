import KernsatzText

/// What a word is to the recognizer, from its form and the lists, before its context is looked at.
enum WordClass: Equatable {
    /// Not capitalized (or in an all-caps headline and not known).
    case lower
    /// A single capital with a dot: an initial („F.“).
    case initial
    /// A capitalized function word („Die“, „Doch“).
    case function
    /// A title or role before a name („Präsident“, „Kremlchef“, „NATO-Generalsekretär“).
    case cue
    /// A legal form after an organization's name („GmbH“, „e. V.“).
    case legalForm
    /// A noun that ends organization names („Bank“, „Partei“); alone, a noun.
    case orgHead
    /// A common noun.
    case noun
    /// A known or recognizable name: see `Word.type` and `Word.cue`.
    case name
    /// Capitalized and in no list: a name or a noun, decided by context.
    case unknown
}

/// Why a word alone is a name; the raw value is the entity's cue.
enum NameCue: String {
    case none = ""
    case knownOrganization = "known organization"
    case country = "gazetteer country"
    case region = "gazetteer region"
    case place = "gazetteer place"
    case city = "gazetteer city"
    case prefixedPlace = "gazetteer place with prefix"
    case language = "gazetteer language"
    case firstName = "first name"
    case otherName = "other name"
    case acronym
    case orgCompound = "org compound"
    case placeEnding = "place ending"
}

/// One word of a sentence with what the lists say about it. A plain value without references,
/// so that copying one is cheap.
struct Word {
    var range: Range<Int>
    var key: UInt64
    var lexeme: Lexeme = []
    var wordClass: WordClass = .lower
    /// For `.name`: its type and why.
    var type: EntityType = .other
    var cue: NameCue = .none
    /// Found by dropping a genitive -s („Europas“): a name that ends a multiword name.
    var genitive = false
    /// Capitalized adjective form („Deutsche“, „Europäischen“, „Berliner“, „Zweiten“).
    var adjectival = false
    /// The name inside a hyphenated compound („NATO“ in „NATO-Gipfel“) and its type.
    var part: Range<Int>?
    var partType: EntityType = .other
    /// A dot follows directly („Dr.“).
    var dotAfter = false
    /// Punctuation other than one dot, or a line break, stands between this word and the previous one.
    var separated = true
    /// The first word of a sentence, or the first after an opening quote, a colon or a bracket.
    var clauseStart = false
    /// The last punctuation mark between the previous word and this one (0 when none).
    var markBefore: UInt16 = 0
    /// Lowercase adjective form („neue“, „enger“).
    var lowerAdjectival = false
    var capitalized = false
    /// The form of the word, worked out once.
    var shape: EntityRecognizer.Shape? = nil
    /// Several words that form one name from the lists („New York“); `lexeme` is the phrase's.
    var isPhrase = false
    /// What the word's endings say (German capitalized words only; empty otherwise).
    var endings: Lexeme = []
    /// A noun only by its ending („Gillespie“ in -ie), not by a list entry: weak evidence.
    var nounByEnding = false

    /// A given name from the lists („Angela“, „Hans-Peter“).
    var isGivenName: Bool { wordClass == .name && type == .person && cue == .firstName }
}

extension EntityRecognizer {
    /// The words of `units[range]`: runs of letters and digits joined by inner hyphens, apostrophes
    /// and dots („NATO-Gipfel“, „e.V“); „e. V.“-style chains of single letters become one word.
    ///
    /// - Complexity: O(n) in the length of the range.
    func words(_ units: [UInt16], in range: Range<Int>) -> [Word] {
        var result: [Word] = []
        result.reserveCapacity(range.count / 5 + 1)
        var i = range.lowerBound
        let end = range.upperBound
        var separated = true
        var clauseStart = true
        var mark: UInt16 = 0
        while i < end {
            if Self.wordWidth(units, i) == 0 {
                let u = units[i]
                let (s, width) = Tokenizer.scalar(units, at: i)
                if u == 0x2E, let last = result.last, last.range.upperBound == i, result[result.count - 1].dotAfter == false {
                    result[result.count - 1].dotAfter = true
                } else if !UTF16Scan.isSpace(u) || u == 0x0A || u == 0x0D {
                    separated = true
                    mark = u
                    if UTF16Scan.isOpening(s) || u == 0x3A || u == 0x28 || u == 0x2013 || u == 0x2014 {
                        clauseStart = true
                    }
                }
                i += width
                continue
            }
            var start = i
            while i < end {
                // ASCII letters and digits inline: most units of most texts.
                let a = units[i]
                if a < 0x80 {
                    let lower = a | 0x20
                    if (lower >= 0x61 && lower <= 0x7A) || (a >= 0x30 && a <= 0x39) { i += 1; continue }
                } else {
                    let w = Self.wordWidth(units, i)
                    if w > 0 { i += w; continue }
                }
                // Inner hyphens, apostrophes and dots join when a word character follows.
                let u = units[i]
                if (u == 0x2D || u == 0x2011 || u == 0x27 || u == 0x2019 || u == 0x2E) && i + 1 < end
                    && Self.wordWidth(units, i + 1) > 0 {
                    // An elided article or pronoun („l’OTAN“, „dell’Italia“, „d’Orsay“) is not part of the word.
                    if (u == 0x27 || u == 0x2019) && Self.isElision(units, start..<i) {
                        start = i + 1
                    }
                    i += 1
                    continue
                }
                break
            }
            var word = Word(range: start..<i, key: EntityKey.of(units, start..<i))
            // „e. V.“, „U. S.“: single letters with dots, one space apart, are one word.
            if let last = result.last, last.dotAfter, last.range.count == 1, word.range.count == 1,
               i < end, units[i] == 0x2E, last.range.upperBound + 2 == start, units[start - 1] == 0x20,
               UTF16Scan.isLetter(UTF16Scan.scalar(units, at: start)) {
                let merged = last.range.lowerBound..<i
                var key = EntityKey.seed
                for j in merged where units[j] != 0x20 { key = EntityKey.add(key, units[j]) }
                result[result.count - 1].range = merged
                result[result.count - 1].key = key
                result[result.count - 1].dotAfter = false
                continue
            }
            word.separated = separated
            word.clauseStart = clauseStart
            word.markBefore = mark
            result.append(word)
            mark = 0
            separated = false
            clauseStart = false
        }
        return result
    }

    /// A lowercase elided word before an apostrophe: one or two letters („l“, „d“, „qu“) or an
    /// Italian article with a preposition („dell“, „nell“, „all“, „sull“).
    static func isElision(_ units: [UInt16], _ range: Range<Int>) -> Bool {
        guard !range.isEmpty, range.count <= 5 else { return false }
        for i in range where !(units[i] >= 0x61 && units[i] <= 0x7A) { return false }
        return range.count <= 2 || units[range.upperBound - 1] == 0x6C && units[range.upperBound - 2] == 0x6C
    }

    /// The UTF-16 width of the word character at `i` (a letter, digit or mark), or 0 for anything
    /// else. ASCII and Latin-1 without Unicode property look-ups.
    @inline(__always)
    static func wordWidth(_ units: [UInt16], _ i: Int) -> Int {
        let u = units[i]
        if u < 0x80 {
            let lower = u | 0x20
            return (lower >= 0x61 && lower <= 0x7A) || (u >= 0x30 && u <= 0x39) ? 1 : 0
        }
        if u < 0x100 { return (u >= 0xC0 && u != 0xD7 && u != 0xF7) || u == 0xAA || u == 0xB5 || u == 0xBA ? 1 : 0 }
        if u < 0xD800 || u > 0xDFFF { return isWordScalar(Unicode.Scalar(u)!) ? 1 : 0 }
        return isWordScalar(UTF16Scan.scalar(units, at: i)) ? UTF16Scan.width(units, at: i) : 0
    }

    @inline(__always)
    static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        if s.value < 0x80 { return UTF16Scan.isLetter(s) || UTF16Scan.isDigit(s) }
        if s.value < 0x100 { return (s.value >= 0xC0 && s.value != 0xD7 && s.value != 0xF7) || s.value == 0xAA || s.value == 0xB5 || s.value == 0xBA }
        // Quotation marks, dashes, €: no property look-ups either.
        if Tokenizer.isPunctuationBlock(s.value) { return false }
        return hasWordProperties(s)
    }

    /// Letters, numbers and marks by their Unicode properties. Out of line on purpose: inlined,
    /// the property types' storage is set up on every call of `wordWidth`, also for ASCII.
    @inline(never)
    static func hasWordProperties(_ s: Unicode.Scalar) -> Bool {
        s.properties.isAlphabetic || s.properties.numericType != nil
            || s.properties.generalCategory == .nonspacingMark || s.properties.generalCategory == .spacingMark
    }

    /// Whether most words of a sentence are in capitals (a headline): then capitals say nothing.
    func isHeadline(_ units: [UInt16], _ words: [Word]) -> Bool {
        var capitals = 0, letters = 0
        for word in words where word.range.count >= 2 {
            let first = UTF16Scan.scalar(units, at: word.range.lowerBound)
            guard UTF16Scan.isLetter(first) else { continue }
            letters += 1
            if (word.shape ?? Self.shape(units, word.range)).allCaps { capitals += 1 }
        }
        return capitals >= 3 && capitals * 5 >= letters * 3
    }

    /// Acronyms have at most this many letters („UNESCO“, „NASDAQ“); longer words in capitals are emphasis.
    static let longestAcronym: Int32 = 7

    struct Shape {
        var capitalized = false
        var allCaps = false
        var letters: Int32 = 0
        var hasDigit = false
        var hyphens: Int16 = 0
    }

    @inline(__always)
    static func shape(_ units: [UInt16], _ range: Range<Int>) -> Shape {
        var shape = Shape()
        var lower = 0, upper = 0
        var i = range.lowerBound
        var first = true
        while i < range.upperBound {
            let u = units[i]
            // Latin-1 without Unicode property look-ups: the letters of the supported languages.
            if u < 0x100 {
                if (u >= 0x41 && u <= 0x5A) || (u >= 0xC0 && u <= 0xDE && u != 0xD7) {
                    upper += 1
                    if first { shape.capitalized = true }
                    first = false
                } else if (u >= 0x61 && u <= 0x7A) || (u >= 0xDF && u != 0xF7) {
                    lower += 1
                    first = false
                } else if u >= 0x30 && u <= 0x39 {
                    shape.hasDigit = true
                    first = false
                } else if u == 0x2D {
                    shape.hyphens += 1
                }
                i += 1
                continue
            }
            let s = UTF16Scan.scalar(units, at: i)
            if UTF16Scan.isUppercase(s) {
                upper += 1
                if first { shape.capitalized = true }
            } else if UTF16Scan.isLowercase(s) {
                lower += 1
            } else if UTF16Scan.isDigit(s) {
                shape.hasDigit = true
            } else if units[i] == 0x2D || units[i] == 0x2011 {
                shape.hyphens += 1
            }
            if UTF16Scan.isLetter(s) || UTF16Scan.isDigit(s) { first = false }
            i += UTF16Scan.width(units, at: i)
        }
        shape.letters = Int32(lower + upper)
        // „NATO“, „CDU“, „G20“; also a plural or genitive s („NGOs“).
        // Mixed forms with more capitals than small letters count too („VfL“, „CeBIT“).
        shape.allCaps = upper >= 2 && (lower == 0 || (lower == 1 && units[range.upperBound - 1] == 0x73) || upper > lower)
        return shape
    }

    /// Classifies every word of a sentence from its form and the lists.
    func classify(_ units: [UInt16], _ words: inout [Word]) {
        for index in words.indices { words[index].shape = Self.shape(units, words[index].range) }
        let headline = isHeadline(units, words)
        mergePhrases(units, &words)
        for index in words.indices {
            classify(units, &words[index], headline: headline)
        }
    }

    /// Names of several words from the lists („New York“, „Vereinigte Staaten“) become one word.
    func mergePhrases(_ units: [UInt16], _ words: inout [Word]) {
        var result: [Word] = []
        var i = 0
        var merged = false
        while i < words.count {
            guard lexicon.lookup(words[i].key).contains(.phraseStart) else {
                if merged { result.append(words[i]) }
                i += 1
                continue
            }
            var key = words[i].key
            var match: (Int, Lexeme)? = nil
            var n = 1
            while n < 4 && i + n < words.count && !words[i + n].separated {
                if words[i + n - 1].dotAfter { key = EntityKey.add(key, 0x2E) }
                key = EntityKey.add(key, 0x20)
                for j in words[i + n].range { key = EntityKey.add(key, units[j]) }
                n += 1
                if let phrase = lexicon.phrase(key), phrase.words == n { match = (n, phrase.lexeme) }
            }
            if !merged && match != nil {
                merged = true
                result = Array(words[..<i])
            }
            if let (count, lexeme) = match {
                var word = words[i]
                let last = words[i + count - 1]
                word.range = word.range.lowerBound..<last.range.upperBound
                word.lexeme = lexeme
                word.isPhrase = true
                word.dotAfter = last.dotAfter
                word.shape = Self.shape(units, word.range)
                result.append(word)
                i += count
            } else {
                if merged { result.append(words[i]) }
                i += 1
            }
        }
        if merged { words = result }
    }

    func classify(_ units: [UInt16], _ word: inout Word, headline: Bool) {
        let range = word.range
        let shape = word.shape ?? Self.shape(units, range)
        if !word.isPhrase { word.lexeme = lexicon.lookup(word.key) }
        word.capitalized = shape.capitalized
        if !shape.capitalized {
            word.wordClass = .lower
            if word.lexeme.contains(.legalForm) && shape.letters >= 2 { word.wordClass = .legalForm }
            word.lowerAdjectival = !word.lexeme.contains(.function) && !word.lexeme.contains(.determiner)
                && !word.lexeme.contains(.preposition) && hasAdjectiveEnding(units, range)
            return
        }
        // A long word in capitals („BILDUNGSAUSGABEN:“) is emphasis, not an acronym: like a headline.
        if shape.allCaps && (headline || (shape.letters > Self.longestAcronym && !shape.hasDigit)) {
            // Capitals say nothing in a headline: only what the lists know.
            if knownName(units, &word) == nil { word.wordClass = .lower }
            return
        }
        if shape.letters == 1 && range.count == 1 {
            word.wordClass = word.dotAfter ? .initial : .lower
            return
        }
        let lexeme = word.lexeme
        // A function word that is also a name („Seine“, „Wen“) is the function word at a clause start.
        if lexeme.contains(.function) && (word.clauseStart || lexeme.isDisjoint(with: [.firstName, .place, .country])) {
            word.wordClass = .function
            return
        }
        if knownName(units, &word) != nil { return }
        if lexeme.contains(.placeOpener) { word.wordClass = .unknown; return }
        if lexeme.contains(.legalForm) { word.wordClass = .legalForm; return }
        if lexeme.contains(.personCue) { word.wordClass = .cue; return }
        if lexeme.contains(.abbreviation) && word.dotAfter { word.wordClass = .noun; return }
        if lexeme.contains(.orgHead) || (range.count > 4
            && lexicon.genitiveStem(units, range, where: { lexicon.lookup(EntityKey.of(units, $0)).contains(.orgHead) }) != nil) {
            word.wordClass = .orgHead
            word.adjectival = false
            return
        }
        if lexeme.contains(.nonNameAcronym) { word.wordClass = .noun; return }
        if shape.hyphens > 0 && classifyCompound(units, &word, headline: headline) { return }
        if shape.allCaps {
            word.wordClass = .name
            word.type = .organization
            word.cue = .acronym
            return
        }
        word.adjectival = hasAdjectiveEnding(units, range)
        if lexicon.capitalizesNouns {
            if lexeme.contains(.nonName) || isInflectedNoun(units, range) {
                word.wordClass = .noun
                word.adjectival = word.adjectival && hasDemonymEnding(units, range)
                return
            }
            var endings = lexicon.endings(units, range)
            defer { word.endings = endings }
            // Compound heads also inflected („Weltkriegs“, „Kulturministeriums“).
            if endings.isDisjoint(with: [.nounEnding, .nounHead, .cueHead, .placeHead, .orgCompoundHead]), range.count > 5 {
                for ending in lexicon.morphology.inflection
                where range.count - ending.count >= 4 && Morphology.ends(units, range.upperBound, with: ending) {
                    let cut = range.lowerBound..<range.upperBound - ending.count
                    endings.formUnion(lexicon.endings(units, cut).intersection([.nounHead, .orgCompoundHead]))
                }
            }
            // Adjectives in -isch- („Olympischen“) are no diminutives in -chen.
            if hasDemonymEnding(units, range) {
                word.wordClass = .unknown
                return
            }
            if endings.contains(.orgCompoundHead) && lexicon.hasOrgPrefix(units, range) {
                word.wordClass = .name
                word.type = .organization
                word.cue = .orgCompound
                return
            }
            if endings.contains(.cueHead) { word.wordClass = .cue; return }
            if endings.contains(.placeHead) {
                word.wordClass = .name
                word.type = .location
                word.cue = .placeEnding
                return
            }
            if !endings.isDisjoint(with: [.nounEnding, .nounHead]) {
                word.wordClass = .noun
                word.nounByEnding = !endings.contains(.nounHead)
                word.adjectival = word.adjectival && hasDemonymEnding(units, range)
                return
            }
        } else if lexeme.contains(.nonName) {
            word.wordClass = .noun
            return
        }
        word.wordClass = .unknown
    }

    /// Sets `word` to a name the lists know (also in the genitive), or returns nil.
    @discardableResult
    func knownName(_ units: [UInt16], _ word: inout Word) -> EntityType? {
        var lexeme = word.lexeme
        let range = word.range
        // A genitive („Europas“, „Griechenlandes“).
        if lexeme.isDisjoint(with: .name), let stem = lexicon.genitiveStem(units, range, where: {
            !lexicon.lookup(EntityKey.of(units, $0)).isDisjoint(with: .name)
        }) {
            lexeme = lexicon.lookup(EntityKey.of(units, stem))
            word.genitive = true
        }
        // A compass prefix before a place („Ostdeutschland“, „Nordafrika“, „Südtirol“).
        if lexeme.isDisjoint(with: .name), let rest = lexicon.placePrefixRest(units, range) {
            let inner = lexicon.lookup(EntityKey.of(units, rest))
            if !inner.isDisjoint(with: [.place, .country, .region, .city]) {
                word.wordClass = .name
                word.type = .location
                word.cue = .prefixedPlace
                return .location
            }
        }
        let found: (EntityType, NameCue)
        if lexeme.contains(.organization) { found = (.organization, .knownOrganization) }
        else if lexeme.contains(.country) { found = (.location, .country) }
        else if lexeme.contains(.region) { found = (.location, .region) }
        else if lexeme.contains(.place) { found = (.location, .place) }
        else if lexeme.contains(.city) { found = (.location, .city) }
        else if lexeme.contains(.firstName) {
            word.wordClass = .name
            word.type = .person
            word.cue = .firstName
            return .person
        }
        else if lexeme.contains(.other) { found = (.other, .otherName) }
        else if lexeme.contains(.language) { found = (.other, .language) }
        else { word.genitive = false; return nil }
        word.wordClass = .name
        word.type = found.0
        word.cue = found.1
        return found.0
    }

    /// A hyphenated word: a compound noun or role with a name in front („NATO-Gipfel“,
    /// „US-Präsident“) or a name of several parts („Müller-Lüdenscheidt“, „Hans-Peter“).
    /// Returns false when the parts say nothing and the word is classified as a whole.
    func classifyCompound(_ units: [UInt16], _ word: inout Word, headline: Bool) -> Bool {
        var parts: [Range<Int>] = []
        var start = word.range.lowerBound
        for i in word.range where units[i] == 0x2D || units[i] == 0x2011 {
            if i > start { parts.append(start..<i) }
            start = i + 1
        }
        if start < word.range.upperBound { parts.append(start..<word.range.upperBound) }
        guard parts.count >= 2 else { return false }
        var classified: [Word] = []
        for part in parts {
            var p = Word(range: part, key: EntityKey.of(units, part))
            p.dotAfter = false
            classify(units, &p, headline: headline)
            classified.append(p)
        }
        let last = classified[classified.count - 1]
        // A noun at the end, also one known only by its form („NATO-Verbündeten“).
        let headIsNoun = last.wordClass == .lower || last.wordClass == .noun || last.wordClass == .cue
            || last.wordClass == .orgHead || last.wordClass == .function
            || (last.wordClass == .unknown && last.endings.contains(.weakNounEnding)
                && EntityKey.fold(units[last.range.upperBound - 1]) == 0x6E)
        if headIsNoun {
            // „Presse-Agentur“ ends names like „Agentur“ does; „NATO-Generalsekretär“ cues a person.
            word.wordClass = last.wordClass == .cue ? .cue : last.wordClass == .orgHead ? .orgHead : .noun
            // The name in front: the leading parts the lists know.
            var end = 0
            while end < classified.count - 1 && classified[end].wordClass == .name { end += 1 }
            if end > 0 {
                let first = classified[0]
                word.part = parts[0].lowerBound..<parts[end - 1].upperBound
                word.partType = first.type
            }
            return true
        }
        if classified.allSatisfy({ $0.wordClass == .name && $0.type == .person && $0.cue == .firstName }) {
            word.wordClass = .name
            word.type = .person
            word.cue = .firstName
            return true
        }
        if classified[0].wordClass == .name {
            word.wordClass = .name
            word.type = classified[0].type
            word.cue = classified[0].cue
            return true
        }
        return false
    }

    /// Whether a noun from the list is this word with an inflection ending („Kindern“, „Jahres“).
    func isInflectedNoun(_ units: [UInt16], _ range: Range<Int>) -> Bool {
        guard range.count >= 4 else { return false }
        for ending in lexicon.morphology.inflection
        where range.count - ending.count >= 3 && Morphology.ends(units, range.upperBound, with: ending)
            && lexicon.lookup(EntityKey.of(units, range.lowerBound..<range.upperBound - ending.count)).contains(.nonName) {
            return true
        }
        return false
    }

    /// Adjective endings („neue“, „enger“, „Zweiten“), in words of four units or more.
    func hasAdjectiveEnding(_ units: [UInt16], _ range: Range<Int>) -> Bool {
        range.count >= 4 && lexicon.morphology.hasEnding(units, range, lexicon.morphology.adjective, stem: 2)
    }

    /// Verb forms that look like adjectives („sagte“, „veranlassten“).
    func hasPastTenseEnding(_ units: [UInt16], _ range: Range<Int>) -> Bool {
        lexicon.morphology.hasEnding(units, range, lexicon.morphology.pastTense, stem: 2)
    }

    /// Adjectives of countries and peoples („Deutsche“, „Europäischen“), which the noun list may
    /// hold as nouns but which begin names („Deutsche Bank“).
    func hasDemonymEnding(_ units: [UInt16], _ range: Range<Int>) -> Bool {
        guard range.count >= 6 else { return false }
        let morphology = lexicon.morphology
        for ending in morphology.adjective
        where range.count - ending.count >= 4 && Morphology.ends(units, range.upperBound, with: ending) {
            let stem = range.lowerBound..<range.upperBound - ending.count
            if morphology.hasEnding(units, stem, morphology.demonym, stem: 1) { return true }
        }
        return false
    }
}
