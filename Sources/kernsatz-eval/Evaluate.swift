import ArgumentParser

/// Measures Kernsatz against gold data (../shared and the project's own tables). Every subcommand
/// prints its figures and, given `--floor`, exits 1 below it, so CI catches a regression.
@main
struct Evaluate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kernsatz-eval",
        abstract: "Measure Kernsatz against gold data, and fail below a recorded floor.",
        subcommands: [Segments.self, Summaries.self, Quotes.self, Entities.self, TermsEval.self],
        defaultSubcommand: Segments.self
    )
}
