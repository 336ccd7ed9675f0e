import ArgumentParser
import Foundation
import Kernsatz
import KernsatzBatch
import KernsatzWorksheet

extension WorksheetFormat: ExpressibleByArgument {}

extension KernsatzCommand {
    struct WorksheetCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "worksheet",
            abstract: "Make translator worksheets: numbered segments with terms, names, numbers and quotes flagged.",
            discussion: """
                One worksheet per input: a header (source, languages, date, teaser, word and character counts, \
                a 3-sentence summary for context), one segment per sentence (teaser, dateline and subheadings \
                are segments of their own) with its glossary terms and their approved and deprecated \
                translations, names (with a Latin spelling for other scripts), numbers and dates as the target \
                locale writes them, and quotes with their speaker; an empty target; the glossary entries that occur.
                Formats: xliff (XLIFF 2.1 with the glossary module; the default), xliff12 (XLIFF 1.2 strict), \
                html (one self-contained page), docx (a bilingual Word table), csv (UTF-8 with BOM, formula-safe), \
                md, json (the worksheet model, documented in the reference's Worksheets article). Several: --format xliff,html.
                Output: standard output for one input and one text format; with -o DIR, DIR/<input name>.<ext> \
                (.xlf, .xliff12.xlf, .html, .docx, .csv, .md, .json), written to a temporary file and renamed; \
                an existing file with other content is never replaced without --force.
                Without --glossary the shipped glossaries are used (terms are marked in text of the glossary's \
                language only). Counting: words are ICU word segments holding a letter or digit (a hyphen \
                divides), characters are user-perceived characters other than white space (GMX-V style).
                --to: one target language (en) for every text, or one per source language (de:en,en:de,fr:en; \
                a plain language after the pairs serves the others). A text whose language has no target, or \
                is its own target (an English text with --to en), gets no worksheet: a "skipped FILE: no \
                worksheet: …" line on standard error says why, and the exit status stays 0.
                --jsonl: one {"id","format","content"} line per record (json: {"id","worksheet"}; a record \
                without a worksheet: {"id","skipped"}); not for docx.
                """
        )

        @OptionGroup var input: InputOptions
        @OptionGroup var glossary: GlossaryOptions

        @Option(help: ArgumentHelp("Output formats, comma-separated: \(WorksheetFormat.allCases.map(\.rawValue).joined(separator: ", ")).",
                                   valueName: "formats"),
                completion: FormatCompletion.list(WorksheetFormat.self))
        var format: String = WorksheetFormat.xliff.rawValue

        @Option(name: .shortAndLong, help: ArgumentHelp("Write DIR/<input name>.<ext> (the folder is made if missing).", valueName: "dir"), completion: .directory)
        var output: String?

        @Option(parsing: .unconditional, help: "Sentences of the summary given for context (0: none).")
        var summary: Int = 3

        @Flag(help: "Replace output files that exist (without it, an existing file is never touched).")
        var force = false

        var formats: [WorksheetFormat] {
            get throws {
                do {
                    return try FormatList.parse(format, option: "--format")
                } catch {
                    throw ValidationError(error.description)
                }
            }
        }

        func validate() throws {
            let formats = try formats
            if summary < 0 { throw ValidationError("--summary must be 0 or more sentences.") }
            if input.jsonl {
                if output != nil { throw ValidationError("--jsonl writes to standard output; leave out -o.") }
                if formats.contains(.docx) { throw ValidationError("--jsonl carries text formats; docx needs -o DIR.") }
                if formats.count > 1 { throw ValidationError("--jsonl takes one format.") }
                return
            }
            if output == nil {
                if formats.count > 1 { throw ValidationError("Several formats need -o DIR (one file each).") }
                if formats == [.docx] { throw ValidationError("docx is not text: give -o DIR.") }
                if input.paths.count > 1 { throw ValidationError("Several inputs need -o DIR (one worksheet each).") }
            }
            if let output, output.isEmpty { throw ValidationError("-o needs a folder.") }
        }

        func run() throws {
            let formats = try formats
            let matcher = try glossary.matcher(orShipped: true, lenient: input.lenient)
            let names = glossary.paths.isEmpty ? ShippedGlossaries.names.map { "shipped: \($0)" }
                                                : glossary.paths.map { URL(fileURLWithPath: $0).lastPathComponent }
            // One builder per target language of --to (a wrong tag fails here, before any input is read).
            var builders: [String: WorksheetBuilder] = [:]
            do {
                for target in glossary.to.targets {
                    builders[target] = try WorksheetBuilder(options: WorksheetOptions(targetLanguage: target, summarySentences: summary,
                                                                                      glossaryNames: names),
                                                            matcher: matcher)
                }
            } catch {
                throw CLIError("\(error)")
            }
            let pipelines = try Pipelines(input)
            var runner = Runner(options: input)
            let glossaryLanguage = matcher.map { LanguageTag.primary($0.glossary.sourceLanguage) }

            // The analysis is handed over (consumed), so that its tokens are freed while the worksheet is made.
            // Nil (and a line on standard error) when the text's language has no target other than itself.
            func sheet(_ analysis: consuming Analysis, source: String, form: SkeletonForm = .text) -> Worksheet? {
                guard let target = glossary.to.target(for: analysis.language), let builder = builders[target] else {
                    Output.warn("skipped \(source): no worksheet: \(glossary.to.skipReason(for: analysis.language) ?? "")")
                    return nil
                }
                if let matcher, let glossaryLanguage, !matcher.glossary.isForTexts(in: analysis.language) {
                    Output.warn("note: \(source): the text is in '\(analysis.language)', the glossary's terms in '\(glossaryLanguage)'; no terms marked (--glossary gives one for '\(LanguageTag.primary(analysis.language))' texts)")
                }
                return builder.build(consume analysis, source: source, form: form)
            }

            if input.jsonl {
                let format = formats[0]
                let ok = runner.eachRecord { record, _ in
                    if record.text.allSatisfy(\.isWhitespace) { throw CLIError("record \(record.id): the text is empty; there is nothing to translate") }
                    let analysis = try pipelines.analyze(record)
                    let language = analysis.language
                    var json = JSONByteWriter()
                    json.beginObject()
                    guard let worksheet = sheet(consume analysis, source: "record \(record.id)") else {
                        // {"id","skipped"}: the record's language has no target (the reason, as on standard error).
                        json.key("id"); record.id.write(to: &json)
                        json.key("skipped"); json.string("no worksheet: " + (glossary.to.skipReason(for: language) ?? ""))
                        json.endObject()
                        json.newline()
                        return json.bytes
                    }
                    if format == .json {
                        // The worksheet model through its Encodable form (JSONEncoder), as the json format writes it.
                        json.key("id"); record.id.write(to: &json)
                        json.key("worksheet"); json.raw(try Self.compactJSON(worksheet))
                    } else {
                        json.key("content"); json.string(String(decoding: try format.data(worksheet), as: UTF8.self))
                        json.key("format"); json.string(format.rawValue)
                        json.key("id"); record.id.write(to: &json)
                    }
                    json.endObject()
                    json.newline()
                    return json.bytes
                }
                if !ok { throw ExitCode.failure }
                return
            }

            var written: [String: String] = [:]
            let ok = runner.eachArticle { path, decoded, kind, out in
                let analysis = try pipelines.analyze(decoded, source: path)
                // Standard input is "stdin" in the worksheet too, as in its file name (stdin.xlf);
                // the skeleton keeps the form the file was read in (text, Markdown, HTML).
                guard let worksheet = sheet(consume analysis, source: path == "-" ? "stdin" : path, form: SkeletonForm(kind)) else { return }
                guard let output else {
                    try formats[0].write(worksheet) { out.text(String(decoding: $0, as: UTF8.self)) }
                    return
                }
                for format in formats {
                    let target = Self.outputPath(for: path, format: format, in: output)
                    if path != "-", Self.sameFile(path, target) {
                        throw CLIError("\(path): its \(format.rawValue) worksheet would be the input itself (\(target)); write to another folder with -o")
                    }
                    if let earlier = written[target] {
                        throw CLIError("\(path): its worksheet would be \(target), which \(earlier) already gave in this run; rename one input or write them to different folders")
                    }
                    // In pieces, straight to the file: XLIFF of a million segments is hundreds of MB.
                    let outcome = try AtomicFile.write(to: target, replacing: force) { piece in
                        var failure: Error?
                        try format.write(worksheet) { data in
                            guard failure == nil else { return }
                            do { try piece(data) } catch { failure = error }
                        }
                        if let failure { throw failure }
                    }
                    written[target] = path
                    let segments = worksheet.segments.count, words = worksheet.counts.words
                    Output.warn("\(target): \(segments) segment\(segments == 1 ? "" : "s"), \(words) word\(words == 1 ? "" : "s")"
                        + (outcome == .unchanged ? " (unchanged)" : ""))
                }
            }
            if !ok { throw ExitCode.failure }
        }

        /// DIR/<input name without its extension>.<format's extension>; standard input is "stdin".
        static func outputPath(for input: String, format: WorksheetFormat, in folder: String) -> String {
            var name = input == "-" ? "stdin" : URL(fileURLWithPath: input).deletingPathExtension().lastPathComponent
            if name.isEmpty || name.hasPrefix(".") { name = "worksheet" + name }
            return URL(fileURLWithPath: folder).appendingPathComponent("\(name).\(format.fileExtension)").path
        }

        /// Whether two paths name one file (after symbolic links; hard links by device and inode).
        static func sameFile(_ a: String, _ b: String) -> Bool {
            let first = URL(fileURLWithPath: a).resolvingSymlinksInPath().standardizedFileURL.path
            let second = URL(fileURLWithPath: b).resolvingSymlinksInPath().standardizedFileURL.path
            if first == second { return true }
            var one = stat(), two = stat()
            guard stat(a, &one) == 0, stat(b, &two) == 0 else { return false }
            return one.st_dev == two.st_dev && one.st_ino == two.st_ino
        }

        /// The worksheet as one line of JSON (keys sorted; U+2028 and U+2029 escaped as every record's strings).
        static func compactJSON(_ sheet: Worksheet) throws -> [UInt8] {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
            do {
                return Output.escapingLineSeparators([UInt8](try encoder.encode(sheet)))
            } catch {
                throw CLIError("cannot write the worksheet as JSON: \(error)")
            }
        }
    }
}

/// The worksheet command's outputs through the batch's atomic writer: an existing file with other
/// bytes is replaced only with --force.
enum AtomicFile {
    @discardableResult
    static func write(_ data: Data, to path: String, replacing: Bool) throws -> KernsatzBatch.AtomicFile.Outcome {
        do {
            return try KernsatzBatch.AtomicFile.write(data, to: path, replace: replacing ? .always : .never)
        } catch where error.kind == .foreignOutput {
            throw CLIError("\(path) exists with other content; remove it, write elsewhere (-o), or add --force to replace it")
        } catch {
            throw CLIError("\(error)")
        }
    }

    /// `write(_:to:replacing:)` for content made in pieces (`KernsatzBatch.AtomicFile.write(to:replace:_:)`).
    @discardableResult
    static func write(to path: String, replacing: Bool,
                      _ produce: ((Data) throws -> Void) throws -> Void) throws -> KernsatzBatch.AtomicFile.Outcome {
        do {
            return try KernsatzBatch.AtomicFile.write(to: path, replace: replacing ? .always : .never, produce)
        } catch let error as BatchError where error.kind == .foreignOutput {
            throw CLIError("\(path) exists with other content; remove it, write elsewhere (-o), or add --force to replace it")
        } catch let error as BatchError {
            throw CLIError("\(error)")
        }
    }
}
