import ArgumentParser
import Kernsatz

/// How a file is read, for every command that reads articles (the batch too): language, encoding,
/// invalid bytes, size limit and markup.
struct ReadingOptions: ParsableArguments {
    @Option(help: "Language code (de, en, fr, nl, es, it, or any ICU locale); default: identified from each text.")
    var lang: String?

    @Option(help: "Read files in this encoding (any ICU charset name: windows-1252, ISO-8859-15, …) instead of detecting it.")
    var encoding: String?

    @Flag(help: "Replace invalid bytes with U+FFFD (and warn with their count) instead of failing the file.")
    var lenient = false

    @Option(parsing: .unconditional,
            help: "Refuse files larger than this many bytes (default \(FileReader.defaultMaxBytes >> 20) MiB); with --jsonl, the longest line.")
    var maxBytes: Int = FileReader.defaultMaxBytes

    @Option(help: ArgumentHelp("Read every file as text, html or markdown; default: by extension (.html, .htm, .xhtml, .md, .markdown), "
                               + "else HTML when the content starts like an HTML document, else text. JSON Lines records are text.",
                               valueName: "format"))
    var inputFormat: InputFormat?

    func validate() throws {
        if maxBytes <= 0 { throw ValidationError("--max-bytes must be a positive number of bytes.") }
        if let encoding { try InputOptions.checkEncoding(encoding) }
        if let lang, !InputOptions.isLanguageCode(lang) {
            throw ValidationError("--lang takes a language code such as de or en, not '\(lang)'.")
        }
    }

    /// Checks what does not apply to JSON Lines input.
    func validateForJSONLines() throws {
        if encoding != nil {
            throw ValidationError("--encoding does not apply to --jsonl: JSON Lines are UTF-8 (use --lenient to replace invalid bytes).")
        }
        if inputFormat != nil {
            throw ValidationError("--input-format does not apply to --jsonl: the text of a JSON Lines record is read as plain text.")
        }
    }

    var decoder: TextDecoder { TextDecoder(lenient: lenient, forcedEncoding: encoding) }
    var fileReader: FileReader { FileReader(decoder: decoder, maxBytes: maxBytes) }
}

/// What `--input-format` names: how to read every file, whatever its name and content.
enum InputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, html, markdown

    var kind: MarkupKind {
        switch self {
        case .text: return .plain
        case .html: return .html
        case .markdown: return .markdown
        }
    }
}

/// Options every command that reads texts shares: where the text comes from and how to read it.
struct InputOptions: ParsableArguments {
    @Argument(help: "Text files to read (.txt, .md, .html, …); - is standard input (the default).", completion: .file())
    var files: [String] = []

    @Flag(help: "Read JSON Lines records {\"id\", \"text\", \"lang\"?} and write one JSON line per record.")
    var jsonl = false

    @OptionGroup var reading: ReadingOptions

    var lang: String? { reading.lang }
    var encoding: String? { reading.encoding }
    var lenient: Bool { reading.lenient }
    var maxBytes: Int { reading.maxBytes }

    var paths: [String] { files.isEmpty ? ["-"] : files }

    func validate() throws {
        if jsonl { try reading.validateForJSONLines() }
    }

    /// Refuses a charset ICU cannot open before any file is read (not once per file).
    static func checkEncoding(_ name: String) throws {
        do {
            _ = try CharsetConverter(charset: name)
        } catch {
            throw ValidationError("--encoding: unknown charset '\(name)'; give an ICU charset name such as windows-1252, ISO-8859-15, UTF-16LE or Shift_JIS.")
        }
    }

    /// A language code ICU can take: 2–3 letters, then subtags of 1–8 letters or digits („de“,
    /// „de-CH“, „zh_Hant_TW“). ICU 72 crashes on a language subtag of 12 letters or more.
    static func isLanguageCode(_ tag: String) -> Bool {
        let parts = tag.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "-" || $0 == "_" })
        guard let first = parts.first, (2...3).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLetter }) else { return false }
        return parts.dropFirst().allSatisfy { (1...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }
    }

    /// Reads files as they are (`normalize`, `translit`).
    var reader: FileReader { reading.fileReader }

    /// Reads files as articles: markup taken away, structured files refused.
    var articleReader: ArticleReader { ArticleReader(files: reading.fileReader, format: reading.inputFormat?.kind) }

    /// - Parameters:
    ///   - content: also find quotes and entities and make the token stream (not needed to segment).
    ///   - measures: also find numbers, dates and money (with `content`; a summary does not show them).
    func pipeline(language: String? = nil, content: Bool = true, measures: Bool = true) throws -> Pipeline {
        do {
            return try Pipeline(options: PipelineOptions(language: language ?? lang, findQuotes: content,
                                                         findMeasures: content && measures, makeTokens: content))
        } catch {
            throw CLIError(error.description)
        }
    }
}

/// A message for the user, printed as `kernsatz: <message>`.
struct CLIError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
