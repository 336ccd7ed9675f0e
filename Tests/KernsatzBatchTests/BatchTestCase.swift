import Foundation
import KernsatzBatch
import XCTest

/// A temporary folder per test, and short German articles to fill it with.
class BatchTestCase: XCTestCase {
    var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("kernsatz-batch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    var input: String { directory.appendingPathComponent("in").path }
    var output: String { directory.appendingPathComponent("out").path }

    /// Writes `bytes` at `path` below the input folder, making folders as needed.
    @discardableResult
    func put(_ path: String, _ bytes: [UInt8]) throws -> String {
        let url = URL(fileURLWithPath: input).appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
        return url.path
    }

    @discardableResult
    func put(_ path: String, _ text: String) throws -> String { try put(path, Array(text.utf8)) }

    func read(_ path: String) throws -> String {
        try String(contentsOfFile: output + "/" + path, encoding: .utf8)
    }

    /// A short article with a dateline, a quote and the glossary term „Bündnistreue“.
    static func article(_ topic: String) -> String {
        """
        Berlin – Die Regierung hat am Montag über \(topic) beraten. Der Kanzler sprach von Bündnistreue \
        und von neuen Sicherheitsgarantien für die Partner. „Wir stehen zu unseren Zusagen“, sagte er.

        Die Opposition kritisierte den Plan. Sie verlangt eine Debatte im Bundestag über die Kosten von \
        2,5 Milliarden Euro.
        """
    }

    func records(_ manifest: String? = nil) throws -> [String: [String: Any]] {
        let data = try Data(contentsOf: URL(fileURLWithPath: manifest ?? output + "/manifest.json"))
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let files = try XCTUnwrap(json["files"] as? [[String: Any]])
        return Dictionary(uniqueKeysWithValues: files.map { ($0["path"] as! String, $0) })
    }

    func runBatch(_ options: BatchOptions = BatchOptions(), inputs: [String]? = nil) throws -> BatchSummary {
        try Batch(inputs: inputs ?? [input], output: output, options: options, matcher: nil).run()
    }
}
