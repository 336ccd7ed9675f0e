import Foundation
import KernsatzText
import KernsatzWorksheet

/// Writes what a batch leaves for people and programs: `manifest.json` (one record per file, one
/// per line), `manifest.csv`, `terms.csv`, `term-candidates.csv` and `index.html`, all from the
/// journal, in walk order, without holding the records in memory.
struct Report {
    let batch: Batch
    let settings: BatchSettings
    let inputs: BatchInputs
    let summary: BatchSummary
    let journal: Journal
    let csvRows: RowFile
    let htmlRows: RowFile
    let slots: SlotFile
    let state: RunState

    /// Writes the report; merges and counts the workers' term candidates (`RunState.countCandidates()`)
    /// on another thread meanwhile, as they are needed only at the end of the files.
    func write() throws(BatchError) {
        let counting = DispatchGroup()
        let minimum = batch.options.candidateMinimumCount
        DispatchQueue.global().async(group: counting) { [state] in state.countCandidates(minimumCount: minimum) }
        defer { counting.wait() }
        let folder = settings.temporaryFolder
        let out = batch.output
        let replacing = true
        let manifest = try StreamFile(path: out + "/manifest.json", temporaryFolder: folder)
        let csv = try StreamFile(path: out + "/manifest.csv", temporaryFolder: folder)
        let index = try StreamFile(path: out + "/index.html", temporaryFolder: folder)
        let page = IndexPage(batch: batch, summary: summary, settings: settings)

        try manifest.write(manifestHead())
        try csv.write("\u{FEFF}" + CSVWriter.row(RecordRenderer.csvHeader))
        try index.write(page.head())
        // Walk order (the slot file holds the places by order); the rows were made by the workers,
        // so this only copies bytes.
        var rows = 0
        var records = 0
        try slots.forEach { slot throws(BatchError) in
            if records > 0 { try manifest.write(",\n") }
            try manifest.write(journal.read(slot.journal))
            records += 1
            try csv.write(csvRows.read(slot.csv))
            if slot.list == .files {
                try index.write(htmlRows.read(slot.html))
                rows += 1
            }
        }
        if records > 0 { try manifest.write("\n") }
        let terms = state.termFiles
        let glossaryTerms = terms.sorted { $0.value.fileCount != $1.value.fileCount ? $0.value.fileCount > $1.value.fileCount : $0.key < $1.key }
        counting.wait()
        let candidateList = state.candidates.values.filter { $0.count >= minimum }
            .sorted { $0.count != $1.count ? $0.count > $1.count : $0.text < $1.text }
        // Files with glossary terms are always inputs of the walk.
        let inputs = self.inputs
        let pathOf: (Int) -> String? = { $0 < inputs.count ? inputs.relativePath($0) : nil }

        try manifest.write("],\n")
        let termsFile = try StreamFile(path: out + "/terms.csv", temporaryFolder: folder)
        try termsFile.write("\u{FEFF}" + CSVWriter.row(["term", "translations", "files", "occurrences", "in files"]))
        try writeManifestTail(glossaryTerms, pathOf: pathOf, candidates: candidateList, to: manifest, termsCSV: termsFile)
        // The page's lists of failures and of files not processed: their rows in walk order, one pass each.
        try index.write(page.failuresStart(rows: rows, failures: state.failureRows))
        if state.failureRows > 0 {
            try slots.forEach { slot throws(BatchError) in if slot.list == .failures { try index.write(htmlRows.read(slot.html)) } }
        }
        try index.write(page.failuresEnd(failures: state.failureRows) + page.terms(glossaryTerms, pathOf: pathOf, candidates: candidateList)
                        + page.skippedStart(skipped: state.skippedRows))
        if state.skippedRows > 0 {
            try slots.forEach { slot throws(BatchError) in if slot.list == .skipped { try index.write(htmlRows.read(slot.html)) } }
        }
        try index.write(page.end(skipped: state.skippedRows))

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
            ("generated", json(Self.timestamp(Date()))),
            ("inputs", json(batch.inputs)),
            ("settings", json(["formats": options.formats.map(\.rawValue).joined(separator: ","), "targetLanguage": options.targetLanguage,
                               "language": options.language ?? "identified per file", "summarySentences": "\(options.summarySentences)",
                               "glossaries": options.glossaryNames.joined(separator: "; "), "fingerprint": settings.fingerprint])),
            ("counts", json(["files": summary.total, "done": summary.done, "upToDate": summary.upToDate, "failed": summary.failed,
                             "skipped": summary.skipped, "notStarted": summary.notStarted, "withoutWorksheet": summary.withoutWorksheet,
                             "bytes": summary.bytes])),
            ("seconds", String(format: "%.3f", summary.seconds)),
        ]
        return "{\n" + head.map { "\"\($0.0)\": \($0.1),\n" }.joined() + "\"files\": [\n"
    }

    /// `date` in UTC as ISO 8601 to the second, as `ISO8601DateFormatter` writes it by default
    /// („2026-03-01T09:30:00Z“), without building a formatter (it loads time zone data).
    static func timestamp(_ date: Date) -> String {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func two(_ n: Int32) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))Z"
    }

    /// The term report of the manifest, one term or candidate per line, written as it goes, and
    /// the rows of `terms.csv` beside it: a term in every file of a large batch has a long file
    /// list, and the lists together grow with the batch, so they are read back from the spill file
    /// a group of terms at a time (`TermSpill.groupHits`).
    private func writeManifestTail(_ glossaryTerms: [(key: String, value: TermTotal)], pathOf: (Int) -> String?,
                                   candidates: [CandidateTotal], to manifest: StreamFile, termsCSV: StreamFile) throws(BatchError) {
        try manifest.write("\"glossaryTerms\": [\n")
        var start = 0
        while start < glossaryTerms.count {
            var end = start + 1
            var hits = glossaryTerms[start].value.fileCount
            while end < glossaryTerms.count, hits + glossaryTerms[end].value.fileCount <= TermSpill.groupHits {
                hits += glossaryTerms[end].value.fileCount
                end += 1
            }
            let files = try state.termSpill.files(of: glossaryTerms[start..<end].map(\.value.id))
            for number in start..<end {
                let (term, total) = glossaryTerms[number]
                let paths = (files[total.id] ?? []).compactMap(pathOf)
                let line = RecordJSON.line(TermLine(term: term, translations: total.targets, files: paths, occurrences: total.count))
                try manifest.write(line + (number + 1 < glossaryTerms.count ? ",\n" : "\n"))
                try termsCSV.write(CSVWriter.row([term, total.targets.joined(separator: "; "), "\(total.fileCount)", "\(total.count)",
                                                  paths.joined(separator: "; ")]))
            }
            start = end
        }
        try manifest.write("],\n\"termCandidates\": [\n")
        for (number, candidate) in candidates.enumerated() {
            let line = RecordJSON.line(CandidateLine(candidate: candidate.text, kind: candidate.kind, occurrences: candidate.count,
                                                     firstFile: candidate.source, context: candidate.context))
            try manifest.write(line + (number + 1 < candidates.count ? ",\n" : "\n"))
        }
        try manifest.write("]\n}\n")
    }

}
