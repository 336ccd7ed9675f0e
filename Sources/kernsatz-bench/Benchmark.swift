import ArgumentParser

/// Throughput benchmarks anyone can run (build with `-c release`). Each subcommand reports MB/s,
/// documents/s and the process's peak memory.
@main
struct Benchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kernsatz-bench",
        abstract: "Measure Kernsatz throughput (MB/s, documents/s, peak memory).",
        subcommands: [PipelineBench.self, SummarizeBench.self, TermsBench.self, WorksheetBench.self, BatchBench.self, StreamBench.self],
        defaultSubcommand: PipelineBench.self
    )
}
