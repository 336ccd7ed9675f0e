import KernsatzSegmentation

/// Finds names of people, places, organizations and other things in a document.
///
/// German capitalizes every noun, so a capital letter alone says little: the recognizer takes a
/// capitalized word for a name when the lists know it (given names, ICU's country, region and
/// language names, places, organizations, acronyms), when a title or role stands before it
/// („Kanzlerin Merkel“), when a legal form or head noun closes it („Siemens AG“, „Deutsche Bank“),
/// when it recurs in the document as a name, or when nothing marks it as a noun (no article or
/// adjective before it, not in the noun list, no noun ending). Other languages capitalize names
/// only: there, capitalized words not at the start of a sentence are names.
///
///     let recognizer = try EntityRecognizer(language: "de")
///     let units = Array("Kanzlerin Merkel traf NATO-Generalsekretär Rutte in Brüssel.".utf16)
///     recognizer.entities(in: units, sentences: [0..<units.count]).map(\.cue)
///     // ["title Kanzlerin", "compound part", "title NATO-Generalsekretär", "gazetteer place"]
///
/// Cues (`Entity.cue`, an `EntityCue`; for `--explain` as these words): "first name", "title <word>", "initial", "gazetteer country",
/// "gazetteer region", "gazetteer place", "gazetteer city", "gazetteer language", "gazetteer place
/// with prefix", "place ending", "place opener", "known organization", "acronym", "org compound",
/// "org suffix <form>", "org head <noun>", "adjective name", "other name", "quoted title",
/// "compound part", "recurring", "capitalized", "capitalized at start", "multiword name", and
/// "multiword …" for names of several words led by one of the others.
///
/// A recognizer is a value holding its lists: make one per language and reuse it from any task.
public struct EntityRecognizer: Sendable {
    /// The primary language subtag the lists are for ("de"); other languages get the generic rules.
    public let language: String
    let lexicon: EntityLexicon

    /// - Parameter language: A language tag ("de", "de-AT", "en", "fr", …); languages without
    ///   lists of their own get the capitalization rules and the shared lists.
    /// - Throws: `AnalysisError.badList` when a shipped list has a malformed entry.
    public init(language: String) throws(AnalysisError) {
        self.language = LanguageTag.primary(language)
        lexicon = try EntityLexicon(language: self.language)
    }

    /// Entities of a whole document; `sentences` are the sentence ranges in `units` (document-level
    /// recurrence needs all of them). Text outside the sentences is not looked at.
    ///
    /// - Parameters:
    ///   - units: The document as UTF-16 (`Analysis.text.units`).
    ///   - sentences: Sentence ranges in `units`, in document order.
    /// - Returns: The entities, sorted by position and not overlapping.
    /// - Complexity: O(n) in the length of the text, plus O(m log m) for m entities.
    public func entities(in units: [UInt16], sentences: [Range<Int>]) -> [Entity] {
        var found: [Entity] = []
        // Of all the words only those that may recur as names are kept (a few bytes each, not a `Word`).
        var candidates: [RecurrenceCandidate] = []
        for sentence in sentences {
            let lower = min(max(0, sentence.lowerBound), units.count)
            let range = lower..<max(lower, min(units.count, sentence.upperBound))
            guard !range.isEmpty else { continue }
            var words = self.words(units, in: range)
            classify(units, &words)
            interpret(units, words, into: &found)
            for word in words where word.capitalized && (word.wordClass == .unknown || word.wordClass == .noun) && word.part == nil {
                candidates.append(RecurrenceCandidate(start: Int32(truncatingIfNeeded: word.range.lowerBound),
                                                      end: Int32(truncatingIfNeeded: word.range.upperBound),
                                                      isNoun: word.wordClass == .noun, key: word.key))
            }
        }
        found.sort { $0.range.lowerBound < $1.range.lowerBound }
        let recurring = recurringNames(units, candidates, &found)
        return Self.merged(found, recurring)
    }

    /// Entities of a text taken as one sentence (a headline, a test fixture).
    public func entities(in units: [UInt16]) -> [Entity] {
        entities(in: units, sentences: [0..<units.count])
    }

    /// Words the document has already shown to be names, found again where no rule fired
    /// („Putin“ at the start of a sentence after „Präsident Putin“).
    /// A capitalized word that may recur as a name: what `recurringNames` needs of it, in 16 bytes
    /// (a `Word` takes several times that, and a text of a million one-word sentences has a million).
    /// Offsets are 32-bit (no reader takes a text near 2³¹ UTF-16 units); the length and the noun
    /// flag share one `UInt32` (a word longer than 2³¹ units cannot occur either).
    struct RecurrenceCandidate {
        var key: UInt64
        var start: Int32
        /// The length in UTF-16 units, times two, plus one for a noun.
        private var lengthAndNoun: UInt32

        init(start: Int32, end: Int32, isNoun: Bool, key: UInt64) {
            self.key = key
            self.start = start
            lengthAndNoun = UInt32(truncatingIfNeeded: end &- start) << 1 | (isNoun ? 1 : 0)
        }

        /// A noun (`Word.wordClass == .noun`); otherwise unknown.
        var isNoun: Bool { lengthAndNoun & 1 == 1 }
        var end: Int32 { start &+ Int32(truncatingIfNeeded: lengthAndNoun >> 1) }
        var range: Range<Int> { Int(start)..<Int(end) }
    }

    private func recurringNames(_ units: [UInt16], _ candidates: [RecurrenceCandidate], _ found: inout [Entity]) -> [Entity] {
        var known: [UInt64: EntityType] = [:]
        for entity in found {
            // In German a lone capitalized word is too weak a source: it may be a noun. Acronyms and
            // list names are found everywhere anyway; titles and compound parts say nothing of words.
            let kind = entity.cue.kind
            if lexicon.capitalizesNouns && (kind == .capitalized || kind == .capitalizedAtStart || kind == .multiwordName) { continue }
            if entity.cue.multiword || [.compoundPart, .acronym, .quotedTitle, .adjectiveName, .multiwordName].contains(kind) { continue }
            // Of a name of several words only a person's surname recurs alone („Merkel“ after „Angela Merkel“).
            if entity.type != .person && units[entity.range].contains(0x20) { continue }
            // The last word of the name: a surname, or the name itself.
            var start = entity.range.upperBound
            while start > entity.range.lowerBound && units[start - 1] != 0x20 { start -= 1 }
            var word = start..<entity.range.upperBound
            if entity.type != .organization, let stem = lexicon.genitiveStem(units, word, where: { _ in true }) { word = stem }
            guard word.count >= 3 else { continue }
            let key = EntityKey.of(units, word)
            if known[key] == nil { known[key] = entity.type }
        }
        guard !known.isEmpty else { return [] }
        // A noun recurs as a name only when it was a person's name („Bürgermeister Schaden“).
        func matches(_ word: RecurrenceCandidate, _ type: EntityType) -> Bool { !word.isNoun || type == .person }
        // Names found by context alone take the stronger evidence of an earlier mention.
        for index in found.indices where found[index].cue.kind == .capitalized || found[index].cue.kind == .capitalizedAtStart {
            let range = found[index].range
            let stem = lexicon.genitiveStem(units, range, where: { known[EntityKey.of(units, $0)] != nil })
            if let type = known[EntityKey.of(units, range)] ?? stem.flatMap({ known[EntityKey.of(units, $0)] }) {
                found[index].type = type
                found[index].cue = EntityCue(.recurring)
            }
        }
        var result: [Entity] = []
        var next = 0
        for word in candidates {
            let range = word.range
            while next < found.count && found[next].range.upperBound <= range.lowerBound { next += 1 }
            if next < found.count && found[next].range.lowerBound < range.upperBound { continue }
            var type = known[word.key]
            if type == nil, let stem = lexicon.genitiveStem(units, range, where: { known[EntityKey.of(units, $0)] != nil }) {
                type = known[EntityKey.of(units, stem)]
            }
            if let type, matches(word, type) { result.append(Entity(range: range, type: type, cue: EntityCue(.recurring))) }
        }
        return result
    }

    /// Two sorted lists in one, dropping any entity that overlaps one before it.
    private static func merged(_ a: [Entity], _ b: [Entity]) -> [Entity] {
        var result: [Entity] = []
        result.reserveCapacity(a.count + b.count)
        var i = 0, j = 0
        while i < a.count || j < b.count {
            let next: Entity
            if j >= b.count || (i < a.count && a[i].range.lowerBound <= b[j].range.lowerBound) {
                next = a[i]; i += 1
            } else {
                next = b[j]; j += 1
            }
            if let last = result.last, last.range.upperBound > next.range.lowerBound { continue }
            result.append(next)
        }
        return result
    }
}
