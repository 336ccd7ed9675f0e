import ArgumentParser
import KernsatzWorksheet

/// Shell completion (`kernsatz --generate-completion-script bash|zsh|fish`) for the comma-separated
/// format lists of `batch --formats` and `worksheet --format`: the names are the format enum's own
/// (and `all` where the list takes it), and a word that already holds some completes its last item,
/// `summary,x` → `summary,xliff`, `summary,xliff12`.
enum FormatCompletion {
    static func list<Format: ListedFormat>(_ format: Format.Type, allowsAll: Bool = false) -> CompletionKind {
        let names = Format.allCases.map(\.rawValue) + (allowsAll ? ["all"] : [])
        return .custom { _, _, prefix in candidates(names, prefix: prefix) }
    }

    /// The completions of `prefix`: each name not yet in the list that starts like its last item,
    /// after the items before it.
    static func candidates(_ names: [String], prefix: String) -> [String] {
        let items = prefix.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let last = (items.last ?? "").lowercased()
        let before = items.dropLast()
        let taken = Set(before.map { $0.lowercased() })
        let head = before.isEmpty ? "" : before.joined(separator: ",") + ","
        return names.filter { !taken.contains($0) && $0.hasPrefix(last) }.map { head + $0 }
    }
}
