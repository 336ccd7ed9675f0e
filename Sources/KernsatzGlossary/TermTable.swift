import Foundation
import KernsatzText

/// A table of term-matching cases, one JSON object per line:
///
///     {"id":"infl-001","kind":"inflection-plural","lang":"de","text":"…",
///      "terms":[{"text":"Sicherheitsgarantien","entry":"Sicherheitsgarantie","match":"inflected"}]}
///
/// Gold hits are compared with the matcher's as a multiset of (text, entry), both NFC; an empty
/// `terms` list means no hit is expected. Match kinds are scored apart, over the hits found.
public struct TermTable: Sendable {
    public struct Case: Codable, Sendable {
        public struct Term: Codable, Sendable, Hashable {
            public var text: String
            public var entry: String
            public var match: String?
        }
        public var id: String
        public var kind: String?
        public var lang: String?
        public var text: String
        public var terms: [Term]
    }

    public var cases: [Case]

    /// - Throws: `GlossaryError` naming the file and line of a record that is not a case.
    public init(path: String) throws(GlossaryError) {
        let bytes: [UInt8]
        do {
            bytes = try FileReader().readBytes(path)
        } catch {
            throw GlossaryError(.unreadable(GlossaryReader.reason(error)), source: path)
        }
        var cases: [Case] = []
        var number = 0
        for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            if line.allSatisfy({ $0 == " " || $0 == "\r" }) { continue }
            do {
                cases.append(try JSONDecoder().decode(Case.self, from: Data(line.utf8)))
            } catch {
                throw GlossaryError(.unreadable("line \(number) is not a case {\"id\",\"text\",\"terms\":[{\"text\",\"entry\"}]}"), source: path, line: number)
            }
        }
        self.cases = cases
    }

    public init(cases: [Case]) { self.cases = cases }

    /// Counts for one kind of case (or all).
    public struct Score: Sendable {
        public var cases = 0
        public var gold = 0
        public var found = 0
        public var correct = 0
        /// Correct hits whose match kind is the gold one (among those with a gold kind).
        public var kindRight = 0
        public var kindScored = 0
        public var precision: Double { found == 0 ? 1 : Double(correct) / Double(found) }
        public var recall: Double { gold == 0 ? 1 : Double(correct) / Double(gold) }
        public var kindAccuracy: Double { kindScored == 0 ? 1 : Double(kindRight) / Double(kindScored) }
    }

    /// One case's difference: hits expected and not found, found and not expected.
    public struct Miss: Sendable {
        public var id: String
        public var text: String
        public var missed: [String]
        public var spurious: [String]
        public var wrongKind: [String]
    }

    /// Runs the matcher on every case (after the same cleanup and NFC as the pipeline).
    public func score(_ matcher: TermMatcher) -> (total: Score, byKind: [(String, Score)], misses: [Miss]) {
        var total = Score()
        var byKind: [String: Score] = [:]
        var order: [String] = []
        var misses: [Miss] = []
        for item in cases {
            let clean = try? CleanText(item.text)
            let units = clean?.units ?? Array(item.text.utf16)
            let hits = matcher.match(units: units)
            var found: [Pair: [String]] = [:]
            for hit in hits {
                let text = String(decoding: units[hit.range], as: UTF16.self)
                found[Pair(text: text, entry: GlossaryReader.nfc(matcher.glossary.entries[hit.entry].term)), default: []].append(hit.match.rawValue)
            }
            var score = Score()
            score.cases = 1
            score.found = hits.count
            score.gold = item.terms.count
            var missed: [String] = [], wrongKind: [String] = []
            for term in item.terms {
                let key = Pair(text: GlossaryReader.nfc(term.text), entry: GlossaryReader.nfc(term.entry))
                if var kinds = found[key], !kinds.isEmpty {
                    let kind = kinds.removeFirst()
                    found[key] = kinds
                    score.correct += 1
                    if let gold = term.match {
                        score.kindScored += 1
                        if gold == kind { score.kindRight += 1 } else { wrongKind.append("\(term.text) → \(term.entry): \(kind), gold \(gold)") }
                    }
                } else {
                    missed.append("\(term.text) → \(term.entry)")
                }
            }
            let spurious = found.flatMap { pair, kinds in kinds.map { "\(pair.text) → \(pair.entry) (\($0))" } }
            if !missed.isEmpty || !spurious.isEmpty || !wrongKind.isEmpty {
                misses.append(Miss(id: item.id, text: item.text, missed: missed, spurious: spurious.sorted(), wrongKind: wrongKind))
            }
            let kind = item.kind ?? "-"
            if byKind[kind] == nil { order.append(kind) }
            byKind[kind, default: Score()].add(score)
            total.add(score)
        }
        return (total, order.map { ($0, byKind[$0]!) }, misses)
    }

    struct Pair: Hashable {
        var text: String
        var entry: String
    }
}

extension TermTable.Score {
    mutating func add(_ other: TermTable.Score) {
        cases += other.cases
        gold += other.gold
        found += other.found
        correct += other.correct
        kindRight += other.kindRight
        kindScored += other.kindScored
    }
}
