import Foundation
import KernsatzText
import KernsatzWorksheet

/// Writes what a batch leaves for people and programs: `manifest.json` (one record per file, one
/// per line), `manifest.csv`, `terms.csv`, `term-candidates.csv` and `index.html`, all from the
/// journal, in walk order, without holding the records in memory.
struct Report {
    let batch: Batch
    let settings: BatchSettings
    let inputs: [BatchInput]
    let summary: BatchSummary
    let journalStart: UInt64
    let terms: [String: TermTotal]
    let candidates: [String: CandidateTotal]

    /// Where each record of this run is in the journal, in walk order.
    private func locations() throws(BatchError) -> [(offset: UInt64, length: Int)] {
        guard let handle = FileHandle(forReadingAtPath: batch.journalPath) else {
            throw BatchError(.manifest(reason: "the journal cannot be read back"), path: batch.journalPath)
        }
        defer { try? handle.close() }
        var found: [(order: Int, offset: UInt64, length: Int)] = []
        var offset = journalStart
        var line: [UInt8] = []
        do {
            try handle.seek(toOffset: journalStart)
            while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
                for byte in chunk {
                    if byte == 0x0A {
                        if let order = Self.order(line) { found.append((order, offset, line.count)) }
                        offset += UInt64(line.count + 1)
                        line.removeAll(keepingCapacity: true)
                    } else {
                        line.append(byte)
                    }
                }
            }
        } catch {
            throw BatchError(.manifest(reason: "the journal cannot be read back (\(InputWalker.reason(error)))"), path: batch.journalPath)
        }
        return found.sorted { $0.order < $1.order }.map { ($0.offset, $0.length) }
    }

    /// The `order` of a journal line, read without decoding the whole record.
    private static func order(_ line: [UInt8]) -> Int? {
        // A key's quotes are never escaped; inside a string value a quote always is.
        let key = Array(#""order":"#.utf8)
        guard let start = line.indices.first(where: { line[$0...].starts(with: key) }) else { return nil }
        var value = 0
        var i = start + key.count
        var any = false
        while i < line.count, line[i] >= 0x30, line[i] <= 0x39 {
            value = value * 10 + Int(line[i] - 0x30)
            i += 1
            any = true
        }
        return any ? value : nil
    }

    func write() throws(BatchError) {
        let places = try locations()
        guard let journal = FileHandle(forReadingAtPath: batch.journalPath) else {
            throw BatchError(.manifest(reason: "the journal cannot be read back"), path: batch.journalPath)
        }
        defer { try? journal.close() }
        let folder = settings.temporaryFolder
        let out = batch.output
        let replacing = true
        let manifest = try StreamFile(path: out + "/manifest.json", temporaryFolder: folder)
        let csv = try StreamFile(path: out + "/manifest.csv", temporaryFolder: folder)
        let index = try StreamFile(path: out + "/index.html", temporaryFolder: folder)
        var page = IndexPage(batch: batch, summary: summary, settings: settings)

        try manifest.write(manifestHead())
        try csv.write("\u{FEFF}" + CSVWriter.row(["file", "status", "reason", "language", "encoding", "bytes", "words", "segments",
                                                   "terms", "names", "quotes", "numbers", "warnings", "summary", "outputs", "sha256"]))
        try index.write(page.head())
        let decoder = JSONDecoder()
        var failures: [FileRecord] = []
        var skipped: [FileRecord] = []
        var pathOfOrder: [Int: String] = [:]
        let termOrders = Set(terms.values.flatMap(\.files))
        for (number, place) in places.enumerated() {
            let data: Data
            do {
                try journal.seek(toOffset: place.offset)
                data = try journal.read(upToCount: place.length) ?? Data()
            } catch {
                throw BatchError(.manifest(reason: "the journal cannot be read back (\(InputWalker.reason(error)))"), path: batch.journalPath)
            }
            try manifest.write(String(decoding: data, as: UTF8.self) + (number + 1 < places.count ? ",\n" : "\n"))
            guard let record = try? decoder.decode(FileRecord.self, from: data) else { continue }
            if let order = record.order, termOrders.contains(order) { pathOfOrder[order] = record.path }
            try csv.write(CSVWriter.row(csvRow(record)))
            switch record.status {
            case .failed: failures.append(record)
            case .skipped: skipped.append(record)
            case .done, .upToDate: try index.write(page.row(record))
            }
        }
        let glossaryTerms = terms.sorted { $0.value.files.count != $1.value.files.count ? $0.value.files.count > $1.value.files.count : $0.key < $1.key }
        let minimum = batch.options.candidateMinimumCount
        let candidateList = candidates.values.filter { $0.count >= minimum }
            .sorted { $0.count != $1.count ? $0.count > $1.count : $0.text < $1.text }

        try manifest.write("],\n")
        try writeManifestTail(glossaryTerms, pathOfOrder: pathOfOrder, candidates: candidateList, to: manifest)
        try index.write(page.tail(failures: failures, skipped: skipped, terms: glossaryTerms, pathOfOrder: pathOfOrder,
                                  candidates: candidateList))

        let termsFile = try StreamFile(path: out + "/terms.csv", temporaryFolder: folder)
        try termsFile.write("\u{FEFF}" + CSVWriter.row(["term", "translations", "files", "occurrences", "in files"]))
        for (term, total) in glossaryTerms {
            try termsFile.write(CSVWriter.row([term, total.targets.joined(separator: "; "), "\(total.files.count)", "\(total.count)",
                                               total.files.compactMap { pathOfOrder[$0] }.joined(separator: "; ")]))
        }
        let candidateFile = try StreamFile(path: out + "/term-candidates.csv", temporaryFolder: folder)
        try candidateFile.write("\u{FEFF}" + CSVWriter.row(["candidate", "kind", "occurrences", "first file", "context"]))
        for candidate in candidateList {
            try candidateFile.write(CSVWriter.row([candidate.text, candidate.kind, "\(candidate.count)", candidate.source, candidate.context]))
        }
        // The manifest last: until it is in place, the journal is what a later run reads.
        for file in [csv, termsFile, candidateFile, index, manifest] { try file.commit(replacing: replacing) }
    }

    private func manifestHead() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        func json<T: Encodable>(_ value: T) -> String { (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "null" }
        let options = batch.options
        let head: [(String, String)] = [
            ("format", json(Batch.manifestFormat)), ("version", "\(Batch.manifestVersion)"),
            ("generated", json(ISO8601DateFormatter().string(from: Date()))),
            ("inputs", json(batch.inputs)),
            ("settings", json(["formats": options.formats.map(\.rawValue).joined(separator: ","), "targetLanguage": options.targetLanguage,
                               "language": options.language ?? "identified per file", "summarySentences": "\(options.summarySentences)",
                               "glossaries": options.glossaryNames.joined(separator: "; "), "fingerprint": settings.fingerprint])),
            ("counts", json(["files": summary.total, "done": summary.done, "upToDate": summary.upToDate, "failed": summary.failed,
                             "skipped": summary.skipped, "notStarted": summary.notStarted, "bytes": summary.bytes])),
            ("seconds", String(format: "%.3f", summary.seconds)),
        ]
        return "{\n" + head.map { "\"\($0.0)\": \($0.1),\n" }.joined() + "\"files\": [\n"
    }

    /// The term report of the manifest, one term or candidate per line, written as it goes: a term
    /// in every file of a large batch has a long file list, and the lists together grow with the batch.
    private func writeManifestTail(_ glossaryTerms: [(key: String, value: TermTotal)], pathOfOrder: [Int: String],
                                   candidates: [CandidateTotal], to manifest: StreamFile) throws(BatchError) {
        struct TermJSON: Encodable { let term: String; let translations: [String]; let files: [String]; let occurrences: Int }
        struct CandidateJSON: Encodable { let candidate: String; let kind: String; let occurrences: Int; let firstFile: String; let context: String }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        func json<T: Encodable>(_ value: T) -> String { (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "null" }
        try manifest.write("\"glossaryTerms\": [\n")
        for (number, (term, total)) in glossaryTerms.enumerated() {
            let line = json(TermJSON(term: term, translations: total.targets, files: total.files.compactMap { pathOfOrder[$0] },
                                     occurrences: total.count))
            try manifest.write(line + (number + 1 < glossaryTerms.count ? ",\n" : "\n"))
        }
        try manifest.write("],\n\"termCandidates\": [\n")
        for (number, candidate) in candidates.enumerated() {
            let line = json(CandidateJSON(candidate: candidate.text, kind: candidate.kind, occurrences: candidate.count,
                                          firstFile: candidate.source, context: candidate.context))
            try manifest.write(line + (number + 1 < candidates.count ? ",\n" : "\n"))
        }
        try manifest.write("]\n}\n")
    }

    private func csvRow(_ record: FileRecord) -> [String] {
        [record.path, record.status.rawValue, record.reason ?? "", record.language ?? "", record.encoding ?? "",
         record.bytes.map { "\($0)" } ?? "", record.words.map { "\($0)" } ?? "", record.segments.map { "\($0)" } ?? "",
         (record.terms ?? []).map { "\($0.term) ×\($0.count)" }.joined(separator: "; "),
         record.names.map { "\($0)" } ?? "", record.quotes.map { "\($0)" } ?? "", record.numbers.map { "\($0)" } ?? "",
         record.warnings.joined(separator: "; "), (record.summary ?? []).joined(separator: " "),
         record.outputs.map(\.path).joined(separator: "; "), record.sha256 ?? ""]
    }
}
