import ArgumentParser
import Foundation
import Kernsatz
import KernsatzWorksheet

extension GlossaryOutputFormat: ExpressibleByArgument {
    /// The format names, and `tbx` for TBX v3 (what `--format tbx` meant before TBX 2008 could be written).
    public init?(argument: String) {
        self.init(rawValue: argument == "tbx" ? "tbx3" : argument)
    }
}

extension KernsatzCommand {
    /// `kernsatz glossary validate|convert|extract`.
    struct GlossaryCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "glossary",
            abstract: "Check, convert and grow glossaries (TBX v3/2008, OmegaT TSV, CSV).",
            subcommands: [Validate.self, Convert.self, Extract.self]
        )
    }
}

extension KernsatzCommand.GlossaryCommand {
    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Report every problem of glossary files, with file and line.",
            discussion: """
                One line per problem (FILE:LINE: message), then a summary per file. Exit 1 when a file \
                has an error (warnings — duplicates, entries without translation, bytes replaced under \
                --lenient — do not fail unless --strict). An external DTD or an entity declaration is an \
                error: Kernsatz never loads what a glossary names, nor expands entities.
                """
        )

        @Argument(help: "Glossary files (.tbx, .tsv/.txt, .csv).", completion: .file())
        var paths: [String]

        @Option(help: "The glossary's source language.")
        var sourceLang: String = "de"

        @Flag(help: "Fail on warnings too.")
        var strict = false

        @Flag(help: "Replace invalid bytes with U+FFFD (and warn) instead of refusing the glossary.")
        var lenient = false

        func run() throws {
            var failed = false
            for path in paths {
                let (glossary, problems) = GlossaryReader(sourceLanguage: sourceLang, lenient: lenient).check(path: path)
                for problem in problems { print(problem) }
                let errors = problems.filter { !$0.isWarning }.count
                let entries = glossary?.entries.count ?? 0
                let languages = glossary.map { ([$0.sourceLanguage] + $0.targetLanguages).joined(separator: ", ") } ?? "-"
                print("\(path): \(entries) entries (\(languages)), \(errors) error(s), \(problems.count - errors) warning(s)")
                if errors > 0 || (strict && !problems.isEmpty) { failed = true }
            }
            if failed { throw ExitCode.failure }
        }
    }

    struct Convert: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Convert a glossary between formats (TBX v3, TBX 2008, OmegaT TSV, CSV).",
            discussion: """
                Reads .tbx (v3 or 2008), .tsv/.txt/.utf8/.tab (OmegaT) and .csv. Writes --format tbx3 \
                (TBX v3, TBX-Basic), tbx2008 (<martif type="TBX-Basic">, for Translate Toolkit and older \
                tools), tsv (OmegaT: source, target, comment; one target language, --to) or csv (a row \
                per translation, with a header); without --format, OUT's extension decides (.tbx → tbx3, \
                .tsv/.txt/.utf8/.tab → tsv, .csv → csv). OUT may be - (standard output) with --format. \
                TBX keeps everything; TSV keeps the terms of one target language, part of speech and notes \
                in its comment column and deprecated translations as „not: …“; CSV keeps everything but \
                concept grouping. OmegaT 3.6 loads glossary files named .utf8 (always UTF-8), .txt or .tab \
                (encoding guessed), not .tsv.
                """
        )

        @Argument(help: "The glossary to read.", completion: .file())
        var input: String

        @Argument(help: "The file to write (.tbx, .tsv/.txt/.utf8/.tab, .csv), or - for standard output.", completion: .file())
        var output: String

        @Option(help: "Output format (default: by OUT's extension; tbx means tbx3).")
        var format: GlossaryOutputFormat?

        @Option(help: "Target language for TSV output (OmegaT glossaries hold one) and of TSV input.")
        var to: String = "en"

        @Option(help: "The glossary's source language.")
        var sourceLang: String = "de"

        @Flag(help: "Replace OUT when it exists (without it, an existing file is never touched).")
        var force = false

        @Flag(help: "Replace invalid bytes in the input with U+FFFD (and warn) instead of refusing it.")
        var lenient = false

        func validate() throws {
            if output != "-", !force, FileManager.default.fileExists(atPath: output) {
                throw ValidationError("\(output) exists; choose another name, or add --force to replace it.")
            }
            if (try? TargetLanguages(parsing: to))?.single == nil {
                throw ValidationError("--to takes one language here (TSV's target language: en, fr, en-GB), not '\(to)'.")
            }
            if format == nil, GlossaryOutputFormat(path: output) == nil {
                throw ValidationError(output == "-"
                    ? "Writing to standard output needs --format (\(GlossaryOutputFormat.allCases.map(\.rawValue).joined(separator: ", ")))."
                    : "Cannot tell the output format of '\(output)': name it .tbx, .tsv, .utf8 or .csv, or give --format.")
            }
        }

        func run() throws {
            let glossary: Glossary
            do {
                let reader = GlossaryReader(sourceLanguage: sourceLang, tsvTargetLanguage: to, lenient: lenient)
                let (read, problems) = reader.check(path: input)
                if let error = problems.first(where: { !$0.isWarning }) { throw error }
                guard let read else { throw GlossaryError(.empty, source: input) }
                for warning in problems {
                    if case .replacedBytes = warning.kind { Output.warn("\(warning)") }
                }
                glossary = read
            } catch {
                throw CLIError("\(error)")
            }
            let target = format ?? GlossaryOutputFormat(path: output) ?? .tbx3
            let text = target.write(glossary, targetLanguage: to)
            if output == "-" {
                FileHandle.standardOutput.write(Data(text.utf8))
            } else {
                do {
                    // Written to a temporary file beside OUT, then renamed: never a half-written glossary.
                    try Data(text.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
                } catch {
                    throw CLIError("\(GlossaryError(.unwritable((error as NSError).localizedDescription), source: output))")
                }
                Output.warn("\(output): \(glossary.entries.count) entries written (\(target.rawValue))")
            }
            for note in losses(glossary, target) { Output.warn("\(output == "-" ? "(stdout)" : output): \(note)") }
        }

        /// What the chosen format leaves out of this glossary, one line each (nothing for TBX and CSV).
        func losses(_ glossary: Glossary, _ target: GlossaryOutputFormat) -> [String] {
            guard target == .tsv else { return [] }
            var notes: [String] = []
            let wanted = LanguageTag.primary(to)
            let others = glossary.entries.flatMap(\.targets).filter { LanguageTag.primary($0.language) != wanted }
            if !others.isEmpty {
                let languages = Set(others.map(\.language)).sorted().joined(separator: ", ")
                notes.append("TSV holds one target language (\(to)): \(others.count) translation(s) in \(languages) left out (--to picks the language)")
            }
            let without = glossary.entries.filter { $0.targets(in: to).isEmpty }.count
            if without > 0 { notes.append("\(without) entr\(without == 1 ? "y has" : "ies have") no usable \(to) translation (written with an empty target)") }
            if output.lowercased().hasSuffix(".tsv") {
                notes.append("OmegaT 3.6 loads glossary files named .utf8, .txt or .tab, not .tsv; name it .utf8 for an OmegaT project's glossary/ folder")
            }
            return notes
        }
    }

    struct Extract: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List frequent compounds and multiword names that the glossary lacks.",
            discussion: """
                Reads text files (a directory: its .txt and .md files). Terms the glossaries already \
                cover (in any form) are left out. Output: count, kind, candidate, and the line of its \
                first occurrence; --format tsv (OmegaT, empty target) or tbx for a glossary to fill in.
                """
        )

        enum Format: String, ExpressibleByArgument, CaseIterable { case table, tsv, tbx }

        @Argument(help: "Text files or directories.", completion: .file())
        var paths: [String]

        @OptionGroup var glossary: GlossaryOptions

        @Option(parsing: .unconditional, help: "Only candidates seen at least this often.")
        var minCount: Int = 2

        @Option(parsing: .unconditional, help: "Show at most this many.")
        var top: Int = 100

        @Option(help: "Output: \(Format.allCases.map(\.rawValue).joined(separator: ", ")).")
        var format: Format = .table

        @Option(parsing: .unconditional, help: "Refuse files larger than this many bytes.")
        var maxBytes: Int = FileReader.defaultMaxBytes

        @Flag(help: "Replace invalid bytes in glossaries and texts with U+FFFD (and warn) instead of failing.")
        var lenient = false

        func validate() throws {
            if minCount < 1 { throw ValidationError("--min-count must be at least 1.") }
            if top < 1 { throw ValidationError("--top must be at least 1.") }
        }

        func run() throws {
            let matcher = try glossary.matcher(orShipped: true, lenient: lenient)
            var extractor = TermExtractor(matcher: matcher)
            let reader = FileReader(decoder: TextDecoder(lenient: lenient), maxBytes: maxBytes)
            var ok = true
            for path in try files() {
                do {
                    let decoded = try reader.read(path)
                    extractor.add(units: try CleanText(units: decoded.units).units, source: path)
                } catch {
                    Output.warn("\(error)")
                    ok = false
                }
            }
            let candidates = Array(extractor.candidates(minimumCount: minCount).prefix(top))
            var candidateGlossary = extractor.glossary(minimumCount: minCount)
            candidateGlossary.entries = Array(candidateGlossary.entries.prefix(top))
            switch format {
            case .table:
                if candidates.isEmpty { print("(no candidates seen \(minCount) times or more)") }
                let width = candidates.map(\.text.count).max() ?? 0
                for candidate in candidates {
                    print(String(format: "%5d", candidate.count) + "  " + candidate.kind.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)
                          + "  " + candidate.text.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + candidate.context)
                }
            case .tsv:
                print(TSVFormat.write(candidateGlossary, targetLanguage: glossary.shownTarget(glossaryLanguage: candidateGlossary.sourceLanguage)), terminator: "")
            case .tbx:
                print(TBXWriter.write(candidateGlossary, description: "Term candidates found by kernsatz glossary extract; translations to be added"), terminator: "")
            }
            if !ok { throw ExitCode.failure }
        }

        /// The files named, with directories expanded to their .txt and .md files (sorted).
        func files() throws -> [String] {
            var result: [String] = []
            for path in paths {
                var isDirectory: ObjCBool = false
                if path != "-", FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
                    let found = (FileManager.default.enumerator(atPath: path)?.allObjects as? [String] ?? [])
                        .filter { $0.hasSuffix(".txt") || $0.hasSuffix(".md") }.sorted()
                    if found.isEmpty { Output.warn("\(path): no .txt or .md files in this directory") }
                    result += found.map { (path as NSString).appendingPathComponent($0) }
                } else {
                    result.append(path)
                }
            }
            return result
        }
    }
}
