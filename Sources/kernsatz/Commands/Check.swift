import ArgumentParser
import Foundation
import KernsatzWorksheet

extension KernsatzCommand {
    struct CheckCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "Check translated XLIFF worksheets: glossary terms, numbers, names, quotes, untranslated and inconsistent segments.",
            discussion: """
                Reads XLIFF 2.1 (2.0, 2.2) and 1.2 worksheets that Kernsatz wrote and a translator filled (also as \
                OmegaT writes them back), and DOCX worksheets whose translation column a reviewer filled, analyzes each source again (names, numbers, dates, quotes, glossary terms) \
                and reports, per segment, what the target lacks or gets wrong. Rules (ids for --rules): untranslated, \
                glossary-missing, glossary-deprecated, number, name, quote-marks, inconsistent, doubled-word, brackets \
                (errors), length-ratio, whitespace (warnings); thresholds in the DocC article "Checking translations".
                Output: --format text (default), html (one page, each segment with its findings highlighted), csv \
                (one row per finding) or json, on standard output; with -o DIR one report per worksheet, \
                <name>.check.<txt|html|csv|json>, written whole and never replacing another file without --force.
                Exit status: 0 no error-level finding, 1 an error-level finding (or a file that cannot be checked), 64 usage.
                """
        )

        @Argument(help: ArgumentHelp("Translated worksheets (.xlf, .xliff, .docx; - reads standard input).", valueName: "file"), completion: .file())
        var paths: [String] = []

        @OptionGroup var glossary: GlossaryOptions

        @Option(help: "Source language when a worksheet names none (its srcLang / source-language wins).")
        var from: String?

        @Option(help: ArgumentHelp("Report form: text, html, csv or json.", valueName: "format"),
                completion: .list(CheckReportFormat.allCases.map(\.rawValue)))
        var format: String = "text"

        @Option(name: .shortAndLong, help: ArgumentHelp("Write one report per worksheet into DIR (made if missing).", valueName: "dir"), completion: .directory)
        var output: String?

        @Option(help: ArgumentHelp("Only these rules, comma-separated (default: all).", valueName: "a,b,…"))
        var rules: String?

        @Flag(help: "Replace report files that exist with other content.")
        var force = false

        func validate() throws {
            if paths.isEmpty { throw ValidationError("Give the translated worksheets to check (FILE…).") }
            if CheckReportFormat(rawValue: format) == nil {
                throw ValidationError("--format takes \(CheckReportFormat.allCases.map(\.rawValue).joined(separator: ", ")), not '\(format)'.")
            }
            if output?.isEmpty == true { throw ValidationError("-o needs a folder.") }
            _ = try chosenRules()
        }

        func chosenRules() throws -> Set<CheckRule> {
            guard let rules else { return Set(CheckRule.allCases) }
            var chosen = Set<CheckRule>()
            for name in rules.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !name.isEmpty {
                guard let rule = CheckRule(rawValue: name) else {
                    throw ValidationError("--rules: unknown rule '\(name)'; the rules are \(CheckRule.allCases.map(\.rawValue).joined(separator: ", ")).")
                }
                chosen.insert(rule)
            }
            if chosen.isEmpty { throw ValidationError("--rules needs at least one rule.") }
            return chosen
        }

        func run() throws {
            let format = CheckReportFormat(rawValue: format) ?? .text
            let check = try TranslationCheck(matchers: try glossary.matchers(lenient: false), rules: try chosenRules())
            var ok = true
            var reports: [CheckReport] = []
            for path in paths {
                let name = path == "-" ? "stdin" : path
                do {
                    let bytes = try MergeCommand.read(path, name: name)
                    let sheet = try WorksheetMerge.read(bytes, file: name)
                    // --to serves a file that names no target language: its pair for the source language, else its plain target.
                    let source = sheet.sourceLanguage ?? from
                    let target = source.flatMap { glossary.to.target(for: $0) } ?? glossary.to.single
                    reports.append(try check.check(sheet, file: name, sourceLanguage: from, targetLanguage: target))
                } catch {
                    Output.warn("\(error)")
                    ok = false
                }
            }
            if let output {
                for report in reports {
                    let base = URL(fileURLWithPath: report.file == "stdin" ? "stdin" : report.file).deletingPathExtension().lastPathComponent
                    let target = URL(fileURLWithPath: output).appendingPathComponent("\(base).check.\(format.fileExtension)").path
                    do {
                        try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
                        try AtomicFile.write(Data(CheckReportWriter.write([report], as: format).utf8), to: target, replacing: force)
                        Output.warn("\(target): \(CheckReportWriter.text([report]).split(separator: "\n").last ?? "")")
                    } catch {
                        Output.warn("\(error)")
                        ok = false
                    }
                }
            } else if !reports.isEmpty {
                var out = Output()
                out.text(CheckReportWriter.write(reports, as: format))
                out.flush()
            }
            if !ok || reports.contains(where: \.hasErrors) { throw ExitCode.failure }
        }
    }
}
