import ArgumentParser
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `kernsatz batch` over a folder tree, as users run it: a child process per measurement, wall clock
/// and the child's own peak RSS (from `wait4`), beside the peers a user would pick instead — OTS once
/// per file (sequential and two at a time) and sumy LexRank in one Python process.
struct BatchBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Measure `kernsatz batch` on folders of files against OTS and sumy LexRank (wall clock, docs/s, MB/s, peak RSS).",
        discussion: """
            Build both executables with -c release (swift build -c release --product kernsatz; \
            --product kernsatz-bench), then: .build/release/kernsatz-bench batch.
            The articles of --corpus are written once as WORK/corpus-1/<label>/<id>.txt, with 2 and 20 copies \
            (corpus-2, corpus-20: copy-NN/<label>/<id>.txt) for the memory comparison; they are reused when \
            the file count matches. Until `kernsatz batch` exists (detected from `kernsatz batch --help`), \
            `kernsatz summarize` (summary only) or `kernsatz worksheet -o` (other formats) stand in, one \
            process per job over a share of the files. Peak RSS is per process (wait4).
            """
    )

    @Option(help: "JSON Lines corpus with \"id\", \"label\" and \"text\" per line.")
    var corpus = "../shared/data/news/derstandard_dev.jsonl"

    @Option(help: "Folder for the corpus files and outputs (kept for reuse; default: a folder in the temp dir).")
    var work: String?

    @Option(help: ArgumentHelp("Folder for kernsatz's outputs (default: /dev/shm/kernsatz-batchbench-out where /dev/shm is writable, else WORK/out).",
                               discussion: "The peers write nothing (OTS and sumy print to /dev/null): with the outputs on a RAM file system neither side pays for the disk. The rows marked 'output on disk' write into WORK/out, with the file-system floor beside them."))
    var outputs: String?

    @Option(help: "The kernsatz executable (default: the one next to this benchmark).")
    var kernsatz: String?

    @Option(help: "Python venv with sumy and NLTK punkt (../shared/tools/peers/setup.sh).")
    var peersVenv: String?

    @Option(help: "Folder of the peer runners (summarize.py).")
    var peersTools = "../shared/tools/peers"

    @Option(help: "Files on which to time sumy run once per file (its runner's start-up each time); 0: leave out.")
    var sumyPerFile = 20

    @Flag(help: "Also time sumy LexRank in one process over the 20-copy folder (about 80 s).")
    var sumyLarge = false

    @Flag(help: "Leave out OTS and sumy.")
    var skipPeers = false

    @Flag(help: "Leave out the 2- and 20-copy runs (peak memory against corpus size).")
    var skipScale = false

    @Flag(help: "Use the stand-in (summarize / worksheet) even when `kernsatz batch` exists.")
    var standIn = false

    @Option(help: "Timed repetitions; the fastest counts (peak RSS: the largest seen).")
    var repeats = 1

    @Flag(help: "Print the table as Markdown.")
    var markdown = false

    func validate() throws {
        if repeats < 1 { throw ValidationError("--repeats must be at least 1.") }
    }

    func run() throws {
        let workDir = work ?? (NSTemporaryDirectory() as NSString).appendingPathComponent("kernsatz-batchbench")
        let tool = kernsatz ?? Self.siblingExecutable("kernsatz")
        guard FileManager.default.isExecutableFile(atPath: tool) else {
            throw ValidationError("\(tool): no kernsatz executable (build it with swift build -c release --product kernsatz, or give --kernsatz).")
        }
        let records = try BatchCorpus.records(corpus)
        let logs = (workDir as NSString).appendingPathComponent("logs")
        try FileManager.default.createDirectory(atPath: logs, withIntermediateDirectories: true)

        let one = try BatchCorpus.materialize(records, copies: 1, in: workDir)
        let invocation = KernsatzInvocation(executable: tool, useBatch: !standIn && KernsatzInvocation.hasBatch(tool, logs: logs))
        var notes: [String] = []
        if !invocation.useBatch {
            notes.append("kernsatz: `batch` not available, stand-in used: `summarize FILE…` (summary) / `worksheet -o DIR --format …` "
                         + "(other formats; its header holds the summary), `jobs` processes at a time over shares of the files "
                         + "(at most one copy's worth each, so the 2- and 20-copy peak RSS is per share, not per run).")
        }
        print("corpus: \(corpus) — \(one.files.count) files, \(String(format: "%.2f", one.megabytes)) MB; work: \(workDir); best of \(repeats)")
        print("kernsatz: \(tool) (\(invocation.useBatch ? "batch" : "stand-in"))")

        // Outputs of an earlier invocation are moved aside now and deleted at the end, with this run's.
        let diskOutputs = (workDir as NSString).appendingPathComponent("out")
        let ramDisk = "/dev/shm"
        let ramOutputs = outputs ?? (FileManager.default.isWritableFile(atPath: ramDisk) ? ramDisk + "/kernsatz-batchbench-out" : diskOutputs)
        let pid = ProcessInfo.processInfo.processIdentifier
        for folder in Set([diskOutputs, ramOutputs]) where FileManager.default.fileExists(atPath: folder) {
            try FileManager.default.moveItem(atPath: folder, toPath: folder + "-stale-\(pid)")
        }
        defer {
            for folder in Set([diskOutputs, ramOutputs]) {
                try? FileManager.default.removeItem(atPath: folder)
                try? FileManager.default.removeItem(atPath: folder + "-stale-\(pid)")
            }
        }
        print("kernsatz outputs: \(ramOutputs); 'output on disk' rows: \(diskOutputs)")

        var rows: [BatchRow] = []
        func kernsatzRow(_ set: CorpusSet, jobs: Int, formats: String, onDisk: Bool = false) throws -> BatchRow {
            let base = ((onDisk ? diskOutputs : ramOutputs) as NSString)
                .appendingPathComponent("\(set.name)-j\(jobs)-\(formats.replacingOccurrences(of: ",", with: "+"))")
            var out = base
            var attempt = 0
            let run = try measure(repeats: repeats) {
                // A new folder each time, removed only at the end: ext4 makes files slowly right after
                // many were deleted (its inode allocator skips recently freed inodes), which would
                // charge one run for the clean-up of the last.
                attempt += 1
                out = base + "-\(attempt)"
                try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
                return try ChildRunner.run(invocation.commands(set: set, out: out, jobs: jobs, formats: formats, logs: logs),
                                           concurrency: invocation.useBatch ? 1 : jobs)
            }
            if invocation.useBatch && run.ok && !FileManager.default.fileExists(atPath: (out as NSString).appendingPathComponent("manifest.json")) {
                notes.append("kernsatz batch (\(set.name), \(jobs) jobs, \(formats)) wrote no \(out)/manifest.json.")
            }
            return BatchRow(tool: "kernsatz \(formats)" + (onDisk && diskOutputs != ramOutputs ? ", output on disk" : ""), set: set, jobs: jobs, run: run)
        }
        /// The file system's share: each file read and written to a new folder as it is (one file made per
        /// input, as a summary-only batch makes), in this process, timed like the runs around it.
        func copyRow(_ set: CorpusSet) throws -> BatchRow {
            let base = (diskOutputs as NSString).appendingPathComponent("\(set.name)-copy")
            var attempt = 0
            let run = try measure(repeats: repeats) {
                attempt += 1
                let out = base + "-\(attempt)"
                let start = DispatchTime.now().uptimeNanoseconds
                var made = Set<String>()
                for file in set.files {
                    let target = out + "/" + file.dropFirst(set.root.count + 1)
                    let folder = (target as NSString).deletingLastPathComponent
                    if made.insert(folder).inserted {
                        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                    }
                    guard let data = FileManager.default.contents(atPath: file) else { throw ValidationError("\(file): cannot be read") }
                    try data.write(to: URL(fileURLWithPath: target))
                }
                return ChildRun(seconds: Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9, processes: 0,
                                peakKiB: 0, peakSumKiB: 0, failedStatus: 0)
            }
            return BatchRow(tool: "file-system floor: each file copied, on disk", set: set, jobs: 1, run: run)
        }
        for formats in ["summary", "summary,xliff,html"] {
            for jobs in [1, 2] { rows.append(try kernsatzRow(one, jobs: jobs, formats: formats)) }
        }
        if diskOutputs != ramOutputs { rows.append(try kernsatzRow(one, jobs: 2, formats: "summary", onDisk: true)) }
        rows.append(try copyRow(one))
        var scale: [BatchRow] = []
        var large: CorpusSet?
        if !skipScale {
            for copies in [2, 20] {
                let set = try BatchCorpus.materialize(records, copies: copies, in: workDir)
                scale.append(try kernsatzRow(set, jobs: 2, formats: "summary,xliff,html"))
                large = set
            }
            rows += scale
            if let large {
                rows.append(try kernsatzRow(large, jobs: 2, formats: "summary"))
                if diskOutputs != ramOutputs { rows.append(try kernsatzRow(large, jobs: 2, formats: "summary", onDisk: true)) }
                rows.append(try copyRow(large))
            }
        }

        var ots: [BatchRow] = [], sumy: SumyResult?, sumyPerFileRow: BatchRow?, sumyLargeRow: BatchRow?
        if skipPeers {
            notes.append("peers skipped (--skip-peers).")
        } else {
            if let otsPath = ChildRunner.which("ots") {
                // As summarize.py runs it (`ots --dic=de --html --ratio=20`), with the file as argument.
                let otsLog = (logs as NSString).appendingPathComponent("ots.err")
                let commands = one.files.map {
                    ChildCommand(argv: [otsPath, "--dic=de", "--html", "--ratio=20", $0], stdout: "/dev/null",
                                 stderr: otsLog, appendStderr: true)
                }
                for processes in [1, 2] {
                    let run = try measure(repeats: repeats) {
                        try? FileManager.default.removeItem(atPath: otsLog)
                        return try ChildRunner.run(commands, concurrency: processes)
                    }
                    ots.append(BatchRow(tool: "OTS, a process per file", set: one, jobs: processes, run: run))
                }
                // The large folder once (it takes about 45 s): the same comparison where start-up counts less.
                if let large {
                    let commands = large.files.map {
                        ChildCommand(argv: [otsPath, "--dic=de", "--html", "--ratio=20", $0], stdout: "/dev/null",
                                     stderr: otsLog, appendStderr: true)
                    }
                    ots.append(BatchRow(tool: "OTS, a process per file", set: large, jobs: 1,
                                        run: try ChildRunner.run(commands, concurrency: 1)))
                }
                rows += ots
            } else {
                notes.append("OTS: `ots` not found on PATH (../shared/tools/peers/setup.sh installs it) — left out.")
            }
            let venv = peersVenv ?? (NSHomeDirectory() as NSString).appendingPathComponent(".kernsatz-peers")
            switch try SumyResult.measure(files: one.files, venv: venv, tools: peersTools, work: workDir, repeats: repeats) {
            case .success(let result):
                sumy = result
                rows.append(BatchRow(tool: "sumy LexRank, one process", set: one, jobs: 1, run: result.run))
            case .failure(let note):
                notes.append("sumy LexRank: \(note) — left out.")
            }
            if sumyLarge, let large {
                switch try SumyResult.measure(files: large.files, venv: venv, tools: peersTools, work: workDir, repeats: 1) {
                case .success(let result):
                    sumyLargeRow = BatchRow(tool: "sumy LexRank, one process", set: large, jobs: 1, run: result.run)
                    rows.append(sumyLargeRow!)
                case .failure(let note):
                    notes.append("sumy LexRank over \(large.files.count) files: \(note) — left out.")
                }
            }
            // sumy as its runner is used file by file (`summarize.py --tool sumy-lexrank FILE`), like
            // OTS: timed on the first files, the folder's time projected from their mean.
            let python = (venv as NSString).appendingPathComponent("bin/python")
            let runner = (URL(fileURLWithPath: peersTools).standardizedFileURL.path as NSString).appendingPathComponent("summarize.py")
            if sumyPerFile > 0, FileManager.default.isExecutableFile(atPath: python), FileManager.default.fileExists(atPath: runner) {
                let sample = Array(one.files.prefix(sumyPerFile))
                var environment = ProcessInfo.processInfo.environment
                environment["VIRTUAL_ENV"] = venv
                let commands = sample.map {
                    ChildCommand(argv: [python, runner, "--tool", "sumy-lexrank", "--sentences", "3", $0], stdout: "/dev/null",
                                 stderr: (logs as NSString).appendingPathComponent("sumy-per-file.err"), environment: environment,
                                 appendStderr: true)
                }
                var run = try ChildRunner.run(commands, concurrency: 1)
                let perFile = run.seconds / Double(sample.count)
                notes.append(String(format: "sumy LexRank once per file: %.2f s per file over the first %d files; the %d files "
                                    + "projected at %.0f s", perFile, sample.count, one.files.count, perFile * Double(one.files.count)))
                run.seconds = perFile * Double(one.files.count)
                sumyPerFileRow = BatchRow(tool: "sumy LexRank, a process per file (projected)", set: one, jobs: 1, run: run)
                rows.append(sumyPerFileRow!)
            }
        }

        print("")
        printTable(rows)
        print("")
        let k1 = rows.first { $0.tool == "kernsatz summary" && $0.jobs == 1 && $0.set.copies == 1 }
        let k2 = rows.first { $0.tool == "kernsatz summary" && $0.jobs == 2 && $0.set.copies == 1 }
        let d1 = rows.first { $0.tool == "kernsatz summary,xliff,html" && $0.jobs == 1 && $0.set.copies == 1 }
        let d2 = rows.first { $0.tool == "kernsatz summary,xliff,html" && $0.jobs == 2 && $0.set.copies == 1 }
        func ratio(_ label: String, _ a: BatchRow?, _ b: BatchRow?) {
            guard let a, let b, a.run.ok, b.run.ok else { return }
            print(label.padding(toLength: 52, withPad: " ", startingAt: 0) + String(format: "%8.1f×", b.run.seconds / a.run.seconds))
        }
        print("ratios (wall time of the second ÷ the first: how many times faster the first is)")
        ratio("kernsatz summary, 1 job vs OTS per file", k1, ots.first { $0.jobs == 1 })
        ratio("kernsatz summary, 2 jobs vs OTS per file", k2, ots.first { $0.jobs == 1 })
        ratio("kernsatz summary, 2 jobs vs OTS, 2 processes", k2, ots.first { $0.jobs == 2 })
        ratio("kernsatz summary,xliff,html, 2 jobs vs OTS per file", d2, ots.first { $0.jobs == 1 })
        if let sumy, let k1, k1.run.ok {
            ratio("kernsatz summary, 1 job vs sumy LexRank", k1, rows.first { $0.tool.hasPrefix("sumy") })
            ratio("kernsatz summary, 2 jobs vs sumy LexRank", k2, rows.first { $0.tool.hasPrefix("sumy") })
            ratio("kernsatz summary,xliff,html, 2 jobs vs sumy LexRank", d2, rows.first { $0.tool.hasPrefix("sumy") })
            print("kernsatz summary, 1 job vs sumy LexRank w/o startup".padding(toLength: 52, withPad: " ", startingAt: 0)
                  + String(format: "%8.1f×", sumy.loopSeconds / k1.run.seconds))
        }
        if let large {
            ratio("kernsatz summary, 2 jobs vs OTS per file, \(large.files.count) files",
                  rows.first { $0.tool == "kernsatz summary" && $0.set.copies == large.copies },
                  ots.first { $0.set.copies == large.copies })
            ratio("kernsatz summary,xliff,html, 2 jobs vs OTS per file, \(large.files.count) files",
                  scale.last, ots.first { $0.set.copies == large.copies })
            ratio("kernsatz summary, 2 jobs vs sumy LexRank, \(large.files.count) files",
                  rows.first { $0.tool == "kernsatz summary" && $0.set.copies == large.copies }, sumyLargeRow)
            ratio("file-system floor vs sumy LexRank, \(large.files.count) files",
                  rows.first { $0.tool.hasPrefix("file-system floor") && $0.set.copies == large.copies }, sumyLargeRow)
        }
        let disk1 = rows.first { $0.tool == "kernsatz summary, output on disk" && $0.set.copies == 1 }
        ratio("kernsatz summary on disk, 2 jobs vs OTS per file", disk1, ots.first { $0.jobs == 1 && $0.set.copies == 1 })
        ratio("kernsatz summary on disk, 2 jobs vs sumy LexRank", disk1, rows.first { $0.tool.hasPrefix("sumy") && $0.set.copies == 1 })
        if let large {
            let diskLarge = rows.first { $0.tool == "kernsatz summary, output on disk" && $0.set.copies == large.copies }
            ratio("kernsatz summary on disk, 2 jobs vs OTS, \(large.files.count) files", diskLarge, ots.first { $0.set.copies == large.copies })
            ratio("kernsatz summary on disk, 2 jobs vs sumy, \(large.files.count) files", diskLarge, sumyLargeRow)
        }
        ratio("kernsatz summary, 2 jobs vs sumy once per file", k2, sumyPerFileRow)
        ratio("file-system floor vs sumy LexRank", rows.first { $0.tool.hasPrefix("file-system floor") && $0.set.copies == 1 },
              rows.first { $0.tool.hasPrefix("sumy") && $0.set.copies == 1 })
        ratio("speed-up 1 → 2 jobs, summary", k2, k1)
        ratio("speed-up 1 → 2 jobs, summary,xliff,html", d2, d1)
        if scale.count == 2, scale.allSatisfy({ $0.run.ok }), scale[0].run.peakKiB > 0 {
            print("peak RSS \(scale[1].set.files.count) files ÷ \(scale[0].set.files.count) files".padding(toLength: 52, withPad: " ", startingAt: 0)
                  + String(format: "%8.2f×", Double(scale[1].run.peakKiB) / Double(scale[0].run.peakKiB))
                  + "  (\(scale[1].run.peakKiB / 1024) vs \(scale[0].run.peakKiB / 1024) MiB)")
        }
        if let sumy {
            print("")
            print(String(format: "sumy LexRank: interpreter + imports + Punkt/stemmer setup %.2f s (imports/setup alone %.2f s); "
                         + "loop %.2f s = %.1f docs/s, %.3f MB/s without startup",
                         sumy.run.seconds - sumy.loopSeconds, sumy.setupSeconds, sumy.loopSeconds,
                         Double(one.files.count) / sumy.loopSeconds, one.megabytes / sumy.loopSeconds))
        }
        for row in rows where !row.run.ok {
            notes.append("\(row.tool) (\(row.jobs) jobs, \(row.set.name)): a child failed (\(row.run.failure)); see \(logs).")
        }
        if rows.contains(where: { $0.run.processes > 1 && $0.run.processes == $0.jobs }) {
            notes.append("multi-process rows: peak RSS is the largest single process; \"sum\" adds the peaks of processes that ran at once.")
        }
        if !notes.isEmpty {
            print("")
            for note in notes { print("note: \(note)") }
        }
    }

    /// Best of `repeats` by wall time (a failed run never counts as best); peak RSS: the largest seen.
    private func measure(repeats: Int, _ body: () throws -> ChildRun) throws -> ChildRun {
        var best = try body()
        for _ in 1..<max(1, repeats) {
            let run = try body()
            let peak = max(best.peakKiB, run.peakKiB), sum = max(best.peakSumKiB, run.peakSumKiB)
            if !best.ok || (run.ok && run.seconds < best.seconds) { best = run }
            best.peakKiB = peak
            best.peakSumKiB = sum
        }
        return best
    }

    private func printTable(_ rows: [BatchRow]) {
        let header = ["tool", "jobs", "files", "MB", "wall s", "docs/s", "MB/s", "peak RSS MiB"]
        let cells: [[String]] = rows.map { row in
            let r = row.run, mb = row.set.megabytes
            var rss = r.processes == 0 ? "–" : "\(r.peakKiB / 1024)"
            if r.processes > 1 && r.processes == row.jobs { rss += " (sum \(r.peakSumKiB / 1024))" }
            return [row.tool + (r.ok ? "" : " FAILED"), "\(row.jobs)", "\(row.set.files.count)", String(format: "%.2f", mb),
                    String(format: "%.2f", r.seconds), String(format: "%.1f", Double(row.set.files.count) / r.seconds),
                    String(format: "%.3f", mb / r.seconds), rss]
        }
        if markdown {
            print("| " + header.joined(separator: " | ") + " |")
            print("|" + header.enumerated().map { $0.offset == 0 ? "---|" : "---:|" }.joined())
            for row in cells { print("| " + row.joined(separator: " | ") + " |") }
            return
        }
        var widths = header.map(\.count)
        for row in cells { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) } }
        func line(_ row: [String]) -> String {
            row.enumerated().map { i, cell in
                let pad = String(repeating: " ", count: widths[i] - cell.count)
                return i == 0 ? cell + pad : pad + cell
            }.joined(separator: "  ")
        }
        print(line(header))
        for row in cells { print(line(row)) }
    }

    static func siblingExecutable(_ name: String) -> String {
        let me = Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
        return me.resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent(name).path
    }
}

/// One line of the table.
struct BatchRow {
    var tool: String
    var set: CorpusSet
    var jobs: Int
    var run: ChildRun
}

// MARK: - Corpus folders

/// A corpus written out as files: WORK/corpus-N/[copy-NN/]<label>/<id>.txt.
struct CorpusSet {
    var name: String
    var root: String
    var copies: Int
    var files: [String]
    var bytes: Int
    var megabytes: Double { Double(bytes) / 1e6 }
}

enum BatchCorpus {
    struct Record { var id: String, label: String, text: String }

    static func records(_ path: String) throws -> [Record] {
        guard let data = FileManager.default.contents(atPath: path) else { throw ValidationError("\(path): cannot be read") }
        var records: [Record] = []
        for (number, line) in String(decoding: data, as: UTF8.self).split(separator: "\n").enumerated() {
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  let text = object["text"] as? String else {
                throw ValidationError("\(path):\(number + 1): not a JSON object with a \"text\" field")
            }
            let id = (object["id"] as? String) ?? String(format: "doc-%05d", number)
            records.append(Record(id: safeName(id), label: safeName((object["label"] as? String) ?? "unlabelled"), text: text))
        }
        if records.isEmpty { throw ValidationError("\(path): no records") }
        return records
    }

    /// A path component: no separators, no leading dot.
    static func safeName(_ name: String) -> String {
        let cleaned = String(name.map { $0 == "/" || $0 == "\\" || $0 == "\0" ? "_" : $0 })
        return cleaned.isEmpty || cleaned.hasPrefix(".") ? "_" + cleaned : cleaned
    }

    /// Writes the set unless a folder with the right number of files is there already.
    static func materialize(_ records: [Record], copies: Int, in work: String) throws -> CorpusSet {
        let root = (work as NSString).appendingPathComponent("corpus-\(copies)")
        var files: [String] = [], bytes = 0
        var texts: [(path: String, text: String)] = []
        for copy in 1...copies {
            let base = copies == 1 ? root : (root as NSString).appendingPathComponent(String(format: "copy-%02d", copy))
            for record in records {
                let path = "\(base)/\(record.label)/\(record.id).txt"
                files.append(path)
                bytes += record.text.utf8.count
                texts.append((path, record.text))
            }
        }
        if countFiles(under: root) != files.count || !files.allSatisfy({ FileManager.default.fileExists(atPath: $0) }) {
            try? FileManager.default.removeItem(atPath: root)
            for (path, text) in texts {
                try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            }
            print("wrote \(files.count) files to \(root)")
        }
        return CorpusSet(name: "corpus-\(copies)", root: root, copies: copies, files: files, bytes: bytes)
    }

    static func countFiles(under root: String) -> Int {
        guard let walker = FileManager.default.enumerator(atPath: root) else { return 0 }
        var count = 0
        while let next = walker.nextObject() as? String {
            if next.hasSuffix(".txt") { count += 1 }
        }
        return count
    }
}

// MARK: - How kernsatz is invoked

/// The one place that knows the command line of a kernsatz measurement.
struct KernsatzInvocation {
    var executable: String
    var useBatch: Bool

    /// `kernsatz batch --help` mentions --jobs once the command exists.
    static func hasBatch(_ executable: String, logs: String) -> Bool {
        let help = (logs as NSString).appendingPathComponent("batch-help.txt")
        let command = ChildCommand(argv: [executable, "batch", "--help"], stdout: help, stderr: "/dev/null")
        guard let run = try? ChildRunner.run([command], concurrency: 1), run.ok,
              let text = try? String(contentsOfFile: help, encoding: .utf8) else { return false }
        return text.contains("--jobs")
    }

    /// The processes of one measurement (run `jobs` at a time by the stand-in, alone for batch).
    func commands(set: CorpusSet, out: String, jobs: Int, formats: String, logs: String) -> [ChildCommand] {
        let tag = "\(set.name)-j\(jobs)-\(formats.replacingOccurrences(of: ",", with: "+"))"
        if useBatch {
            return [ChildCommand(argv: [executable, "batch", set.root, "-o", out, "--jobs", "\(jobs)", "--quiet", "--formats", formats],
                                 stdout: (logs as NSString).appendingPathComponent("\(tag).out"),
                                 stderr: (logs as NSString).appendingPathComponent("\(tag).err"))]
        }
        // Stand-in: the files in contiguous shares, run `jobs` at a time. worksheet -o writes DIR/<stem>.<ext>
        // and refuses two inputs with one stem, so a share holds at most one copy's worth of files
        // (contiguous, it then never repeats a stem): max(jobs, copies) shares.
        let others = formats.split(separator: ",").map(String.init).filter { $0 != "summary" }
        let shares = max(jobs, set.copies)
        let share = (set.files.count + shares - 1) / shares
        return stride(from: 0, to: set.files.count, by: share).enumerated().map { index, start in
            let files = Array(set.files[start..<min(start + share, set.files.count)])
            let shard = (out as NSString).appendingPathComponent("job-\(index + 1)")
            let err = (logs as NSString).appendingPathComponent("\(tag)-\(index + 1).err")
            if others.isEmpty {
                try? FileManager.default.createDirectory(atPath: shard, withIntermediateDirectories: true)
                return ChildCommand(argv: [executable, "summarize"] + files,
                                    stdout: (shard as NSString).appendingPathComponent("summaries.txt"), stderr: err)
            }
            return ChildCommand(argv: [executable, "worksheet", "--format", others.joined(separator: ","), "--force", "-o", shard] + files,
                                stdout: "/dev/null", stderr: err)
        }
    }
}

// MARK: - sumy LexRank

struct SumyResult {
    var run: ChildRun
    var setupSeconds: Double
    var loopSeconds: Double

    enum Outcome { case success(SumyResult), failure(String) }

    /// One Python process: imports summarize.py's sumy setup, then summarizes every file (3 sentences);
    /// prints its own setup and loop times as JSON.
    static let program = """
        import json, sys, time
        t0 = time.perf_counter()
        sys.path.insert(0, sys.argv[1])
        import importlib, summarize
        summarize.sumy_parts()
        importlib.import_module("sumy.summarizers.lex_rank")
        t1 = time.perf_counter()
        with open(sys.argv[2], encoding="utf-8") as f:
            paths = f.read().splitlines()
        picked = 0
        for path in paths:
            with open(path, encoding="utf-8") as f:
                picked += len(summarize.summarize_sumy("sumy-lexrank", f.read(), 3, None))
        t2 = time.perf_counter()
        print(json.dumps({"setup": t1 - t0, "loop": t2 - t1, "files": len(paths), "sentences": picked}))
        """

    static func measure(files: [String], venv: String, tools: String, work: String, repeats: Int) throws -> Outcome {
        let python = (venv as NSString).appendingPathComponent("bin/python")
        guard FileManager.default.isExecutableFile(atPath: python) else {
            return .failure("no Python at \(python) (../shared/tools/peers/setup.sh, or --peers-venv)")
        }
        let toolsDir = URL(fileURLWithPath: tools).standardizedFileURL.path
        guard FileManager.default.fileExists(atPath: (toolsDir as NSString).appendingPathComponent("summarize.py")) else {
            return .failure("no summarize.py in \(toolsDir) (--peers-tools)")
        }
        let list = (work as NSString).appendingPathComponent("logs/sumy-files.txt")
        try Data((files.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: list))
        let out = (work as NSString).appendingPathComponent("logs/sumy.json")
        let err = (work as NSString).appendingPathComponent("logs/sumy.err")
        // summarize.py re-executes itself unless PYTHONHASHSEED is set; pin it (and one BLAS thread) as it does.
        var environment = ProcessInfo.processInfo.environment
        environment["PYTHONHASHSEED"] = "0"
        environment["OPENBLAS_NUM_THREADS"] = environment["OPENBLAS_NUM_THREADS"] ?? "1"
        environment["OMP_NUM_THREADS"] = environment["OMP_NUM_THREADS"] ?? "1"
        environment["VIRTUAL_ENV"] = venv
        let command = ChildCommand(argv: [python, "-c", program, toolsDir, list], stdout: out, stderr: err, environment: environment)
        var best: SumyResult?
        for _ in 0..<repeats {
            let run = try ChildRunner.run([command], concurrency: 1)
            guard run.ok, let data = FileManager.default.contents(atPath: out),
                  let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
                  let setup = object["setup"] as? Double, let loop = object["loop"] as? Double else {
                let tail = (try? String(contentsOfFile: err, encoding: .utf8))?.split(separator: "\n").suffix(3).joined(separator: " / ") ?? ""
                return .failure("the Python process failed (\(run.failure)): \(tail)")
            }
            var result = SumyResult(run: run, setupSeconds: setup, loopSeconds: loop)
            if let previous = best {
                result.run.peakKiB = max(result.run.peakKiB, previous.run.peakKiB)
                if previous.run.seconds <= run.seconds {
                    result = previous
                    result.run.peakKiB = max(result.run.peakKiB, run.peakKiB)
                }
            }
            best = result
        }
        return .success(best!)
    }
}

// MARK: - Child processes with their own rusage

struct ChildCommand {
    var argv: [String]
    var stdout: String
    var stderr: String
    var environment: [String: String]? = nil
    /// Add to the stderr file instead of replacing it (many short children sharing one log).
    var appendStderr = false
    /// The file the child reads as standard input.
    var stdin = "/dev/null"
}

/// Wall time of a set of child processes and their peak RSS, each from its own `wait4`.
struct ChildRun {
    var seconds: Double
    var processes: Int
    /// The largest peak RSS of any one child, KiB.
    var peakKiB: Int
    /// The sum of the children's peaks (meaningful when they all ran at once), KiB.
    var peakSumKiB: Int
    /// Wait status of the first child that did not exit 0 (0: all did).
    var failedStatus: Int32
    var ok: Bool { failedStatus == 0 }
    /// The failure as words: "exit N" or "signal N".
    var failure: String {
        failedStatus & 0x7f == 0 ? "exit \((failedStatus >> 8) & 0xff)" : "signal \(failedStatus & 0x7f)"
    }
}

enum ChildRunner {
    /// Runs the commands, at most `concurrency` at a time, in order.
    static func run(_ commands: [ChildCommand], concurrency: Int) throws -> ChildRun {
        let start = DispatchTime.now().uptimeNanoseconds
        var next = 0, running = Set<pid_t>()
        var peak = 0, sum = 0, failed: Int32 = 0
        while next < commands.count || !running.isEmpty {
            while next < commands.count && running.count < max(1, concurrency) {
                running.insert(try spawn(commands[next]))
                next += 1
            }
            let (pid, status, maxrss) = try reapAny()
            guard running.remove(pid) != nil else { continue }
            peak = max(peak, maxrss)
            sum += maxrss
            if status != 0 && failed == 0 { failed = status }
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        return ChildRun(seconds: seconds, processes: commands.count, peakKiB: peak, peakSumKiB: sum, failedStatus: failed)
    }

    /// First executable called `name` on PATH.
    static func which(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// posix_spawn with stdin, stdout and stderr from and to files. The pointer work of this
    /// benchmark is here and in `reapAny`: Foundation's Process reaps its children itself, which
    /// leaves no way to read one child's rusage; wait4 on our own spawn gives exactly that.
    private static func spawn(_ command: ChildCommand) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, command.stdin, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, command.stdout, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, command.stderr, O_WRONLY | O_CREAT | (command.appendStderr ? O_APPEND : O_TRUNC), 0o644)
        let environment = command.environment ?? ProcessInfo.processInfo.environment
        let argv = command.argv.map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        var pid: pid_t = 0
        let error = posix_spawnp(&pid, command.argv[0], &actions, nil, argv, envp)
        guard error == 0 else {
            throw ValidationError("cannot start \(command.argv[0]): \(String(cString: strerror(error)))")
        }
        return pid
    }

    /// Waits for any child; its pid, wait status and peak RSS in KiB (Linux ru_maxrss unit).
    private static func reapAny() throws -> (pid_t, Int32, Int) {
        var status: Int32 = 0
        var usage = rusage()
        while true {
            let pid = wait4(-1, &status, 0, &usage)
            if pid > 0 { return (pid, status, Int(usage.ru_maxrss)) }
            if errno != EINTR { throw ValidationError("wait4: \(String(cString: strerror(errno)))") }
        }
    }
}
