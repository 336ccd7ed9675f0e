import ArgumentParser
import Foundation
import KernsatzWorksheet

extension KernsatzCommand {
    struct MergeCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "merge",
            abstract: "Merge translated XLIFF worksheets back into documents: the source's layout with the translations.",
            discussion: """
                Reads XLIFF 2.1 (2.0, 2.2) and XLIFF 1.2 worksheets that Kernsatz wrote, after a translator or a CAT \
                tool (OmegaT, Translate Toolkit, …) filled their targets, and DOCX worksheets whose translation column \
                a reviewer filled in Word or LibreOffice, and writes the target document in the form \
                of the source: plain text with the same layout (metadata header, teaser, dateline, headings, blank \
                lines, list markers), Markdown with its block markup, HTML with the article's block elements. \
                Everything merge needs is in the worksheet (the XLIFF's skeleton, the DOCX's Kernsatz data part): the \
                source file is not read.
                Output: <original name>.<target language>.<txt|md|html> (nato.txt, en → nato.en.txt) in -o DIR \
                (default: the current folder); -o - writes one document to standard output. A FOLDER argument merges \
                every .xlf, .xliff and .docx file under it and keeps their relative paths: merge returned/ -o translated/. \
                Files are written whole (a temporary file, renamed), and an existing file with other content is \
                never replaced without --force.
                Untranslated segments (no target, an empty one, or one equal to the source) keep their source text \
                and are listed on standard error ("nato.xlf: 2 of 23 segments untranslated: 5, 9"); with --strict \
                that fails instead and nothing is written.
                Exit status: 0 all merged, 1 a file failed (the others are still merged, except with --strict), 64 usage.
                """
        )

        @Argument(help: ArgumentHelp("Translated worksheets (.xlf, .xliff, .docx), or folders of them (- reads standard input).",
                                     valueName: "file"), completion: .file())
        var paths: [String] = []

        @Option(name: .shortAndLong, help: ArgumentHelp("Write the documents into DIR (made if missing); - : standard output, for one worksheet.",
                                                        valueName: "dir"), completion: .directory)
        var output: String = "."

        @Flag(help: "Replace output files that exist with other content (without it, an existing file is never touched).")
        var force = false

        @Flag(help: "Fail (exit 1, nothing written) when a segment is untranslated, instead of keeping its source.")
        var strict = false

        func validate() throws {
            if paths.isEmpty { throw ValidationError("Give the translated worksheets (FILE… or a folder).") }
            if output.isEmpty { throw ValidationError("-o needs a folder (or - for standard output).") }
            if output == "-" {
                if paths.count > 1 { throw ValidationError("-o - writes one document; several worksheets need -o DIR.") }
                if paths[0] != "-", Self.isFolder(paths[0]) {
                    throw ValidationError("-o - writes one document; a folder of worksheets needs -o DIR.")
                }
            }
        }

        /// A worksheet to merge: where it is, how it is named in messages, and the folder its document goes to.
        struct Job {
            let path: String
            let name: String
            let folder: String
        }

        /// A merged document ready to be written.
        struct Ready {
            let job: Job
            let document: MergedDocument
            let target: String
        }

        func run() throws {
            var ok = true
            var jobs: [Job] = []
            for path in paths {
                do {
                    jobs += try Self.jobs(for: path, into: output)
                } catch {
                    Output.warn("\(error)")
                    ok = false
                }
            }
            var ready: [Ready] = []
            var claimed: [String: String] = [:]
            for job in jobs {
                do {
                    let document = try merge(job)
                    if output == "-" {
                        ready.append(Ready(job: job, document: document, target: "-"))
                        continue
                    }
                    let target = URL(fileURLWithPath: job.folder).appendingPathComponent(document.fileName(fallback: job.name)).path
                    if job.path != "-", WorksheetCommand.sameFile(job.path, target) {
                        throw CLIError("\(job.name): its document would be the worksheet itself (\(target)); write to another folder with -o")
                    }
                    if let earlier = claimed[target] {
                        throw CLIError("\(job.name): its document would be \(target), which \(earlier) already gave in this run; merge them into different folders")
                    }
                    claimed[target] = job.name
                    ready.append(Ready(job: job, document: document, target: target))
                } catch {
                    Output.warn("\(error)")
                    ok = false
                }
            }
            if strict {
                // Nothing is written unless every worksheet is complete and every output can be written.
                for item in ready where item.target != "-" && !force && Self.isOccupied(item.target, by: Data(item.document.text.utf8)) {
                    Output.warn("\(item.target) exists with other content; remove it, write elsewhere (-o), or add --force to replace it")
                    ok = false
                }
                if !ok {
                    if !ready.isEmpty { Output.warn("--strict: nothing written") }
                    throw ExitCode.failure
                }
            }
            for item in ready {
                do {
                    try write(item)
                } catch {
                    Output.warn("\(error)")
                    ok = false
                }
            }
            if !ok { throw ExitCode.failure }
        }

        /// Reads and merges one worksheet; with --strict, an untranslated segment fails it.
        func merge(_ job: Job) throws -> MergedDocument {
            let bytes = try Self.read(job.path, name: job.name)
            let document = try WorksheetMerge.merge(bytes, file: job.name)
            if !document.untranslated.isEmpty {
                let list = Self.untranslatedList(document, name: job.name)
                if strict { throw CLIError("\(list); --strict: the worksheet is not merged") }
            }
            return document
        }

        func write(_ item: Ready) throws {
            let document = item.document
            if item.target == "-" {
                if !document.untranslated.isEmpty {
                    Output.warn("\(Self.untranslatedList(document, name: item.job.name)) (their source text is kept)")
                }
                var out = Output()
                out.text(document.text)
                out.flush()
                return
            }
            let outcome = try AtomicFile.write(Data(document.text.utf8), to: item.target, replacing: force)
            let count = document.segmentCount
            Output.warn("\(item.target): \(count) segment\(count == 1 ? "" : "s") from \(item.job.name)" + (outcome == .unchanged ? " (unchanged)" : ""))
            if !document.untranslated.isEmpty {
                Output.warn("\(Self.untranslatedList(document, name: item.job.name)) (their source text is kept in \(item.target))")
            }
        }

        /// "nato.xlf: 2 of 23 segments untranslated: 5, 9" (the first 50 ids).
        static func untranslatedList(_ document: MergedDocument, name: String) -> String {
            let ids = document.untranslated
            let shown = ids.prefix(50).map(String.init).joined(separator: ", ") + (ids.count > 50 ? ", …" : "")
            return "\(name): \(ids.count) of \(document.segmentCount) segment\(document.segmentCount == 1 ? "" : "s") untranslated: \(shown)"
        }

        /// The worksheets of one argument: the file itself, or every .xlf/.xliff/.docx under a folder (sorted,
        /// hidden names left out), each with the folder its document goes to (the relative path kept).
        static func jobs(for path: String, into output: String) throws -> [Job] {
            guard path != "-", isFolder(path) else {
                return [Job(path: path, name: path == "-" ? "stdin" : path, folder: output)]
            }
            let root = URL(fileURLWithPath: path)
            guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey],
                                                              options: [.skipsHiddenFiles]) else {
                throw CLIError("\(path): cannot read the folder")
            }
            let base = root.standardizedFileURL.path
            var found: [(relative: String, job: Job)] = []
            for case let url as URL in walker {
                let ext = url.pathExtension.lowercased()
                // Word's owner file of an open document ("~$nato.docx") is not a worksheet.
                guard ext == "xlf" || ext == "xliff" || (ext == "docx" && !url.lastPathComponent.hasPrefix("~$")),
                      (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
                let full = url.standardizedFileURL.path
                var relative = full.hasPrefix(base + "/") ? String(full.dropFirst(base.count + 1)) : url.lastPathComponent
                if relative.isEmpty { relative = url.lastPathComponent }
                let relativeFolder = (relative as NSString).deletingLastPathComponent
                let folder = relativeFolder.isEmpty ? output : URL(fileURLWithPath: output).appendingPathComponent(relativeFolder).path
                let name = (path.hasSuffix("/") ? path : path + "/") + relative
                found.append((relative, Job(path: url.path, name: name, folder: folder)))
            }
            if found.isEmpty { throw CLIError("\(path): no .xlf, .xliff or .docx files in this folder") }
            return found.sorted { $0.relative < $1.relative }.map(\.job)
        }

        static func isFolder(_ path: String) -> Bool {
            var folder: ObjCBool = false
            return FileManager.default.fileExists(atPath: path, isDirectory: &folder) && folder.boolValue
        }

        /// Whether a file is at `path` with other bytes than `data`.
        static func isOccupied(_ path: String, by data: Data) -> Bool {
            guard FileManager.default.fileExists(atPath: path) else { return false }
            return FileManager.default.contents(atPath: path) != data
        }

        static func read(_ path: String, name: String) throws -> [UInt8] {
            if path == "-" { return [UInt8](FileHandle.standardInput.readDataToEndOfFile()) }
            guard FileManager.default.fileExists(atPath: path) else { throw CLIError("\(name): no such file") }
            guard let data = FileManager.default.contents(atPath: path) else { throw CLIError("\(name): cannot be read") }
            return [UInt8](data)
        }
    }
}
