/// A glossary's entries grouped by concept (entries with one `conceptID`), in first-seen order, each
/// with an id usable as an XML ID (the concept's own when it is an NCName, else the first of `c1`,
/// `c2`, … that no concept has as its own) and its target terms by language, without repeats.
struct GlossaryConcept {
    var id: String
    var entries: [GlossaryEntry]
    /// Each target language once (first-seen order) with its terms in glossary order.
    var targetsByLanguage: [(language: String, terms: [TargetTerm])]

    static func grouped(_ glossary: Glossary) -> [GlossaryConcept] {
        var order: [String] = []
        var groups: [String: [GlossaryEntry]] = [:]
        for (index, entry) in glossary.entries.enumerated() {
            let key = entry.conceptID.map { "id:" + $0 } ?? "entry:\(index)"
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(entry)
        }
        func ownID(_ key: String) -> String? { groups[key]![0].conceptID.flatMap { TBXWriter.isNCName($0) ? $0 : nil } }
        // The concepts' own ids first, so that a made-up one never takes a later concept's.
        var usedIDs = Set(order.compactMap(ownID))
        var counter = 0
        return order.map { key in
            let entries = groups[key]!
            var id = ownID(key) ?? ""
            while id.isEmpty {
                counter += 1
                if !usedIDs.contains("c\(counter)") { id = "c\(counter)" }
            }
            usedIDs.insert(id)
            var seen: Set<TargetTerm> = []
            var byLanguage: [(language: String, terms: [TargetTerm])] = []
            for entry in entries {
                for target in entry.targets where seen.insert(target).inserted {
                    if let i = byLanguage.firstIndex(where: { $0.language == target.language }) {
                        byLanguage[i].terms.append(target)
                    } else {
                        byLanguage.append((target.language, [target]))
                    }
                }
            }
            return GlossaryConcept(id: id, entries: entries, targetsByLanguage: byLanguage)
        }
    }
}
