/// The kinds of problem `TranslationCheck` finds in a filled worksheet; the raw value is the rule's
/// id (`--rules`, reports). Each rule's threshold is documented at its case and in the DocC
/// article "Checking translations".
///
///     CheckRule(rawValue: "glossary-missing")   // .glossaryMissing
///     CheckRule.lengthRatio.severity            // .warning
public enum CheckRule: String, Sendable, CaseIterable, Codable, Comparable {
    /// The target is missing, empty, or equal to its source after trimming, while the source has a
    /// word that is not a name, number or acronym (those may stay: „NATO“, „2025“), and is not one
    /// capitalized word with no other known form (a dateline „Lyon“).
    case untranslated
    /// A glossary term of the source (any form the matcher finds: inflected, compound) whose
    /// approved (preferred or admitted) target terms all are absent from the target. Target terms
    /// count in the inflected forms of `Resources/check/inflection.<lang>.txt`, case-insensitively,
    /// hyphens as spaces. Not reported when the entry's deprecated term is there (`glossaryDeprecated` is).
    case glossaryMissing = "glossary-missing"
    /// A deprecated target term of an entry found in the source, used in the target (in any
    /// inflected form), unless that text is also an approved term of an entry of the source.
    case glossaryDeprecated = "glossary-deprecated"
    /// A number, percentage, amount of money, date or year of the source whose value no measure of
    /// the target carries. The target is read by the target language's measure finder (its decimal
    /// and grouping signs, scale words, month names): „1,1 Millionen“ needs 1 100 000, which "1.1
    /// million" is and "1,1 million" is not. Values are equal within 1e-9 relative; a date matches
    /// a target date with the same month and, where both have them, day and year; a year matches a
    /// year, number or date with that year; small numbers may be words (`number-words.txt`), the
    /// sign may become a word. Digits the finder leaves alone („58-Jährige“, „G7“) must appear as
    /// the same digits, except clock times („14.30 Uhr“).
    case number
    /// A person's or organization's name of the source that the target does not contain, compared
    /// after folding case, accents and transliteration spellings („Selenskyj“ = "Zelensky"), also in
    /// the target's Any-Latin form. A place name may be in the target language's form: ICU's
    /// country names, ICU's time-zone cities („Kiew“ → "Kyiv") and `Resources/check/names.txt`, or
    /// as an adjective ("Russian"); a place is checked only where one of those knows its target form.
    /// Organizations are checked only when they are acronyms or carry a legal form (other names,
    /// such as „Auswärtiges Amt“, are translated); persons found by capitalization alone only in
    /// German sources.
    case name
    /// A direct quote of the source (the quote finder's, or quotation marks that open or close a
    /// quote across segments) while the target has no quotation mark at all.
    case quoteMarks = "quote-marks"
    /// The same source (white space collapsed) translated two ways in one file: every later
    /// occurrence whose target differs from the first one's is reported.
    case inconsistent
    /// The same word twice in a row (case-insensitive, only white space between) in the target,
    /// unless the source has it twice too or `Resources/check/doubled-words.txt` allows it ("had had").
    case doubledWord = "doubled-word"
    /// Parentheses, square brackets or double quotation marks unbalanced in the target where they
    /// are balanced in the source: ( ) and [ ] counted as pairs, the double quotation marks („ “ ” "
    /// « ») counted together, unbalanced when odd.
    case brackets
    /// A target whose length (characters) divided by its source's is outside the bounds of
    /// `Resources/check/length-ratios.txt` for the language pair (de→en 0.5–1.6); a short segment
    /// (source under 25 characters and target under 50) is exempt.
    case lengthRatio = "length-ratio"
    /// The white space at the start or the end of the target differs from the source's.
    case whitespace

    /// Error for every rule but `lengthRatio` and `whitespace` (warnings).
    public var severity: CheckSeverity {
        switch self {
        case .lengthRatio, .whitespace: return .warning
        default: return .error
        }
    }

    public static func < (a: CheckRule, b: CheckRule) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

public enum CheckSeverity: String, Sendable, Codable {
    case error, warning
}

/// A stretch of a segment's source or target that a finding is about: Unicode-scalar offsets into
/// the text as read from the worksheet.
public struct CheckSpan: Sendable, Equatable, Codable {
    public enum Side: String, Sendable, Codable { case source, target }
    public var side: Side
    public var start: Int
    public var end: Int
    public var text: String

    public init(side: Side, start: Int, end: Int, text: String) {
        self.side = side
        self.start = start
        self.end = end
        self.text = text
    }
}

/// One problem in one segment.
public struct CheckFinding: Sendable, Equatable, Codable {
    /// `Segment.id` of the worksheet.
    public var segment: Int
    /// The unit (XLIFF 2) or group (1.2) of the segment.
    public var unit: String
    public var rule: CheckRule
    public var severity: CheckSeverity
    public var message: String
    public var spans: [CheckSpan]

    public init(segment: Int, unit: String, rule: CheckRule, message: String, spans: [CheckSpan] = []) {
        self.segment = segment
        self.unit = unit
        self.rule = rule
        self.severity = rule.severity
        self.message = message
        self.spans = spans
    }
}

/// One checked worksheet: its segments and what was found, in segment order.
public struct CheckReport: Sendable, Equatable {
    public struct Segment: Sendable, Equatable {
        public var id: Int
        public var unit: String
        public var source: String
        public var target: String?

        public init(id: Int, unit: String, source: String, target: String?) {
            self.id = id
            self.unit = unit
            self.source = source
            self.target = target
        }
    }

    /// The worksheet's name as the user gave it.
    public var file: String
    public var sourceLanguage: String
    public var targetLanguage: String
    public var segments: [Segment]
    public var findings: [CheckFinding]

    public init(file: String, sourceLanguage: String, targetLanguage: String, segments: [Segment], findings: [CheckFinding]) {
        self.file = file
        self.sourceLanguage = sourceLanguage
        self.targetLanguage = targetLanguage
        self.segments = segments
        self.findings = findings
    }

    /// Whether an error-level finding exists (the CLI exits 1).
    public var hasErrors: Bool { findings.contains { $0.severity == .error } }
}
