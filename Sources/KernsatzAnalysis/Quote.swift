/// Direct speech in quotation marks, or reported speech (Konjunktiv I after a verb of saying).
public enum QuoteKind: String, Sendable, Codable, CaseIterable {
    case direct
    case reported
}

/// A quotation: the quoted words, who said them and the verb of saying, as ranges of the text.
public struct Quote: Sendable, Equatable {
    /// The quoted words without the marks, one range per part: a split quote („Das ist“, so Rutte,
    /// „die Realität.“) has two.
    public var parts: [Range<Int>]
    public var kind: QuoteKind
    /// How the text names the speaker („Mark Rutte“, „er“, „der 58-Jährige“), without the role
    /// words before a name; nil when the text names none.
    public var speaker: Range<Int>?
    /// The verb of saying as written („sagte“, „fügte“ of „fügte … hinzu“, „so“); nil when none.
    public var verb: Range<Int>?
    /// The quotation marks and everything between them (for reported speech, the clause).
    public var span: Range<Int>

    public init(parts: [Range<Int>], kind: QuoteKind, speaker: Range<Int>? = nil, verb: Range<Int>? = nil, span: Range<Int>) {
        self.parts = parts
        self.kind = kind
        self.speaker = speaker
        self.verb = verb
        self.span = span
    }

    /// From the first quoted word to the last.
    public var range: Range<Int> {
        guard let first = parts.first, let last = parts.last else { return span }
        return first.lowerBound..<last.upperBound
    }

    /// The quoted words, parts joined with one space.
    public func text(in units: [UInt16]) -> String {
        parts.map { units.string($0) }.joined(separator: " ")
    }
}
