import ArgumentParser
import Foundation
import Kernsatz
import KernsatzWorksheet

extension TargetLanguages: ExpressibleByArgument {
    /// `en`, `de:en,en:de,fr:en` (ArgumentParser's own parse; `GlossaryOptions` parses with
    /// `init(parsing:)` so that a wrong value gets its reason).
    public init?(argument: String) {
        try? self.init(parsing: argument)
    }

    public var defaultValueDescription: String { description }
}

/// Which glossaries to mark and which translations to show (`terms`, `analyze`).
struct GlossaryOptions: ParsableArguments {
    @Option(name: .customLong("glossary"), help: ArgumentHelp(
        "A glossary (.tbx, .tsv, .csv; UTF-8, or UTF-16 with a BOM — --lenient replaces bad bytes here too); repeat for several. Default for `terms` and `worksheet`: the shipped glossaries (`shipped` names them).",
        valueName: "path"), completion: .file())
    var paths: [String] = []

    @Option(help: ArgumentHelp(
        "Target language (en, en-GB, fr) for every text, or per source language (de:en,en:de,fr:en; a plain one after the pairs serves the rest; default: en). The translations shown, how numbers and dates are written. `worksheet` and `batch` make no worksheet for a text whose language has no target or is its own (and say so).",
        valueName: "lang|src:tgt,…"),
            transform: { value in
                do {
                    return try TargetLanguages(parsing: value)
                } catch let error as WorksheetError {
                    // ArgumentParser names the option and the value; the reason is what is left to say.
                    guard case .targetLanguages(_, let reason) = error.kind else { throw ValidationError("\(error)") }
                    throw ValidationError(reason)
                }
            })
    var to: TargetLanguages = TargetLanguages(all: "en")

    func validate() throws {
        for path in paths where path.isEmpty { throw ValidationError("--glossary needs a file path.") }
    }

    /// The one target language of commands that show a glossary's translations (`terms`, `analyze`,
    /// `glossary extract`): `--to`'s target for the glossary's source language, else its first target.
    func shownTarget(glossaryLanguage: String) -> String {
        to.target(for: glossaryLanguage) ?? to.single ?? to.targets.first ?? "en"
    }

    /// `check`'s matchers: the glossaries named (one matcher), or without --glossary the shipped
    /// glossaries read from each of their languages, so that a French or English source is checked
    /// against its own terms.
    func matchers(lenient: Bool) throws -> [TermMatcher] {
        if paths.isEmpty { return try ShippedGlossaries.glossaries().map { TermMatcher(glossary: $0) } }
        return try matcher(orShipped: false, lenient: lenient).map { [$0] } ?? []
    }

    /// The matcher for the glossaries named, or the shipped ones when none is and `orShipped` says so.
    /// Warnings go to standard error; an error stops the run.
    /// - Parameter lenient: the command's `--lenient`: invalid bytes in a glossary become U+FFFD
    ///   with a warning, as in the texts, instead of refusing the glossary.
    func matcher(orShipped: Bool, lenient: Bool) throws -> TermMatcher? {
        if paths.isEmpty && !orShipped { return nil }
        var glossaries: [Glossary] = []
        for path in paths.isEmpty ? ["shipped"] : paths {
            if path == "shipped" && !FileManager.default.fileExists(atPath: path) {
                glossaries.append(try ShippedGlossaries.glossary())
                continue
            }
            let (glossary, problems) = GlossaryReader(lenient: lenient).check(path: path)
            if let error = problems.first(where: { !$0.isWarning }) {
                throw CLIError("\(error)\(problems.count > 1 ? " (kernsatz glossary validate \(path) lists all \(problems.count) problems)" : "")")
            }
            let warnings = problems.filter(\.isWarning)
            if !warnings.isEmpty {
                Output.warn("\(path): \(warnings.count) warning(s), e.g. \(warnings[0]); kernsatz glossary validate \(path) lists them")
            }
            if let glossary { glossaries.append(glossary) }
        }
        return TermMatcher(glossary: Glossary.merged(glossaries))
    }
}

/// One hit as the listing of `terms` shows it: offsets are Unicode scalars into the text as received.
struct TermJSON {
    let text: String
    let start: Int
    let end: Int
    /// The glossary's source term as written there.
    let entry: String
    let targets: [String]
    let match: String
}

extension CleanText {
    func termsJSON(_ hits: [TermHit], matcher: TermMatcher, to language: String) -> [TermJSON] {
        hits.map { hit in
            let range = sourceScalarRange(hit.range)
            let entry = matcher.glossary.entries[hit.entry]
            return TermJSON(text: sourceString(hit.range), start: range.lowerBound, end: range.upperBound,
                            entry: entry.term, targets: entry.targets(in: language).map(\.term), match: hit.match.rawValue)
        }
    }
}
