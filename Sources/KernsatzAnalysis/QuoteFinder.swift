import KernsatzSegmentation
import KernsatzText

/// Finds direct speech in all the quotation styles of the language, its speaker and verb of
/// saying, and (for German) reported speech.
///
///     let finder = QuoteFinder(language: "de")
///     let text = Array("„Das ist“, so Rutte, „die Realität.“".utf16)
///     let quote = finder.quotes(in: text, sentences: [0..<text.count])[0]
///     quote.text(in: text)          // "Das ist die Realität."
///     text.string(quote.speaker!)   // "Rutte"
///
/// What counts as direct speech: quoted words with an attribution (a verb of saying and a speaker
/// after the closing mark or before the opening one, „so Rutte“, „Rutte:“), or — without one —
/// four words or more, or a quoted sentence with its own final punctuation. Quoted words after a
/// title cue (das sogenannte „Sondervermögen“, die Zeitung „Die Welt“) and short unattributed
/// words in quotes („Zeitenwende“) are names or scare quotes, not speech.
///
/// - Complexity: O(*n*) in the length of the text.
public struct QuoteFinder: Sendable {
    public let language: String
    /// Opening mark → the closing marks that end it.
    let closers: [UInt16: [UInt16]]
    let closingMarks: Set<UInt16>
    /// Every opening and closing mark: ASCII ones by table, the others in a short list.
    let asciiMarks: [Bool]
    let otherMarks: [UInt16]
    let verbs: Set<String>
    /// `verbs` and `auxiliaries` as folded word hashes, to pass over most words without a string.
    let verbHashes: KeySet
    /// Words that introduce a speaker without being verbs („so“, „selon“).
    let introducers: Set<String>
    let subjunctive: LowercaseWords
    let nameParticles: Set<String>
    let anaphora: Set<String>
    let coordinators: Set<String>
    let speakerPronouns: Set<String>
    let nonSpeakerPronouns: Set<String>
    let titleCues: Set<String>
    let titleCuePrefixes: [String]
    let roles: [String]
    let auxiliaries: Set<String>
    let determiners: Set<String>
    /// Function words that end a speaker phrase („am“ in „sagte Rutte am Montag“).
    let stopwords: Set<String>

    public init(language: String) {
        self.language = LanguageTag.normalized(language)
        let primary = LanguageTag.primary(language)
        let lang = QuoteLists.languages.contains(primary) ? primary : "de"
        // Folded like the token stream's keys they are compared with (`TokenStream.fold`).
        func list(_ kind: QuoteListKind) -> [String] { QuoteLists.entries(kind, language: lang).map(TokenStream.fold) }

        var closers: [UInt16: [UInt16]] = [:]
        var closingMarks: Set<UInt16> = []
        // The language's own styles first, then the others: German text quotes English “…” too.
        let own = LanguageList.shipped(.quotes, language: primary)?.entries ?? []
        let all = own + LanguageList.supportedLanguages.flatMap { LanguageList.shipped(.quotes, language: $0)?.entries ?? [] }
        for (index, entry) in all.enumerated() {
            let marks = entry.split(separator: " ").map { Array($0.utf16) }
            guard marks.count == 2, marks[0].count == 1, marks[1].count == 1 else { continue }
            let open = marks[0][0], close = marks[1][0]
            // Single quotes only in the language's own styles: elsewhere ’ is an apostrophe.
            if index >= own.count, Self.isSingleQuote(open) { continue }
            if !(closers[open]?.contains(close) ?? false) { closers[open, default: []].append(close) }
            closingMarks.insert(close)
        }
        self.closers = closers
        self.closingMarks = closingMarks
        let marks = Set(closers.keys).union(closingMarks)
        var ascii = [Bool](repeating: false, count: 128)
        for mark in marks where mark < 128 { ascii[Int(mark)] = true }
        asciiMarks = ascii
        otherMarks = marks.filter { $0 >= 128 }.sorted()

        var verbs: Set<String> = [], introducers: Set<String> = []
        for entry in list(.speechVerbs) {
            if entry.hasPrefix("=") {
                introducers.insert(String(entry.dropFirst()))
            } else {
                verbs.insert(String(entry.split(separator: "+")[0]))
            }
        }
        self.verbs = verbs
        // A first look at the text as written (`WordHash` lowercases, it does not fold ß): the
        // entries' hashes as folded („heisst“ for „HEISST“) and as written („heißt“).
        let written = (QuoteLists.entries(.speechVerbs, language: lang) + QuoteLists.entries(.auxiliaries, language: lang))
            .filter { !$0.hasPrefix("=") }.map { String($0.split(separator: "+")[0]) }
        verbHashes = KeySet((verbs.union(list(.auxiliaries)).union(written)).map { WordHash.of($0.utf16, fold: true) })
        self.introducers = introducers
        subjunctive = LowercaseWords(list(.subjunctive))
        nameParticles = Set(list(.nameParticles))
        anaphora = Set(list(.anaphora))
        coordinators = Set(list(.coordinators))
        let pronouns = list(.pronouns)
        speakerPronouns = Set(pronouns.filter { !$0.hasPrefix("!") })
        nonSpeakerPronouns = Set(pronouns.filter { $0.hasPrefix("!") }.map { String($0.dropFirst()) })
        let cues = list(.titleCues)
        titleCues = Set(cues.filter { !$0.hasSuffix("*") })
        titleCuePrefixes = cues.filter { $0.hasSuffix("*") }.map { String($0.dropLast()) }
        roles = list(.speakerRoles)
        auxiliaries = Set(list(.auxiliaries))
        determiners = Set(list(.determiners))
        let stop = LanguageList.shipped(.stopwords, language: lang)?.entries ?? []
        stopwords = Set(stop.map(TokenStream.fold)).subtracting(determiners).subtracting(speakerPronouns)
    }

    /// The entries of a shipped quote list (for tests and tools).
    public static func entries(_ kind: QuoteListKind, language: String) -> [String] {
        QuoteLists.entries(kind, language: language)
    }

    static func isSingleQuote(_ u: UInt16) -> Bool {
        u == 0x27 || u == 0x2018 || u == 0x2019 || u == 0x201A || u == 0x2039 || u == 0x203A
    }

    /// The quotations of a document, in text order.
    /// - Parameter sentences: the sentence ranges of `units`; attributions are looked for inside
    ///   the sentence of a quotation mark.
    public func quotes(in units: [UInt16], sentences: [Range<Int>]) -> [Quote] {
        quotes(in: units, tokens: TokenStream(units: units), sentences: sentences)
    }

    /// The quotations of a document, in text order, read from its token stream.
    /// - Parameter tokens: the document's `TokenStream` over `units`.
    public func quotes(in units: [UInt16], tokens stream: TokenStream, sentences: [Range<Int>]) -> [Quote] {
        let spans = quoteSpans(in: units)
        var found: [Quote] = []
        var index = 0
        while index < spans.count {
            let span = spans[index]
            let inner = innerRange(units, span)
            guard !inner.isEmpty else { index += 1; continue }
            let after = attribution(after: span.upperBound, units: units, stream: stream, sentences: sentences)
            // A split quote: „Das ist“, so Rutte, „die Realität.“
            if index + 1 < spans.count, let after, after.splitsBefore == spans[index + 1].lowerBound {
                let next = spans[index + 1]
                let nextInner = innerRange(units, next)
                if !nextInner.isEmpty, UTF16Scan.isLowercase(UTF16Scan.scalar(units, at: nextInner.lowerBound)) {
                    found.append(Quote(parts: [inner, nextInner], kind: .direct, speaker: after.speaker, verb: after.verb,
                                       span: span.lowerBound..<next.upperBound))
                    index += 2
                    continue
                }
            }
            if let incise = incise(in: inner, units: units, stream: stream) {
                // « Nous sommes prêts, a-t-il ajouté, à reprendre … »: the attribution inside the marks.
                found.append(Quote(parts: incise.parts, kind: .direct, speaker: incise.attribution.speaker,
                                   verb: incise.attribution.verb, span: span))
            } else if let attribution = after ?? attribution(before: span.lowerBound, units: units, stream: stream, sentences: sentences) {
                found.append(Quote(parts: [inner], kind: .direct, speaker: attribution.speaker, verb: attribution.verb, span: span))
            } else if isUnattributedSpeech(units, stream: stream, span: span, inner: inner) {
                found.append(Quote(parts: [inner], kind: .direct, span: span))
            }
            index += 1
        }
        attributeFromContext(&found, units: units, stream: stream, sentences: sentences)
        if !subjunctive.isEmpty {
            found += reportedSpeech(in: units, stream: stream, sentences: sentences, direct: found)
            found.sort { $0.span.lowerBound < $1.span.lowerBound }
        }
        return found
    }

    // MARK: - Quotation marks

    /// The outermost quotation spans, marks included. A quote does not run past a line break.
    func quoteSpans(in units: [UInt16]) -> [Range<Int>] {
        var spans: [Range<Int>] = []
        var stack: [(open: UInt16, at: Int)] = []
        let n = units.count
        for i in 0..<n {
            let u = units[i]
            if u == 0x0A {
                stack.removeAll()
                continue
            }
            if u < 128 ? !asciiMarks[Int(u)] : !otherMarks.contains(u) { continue }
            let opens = closers[u] != nil
            let closes = closingMarks.contains(u)
            guard opens || closes else { continue }
            let before: UInt16 = i > 0 ? units[i - 1] : 0x20
            let after: UInt16 = i + 1 < n ? units[i + 1] : 0x20
            // An apostrophe between letters („geht’s“, don’t) is no quotation mark.
            if Self.isSingleQuote(u), Self.isWordUnit(before), Self.isWordUnit(after) { continue }
            if let top = stack.last, closers[top.open]?.contains(u) ?? false {
                stack.removeLast()
                if stack.isEmpty { spans.append(top.at..<(i + 1)) }
            } else if opens && (Self.isOpeningContext(before) || !Self.isWordUnit(before)) && !(closes && Self.isSpaceUnit(after) && !Self.isFrenchOpening(u)) {
                stack.append((u, i))
            } else if closes, let depth = stack.lastIndex(where: { closers[$0.open]?.contains(u) ?? false }) {
                let start = stack[depth].at
                stack.removeSubrange(depth...)
                if stack.isEmpty { spans.append(start..<(i + 1)) }
            }
        }
        return spans
    }

    /// « may be followed by a (narrow) space in French.
    static func isFrenchOpening(_ u: UInt16) -> Bool { u == 0xAB }

    static func isSpaceUnit(_ u: UInt16) -> Bool { UTF16Scan.isSpace(u) || u == 0xA0 || u == 0x202F || u == 0x2009 }

    static func isWordUnit(_ u: UInt16) -> Bool {
        UTF16.isLeadSurrogate(u) || UTF16.isTrailSurrogate(u) ? true : TokenScan.isWordScalar(Unicode.Scalar(u)!)
    }

    /// Before an opening mark: start, space, an opening bracket, a dash or slash.
    static func isOpeningContext(_ u: UInt16) -> Bool {
        isSpaceUnit(u) || u == 0x28 || u == 0x5B || u == 0x2F || UTF16Scan.isDash(u) || u == 0x3A
    }

    /// Between the marks, without the (narrow) spaces of French quotes.
    func innerRange(_ units: [UInt16], _ span: Range<Int>) -> Range<Int> {
        var lower = span.lowerBound + 1, upper = span.upperBound - 1
        while lower < upper && Self.isSpaceUnit(units[lower]) { lower += 1 }
        while upper > lower && Self.isSpaceUnit(units[upper - 1]) { upper -= 1 }
        return lower..<upper
    }

    /// Quoted words without an attribution that are still speech: a quoted sentence with its own
    /// final punctuation („Wir fangen gerade erst an.“), or a long partial quote (six words or more)
    /// after no title cue. Short quoted words without either are names or scare quotes.
    func isUnattributedSpeech(_ units: [UInt16], stream: TokenStream, span: Range<Int>, inner: Range<Int>) -> Bool {
        if hasTitleCue(before: span.lowerBound, units: units, stream: stream) { return false }
        let words = stream.tokens(in: inner).filter(\.isWordLike)
        guard let first = words.first else { return false }
        if let mark = UTF16Scan.lastMark(units, in: inner), mark == "." || mark == "!" || mark == "?" || mark == "…",
           UTF16Scan.isUppercase(UTF16Scan.scalar(units, at: first.range.lowerBound)) {
            return true
        }
        return words.count >= 6
    }

    func hasTitleCue(before position: Int, units: [UInt16], stream: TokenStream) -> Bool {
        let start = max(0, position - 60)
        guard let last = stream.tokens(in: start..<position).last, last.isWordLike else { return false }
        return isTitleCue(folded: stream.folded(last))
    }

    /// Whether a word as written makes the quoted words after it a name or term („Zeitung“,
    /// „sogenannte“), as `quotes` decides it.
    public func isTitleCue(_ word: String) -> Bool {
        isTitleCue(folded: TokenStream.fold(word))
    }

    func isTitleCue(folded word: String) -> Bool {
        if titleCues.contains(word) { return true }
        if titleCuePrefixes.contains(where: { word.hasPrefix($0) }) { return true }
        // „Zeitung“ or „Sondervermögen-Gesetz“-like endings: the last part of a compound cue.
        if let part = word.split(separator: "-").last, titleCues.contains(String(part)) { return true }
        return false
    }

    // MARK: - Attribution

    struct Attribution {
        var speaker: Range<Int>?
        var verb: Range<Int>?
        /// Where a split quote's second part would open (after „, so Rutte, “).
        var splitsBefore: Int?
    }

    func sentence(containing position: Int, _ sentences: [Range<Int>]) -> Range<Int>? {
        var low = 0, high = sentences.count
        while low < high {
            let mid = (low + high) / 2
            if sentences[mid].upperBound <= position { low = mid + 1 } else { high = mid }
        }
        return low < sentences.count && sentences[low].contains(position) ? sentences[low] : nil
    }

    /// The token's folded form (`TokenStream.fold`), from the stream's key table when it has one.
    func lower(_ stream: TokenStream, _ token: Token) -> String { stream.keys[Int(token.key)] }

    /// „…“, sagte Rutte / erklärte er / so Rutte / fügte er hinzu / hieß es; "…," he said / said
    /// Smith / Smith said; « … », a déclaré X / a-t-il ajouté / selon X.
    func attribution(after end: Int, units: [UInt16], stream: TokenStream, sentences: [Range<Int>]) -> Attribution? {
        guard end < units.count, let sentence = sentence(containing: end - 1, sentences) else { return nil }
        let limit = min(sentence.upperBound, end + 300)
        guard end < limit else { return nil }
        let tokens = Tokenizer.tokens(in: stream, range: end..<limit)
        var i = 0
        if i < tokens.count, units[tokens[i].range.lowerBound] == 0x2C {
            i += 1
        } else {
            // Without a comma after the mark, the quote must end in one ("…," he said) or in ! or ?.
            let mark = units[end - 2]
            guard mark == 0x2C || mark == 0x21 || mark == 0x3F else { return nil }
        }
        guard i < tokens.count, tokens[i].kind == .word else { return nil }
        var result: Attribution?
        let word = lower(stream, tokens[i])
        if introducers.contains(word) {
            let phrase = speakerPhrase(tokens, from: i + 1, units: units, stream: stream)
            guard phrase.range != nil else { return nil }
            // „Der „Tatort“, so die ARD, …“: quoted words after an article are a name, not speech.
            let open = quoteStart(before: end, units: units)
            if let before = stream.tokens(in: max(0, open - 30)..<open).last, before.isWordLike,
               determiners.contains(stream.folded(before)) { return nil }
            result = Attribution(speaker: phrase.range, verb: tokens[i].range)
            i = phrase.next
        } else if let (verb, next) = verbAt(tokens, i, units: units, stream: stream) {
            let phrase = speakerPhrase(tokens, from: next, units: units, stream: stream)
            result = Attribution(speaker: phrase.range, verb: verb)
            i = phrase.next
        } else if let inverted = invertedFrench(tokens, i, units: units, stream: stream) {
            result = inverted.attribution
            i = inverted.next
        } else {
            // "…," Smith said. / "…," he said.
            let phrase = speakerPhrase(tokens, from: i, units: units, stream: stream)
            guard var speaker = phrase.range else { return nil }
            // The verb right after the speaker, or after an attachment ("a spokesperson for the Foreign Office said").
            var k = phrase.next
            while k < tokens.count, k - phrase.next <= 5, tokens[k].kind == .word, verbAt(tokens, k, units: units, stream: stream) == nil { k += 1 }
            guard let (verb, next) = verbAt(tokens, k, units: units, stream: stream) else { return nil }
            if k > phrase.next { speaker = speaker.lowerBound..<tokens[k - 1].range.upperBound }
            result = Attribution(speaker: speaker, verb: verb)
            i = next
        }
        // Skip the rest of the attribution („am Montag in Brüssel“) up to a comma before the next mark.
        var j = i
        while j < tokens.count, tokens[j].kind == .word || units[tokens[j].range.lowerBound] == 0x2D { j += 1 }
        if j + 1 < tokens.count, units[tokens[j].range.lowerBound] == 0x2C, j - i <= 6,
           closers[units[tokens[j + 1].range.lowerBound]] != nil {
            result?.splitsBefore = tokens[j + 1].range.lowerBound
        }
        return result
    }

    /// Quotations without an attribution of their own get one from their context: the next
    /// sentence when it points back („„Wir bleiben.“ Das sagte Rutte am Montag.“), or else the
    /// speaker of the quotation just before in the same paragraph („…“, sagte Rutte. „Und …“).
    func attributeFromContext(_ quotes: inout [Quote], units: [UInt16], stream: TokenStream, sentences: [Range<Int>]) {
        for index in quotes.indices where quotes[index].kind == .direct && quotes[index].speaker == nil && quotes[index].verb == nil {
            let end = quotes[index].span.upperBound
            if let next = sentence(containing: end, sentences) ?? sentence(containing: min(end + 1, units.count - 1), sentences),
               next.lowerBound >= end, !units[end..<next.lowerBound].contains(0x0A) {
                let tokens = Tokenizer.tokens(in: stream, range: next.lowerBound..<min(next.upperBound, next.lowerBound + 200))
                if let first = tokens.first, first.kind == .word, anaphora.contains(lower(stream, first)),
                   let (verb, after) = verbAt(tokens, 1, units: units, stream: stream) {
                    let phrase = speakerPhrase(tokens, from: after, units: units, stream: stream)
                    if let speaker = phrase.range {
                        quotes[index].speaker = speaker
                        quotes[index].verb = verb
                        continue
                    }
                }
            }
            // Only a quotation that opens its sentence goes on from the one before („Schmidt sieht das
            // anders: „…““ is someone else speaking).
            guard index > 0, quotes[index - 1].kind == .direct, let speaker = quotes[index - 1].speaker,
                  quotes[index - 1].span.upperBound <= quotes[index].span.lowerBound,
                  !units[quotes[index - 1].span.upperBound..<quotes[index].span.lowerBound].contains(0x0A),
                  let own = sentence(containing: quotes[index].span.lowerBound, sentences),
                  own.lowerBound == quotes[index].span.lowerBound else { continue }
            quotes[index].speaker = speaker
        }
    }

    /// An attribution set off by commas inside the quotation marks (the French incise):
    /// « Il faut, selon lui, agir vite. » → parts „Il faut“ and „agir vite.“
    func incise(in inner: Range<Int>, units: [UInt16], stream: TokenStream) -> (parts: [Range<Int>], attribution: Attribution)? {
        let tokens = Tokenizer.tokens(in: stream, range: inner)
        func isComma(_ k: Int) -> Bool { k < tokens.count && tokens[k].kind == .mark && units[tokens[k].range.lowerBound] == 0x2C }
        for k in tokens.indices where isComma(k) && k > 0 {
            let i = k + 1
            guard i < tokens.count, tokens[i].kind == .word else { continue }
            var attribution: Attribution?
            var next = i
            let word = lower(stream, tokens[i])
            if introducers.contains(word) {
                let phrase = speakerPhrase(tokens, from: i + 1, units: units, stream: stream)
                if let speaker = phrase.range { attribution = Attribution(speaker: speaker, verb: tokens[i].range); next = phrase.next }
            } else if let inverted = invertedFrench(tokens, i, units: units, stream: stream) {
                attribution = inverted.attribution
                next = inverted.next
            } else if let (verb, afterVerb) = verbAt(tokens, i, units: units, stream: stream) {
                let phrase = speakerPhrase(tokens, from: afterVerb, units: units, stream: stream)
                if let speaker = phrase.range { attribution = Attribution(speaker: speaker, verb: verb); next = phrase.next }
            }
            guard let attribution, isComma(next), next + 1 < tokens.count else { continue }
            let first = inner.lowerBound..<tokens[k - 1].range.upperBound
            let second = tokens[next + 1].range.lowerBound..<inner.upperBound
            return ([first, second], attribution)
        }
        return nil
    }

    /// The opening mark of the quotation that closes just before `end` (for a look at its words).
    func quoteStart(before end: Int, units: [UInt16]) -> Int {
        var i = end - 2
        let close = units[end - 1]
        while i > 0, units[i] != 0x0A {
            if let marks = closers[units[i]], marks.contains(close) { return i }
            i -= 1
        }
        return max(0, i)
    }

    /// Rutte sagte: „…“ / Dazu sagte er: „…“ / Smith said, "…" / X a affirmé : « … » / Rutte: „…“
    func attribution(before start: Int, units: [UInt16], stream: TokenStream, sentences: [Range<Int>]) -> Attribution? {
        guard var sentence = sentence(containing: start, sentences) else { return nil }
        var end = start
        if sentence.lowerBound >= start {
            // The quote opens its sentence (or line): the introduction may end the line before
            // („Rutte sagte:⏎„…““), with nothing but spaces and one line break between.
            guard let index = sentences.lastIndex(where: { $0.upperBound <= start }),
                  units[sentences[index].upperBound..<start].allSatisfy({ UTF16Scan.isSpace($0) }),
                  units[sentences[index].upperBound..<start].filter({ $0 == 0x0A }).count <= 1,
                  units[sentences[index].upperBound - 1] == 0x3A else { return nil }
            sentence = sentences[index]
            end = sentence.upperBound
        }
        let from = max(sentence.lowerBound, end - 300)
        var tokens = Tokenizer.tokens(in: stream, range: from..<end)
        guard let last = tokens.last, last.kind == .mark else { return nil }
        let mark = units[last.range.lowerBound]
        guard mark == 0x3A || (mark == 0x2C && language.hasPrefix("en")) else { return nil }
        tokens.removeLast()
        // The clause before the colon: from the last comma, semicolon or dash on.
        if let cut = tokens.lastIndex(where: { $0.kind == .mark && [0x2C, 0x3B, 0x2013, 0x2014].contains(units[$0.range.lowerBound]) }) {
            tokens.removeSubrange(...cut)
        }
        guard !tokens.isEmpty, tokens.count <= 25 else { return nil }
        for k in tokens.indices {
            guard let (verb, next) = verbAt(tokens, k, units: units, stream: stream) else { continue }
            // Inverted order first („Dazu sagte Rutte:“), then the subject before the verb.
            let afterVerb = speakerPhrase(tokens, from: next, units: units, stream: stream)
            if let speaker = afterVerb.range { return Attribution(speaker: speaker, verb: verb) }
            // „In dem Bericht heißt es:“ — impersonal, no speaker.
            if afterVerb.next > next { return Attribution(speaker: nil, verb: verb) }
            if k > 0, let speaker = subjectPhrase(tokens[0..<k], units: units, stream: stream) { return Attribution(speaker: speaker, verb: verb) }
            return Attribution(speaker: nil, verb: verb)
        }
        // „Rutte: …“ — a name and a colon.
        if tokens.count <= 4, tokens.allSatisfy({ $0.kind == .word && UTF16Scan.isUppercase(UTF16Scan.scalar(units, at: $0.range.lowerBound)) }),
           tokens.contains(where: { !stopwords.contains(lower(stream, $0)) }) {
            let phrase = speakerPhrase(tokens, from: 0, units: units, stream: stream)
            if let speaker = phrase.range { return Attribution(speaker: speaker, verb: nil) }
        }
        return nil
    }

    /// A verb of saying at `i` („sagte“; „a déclaré“ as one verb), and the index after it.
    func verbAt(_ tokens: [Token], _ i: Int, units: [UInt16], stream: TokenStream) -> (Range<Int>, Int)? {
        guard i < tokens.count, tokens[i].kind == .word, verbHashes.contains(WordHash.of(units[tokens[i].range], fold: true)) else { return nil }
        let word = lower(stream, tokens[i])
        if auxiliaries.contains(word), i + 1 < tokens.count, tokens[i + 1].kind == .word, verbs.contains(lower(stream, tokens[i + 1])) {
            return (tokens[i].range.lowerBound..<tokens[i + 1].range.upperBound, i + 2)
        }
        guard verbs.contains(word) else { return nil }
        return (tokens[i].range, i + 1)
    }

    /// French inversion: „a-t-il ajouté“, „explique-t-elle“, „dit-il“.
    func invertedFrench(_ tokens: [Token], _ i: Int, units: [UInt16], stream: TokenStream) -> (attribution: Attribution, next: Int)? {
        let token = tokens[i]
        let pieces = units[token.range].split(separator: 0x2D, omittingEmptySubsequences: false)
        guard pieces.count >= 2, let lastPiece = pieces.last else { return nil }
        let pronoun = TokenStream.fold(String(decoding: lastPiece, as: UTF16.self))
        guard speakerPronouns.contains(pronoun) else { return nil }
        let pronounRange = (token.range.upperBound - lastPiece.count)..<token.range.upperBound
        let head = pieces[0]
        let headRange = token.range.lowerBound..<(token.range.lowerBound + head.count)
        let headWord = TokenStream.fold(String(decoding: head, as: UTF16.self))
        if auxiliaries.contains(headWord), i + 1 < tokens.count, verbs.contains(lower(stream, tokens[i + 1])) {
            return (Attribution(speaker: pronounRange, verb: tokens[i + 1].range), i + 2)
        }
        guard verbs.contains(headWord) else { return nil }
        return (Attribution(speaker: pronounRange, verb: headRange), i + 1)
    }

    /// The speaker phrase starting at `i`: a pronoun, an article phrase („der 58-Jährige“, „die
    /// Sprecherin des Auswärtigen Amts“) or capitalized name words, without role words before a
    /// name („NATO-Generalsekretär Mark Rutte“ → „Mark Rutte“).
    func speakerPhrase(_ tokens: [Token], from i: Int, units: [UInt16], stream: TokenStream) -> (range: Range<Int>?, next: Int) {
        guard i < tokens.count, tokens[i].kind == .word else { return (nil, i) }
        let first = lower(stream, tokens[i])
        if nonSpeakerPronouns.contains(first) { return (nil, i + 1) }
        if speakerPronouns.contains(first) { return (tokens[i].range, i + 1) }
        if !determiners.contains(first), !isCapitalized(units, tokens[i]), !nameParticles.contains(first) { return (nil, i) }
        var j = i
        var words: [Int] = []
        let startsWithArticle = determiners.contains(first)
        while j < tokens.count {
            if tokens[j].kind == .mark {
                // The period of a title before a name („Mr. Varga“, „M. Ferrand“, „Dr. Weber“).
                guard units[tokens[j].range.lowerBound] == 0x2E, let last = words.last, j + 1 < tokens.count,
                      tokens[j + 1].kind == .word, tokens[last].range.upperBound == tokens[j].range.lowerBound,
                      isRole(lower(stream, tokens[last])) || tokens[last].range.count == 1,
                      UTF16Scan.isUppercase(UTF16Scan.scalar(units, at: tokens[j + 1].range.lowerBound)) else { break }
                j += 1
                continue
            }
            let word = lower(stream, tokens[j])
            let capitalized = isCapitalized(units, tokens[j])
            if j > i, verbs.contains(word) || introducers.contains(word) { break }
            // („der“ after „von“ is part of the name, after a name it starts an object: „sagte Rutte der dpa“.)
            if !words.isEmpty, nameParticles.contains(word), j + 1 < tokens.count, tokens[j + 1].kind == .word,
               determiners.contains(word)
                   ? nameParticles.contains(lower(stream, tokens[j - 1])) && !determiners.contains(lower(stream, tokens[j - 1]))
                   : UTF16Scan.isUppercase(UTF16Scan.scalar(units, at: tokens[j - 1].range.lowerBound)) || nameParticles.contains(lower(stream, tokens[j - 1])) {
                // Name particles between name words („Ursula von der Leyen“).
                words.append(j)
                j += 1
                continue
            }
            if words.isEmpty, nameParticles.contains(word), j + 1 < tokens.count, tokens[j + 1].kind == .word {
                // A name that starts with a particle („von der Leyen“).
                words.append(j)
                j += 1
                continue
            }
            if determiners.contains(word) {
                // An article starts the phrase or attaches a genitive („des Auswärtigen Amts“).
                if j > i && !startsWithArticle { break }
            } else if !capitalized {
                // After an article: adjectives („der französische Präsident“) and, where nouns are
                // lowercase, nouns („the lawyer“, „les syndicats“); after a capitalized word only a
                // role noun („le Premier ministre“) — „der Minister gestern“ ends before „gestern“.
                if stopwords.contains(word) || !startsWithArticle { break }
                if let previous = words.last, !determiners.contains(lower(stream, tokens[previous])),
                   UTF16Scan.isUppercase(UTF16Scan.scalar(units, at: tokens[previous].range.lowerBound)), !isRole(word) { break }
            }
            words.append(j)
            j += 1
        }
        // Drop trailing articles and particles.
        while let last = words.last, words.count > 1, determiners.contains(lower(stream, tokens[last])) || nameParticles.contains(lower(stream, tokens[last])) {
            words.removeLast()
        }
        guard !words.isEmpty else { return (nil, i) }
        if words.count == 1 && startsWithArticle { return (nil, i) }
        if words.count == 1, stopwords.contains(first) { return (nil, i) }
        // Role words before a name are not part of it.
        if let lastRole = words.lastIndex(where: { isRole(lower(stream, tokens[$0])) }), lastRole + 1 < words.count {
            let rest = words[(lastRole + 1)...]
            if let head = rest.first, !determiners.contains(lower(stream, tokens[head])),
               UTF16Scan.isUppercase(UTF16Scan.scalar(units, at: tokens[head].range.lowerBound)),
               rest.allSatisfy({ UTF16Scan.isUppercase(UTF16Scan.scalar(units, at: tokens[$0].range.lowerBound)) || nameParticles.contains(lower(stream, tokens[$0])) }) {
                words = Array(rest)
            }
        }
        return (tokens[words.first!].range.lowerBound..<tokens[words.last!].range.upperBound, j)
    }

    /// The subject before a verb of saying: the speaker phrase that ends right before it
    /// („Der NATO-Generalsekretär Mark Rutte sagte“, „Er sagte“; „Dazu“ is left out).
    func subjectPhrase(_ tokens: ArraySlice<Token>, units: [UInt16], stream: TokenStream) -> Range<Int>? {
        let array = Array(tokens)
        // The phrase that opens the clause („Ein Sprecher des Ministeriums in Berlin sagte“,
        // „Merkel hatte 2015 gesagt“), else one that ends right before the verb („Dazu sagte“ has none).
        let first = speakerPhrase(array, from: 0, units: units, stream: stream)
        if let range = first.range, !isNumber(units, range) { return range }
        for start in array.indices.dropFirst() {
            let phrase = speakerPhrase(array, from: start, units: units, stream: stream)
            if let range = phrase.range, phrase.next == array.count, !isNumber(units, range) { return range }
        }
        return nil
    }

    func isNumber(_ units: [UInt16], _ range: Range<Int>) -> Bool {
        units[range].allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2E || $0 == 0x2C || $0 == 0x20 }
    }

    /// Starts with a capital or a digit, also after an elided article („l’Élysée“).
    func isCapitalized(_ units: [UInt16], _ token: Token) -> Bool {
        let first = UTF16Scan.scalar(units, at: token.range.lowerBound)
        if UTF16Scan.isUppercase(first) || UTF16Scan.isDigit(first) { return true }
        for offset in 1...2 where token.range.lowerBound + offset + 1 < token.range.upperBound {
            let at = token.range.lowerBound + offset
            if units[at] == 0x27 || units[at] == 0x2019 {
                let elided = TokenStream.fold(String(decoding: units[token.range.lowerBound...at], as: UTF16.self))
                return determiners.contains(elided) && UTF16Scan.isUppercase(UTF16Scan.scalar(units, at: at + 1))
            }
        }
        return false
    }

    func isRole(_ word: String) -> Bool {
        let last = word.split(separator: "-").last.map(String.init) ?? word
        let lastUnit = last.utf8.last
        return roles.contains { role in
            // A role that ends in a small ASCII letter ends no word that does not end in it (no other
            // character is canonically equivalent to one): a cheap first look.
            if let end = role.utf8.last, end >= 0x61 && end <= 0x7A, end != lastUnit { return false }
            return last == role || (last.count > role.count + 2 && last.hasSuffix(role))
        }
    }

    // MARK: - Reported speech

    /// „Rutte sagte, die NATO sei stark.“ / „Die NATO sei stark, sagte Rutte.“ / „Er sagte, dass …“
    func reportedSpeech(in units: [UInt16], stream: TokenStream, sentences: [Range<Int>], direct: [Quote]) -> [Quote] {
        var found: [Quote] = []
        var directIndex = 0
        for sentence in sentences {
            while directIndex < direct.count, direct[directIndex].span.upperBound <= sentence.lowerBound { directIndex += 1 }
            if directIndex < direct.count, direct[directIndex].span.overlaps(sentence) { continue }
            // Reported speech needs a comma: sentences without one are passed over untokenized.
            guard units[sentence].contains(0x2C) else { continue }
            let tokens = Tokenizer.tokens(in: stream, range: sentence)
            guard tokens.count >= 4,
                  tokens.contains(where: { $0.kind == .word && subjunctive.mayContain(units, $0.range) })
            else { continue }
            var end = tokens.count
            while end > 0, tokens[end - 1].kind == .mark { end -= 1 }
            func isComma(_ i: Int) -> Bool { tokens[i].kind == .mark && units[tokens[i].range.lowerBound] == 0x2C }
            for k in 0..<end {
                guard let (verb, next) = verbAt(tokens, k, units: units, stream: stream) else { continue }
                var comma = next
                while comma < end, comma - next <= 5, !isComma(comma) { comma += 1 }
                let after = comma < end - 1 && comma - next <= 5 ? reportedClause(tokens, from: comma + 1, to: end, units: units, stream: stream) : nil
                // Clause, comma, verb: „Die NATO sei stark, sagte Rutte.“ — and its continuation after
                // the attribution („Er sei müde, sagte er, und gehe nun nach Hause.“).
                if k >= 3, isComma(k - 1), isReportedClause(tokens[0..<(k - 1)], units: units, stream: stream) {
                    let speaker = speakerPhrase(tokens, from: next, units: units, stream: stream).range
                    var parts = [tokens[0].range.lowerBound..<tokens[k - 2].range.upperBound]
                    if let after { parts.append(after) }
                    found.append(Quote(parts: parts, kind: .reported, speaker: speaker, verb: verb,
                                       span: parts[0].lowerBound..<parts[parts.count - 1].upperBound))
                    break
                }
                // Verb, comma, clause: „Rutte sagte, die NATO sei stark.“
                if let after {
                    let speaker = speakerPhrase(tokens, from: next, units: units, stream: stream).range
                        ?? (k > 0 ? subjectPhrase(tokens[0..<k], units: units, stream: stream) : nil)
                    found.append(Quote(parts: [after], kind: .reported, speaker: speaker, verb: verb, span: after))
                    break
                }
            }
        }
        return found
    }

    /// The reported clause from `start` (a Konjunktiv I form in it), ending before a comma and a
    /// conjunction that opens an indicative main clause („…, die Lage sei ruhig, und verließ den Saal.“).
    func reportedClause(_ tokens: [Token], from start: Int, to end: Int, units: [UInt16], stream: TokenStream) -> Range<Int>? {
        guard isReportedClause(tokens[start..<end], units: units, stream: stream) else { return nil }
        var stop = end
        var i = start + 1
        while i + 1 < end {
            if tokens[i].kind == .mark, units[tokens[i].range.lowerBound] == 0x2C, tokens[i + 1].kind == .word,
               coordinators.contains(lower(stream, tokens[i + 1])), isReportedClause(tokens[start..<i], units: units, stream: stream),
               !isReportedClause(tokens[(i + 1)..<end], units: units, stream: stream) {
                stop = i
                break
            }
            i += 1
        }
        return tokens[start].range.lowerBound..<tokens[stop - 1].range.upperBound
    }

    /// A clause with a Konjunktiv I form (an indicative „dass“-clause is not reported speech).
    func isReportedClause(_ tokens: ArraySlice<Token>, units: [UInt16], stream: TokenStream) -> Bool {
        guard tokens.count >= 2 else { return false }
        return tokens.contains { $0.kind == .word && subjunctive.contains(units, $0.range) }
    }
}

/// A list of lowercase words, looked up with words of running text as they are written, lowercased.
/// Words written in units below U+0130 only (Latin-1 and the first Latin Extended-A pairs, where
/// `WordHash.fold` is Unicode's lowercase mapping) are first looked up by their folded hash, without
/// a string; the hash is confirmed with the string, and other words are looked up as strings.
/// The entries are NFC, like every shipped list, so a word and an entry are canonically
/// equivalent exactly when their units are equal.
struct LowercaseWords: Sendable {
    let strings: Set<String>
    /// The folded `WordHash` of every entry.
    private let keys: KeySet

    init(_ entries: [String]) {
        strings = Set(entries)
        keys = KeySet(strings.map { WordHash.of($0.utf16, fold: true) })
    }

    var isEmpty: Bool { strings.isEmpty }

    /// A cheap first look at a word by its folded hash: true for every entry (and for other forms
    /// that fold to one, such as ’ for ').
    @inline(__always)
    func mayContain(_ units: [UInt16], _ range: Range<Int>) -> Bool {
        keys.contains(WordHash.of(units[range], fold: true))
    }

    /// Whether `units[range]`, lowercased, is one of the words.
    @inline(__always)
    func contains(_ units: [UInt16], _ range: Range<Int>) -> Bool {
        var hash = WordHash()
        for i in range {
            let u = units[i]
            guard u < 0x130 else { return strings.contains(units.string(range).lowercased()) }
            hash.add(WordHash.fold(u))
        }
        return keys.contains(hash.value) && strings.contains(units.string(range).lowercased())
    }
}
