/// Finds a glossary's terms in German text, whatever their form: inflected („Sicherheitsgarantien“,
/// „des NATO-Gipfels“, „einer starken NATO“), inside compounds („Staatsgarantie“,
/// „Waffenstillstandsabkommen“), with hyphen/space and press-spelling variants („Nato Gipfel“).
/// The longest match wins; nothing is found inside unrelated words („Haus“ in „Staatshaushalt“).
///
///     let matcher = TermMatcher(glossary: Glossary(entries: [GlossaryEntry(term: "Sicherheitsgarantie")]))
///     let hits = matcher.match("Kiew fordert Sicherheitsgarantien.")
///     hits.map(\.range)   // [13..<33]
///     hits.map(\.match)   // [.inflected]
///
/// Build one per glossary and reuse it, from any number of tasks (it is an immutable value).
/// Matching never stems: it generates each term's forms from the morphology data once, and
/// looks text words up in hash tables of those forms.
public struct TermMatcher: Sendable {
    public let glossary: Glossary
    public let morphology: GermanMorphology

    struct TokenPattern: Sendable {
        /// Folded form → whether it is an inflected form.
        var forms: [String: Bool]
        /// The token as written when it is an acronym (matched case-sensitively).
        var acronym: String?
        /// The acronym in press spelling („Nato“), when it has 3 letters or more.
        var pressSpelling: String?
        /// The folded base form.
        var base: String
        /// Written with a capital first letter in the glossary (a noun or name).
        var capitalized = false
        /// The never-match words that can block a form of `base` (`GermanMorphology.blockers(of:)`).
        var blockers: [(word: String, lowerCaseOnly: Bool)] = []
    }

    struct TermPattern: Sendable {
        var entry: Int
        var tokens: [TokenPattern]
        var joiners: [Joiner]
        /// Length of the term in characters, for ties.
        var length: Int
    }

    enum PartKind: Sendable { case base, form, droppedE }

    let patterns: [TermPattern]
    /// Folded forms of a pattern's first token → patterns.
    let firstIndex: [String: [Int]]
    /// Single-word, non-acronym terms: folded form → (pattern, inflected).
    let singleForms: [String: [(pattern: Int, inflected: Bool)]]
    /// Hyphenated terms written closed or with other hyphens: the folded tokens joined
    /// („ukrainekrieg“ for „Ukraine-Krieg“, „g7gipfel“ for „G7-Gipfel“ and „G-7-Gipfel“) → (pattern, inflected).
    let closedForms: [String: [(pattern: Int, inflected: Bool)]]
    /// Single-word, non-acronym terms as compound first parts.
    let firstParts: [String: [(pattern: Int, kind: PartKind)]]
    /// The last three characters of every key of `singleForms`, and the first three of every key of
    /// `firstParts`: a word that ends (begins) otherwise holds no head (first part), so most words
    /// are passed over with one lookup.
    let headEndings: Set<String>
    let partBeginnings: Set<String>
    /// The Latin-1 ones of `headEndings` and `partBeginnings` as `latin1Code`s: the ending or
    /// beginning of a token folded by rule is looked up without making a String of it.
    let latin1HeadEndings: Set<UInt32>
    let latin1PartBeginnings: Set<UInt32>
    /// Filters before the tables above, so a text token's key is made only when a table may hold it:
    /// forward hashes (`FoldHash`, in NFC) of the keys of `firstIndex`, `closedForms`, `firstParts` and
    /// `partBeginnings`, backward hashes of the keys of `singleForms` and `headEndings`. The filters of
    /// word parts are asked only for Latin-1 tokens, whose parts are NFC.
    let firstFilter: KeyFilter
    let closedFilter: KeyFilter
    let partFilter: KeyFilter
    let beginningFilter: KeyFilter
    let headFilter: KeyFilter
    let endingFilter: KeyFilter

    /// Shortest term found as a compound part, in characters.
    static let minimumPart = 3
    /// Shortest rest of a compound after a first part (and link), in characters.
    static let minimumRest = 4
    /// Longer tokens (a pasted hash, a URL's path) are not searched for compound parts, which costs
    /// quadratic time in a token's length.
    static let longestWord = 80

    /// - Parameter morphology: the word forms; by default the shipped lists of the glossary's source language.
    public init(glossary: Glossary, morphology: GermanMorphology? = nil) {
        let morphology = morphology ?? .shipped(for: glossary.sourceLanguage)
        self.glossary = glossary
        self.morphology = morphology
        var patterns: [TermPattern] = []
        var firstIndex: [String: [Int]] = [:]
        var singleForms: [String: [(pattern: Int, inflected: Bool)]] = [:]
        var firstParts: [String: [(pattern: Int, kind: PartKind)]] = [:]
        var closedForms: [String: [(pattern: Int, inflected: Bool)]] = [:]
        for (index, entry) in glossary.entries.enumerated() {
            guard let pattern = Self.pattern(for: entry, index: index, morphology: morphology) else { continue }
            let p = patterns.count
            patterns.append(pattern)
            for form in pattern.tokens[0].forms.keys { firstIndex[form, default: []].append(p) }
            if pattern.tokens.count > 1, pattern.joiners.allSatisfy({ $0 == .hyphen }) {
                let stem = pattern.tokens.dropLast().map(\.base).joined()
                for (form, inflected) in pattern.tokens[pattern.tokens.count - 1].forms {
                    closedForms[stem + form, default: []].append((p, inflected))
                }
            }
            // Compound parts: single nouns and names (capitalized in the glossary), not adjectives or verbs,
            // whose derivations („rechtsextrem-isten“) are no compounds.
            if pattern.tokens.count == 1, pattern.tokens[0].acronym == nil, pattern.tokens[0].capitalized,
               pattern.tokens[0].base.count >= Self.minimumPart {
                let token = pattern.tokens[0]
                for (form, inflected) in token.forms { singleForms[form, default: []].append((p, inflected)) }
                for form in token.forms.keys { firstParts[form, default: []].append((p, form == token.base ? .base : .form)) }
                if morphology.dropsE, token.base.hasSuffix("e"), token.base.count > Self.minimumPart + 1 {
                    firstParts[String(token.base.dropLast()), default: []].append((p, .droppedE))
                }
            }
        }
        self.patterns = patterns
        self.firstIndex = firstIndex
        self.singleForms = singleForms
        self.firstParts = firstParts
        self.closedForms = closedForms
        headEndings = Set(singleForms.keys.map { String($0.unicodeScalars.suffix(Self.minimumPart)) })
        partBeginnings = Set(firstParts.keys.map { String($0.unicodeScalars.prefix(Self.minimumPart)) })
        latin1HeadEndings = Set(headEndings.compactMap { Self.latin1Code($0.unicodeScalars.map(\.value)[...]) })
        latin1PartBeginnings = Set(partBeginnings.compactMap { Self.latin1Code($0.unicodeScalars.map(\.value)[...]) })
        firstFilter = KeyFilter(firstIndex.keys.map(FoldHash.canonical))
        closedFilter = KeyFilter(closedForms.keys.map(FoldHash.canonical))
        partFilter = KeyFilter(firstParts.keys.map(FoldHash.canonical))
        beginningFilter = KeyFilter(partBeginnings.map(FoldHash.canonical))
        headFilter = KeyFilter(singleForms.keys.map(FoldHash.canonicalBackward))
        endingFilter = KeyFilter(headEndings.map(FoldHash.canonicalBackward))
    }

    /// The term's tokens with the forms each may take.
    static func pattern(for entry: GlossaryEntry, index: Int, morphology: GermanMorphology) -> TermPattern? {
        let units = Array(entry.term.utf16)
        let (tokens, _) = Tokenizer.tokens(units)
        guard !tokens.isEmpty else { return nil }
        // Without a part of speech: a capitalized term is a noun, a lower-case one an adjective.
        // (In a language that does not capitalize nouns, a term without one is a noun.)
        let lowercaseTerm = morphology.capitalizesNouns && tokens.last.map { startsLowercase($0.original(units)) } == true
        let pos = (entry.partOfSpeech ?? (lowercaseTerm ? "adjective" : "noun")).lowercased()
        // The head: the last token before the first function word (not the first token), else the last.
        var head = tokens.count - 1
        // („und“ after a truncated part coordinates: „Landes- und Bündnisverteidigung“ inflects at the end.)
        if let function = tokens.indices.dropFirst().first(where: { morphology.functionWords.contains(tokens[$0].key(units)) && !tokens[$0 - 1].truncated }) {
            head = function - 1
        }
        var patterns: [TokenPattern] = []
        for (k, textToken) in tokens.enumerated() {
            let token = (original: textToken.original(units), key: textToken.key(units), joinerAfter: textToken.joinerAfter,
                         truncated: textToken.truncated)
            let isAcronym = Self.isAcronym(token.original)
            var pattern = TokenPattern(forms: [token.key: false], acronym: nil, pressSpelling: nil, base: token.key,
                                       capitalized: !startsLowercase(token.original))
            if isAcronym {
                pattern.acronym = token.original
                if token.original.count >= 3 { pattern.pressSpelling = token.original.prefix(1) + token.original.dropFirst().lowercased() }
                // An acronym takes the genitive -s („des IWFs“) when it is the head.
                if k == head { pattern.forms[token.key + "s"] = true }
            } else if k == head {
                if pos.hasPrefix("adj") {
                    pattern.forms = morphology.adjectiveForms(token.key, declined: false)
                } else if pos.hasPrefix("noun") || pos == "n" || pos.hasPrefix("subst") || pos == "other" {
                    pattern.forms = morphology.nounForms(token.key)
                } else if pos.hasPrefix("proper") {
                    pattern.forms[token.key + "s"] = true
                }
            } else if k < head, morphology.looksAdjectival(token.key), token.joinerAfter == .space, !token.truncated {
                pattern.forms = morphology.adjectiveForms(token.key)
            }
            pattern.blockers = morphology.blockers(of: pattern.base)
            patterns.append(pattern)
        }
        let joiners = tokens.dropLast().map { $0.joinerAfter == .none ? Joiner.space : $0.joinerAfter }
        return TermPattern(entry: index, tokens: patterns, joiners: joiners, length: entry.term.count)
    }

    static func startsLowercase(_ word: String) -> Bool {
        word.unicodeScalars.first.map { $0.properties.isLowercase } ?? false
    }

    /// Two letters or more, none lowercase: „NATO“, „EU“, „OSZE“ (not „G7“, „EuGH“).
    static func isAcronym(_ token: String) -> Bool {
        var letters = 0
        for scalar in token.unicodeScalars where scalar.properties.isAlphabetic {
            if scalar.properties.isLowercase { return false }
            letters += 1
        }
        return letters >= 2
    }

    /// The terms in `text`, in text order, none overlapping.
    public func match(_ text: String) -> [TermHit] { match(units: Array(text.utf16)) }

    /// The terms in UTF-16 text (for `Analysis.text.units`, which is NFC); ranges are UTF-16 offsets.
    /// - Complexity: O(*n*) in the text length for a fixed glossary (hash lookups per word).
    ///   The text is cut into tokens piece by piece (a piece of at least `pieceUnits` units, ending
    ///   after white space with two line breaks or more, or after sentence or clause punctuation,
    ///   which no term spans and no token looks across), so the tokens of a long text are never
    ///   all held at once.
    public func match(units: [UInt16]) -> [TermHit] {
        var hits: [TermHit] = []
        var start = 0
        while start < units.count {
            let end = Self.pieceEnd(units, from: start)
            if start == 0, end == units.count { return match(units: units, tokens: TermTokens(units: units)) }
            let piece = Array(units[start..<end])
            for hit in match(units: piece, tokens: TermTokens(units: piece)) {
                hits.append(TermHit(range: hit.range.lowerBound + start..<hit.range.upperBound + start, entry: hit.entry, match: hit.match))
            }
            start = end
        }
        return hits
    }

    /// ASCII punctuation after which white space may end a piece: `. ! ? , ; :`.
    static let pieceCutAfter: Set<UInt16> = [0x2E, 0x21, 0x3F, 0x2C, 0x3B, 0x3A]

    /// The least length of a piece `match(units:)` tokenizes at a time.
    static let pieceUnits = 1 << 16

    /// Where the piece from `start` ends: at the end of the first run of white space (space, tab,
    /// line feed, carriage return) with two line feeds or more, or after `. ! ? , ; :`, that ends
    /// `pieceUnits` or more after `start`; the end of the text if none.
    static func pieceEnd(_ units: [UInt16], from start: Int) -> Int {
        func isSpace(_ u: UInt16) -> Bool { u == 0x20 || u == 0x09 || u == 0x0A || u == 0x0D }
        var i = start + pieceUnits
        guard i < units.count else { return units.count }
        // Back to the start of the run `i` is in, so that the whole run is counted.
        while i > start, isSpace(units[i - 1]) { i -= 1 }
        while i < units.count {
            guard isSpace(units[i]) else { i += 1; continue }
            // After sentence or clause punctuation the token before has no joiner (the punctuation
            // is no word unit and no hyphen), so no term spans the run either.
            let afterPunctuation = i > start && Self.pieceCutAfter.contains(units[i - 1])
            var lineFeeds = 0
            while i < units.count, isSpace(units[i]) {
                if units[i] == 0x0A { lineFeeds += 1 }
                i += 1
            }
            if lineFeeds >= 2 || afterPunctuation, i - start >= pieceUnits { return i }
        }
        return units.count
    }

    /// The terms in UTF-16 text already cut into tokens (`TermTokens(units:)`), which a
    /// `TermExtractor` can then read too (`add(units:source:hits:tokens:)`). The same hits as
    /// `match(units:)`.
    /// - Precondition: `tokens` was made from `units`.
    /// - Complexity: O(*n*) in the text length for a fixed glossary (hash lookups per word).
    public func match(units: [UInt16], tokens text: TermTokens) -> [TermHit] {
        precondition(text.unitCount == units.count, "TermTokens made from other units")
        let tokens = text.tokens, words = text.words
        var candidates: [Candidate] = []
        // The folded scalars of one token at a time (for compound parts), reused.
        var scalars: [UInt32] = []
        scalars.reserveCapacity(Self.longestWord + 8)
        // The hashes of one token's endings (`matchHeads`), reused.
        var heads: [UInt64] = []
        heads.reserveCapacity(Self.longestWord + 8)
        for i in tokens.indices {
            let token = tokens[i]
            if firstFilter.mayContain(token.hash), let list = firstIndex[token.key(units)] {
                for p in list { matchPattern(p, at: i, tokens: tokens, words: words, units: units, into: &candidates) }
            }
            let word = words[token.word]
            if word.last == i, morphology.compounds {
                matchHeads(token: i, tokens: tokens, words: words, units: units, scalars: &scalars, heads: &heads, into: &candidates)
            }
            if word.first == i {
                if morphology.compounds {
                    matchFirstParts(token: i, tokens: tokens, words: words, units: units, scalars: &scalars, into: &candidates)
                }
                if word.last > i {
                    let joined = tokens[word.first...word.last].map { $0.key(units) }.joined()
                    matchJoined(word: word, joined: joined, into: &candidates)
                    if !closedForms.isEmpty { matchClosed(word: word, joined: joined, tokens: tokens, into: &candidates) }
                } else if !closedForms.isEmpty, closedFilter.mayContain(token.hash) {
                    matchClosed(word: word, joined: token.key(units), tokens: tokens, into: &candidates)
                }
            }
        }
        return select(candidates, tokens: tokens)
    }

    struct Candidate {
        var first: Int
        var last: Int
        var pattern: Int
        var match: MatchKind
        /// Among compounds: the term as head (0) before the term as first part (1).
        var subrank: Int
    }

    private func matchPattern(_ p: Int, at i: Int, tokens: [TextToken], words: [WordSpan], units: [UInt16], into candidates: inout [Candidate]) {
        let pattern = patterns[p]
        let n = pattern.tokens.count
        guard i + n <= tokens.count else { return }
        var kind = MatchKind.exact
        for k in 0..<n {
            let token = tokens[i + k]
            if k > 0 {
                let joiner = tokens[i + k - 1].joinerAfter
                if joiner == .none { return }
                if joiner != pattern.joiners[k - 1] { kind = max(kind, .variant) }
            }
            let tp = pattern.tokens[k]
            let key = token.key(units)
            if let acronym = tp.acronym {
                let written = token.original(units)
                if written == acronym {
                } else if let press = tp.pressSpelling, written == press {
                    kind = max(kind, .variant)
                } else if tp.forms[key] == true, written == acronym + "s" || (tp.pressSpelling.map { written == $0 + "s" } ?? false) {
                    kind = max(kind, .inflected)
                } else {
                    return
                }
            } else {
                guard let inflected = tp.forms[key] else { return }
                if inflected {
                    // German nouns are capitalized: „landen“ is a verb, not a form of „Land“.
                    if morphology.capitalizesNouns, tp.capitalized, token.startsLowercase { return }
                    if morphology.blocks(word: key, startsLowercase: token.startsLowercase, blockers: tp.blockers, compound: false) { return }
                    kind = max(kind, .inflected)
                }
            }
        }
        let last = i + n - 1
        var first = i
        var end = last
        var subrank = 0
        let startWord = words[tokens[i].word], endWord = words[tokens[last].word]
        if startWord.first != i || endWord.last != last {
            // Only single words and hyphenated terms extend into a compound („NATO-Gipfel-Erklärung“);
            // „starke NATO“ does not reach into „starker NATO-Pfeiler“.
            if pattern.joiners.contains(.space) { return }
            kind = .compound
            subrank = endWord.last == last ? 0 : 1
            first = startWord.first
            end = endWord.last
        }
        candidates.append(Candidate(first: first, last: end, pattern: p, match: kind, subrank: subrank))
    }

    /// A `String` of (folded) scalar values, made from UTF-8: several times faster than appending
    /// scalars. The term extractor uses it too.
    /// Up to three Latin-1 scalar values and their number in one integer (nil: more, or one above
    /// U+00FF). Latin-1 text is NFC and has no two spellings, so equal codes are equal Strings.
    static func latin1Code(_ scalars: ArraySlice<UInt32>) -> UInt32? {
        guard scalars.count <= 3 else { return nil }
        var code = UInt32(scalars.count) << 24
        for (k, value) in scalars.enumerated() {
            guard value < 0x100 else { return nil }
            code |= value << (8 * (2 - UInt32(k)))
        }
        return code
    }

    static func string(_ scalars: ArraySlice<UInt32>) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(scalars.count * 2)
        for value in scalars {
            if value < 0x80 {
                bytes.append(UInt8(value))
            } else {
                UTF8.encode(Unicode.Scalar(value) ?? "\u{FFFD}") { bytes.append($0) }
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `key` from (up to) its scalar `position`, cut as `String` cuts: at the character there. For keys
    /// folded through ICU, whose characters may hold several scalars; in Latin-1 keys scalars are characters.
    private static func suffix(_ key: String, from position: Int) -> String {
        let view = key.unicodeScalars
        return String(key[view.index(view.startIndex, offsetBy: position)...])
    }

    private static func prefix(_ key: String, upTo position: Int) -> String {
        let view = key.unicodeScalars
        return String(key[..<view.index(view.startIndex, offsetBy: position)])
    }

    /// The term as the head of a closed compound: „Staatsgarantie“, „Staatsgarantien“.
    /// Each ending of the word is looked up only when `headFilter` may hold it.
    /// - Parameter heads: room for the hashes of the endings (emptied first).
    private func matchHeads(token t: Int, tokens: [TextToken], words: [WordSpan], units: [UInt16], scalars: inout [UInt32],
                            heads: inout [UInt64], into candidates: inout [Candidate]) {
        let token = tokens[t]
        if token.folded == nil {
            guard endingFilter.mayContain(token.endingHash),
                  token.scalarCount >= Self.minimumPart * 2, token.scalarCount <= Self.longestWord else { return }
        }
        token.foldedScalars(units, into: &scalars)
        let count = scalars.count
        let ending = scalars[max(0, count - Self.minimumPart)...]
        if token.folded == nil, let code = Self.latin1Code(ending) {
            guard latin1HeadEndings.contains(code) else { return }
        } else {
            guard headEndings.contains(Self.string(ending)) else { return }
        }
        guard count >= Self.minimumPart * 2, count <= Self.longestWord else { return }
        // A compound is a noun when its head is one, and then capitalized: its word starts with a capital
        // (or is a hyphenated word like „EU-Sanktionen“, whose last part counts).
        let word = words[token.word]
        if tokens[word.first].startsLowercase { return }
        // The backward hash of every ending, longest last: heads[position] for scalars[position...].
        heads.removeAll(keepingCapacity: true)
        heads.append(contentsOf: repeatElement(0, count: count))
        var hash = FoldHash.seed
        for k in stride(from: count - 1, through: Self.minimumPart, by: -1) {
            hash = FoldHash.add(hash, scalars[k])
            heads[k] = hash
        }
        var key: String?
        // A key folded through ICU is cut as a String (at characters), so every ending is looked up.
        let folded = token.folded
        for position in Self.minimumPart...(count - Self.minimumPart) where folded != nil || headFilter.mayContain(heads[position]) {
            guard let list = singleForms[folded.map { Self.suffix($0, from: position) } ?? Self.string(scalars[position...])] else { continue }
            let modifier = folded.map { Self.prefix($0, upTo: position) } ?? Self.string(scalars[..<position])
            guard morphology.isModifier(modifier) else { continue }
            for (p, _) in list {
                let base = patterns[p].tokens[0].base
                // Short heads („Rat“, „Amt“) only after a linking s: „Sicherheitsrat“, not „Demokrat“.
                if base.count <= 3, !modifier.hasSuffix("s") { continue }
                let blockers = patterns[p].tokens[0].blockers
                if !blockers.isEmpty {
                    if key == nil { key = token.key(units) }
                    if morphology.blocks(word: key!, startsLowercase: token.startsLowercase, blockers: blockers, compound: true) { continue }
                }
                candidates.append(Candidate(first: word.first, last: word.last, pattern: p, match: .compound, subrank: 0))
            }
        }
    }

    /// The term as the first part of a closed compound, with a linking element:
    /// „Waffenstillstandsabkommen“, „Waffenstillstands-Abkommen“.
    /// Each beginning of the word is looked up only when `partFilter` may hold it.
    private func matchFirstParts(token t: Int, tokens: [TextToken], words: [WordSpan], units: [UInt16], scalars: inout [UInt32],
                                 into candidates: inout [Candidate]) {
        let token = tokens[t]
        // Lower-case words are adjectives and verbs derived from the noun („oppositionelle“, „landesweit“).
        if token.startsLowercase { return }
        if token.folded == nil {
            guard beginningFilter.mayContain(token.beginningHash),
                  token.scalarCount > Self.minimumPart, token.scalarCount <= Self.longestWord else { return }
        }
        token.foldedScalars(units, into: &scalars)
        let count = scalars.count
        guard count > Self.minimumPart, count <= Self.longestWord else { return }
        var hash = FoldHash.seed
        for k in 0..<Self.minimumPart { hash = FoldHash.add(hash, scalars[k]) }
        if token.folded == nil, let code = Self.latin1Code(scalars[..<Self.minimumPart]) {
            guard latin1PartBeginnings.contains(code) else { return }
        } else {
            guard partBeginnings.contains(Self.string(scalars[..<Self.minimumPart])) else { return }
        }
        let word = words[token.word]
        let continues = word.last > t
        var key: String?
        for position in Self.minimumPart..<count {
            // hash: the forward hash of scalars[..<position].
            defer { hash = FoldHash.add(hash, scalars[position]) }
            // A key folded through ICU is cut as a String (at characters), so every beginning is looked up.
            let part = token.folded.map { Self.prefix($0, upTo: position) }
            guard part != nil || partFilter.mayContain(hash), let list = firstParts[part ?? Self.string(scalars[..<position])] else { continue }
            if key == nil { key = token.key(units) }
            let view = key!.unicodeScalars
            let split = view.index(view.startIndex, offsetBy: position)
            let rest = view[split...]
            let restCount = count - position
            for (p, kind) in list {
                let base = patterns[p].tokens[0].base
                let links = kind == .base ? morphology.linkingElements : [""]
                for link in links {
                    let linkCount = link.unicodeScalars.count
                    guard restCount >= linkCount, rest.starts(with: link.unicodeScalars) else { continue }
                    let remainder = rest.dropFirst(linkCount)
                    if remainder.isEmpty {
                        // „Waffenstillstands-Abkommen“: the part and its link make a whole token.
                        guard continues, !link.isEmpty, patterns[p].tokens[0].forms[key!] == nil else { continue }
                    } else {
                        guard restCount - linkCount >= Self.minimumRest, remainder.contains(where: Fold.isVowel) else { continue }
                        // Short parts without a link must be followed by a consonant („Rathaus“, not „Ratifizierung“).
                        if base.count <= 3, link.isEmpty, let next = remainder.first, Fold.isVowel(next) { continue }
                    }
                    if morphology.blocks(word: key!, startsLowercase: token.startsLowercase, blockers: patterns[p].tokens[0].blockers,
                                         compound: true) { continue }
                    candidates.append(Candidate(first: word.first, last: word.last, pattern: p, match: .compound, subrank: 1))
                    break
                }
            }
        }
    }

    /// A closed term written with hyphens: „Waffen-Stillstand“ for „Waffenstillstand“.
    /// - Parameter joined: the keys of the word's tokens, joined.
    private func matchJoined(word: WordSpan, joined: String, into candidates: inout [Candidate]) {
        guard let list = singleForms[joined] else { return }
        for (p, inflected) in list {
            candidates.append(Candidate(first: word.first, last: word.last, pattern: p, match: inflected ? .inflected : .variant, subrank: 0))
        }
    }

    /// A hyphenated term written closed or with other hyphens: „Ukrainekrieg“ for „Ukraine-Krieg“,
    /// „G-7-Gipfel“ for „G7-Gipfel“ (a variant; inflected when the last part is inflected).
    /// - Parameter joined: the keys of the word's tokens, joined.
    private func matchClosed(word: WordSpan, joined: String, tokens: [TextToken], into candidates: inout [Candidate]) {
        guard let list = closedForms[joined] else { return }
        if tokens[word.first].startsLowercase { return }
        for (p, inflected) in list {
            // Written exactly as in the glossary, the token patterns find it already.
            candidates.append(Candidate(first: word.first, last: word.last, pattern: p, match: inflected ? .inflected : .variant, subrank: 0))
        }
    }

    /// Longest first; then exact before variant before inflected before compound; then the
    /// longer term („Waffenstillstand“ before „Abkommen“ in „Waffenstillstandsabkommen“); then the
    /// head of a compound before its first part; then glossary order.
    private func select(_ candidates: [Candidate], tokens: [TextToken]) -> [TermHit] {
        guard !candidates.isEmpty else { return [] }
        let ordered = candidates.sorted { a, b in
            let la = tokens[a.last].end - tokens[a.first].start, lb = tokens[b.last].end - tokens[b.first].start
            if la != lb { return la > lb }
            if a.match != b.match { return a.match < b.match }
            let ta = patterns[a.pattern].length, tb = patterns[b.pattern].length
            if ta != tb { return ta > tb }
            if a.subrank != b.subrank { return a.subrank < b.subrank }
            if a.first != b.first { return a.first < b.first }
            return patterns[a.pattern].entry < patterns[b.pattern].entry
        }
        var taken = [Bool](repeating: false, count: tokens.count)
        var hits: [TermHit] = []
        for candidate in ordered {
            // The ends first: candidates of one compound word share its span, and are turned away at once.
            if taken[candidate.first] || taken[candidate.last] || taken[candidate.first...candidate.last].contains(true) { continue }
            for i in candidate.first...candidate.last { taken[i] = true }
            hits.append(TermHit(range: tokens[candidate.first].start..<tokens[candidate.last].end,
                                entry: patterns[candidate.pattern].entry, match: candidate.match))
        }
        return hits.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

}
