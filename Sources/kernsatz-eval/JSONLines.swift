import ArgumentParser
import Foundation

/// The gold and prediction files of every evaluation: one JSON object per line, blank lines skipped.
enum JSONLines {
    /// The records with their line numbers (1-based, counting blank lines).
    /// - Parameter what: names the record in the message for a line that does not decode.
    static func numbered<T: Decodable>(_ path: String, as type: T.Type, what: String) throws -> [(line: Int, record: T)] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ValidationError("\(path): cannot be read")
        }
        var records: [(line: Int, record: T)] = []
        let decoder = JSONDecoder()
        for (index, line) in String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        where !line.allSatisfy(\.isWhitespace) {
            do {
                records.append((index + 1, try decoder.decode(T.self, from: Data(line.utf8))))
            } catch {
                throw ValidationError("\(path):\(index + 1): not \(what) (\(error))")
            }
        }
        return records
    }

    static func read<T: Decodable>(_ path: String, as type: T.Type, what: String) throws -> [T] {
        try numbered(path, as: type, what: what).map(\.record)
    }
}
