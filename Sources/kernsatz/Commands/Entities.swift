import ArgumentParser
import Kernsatz

extension KernsatzCommand {
    struct Entities: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List named entities: people (PER), places (LOC), organizations (ORG) and other names (OTH).",
            discussion: """
                One line per entity: LINE:COLUMN, type, the name as written, and the cue that found it \
                (a title before a name, a first name, ICU's country names, an organization ending, …). \
                --counts lists each name once with its type and number of mentions, most frequent first. \
                For JSON use `kernsatz analyze` (its "entities").
                """
        )

        @OptionGroup var input: InputOptions

        @Flag(help: "Each name once, with its type and number of mentions.")
        var counts = false

        func validate() throws {
            if input.jsonl { throw ValidationError("entities prints a listing; for JSON Lines use `kernsatz analyze --jsonl` (its \"entities\").") }
        }

        func run() throws {
            let pipelines = try Pipelines(input)
            var runner = Runner(options: input)
            let several = input.paths.count > 1
            let ok = runner.eachFile { path, decoded, output in
                let analysis = try pipelines.analyze(decoded, source: path)
                if several { output.line("==> \(path) <==") }
                if counts {
                    var tally: [String: (type: String, count: Int, first: Int)] = [:]
                    for (index, entity) in analysis.entities.enumerated() {
                        let name = oneLine(analysis.text.sourceString(entity.range))
                        let key = entity.type.rawValue + "\t" + name
                        tally[key, default: (entity.type.rawValue, 0, index)].count += 1
                    }
                    for (key, value) in tally.sorted(by: { $0.value.count != $1.value.count ? $0.value.count > $1.value.count : $0.value.first < $1.value.first }) {
                        output.line("\(value.count)\t\(key)")
                    }
                    return
                }
                var cursor = LineColumnCursor(analysis.text.units)
                for entity in analysis.entities {
                    output.line("\(cursor.position(of: entity.range.lowerBound))\t\(entity.type.rawValue)\t\(oneLine(analysis.text.sourceString(entity.range)))\t\(entity.cue)")
                }
            }
            if !ok { throw ExitCode.failure }
        }
    }
}
