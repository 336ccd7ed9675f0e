import KernsatzICU
import KernsatzText

/// A sentence: its range in the clean text (UTF-16 offsets, trimmed) and its block.
public struct Sentence: Sendable, Equatable {
    public var range: Range<Int>
    /// The index of the block (in `DocumentStructure.blocks`) the sentence belongs to.
    public var block: Int

    public init(range: Range<Int>, block: Int) {
        self.range = range
        self.block = block
    }
}

/// Splits text into sentences: ICU's sentence break iteration proposes boundaries, a rule layer
/// whose language knowledge is data (abbreviations, ordinals, sentence starters, months from ICU)
/// removes the false ones and adds the few ICU misses. Block ends always end a sentence.
///
///     let segmenter = try SentenceSegmenter(language: "de")
///     let text = Array("Am 3. Oktober kam Dr. Müller um 10 Uhr. Die Zahl stieg.".utf16)
///     segmenter.sentenceRanges(in: text).map { String(decoding: text[$0], as: UTF16.self) }
///     // ["Am 3. Oktober kam Dr. Müller um 10 Uhr.", "Die Zahl stieg."]
public struct SentenceSegmenter: Sendable {
    public let rules: SegmentationRules
    /// The ICU locale of the candidate boundaries (plain rules: no `ss=standard` suppressions).
    public let locale: String

    /// - Throws: `SegmentationError` when ICU has no sentence rules at all (never for real locales).
    public init(language: String) throws(SegmentationError) {
        try self.init(rules: .shipped(language: language))
    }

    public init(rules: SegmentationRules) throws(SegmentationError) {
        self.rules = rules
        self.locale = LanguageTag.icuLocale(rules.language)
        // Open once to fail early with a clear message.
        _ = try makeIterator()
    }

    func makeIterator() throws(SegmentationError) -> BreakIterator {
        do {
            return try BreakIterator(.sentence, locale: locale)
        } catch {
            throw SegmentationError(.breakIterator(error.description), language: rules.language)
        }
    }

    /// What one thread reuses from text to text: ICU's iterator and a buffer.
    /// Not shareable between threads; make one per task with `makeSession()`.
    public final class Session {
        let iterator: BreakIterator
        var buffer: [UInt16] = []
        init(iterator: BreakIterator) { self.iterator = iterator }
    }

    public func makeSession() throws(SegmentationError) -> Session {
        Session(iterator: try makeIterator())
    }

    /// The sentences of every block, in order.
    ///
    /// - Parameter session: reuse one across texts on the same thread to save opening ICU's
    ///   iterator for each (about 2 µs); without one, a session is made for this call.
    /// - Complexity: O(*n*) in the length of the text.
    public func segment(_ units: [UInt16], blocks: [Block], session: Session? = nil) -> [Sentence] {
        guard let session = session ?? (try? makeSession()) else { return [] }
        var result: [Sentence] = []
        for (index, block) in blocks.enumerated() {
            for range in sentenceRanges(units, block.range, iterator: session.iterator, buffer: &session.buffer) {
                result.append(Sentence(range: range, block: index))
            }
        }
        // The buffer is kept for the next text, but not a long text's copy.
        if session.buffer.capacity > 1 << 16 { session.buffer = [] }
        return result
    }

    /// The sentences of one stretch of text with no block structure (the whole text by default).
    public func sentenceRanges(in units: [UInt16], range: Range<Int>? = nil) -> [Range<Int>] {
        guard let iterator = try? makeIterator() else { return [] }
        var buffer: [UInt16] = []
        return sentenceRanges(units, range ?? 0..<units.count, iterator: iterator, buffer: &buffer)
    }

    func sentenceRanges(_ units: [UInt16], _ range: Range<Int>, iterator: BreakIterator, buffer: inout [UInt16]) -> [Range<Int>] {
        if range.isEmpty { return [] }
        // The block with hard line breaks made spaces (a wrapped line is not a sentence end), and in
        // the same pass the places of the terminal punctuation that ICU may have passed over.
        buffer.removeAll(keepingCapacity: true)
        buffer.append(contentsOf: units[range])
        var terminals: [Int] = []
        // Bits for tab, LF, CR (made spaces), ! . : ; ? (terminals) and ) (emoticons); one
        // well-predicted branch a unit.
        let special: UInt64 = 1 << 0x09 | 1 << 0x0A | 1 << 0x0D | 1 << 0x21 | 1 << 0x29 | 1 << 0x2E | 1 << 0x3A | 1 << 0x3B | 1 << 0x3F
        for i in buffer.indices {
            let u = buffer[i]
            let hit = (u < 64 ? (special >> UInt64(u)) & 1 : 0) | (u == 0x2026 ? 1 : 0)
            if hit != 0 {
                if u < 0x20 { buffer[i] = 0x20 } else { terminals.append(i) }
            }
        }
        var candidates: [Int] = []
        iterator.forEachBoundary(in: buffer) { boundary, _ in
            if boundary < buffer.count { candidates.append(boundary) }
        }
        addMissedCandidates(buffer, terminals: terminals, &candidates)
        var ranges: [Range<Int>] = []
        var start = 0
        for candidate in candidates where candidate > start {
            let boundary = movedPastClosingQuote(buffer, candidate)
            guard boundary > start, boundary < buffer.count, shouldSplit(buffer, at: boundary) else { continue }
            let sentence = UTF16Scan.trim(buffer, start..<boundary)
            if !sentence.isEmpty { Self.append(sentence, to: &ranges, in: buffer) }
            start = boundary
        }
        let last = UTF16Scan.trim(buffer, start..<buffer.count)
        if !last.isEmpty { Self.append(last, to: &ranges, in: buffer) }
        let offset = range.lowerBound
        var result: [Range<Int>] = []
        result.reserveCapacity(ranges.count)
        for sentence in ranges {
            Self.appendCapped(sentence, to: &result, in: buffer, offset: offset)
        }
        return result
    }

    /// The longest sentence, in UTF-16 units: a longer one is cut into pieces of at most this
    /// length. The longest sentence of the news and treebank corpora has 843 units; only text without
    /// sentence punctuation (a list run together, a log, an attack) reaches the cap. It bounds what
    /// every later stage makes for one sentence (its words, quotes, worksheet segment).
    public static let maxSentenceLength = 4_000

    /// Adds `sentence` (shifted by `offset`), cut before the last space that leaves a piece of at
    /// most `maxSentenceLength` units (in its second half), or else before the unit at the cap
    /// (never inside a surrogate pair).
    ///
    ///     // 10,000 units of „Wort Wort …“ without a period → pieces of 3,999, 3,999 and 1,999 units
    ///
    /// - Complexity: O(*n*) in the length of the sentence.
    static func appendCapped(_ sentence: Range<Int>, to ranges: inout [Range<Int>], in text: [UInt16], offset: Int,
                             cap: Int = maxSentenceLength) {
        var start = sentence.lowerBound
        while sentence.upperBound - start > cap {
            var cut = start + cap
            var space = cut
            while space > start + cap / 2 && !UTF16Scan.isSpace(text[space]) { space -= 1 }
            if UTF16Scan.isSpace(text[space]) {
                cut = space
            } else if UTF16.isTrailSurrogate(text[cut]) && UTF16.isLeadSurrogate(text[cut - 1]) {
                cut -= 1
            }
            let piece = UTF16Scan.trim(text, start..<cut)
            if !piece.isEmpty { ranges.append((piece.lowerBound + offset)..<(piece.upperBound + offset)) }
            start = cut
            while start < sentence.upperBound && UTF16Scan.isSpace(text[start]) { start += 1 }
        }
        if start < sentence.upperBound { ranges.append((start + offset)..<(sentence.upperBound + offset)) }
    }

    /// Adds a sentence; closing marks alone („ »“ after „« Nous sommes prêts.“ at the end of a
    /// text) are no sentence but the end of the one before.
    static func append(_ sentence: Range<Int>, to ranges: inout [Range<Int>], in text: [UInt16]) {
        if let previous = ranges.last, sentence.allSatisfy({ i in
            UTF16Scan.isSpace(text[i]) || text[i] == 0xA0 || text[i] == 0x202F || UTF16Scan.isClosing(UTF16Scan.scalar(text, at: i))
        }) {
            ranges[ranges.count - 1] = previous.lowerBound..<sentence.upperBound
        } else {
            ranges.append(sentence)
        }
    }

    /// ICU misses some sentence ends: before a number („… gesagt. 2015 zog er …“: its rule SB8
    /// looks past digits for a lowercase letter), after an ellipsis character („… fortsetzen …
    /// Doch …“: U+2026 is no terminator to it), before a lowercase sentence start („… hat. das
    /// sind …“), and after a colon or semicolon that closes a full clause („Nazli Top erinnert
    /// sich: Die Hebamme …“). Those places become candidates for the rule layer.
    /// - Parameter terminals: the offsets of every . ! ? : ; and … in `text`.
    func addMissedCandidates(_ text: [UInt16], terminals: [Int], _ candidates: inout [Int]) {
        var extra: [Int] = []
        let count = text.count
        var last = -1
        for i in terminals where i > last {
            let u = text[i]
            if u == 0x29 {
                // An emoticon ends a sentence before a capitalized word: „wie immer :) Also …“
                if isEmoticon(text, endingAt: i + 1) {
                    var j = i + 1
                    while j < count && text[j] == 0x20 { j += 1 }
                    if j > i + 1 && j < count && UTF16Scan.isUppercase(UTF16Scan.scalar(text, at: j)) { extra.append(j) }
                }
                continue
            }
            var j = i + 1
            while j < count && UTF16Scan.isClosing(UTF16Scan.scalar(text, at: j)) { j += 1 }
            let spaceStart = j
            while j < count && text[j] == 0x20 { j += 1 }
            last = j - 1
            if j > spaceStart && j < count {
                var k = j
                while k < count && UTF16Scan.isOpening(UTF16Scan.scalar(text, at: k)) { k += 1 }
                if k < count {
                    let next = UTF16Scan.scalar(text, at: k)
                    let colon = u == 0x3A || u == 0x3B
                    if colon ? (k == j && UTF16Scan.isUppercase(next))
                        : UTF16Scan.isDigit(next) || (u == 0x2026 && UTF16Scan.isUppercase(next)) || (u == 0x2E && UTF16Scan.isLowercase(next)) {
                        extra.append(j)
                    }
                }
            }
        }
        guard !extra.isEmpty else { return }
        // Merge two sorted lists without duplicates.
        var merged: [Int] = []
        merged.reserveCapacity(candidates.count + extra.count)
        var a = 0, b = 0
        while a < candidates.count || b < extra.count {
            let next: Int
            if b == extra.count || (a < candidates.count && candidates[a] <= extra[b]) {
                next = candidates[a]; a += 1
            } else {
                next = extra[b]; b += 1
            }
            if merged.last != next { merged.append(next) }
        }
        candidates = merged
    }

    /// A candidate just before a closing-only quote mark („« Nous reviendrons. » Puis“) moves
    /// past the mark and its spaces.
    func movedPastClosingQuote(_ text: [UInt16], _ candidate: Int) -> Int {
        guard candidate < text.count, rules.closingOnlyQuotes.contains(text[candidate]) else { return candidate }
        var j = candidate + 1
        while j < text.count && UTF16Scan.isClosing(UTF16Scan.scalar(text, at: j)) { j += 1 }
        let spaces = j
        while j < text.count && text[j] == 0x20 { j += 1 }
        return j > spaces ? j : candidate
    }

    // MARK: the rule layer

    /// Whether a candidate boundary (the start of the would-be next sentence) is a real one.
    func shouldSplit(_ text: [UInt16], at boundary: Int) -> Bool {
        // Back over the spaces, then over closing quotes and brackets, to the final punctuation.
        var p = boundary
        while p > 0 && UTF16Scan.isSpace(text[p - 1]) { p -= 1 }
        if isEmoticon(text, endingAt: p) {
            return boundary < text.count && UTF16Scan.isUppercase(UTF16Scan.scalar(text, at: boundary))
        }
        if p == boundary {
            // No space before: inside a token („…/a.html?x=1“) unless the script writes no spaces (CJK).
            let u = text[p - 1]
            return !(u == 0x2E || u == 0x3F || u == 0x21 || u == 0x3A)
        }
        var q = p
        var closings = 0
        while q > 0 {
            let start = UTF16Scan.previousStart(text, before: q)
            if UTF16Scan.isClosing(UTF16Scan.scalar(text, at: start)) { q = start; closings += 1 } else { break }
        }
        guard q > 0 else { return true }
        let terminalStart = UTF16Scan.previousStart(text, before: q)
        let terminal = UTF16Scan.scalar(text, at: terminalStart)

        // A sentence never starts with a lowercase letter: „?“ fragte er, „z. B. die“, „… und“.
        var n = boundary
        while n < text.count && UTF16Scan.isOpening(UTF16Scan.scalar(text, at: n)) && !isBracket(text[n]) { n += 1 }
        guard n < text.count else { return true }
        if UTF16Scan.isLowercase(UTF16Scan.scalar(text, at: n)) {
            // A new quotation after a quoted sentence is a new sentence, whatever its first letter:
            // „… sagte er." "ich bin dagegen …"
            if closings > 0 && n > boundary && terminal != ":" && terminal != ";" && UTF16Scan.isTerminal(terminal)
                && UTF16Scan.isClosing(UTF16Scan.scalar(text, at: q)) && !isBracket(text[q]) && !isBracket(text[boundary]) {
                return true
            }
            // A sentence starts lowercase only in careless writing: after an ordinary word, before a
            // word that starts sentences („… verwundert hat. das sind …“, „… festgenommen. "seine …“).
            // Never „und“, „oder“: after an unknown abbreviation they continue („öst. Musikhist. und Dirigent“).
            guard terminal == "." && closings == 0 else { return false }
            // Elided articles that open sentences in the language's list („… toeristen. 's Avonds …“).
            if text[boundary] == 0x27 || text[boundary] == 0x2019 {
                let elided = boundary..<wordRange(text, from: boundary + 1).upperBound
                let token = previousToken(text, endingAt: q)
                return rules.isSentenceStarter(text[elided].map { $0 == 0x2019 ? 0x27 : $0 }[...])
                    && rules.lookup(String(decoding: text[token], as: UTF16.self)) == nil
            }
            let next = text[wordRange(text, from: n)]
            return !Self.coordinatorHashes.contains(SegmentationRules.wordHash(next, fold: true))
                && isOrdinaryWord(text, previousToken(text, endingAt: q)) && rules.isSentenceStarterIgnoringCase(next)
        }
        if terminal == ":" || terminal == ";" {
            return closesClause(text, colon: terminalStart, next: n, boundary: boundary)
        }
        // The next word, past brackets too.
        while n < text.count && UTF16Scan.isOpening(UTF16Scan.scalar(text, at: n)) { n += 1 }
        guard n < text.count else { return true }
        var startsSentenceMemo: Bool?
        func startsSentence() -> Bool {
            if let memo = startsSentenceMemo { return memo }
            let result = rules.isSentenceStarter(text[wordRange(text, from: n)])
            startsSentenceMemo = result
            return result
        }

        // Bracketed punctuation is a comment, not a sentence end: „300 (!) Prozent“, „(…) Das“.
        if closings > 0, isBracket(text[q]), bracketHoldsOnlyPunctuation(text, closingAt: q) { return false }
        // An ellipsis ends a sentence only before a word that starts one: „war … Chaos“ goes on.
        if terminal == "…" || (terminal == "." && terminalStart >= 1 && text[terminalStart - 1] == 0x2E) {
            return closings > 0 || startsSentence()
        }
        guard terminal == "." else { return true }
        // A period inside quotes or brackets ends the quoted sentence: „… Realität.“ Die …
        if closings > 0 { return true }

        let token = previousToken(text, endingAt: q)
        // Abbreviations, also spaced, multi-part and at the end of a compound:
        // „Dr.“, „z. B.“, „i. d. R.“, „z. | B.“, „Zimmermann-Str.“.
        if let kind = abbreviation(text, token: token, next: n) {
            switch kind {
            case .nonFinal: return false
            case .enumerationCloser: return true
            case .final: return startsSentence()
            }
        }
        let body = token.lowerBound..<(q - 1)  // without the period
        if body.isEmpty { return true }
        // Initials: „Mark A. Rutte“, „J. R. R. Tolkien“.
        if body.count == 1, UTF16Scan.isUppercase(UTF16Scan.scalar(text, at: body.lowerBound)) {
            return startsSentence()
        }
        // Roman numerals after a name: „Benedikt XVI.“, „Ludwig XIV.“
        if isRomanNumeral(text[body]), let before = tokenBefore(text, token.lowerBound),
           UTF16Scan.isUppercase(UTF16Scan.scalar(text, at: before.lowerBound)) {
            return startsSentence()
        }
        // Ordinals: „am 3. Oktober“, „im 2. Stock“, „der 1. FC Köln“, „am 23.12. …“, „der Weltranglisten-19.“
        var number = body
        if let hyphen = text[body].lastIndex(of: 0x2D), hyphen + 1 < body.upperBound { number = (hyphen + 1)..<body.upperBound }
        if rules.ordinalDots, let digits = ordinalDigits(text[number]) {
            return !isOrdinal(text, token: token, digits: digits, next: n, startsSentence: startsSentence)
        }
        return true
    }

    /// After a colon or semicolon, a capitalized sentence starter opens a new sentence when the
    /// colon stands between two full clauses (six words or more before, five or more after) outside
    /// quotes: „Nazli Top erinnert sich: Die Hebamme ist eine Hebamme …“, „… ausreicht; Die
    /// Muschelfischerei …“ — but not „Fazit: Die …“, „Die Botschaft war klar: Nicht mit uns!“ nor
    /// „„Damit Putin weiß: Wenn …““.
    func closesClause(_ text: [UInt16], colon: Int, next: Int, boundary: Int) -> Bool {
        guard next == boundary else { return false }
        if text[colon] == 0x3B { return rules.isSentenceStarter(text[wordRange(text, from: next)]) }
        var after = 0
        var inWordAfter = false
        var j = next
        while j < text.count && after < 5 {
            let u = text[j]
            if u == 0x2E || u == 0x21 || u == 0x3F || u == 0x3A || u == 0x3B { break }
            if u == 0x20 { inWordAfter = false } else if !inWordAfter { inWordAfter = true; after += 1 }
            j += 1
        }
        guard after >= 5, rules.isSentenceStarter(text[wordRange(text, from: next)]) else { return false }
        var words = 0
        var inWord = false
        var i = colon - 1
        while i >= 0 {
            let u = text[i]
            if u == 0x2E || u == 0x21 || u == 0x3F || u == 0x3A { break }
            if rules.openingOnlyQuotes.contains(u) { return false }   // inside a quotation
            if rules.closingOnlyQuotes.contains(u) { break }          // after one
            if u == 0x20 { inWord = false } else if !inWord { inWord = true; words += 1 }
            i -= 1
        }
        return words >= 6
    }

    /// Coordinating conjunctions that continue a sentence even after a period.
    static let coordinatorHashes: Set<UInt64> = Set(["und", "oder", "sowie", "bzw", "and", "or", "et", "ou", "en", "of", "y", "o", "e"]
        .map { SegmentationRules.wordHash(Array($0.utf16), fold: true) })

    /// An ordinary word before a period: six letters or more with a vowel, not an abbreviation
    /// (unlisted abbreviations are short: „Verf.“, „Gen.“, „Dez.“).
    func isOrdinaryWord(_ text: [UInt16], _ token: Range<Int>) -> Bool {
        let body = token.lowerBound..<(token.upperBound - 1)
        guard body.count >= 6 else { return false }
        var vowel = false
        for i in body {
            let s = UTF16Scan.scalar(text, at: i)
            guard UTF16Scan.isLetter(s) else { return false }
            if "aeiouäöüyAEIOUÄÖÜ".unicodeScalars.contains(s) { vowel = true }
        }
        return vowel && rules.lookup(String(decoding: text[token], as: UTF16.self)) == nil
    }

    /// Whether the number with a dot in `token` is an ordinal (or an enumerator) rather than a
    /// number that ends its sentence.
    func isOrdinal(_ text: [UInt16], token: Range<Int>, digits: Int, next: Int, startsSentence: () -> Bool) -> Bool {
        if rules.isMonth(text[wordRange(text, from: next)]) { return true }
        if startsSentence() { return false }
        // At the start of a block or a sentence: an enumerator („1. Einleitung“, „… so“. 12. Demokratie“).
        guard let before = tokenBefore(text, token.lowerBound) else { return true }
        if endsSentence(text, before) { return true }
        if digits <= 3 && rules.isOrdinalContext(text[before]) { return true }
        // An adjective between: „des frühen 20. Jahrhunderts“, „am kommenden 3. Mai“.
        if digits <= 3, let first = text[before].first, first >= 0x61 && first <= 0x7A || first > 0xDF,
           let article = tokenBefore(text, before.lowerBound),
           rules.isOrdinalContext(text[article]) {
            return true
        }
        // Coordinated ordinals: „in 2. und 3. Lesung“, „des 19. und 20. Jahrhunderts“.
        let previous = String(decoding: text[before], as: UTF16.self).lowercased()
        if ["und", "oder", "bis", "sowie", "–", "-"].contains(previous) || previous.hasSuffix(".,") {
            if let first = tokenBefore(text, before.lowerBound), text[first.upperBound - 1] == 0x2E,
               ordinalDigits(text[first.lowerBound..<(first.upperBound - 1)]) != nil {
                return true
            }
        }
        return false
    }

    /// Whether a token ends with sentence-final punctuation (possibly inside quotes).
    func endsSentence(_ text: [UInt16], _ token: Range<Int>) -> Bool {
        guard let s = UTF16Scan.lastMark(text, in: token) else { return false }
        return s == "." || s == "!" || s == "?"
    }

    /// A smiley standing as a word: „:)“, „:-)“, „;)“, „;-)“ with a space (or the start) before it.
    func isEmoticon(_ text: [UInt16], endingAt end: Int) -> Bool {
        guard end >= 2, text[end - 1] == 0x29 else { return false }
        var i = end - 2
        if text[i] == 0x2D { guard i >= 1 else { return false }; i -= 1 }
        guard text[i] == 0x3A || text[i] == 0x3B else { return false }
        return i == 0 || UTF16Scan.isSpace(text[i - 1])
    }

    @inline(__always)
    func isBracket(_ u: UInt16) -> Bool {
        u == 0x28 || u == 0x29 || u == 0x5B || u == 0x5D || u == 0x7B || u == 0x7D
    }

    /// Whether the bracket closing at `close` holds nothing but punctuation: „(!)“, „(?)“, „[…]“, „(...)“.
    func bracketHoldsOnlyPunctuation(_ text: [UInt16], closingAt close: Int) -> Bool {
        var i = close - 1
        while i >= 0 && close - i <= 6 {
            let u = text[i]
            if u == 0x28 || u == 0x5B { return i < close - 1 }
            if !(u == 0x2E || u == 0x21 || u == 0x3F || u == 0x2026) { return false }
            i -= 1
        }
        return false
    }

    /// The run of non-space text that ends at `end`, without leading opening marks.
    func previousToken(_ text: [UInt16], endingAt end: Int) -> Range<Int> {
        var start = end
        while start > 0 && !UTF16Scan.isSpace(text[start - 1]) { start -= 1 }
        while start < end - 1 && UTF16Scan.isOpening(UTF16Scan.scalar(text, at: start)) { start += 1 }
        return start..<end
    }

    /// The token before the one starting at `start`, without leading opening marks and trailing
    /// commas; nil at the start of the text.
    func tokenBefore(_ text: [UInt16], _ start: Int) -> Range<Int>? {
        var end = start
        while end > 0 && UTF16Scan.isSpace(text[end - 1]) { end -= 1 }
        guard end > 0 else { return nil }
        let token = previousToken(text, endingAt: end)
        return token.isEmpty ? nil : token
    }

    /// The word at `start`: letters, digits and inner periods, hyphens and apostrophes, without
    /// trailing periods and hyphens.
    func wordRange(_ text: [UInt16], from start: Int) -> Range<Int> {
        var end = start
        while end < text.count {
            let u = text[end]
            if u == 0x2D || u == 0x27 || u == 0x2019 || u == 0x2E || (u >= 0x30 && u <= 0x39) || (u | 0x20 >= 0x61 && u | 0x20 <= 0x7A) {
                end += 1
            } else if u >= 0x80, UTF16Scan.isLetter(UTF16Scan.scalar(text, at: end)) || UTF16Scan.isDigit(UTF16Scan.scalar(text, at: end)) {
                end += UTF16Scan.width(text, at: end)
            } else {
                break
            }
        }
        while end > start && (text[end - 1] == 0x2E || text[end - 1] == 0x2D) { end -= 1 }
        return start..<end
    }

    /// Looks for an abbreviation that ends at the candidate's period (the token, or its last part
    /// after a hyphen, with up to `maxParts - 1` tokens before it), or that the candidate cuts in
    /// two („z. | B.“). Most tokens are turned away by their fingerprint without building a string.
    func abbreviation(_ text: [UInt16], token: Range<Int>, next: Int) -> SegmentationRules.AbbreviationKind? {
        var tokenStart = token.lowerBound
        if !rules.abbreviationKeys.contains(SegmentationRules.abbreviationKey(text[token])) {
            // „Zimmermann-Str.“, „l’avv.“: the part after the last hyphen or elision apostrophe
            // (an apostrophe after at most four letters, before two or more: not „gibt's.“).
            guard let hyphen = text[token].lastIndex(where: { $0 == 0x2D || $0 == 0x2019 || $0 == 0x27 }), hyphen + 1 < token.upperBound,
                  text[hyphen] == 0x2D || (hyphen - token.lowerBound <= 4 && token.upperBound - hyphen >= 4),
                  rules.abbreviationKeys.contains(SegmentationRules.abbreviationKey(text[(hyphen + 1)..<token.upperBound])) else {
                // „Goethestr.“: a compound ending in an abbreviated part.
                return rules.compoundSuffix(of: text[token])
            }
            tokenStart = hyphen + 1
        }
        let end = token.upperBound
        let own = String(decoding: text[tokenStart..<end], as: UTF16.self)
        let pieces = abbreviationPieces(text, before: tokenStart)
        // The token with the pieces before it; a longer match wins („v. Chr.“ over „Chr.“). After
        // a hyphen („Zimmermann-Str.“) the part stands alone.
        var best = rules.lookup(own)
        var compact = own
        for piece in tokenStart == token.lowerBound ? pieces : [] {
            compact = String(decoding: text[piece], as: UTF16.self) + compact
            if let kind = rules.lookup(compact) { best = kind }
        }
        if let best { return best }
        // Cut in two: the tokens before are a prefix of an abbreviation that the next tokens complete.
        var heads = [own]
        for piece in pieces { heads.append(String(decoding: text[piece], as: UTF16.self) + heads[heads.count - 1]) }
        for head in heads {
            guard rules.abbreviationPrefixes.contains(head) || rules.abbreviationPrefixes.contains(lowerFirst(head)) else { continue }
            var tail = ""
            var i = next
            for _ in 0..<rules.maxParts {
                var j = i
                while j < text.count && !UTF16Scan.isSpace(text[j]) { j += 1 }
                guard j > i, j - i <= 6, text[j - 1] == 0x2E else { break }
                tail += String(decoding: text[i..<j], as: UTF16.self)
                if rules.lookup(head + tail) != nil { return .nonFinal }
                i = j
                while i < text.count && text[i] == 0x20 { i += 1 }
            }
        }
        return nil
    }

    /// Up to `maxParts - 1` tokens before `start` that can be pieces of a spaced abbreviation
    /// (at most six units, ending with a period), nearest first: „i.“, „d.“ before „R.“.
    func abbreviationPieces(_ text: [UInt16], before start: Int) -> [Range<Int>] {
        var pieces: [Range<Int>] = []
        var start = start
        while pieces.count < rules.maxParts - 1, let before = tokenBefore(text, start),
              text[before.upperBound - 1] == 0x2E, before.count <= 6 {
            pieces.append(before)
            start = before.lowerBound
        }
        return pieces
    }

    private func lowerFirst(_ s: String) -> String {
        guard let first = s.first else { return s }
        return first.lowercased() + s.dropFirst()
    }

    /// The digit count when `body` is a number an ordinal dot may follow: "3", "12", "2025", or a
    /// day and month "23.12", "1.1".
    func ordinalDigits(_ body: ArraySlice<UInt16>) -> Int? {
        var digits = 0
        var dots = 0
        for u in body {
            if u >= 0x30 && u <= 0x39 { digits += 1 } else if u == 0x2E { dots += 1 } else { return nil }
        }
        guard digits > 0, dots <= 1, body.first != 0x2E else { return nil }
        return dots == 1 ? 2 : digits
    }

    func isRomanNumeral(_ body: ArraySlice<UInt16>) -> Bool {
        guard !body.isEmpty, body.count <= 7 else { return false }
        return body.allSatisfy { [0x49, 0x56, 0x58, 0x4C, 0x43, 0x44, 0x4D].contains($0) }
    }
}
