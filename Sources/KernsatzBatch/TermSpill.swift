import Foundation
import KernsatzText

/// A glossary term over the whole batch: its counts and the first files it occurs in, in memory;
/// the whole list of its files on disk (`TermSpill`), since a term in every file of a large batch
/// would otherwise keep a number per file.
struct TermTotal: Sendable {
    /// The term's number in the spill file.
    var id: UInt32
    var targets: [String]
    /// The files it occurs in (a file counts once per glossary entry with the term).
    var fileCount = 0
    /// The walk positions of its first `shownFiles` files, in walk order: what the page shows.
    var firstFiles: [Int] = []
    var count = 0

    /// How many files of a term the page names.
    static let shownFiles = 12

    init(id: UInt32, targets: [String]) {
        self.id = id
        self.targets = targets
    }

    mutating func add(file order: Int) {
        fileCount += 1
        guard firstFiles.count < Self.shownFiles || order < firstFiles[firstFiles.count - 1] else { return }
        let place = firstFiles.firstIndex { $0 > order } ?? firstFiles.count
        firstFiles.insert(order, at: place)
        if firstFiles.count > Self.shownFiles { firstFiles.removeLast() }
    }
}

/// `.kernsatz/term-files.bin`: one (term, file) pair per glossary term in a finished file, 8 bytes
/// each, appended as files finish; the report reads the files of a group of terms back in one pass
/// and sorts them, a group at most `groupHits` pairs, so the lists never are all in memory at once.
final class TermSpill: @unchecked Sendable {
    // @unchecked: written under RunState's lock only; read by the report after the workers are done.
    private let file: ScratchFile
    var path: String { file.path }
    private var handle: FileHandle { file.handle }
    private var pending = Data()
    /// Pairs written (and pending).
    private(set) var count = 0

    /// At most this many files are held for one pass of the report (4 MiB of them).
    static let groupHits = 1 << 20

    init(path: String) throws(BatchError) {
        file = try ScratchFile(path: path, purpose: "the glossary terms' files")
    }

    func append(term: UInt32, file order: Int) throws(BatchError) {
        for value in [term, UInt32(order)] {
            for shift in 0..<4 { pending.append(UInt8(truncatingIfNeeded: value >> (8 * shift))) }
        }
        count += 1
        if pending.count >= 1 << 16 { try flush() }
    }

    private func flush() throws(BatchError) {
        guard !pending.isEmpty else { return }
        try file.write(pending)
        pending.removeAll(keepingCapacity: true)
    }

    /// The files of each of `terms`, in walk order (one pass over the file).
    func files(of terms: [UInt32]) throws(BatchError) -> [UInt32: [Int]] {
        try flush()
        var lists: [UInt32: [Int]] = [:]
        for term in terms { lists[term] = [] }
        var offset: UInt64 = 0
        while true {
            let bytes: [UInt8]
            do {
                try handle.seek(toOffset: offset)
                bytes = [UInt8](try handle.read(upToCount: 1 << 16) ?? Data())
            } catch {
                throw BatchError(.manifest(reason: "cannot read back the glossary terms' files (\(FileReader.reason(error)))"), path: path)
            }
            var start = 0
            while start + 8 <= bytes.count {
                func number(_ at: Int) -> UInt32 {
                    (0..<4).reduce(UInt32(0)) { $0 | UInt32(bytes[at + $1]) << (8 * UInt32($1)) }
                }
                let term = number(start)
                if lists[term] != nil { lists[term]!.append(Int(number(start + 4))) }
                start += 8
            }
            guard bytes.count >= 8 else { break }
            offset += UInt64(start)
        }
        for term in terms { lists[term]!.sort() }
        return lists
    }

    func close() { file.close() }
}
