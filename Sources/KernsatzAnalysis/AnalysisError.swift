/// Why text analysis (entities, quotes, measures) could not be set up.
public struct AnalysisError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// A shipped or given data list could not be used; the reason names the entry.
        case badList(file: String, line: Int, reason: String)
        /// A target locale for rendering measures that ICU does not know.
        case unknownLocale(String)
    }

    public let kind: Kind

    public init(_ kind: Kind) {
        self.kind = kind
    }

    public var description: String {
        switch kind {
        case .badList(let file, let line, let reason):
            return "\(file):\(line): \(reason)"
        case .unknownLocale(let locale):
            return "unknown locale '\(locale)' for rendering numbers and dates; use a language tag ICU knows, such as en, en-GB, fr, de"
        }
    }
}
