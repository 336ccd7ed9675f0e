import ArgumentParser
import KernsatzICU

@main
struct KernsatzCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kernsatz",
        abstract: "Prepares news and policy texts for translators: sentences, summaries, quotes, entities, glossary terms, translator worksheets, normalization, transliteration.",
        discussion: """
            Every command reads FILE… or - (standard input, the default) and writes to standard output.
            With --jsonl, each input line is a JSON record {"id":…, "text":…, "lang"?:…} and each output \
            line carries the same id; a bad record yields {"id":…, "error":…} and the stream goes on.
            Offsets (start, end) count Unicode scalars into the text as received: text[start:end] in Python.
            """,
        version: "0.1.0",
        subcommands: [Segment.self, Analyze.self, Summarize.self, Quotes.self, Entities.self, Terms.self, GlossaryCommand.self, WorksheetCommand.self, MergeCommand.self, CheckCommand.self, BatchCommand.self,
                      Normalize.self, Translit.self]
    )

    static func main() {
        // Freed large arrays go back to the system (see there).
        SystemMemory.keepLargeBlocksOutsideTheHeap()
        main(nil)
    }
}
