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
    /// The page's row: in the files table for a done file, in the list of failures or of files not
    /// processed for the others.
    var html: Data
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
                              html: Data((done ? IndexPage.row(record) : IndexPage.listRow(path: record.path, reason: record.reason ?? "")).utf8))
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
/// The html row is the files table's row for a done file, the failures or not-processed list's row
/// for a failed or skipped one (`list`).
struct RecordSlot: Sendable, Equatable {
    enum List: UInt8, Sendable {
        case files = 1, failures = 2, skipped = 3
    }
    var journal: (offset: UInt64, length: Int)
    var csv: (offset: UInt64, length: Int)
    var html: (offset: UInt64, length: Int)
    var list: List

    static func == (a: RecordSlot, b: RecordSlot) -> Bool {
        a.journal == b.journal && a.csv == b.csv && a.html == b.html && a.list == b.list
    }
}

/// `.kernsatz/slots.bin`: each record's `RecordSlot` as a fixed-size entry at its place in walk
/// order, so that the report reads the records in order without holding a slot per file in memory
/// (a batch of 50,000 files would otherwise keep megabytes of them, and a sorted copy besides).
/// Places no record was written for read as absent (a file's hole is zeros).
final class SlotFile: @unchecked Sendable {
    // @unchecked: written under RunState's lock only; read by the report after the workers are done.
    private let file: ScratchFile
    var path: String { file.path }
    private var handle: FileHandle { file.handle }
    /// One more than the highest order written.
    private(set) var count = 0

    /// Bytes per entry: three places of (offset UInt64, length UInt32), the list byte and three unused.
    static let entrySize = 40

    init(path: String) throws(BatchError) {
        file = try ScratchFile(path: path, purpose: "the report's places")
    }

    /// Entries not yet written, and the order of the first of them (workers finish files mostly in
    /// order, so consecutive entries go out as one write).
    private var pending = Data()
    private var pendingStart = 0

    func write(_ slot: RecordSlot, at order: Int) throws(BatchError) {
        for place in [slot.journal, slot.csv, slot.html] where place.length > Int(UInt32.max) {
            throw BatchError(.write(reason: "a record of more than 4 GiB cannot be listed in the report"), path: path)
        }
        if !pending.isEmpty && order != pendingStart + pending.count / Self.entrySize { try flush() }
        if pending.isEmpty { pendingStart = order }
        var entry = Data(capacity: Self.entrySize)
        for place in [slot.journal, slot.csv, slot.html] {
            Self.append(place.offset, bytes: 8, to: &entry)
            Self.append(UInt64(place.length), bytes: 4, to: &entry)
        }
        entry.append(contentsOf: [slot.list.rawValue, 0, 0, 0])
        pending.append(entry)
        count = max(count, order + 1)
        if pending.count >= 1 << 16 { try flush() }
    }

    private func flush() throws(BatchError) {
        guard !pending.isEmpty else { return }
        try file.write(pending, at: UInt64(pendingStart) * UInt64(Self.entrySize))
        pending.removeAll(keepingCapacity: true)
    }

    /// The slots in walk order, read in pieces of 64 KiB (the places without a record left out).
    func forEach(_ body: (RecordSlot) throws(BatchError) -> Void) throws(BatchError) {
        try flush()
        let perRead = (1 << 16) / Self.entrySize
        var order = 0
        while order < count {
            let data: Data
            do {
                try handle.seek(toOffset: UInt64(order) * UInt64(Self.entrySize))
                data = try handle.read(upToCount: min(perRead, count - order) * Self.entrySize) ?? Data()
            } catch {
                throw BatchError(.manifest(reason: "cannot read back the report's places (\(FileReader.reason(error)))"), path: path)
            }
            let bytes = [UInt8](data)
            var start = 0
            while start + Self.entrySize <= bytes.count {
                if let list = RecordSlot.List(rawValue: bytes[start + 36]) {
                    func place(_ at: Int) -> (offset: UInt64, length: Int) {
                        (Self.number(bytes, at: start + at, bytes: 8), Int(Self.number(bytes, at: start + at + 8, bytes: 4)))
                    }
                    try body(RecordSlot(journal: place(0), csv: place(12), html: place(24), list: list))
                }
                start += Self.entrySize
            }
            // A short read (never, but for a file cut by another program) ends the loop rather than spinning.
            guard !bytes.isEmpty else { break }
            order += bytes.count / Self.entrySize
        }
    }

    func close() { file.close() }

    private static func append(_ value: UInt64, bytes: Int, to data: inout Data) {
        for shift in 0..<bytes { data.append(UInt8(truncatingIfNeeded: value >> (8 * shift))) }
    }

    private static func number(_ bytes: [UInt8], at start: Int, bytes count: Int) -> UInt64 {
        var value: UInt64 = 0
        for shift in 0..<count { value |= UInt64(bytes[start + shift]) << (8 * shift) }
        return value
    }
}

/// An append-only file of rows (`.kernsatz/rows.csv`, `rows.html`), emptied when a batch starts.
final class RowFile: @unchecked Sendable {
    // @unchecked: written under RunState's lock only; read by the report after the workers are done.
    private let file: ScratchFile
    var path: String { file.path }
    private var handle: FileHandle { file.handle }
    private(set) var end: UInt64 = 0

    init(path: String) throws(BatchError) {
        file = try ScratchFile(path: path, purpose: "the report's rows")
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
        try file.write(pending)
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

    func close() { file.close() }
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
