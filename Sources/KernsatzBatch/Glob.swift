#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A shell pattern for `--include`/`--exclude`: `*`, `?`, `[abc]` as in the shell.
/// A pattern without a slash is matched against the file or folder name (`*.md`, `drafts`), one with a
/// slash against the path below the input folder (`2025/*/*.txt`, `**/intern/*`); there `*` also
/// crosses slashes, so `**/` and `*/` both mean "in any folder". A slash at the end is dropped (`drafts/`).
///
///     Glob("*.md").matches(name: "a.md", path: "de/a.md")         // true
///     Glob("de/*").matches(name: "a.md", path: "de/x/a.md")       // true
public struct Glob: Sendable, Equatable {
    public let pattern: String
    private let onPath: Bool
    private let compiled: String

    public init(_ pattern: String) {
        self.pattern = pattern
        var body = pattern
        while body.hasPrefix("./") { body.removeFirst(2) }
        // `drafts/` (as a shell completes a folder name) is the folder `drafts`: folders are matched without a slash.
        while body.count > 1 && body.hasSuffix("/") { body.removeLast() }
        onPath = body.contains("/")
        // fnmatch without FNM_PATHNAME lets `*` cross slashes: `**` is then the same as `*`.
        while body.contains("**") { body = body.replacingOccurrences(of: "**", with: "*") }
        compiled = body
    }

    /// - Parameters:
    ///   - name: the last path component.
    ///   - path: the path below the input folder, with `/` between components.
    public func matches(name: String, path: String) -> Bool {
        let subject = onPath ? path : name
        if fnmatch(compiled, subject, 0) == 0 { return true }
        // "*/x" and "**/x" also match "x" at the top.
        if onPath, compiled.hasPrefix("*/") { return fnmatch(String(compiled.dropFirst(2)), subject, 0) == 0 }
        return false
    }
}
