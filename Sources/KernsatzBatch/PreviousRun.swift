import Foundation
import KernsatzText

/// What earlier runs into the same output folder recorded: the manifest of the last finished run and
/// the journal of a run that did not finish (killed, crashed), the journal's lines last.
struct PreviousRun: Sendable {
    /// Files done (or up to date) by input path: what `--resume` may carry over.
    private(set) var records: [String: FileRecord] = [:]
    /// Every output an earlier run wrote, with the hashes it had: those files may be replaced.
    private(set) var owned: [String: Set<String>] = [:]
    /// The outputs last recorded for each input path (whatever its status): carried into the manifest
    /// for a file a run does not get to, so that they stay Kernsatz's own.
    private(set) var outputs: [String: [FileRecord.Output]] = [:]
    /// Lines of the journal already there (a new run appends after them).
    private(set) var journalLines = 0
    /// Whether a batch has written into the folder before (a Kernsatz manifest, or a journal): then the
    /// report's files there are its own and may be replaced.
    private(set) var found = false

    init() {}

    init(manifest: String, journal: String) {
        for path in [manifest, journal] {
            guard FileManager.default.fileExists(atPath: path), let lines = try? LineReader(path: path) else { continue }
            if path == journal { found = true }
            let decoder = JSONDecoder()
            while let line = try? lines.next() {
                if path == journal { journalLines += 1 }
                if path == manifest, line.starts(with: Array(Batch.manifestFormatLine.utf8)) { found = true }
                // One record per line in both (the manifest writes its records so): anything else is skipped,
                // so a journal cut short by a kill loses its last line only.
                guard line.starts(with: Array(#"{""#.utf8)) else { continue }
                var bytes = line
                if bytes.last == UInt8(ascii: ",") { bytes.removeLast() }
                guard let record = try? decoder.decode(FileRecord.self, from: Data(bytes)) else { continue }
                add(record)
            }
        }
    }

    private mutating func add(_ record: FileRecord) {
        for output in record.outputs { owned[output.path, default: []].insert(output.sha256) }
        if !record.outputs.isEmpty { outputs[record.path] = record.outputs }
        if record.status == .done || record.status == .upToDate {
            records[record.path] = record
        } else {
            records[record.path] = nil
        }
    }

    /// The earlier record of a file when nothing has changed: the same input bytes, the same
    /// settings, the outputs under the names this run gives them (`planned`), and every output still
    /// there with the bytes written.
    func upToDate(_ path: String, sha256: String, settings: String, planned: [String], outputFolder: String) -> FileRecord? {
        guard let record = records[path], record.sha256 == sha256, record.settings == settings, !record.outputs.isEmpty,
              record.outputs.map(\.path) == planned else { return nil }
        for output in record.outputs {
            guard ContentHash.sha256(ofFile: outputFolder + "/" + output.path) == output.sha256 else { return nil }
        }
        return record
    }
}
