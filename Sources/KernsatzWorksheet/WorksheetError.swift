/// What can go wrong making or writing a worksheet.
public struct WorksheetError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// The target language is not a language tag ICU can use ("en", "en-GB", "fr").
        case badTargetLanguage(String)
        /// A `--to` value (`TargetLanguages`) that cannot be read: the value as given, and what is wrong.
        case targetLanguages(value: String, reason: String)
        /// ICU could not open what the worksheet needs (word counting, transliteration, number formats).
        case icu(String)
        /// The DOCX package could not be assembled.
        case archive(String)
        /// The worksheet could not be encoded as JSON.
        case encoding(String)
    }

    public let kind: Kind

    public init(_ kind: Kind) { self.kind = kind }

    static func targetLanguages(_ value: String, _ reason: String) -> WorksheetError {
        WorksheetError(.targetLanguages(value: value, reason: reason))
    }

    public var description: String {
        switch kind {
        case .badTargetLanguage(let tag):
            return "'\(tag)' is not a target language Kernsatz can use; give a language code such as en, en-GB or fr"
        case .targetLanguages(let value, let reason):
            return "--to '\(value)': \(reason)"
        case .icu(let what):
            return "ICU could not \(what); is libicu (libicu-dev) installed completely?"
        case .archive(let what):
            return "could not build the DOCX file: \(what)"
        case .encoding(let what):
            return "could not write the worksheet as JSON: \(what)"
        }
    }
}
