/// Where each input's outputs go: the input's folder mirrored below the output folder, its name
/// without the extension plus the format's (`de/a.txt` → `de/a.xlf`, `de/a.summary.txt`). When two
/// inputs of one folder share a name („a.txt“, „a.md“), or an output would take a report's name at
/// the top (`index.html`), the whole input name is kept (`a.txt.xlf`, `a.md.xlf`), so no two inputs
/// ever write one file.
struct OutputPlan {
    /// The names the report takes at the top of the output folder.
    static let manifestName = "manifest.json"
    static let reportNames: Set<String> = ["index.html", manifestName, "manifest.csv", "terms.csv", "term-candidates.csv"]

    /// Per input (by position): the path below the output folder without the format extension.
    private(set) var bases: [String]
    /// Inputs whose outputs would still collide with an earlier input's outputs, or with a folder
    /// that other outputs go into, and why (the file's failure reason).
    private(set) var conflicts: [Int: String] = [:]

    init<Inputs: RandomAccessCollection<BatchInput>>(_ inputs: Inputs, formats: [BatchFormat]) where Inputs.Index == Int {
        var stems: [String: Int] = [:]
        func split(_ path: String) -> (folder: Substring, name: Substring, stem: Substring) {
            let slash = Self.lastIndex(of: UInt8(ascii: "/"), in: path[...])
            let folder = slash.map { path[...$0] } ?? ""
            let name = slash.map { path[path.index(after: $0)...] } ?? path[...]
            var stem = name
            if let dot = Self.lastIndex(of: UInt8(ascii: "."), in: name), dot != name.startIndex { stem = name[..<dot] }
            return (folder, name, stem)
        }
        for input in inputs {
            let parts = split(input.relativePath)
            stems[String(parts.folder) + String(parts.stem), default: 0] += 1
        }
        bases = inputs.map { input in
            let parts = split(input.relativePath)
            let base = String(parts.folder) + String(parts.stem)
            let atTop = parts.folder.isEmpty
            let clashes = stems[base, default: 0] > 1
                || (atTop && formats.contains { Self.reportNames.contains(String(parts.stem) + "." + $0.fileExtension) })
            return clashes ? String(parts.folder) + String(parts.name) : base
        }
        // The folders the outputs go into (an input folder „b.html“ is one beside the input „b.txt“).
        var folders: Set<Substring> = []
        for base in bases {
            var rest = base[...]
            while let slash = Self.lastIndex(of: UInt8(ascii: "/"), in: rest) {
                rest = rest[..<slash]
                guard folders.insert(rest).inserted else { break }
            }
        }
        // What is left (an input „a.xliff12.txt“ beside „a.txt“): the later input yields.
        var owner: [String: Int] = [:]
        for (index, base) in bases.enumerated() {
            for format in formats {
                let path = base + "." + format.fileExtension
                if folders.contains(path[...]) {
                    conflicts[index] = "its output \(path) would have the name of the folder \(path)/ that other inputs' outputs go into; rename the file or the folder"
                } else if let earlier = owner[path] {
                    conflicts[index] = "its outputs would have the names of \(inputs[earlier].relativePath)'s; rename one of the two"
                } else {
                    owner[path] = index
                }
            }
        }
    }

    func path(_ index: Int, _ format: BatchFormat) -> String { bases[index] + "." + format.fileExtension }

    /// Where `text` has its last `ascii` character, as `lastIndex(of: Character)` finds it, but
    /// found in the UTF-8: only where non-ASCII bytes stand next to it could the character be part
    /// of a larger one (a combining mark after it), and only there are characters looked at.
    static func lastIndex(of ascii: UInt8, in text: Substring) -> String.Index? {
        let utf8 = text.utf8
        guard let index = utf8.lastIndex(of: ascii) else { return nil }
        let next = utf8.index(after: index)
        if (index == utf8.startIndex || utf8[utf8.index(before: index)] < 0x80) && (next == utf8.endIndex || utf8[next] < 0x80) {
            return index
        }
        return text.lastIndex(of: Character(Unicode.Scalar(ascii)))
    }
}
