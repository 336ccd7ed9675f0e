import Foundation
import KernsatzText
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One file to process.
public struct BatchInput: Sendable, Equatable {
    /// The file as it is opened.
    public var path: String
    /// Where it sits in the output tree: its path below the input folder, `/`-separated (with the
    /// input folder's name in front when a batch has several).
    public var relativePath: String
    /// How its text is extracted.
    public var kind: MarkupKind
    /// Where a symbolic link led outside the input folder on the way to this file: the link (its
    /// path below the input folder) and where it leads. Listed in the file's warnings.
    public var outsideLink: OutsideLink?

    public struct OutsideLink: Sendable, Equatable {
        public var link: String
        public var target: String
    }

    public init(path: String, relativePath: String, kind: MarkupKind, outsideLink: OutsideLink? = nil) {
        self.path = path
        self.relativePath = relativePath
        self.kind = kind
        self.outsideLink = outsideLink
    }

    /// The warning of a file reached through a link that leads outside the input folder.
    var outsideWarning: String? {
        outsideLink.map { link in
            (link.link == relativePath ? "a symbolic link to \(link.target)" : "reached through \(link.link), a symbolic link to \(link.target)")
                + ", outside the input folder; read all the same (--no-follow-outside leaves such links out)"
        }
    }
}

/// The files of a walk, in walk order, held compactly: each file's folder once (its path and its
/// path in the output tree) and only the rest of the name per file, in one byte buffer. A batch of
/// 50,000 files holds about 20 bytes a file here instead of two Strings and a `BatchInput` each.
///
///     var inputs: BatchInputs = []
///     inputs.append(BatchInput(path: "in/de/a.txt", relativePath: "de/a.txt", kind: .plain))
///     inputs[0].path   // "in/de/a.txt"
public struct BatchInputs: RandomAccessCollection, Sendable, Equatable, ExpressibleByArrayLiteral {
    /// What the files of one folder share: the start of their path, and of their path in the output tree.
    private struct Folder: Sendable, Equatable {
        var path: String
        var relative: String
    }
    private struct Entry: Sendable, Equatable {
        /// Where the file's name ends in `names` (it starts where the one before ends).
        var end: Int
        var folder: UInt32
        var kind: MarkupKind
    }
    private var folders: [Folder] = []
    private var names: [UInt8] = []
    private var entries: [Entry] = []
    /// The few files reached through a link that leads outside the input folder, by position.
    private var outsideLinks: [Int: BatchInput.OutsideLink] = [:]

    public init() {}

    public init(_ inputs: some Sequence<BatchInput>) {
        for input in inputs { append(input) }
    }

    public init(arrayLiteral inputs: BatchInput...) {
        self.init(inputs)
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { entries.count }

    public subscript(position: Int) -> BatchInput {
        let entry = entries[position]
        let start = position == 0 ? 0 : entries[position - 1].end
        let folder = folders[Int(entry.folder)]
        let name = String(decoding: names[start..<entry.end], as: UTF8.self)
        return BatchInput(path: folder.path + name, relativePath: folder.relative + name, kind: entry.kind,
                          outsideLink: outsideLinks[position])
    }

    /// Just the path in the output tree (what the report and the plan ask for).
    public func relativePath(_ position: Int) -> String {
        let entry = entries[position]
        let start = position == 0 ? 0 : entries[position - 1].end
        return folders[Int(entry.folder)].relative + String(decoding: names[start..<entry.end], as: UTF8.self)
    }

    /// Appends a file: its name after the last `/` of its relative path is kept per file when its
    /// path ends with that name too, the rest once per folder (the same as the last file's, mostly).
    public mutating func append(_ input: BatchInput) {
        let relative = Array(input.relativePath.utf8)
        let path = Array(input.path.utf8)
        var nameLength = relative.count - ((relative.lastIndex(of: UInt8(ascii: "/")) ?? -1) + 1)
        if nameLength > path.count || !path.suffix(nameLength).elementsEqual(relative.suffix(nameLength)) { nameLength = 0 }
        let folder = Folder(path: String(decoding: path.dropLast(nameLength), as: UTF8.self),
                            relative: String(decoding: relative.dropLast(nameLength), as: UTF8.self))
        if folders.last != folder { folders.append(folder) }
        names.append(contentsOf: relative.suffix(nameLength))
        if let link = input.outsideLink { outsideLinks[entries.count] = link }
        entries.append(Entry(end: names.count, folder: UInt32(folders.count - 1), kind: input.kind))
    }

    public static func == (a: BatchInputs, b: BatchInputs) -> Bool { a.elementsEqual(b) }
}

/// A file or folder of the tree that is not processed, and why.
public struct WalkNote: Sendable, Equatable {
    public enum Severity: String, Sendable, Codable {
        /// Counts as a failed file (a symbolic link loop, an unreadable folder, a dangling link).
        case failed
        /// Left out on purpose (not a text type, excluded): listed, not an error.
        case skipped
    }
    public var path: String
    public var relativePath: String
    public var severity: Severity
    public var reason: String
}

/// Walks input folders: recursive, sorted by name (the same order on every machine), hidden files and
/// folders left out, symbolic links followed once (a link back into its own ancestors is a loop and
/// is reported, a folder reached twice is walked once), the output folder never read.
///
///     let walk = try InputWalker(excluding: "out").walk(["articles"])
///     walk.inputs.map(\.relativePath)   // ["de/a.txt", "de/b.md", "fr/c.html"]
public struct InputWalker: Sendable {
    /// Files to take (`--include`); empty: every file of a known type (.txt, .md, .html, .htm).
    public var include: [Glob] = []
    /// Files and folders to leave out (`--exclude`).
    public var exclude: [Glob] = []
    /// Follow symbolic links that lead outside the input folder (their files carry a warning);
    /// false: leave them out, listed (`--no-follow-outside`).
    public var followOutside = true
    private let outputIdentity: FileIdentity?
    private let outputPath: String?

    /// - Parameter output: the output folder (made before the walk): never read, even inside an input folder.
    public init(excluding output: String? = nil, include: [Glob] = [], exclude: [Glob] = [], followOutside: Bool = true) {
        self.include = include
        self.exclude = exclude
        self.followOutside = followOutside
        outputPath = output
        outputIdentity = output.flatMap { FileIdentity(path: $0, follow: true) }
    }

    public struct Walk: Sendable {
        public var inputs = BatchInputs()
        public var notes: [WalkNote] = []
        /// The `.kernsatzignore` files read (the root folders' own), with their patterns.
        public var ignoreFiles: [(path: String, patterns: [String])] = []
    }

    /// The name of a file in an input folder whose lines are patterns to leave out, as `--exclude`
    /// gives them, relative to that folder (`spark/`, `*.py`); `#` starts a comment.
    public static let ignoreFileName = ".kernsatzignore"

    /// The patterns of a root folder's `.kernsatzignore`, or nil when it has none.
    static func ignorePatterns(in folder: String) -> [String]? {
        let path = (folder as NSString).appendingPathComponent(ignoreFileName)
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return String(decoding: data, as: UTF8.self).split(whereSeparator: { $0 == "\n" || $0 == "\r" }).compactMap { line in
            let pattern = line.trimmingCharacters(in: .whitespaces)
            return pattern.isEmpty || pattern.hasPrefix("#") ? nil : pattern
        }
    }

    /// - Throws: `BatchError` when a root does not exist (a walk below it reports problems as notes).
    /// - Complexity: O(*n* log *n*) in the number of entries.
    public func walk(_ roots: [String]) throws(BatchError) -> Walk {
        var walk = Walk()
        var visited: [FileIdentity: String] = [:]
        var prefixes: Set<String> = []
        for root in roots {
            guard let identity = FileIdentity(path: root, follow: true) else {
                let dangling = FileIdentity(path: root, follow: false) != nil
                throw BatchError(.badInput(reason: dangling ? "a symbolic link to nothing (or a link loop)" : "no such file or folder"), path: root)
            }
            if !identity.isDirectory {
                let name = URL(fileURLWithPath: root).lastPathComponent
                if let earlier = visited[identity] {
                    walk.notes.append(WalkNote(path: root, relativePath: name, severity: .skipped,
                                               reason: "the same file as \(earlier) (read once)"))
                    continue
                }
                visited[identity] = root
                if !identity.isRegular {
                    // Reading a pipe (or a device) named here would wait for a writer that may never come.
                    walk.notes.append(WalkNote(path: root, relativePath: name, severity: .skipped,
                                               reason: "not a regular file (a device, socket or pipe)"))
                } else if let kind = kind(name: name, path: name) {
                    walk.inputs.append(BatchInput(path: root, relativePath: name, kind: kind))
                } else {
                    walk.notes.append(WalkNote(path: root, relativePath: name, severity: .skipped, reason: Self.notTextReason(name)))
                }
                continue
            }
            if let outputIdentity, identity == outputIdentity {
                throw BatchError(.badOutput(reason: "is the input folder too; write the results to another folder"), path: outputPath ?? root)
            }
            if let earlier = visited[identity] {
                walk.notes.append(WalkNote(path: root, relativePath: URL(fileURLWithPath: root).lastPathComponent, severity: .skipped,
                                           reason: "the same folder as \(earlier) (walked once)"))
                continue
            }
            // Several roots: each under its own name in the output tree.
            var prefix = ""
            if roots.count > 1 {
                let base = URL(fileURLWithPath: root).standardizedFileURL.lastPathComponent
                var name = base.isEmpty || base == "/" ? "input" : base
                var number = 2
                while prefixes.contains(name) { name = "\(base)-\(number)"; number += 1 }
                prefixes.insert(name)
                prefix = name + "/"
            }
            visited[identity] = root
            let inside = URL(fileURLWithPath: root).resolvingSymlinksInPath().path
            var ignored: [Glob] = []
            if let patterns = Self.ignorePatterns(in: root) {
                walk.ignoreFiles.append(((root as NSString).appendingPathComponent(Self.ignoreFileName), patterns))
                // "spark/" names the folder.
                ignored = patterns.map { Glob($0.hasSuffix("/") ? String($0.dropLast()) : $0) }
            }
            descend(root, relative: prefix, inside: inside, outside: nil, ancestors: [identity], ignored: (ignored, prefix),
                    visited: &visited, into: &walk)
        }
        return walk
    }

    /// - Parameters:
    ///   - inside: the input folder's real path (links resolved): a link whose target is not below it leads outside.
    ///   - outside: the link that led outside on the way to `folder`, if one did.
    ///   - ignored: the root's `.kernsatzignore` patterns, and the root's prefix in `relative` (they match below it).
    private func descend(_ folder: String, relative: String, inside: String, outside: BatchInput.OutsideLink?,
                         ancestors: Set<FileIdentity>, ignored: (globs: [Glob], prefix: String),
                         visited: inout [FileIdentity: String], into walk: inout Walk) {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder)
        } catch {
            walk.notes.append(WalkNote(path: folder, relativePath: relative, severity: .failed,
                                       reason: "the folder cannot be read (\(FileReader.reason(error)))"))
            return
        }
        // An earlier batch's output folder inside the input (not this run's): its summaries, worksheets
        // and report are no articles.
        if !relative.isEmpty, names.contains(OutputPlan.manifestName), Self.isKernsatzManifest(folder + "/" + OutputPlan.manifestName) {
            walk.notes.append(WalkNote(path: folder, relativePath: String(relative.dropLast()), severity: .skipped,
                                       reason: "the output folder of an earlier kernsatz batch (it has a Kernsatz manifest.json); left out"))
            return
        }
        // Byte order of the UTF-8 names: the same on every machine and locale.
        let sorted = names.map { (bytes: Array($0.utf8), name: $0) }.sorted { $0.bytes.lexicographicallyPrecedes($1.bytes) }.map(\.name)
        for name in sorted where !name.hasPrefix(".") {
            let path = folder.hasSuffix("/") ? folder + name : folder + "/" + name
            let relativePath = relative + name
            // A name that is not UTF-8 (Latin-1 names from old archives) comes as U+FFFD and cannot be
            // opened again by that name.
            if name.unicodeScalars.contains("\u{FFFD}") {
                walk.notes.append(WalkNote(path: path, relativePath: relativePath, severity: .failed,
                                           reason: "its name is not valid UTF-8 (shown with �); rename it, e.g. convmv -f latin1 -t utf8 --notest"))
                continue
            }
            guard let identity = FileIdentity(path: path, follow: true) else {
                if let link = FileIdentity(path: path, follow: false), link.isSymbolicLink {
                    // stat fails on a link: to nothing (ENOENT) or around in a circle (ELOOP).
                    let reason = FileIdentity.statError(path) == ELOOP ? "a symbolic link loop" : "a symbolic link to a missing file"
                    walk.notes.append(WalkNote(path: path, relativePath: relativePath, severity: .failed, reason: reason))
                } else {
                    walk.notes.append(WalkNote(path: path, relativePath: relativePath, severity: .failed,
                                               reason: "cannot be read (\(String(cString: strerror(FileIdentity.statError(path)))))"))
                }
                continue
            }
            if exclude.contains(where: { $0.matches(name: name, path: relativePath) }) { continue }
            let belowRoot = String(relativePath.dropFirst(ignored.prefix.count))
            if ignored.globs.contains(where: { $0.matches(name: name, path: belowRoot) }) { continue }
            // A link that leads outside the input folder (to /etc, another user's files …): said, or left out.
            var outside = outside
            if outside == nil, FileIdentity(path: path, follow: false)?.isSymbolicLink == true {
                let target = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
                if target != inside && !target.hasPrefix(inside == "/" ? "/" : inside + "/") {
                    if !followOutside {
                        walk.notes.append(WalkNote(path: path, relativePath: relativePath, severity: .skipped,
                                                   reason: "a symbolic link to \(target), outside the input folder; left out (--no-follow-outside)"))
                        continue
                    }
                    outside = BatchInput.OutsideLink(link: relativePath, target: target)
                }
            }
            if identity.isDirectory {
                if let outputIdentity, identity == outputIdentity { continue }
                if ancestors.contains(identity) {
                    walk.notes.append(WalkNote(path: path, relativePath: relativePath, severity: .failed,
                                               reason: "a symbolic link loop: leads back to a folder it is in"))
                    continue
                }
                if let earlier = visited[identity] {
                    walk.notes.append(WalkNote(path: path, relativePath: relativePath, severity: .skipped,
                                               reason: "the same folder as \(earlier) (walked once)"))
                    continue
                }
                visited[identity] = path
                descend(path, relative: relativePath + "/", inside: inside, outside: outside, ancestors: ancestors.union([identity]),
                        ignored: ignored, visited: &visited, into: &walk)
            } else if identity.isRegular {
                if let earlier = visited[identity] {
                    // A second link to one file (or a file also named as an input): read once, so
                    // that its terms are not counted twice.
                    walk.notes.append(WalkNote(path: path, relativePath: relativePath, severity: .skipped,
                                               reason: "the same file as \(earlier) (read once)"))
                    continue
                }
                visited[identity] = path
                if let kind = kind(name: name, path: relativePath) {
                    walk.inputs.append(BatchInput(path: path, relativePath: relativePath, kind: kind, outsideLink: outside))
                } else if include.isEmpty {
                    walk.notes.append(WalkNote(path: path, relativePath: relativePath, severity: .skipped, reason: Self.notTextReason(name)))
                }
            } else {
                walk.notes.append(WalkNote(path: path, relativePath: relativePath, severity: .skipped,
                                           reason: "not a regular file (a device, socket or pipe)"))
            }
        }
    }

    /// The kind of a file to take, or nil when it is not taken. With `--include`, a matching file of
    /// an unknown type is read as plain text.
    private func kind(name: String, path: String) -> MarkupKind? {
        let known = MarkupKind.kind(forPathExtension: Self.pathExtension(name))
        if include.isEmpty { return known }
        guard include.contains(where: { $0.matches(name: name, path: path) }) else { return nil }
        return known ?? .plain
    }

    /// What follows the last dot of a file name, as `NSString.pathExtension` has it: nothing when
    /// the dot is the name's first character („.profile“) or its last („notes.“).
    static func pathExtension(_ name: String) -> String {
        guard let dot = name.utf8.lastIndex(of: UInt8(ascii: ".")), dot != name.utf8.startIndex else { return "" }
        return String(name[name.utf8.index(after: dot)...])
    }

    /// Whether a file is the manifest of a Kernsatz batch (its first lines name the format).
    static func isKernsatzManifest(_ path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let start = (try? handle.read(upToCount: 128)) ?? Data()
        return String(decoding: start, as: UTF8.self).contains(Batch.manifestFormatLine)
    }

    static func notTextReason(_ name: String) -> String {
        let ext = pathExtension(name)
        return (ext.isEmpty ? "no file name extension" : "not a text type (.\(ext))")
            + "; inputs are .txt, .md, .html and .htm (--include '*.\(ext.isEmpty ? "*" : ext)' reads others as plain text)"
    }
}

/// Device and inode of a file: what tells one folder reached by two paths from two folders.
struct FileIdentity: Hashable, Sendable {
    let device: UInt64
    let inode: UInt64
    let isDirectory: Bool
    let isRegular: Bool
    let isSymbolicLink: Bool

    /// Why stat(2) fails on a path (its errno), 0 when it does not.
    static func statError(_ path: String) -> Int32 {
        var info = stat()
        return stat(path, &info) == 0 ? 0 : errno
    }

    init?(path: String, follow: Bool) {
        var info = stat()
        guard (follow ? stat(path, &info) : lstat(path, &info)) == 0 else { return nil }
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
        let type = info.st_mode & S_IFMT
        isDirectory = type == S_IFDIR
        isRegular = type == S_IFREG
        isSymbolicLink = type == S_IFLNK
    }

    /// The identities of many files as one sorted array of (device, inode) pairs: what tells an
    /// output path that is an input, in 16 bytes a file (a `Set<FileIdentity>` takes about four times that).
    struct SortedKeys: Sendable {
        private struct Key: Comparable, Sendable {
            var device: UInt64
            var inode: UInt64
            static func < (a: Key, b: Key) -> Bool { (a.device, a.inode) < (b.device, b.inode) }
        }
        private let keys: [Key]

        init(_ identities: some Sequence<FileIdentity>) {
            var keys = identities.map { Key(device: $0.device, inode: $0.inode) }
            keys.sort()
            self.keys = keys
        }

        func contains(_ identity: FileIdentity) -> Bool {
            let key = Key(device: identity.device, inode: identity.inode)
            var low = 0
            var high = keys.count
            while low < high {
                let middle = (low + high) / 2
                if keys[middle] < key { low = middle + 1 } else { high = middle }
            }
            return low < keys.count && keys[low] == key
        }
    }

    static func == (a: FileIdentity, b: FileIdentity) -> Bool { a.device == b.device && a.inode == b.inode }
    func hash(into hasher: inout Hasher) {
        hasher.combine(device)
        hasher.combine(inode)
    }
}
