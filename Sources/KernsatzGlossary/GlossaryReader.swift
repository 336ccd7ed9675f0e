import Foundation
import KernsatzText

/// Reads glossary files, collecting every problem with its line.
///
///     let reader = GlossaryReader()
///     let glossary = try reader.read(path: "Glossaries/de-en/sicherheitspolitik.tbx")
///     let (_, problems) = reader.check(path: "kaputt.tsv")   // every problem, with file and line
public struct GlossaryReader: Sendable {
    /// The language whose terms are matched in texts (the TSV/CSV source column's language).
    public var sourceLanguage: String
    /// The target language of TSV files (they do not say it).
    public var tsvTargetLanguage: String
    public var maxBytes: Int
    /// Replace invalid bytes with U+FFFD and add a warning (`GlossaryError.Kind.replacedBytes`)
    /// instead of refusing the glossary.
    public var lenient: Bool

    public init(sourceLanguage: String = "de", tsvTargetLanguage: String = "en", maxBytes: Int = FileReader.defaultMaxBytes, lenient: Bool = false) {
        self.sourceLanguage = sourceLanguage
        self.tsvTargetLanguage = tsvTargetLanguage
        self.maxBytes = maxBytes
        self.lenient = lenient
    }

    /// The glossary in `path` ("-" is standard input, read as TSV unless `format` says otherwise).
    /// - Throws: the first problem that is not a warning (`GlossaryError.isWarning`).
    public func read(path: String, format: GlossaryFormat? = nil) throws(GlossaryError) -> Glossary {
        let (glossary, problems) = check(path: path, format: format)
        if let error = problems.first(where: { !$0.isWarning }) { throw error }
        guard let glossary else { throw GlossaryError(.empty, source: path) }
        return glossary
    }

    /// Reads what it can and lists every problem (errors and warnings) in file order.
    public func check(path: String, format: GlossaryFormat? = nil) -> (Glossary?, [GlossaryError]) {
        let resolved: GlossaryFormat
        if let format { resolved = format }
        else if path == "-" { resolved = .tsv }
        else if let byName = GlossaryFormat(path: path) { resolved = byName }
        else {
            let ext = path.split(separator: "/").last.flatMap { $0.contains(".") ? $0.split(separator: ".").last.map(String.init) : nil } ?? ""
            return (nil, [GlossaryError(.unknownFormat(ext.isEmpty ? "(no extension)" : ext), source: path)])
        }
        let bytes: [UInt8]
        do {
            bytes = try FileReader(maxBytes: maxBytes).readBytes(path)
        } catch {
            return (nil, [GlossaryError(.unreadable(Self.reason(error)), source: path)])
        }
        return parse(bytes, format: resolved, source: path)
    }

    /// Parses a glossary held in memory.
    /// - Parameter source: names the glossary in messages (and becomes its `name`).
    public func parse(_ bytes: [UInt8], format: GlossaryFormat, source: String) -> (Glossary?, [GlossaryError]) {
        var problems: [GlossaryError] = []
        var entries: [GlossaryEntry]
        switch format {
        case .tbx:
            entries = TBXReader(sourceLanguage: sourceLanguage, lenient: lenient).parse(bytes, source: source, problems: &problems)
        case .tsv, .csv:
            let text: String
            do throws(GlossaryError) {
                text = try decodeText(bytes, source: source, problems: &problems)
            } catch {
                return (nil, [error])
            }
            entries = format == .tsv
                ? TSVFormat.parse(text, source: source, sourceLanguage: sourceLanguage, targetLanguage: tsvTargetLanguage, problems: &problems)
                : CSVFormat.parse(text, source: source, sourceLanguage: sourceLanguage, problems: &problems)
        }
        entries = entries.map { entry in
            var entry = entry
            entry.term = Self.nfc(entry.term)
            return entry
        }
        Self.checkEntries(entries, source: source, problems: &problems)
        if entries.isEmpty, !problems.contains(where: { !$0.isWarning }) {
            problems.append(GlossaryError(.empty, source: source))
        }
        problems.sort { ($0.line ?? 0) < ($1.line ?? 0) }
        let name = source.split(separator: "/").last.map(String.init) ?? source
        return (Glossary(sourceLanguage: sourceLanguage, entries: entries, name: name), problems)
    }

    /// Duplicates and entries without translations.
    static func checkEntries(_ entries: [GlossaryEntry], source: String, problems: inout [GlossaryError]) {
        var firstLine: [String: Int?] = [:]
        for entry in entries {
            let key = entry.term.lowercased()
            if let first = firstLine[key] {
                problems.append(GlossaryError(.duplicate(term: entry.term, firstLine: first), source: source, line: entry.line))
            } else {
                firstLine[key] = entry.line
            }
            if entry.targets.isEmpty {
                problems.append(GlossaryError(.noTarget(term: entry.term), source: source, line: entry.line))
            }
        }
    }

    /// The text of a TSV or CSV glossary: UTF-8, or UTF-16 with a byte-order mark (OmegaT's
    /// glossaries are UTF-8). No legacy charset is guessed: an invalid byte is an error naming line
    /// and byte offset, or in lenient mode a U+FFFD and a warning.
    func decodeText(_ bytes: [UInt8], source: String, problems: inout [GlossaryError]) throws(GlossaryError) -> String {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            do throws(TextError) {
                return String(decoding: try TextDecoder().decode(bytes, source: source).units, as: UTF16.self)
            } catch {
                guard case .invalidEncoding(let encoding, let offset, let line) = error.kind else {
                    throw GlossaryError(.unreadable(Self.reason(error)), source: source)
                }
                guard lenient else {
                    throw GlossaryError(.invalidBytes(encoding: encoding, byteOffset: offset, column: nil), source: source, line: line)
                }
                do throws(TextError) {
                    let decoded = try TextDecoder(lenient: true).decode(bytes, source: source)
                    problems.append(GlossaryError(.replacedBytes(count: max(decoded.replacements, 1), encoding: encoding, firstByteOffset: offset),
                                                  source: source, line: line))
                    return String(decoding: decoded.units, as: UTF16.self)
                } catch {
                    throw GlossaryError(.unreadable(Self.reason(error)), source: source)
                }
            }
        }
        let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        let body = bytes[start...]
        if body.allSatisfy({ $0 == 0x20 || (0x09...0x0D).contains($0) }) {
            throw GlossaryError(.unreadable(Self.reason(TextError(.empty, source: source))), source: source)
        }
        guard let (offset, count) = TextDecoder.utf8Problem(Array(body)) else {
            return String(decoding: body, as: UTF8.self)
        }
        let at = offset + start
        let lineStart = bytes[..<at].lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
        let line = 1 + bytes[..<at].lazy.filter { $0 == 0x0A }.count
        let column = 1 + bytes[lineStart..<at].lazy.filter { $0 & 0xC0 != 0x80 }.count
        guard lenient else {
            throw GlossaryError(.invalidBytes(encoding: "UTF-8", byteOffset: at, column: column), source: source, line: line)
        }
        problems.append(GlossaryError(.replacedBytes(count: count, encoding: "UTF-8", firstByteOffset: at), source: source, line: line))
        return String(decoding: body, as: UTF8.self)
    }

    static func nfc(_ text: String) -> String {
        (try? CleanText(text))?.string ?? text
    }

    static func reason(_ error: TextError) -> String {
        let text = error.description
        let prefix = "\(error.source): "
        return text.hasPrefix(prefix) ? String(text.dropFirst(prefix.count)) : text
    }
}

extension Glossary {
    /// Reads a glossary file (TBX, TSV or CSV, by extension).
    /// - Throws: `GlossaryError` naming the file and line.
    public static func read(path: String, sourceLanguage: String = "de") throws(GlossaryError) -> Glossary {
        try GlossaryReader(sourceLanguage: sourceLanguage).read(path: path)
    }
}
