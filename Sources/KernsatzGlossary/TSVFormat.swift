/// OmegaT's glossary format: UTF-8 text, one line per translation, three tab-separated columns
/// (source term, target term, comment); the comment may be missing. Several lines with one
/// source term are one entry with several translations. Lines starting with `#` are comments.
public enum TSVFormat {
    static func parse(_ text: String, source: String, sourceLanguage: String, targetLanguage: String,
                      problems: inout [GlossaryError]) -> [GlossaryEntry] {
        var entries: [GlossaryEntry] = []
        var index: [String: Int] = [:]
        var number = 0
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) || line.hasPrefix("#") { continue }
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard columns.count == 2 || columns.count == 3 else {
                problems.append(GlossaryError(.columns(found: columns.count, expected: "2 or 3 (source, target, comment)"), source: source, line: number))
                continue
            }
            if columns[0].isEmpty {
                problems.append(GlossaryError(.emptyTerm, source: source, line: number))
                continue
            }
            let comment = columns.count == 3 && !columns[2].isEmpty ? columns[2] : nil
            let target = columns[1].isEmpty ? nil : TargetTerm(language: targetLanguage, term: columns[1], status: index[columns[0]] == nil ? .preferred : .admitted)
            if let existing = index[columns[0]] {
                if let target { entries[existing].targets.append(target) }
                if entries[existing].note == nil { entries[existing].note = comment }
                continue
            }
            index[columns[0]] = entries.count
            entries.append(GlossaryEntry(term: columns[0], note: comment, targets: target.map { [$0] } ?? [], line: number))
        }
        return entries
    }

    /// The glossary as OmegaT TSV for one target language: a line per usable translation
    /// (preferred first); deprecated translations go into the comment („not: …“), which only the
    /// entry's first line carries: OmegaT 3.6 shows an entry's lines as one („Waffenruhe = ceasefire,
    /// truce“) and lists every line's comment under it, numbered, so a repeated comment shows repeatedly.
    ///
    ///     Waffenruhe<TAB>ceasefire<TAB>noun; not: armistice
    ///     Waffenruhe<TAB>truce<TAB>
    public static func write(_ glossary: Glossary, targetLanguage: String = "en") -> String {
        var out = ""
        for entry in glossary.entries {
            let usable = entry.targets(in: targetLanguage)
            let deprecated = entry.targets.filter { GlossaryEntry.primary($0.language) == GlossaryEntry.primary(targetLanguage) && $0.status == .deprecated }
            var comment = [entry.partOfSpeech, entry.note ?? entry.definition].compactMap { $0 }.joined(separator: "; ")
            if !deprecated.isEmpty {
                comment += (comment.isEmpty ? "" : "; ") + "not: " + deprecated.map(\.term).joined(separator: ", ")
            }
            for (index, target) in (usable.isEmpty ? [nil] : usable.map(Optional.some)).enumerated() {
                out += [entry.term, target?.term ?? "", index == 0 ? comment : ""].map(clean).joined(separator: "\t") + "\n"
            }
        }
        return out
    }

    private static func clean(_ field: String) -> String {
        String(field.map { $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" ? " " : $0 })
    }
}
