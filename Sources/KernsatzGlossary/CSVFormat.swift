import SwiftCSV

/// Comma-separated glossaries with a header row, in two layouts.
///
/// Wide (one row per source term): a column named for the source language (or `source`/`term`),
/// one per target language (`en`, `fr`, `en-GB`, or `target` for English), and optional `pos`,
/// `status`, `note`/`comment`, `definition` columns.
///
///     de,en,pos,note
///     Sicherheitsgarantie,security guarantee,noun,
///
/// Long (one row per translation; what ``write(_:)`` writes): the header has a `target language`
/// column (see ``columns``); consecutive rows with the same `id` and `source` are one entry.
enum CSVFormat {
    static func parse(_ text: String, source: String, sourceLanguage: String, problems: inout [GlossaryError]) -> [GlossaryEntry] {
        // SwiftCSV says what is wrong with a quote but not where: the same rules, with lines, first.
        if let (line, reason) = quotingProblem(text) {
            problems.append(GlossaryError(.csvQuoting(reason), source: source, line: line))
            return []
        }
        let csv: EnumeratedCSV
        do {
            csv = try EnumeratedCSV(string: text, delimiter: .comma, loadColumns: false)
        } catch {
            problems.append(GlossaryError(.unreadable("CSV: \(error)"), source: source))
            return []
        }
        let header = csv.header.map { $0.trimmingCharacters(in: .whitespaces) }
        let names = header.map { $0.lowercased() }
        if names.contains("target language") {
            return parseLong(csv, names: names, source: source, sourceLanguage: sourceLanguage, problems: &problems)
        }
        let wanted = GlossaryEntry.primary(sourceLanguage)
        guard let sourceColumn = names.firstIndex(where: { GlossaryEntry.primary($0) == wanted || $0 == "source" || $0 == "term" }) else {
            problems.append(GlossaryError(.missingHeader("no '\(sourceLanguage)' (or 'source') column in the header \(header)"), source: source, line: 1))
            return []
        }
        let known: Set<String> = ["pos", "partofspeech", "part of speech", "status", "note", "comment", "definition", "id"]
        var targetColumns: [(Int, String)] = []
        for (i, name) in names.enumerated() where i != sourceColumn && !known.contains(name) {
            if name == "target" { targetColumns.append((i, "en")) }
            else if Self.isLanguageTag(name) { targetColumns.append((i, header[i])) }
        }
        if targetColumns.isEmpty {
            problems.append(GlossaryError(.missingHeader("no target-language column (en, fr, … or target) in the header \(header)"), source: source, line: 1))
        }
        func column(_ options: String...) -> Int? { names.firstIndex { options.contains($0) } }
        let pos = column("pos", "partofspeech", "part of speech")
        let status = column("status")
        let note = column("note", "comment")
        let definition = column("definition")
        let id = column("id")

        guard let rows = numberedRows(csv, width: header.count, source: source, problems: &problems) else { return [] }
        var entries: [GlossaryEntry] = []
        for (number, row) in rows {
            func field(_ i: Int?) -> String? {
                guard let i else { return nil }
                let value = row[i].trimmingCharacters(in: .whitespaces)
                return value.isEmpty ? nil : value
            }
            guard let term = field(sourceColumn) else {
                problems.append(GlossaryError(.emptyTerm, source: source, line: number))
                continue
            }
            var termStatus = TermStatus.preferred
            if let value = field(status) {
                if let parsed = TermStatus(tbx: value) { termStatus = parsed }
                else { problems.append(GlossaryError(.unknownValue(field: "status", value: value), source: source, line: number)) }
            }
            let targets = targetColumns.compactMap { (i, language) in field(i).map { TargetTerm(language: language, term: $0) } }
            entries.append(GlossaryEntry(conceptID: field(id), term: term, status: termStatus, partOfSpeech: field(pos),
                                         definition: field(definition), note: field(note), targets: targets, line: number))
        }
        return entries
    }

    /// The long layout's header: what ``write(_:)`` writes and `parseLong` reads. `source` and
    /// `target` are the names Translate Toolkit's `csvl10n` and spreadsheet users recognize.
    static let columns = ["id", "source", "target", "source language", "target language", "status", "target status",
                          "pos", "target pos", "definition", "note", "target note"]

    /// The glossary as CSV in the long layout: UTF-8 with a byte-order mark (so spreadsheet programs
    /// read it as UTF-8), CRLF line ends, RFC 4180 quoting, one row per translation (an entry without
    /// translations gets one row with empty target cells). Every field the model has is kept.
    /// A cell that a spreadsheet would take for a formula (starting with `=`, `+`, `-`, `@`, a tab or
    /// a carriage return, after other white space) gets a leading apostrophe, which the reader removes.
    ///
    ///     CSVFormat.write(Glossary(entries: [GlossaryEntry(term: "-politik", partOfSpeech: "noun",
    ///         targets: [TargetTerm(language: "en", term: "policy")])]))
    ///     // "\u{FEFF}id,source,target,source language,target language,status,target status,pos,target pos,definition,note,target note\r\n"
    ///     // + ",'-politik,policy,de,en,preferred,preferred,noun,,,,\r\n"
    /// The rows after the header as written, each with the line it starts on (quoted line breaks
    /// counted), blank rows left out; a row with another number of fields than `width` is a
    /// problem with its line and is left out. Nil (and a problem) when the CSV cannot be read.
    /// EnumeratedCSV.rows is not used: it pads short rows, which would hide a missing column.
    private static func numberedRows(_ csv: EnumeratedCSV, width: Int, source: String,
                                     problems: inout [GlossaryError]) -> [(line: Int, row: [String])]? {
        var rows: [[String]] = []
        do {
            try csv.enumerateAsArray(startAt: 1, rowLimit: nil) { rows.append($0) }
        } catch {
            problems.append(GlossaryError(.unreadable("CSV: \(error)"), source: source))
            return nil
        }
        var numbered: [(line: Int, row: [String])] = []
        var line = 2 + csv.header.reduce(0) { $0 + $1.filter { $0 == "\n" || $0 == "\r\n" }.count }
        for row in rows {
            let number = line
            line += 1 + row.reduce(0) { $0 + $1.filter { $0 == "\n" || $0 == "\r\n" }.count }
            if row.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }
            guard row.count == width else {
                problems.append(GlossaryError(.columns(found: row.count, expected: "\(width) as in the header"), source: source, line: number))
                continue
            }
            numbered.append((number, row))
        }
        return numbered
    }

    static func write(_ glossary: Glossary) -> String {
        var out = "\u{FEFF}" + row(columns)
        for entry in glossary.entries {
            let common = [entry.conceptID ?? "", entry.term]
            let sourceFields = [entry.status.rawValue, entry.partOfSpeech ?? "", entry.definition ?? "", entry.note ?? ""]
            if entry.targets.isEmpty {
                out += row(common + ["", glossary.sourceLanguage, "", sourceFields[0], "", sourceFields[1], "", sourceFields[2], sourceFields[3], ""])
            }
            for target in entry.targets {
                out += row(common + [target.term, glossary.sourceLanguage, target.language, sourceFields[0], target.status.rawValue,
                                     sourceFields[1], target.partOfSpeech ?? "", sourceFields[2], sourceFields[3], target.note ?? ""])
            }
        }
        return out
    }

    static func row(_ cells: [String]) -> String {
        cells.map(cell).joined(separator: ",") + "\r\n"
    }

    /// One field: formula-like starts neutralized with an apostrophe, then quoted when it holds a
    /// comma, a quotation mark or a line break (looked for in scalars: „,“ with a combining mark is
    /// one `Character` but still a separator to a CSV reader).
    static func cell(_ value: String) -> String {
        var text = value
        if isFormulaLike(text) { text = "'" + text }
        guard text.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        var quoted = "\""
        for scalar in text.unicodeScalars {
            quoted.unicodeScalars.append(scalar)
            if scalar == "\"" { quoted.unicodeScalars.append(scalar) }
        }
        return quoted + "\""
    }

    /// Whether a spreadsheet would read the text as a formula: its first scalar that is not white
    /// space (tab and carriage return count as starts) is `=`, `+`, `-` or `@`.
    static func isFormulaLike(_ text: String) -> Bool {
        let start = text.unicodeScalars.first { !($0.properties.isWhitespace && $0 != "\t" && $0 != "\r") }
        switch start {
        case "=", "+", "-", "@", "\t", "\r": return true
        default: return false
        }
    }

    /// The long layout: one row per translation, grouped into entries.
    private static func parseLong(_ csv: EnumeratedCSV, names: [String], source: String, sourceLanguage: String,
                                  problems: inout [GlossaryError]) -> [GlossaryEntry] {
        func column(_ name: String) -> Int? { names.firstIndex(of: name) }
        guard let sourceColumn = column("source"), let targetColumn = column("target") else {
            problems.append(GlossaryError(.missingHeader("a 'target language' column needs 'source' and 'target' columns too (header \(csv.header))"),
                                          source: source, line: 1))
            return []
        }
        let languageColumn = column("target language")!
        let (id, sourceLanguageColumn, status, targetStatus) = (column("id"), column("source language"), column("status"), column("target status"))
        let (pos, targetPos, definition, note, targetNote) = (column("pos"), column("target pos"), column("definition"), column("note"), column("target note"))
        guard let rows = numberedRows(csv, width: names.count, source: source, problems: &problems) else { return [] }
        var entries: [GlossaryEntry] = []
        for (number, row) in rows {
            func field(_ i: Int?) -> String? {
                guard let i else { return nil }
                var value = row[i].trimmingCharacters(in: .whitespaces)
                // The writer's formula guard: "'-politik" was written for "-politik".
                if value.hasPrefix("'"), isFormulaLike(String(value.dropFirst())) { value.removeFirst() }
                return value.isEmpty ? nil : value
            }
            func parseStatus(_ i: Int?, _ name: String) -> TermStatus {
                guard let value = field(i) else { return .preferred }
                if let parsed = TermStatus(tbx: value) { return parsed }
                problems.append(GlossaryError(.unknownValue(field: name, value: value), source: source, line: number))
                return .preferred
            }
            guard let term = field(sourceColumn) else {
                problems.append(GlossaryError(.emptyTerm, source: source, line: number))
                continue
            }
            if let language = field(sourceLanguageColumn), GlossaryEntry.primary(language) != GlossaryEntry.primary(sourceLanguage) {
                problems.append(GlossaryError(.invalidRow("the row's source language is '\(language)', but the glossary is read as '\(sourceLanguage)'; give --source-lang \(language)"),
                                              source: source, line: number))
                continue
            }
            var target: TargetTerm?
            if let text = field(targetColumn) {
                guard let language = field(languageColumn) else {
                    problems.append(GlossaryError(.invalidRow("the target '\(text)' has no target language; fill in its 'target language' cell (en, fr, …)"),
                                                  source: source, line: number))
                    continue
                }
                target = TargetTerm(language: language, term: text, status: parseStatus(targetStatus, "target status"),
                                    partOfSpeech: field(targetPos), note: field(targetNote))
            }
            let conceptID = field(id)
            if let last = entries.last, last.term == term, last.conceptID == conceptID, let target {
                entries[entries.count - 1].targets.append(target)
                continue
            }
            entries.append(GlossaryEntry(conceptID: conceptID, term: term, status: parseStatus(status, "status"), partOfSpeech: field(pos),
                                         definition: field(definition), note: field(note), targets: target.map { [$0] } ?? [], line: number))
        }
        return entries
    }

    /// The first quotation mark that breaks the CSV rules as SwiftCSV reads them (RFC 4180, with
    /// blanks around fields allowed), with its 1-based line; nil when there is none.
    ///
    ///     CSVFormat.quotingProblem("de,en\nRat,\"council\"x\n")
    ///     // (2, "text after the closing quotation mark of a quoted field")
    static func quotingProblem(_ text: String) -> (line: Int, reason: String)? {
        enum State { case fieldStart, unquoted, quoted, afterQuote }
        var state = State.fieldStart
        var line = 1
        var openedOn = 1
        var iterator = text.makeIterator()
        var lookahead: Character? = iterator.next()
        while let char = lookahead {
            lookahead = iterator.next()
            switch state {
            case .fieldStart:
                if char == "\"" { state = .quoted; openedOn = line }
                else if char == "," || char.isWhitespace { break }
                else { state = .unquoted }
            case .unquoted:
                if char == "\"" {
                    // SwiftCSV takes a doubled quote inside an unquoted field as one quote.
                    guard lookahead == "\"" else { return (line, "a quotation mark inside an unquoted field") }
                    lookahead = iterator.next()
                } else if char == "," || char.isNewline { state = .fieldStart }
            case .quoted:
                if char == "\"" { state = .afterQuote }
            case .afterQuote:
                if char == "\"" { state = .quoted }
                else if char == "," || char.isNewline { state = .fieldStart }
                else if !char.isWhitespace { return (line, "text after the closing quotation mark of a quoted field") }
            }
            if char.isNewline { line += 1 }
        }
        if state == .quoted { return (openedOn, "a quoted field that is never closed (its quotation mark opens here)") }
        return nil
    }

    /// "en", "fr", "en-GB", "pt_BR".
    static func isLanguageTag(_ name: String) -> Bool {
        let parts = name.split(whereSeparator: { $0 == "-" || $0 == "_" })
        guard let first = parts.first, (2...3).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLetter }) else { return false }
        return parts.count <= 3
    }
}
