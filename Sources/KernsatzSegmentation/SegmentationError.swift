/// Why segmentation could not be set up.
public struct SegmentationError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// ICU could not open a sentence break iterator for the language.
        case breakIterator(String)
    }

    public let kind: Kind
    public let language: String

    public init(_ kind: Kind, language: String) {
        self.kind = kind
        self.language = language
    }

    public var description: String {
        switch kind {
        case .breakIterator(let reason):
            return "cannot segment '\(language)': \(reason)"
        }
    }
}
