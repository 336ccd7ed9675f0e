import Foundation
import Kernsatz
import KernsatzWorksheet

/// How a batch runs. The defaults are what `kernsatz batch IN -o OUT` does.
public struct BatchOptions: Sendable {
    public var formats: [BatchFormat] = BatchFormat.defaults
    /// The translators' language by the text's language (`--to de:en,en:de`, or `--to en` for all):
    /// translations shown, numbers and dates written for it. A file whose language has no target,
    /// or is its own target, gets no worksheet (its record's `reason` says why).
    public var targets = TargetLanguages(all: "en")
    /// `targets` as written (`en`, `de:en,en:de`); setting it makes that one language every file's target.
    public var targetLanguage: String {
        get { targets.description }
        set { targets = TargetLanguages(all: newValue) }
    }
    /// The language of every input; nil: identified file by file.
    public var language: String?
    /// Sentences of each summary.
    public var summarySentences = 3
    /// Files processed at once; the default is one per core.
    public var jobs = max(1, ProcessInfo.processInfo.activeProcessorCount)
    public var include: [Glob] = []
    public var exclude: [Glob] = []
    /// Follow symbolic links that lead outside the input folders (their files are listed with a
    /// warning); false: leave them out, listed in the report (`--no-follow-outside`).
    public var followLinksOutside = true
    /// Skip files whose outputs are up to date (same input bytes, same settings, outputs as written).
    public var resume = false
    /// Stop at the first file that fails (files already started still finish).
    public var failFast = false
    /// Replace output files Kernsatz did not write (never an input).
    public var force = false
    /// How every file is read (`--input-format`); nil: by extension and content (`ArticleReading`).
    public var inputFormat: MarkupKind?
    /// Larger inputs fail as "too large".
    public var maxBytes = FileReader.defaultMaxBytes
    /// The memory files being worked on may take together (`MemoryGate`): a file is started while
    /// the sum of their estimates (`MemoryGate.estimate`: 160 times a file's size, the worst measured) stays under
    /// it, whatever `jobs` says. Default: half the machine's memory (`MemoryGate.defaultBudget`).
    public var maxMemory = MemoryGate.defaultBudget
    /// From this many bytes, what a file's work freed goes back to the system when it is done
    /// (each thread's heap would otherwise keep its largest file's worth).
    public var largeFileBytes = 4 << 20
    /// Replace invalid bytes with U+FFFD (and warn) instead of failing the file.
    public var lenient = false
    /// The charset of every input (an ICU name: windows-1252, ISO-8859-15, …); nil: detected per file.
    public var encoding: String?
    /// The glossaries' names, shown in worksheets and the report.
    public var glossaryNames: [String] = []
    /// What identifies the glossaries' content in the up-to-date check (their SHA-256, or the
    /// shipped set's version); a change makes every file out of date.
    public var glossaryFingerprint = ""
    /// The version of the program that runs the batch: outputs made by another version are not up to date.
    public var version = ""
    /// Term candidates seen fewer times than this across the batch are left out of the report.
    public var candidateMinimumCount = 3

    public init() {}
}

/// What happens during a batch, in order, one call at a time (the caller needs no lock).
public enum BatchEvent: Sendable {
    /// The walk is done: `total` files to process (`notes` files and folders left out or broken).
    case planned(total: Int, notes: [WalkNote])
    /// A root folder's `.kernsatzignore` was read: what it names is left out (said before `planned`).
    case ignoring(file: String, patterns: [String])
    /// One file is finished (done, up to date or failed); `finished` of `total` so far.
    case file(FileRecord, finished: Int, total: Int)
    /// The files are done; the report is being written.
    case reporting
}

/// How a batch went.
public struct BatchSummary: Sendable, Equatable {
    public var total = 0
    public var done = 0
    public var upToDate = 0
    public var failed = 0
    /// Files and folders left out on purpose (not a text type, a folder reached twice, no
    /// worksheet to write for the file's language and no other format asked for).
    public var skipped = 0
    /// Files done (or up to date) without their worksheets: their language has no target, or is its
    /// own target (`BatchOptions.targets`); the summaries asked for are written.
    public var withoutWorksheet = 0
    /// Files not started because `failFast` stopped the batch.
    public var notStarted = 0
    public var bytes = 0
    public var seconds = 0.0
    /// The report and manifest paths.
    public var index = ""
    public var manifest = ""

    public var succeeded: Bool { failed == 0 && notStarted == 0 }
}
