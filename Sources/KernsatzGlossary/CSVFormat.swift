import SwiftCSV

/// Comma-separated glossaries with a header row: a column named for the source language (or
/// `source`/`term`), one per target language (`en`, `fr`, `en-GB`, or `target` for English), and
/// optional `pos`, `status`, `note`/`comment`, `definition` columns.
///
///     de,en,pos,note
///     Sicherheitsgarantie,security guarantee,noun,
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

        // The rows as written: EnumeratedCSV.rows pads short rows, which would hide a missing column.
        var rows: [[String]] = []
        do {
            try csv.enumerateAsArray(startAt: 1, rowLimit: nil) { rows.append($0) }
        } catch {
            problems.append(GlossaryError(.unreadable("CSV: \(error)"), source: source))
            return []
        }
        var entries: [GlossaryEntry] = []
        var line = 2 + csv.header.reduce(0) { $0 + $1.filter { $0 == "\n" || $0 == "\r\n" }.count }
        for row in rows {
            let number = line
            line += 1 + row.reduce(0) { $0 + $1.filter { $0 == "\n" || $0 == "\r\n" }.count }
            if row.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }
            guard row.count == header.count else {
                problems.append(GlossaryError(.columns(found: row.count, expected: "\(header.count) as in the header"), source: source, line: number))
                continue
            }
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
