import KernsatzICU

/// A translated worksheet as read back from XLIFF: its skeleton, languages and segments with
/// their targets (what `WorksheetMerge` and a translation check need; nothing of the notes).
public struct ReturnedWorksheet: Sendable, Equatable {
    public enum Version: String, Sendable, Equatable {
        case xliff12 = "1.2"
        case xliff2 = "2"
        /// A DOCX worksheet (`DOCXReader`).
        case docx
    }

    /// One segment: its source and target as plain text (inline elements dropped, their text kept).
    public struct Segment: Sendable, Equatable {
        /// `Segment.id` of the worksheet (`s3` in XLIFF 2, `3` in 1.2).
        public var id: Int
        /// The unit (XLIFF 2) or group (1.2) it belongs to ("u2", "b2"); the trans-unit id when a 1.2 unit has no group.
        public var unit: String
        /// The block kind the file records (`paragraph`, `list-item`, …), if it records one.
        public var kind: String?
        public var source: String
        /// Nil when the segment has no `<target>`.
        public var target: String?
        /// The 1.2 target's `state`, the XLIFF 2 segment's `state`, if given.
        public var state: String?
        /// The line of the segment's start tag (`<segment>`, `<trans-unit>`).
        public var line: Int

        public init(id: Int, unit: String, kind: String? = nil, source: String, target: String?, state: String? = nil, line: Int) {
            self.id = id
            self.unit = unit
            self.kind = kind
            self.source = source
            self.target = target
            self.state = state
            self.line = line
        }

        /// Untranslated: no target, an empty one, or one equal to the source (both trimmed of white space).
        public var isUntranslated: Bool {
            guard let target else { return true }
            let trimmedTarget = target.trimmingWhiteSpace
            return trimmedTarget.isEmpty || trimmedTarget == source.trimmingWhiteSpace
        }
    }

    public var version: Version
    /// The `version` attribute as written ("2.1", "1.2").
    public var versionText: String
    /// The file's `original`: the input the worksheet was made from.
    public var original: String?
    public var sourceLanguage: String?
    public var targetLanguage: String?
    public var skeleton: SkeletonTemplate
    public var segments: [Segment]
}

/// Reads a translated worksheet (XLIFF 2.x or 1.2, as Kernsatz writes it or as a CAT tool writes
/// it back) with `XMLPullReader`: no DTD, no external entity, no entity declaration is ever read,
/// and every problem is a `WorksheetError` naming the file and the line.
///
///     let sheet = try XLIFFReader.read(Array(xliff.utf8), file: "nato.xlf")
///     sheet.segments.map(\.id)           // [1, 2, 3, …]
///     sheet.segments[1].target           // "[EN] Brussels"
///
/// What is read: the root's `version`; the one `<file>`'s `original` and languages; its skeleton
/// (XLIFF 2 `<skeleton>`, 1.2 `<header><skl><internal-file>`); each segment's `<source>` and
/// `<target>` (XLIFF 2 `<segment>` in `<unit>`; 1.2 `<trans-unit>`, in a `<group>` or not). In
/// source and target, `mrk`, `pc` and `g` keep their text; native code (1.2 `ph`, `bpt`, `ept`,
/// `it`) and empty codes are dropped; XLIFF 2 `<cp hex="…"/>` is its character. A `<source>` or
/// `<target>` inside `alt-trans` (suggestions) is not the segment's.
public enum XLIFFReader {
    /// - Parameter file: the name used in errors.
    /// - Throws: `WorksheetError` (`.unreadableXML`, `.notXLIFF`, `.unknownXLIFFVersion`, `.severalFiles`,
    ///   `.notKernsatzWorksheet`, the skeleton's errors, `.badSegmentID`, `.duplicateSegment`), with `file` set.
    public static func read(_ bytes: [UInt8], file: String) throws(WorksheetError) -> ReturnedWorksheet {
        var state = ReaderState()
        do {
            let reader = try XMLPullReader(bytes: bytes)
            while let event = try reader.next() {
                switch event {
                case .start(let name, let attributes, let line): try state.start(name, attributes, line: line)
                case .end(let name, _): try state.end(name)
                case .text(let text): state.text(text)
                }
            }
        } catch let error as ICUError {
            throw problem(error, file: file)
        } catch var error as WorksheetError {
            error.file = file
            throw error
        } catch {
            throw WorksheetError(.unreadableXML("\(error)"), file: file)
        }
        do {
            return try state.finish()
        } catch {
            var error = error
            error.file = file
            throw error
        }
    }

    static func problem(_ error: ICUError, file: String) -> WorksheetError {
        guard case .xml(let problem, let line, let column) = error.kind else {
            return WorksheetError(.unreadableXML(error.description), file: file)
        }
        let at = line > 0 ? line : nil
        let reason: String
        switch problem {
        case .invalidBytes(let encoding, let offset):
            reason = "invalid \(encoding) at byte offset \(offset)\(column > 0 ? ", column \(column)" : ""); a CAT tool saves XLIFF as UTF-8"
        case .unknownEncoding(let name):
            reason = "the XML declaration names the encoding '\(name)', which ICU does not know; save the file as UTF-8"
        case .notWellFormed(let sentence):
            reason = "not well-formed XML: \(column > 0 ? "column \(column): " : "")\(sentence)"
        case .externalDTD(let id):
            reason = "it names the external DTD '\(id)', and Kernsatz never reads files a document names; delete the <!DOCTYPE …> (XLIFF needs none)"
        case .externalEntity(let name):
            reason = "it declares the external entity '\(name)', and Kernsatz never reads files a document names"
        case .internalEntity(let name):
            reason = "it declares or uses the entity '\(name)', and Kernsatz expands no entity declarations; write the text in its place"
        }
        return WorksheetError(.unreadableXML(reason), file: file, line: at)
    }
}

/// The event side of `XLIFFReader`.
private struct ReaderState {
    private var version: ReturnedWorksheet.Version?
    private var versionText = ""
    private var files = 0
    private var original: String?
    private var sourceLanguage: String?
    private var targetLanguage: String?
    private var skeletonText: String?
    private var skeletonLine = 1
    private var externalSkeleton = false
    private var segments: [ReturnedWorksheet.Segment] = []
    private var seenIDs: [Int: String] = [:]

    /// Local names of the open elements.
    private var stack: [String] = []
    // The unit or group being read, and the segment.
    private var group: (id: String, kind: String?)?
    private var unit: (id: String, kind: String?)?
    private var segment: ReturnedWorksheet.Segment?
    private enum Capture { case skeleton, source, target }
    private var capture: Capture?
    private var captureDepth = 0
    /// Depth of native code inside source or target (its text is dropped).
    private var codeDepth = 0
    private var buffer = ""

    mutating func start(_ name: String, _ attributes: [String: String], line: Int) throws(WorksheetError) {
        let local = Self.localName(name)
        let parent = stack.last
        stack.append(local)
        if stack.count == 1 {
            guard local == "xliff" else { throw WorksheetError(.notXLIFF(root: name), line: line) }
            versionText = attributes["version"] ?? ""
            switch versionText {
            case "1.2": version = .xliff12
            case "2.0", "2.1", "2.2": version = .xliff2
            default: throw WorksheetError(.unknownXLIFFVersion(versionText.isEmpty ? nil : versionText), line: line)
            }
            sourceLanguage = attributes["srcLang"]
            targetLanguage = attributes["trgLang"]
            return
        }
        if capture != nil {
            switch local {
            case _ where version == .xliff12 && Self.nativeCode.contains(local): codeDepth += 1
            case "cp" where version == .xliff2 && codeDepth == 0:
                if let hex = attributes["hex"], let value = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(value) {
                    buffer.unicodeScalars.append(scalar)
                }
            default: break
            }
            return
        }
        switch local {
        case "file" where parent == "xliff":
            files += 1
            if files > 1 { throw WorksheetError(.severalFiles(files), line: line) }
            original = attributes["original"]
            if version == .xliff12 {
                sourceLanguage = attributes["source-language"]
                targetLanguage = attributes["target-language"]
            }
        case "skeleton" where parent == "file" && version == .xliff2:
            if attributes["href"] != nil { externalSkeleton = true }
            begin(.skeleton, line: line)
        case "internal-file" where parent == "skl" && version == .xliff12:
            begin(.skeleton, line: line)
        case "external-file" where parent == "skl":
            externalSkeleton = true
        case "group" where version == .xliff12:
            group = (attributes["id"] ?? "?", attributes["restype"].map(Self.kind))
        case "unit" where version == .xliff2:
            unit = (attributes["id"] ?? "?", attributes["type"].map(Self.kind) ?? attributes["name"])
        case "segment" where parent == "unit" && version == .xliff2:
            let unitID = unit?.id ?? "?"
            let id = attributes["id"] ?? ""
            guard id.hasPrefix("s"), let n = Int(id.dropFirst()), n >= 0, String(n) == id.dropFirst() else {
                throw WorksheetError(.badSegmentID(id, unit: unitID), line: line)
            }
            segment = ReturnedWorksheet.Segment(id: n, unit: unitID, kind: unit?.kind, source: "", target: nil,
                                                state: attributes["state"], line: line)
        case "trans-unit" where version == .xliff12:
            let id = attributes["id"] ?? ""
            let unitID = group?.id ?? id
            guard let n = Int(id), n >= 0, String(n) == id else {
                throw WorksheetError(.badSegmentID(id, unit: unitID), line: line)
            }
            segment = ReturnedWorksheet.Segment(id: n, unit: unitID, kind: attributes["restype"].map(Self.kind) ?? group?.kind,
                                                source: "", target: nil, line: line)
        case "source" where segment != nil && (parent == "segment" || parent == "trans-unit"):
            begin(.source, line: line)
        case "target" where segment != nil && (parent == "segment" || parent == "trans-unit"):
            if version == .xliff12, let given = attributes["state"] { segment?.state = given }
            segment?.target = ""
            begin(.target, line: line)
        default:
            break
        }
    }

    private mutating func begin(_ what: Capture, line: Int) {
        capture = what
        captureDepth = stack.count
        codeDepth = 0
        buffer = ""
        if what == .skeleton { skeletonLine = line }
    }

    mutating func text(_ text: String) {
        guard capture != nil, codeDepth == 0 else { return }
        buffer += text
    }

    mutating func end(_ name: String) throws(WorksheetError) {
        let local = stack.popLast() ?? Self.localName(name)
        if let what = capture {
            if stack.count + 1 > captureDepth {
                if codeDepth > 0, version == .xliff12, Self.nativeCode.contains(local) { codeDepth -= 1 }
                return
            }
            capture = nil
            switch what {
            case .skeleton: skeletonText = buffer
            case .source: segment?.source = buffer
            case .target: segment?.target = buffer
            }
            buffer = ""
            return
        }
        switch local {
        case "segment" where version == .xliff2, "trans-unit" where version == .xliff12:
            guard let done = segment else { return }
            segment = nil
            if seenIDs[done.id] != nil {
                throw WorksheetError(.duplicateSegment(segment: done.id, unit: done.unit), line: done.line)
            }
            seenIDs[done.id] = done.unit
            segments.append(done)
        case "unit" where version == .xliff2: unit = nil
        case "group" where version == .xliff12: group = nil
        default: break
        }
    }

    func finish() throws(WorksheetError) -> ReturnedWorksheet {
        guard let version, let skeletonText, !externalSkeleton else {
            throw WorksheetError(.notKernsatzWorksheet)
        }
        let skeleton = try SkeletonTemplate.parse(skeletonText, firstLine: skeletonLine)
        return ReturnedWorksheet(version: version, versionText: versionText, original: original, sourceLanguage: sourceLanguage,
                                 targetLanguage: targetLanguage, skeleton: skeleton, segments: segments)
    }

    /// XLIFF 1.2 inline elements whose content is the native code (`<ph>&lt;br/&gt;</ph>`), not text.
    private static let nativeCode: Set<String> = ["ph", "bpt", "ept", "it"]

    /// "x-list-item" → "list-item", "kz:paragraph" → "paragraph".
    private static func kind(_ value: String) -> String {
        if value.hasPrefix("x-") { return String(value.dropFirst(2)) }
        if let colon = value.firstIndex(of: ":") { return String(value[value.index(after: colon)...]) }
        return value
    }

    private static func localName(_ name: String) -> String {
        name.firstIndex(of: ":").map { String(name[name.index(after: $0)...]) } ?? name
    }
}

extension String {
    /// Without the white space (and line ends) at either end.
    var trimmingWhiteSpace: String {
        guard let first = firstIndex(where: { !$0.isWhitespace }), let last = lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(self[first...last])
    }
}
