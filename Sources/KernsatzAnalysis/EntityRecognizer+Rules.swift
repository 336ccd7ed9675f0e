import KernsatzText

extension EntityRecognizer {
    /// Whether word `k` continues the run of the word before it: nothing but spaces between them,
    /// or the dot of an abbreviation („Dr. Müller“, „John F. Kennedy“).
    @inline(__always)
    func joins(_ words: [Word], _ k: Int) -> Bool {
        guard k > 0, !words[k].separated else { return false }
        let previous = words[k - 1]
        guard previous.dotAfter else { return true }
        switch previous.wordClass {
        case .initial, .cue, .legalForm: return true
        default: return previous.lexeme.contains(.placeOpener)   // „St. Gallen“
        }
    }

    /// Whether a word can be part of a run of capitalized words.
    @inline(__always)
    func inRun(_ word: Word) -> Bool {
        word.wordClass != .lower || word.lexeme.contains(.legalForm)
    }

    /// Whether the word before `k` makes a capitalized word a common noun: an article or determiner
    /// („der“, „diese“, „im“), or an adjective after one or after a preposition („in enger …“).
    func afterNounMarker(_ words: [Word], _ k: Int) -> Bool {
        guard k > 0, !words[k].separated else { return false }
        let previous = words[k - 1]
        if previous.lexeme.contains(.determiner) { return true }
        guard previous.lowerAdjectival, k > 1, !words[k - 1].separated else { return false }
        let before = words[k - 2]
        return !before.lexeme.isDisjoint(with: [.determiner, .preposition]) || before.lowerAdjectival
    }

    /// Whether the word before `k` is a preposition of place („in“, „nach“).
    func afterPlacePreposition(_ words: [Word], _ k: Int) -> Bool {
        k > 0 && !words[k].separated && words[k - 1].lexeme.contains(.placePreposition)
    }

    /// A participle by its form („Gemeint“, „Entwickelt“): a participle prefix and ending.
    func isParticiple(_ units: [UInt16], _ range: Range<Int>) -> Bool {
        let morphology = lexicon.morphology
        return morphology.hasPrefix(units, range, morphology.participlePrefix, rest: 3)
            && morphology.hasEnding(units, range, morphology.participleEnding, stem: 3)
    }

    /// The word coordinated with word `k` („Hamburg“ for „Wedel“ in „Hamburg und Wedel“, „Hamburg, Wedel“).
    func conjunct(_ words: [Word], _ k: Int) -> Int? {
        if k > 1, !words[k].separated, words[k - 1].lexeme.contains(.coordinator), !words[k - 1].separated { return k - 2 }
        if k > 0, words[k].markBefore == 0x2C || words[k].markBefore == 0x2F { return k - 1 }
        return nil
    }

    /// German words at least this long with no cue are compound nouns: names are seldom so long.
    static let compoundLength = 12

    /// Whether an unknown capitalized German word at `k`, with no list or cue behind it, reads as
    /// a noun: a long compound, a plural or inflected ending („Kulissen“), after a preposition that
    /// takes bare nouns („mit Glas“), or coordinated with a noun („Benzin und Flüssiggas“).
    func looksLikeNoun(_ units: [UInt16], _ words: [Word], _ k: Int, _ entities: [Entity]) -> Bool {
        let word = words[k]
        // Coordination: the same kind as the conjunct before („Finch und Sheppard“).
        if let c = conjunct(words, k) {
            if let last = entities.last, last.range.upperBound >= words[c].range.upperBound,
               last.range.lowerBound <= words[c].range.lowerBound {
                return false
            }
            if words[c].capitalized && words[c].wordClass != .function { return true }
        }
        if word.range.count >= Self.compoundLength { return true }
        // A spaced hyphen joins the parts of a split compound („Terrakotta - Statue“).
        if word.markBefore == 0x2D { return true }
        if k > 0, !word.separated {
            let previous = words[k - 1]
            // After a number („75 Kampfjets“) or an adjective („geistiger Tiefflieger“; not a verb in -te).
            if let first = units[previous.range].first, first >= 0x30 && first <= 0x39 { return true }
            if previous.lowerAdjectival && !hasPastTenseEnding(units, previous.range) { return true }
        }
        // After a bare preposition of place the weak -en is a place as often as a noun („in Bozen“).
        if word.endings.contains(.weakNounEnding) && !(afterPlacePreposition(words, k) && word.range.count <= 8
            && EntityKey.fold(units[word.range.upperBound - 1]) == 0x6E) { return true }
        if k > 0, !word.separated, words[k - 1].lexeme.contains(.preposition), !words[k - 1].lexeme.contains(.placePreposition) {
            return true
        }
        return false
    }

    /// Whether a German word's form alone says noun: a long compound, a plural or inflected ending.
    func formLooksLikeNoun(_ units: [UInt16], _ word: Word) -> Bool {
        guard lexicon.capitalizesNouns else { return false }
        // Not the weak -e alone: names end in it too („Rutte“, „Goethe“, „Nicole“).
        return word.range.count >= Self.compoundLength
            || (word.endings.contains(.weakNounEnding) && EntityKey.fold(units[word.range.upperBound - 1]) != 0x65)
    }

    /// The type of a name found by context alone: from a noun before it („Gemeinde …“), from the
    /// name it is coordinated with („Gudme und …“), after a preposition of place, else `fallback`.
    func guessType(_ words: [Word], _ k: Int, _ entities: [Entity], multiword fallback: EntityType = .person) -> EntityType {
        if k > 0 && !words[k].separated {
            let previous = words[k - 1].lexeme
            if previous.contains(.placeNoun) { return .location }
            if previous.contains(.organizationNoun) { return .organization }
            if previous.contains(.otherNoun) { return .other }
        }
        if let c = conjunct(words, k), let last = entities.last, last.range.upperBound == words[c].range.upperBound {
            return last.type
        }
        return afterPlacePreposition(words, k) ? .location : fallback
    }

    @inline(__always)
    static func isQuote(_ u: UInt16) -> Bool {
        u == 0x22 || u == 0x201E || u == 0x201C || u == 0x201D || u == 0xAB || u == 0xBB || u == 0x2039 || u == 0x203A
    }

    /// Short quoted titles of works („Ecce homo“, „Das Parfum“): up to four words between quotes,
    /// the first capitalized, not a lone common noun. Returns the word ranges, in order.
    func quotedTitles(_ units: [UInt16], _ words: [Word]) -> [(Int, Int)] {
        var result: [(Int, Int)] = []
        var i = 0
        while i < words.count {
            let word = words[i]
            let start = word.range.lowerBound
            guard word.capitalized, start > 0, Self.isQuote(units[start - 1]) || (start > 1 && units[start - 1] == 0x20 && Self.isQuote(units[start - 2])) else {
                i += 1
                continue
            }
            var j = i
            var closed = false
            while j < words.count && j - i < 4 {
                if j > i && words[j].separated { break }
                var after = words[j].range.upperBound
                if words[j].dotAfter { break }
                if after < units.count && units[after] == 0x20 { after += 1 }
                if after < units.count && Self.isQuote(units[after]) { closed = true; break }
                j += 1
            }
            if closed {
                let single = i == j
                let nounLike = single && (word.wordClass == .noun || word.wordClass == .function || word.wordClass == .orgHead
                    || word.wordClass == .cue || formLooksLikeNoun(units, word))
                // „Das reicht nicht“, „Russland bleibt eine Bedrohung“: a function word and a lowercase word,
                // or a lowercase verb form in -t, or a lowercase function word that is no article,
                // make a clause, not a title („Ecce homo“, „Der Herr der Ringe“ are titles).
                var clause = word.wordClass == .function && j > i && !words[i + 1].capitalized
                for m in i...j where !words[m].capitalized {
                    let lexeme = words[m].lexeme
                    if lexeme.contains(.function) && !lexeme.contains(.determiner) && !lexeme.contains(.particle) { clause = true }
                    if !lexeme.contains(.determiner) && words[m].range.count > 2 && units[words[m].range.upperBound - 1] == 0x74 { clause = true }
                }
                if !nounLike && !clause { result.append((i, j + 1)) }
                i = j + 1
            } else {
                i += 1
            }
        }
        return result
    }

    /// Finds the entities of one sentence's words.
    ///
    /// - Complexity: O(n) in the number of words: each word is looked at a bounded number of times.
    func interpret(_ units: [UInt16], _ words: [Word], runsOnly: Bool = false, into entities: inout [Entity]) {
        let titles = runsOnly ? [] : quotedTitles(units, words)
        var nextTitle = 0
        var start = 0
        while start < words.count {
            if nextTitle < titles.count && titles[nextTitle].0 == start {
                let (first, end) = titles[nextTitle]
                nextTitle += 1
                var inner: [Entity] = []
                interpret(units, Array(words[first..<end]), runsOnly: true, into: &inner)
                // A known name in quotes stays what it is („Spiegel“); otherwise the quote is a title.
                if inner.count == 1 && inner[0].range == words[first].range.lowerBound..<words[end - 1].range.upperBound {
                    entities.append(inner[0])
                } else {
                    entities.append(Entity(range: words[first].range.lowerBound..<words[end - 1].range.upperBound, type: .other, cue: EntityCue(.quotedTitle)))
                }
                start = end
                continue
            }
            while nextTitle < titles.count && titles[nextTitle].0 < start { nextTitle += 1 }
            guard inRun(words[start]) else {
                start += 1
                continue
            }
            var end = start + 1
            while end < words.count {
                if joins(words, end) && inRun(words[end]) {
                    end += 1
                } else if let after = particleJoin(words, end) {
                    end = after
                } else {
                    break
                }
            }
            interpretRun(units, words, start..<end, into: &entities)
            start = linkedOrganization(units, words, end, into: &entities) ?? end
        }
    }

    /// An institution named with „für“ („Bundesamt für Gesundheit“, „Institut für Mathematik und
    /// Informatik“): a run ending in an organization or a head noun like „Amt“, „Ministerium“, then the
    /// linker and capitalized words (joined by „und“). Returns where the name ends, or nil.
    private func linkedOrganization(_ units: [UInt16], _ words: [Word], _ end: Int, into entities: inout [Entity]) -> Int? {
        guard lexicon.capitalizesNouns, end > 0, end + 1 < words.count, words[end].lexeme.contains(.orgLinker),
              joins(words, end), joins(words, end + 1), words[end + 1].capitalized,
              [.noun, .unknown, .name].contains(words[end + 1].wordClass) else { return nil }
        let head = words[end - 1]
        let lastCovers = entities.last.map { $0.type == .organization && $0.range.upperBound == head.range.upperBound } ?? false
        let isHead = head.wordClass == .orgHead || (head.wordClass == .noun && head.endings.contains(.orgCompoundHead))
        guard lastCovers || isHead else { return nil }
        var last = end + 1
        while true {
            if last + 1 < words.count, joins(words, last + 1), words[last + 1].capitalized,
               [.noun, .unknown, .name].contains(words[last + 1].wordClass) {
                last += 1
            } else if last + 2 < words.count, words[last + 1].lexeme.contains(.coordinator), joins(words, last + 1),
                      joins(words, last + 2), words[last + 2].capitalized, [.noun, .unknown, .name].contains(words[last + 2].wordClass) {
                last += 2
            } else {
                break
            }
        }
        let upper = words[last].range.upperBound
        if lastCovers {
            entities[entities.count - 1].range = entities[entities.count - 1].range.lowerBound..<upper
        } else {
            var first = end - 1
            while first > 0 && joins(words, first) && words[first - 1].adjectival
                && (words[first - 1].wordClass == .unknown || words[first - 1].wordClass == .noun) {
                first -= 1
            }
            if let previous = entities.last, previous.range.upperBound > words[first].range.lowerBound { return nil }
            entities.append(Entity(range: words[first].range.lowerBound..<upper, type: .organization,
                                   cue: EntityCue(.orgHead, word: text(units, head.range))))
        }
        return last + 1
    }

    /// Where a run goes on after the name particles at `k` („von der“ in „Ursula von der Leyen“,
    /// „of“ in „Bank of England“), or nil when they do not join two capitalized words. In German,
    /// where „von“ and „der“ are everyday words, particles join only after a given name (or a
    /// given name and one more word).
    private func particleJoin(_ words: [Word], _ k: Int) -> Int? {
        guard words[k].lexeme.contains(.particle), joins(words, k), k > 0 else { return nil }
        if lexicon.capitalizesNouns && !words[k].lexeme.isDisjoint(with: [.function, .determiner, .preposition]) {
            // „von“, „zu“ after a given name (or a given name and one more word); an article
            // („der“, „den“) only after such a particle („von der Leyen“), not „Armstrong den Mond“.
            let previous = words[k - 1]
            let afterGivenName = previous.isGivenName
                || (k > 1 && words[k - 2].isGivenName && previous.wordClass == .unknown && joins(words, k - 1))
            guard afterGivenName && !words[k].lexeme.contains(.determiner) else { return nil }
        }
        var next = k + 1
        if next < words.count, words[next].lexeme.contains(.particle), joins(words, next) { next += 1 }
        guard next < words.count, joins(words, next), words[next].capitalized, inRun(words[next]) else { return nil }
        return next + 1
    }

    private func text(_ units: [UInt16], _ range: Range<Int>) -> String {
        UTF16Scan.string(units, range.lowerBound..<min(range.upperBound, range.lowerBound + 40))
    }

    /// The UTF-16 range of words `first..<end`, with the dot of a closing abbreviation („Inc.“).
    private func span(_ words: [Word], _ first: Int, _ end: Int) -> Range<Int> {
        let last = words[end - 1]
        let dot = last.dotAfter && (last.wordClass == .legalForm || last.wordClass == .initial) ? 1 : 0
        return words[first].range.lowerBound..<last.range.upperBound + dot
    }

    /// One run of capitalized words (with particles and legal forms between), left to right:
    /// function words and nouns separate, titles cue a person, names and unknown words form
    /// segments that legal forms and head nouns may close as organizations.
    private func interpretRun(_ units: [UInt16], _ words: [Word], _ run: Range<Int>, into entities: inout [Entity]) {
        var k = run.lowerBound
        var cue: String? = nil
        var emittedEnd = run.lowerBound
        func emit(_ first: Int, _ end: Int, _ type: EntityType, _ why: EntityCue) {
            entities.append(Entity(range: span(words, first, end), type: type, cue: why))
            emittedEnd = end
        }
        while k < run.upperBound {
            let word = words[k]
            switch word.wordClass {
            case .legalForm:
                // The capitalized words before it, up to a function word: „Brenner Logistik GmbH“.
                var first = k
                while first > max(run.lowerBound, emittedEnd) && words[first - 1].part == nil
                    && ([.name, .initial].contains(words[first - 1].wordClass)
                        || (words[first - 1].wordClass == .unknown && !formLooksLikeNoun(units, words[first - 1]))
                        || (words[first - 1].wordClass == .noun && (words[first - 1].adjectival || words[first - 1].nounByEnding))) {
                    first -= 1
                }
                var end = k + 1
                while end < run.upperBound && words[end].wordClass == .legalForm { end += 1 }
                if first < k {
                    emit(first, end, .organization, EntityCue(.orgSuffix, word: text(units, word.range)))
                }
                k = end
                cue = nil
            case .initial where k + 1 < run.upperBound && [.unknown, .name, .noun].contains(words[k + 1].wordClass):
                // „W. Müller“: an initial starts a person.
                let before = entities.count
                k = segment(units, words, run, k, cue: cue, emittedEnd: emittedEnd, into: &entities)
                if entities.count > before { emittedEnd = k }
                cue = nil
            case .lower, .function, .initial:
                if word.wordClass == .function { cue = nil }
                k += 1
            case .cue where cue != nil && !word.lexeme.contains(.personCue) && word.part == nil:
                // After a title, a word that only ends like a role is the name („Dr. Hoffmeister“).
                let before = entities.count
                k = segment(units, words, run, k, cue: cue, emittedEnd: emittedEnd, into: &entities)
                if entities.count > before { emittedEnd = k }
                cue = nil
            case .cue:
                if let part = word.part { entities.append(Entity(range: part, type: word.partType, cue: EntityCue(.compoundPart))) }
                cue = text(units, word.range) + (word.dotAfter ? "." : "")
                k += 1
            case .noun, .orgHead:
                if let part = word.part { entities.append(Entity(range: part, type: word.partType, cue: EntityCue(.compoundPart))) }
                if word.wordClass == .orgHead {
                    // Adjectives before it („Deutsche Bank“, „Europäische Zentralbank“).
                    var first = k
                    while first > max(run.lowerBound, emittedEnd) && words[first - 1].adjectival
                        && (words[first - 1].wordClass == .noun || words[first - 1].wordClass == .unknown) {
                        first -= 1
                    }
                    var end = k + 1
                    // A place or name after it („Universität Wien“, „Bank Austria“).
                    if end < run.upperBound, words[end].wordClass == .name, !words[end].genitive,
                       words[end].type == .location || words[end].type == .organization {
                        end += 1
                    }
                    while end < run.upperBound && words[end].wordClass == .legalForm { end += 1 }
                    if first < k || end > k + 1 {
                        emit(first, end, .organization, EntityCue(.orgHead, word: text(units, word.range)))
                        k = end
                        cue = nil
                        continue
                    }
                }
                // A surname that is also a noun, right after a title and ending the run („Präsident Wagner“).
                if let title = cue, word.wordClass == .noun, k + 1 == run.upperBound, word.part == nil, !word.genitive,
                   lexicon.capitalizesNouns {
                    emit(k, k + 1, .person, EntityCue(.title, word: title))
                }
                cue = nil
                k += 1
            case .name, .unknown:
                let before = entities.count
                k = segment(units, words, run, k, cue: cue, emittedEnd: emittedEnd, into: &entities)
                if entities.count > before { emittedEnd = k }
                cue = nil
            }
        }
    }

    /// A segment of names and unknown words starting at `k`; returns where it ends.
    private func segment(_ units: [UInt16], _ words: [Word], _ run: Range<Int>, _ k: Int, cue: String?,
                         emittedEnd: Int, into entities: inout [Entity]) -> Int {
        let word = words[k]
        let isPersonStart = (word.wordClass == .name && word.type == .person)
            || (cue != nil && (word.wordClass == .unknown || word.wordClass == .cue))
            || word.wordClass == .initial
        var end = k + 1
        if isPersonStart {
            // Given names, initials and particles go on („Hans Peter“, „John F.“, „von der“); the
            // first other word is the surname, and one more unknown word only when it does not
            // look like a noun („Giovanni Giacomo Dotti“, not „Matthew Williams Liebeskummer“).
            var surnames = 0
            while end < run.upperBound && end - k < 6 && !words[end - 1].genitive {
                let next = words[end]
                if let after = particleJoin(words, end), after <= run.upperBound {
                    end = after
                    surnames += 1
                    continue
                }
                let continues = words[end - 1].isGivenName || words[end - 1].wordClass == .initial
                    || (end == k + 1 && cue != nil)
                    || (surnames == 1 && next.wordClass == .unknown && !formLooksLikeNoun(units, next))
                guard continues else { break }
                if next.wordClass == .initial || next.isGivenName {
                    end += 1
                } else if next.wordClass == .unknown || next.wordClass == .name
                            || (next.wordClass == .noun && next.part == nil && surnames == 0) {
                    end += 1
                    surnames += 1
                } else {
                    break
                }
            }
            // An initial alone is no name.
            if end == k + 1 && word.wordClass == .initial { return end }
            let why = cue.map { EntityCue(.title, word: $0) } ?? EntityCue(word.wordClass == .initial ? .initial : .firstName)
            emit(entities: &entities, span(words, k, end), .person, why)
            return end
        }

        // An unknown word that looks like a noun before a name is a common noun in apposition
        // („Kontrahentin Hagar“, „Atomkraftwerk Krümmel“): the name starts after it.
        if lexicon.capitalizesNouns && word.wordClass == .unknown && !hasDemonymEnding(units, word.range)
            && !word.lexeme.contains(.placeOpener)
            && end < run.upperBound && (words[end].wordClass == .unknown || words[end].wordClass == .name)
            && formLooksLikeNoun(units, word) {
            return end
        }
        // A place opener and the name after it („San Antonio“, „Bad Homburg“).
        if word.lexeme.contains(.placeOpener) && end < run.upperBound
            && (words[end].wordClass == .unknown || words[end].wordClass == .name) {
            end += 1
            while end < run.upperBound && (words[end].wordClass == .unknown || words[end].wordClass == .name)
                && !words[end - 1].genitive {
                end += 1
            }
            emit(entities: &entities, span(words, k, end), .location, EntityCue(.placeOpener))
            return end
        }

        // Demonym adjectives before a name („Deutsche Telekom“, „Deutschen Bundestag“).
        var first = k
        if word.wordClass == .name {
            while first > max(run.lowerBound, emittedEnd) && words[first - 1].adjectival && words[first - 1].wordClass == .noun {
                first -= 1
            }
        }
        var known = word.wordClass == .name
        var adjectiveName = false
        if !word.genitive {
            while end < run.upperBound {
                let next = words[end]
                // A given name starts a person of its own („Hostess Silvia …“); in German an unknown
                // word before a known name is mostly a noun („Moleküle ATP“), so they part.
                if next.isGivenName { break }
                if lexicon.capitalizesNouns && next.wordClass == .name && !known && (!word.adjectival || next.cue == .acronym) { break }
                // In German an unknown word that looks like a noun ends the name („Buurmanns Ausscheiden“).
                if lexicon.capitalizesNouns && (next.wordClass == .unknown || next.nounByEnding)
                    && (formLooksLikeNoun(units, next) || next.nounByEnding) && !(word.adjectival && end == k + 1) {
                    break
                }
                if next.wordClass == .name || next.wordClass == .unknown {
                    known = known || next.wordClass == .name
                    end += 1
                    if next.genitive { break }
                } else if let after = particleJoin(words, end), after <= run.upperBound {
                    end = after
                } else {
                    break
                }
            }
            // A capitalized adjective mid-sentence begins a name with the nouns after it
            // („Zweiten Weltkrieg“, „Neue Zürcher Zeitung“); German only, where adjectives are lowercase.
            // Place adjectives in -er („Berliner Journalisten“) stay apart: the noun after them is common.
            if lexicon.capitalizesNouns && word.wordClass == .unknown && word.adjectival && !word.clauseStart
                && EntityKey.fold(units[word.range.upperBound - 1]) != 0x72
                && end < run.upperBound && (words[end].wordClass == .noun || words[end].wordClass == .orgHead)
                && words[end].part == nil {
                adjectiveName = true
                while end < run.upperBound && !words[end - 1].genitive && !(words[end].wordClass == .name && words[end].genitive)
                    && [.noun, .orgHead, .unknown, .name].contains(words[end].wordClass) && words[end].part == nil {
                    end += 1
                }
            }
        }
        // Closed by a legal form or a head noun: an organization.
        var orgCue: EntityCue? = nil
        if end < run.upperBound && words[end].wordClass == .orgHead && !words[end - 1].genitive {
            orgCue = EntityCue(.orgHead, word: text(units, words[end].range))
            end += 1
        }
        while end < run.upperBound && words[end].wordClass == .legalForm {
            orgCue = EntityCue(.orgSuffix, word: text(units, words[end].range))
            end += 1
        }
        if adjectiveName, words[end - 1].wordClass == .orgHead {
            orgCue = EntityCue(.orgHead, word: text(units, words[end - 1].range))
        }

        if orgCue != nil {
            // The nouns before the name belong to it („Heimatverein Lindenau e. V.“).
            while first > max(run.lowerBound, emittedEnd) && words[first - 1].part == nil
                && words[first - 1].wordClass == .unknown && !formLooksLikeNoun(units, words[first - 1]) {
                first -= 1
            }
        }
        let count = end - first
        if let orgCue {
            emit(entities: &entities, span(words, first, end), .organization, orgCue)
            return end
        }
        if known {
            // The type of the names in it: an organization wins, then the first name's type.
            let names = words[first..<end].filter { $0.wordClass == .name }
            let organization = names.first { $0.type == .organization }
            let lead = organization ?? names[0]
            let why = EntityCue(lead.cue.kind, multiword: count > names.count || names.count > 1)
            emit(entities: &entities, span(words, first, end), lead.type, why)
            return end
        }
        if adjectiveName {
            emit(entities: &entities, span(words, first, end), .organization, EntityCue(.adjectiveName))
            return end
        }
        // Only unknown words: context decides.
        if count == 1 {
            if word.clauseStart {
                // At a sentence start only before an auxiliary or modal verb („Beck ist …“, „Kolb war …“),
                // when nothing marks the word as a noun.
                guard lexicon.capitalizesNouns, end < words.count, !words[end].capitalized, !words[end].separated,
                      words[end].lexeme.contains(.auxiliary), !formLooksLikeNoun(units, word),
                      !word.endings.contains(.weakNounEnding), word.range.count >= 3, !isParticiple(units, word.range) else { return end }
                emit(entities: &entities, span(words, first, end), .person, EntityCue(.capitalizedAtStart))
                return end
            }
            if lexicon.capitalizesNouns && (afterNounMarker(words, k) || (k > run.lowerBound && words[k - 1].wordClass == .function)
                || looksLikeNoun(units, words, k, entities)) {
                return end
            }
            emit(entities: &entities, span(words, first, end), guessType(words, first, entities), EntityCue(.capitalized))
            return end
        }
        // German adjective and noun („Endogenen Retroviren“, „Schweizer Architekten“) are no name.
        if lexicon.capitalizesNouns && word.adjectival { return end }
        emit(entities: &entities, span(words, first, end), guessType(words, first, entities, multiword: count > 3 ? .organization : .person), EntityCue(.multiwordName))
        return end
    }

    private func emit(entities: inout [Entity], _ range: Range<Int>, _ type: EntityType, _ cue: EntityCue) {
        entities.append(Entity(range: range, type: type, cue: cue))
    }
}

extension NameCue {
    /// The entity's cue for a name found by this word alone (a word taken for a name always has
    /// one; `.none` reads as "other name").
    var kind: EntityCue.Kind {
        switch self {
        case .none, .otherName: return .otherName
        case .knownOrganization: return .knownOrganization
        case .country: return .country
        case .region: return .region
        case .place: return .place
        case .city: return .city
        case .prefixedPlace: return .prefixedPlace
        case .language: return .language
        case .firstName: return .firstName
        case .acronym: return .acronym
        case .orgCompound: return .orgCompound
        case .placeEnding: return .placeEnding
        }
    }
}
