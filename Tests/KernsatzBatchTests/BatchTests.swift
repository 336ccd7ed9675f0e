import Foundation
import KernsatzBatch
import Kernsatz
import KernsatzWorksheet
import XCTest
#if canImport(Glibc)
import Glibc
#endif

final class BatchTests: BatchTestCase {
    // MARK: edge cases first

    func testRun_missingInput_throwsBeforeWritingAnything() {
        XCTAssertThrowsError(try runBatch(inputs: [input + "/none"])) { error in
            XCTAssertTrue("\(error)".contains("none: no such file or folder"), "\(error)")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: output + "/manifest.json"))
    }

    func testRun_emptyFolder_writesAReportAndSucceeds() throws {
        try FileManager.default.createDirectory(atPath: input, withIntermediateDirectories: true)
        let summary = try runBatch()
        XCTAssertEqual(summary.total, 0)
        XCTAssertTrue(summary.succeeded)
        XCTAssertTrue(try read("index.html").contains("No file was processed."))
        XCTAssertTrue(try records().isEmpty)
        XCTAssertFalse(FileManager.default.fileExists(atPath: output + "/.kernsatz"), "no state left after a finished run")
    }

    func testRun_badFilesAmongGood_goodOnesDoneBadOnesListedWithReasons() throws {
        try put("good/a.txt", Self.article("die Nato"))
        try put("good/b.txt", Self.article("den Haushalt"))
        try put("binary.txt", [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00])
        try put("broken.txt", Array("Grüße aus München, ".utf8) + [0xFF] + Array(" und mehr.".utf8))
        try put("empty.txt", "")
        try put("blank.md", " \n\n ")
        try FileManager.default.createSymbolicLink(atPath: input + "/good/loop", withDestinationPath: "..")
        var options = BatchOptions()
        options.jobs = 2
        let summary = try runBatch(options)
        XCTAssertEqual(summary.done, 2)
        XCTAssertEqual(summary.failed, 5)
        XCTAssertFalse(summary.succeeded)
        let files = try records()
        XCTAssertEqual(files["good/a.txt"]?["status"] as? String, "done")
        XCTAssertEqual(files["good/b.txt"]?["status"] as? String, "done")
        let reasons = files.compactMapValues { $0["reason"] as? String }
        XCTAssertTrue(reasons["binary.txt"]?.hasPrefix("looks like a binary file") ?? false, "\(reasons)")
        XCTAssertTrue(reasons["broken.txt"]?.hasPrefix("invalid UTF-8 at byte offset 22 (line 1)") ?? false, "\(reasons)")
        XCTAssertEqual(reasons["empty.txt"], "is empty (no text to process)")
        XCTAssertEqual(reasons["blank.md"], "is empty (no text to process)")
        XCTAssertTrue(reasons["good/loop"]?.contains("symbolic link loop") ?? false, "\(reasons)")
        let index = try read("index.html")
        XCTAssertTrue(index.contains("<td>broken.txt</td><td>invalid UTF-8"), "failures are listed in the report")
    }

    func testRun_mirrorsTheTreeAndWritesEachFormat() throws {
        try put("de/2025/a.txt", Self.article("die Nato"))
        var options = BatchOptions()
        options.formats = [.summary, .xliff, .html, .json]
        _ = try runBatch(options)
        for name in ["a.summary.txt", "a.xlf", "a.html", "a.json"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: output + "/de/2025/" + name), name)
        }
        let summary = try read("de/2025/a.summary.txt")
        XCTAssertEqual(summary.split(separator: "\n").count, 3)
        XCTAssertTrue(summary.hasSuffix("\n"))
    }

    func testRun_twoInputsWithOneStem_keepTheirWholeNames() throws {
        try put("a.txt", Self.article("die Nato"))
        try put("a.md", Self.article("den Haushalt"))
        try put("index.txt", Self.article("die Bahn"))
        let summary = try runBatch()
        XCTAssertEqual(summary.done, 3)
        for name in ["a.txt.xlf", "a.md.xlf", "index.txt.html", "index.html"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: output + "/" + name), name)
        }
        XCTAssertTrue(try read("index.html").contains("Kernsatz batch"), "the report keeps its name")
        // Each worksheet's skeleton keeps the form its input was read in.
        XCTAssertTrue(try read("a.txt.xlf").contains("<skeleton>kernsatz-skeleton 1 text\n"))
        XCTAssertTrue(try read("a.md.xlf").contains("<skeleton>kernsatz-skeleton 1 markdown\n"))
    }

    func testRun_outputFolderWithASlashAtTheEnd_namesTheReportWithoutADoubleSlash() throws {
        try put("a.txt", Self.article("die Nato"))
        let summary = try Batch(inputs: [input + "/"], output: output + "/").run()
        XCTAssertEqual(summary.index, output + "/index.html")
        XCTAssertEqual(summary.manifest, output + "/manifest.json")
    }

    func testRun_reportHasSummaryTermsAndLinks() throws {
        try put("de/a.txt", Self.article("die Nato"))
        let matcher = try TermMatcher(glossary: ShippedGlossaries.glossary())
        var options = BatchOptions()
        options.glossaryNames = ["shipped"]
        _ = try Batch(inputs: [input], output: output, options: options, matcher: matcher).run()
        let index = try read("index.html")
        XCTAssertTrue(index.contains("<span class=\"term\">Bündnistreue</span>"), index)
        XCTAssertTrue(index.contains("<a href=\"de/a.xlf\">xliff</a>"))
        XCTAssertTrue(index.contains("<ol class=\"summary\"><li>"))
        let terms = try read("terms.csv")
        XCTAssertTrue(terms.contains("Bündnistreue,"), terms)
        XCTAssertTrue(terms.contains(",de/a.txt\r\n"), terms)
        let record = try XCTUnwrap(try records()["de/a.txt"])
        XCTAssertEqual(record["language"] as? String, "de")
        let outputs = try XCTUnwrap(record["outputs"] as? [[String: Any]])
        XCTAssertEqual(outputs.map { $0["path"] as? String }, ["de/a.summary.txt", "de/a.xlf", "de/a.html"])
        let data = try Data(contentsOf: URL(fileURLWithPath: output + "/de/a.xlf"))
        XCTAssertEqual(outputs[1]["sha256"] as? String, ContentHash.sha256(data))
    }

    func testRun_oneFileOfOneSentence_reportSaysFileSentenceAndTimeInTheSingular() throws {
        try put("a.txt", "Die Lage ist ernst.")
        var options = BatchOptions()
        options.formats = [.summary]
        options.summarySentences = 1
        options.candidateMinimumCount = 1
        _ = try runBatch(options)
        let index = try read("index.html")
        XCTAssertTrue(index.contains("<title>Kernsatz batch: 1 file</title>"), index)
        XCTAssertTrue(index.contains("<span class=\"count\"><b>1</b> file</span>"), index)
        XCTAssertTrue(index.contains("summary: 1 sentence ·"), index)
        XCTAssertTrue(index.contains("seen 1 time or more"), index)
        XCTAssertFalse(index.contains("1 files") || index.contains("1 sentences") || index.contains("1 times"), index)
        XCTAssertEqual(try records()["a.txt"]?["segments"] as? Int, 1, "the manifest keeps its numbers")
    }

    func testRun_summaryOnly_describesFilesAsTheWorksheetRunDoes() throws {
        try put("a.txt", Self.article("die Nato"))
        try put("b.md", "---\ntitle: Haushalt\n---\n\n# Streit\n\n" + Self.article("den Haushalt"))
        let matcher = try TermMatcher(glossary: ShippedGlossaries.glossary())
        var options = BatchOptions()
        options.formats = [.summary]
        _ = try Batch(inputs: [input], output: output, options: options, matcher: matcher).run()
        let lean = try records()
        options.formats = [.summary, .json]
        _ = try Batch(inputs: [input], output: output + "-sheets", options: options, matcher: matcher).run()
        let full = try records(output + "-sheets/manifest.json")
        for path in ["a.txt", "b.md"] {
            for key in ["words", "characters", "segments", "names", "quotes", "numbers", "title", "language"] {
                XCTAssertEqual(lean[path]?[key] as? NSObject, full[path]?[key] as? NSObject, "\(path) \(key)")
            }
            XCTAssertEqual(lean[path]?["summary"] as? [String], full[path]?["summary"] as? [String], path)
            XCTAssertEqual((lean[path]?["terms"] as? [[String: Any]])?.map { $0["term"] as? String },
                           (full[path]?["terms"] as? [[String: Any]])?.map { $0["term"] as? String }, path)
        }
        XCTAssertEqual(lean["b.md"]?["title"] as? String, "Haushalt")
        XCTAssertEqual(try read("a.summary.txt"), try String(contentsOfFile: output + "-sheets/a.summary.txt", encoding: .utf8))
    }

    // MARK: nothing lost

    func testRun_anOutputChangedByHand_isKeptAndTheFileFails_forceReplacesIt() throws {
        try put("a.txt", Self.article("die Nato"))
        _ = try runBatch()
        let edited = output + "/a.xlf"
        try Data("translated by hand".utf8).write(to: URL(fileURLWithPath: edited))
        let second = try runBatch()
        XCTAssertEqual(second.failed, 1)
        XCTAssertEqual(try String(contentsOfFile: edited, encoding: .utf8), "translated by hand")
        XCTAssertTrue((try records()["a.txt"]?["reason"] as? String)?.contains("was not written by Kernsatz") ?? false)
        var options = BatchOptions()
        options.force = true
        XCTAssertTrue(try runBatch(options).succeeded)
        XCTAssertTrue(try String(contentsOfFile: edited, encoding: .utf8).hasPrefix("<?xml"))
    }

    func testRun_aFileThatFailsAtItsLastOutput_leavesNoNewOutputBehind() throws {
        try put("a.txt", Self.article("die Nato"))
        try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        try Data("a page of one's own".utf8).write(to: URL(fileURLWithPath: output + "/a.html"))
        let summary = try runBatch()   // summary, xliff, html: the third is in the way
        XCTAssertEqual(summary.failed, 1)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: output).filter { $0.hasPrefix("a.") }, ["a.html"])
        XCTAssertEqual(try read("a.html"), "a page of one's own")
    }

    func testRun_largeFilesOneAtATime_aFailingOneLetsTheNextGo() throws {
        // Invalid UTF-8 in a large file: it fails while it holds the large files' turn.
        try put("a.txt", Array(String(repeating: "Grüße aus Wien. ", count: 200).utf8) + [0xFF, 0x2E])
        try put("b.txt", Self.article("die Nato") + String(repeating: " Die Debatte geht weiter.", count: 60))
        try put("c.txt", Self.article("den Haushalt") + String(repeating: " Die Debatte geht weiter.", count: 60))
        try put("d.txt", Self.article("die Rente"))
        for jobs in [1, 3] {
            var options = BatchOptions()
            options.largeFileBytes = 1000
            // A budget below any file's estimate: each file runs alone, whatever the jobs.
            options.maxMemory = 1
            options.jobs = jobs
            options.formats = [.summary]
            let summary = try runBatch(options)
            XCTAssertEqual([summary.done, summary.failed], [3, 1], "\(jobs) jobs")
            try FileManager.default.removeItem(atPath: output)
        }
    }

    func testRun_aRunAgain_rewritesItsOwnOutputsWhenSettingsChange() throws {
        try put("a.txt", Self.article("die Nato"))
        _ = try runBatch()
        var options = BatchOptions()
        options.targetLanguage = "fr"
        let second = try runBatch(options)
        XCTAssertTrue(second.succeeded, "the outputs are Kernsatz's own: replaced without --force")
        XCTAssertTrue(try read("a.xlf").contains("trgLang=\"fr\""))
    }

    func testRun_aNarrowerRunBetween_leavesEarlierOutputsKernsatzsOwn() throws {
        try put("a.txt", Self.article("die Nato"))
        try put("b.md", Self.article("den Haushalt"))
        XCTAssertTrue(try runBatch().succeeded)
        var narrow = BatchOptions()
        narrow.include = [Glob("*.md")]
        XCTAssertEqual(try runBatch(narrow).done, 1)
        let left = try XCTUnwrap(try records()["a.txt"], "a file left out is still listed with its outputs")
        XCTAssertEqual(left["status"] as? String, "skipped")
        XCTAssertEqual((left["outputs"] as? [[String: Any]])?.compactMap { $0["path"] as? String }, ["a.summary.txt", "a.xlf", "a.html"])
        try put("a.txt", Self.article("die Rente"))
        let later = try runBatch()
        XCTAssertEqual(later.failed, 0, "a.xlf was written by Kernsatz two runs ago: replaced, not refused")
        XCTAssertTrue(try read("a.summary.txt").contains("die Rente"))
        try FileManager.default.removeItem(atPath: input + "/a.txt")
        try FileManager.default.removeItem(atPath: output + "/a.xlf")
        _ = try runBatch()
        XCTAssertEqual((try records()["a.txt"]?["outputs"] as? [[String: Any]])?.compactMap { $0["path"] as? String },
                       ["a.summary.txt", "a.html"], "only outputs still there are listed")
    }

    func testResume_skipsWhatIsUpToDate_andRedoesWhatChanged() throws {
        try put("a.txt", Self.article("die Nato"))
        try put("b.txt", Self.article("den Haushalt"))
        XCTAssertEqual(try runBatch().done, 2)
        var options = BatchOptions()
        options.resume = true
        let same = try runBatch(options)
        XCTAssertEqual(same.upToDate, 2)
        XCTAssertEqual(same.done, 0)
        try put("b.txt", Self.article("die Rente"))
        try FileManager.default.removeItem(atPath: output + "/a.html")
        let changed = try runBatch(options)
        XCTAssertEqual(changed.done, 2, "a changed input and a missing output are redone")
        XCTAssertTrue(try read("b.summary.txt").contains("die Rente"))
        XCTAssertTrue(FileManager.default.fileExists(atPath: output + "/a.html"))
        options.summarySentences = 1
        XCTAssertEqual(try runBatch(options).done, 2, "other settings: nothing is up to date")
        XCTAssertEqual((try records()["a.txt"]?["summary"] as? [String])?.count, 1)
    }

    func testResume_aFileWhoseOutputNamesChanged_isNotUpToDate() throws {
        try put("a.txt", Self.article("die Nato"))
        XCTAssertTrue(try runBatch().succeeded)
        // A second input with the name „a“: both now keep their whole names (a.txt.xlf, a.md.xlf).
        try put("a.md", Self.article("den Haushalt"))
        var options = BatchOptions()
        options.resume = true
        let resumed = try runBatch(options)
        XCTAssertEqual(resumed.upToDate, 0)
        let outputs = try XCTUnwrap(try records()["a.txt"]?["outputs"] as? [[String: Any]])
        XCTAssertEqual(outputs.map { $0["path"] as? String }, ["a.txt.summary.txt", "a.txt.xlf", "a.txt.html"])
    }

    func testRun_outputsUnderNamesNoLongerWritten_areLeftAndSaid() throws {
        try put("a.txt", Self.article("die Nato"))
        XCTAssertTrue(try runBatch().succeeded)
        try put("a.md", Self.article("den Haushalt"))
        XCTAssertTrue(try runBatch().succeeded)
        let warnings = try XCTUnwrap(try records()["a.txt"]?["warnings"] as? [String])
        XCTAssertEqual(warnings.filter { $0.contains("no longer written") }.count, 3, "\(warnings)")
        XCTAssertTrue(warnings.contains { $0.hasPrefix("a.xlf, an output an earlier run made") }, "\(warnings)")
        XCTAssertTrue(FileManager.default.fileExists(atPath: output + "/a.xlf"))
        XCTAssertTrue(FileManager.default.fileExists(atPath: output + "/a.txt.xlf"))
    }

    func testResume_anotherKernsatzVersion_makesEveryFileOutOfDate() throws {
        try put("a.txt", Self.article("die Nato"))
        var options = BatchOptions()
        options.glossaryFingerprint = "3f0c…"   // a glossary of one's own: the same file before and after
        options.version = "0.1.0"
        XCTAssertTrue(try runBatch(options).succeeded)
        options.resume = true
        options.version = "0.2.0"
        XCTAssertEqual(try runBatch(options).done, 1, "a new version may summarize differently")
    }

    func testResume_afterAKill_finishesFromTheJournal_andThrowsAwayHalfWrittenFiles() throws {
        for n in 1...4 { try put("f\(n).txt", Self.article("Thema \(n)")) }
        _ = try runBatch()
        // A killed run: no manifest yet, a journal with two records and a line cut short, a temporary file.
        let journal = try String(contentsOfFile: output + "/manifest.json", encoding: .utf8)
            .split(separator: "\n").filter { $0.hasPrefix("{\"") && $0.contains("\"status\"") }
            .map { $0.hasSuffix(",") ? String($0.dropLast()) : String($0) }
        XCTAssertEqual(journal.count, 4)
        try FileManager.default.removeItem(atPath: output + "/manifest.json")
        try FileManager.default.removeItem(atPath: output + "/f3.xlf")
        try FileManager.default.removeItem(atPath: output + "/f4.xlf")
        try FileManager.default.createDirectory(atPath: output + "/.kernsatz/tmp", withIntermediateDirectories: true)
        try Data("<?xml half".utf8).write(to: URL(fileURLWithPath: output + "/.kernsatz/tmp/.f3.xlf.1.tmp"))
        let cut = journal[0] + "\n" + journal[1] + "\n" + String(journal[2].prefix(40))
        try Data(cut.utf8).write(to: URL(fileURLWithPath: output + "/.kernsatz/journal.jsonl"))
        var options = BatchOptions()
        options.resume = true
        let resumed = try runBatch(options)
        XCTAssertEqual(resumed.upToDate, 2)
        XCTAssertEqual(resumed.done, 2)
        XCTAssertTrue(resumed.succeeded)
        XCTAssertEqual(try records().count, 4)
        XCTAssertFalse(FileManager.default.fileExists(atPath: output + "/.kernsatz"), "temporary files and the journal are gone")
        XCTAssertTrue(try read("f3.xlf").hasPrefix("<?xml"))
    }

    func testRun_aSecondBatchIntoTheSameFolder_whileOneRuns_isRefusedNamingTheFolderAndProcess() throws {
        try put("a.txt", Self.article("die Nato"))
        // A batch that is running holds the folder's lock file, with its process id in it.
        try FileManager.default.createDirectory(atPath: output + "/.kernsatz/tmp", withIntermediateDirectories: true)
        XCTAssertTrue(FileManager.default.createFile(atPath: output + "/.kernsatz/lock", contents: Data("4242\n".utf8)))
        let running = try XCTUnwrap(FileHandle(forUpdatingAtPath: output + "/.kernsatz/lock"))
        defer { try? running.close() }
        XCTAssertEqual(flock(running.fileDescriptor, LOCK_EX | LOCK_NB), 0)
        XCTAssertTrue(FileManager.default.createFile(atPath: output + "/.kernsatz/tmp/.a.xlf.1.tmp", contents: Data("<?xml".utf8)))
        XCTAssertThrowsError(try runBatch()) { error in
            XCTAssertEqual("\(error)", "\(output): another kernsatz batch (process 4242) is writing into this folder; "
                           + "wait for it to finish, or write to another folder (-o)")
        }
        XCTAssertTrue(FileManager.default.fileExists(atPath: output + "/.kernsatz/tmp/.a.xlf.1.tmp"), "the running batch's temporary files are left alone")
        XCTAssertFalse(FileManager.default.fileExists(atPath: output + "/manifest.json"), "the refused batch wrote nothing")
        flock(running.fileDescriptor, LOCK_UN)
        XCTAssertTrue(try runBatch().succeeded)
        XCTAssertFalse(FileManager.default.fileExists(atPath: output + "/.kernsatz"), "the lock goes with the batch that held it")
    }

    func testRun_aLockLeftByAKilledBatch_doesNotBlockTheNext() throws {
        try put("a.txt", Self.article("die Nato"))
        // kill -9 leaves the lock file, but no process holds it.
        try FileManager.default.createDirectory(atPath: output + "/.kernsatz", withIntermediateDirectories: true)
        XCTAssertTrue(FileManager.default.createFile(atPath: output + "/.kernsatz/lock", contents: Data("999999\n".utf8)))
        var options = BatchOptions()
        options.resume = true
        XCTAssertTrue(try runBatch(options).succeeded)
        XCTAssertFalse(FileManager.default.fileExists(atPath: output + "/.kernsatz"))
    }

    func testRun_batchesStartedTogetherIntoOneFolder_oneRunsTheOthersAreRefused_andNothingIsLost() throws {
        for n in 1...8 { try put("f\(n).txt", Self.article("Thema \(n)")) }
        var options = BatchOptions()
        options.jobs = 1
        for _ in 0..<5 {
            try? FileManager.default.removeItem(atPath: output)
            let outcomes = Outcomes()
            let batch = Batch(inputs: [input], output: output, options: options, matcher: nil)
            DispatchQueue.concurrentPerform(iterations: 4) { _ in
                do { outcomes.add(try batch.run().succeeded ? "ran" : "failed") }
                catch { outcomes.add("\(error)".contains("is writing into this folder") ? "refused" : "\(error)") }
            }
            // Each one either ran or was refused; at least one ran; every output on disk is in the manifest.
            XCTAssertTrue(outcomes.all.allSatisfy { $0 == "ran" || $0 == "refused" }, "\(outcomes.all)")
            XCTAssertGreaterThanOrEqual(outcomes.all.filter { $0 == "ran" }.count, 1)
            let listed = Set(try records().values.flatMap { ($0["outputs"] as? [[String: Any]] ?? []).compactMap { $0["path"] as? String } })
            let written = try FileManager.default.contentsOfDirectory(atPath: output).filter { $0.hasPrefix("f") }
            XCTAssertEqual(written.count, 24)
            XCTAssertEqual(Set(written), listed)
            XCTAssertFalse(FileManager.default.fileExists(atPath: output + "/.kernsatz"))
        }
    }

    func testFailFast_stopsAtTheFirstFailure() throws {
        try put("a.txt", "")
        for n in 1...6 { try put("b\(n).txt", Self.article("Thema \(n)")) }
        var options = BatchOptions()
        options.failFast = true
        options.jobs = 1
        let summary = try runBatch(options)
        XCTAssertEqual(summary.failed, 1)
        XCTAssertEqual(summary.notStarted, 6)
        XCTAssertFalse(summary.succeeded)
        XCTAssertTrue(try read("index.html").contains("the batch stopped at the first failure"))
    }

    func testFailFast_aLinkToNothingFoundByTheWalk_stopsBeforeAnyFile() throws {
        for n in 1...3 { try put("b\(n).txt", Self.article("Thema \(n)")) }
        try FileManager.default.createSymbolicLink(atPath: input + "/a-dangling.txt", withDestinationPath: "nothing.txt")
        var options = BatchOptions()
        options.failFast = true
        let summary = try runBatch(options)
        XCTAssertEqual(summary.failed, 1)
        XCTAssertEqual(summary.done, 0)
        XCTAssertEqual(summary.notStarted, 3)
        XCTAssertFalse(FileManager.default.fileExists(atPath: output + "/b1.summary.txt"))
    }

    func testFailFast_filesNotStarted_keepTheirOutputsAsKernsatzsOwn() throws {
        try put("b.txt", Self.article("die Nato"))
        XCTAssertTrue(try runBatch().succeeded)
        let empty = try put("a.txt", "")
        var options = BatchOptions()
        options.failFast = true
        options.jobs = 1
        XCTAssertEqual(try runBatch(options).notStarted, 1)
        let record = try XCTUnwrap(try records()["b.txt"], "every file has a record, the ones not started too")
        XCTAssertEqual(record["status"] as? String, "skipped")
        XCTAssertTrue((record["reason"] as? String)?.contains("--fail-fast") ?? false)
        try FileManager.default.removeItem(atPath: empty)
        options = BatchOptions()
        options.targetLanguage = "fr"
        let later = try runBatch(options)
        XCTAssertEqual(later.failed, 0, "b.xlf was written by Kernsatz: replaced, not refused as someone else's")
        XCTAssertTrue(try read("b.xlf").contains("trgLang=\"fr\""))
    }

    func testRun_progressEvents_countEveryFileOnce() throws {
        for n in 1...5 { try put("f\(n).txt", Self.article("Thema \(n)")) }
        let seen = Counter()
        var options = BatchOptions()
        options.jobs = 3
        _ = try Batch(inputs: [input], output: output, options: options).run { event in
            if case .file(_, let finished, let total) = event { seen.add(finished, total) }
        }
        XCTAssertEqual(seen.values, [1, 2, 3, 4, 5])
    }

    func testRun_termCandidates_areTheSameWhateverTheNumberOfJobs() throws {
        // „Innenminister“ is a compound only with „innen“ and „Minister“ seen, in one file of many:
        // each worker sees only some files, and the report must still count them all, and name
        // each candidate after its first file in walk order.
        try put("a00.txt", Self.article("den Haushalt") + "\n\nInnen sitzt der Minister, die Europäische Kommission wartet.")
        for n in 1...23 {
            let extra = n % 3 == 0 ? "Die Europäische Kommission und der Innenminister Müller" : "Der Innenminister Müller und die Rüstungsexportkontrolle"
            try put(String(format: "b%02d.txt", n), Self.article("Thema \(n)") + "\n\n\(extra) warten. Des Innenministers Rede, die Rüstungsexportkontrollen.")
        }
        var options = BatchOptions()
        options.formats = [.summary]
        options.jobs = 1
        _ = try runBatch(options)
        let once = try read("term-candidates.csv")
        let onceCandidates = try termCandidates()
        XCTAssertTrue(once.contains("\r\nInnenminister,compound,23,b01.txt,"), once)
        for jobs in [2, 3, 2] {
            try FileManager.default.removeItem(atPath: output)
            options.jobs = jobs
            _ = try runBatch(options)
            XCTAssertEqual(try read("term-candidates.csv"), once, "\(jobs) jobs")
            XCTAssertEqual(try termCandidates(), onceCandidates, "\(jobs) jobs")
        }
    }

    func testResume_termCandidates_countTheFilesThatWereUpToDate() throws {
        try put("a00.txt", Self.article("den Haushalt") + "\n\nInnen sitzt der Minister.")
        for n in 1...6 {
            try put(String(format: "b%02d.txt", n), Self.article("Thema \(n)") + "\n\nDer Innenminister Müller und die Europäische Kommission warten.")
        }
        var options = BatchOptions()
        options.formats = [.summary]
        _ = try runBatch(options)
        let full = try read("term-candidates.csv")
        XCTAssertTrue(full.contains("\r\nInnenminister,compound,6,b01.txt,"), full)
        XCTAssertTrue(full.contains("\r\nEuropäische Kommission,name,6,b01.txt,"), full)
        options.resume = true
        XCTAssertEqual(try runBatch(options).upToDate, 7)
        XCTAssertEqual(try read("term-candidates.csv"), full, "every file up to date")
        try FileManager.default.removeItem(atPath: output + "/b03.summary.txt")
        let partly = try runBatch(options)
        XCTAssertEqual([partly.done, partly.upToDate], [1, 6])
        XCTAssertEqual(try read("term-candidates.csv"), full, "one file redone, six up to date")
    }

    /// The manifest's term candidates, as JSON text.
    private func termCandidates() throws -> String {
        let data = try Data(contentsOf: URL(fileURLWithPath: output + "/manifest.json"))
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let list = try XCTUnwrap(json["termCandidates"] as? [[String: Any]])
        return String(decoding: try JSONSerialization.data(withJSONObject: list, options: [.sortedKeys]), as: UTF8.self)
    }

    // MARK: stream mode

    func testStream_resultsComeInInputOrder_andAnEmptyTextFails() throws {
        var options = BatchOptions()
        options.jobs = 2
        options.formats = [.summary, .md]
        let stream = try BatchStream(options: options, matcher: nil)
        let texts = (1...7).map { BatchStream.Text(id: "\($0)", text: $0 == 4 ? "  " : Self.article("Thema \($0)")) }
        let results = stream.process(texts)
        XCTAssertEqual(results.map(\.record.path), (1...7).map { "\($0)" })
        XCTAssertEqual(results[3].record.status, .failed)
        XCTAssertEqual(results[3].record.reason, "the text is empty")
        XCTAssertTrue(results[4].record.summary?.joined().contains("Thema 5") ?? false)
        XCTAssertEqual(results[0].outputs.map(\.format), [.md])
    }

    // MARK: target language per source language

    func testTargets_perSourceLanguage_eachFileItsTarget_andNoWorksheetWithoutOne() throws {
        try put("de/a.txt", Self.article("Haushalt"))
        try put("en/b.txt", "London – The government met on Monday. Ministers agreed on a plan for the budget.\n")
        try put("fr/c.txt", "Lyon – Le conseil municipal a voté lundi. La majorité a soutenu le projet de budget.\n")
        var options = BatchOptions()
        options.formats = [.summary, .xliff]
        options.targets = try TargetLanguages(parsing: "de:en-GB,fr:de")
        let summary = try runBatch(options)
        XCTAssertEqual(summary.done, 3)
        XCTAssertEqual(summary.withoutWorksheet, 1)
        XCTAssertTrue(try read("de/a.xlf").contains(#"trgLang="en-GB""#))
        XCTAssertTrue(try read("fr/c.xlf").contains(#"trgLang="de""#))
        XCTAssertFalse(FileManager.default.fileExists(atPath: output + "/en/b.xlf"))
        let english = try XCTUnwrap(try records()["en/b.txt"])
        XCTAssertEqual(english["status"] as? String, "done")
        XCTAssertEqual(english["reason"] as? String,
                       "no worksheet: no target language for 'en' texts in --to de:en-GB,fr:de; add one (e.g. --to de:en-GB,fr:de,en:de)")
        XCTAssertEqual((english["outputs"] as? [[String: Any]])?.compactMap { $0["format"] as? String }, ["summary"])
    }

    func testTargets_stream_recordInTheTargetLanguage_hasNoWorksheetOutput() throws {
        var options = BatchOptions()
        options.formats = [.md]
        options.targetLanguage = "en"
        let stream = try BatchStream(options: options, matcher: nil)
        let results = stream.process([BatchStream.Text(id: "e", text: "The government met on Monday. Ministers agreed on a plan.", language: "en"),
                                      BatchStream.Text(id: "d", text: Self.article("Haushalt"), language: "de")])
        XCTAssertEqual(results[0].record.status, .done)
        XCTAssertTrue(results[0].outputs.isEmpty)
        XCTAssertEqual(results[0].record.reason, "no worksheet: the text is in 'en', the target language of --to en; give 'en' texts another one (e.g. --to en:de,en)")
        XCTAssertEqual(results[1].outputs.map(\.format), [.md])
        XCTAssertNil(results[1].record.reason)
    }
}

private final class Counter: @unchecked Sendable {
    // @unchecked: the batch calls its progress handler one event at a time.
    private(set) var values: [Int] = []
    func add(_ finished: Int, _ total: Int) { values.append(finished) }
}

/// Outcomes collected from several threads.
private final class Outcomes: @unchecked Sendable {
    // @unchecked: `values` is only touched under `lock`.
    private let lock = NSLock()
    private var values: [String] = []
    func add(_ value: String) { lock.lock(); values.append(value); lock.unlock() }
    var all: [String] { lock.lock(); defer { lock.unlock() }; return values }
}
