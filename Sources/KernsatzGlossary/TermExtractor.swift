import KernsatzSegmentation
import KernsatzText

/// Lists term candidates a glossary lacks: frequent compound words („Waffenstillstandsabkommen“,
/// „EU-Beitrittsgespräche“) and multiword names („Europäische Kommission“), with counts and the
/// line of their first occurrence. Inflected forms are counted together under the most frequent one.
///
///     var extractor = TermExtractor(matcher: TermMatcher(glossary: glossary))
///     extractor.add(text: "Das Waffenstillstandsabkommen … des Waffenstillstandsabkommens …", source: "a.txt")
///     extractor.candidates(minimumCount: 2).first?.text   // "Waffenstillstandsabkommen"
///
/// Extractors that counted parts of one collection in parallel are merged into one (`merge(_:)`):
/// the candidates are then those of one extractor that was given every text in the collection's order.
public struct TermExtractor {
    /// A candidate: the form seen most often, how often any of its forms was seen, and where first.
    public struct Candidate: Sendable, Equatable {
        public var text: String
        public var count: Int
        public var kind: Kind
        /// The line of the first occurrence (trimmed to about 160 characters).
        public var context: String
        public var source: String
    }

    public enum Kind: String, Sendable { case compound, name }

    public let matcher: TermMatcher?
    /// Shortest closed compound taken, in characters.
    public var minimumCompoundLength = 12
    private let functionWords: Set<String>
    /// Forward hashes (`FoldHash`) of `functionWords`: a token's key is made only when it may be one.
    private let functionFilter: KeyFilter
    private var groups: [String: Group] = [:]
    /// The position of the next text added without one (one past the last text's).
    private var nextText = 0
    /// The number of the next group made (`Group.firstGroup`).
    private var nextGroup = 0
    /// Every word seen, folded; those also seen written in lower case (adjectives, verbs) marked.
    private var seen = FoldedWordSet()

    /// The occurrences of one candidate. What only the few frequent ones need at the end (their
    /// forms and context as Strings) is kept as UTF-16 until then.
    private struct Group {
        /// For closed single words: the folded word, checked at the end for a head seen on its own.
        var closedWord: String?
        /// Each form as written, with its count (a form is one run of units; `candidates` joins
        /// forms that are equal as Strings).
        var forms: [(units: [UInt16], count: Int)]
        var count = 0
        var kind: Kind
        var context: Context
        var source: String
        /// The position of the text it was first seen in (`add`'s `order`).
        var firstText: Int
        /// The order of its first occurrence among the groups first seen in that text: groups are
        /// numbered as they are made, so within one text the number orders them.
        var firstGroup: Int
    }

    /// The line of a first occurrence, trimmed; „…“ marks a side cut short.
    private struct Context {
        var units: [UInt16]
        var cutBefore: Bool
        var cutAfter: Bool

        var string: String {
            (cutBefore ? "…" : "") + UTF16Scan.string(units, 0..<units.count) + (cutAfter ? "…" : "")
        }
    }

    public init(matcher: TermMatcher?) {
        self.matcher = matcher
        var words = Set((LanguageList.shipped(.stopwords, language: "de")?.entries ?? []).map(Fold.key))
        // Units and amounts are capitalized nouns but no names: „Millionen Euro“.
        words.formUnion(["millionen", "million", "milliarden", "milliarde", "prozent", "euro", "dollar", "uhr", "jahr", "jahre", "jahren"])
        words.formUnion((LanguageList.shipped(.sentenceStarters, language: "de")?.entries ?? []).map(Fold.key))
        words.formUnion((matcher?.morphology ?? .shipped).functionWords)
        functionWords = words
        functionFilter = KeyFilter(words.map(FoldHash.canonical))
    }

    /// Counts the candidates of one text (clean NFC text is best: `CleanText(…).units`).
    /// - Parameters:
    ///   - hits: the glossary hits in `units` when the caller has them already; nil: the
    ///     extractor's matcher finds them.
    ///   - order: the text's position in its collection (a file's place in a batch), for `merge(_:)`:
    ///     texts are added in increasing order. Nil: right after the last text added.
    /// - Complexity: O(*n*) in the length of `units` (hash lookups per word).
    public mutating func add(units: [UInt16], source: String, hits: [TermHit]? = nil, order: Int? = nil) {
        add(units: units, source: source, hits: hits, tokens: TermTokens(units: units), order: order)
    }

    /// Counts the candidates of one text already cut into tokens, as `TermMatcher.match(units:tokens:)`
    /// read it: the same counts as `add(units:source:hits:)`, without cutting the text again.
    ///
    ///     let tokens = TermTokens(units: units)
    ///     let hits = matcher.match(units: units, tokens: tokens)
    ///     extractor.add(units: units, source: path, hits: hits, tokens: tokens)
    ///
    /// - Precondition: `tokens` was made from `units`; `order`, when given, is past every earlier text's.
    /// - Complexity: O(*n*) in the length of `units` (hash lookups per word).
    public mutating func add(units: [UInt16], source: String, hits: [TermHit]?, tokens text: TermTokens, order: Int? = nil) {
        precondition(text.unitCount == units.count, "TermTokens made from other units")
        let position = order ?? nextText
        precondition(position >= nextText, "texts added out of order")
        nextText = position + 1
        let tokens = text.tokens, words = text.words
        var covered = [Bool](repeating: false, count: units.count + 1)
        for hit in hits ?? matcher?.match(units: units, tokens: text) ?? [] { for i in hit.range { covered[i] = true } }
        func isCovered(_ first: Int, _ last: Int) -> Bool { covered[tokens[first].start..<tokens[last].end].contains(true) }
        func isFunctionWord(_ token: TextToken) -> Bool {
            functionFilter.mayContain(token.hash) && functionWords.contains(token.key(units))
        }

        for i in tokens.indices { seen.insert(tokens[i], units, marked: tokens[i].startsLowercase) }
        // Compounds: hyphenated words with a capitalized part, and long capitalized single words.
        for word in words {
            let first = tokens[word.first], last = tokens[word.last]
            guard !isCovered(word.first, word.last), last.startsUppercase || first.startsUppercase else { continue }
            if word.first == word.last {
                // A word has no more characters than UTF-16 units.
                guard first.end - first.start >= minimumCompoundLength, first.startsUppercase else { continue }
                if first.folded == nil {
                    // Latin-1 letters and digits: a character a unit.
                    guard !Self.isLatin1Acronym(units, first.start..<first.end) else { continue }
                } else {
                    let written = first.original(units)
                    guard written.count >= minimumCompoundLength, !TermMatcher.isAcronym(written) else { continue }
                }
            } else if !(word.first...word.last).allSatisfy({ tokens[$0].hasLetters }) {
                continue
            }
            count(first.start..<last.end, kind: .compound, units: units, source: source, text: position,
                  closed: word.first == word.last ? first : nil)
        }
        // Names: two to four capitalized words (not function words), inside a line.
        var i = 0
        while i < tokens.count {
            var j = i
            while j < tokens.count, j - i < 4, tokens[j].startsUppercase, tokens[j].hasLetters, !isFunctionWord(tokens[j]),
                  words[tokens[j].word].first == j, words[tokens[j].word].last == j {
                if tokens[j].joinerAfter != .space { j += 1; break }
                j += 1
            }
            let end = j - 1
            if end > i, tokens[end].startsUppercase, !isCovered(i, end), !Self.startsSentence(units, at: tokens[i].start) || end - i >= 1 {
                count(tokens[i].start..<tokens[end].end, kind: .name, units: units, source: source, text: position)
                i = j
            } else {
                i += 1
            }
        }
    }

    public mutating func add(text: String, source: String) {
        add(units: (try? CleanText(text))?.units ?? Array(text.utf16), source: source)
    }

    /// Counts the occurrence of a candidate at `range`.
    /// - Parameter closed: the token, when the candidate is one closed word (its folded form is
    ///   checked at the end for parts seen on their own).
    private mutating func count(_ range: Range<Int>, kind: Kind, units: [UInt16], source: String, text position: Int,
                                closed: TextToken? = nil) {
        let key = Self.groupKey(units, range) ?? Self.groupKey(Fold.key(UTF16Scan.string(units, range)))
        if let index = groups.index(forKey: key) {
            groups.values[index].count += 1
            let length = range.count
            if let form = groups.values[index].forms.firstIndex(where: { $0.units.count == length && $0.units.elementsEqual(units[range]) }) {
                groups.values[index].forms[form].count += 1
            } else {
                groups.values[index].forms.append((Array(units[range]), 1))
            }
            return
        }
        groups[key] = Group(closedWord: closed?.key(units), forms: [(Array(units[range]), 1)], count: 1, kind: kind,
                            context: Self.context(units, around: range.lowerBound), source: source,
                            firstText: position, firstGroup: nextGroup)
        nextGroup += 1
    }

    /// Takes in what `other` counted: afterwards the candidates are those of one extractor given the
    /// texts of both in the order of their positions (`add`'s `order`). Counts add up; the form, the
    /// context and the source of a candidate are those of its first text, and so is its place
    /// among candidates of equal count.
    ///
    ///     var total = TermExtractor(matcher: matcher)
    ///     for part in parts { total.merge(part) }   // each part counted other files of one batch
    ///
    /// - Precondition: `other` was made with the same matcher and settings, and no text position was
    ///   given to both.
    /// - Complexity: O(*m*) in the words and candidates `other` holds (hash lookups).
    public mutating func merge(_ other: TermExtractor) {
        seen.formUnion(other.seen)
        for (key, theirs) in other.groups {
            guard let index = groups.index(forKey: key) else {
                groups[key] = theirs
                continue
            }
            for form in theirs.forms {
                if let mine = groups.values[index].forms.firstIndex(where: { $0.units == form.units }) {
                    groups.values[index].forms[mine].count += form.count
                } else {
                    groups.values[index].forms.append(form)
                }
            }
            groups.values[index].count += theirs.count
            if theirs.firstText < groups.values[index].firstText {
                let forms = groups.values[index].forms, count = groups.values[index].count
                groups.values[index] = theirs
                (groups.values[index].forms, groups.values[index].count) = (forms, count)
            }
        }
        nextText = max(nextText, other.nextText)
        nextGroup = max(nextGroup, other.nextGroup)
    }

    /// The candidates seen at least `minimumCount` times, most frequent first (ties: first seen first).
    public func candidates(minimumCount: Int = 2) -> [Candidate] {
        var result: [(first: (text: Int, group: Int), candidate: Candidate)] = []
        let links = latin1Links
        for group in groups.values {
            guard group.count >= minimumCount else { continue }
            if let word = group.closedWord, !isCompound(word, latin1Links: links) { continue }
            var forms: [String: Int] = [:]
            for form in group.forms { forms[UTF16Scan.string(form.units, 0..<form.units.count), default: 0] += form.count }
            // Most frequent, then shortest, then first in code point order: the same on every run
            // (dictionary order is not).
            let text = forms.max { a, b in
                a.value != b.value ? a.value < b.value : a.key.count != b.key.count ? a.key.count > b.key.count
                    : a.key.unicodeScalars.lexicographicallyPrecedes(b.key.unicodeScalars) == false
            }!.key
            result.append(((group.firstText, group.firstGroup),
                           Candidate(text: text, count: group.count, kind: group.kind, context: group.context.string, source: group.source)))
        }
        // Ties: first seen first (texts in order, and groups within a text in the order they were made).
        return result.sorted { $0.candidate.count != $1.candidate.count ? $0.candidate.count > $1.candidate.count : $0.first < $1.first }
            .map(\.candidate)
    }

    /// A closed word is taken as a compound when it is never written in lower case (no adjective or
    /// verb) and splits into a first part and a head (four letters or more) that were both seen on
    /// their own („Innenministerium“ after „innen“ and „Ministerium“), not when it is one long simple
    /// word („Entscheidung“, „Verhandlungen“, „Gesellschaft“).
    /// - Parameter latin1Links: `latin1Links`.
    private func isCompound(_ word: String, latin1Links: [[UInt32]]?) -> Bool {
        if seen.containsMarked(word) { return false }
        // Latin-1 without carriage returns: every scalar is a character, so the word is cut at its
        // scalars (the same parts, without making them Strings).
        if let links = latin1Links, word.unicodeScalars.allSatisfy({ $0.value < 0x100 && $0.value != 0x0D }) {
            return isLatin1Compound(word.unicodeScalars.map(\.value), links: links)
        }
        let view = word.unicodeScalars
        guard view.count >= 7 else { return false }
        var split = view.index(view.startIndex, offsetBy: 3)
        var rest = view.count - 3
        while rest >= 4 {
            let head = String(word[split...])
            if seen.contains(head) || seen.contains(String(head.dropLast())), isSeenModifier(String(word[..<split])) { return true }
            split = view.index(after: split)
            rest -= 1
        }
        return false
    }

    /// A first part seen as a word of its own, perhaps with a linking element („Wirtschafts-“, „Innen-“),
    /// and not a function word („aus-“ in „Auswirkungen“).
    private func isSeenModifier(_ modifier: String) -> Bool {
        let links = [""] + (matcher?.morphology ?? .shipped).linkingElements.filter { !$0.isEmpty }
        for link in links where modifier.hasSuffix(link) {
            let part = String(modifier.dropLast(link.count))
            if part.count >= 3, seen.contains(part), !functionWords.contains(part) { return true }
        }
        return false
    }

    /// The linking elements as scalar values, the empty one first (the order `isSeenModifier` tries
    /// them in); nil when one is not Latin-1.
    private var latin1Links: [[UInt32]]? {
        let links = [""] + (matcher?.morphology ?? .shipped).linkingElements.filter { !$0.isEmpty }
        let values = links.map { $0.unicodeScalars.map(\.value) }
        return values.allSatisfy { $0.allSatisfy { $0 < 0x100 && $0 != 0x0D } } ? values : nil
    }

    /// `isCompound` of a Latin-1 word, on its scalar values.
    private func isLatin1Compound(_ word: [UInt32], links: [[UInt32]]) -> Bool {
        guard word.count >= 7 else { return false }
        for split in 3...(word.count - 4) {
            let head = word[split...]
            guard seen.contains(latin1: head) || seen.contains(latin1: head.dropLast()) else { continue }
            let modifier = word[..<split]
            for link in links where modifier.count >= link.count && modifier.suffix(link.count).elementsEqual(link) {
                let part = modifier.dropLast(link.count)
                if part.count >= 3, seen.contains(latin1: part), !functionWords.contains(TermMatcher.string(part)) { return true }
            }
        }
        return false
    }

    /// The candidates as a glossary without translations (for TSV/TBX export): count and context in the note.
    public func glossary(minimumCount: Int = 2) -> Glossary {
        Glossary(entries: candidates(minimumCount: minimumCount).map {
            GlossaryEntry(term: $0.text, partOfSpeech: $0.kind == .name ? "properNoun" : "noun",
                          note: "\($0.count)× in \($0.source): \($0.context)")
        }, name: "candidates")
    }

    /// Inflected forms together: the folded text without a final -s, -es, -n, -en, -e, -er, -em.
    /// - Complexity: O(*n*) in the length of `folded`.
    static func groupKey(_ folded: String) -> String {
        // Latin-1 without carriage returns: every scalar is a character, so scalars can be counted and
        // compared instead (the same key, several times faster).
        if folded.unicodeScalars.allSatisfy({ $0.value < 0x100 && $0.value != 0x0D }) {
            var latin: [UInt8] = []
            latin.reserveCapacity(folded.utf8.count)
            for scalar in folded.unicodeScalars { latin.append(UInt8(truncatingIfNeeded: scalar.value)) }
            return groupKey(latin1: latin)
        }
        return folded.split(separator: " ").map { word -> Substring in
            let count = word.count
            for ending in ["en", "es", "er", "em", "n", "s", "e"] where count > ending.count + 3 && word.hasSuffix(ending) {
                return word.dropLast(ending.count)
            }
            return word
        }.joined(separator: " ")
    }

    /// `groupKey(Fold.key(text))` of the text in `range` when `Fold.key` folds it by rule (Latin-1, no
    /// micro sign) and it has no carriage return; nil otherwise. Folds the units straight into the key.
    /// - Complexity: O(*n*) in the length of `range`.
    static func groupKey(_ units: [UInt16], _ range: Range<Int>) -> String? {
        var latin: [UInt8] = []
        latin.reserveCapacity(range.count + 2)
        for i in range {
            let u = units[i]
            guard u < 0x100, u != 0xB5, u != 0x0D else { return nil }
            if u == 0xDF {
                latin.append(0x73)
                latin.append(0x73)
            } else {
                latin.append(UInt8(truncatingIfNeeded: Fold.latin1(u)))
            }
        }
        return groupKey(latin1: latin)
    }

    /// `groupKey` of folded Latin-1 text (no carriage return), one byte a scalar.
    private static func groupKey(latin1 latin: [UInt8]) -> String {
        var key: [UInt8] = []
        key.reserveCapacity(latin.count * 2)
        var i = 0
        while i < latin.count {
            if latin[i] == 0x20 { i += 1; continue }
            var j = i
            while j < latin.count, latin[j] != 0x20 { j += 1 }
            var end = j
            for ending in groupEndings where j - i > ending.count + 3 && latin[(j - ending.count)..<j].elementsEqual(ending) {
                end = j - ending.count
                break
            }
            if !key.isEmpty { key.append(0x20) }
            for k in i..<end {
                let value = latin[k]
                if value < 0x80 {
                    key.append(value)
                } else {
                    key.append(0xC0 | (value >> 6))
                    key.append(0x80 | (value & 0x3F))
                }
            }
            i = j
        }
        return String(decoding: key, as: UTF8.self)
    }

    /// The endings `groupKey` takes off, in its order, as Latin-1 (ASCII) bytes.
    private static let groupEndings: [[UInt8]] = ["en", "es", "er", "em", "n", "s", "e"].map { Array($0.utf8) }

    static func startsSentence(_ units: [UInt16], at offset: Int) -> Bool {
        var i = offset - 1
        while i >= 0, units[i] == 0x20 || units[i] == 0x22 || units[i] == 0x201E || units[i] == 0xBB { i -= 1 }
        return i < 0 || units[i] == 0x2E || units[i] == 0x21 || units[i] == 0x3F || units[i] == 0x0A || units[i] == 0x3A
    }

    /// The line around `offset`, at most about 160 characters centred on it (`Context.string`).
    private static func context(_ units: [UInt16], around offset: Int) -> Context {
        var start = offset, end = offset
        while start > 0, units[start - 1] != 0x0A, offset - start < 80 { start -= 1 }
        while end < units.count, units[end] != 0x0A, end - offset < 80 { end += 1 }
        var first = start, last = end
        while first < last, units[first] == 0x20 || units[first] == 0x09 || units[first] == 0xA0 { first += 1 }
        while last > first, units[last - 1] == 0x20 || units[last - 1] == 0x09 || units[last - 1] == 0xA0 || units[last - 1] == 0x0D { last -= 1 }
        return Context(units: Array(units[first..<last]), cutBefore: start > 0 && units[start - 1] != 0x0A,
                       cutAfter: end < units.count && units[end] != 0x0A)
    }

    /// `TermMatcher.isAcronym` of a word of Latin-1 letters and digits (a token folded by rule):
    /// two letters or more, none lower case.
    static func isLatin1Acronym(_ units: [UInt16], _ range: Range<Int>) -> Bool {
        var letters = 0
        for i in range {
            let u = units[i]
            if (u >= 0x61 && u <= 0x7A) || u == 0xAA || u == 0xBA || u >= 0xDF { return false }
            if (u >= 0x41 && u <= 0x5A) || (u >= 0xC0 && u != 0xD7) { letters += 1 }
        }
        return letters >= 2
    }
}
