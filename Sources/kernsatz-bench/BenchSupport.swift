import ArgumentParser
import Foundation

/// Reading a benchmark corpus: JSON Lines with a "text" field per line.
enum BenchCorpus {
    static func texts(_ path: String) throws -> [String] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ValidationError("\(path): cannot be read")
        }
        var texts: [String] = []
        for (number, line) in String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).enumerated() where !line.isEmpty {
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
                throw ValidationError("\(path):\(number + 1): not a JSON object")
            }
            if let text = object["text"] as? String { texts.append(text) }
        }
        return texts
    }
}

/// Peak resident set size of this process (VmHWM), in KiB.
func peakMemoryKiB() -> Int {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
    for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
        return Int(line.split(separator: " ").dropFirst().first ?? "0") ?? 0
    }
    return 0
}

/// The fastest of `repeats` runs, in seconds.
func bestTime(repeats: Int, _ body: () throws -> Int) rethrows -> (seconds: Double, checksum: Int) {
    var best = Double.infinity
    var sink = 0
    for _ in 0..<max(1, repeats) {
        let start = DispatchTime.now().uptimeNanoseconds
        sink &+= try body()
        best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    return (best, sink)
}
