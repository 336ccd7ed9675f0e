import Foundation
import KernsatzText
import KernsatzWorksheet

/// A finished file's record in the three forms the report needs: its manifest line (JSON), its
/// `manifest.csv` row and its `index.html` row. Made by the worker that did the file, in parallel;
/// the report then only copies bytes in walk order.
struct RenderedRecord: Sendable {
    var order: Int
    var status: FileRecord.Status
    var path: String
    var reason: String?
    var json: Data
    var csv: Data
    /// Nil for failed and skipped files: the page lists those apart.
    var html: Data?
}

/// Renders records (the JSON line as `JSONEncoder` with sorted keys would write it; see `RecordJSON`).
final class RecordRenderer {
    func render(_ record: FileRecord) -> RenderedRecord {
        // A record of strings and numbers always encodes (but a time that is no number); a failure
        // here would be a bug, and the line says so instead of vanishing.
        let json = RecordJSON.line(record) ?? Data(#"{"path":"?","status":"failed","reason":"record could not be encoded"}"#.utf8)
        let done = record.status == .done || record.status == .upToDate
        return RenderedRecord(order: record.order ?? 0, status: record.status, path: record.path, reason: record.reason,
                              json: json, csv: Data(CSVWriter.row(Self.csvCells(record)).utf8),
                              html: done ? Data(IndexPage.row(record).utf8) : nil)
    }

    static let csvHeader = ["file", "status", "reason", "language", "encoding", "bytes", "words", "segments",
                            "terms", "names", "quotes", "numbers", "warnings", "summary", "outputs", "sha256"]

    static func csvCells(_ record: FileRecord) -> [String] {
        [record.path, record.status.rawValue, record.reason ?? "", record.language ?? "", record.encoding ?? "",
         record.bytes.map { "\($0)" } ?? "", record.words.map { "\($0)" } ?? "", record.segments.map { "\($0)" } ?? "",
         (record.terms ?? []).map { "\($0.term) ×\($0.count)" }.joined(separator: "; "),
         record.names.map { "\($0)" } ?? "", record.quotes.map { "\($0)" } ?? "", record.numbers.map { "\($0)" } ?? "",
         record.warnings.joined(separator: "; "), (record.summary ?? []).joined(separator: " "),
         record.outputs.map(\.path).joined(separator: "; "), record.sha256 ?? ""]
    }
}

/// Where a rendered record's three forms are: the journal line, and its rows in the two row files.
struct RecordSlot: Sendable {
    var order: Int
    var journal: (offset: UInt64, length: Int)
    var csv: (offset: UInt64, length: Int)
    var html: (offset: UInt64, length: Int)?
}

/// An append-only file of rows (`.kernsatz/rows.csv`, `rows.html`), emptied when a batch starts.
final class RowFile: @unchecked Sendable {
    // @unchecked: written under RunState's lock only; read by the report after the workers are done.
    let path: String
    private let handle: FileHandle
    private(set) var end: UInt64 = 0

    init(path: String) throws(BatchError) {
        self.path = path
        guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forUpdatingAtPath: path) else {
            throw BatchError(.write(reason: "cannot make a file for the report's rows"), path: path)
        }
        self.handle = handle
    }

    /// Rows not yet written (written in 64 KiB pieces: the rows are rebuilt after a kill anyway).
    private var pending = Data()

    /// Appends `data`; returns where it went.
    func append(_ data: Data) throws(BatchError) -> (offset: UInt64, length: Int) {
        pending.append(data)
        if pending.count >= 1 << 16 { try flush() }
        defer { end += UInt64(data.count) }
        return (end, data.count)
    }

    private func flush() throws(BatchError) {
        guard !pending.isEmpty else { return }
        window.clear()
        do {
            try handle.seekToEnd()
            try handle.write(contentsOf: pending)
        } catch {
            throw BatchError(.write(reason: FileReader.reason(error)), path: path)
        }
        pending.removeAll(keepingCapacity: true)
    }

    private var window = ReadWindow()

    func read(_ place: (offset: UInt64, length: Int)) throws(BatchError) -> Data {
        try flush()
        do {
            return try window.read(place, from: handle)
        } catch {
            throw BatchError(.manifest(reason: "cannot read back the report's rows (\(FileReader.reason(error)))"), path: path)
        }
    }

    func close() { try? handle.close() }
}

/// Reads back pieces of a file that are asked for mostly in order (the report's walk through the
/// journal and the rows): one read of a MiB serves the pieces in it, instead of a seek, a stat and
/// a read for each. Leaves the file position anywhere.
struct ReadWindow {
    private var start: UInt64 = 0
    private var bytes = Data()
    /// Whether the file position was moved since the last `clear` (a writer must go back to the end).
    private(set) var hasRead = false

    mutating func read(_ place: (offset: UInt64, length: Int), from handle: FileHandle) throws -> Data {
        if place.offset < start || place.offset + UInt64(place.length) > start + UInt64(bytes.count) {
            hasRead = true
            try handle.seek(toOffset: place.offset)
            bytes = try handle.read(upToCount: max(place.length, 1 << 20)) ?? Data()
            start = place.offset
        }
        let from = bytes.startIndex + Int(place.offset - start)
        return Data(bytes[from..<min(from + place.length, bytes.endIndex)])
    }

    /// Forgets what was read (the file is about to change).
    mutating func clear() {
        bytes = Data()
        start = 0
        hasRead = false
    }
}
