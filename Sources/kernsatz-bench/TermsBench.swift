import ArgumentParser
import Foundation
import Kernsatz

/// Glossary marking on about 1 MB of German news: a 1,000-entry glossary (the shipped entries and
/// synthesized compounds of the same kind) beside a plain exact-string search for every term.
struct TermsBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "terms",
        abstract: "Measure glossary marking (MB/s, peak memory) beside a plain exact-string search.",
        discussion: "Build with -c release: swift run -c release kernsatz-bench terms ../shared/data/news/derstandard_dev.jsonl"
    )

    @Argument(help: "JSON Lines corpus with a \"text\" field per line.")
    var corpus: String = "../shared/data/news/derstandard_dev.jsonl"

    @Option(help: "Bytes of text to mark (the corpus texts, repeated as needed).")
    var bytes: Int = 1_000_000

    @Option(help: "Glossary entries (shipped ones first, then synthesized compounds).")
    var entries: Int = 1000

    @Option(help: "Timed repetitions; the fastest counts.")
    var repeats: Int = 5

    @Flag(help: "One JSON object instead of the table.")
    var json = false

    @Option(help: "Write every document's hits and term candidates to this file (to compare two builds) and stop.")
    var dump: String?

    func run() throws {
        guard let data = FileManager.default.contents(atPath: corpus) else { throw ValidationError("\(corpus): cannot be read") }
        var texts: [String] = []
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") where !line.isEmpty {
            if let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], let text = object["text"] as? String { texts.append(text) }
        }
        guard !texts.isEmpty else { throw ValidationError("\(corpus): no \"text\" fields") }
        var text = ""
        var index = 0
        while text.utf8.count < bytes {
            text += texts[index % texts.count] + "\n\n"
            index += 1
        }
        let glossary = try Self.glossary(entries: entries)
        if let dump {
            try Self.dump(texts: texts, glossary: glossary, to: dump)
            return
        }
        let clean = try CleanText(text)
        let units = clean.units

        var sink = 0
        func time(_ body: () throws -> Int) rethrows -> Double {
            var best = Double.infinity
            for _ in 0..<max(1, repeats) {
                let start = DispatchTime.now().uptimeNanoseconds
                sink &+= try body()
                best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
            }
            return best
        }
        var matcher: TermMatcher?
        let build = time { matcher = TermMatcher(glossary: glossary); return matcher!.glossary.entries.count }
        var hits = 0
        let marking = time { hits = matcher!.match(units: units).count; return hits }
        let cleanAndMark = try time { try matcher!.match(units: CleanText(text).units).count }
        // The baseline: every term searched as an exact string (case-sensitive, no forms), as simple tools do.
        let needles = glossary.entries.map { Array($0.term.utf16) }
        var exactHits = 0
        let exact = time { exactHits = Self.exactSearch(needles, in: units); return exactHits }
        // Per document, as the batch does: every corpus text cleaned once; the matcher, then the
        // term-candidate extractor given those hits.
        let documents = try texts.map { try CleanText($0).units }
        let documentMegabytes = Double(texts.reduce(0) { $0 + $1.utf8.count }) / 1e6
        var documentHits: [[TermHit]] = []
        let perDocument = time { documentHits = documents.map { matcher!.match(units: $0) }; return documentHits.count }
        let extract = time {
            var extractor = TermExtractor(matcher: matcher!)
            for (units, hits) in zip(documents, documentHits) { extractor.add(units: units, source: "bench", hits: hits) }
            return extractor.candidates(minimumCount: 2).count
        }
        // As the batch can: the tokens the matcher read, passed on to the extractor.
        let documentTokens = documents.map { TermTokens(units: $0) }
        let extractReusing = time {
            var extractor = TermExtractor(matcher: matcher!)
            for k in documents.indices { extractor.add(units: documents[k], source: "bench", hits: documentHits[k], tokens: documentTokens[k]) }
            return extractor.candidates(minimumCount: 2).count
        }
        let matchAndExtract = time {
            var extractor = TermExtractor(matcher: matcher!)
            for units in documents {
                let tokens = TermTokens(units: units)
                extractor.add(units: units, source: "bench", hits: matcher!.match(units: units, tokens: tokens), tokens: tokens)
            }
            return extractor.candidates(minimumCount: 2).count
        }
        let megabytes = Double(text.utf8.count) / 1e6
        let peak = peakMemoryKiB()
        let rows: [(String, Double)] = [("build matcher (once per glossary)", build), ("mark terms (TermMatcher)", marking),
                                        ("clean + NFC + mark", cleanAndMark), ("plain exact-string search, every term", exact)]
        let documentRows: [(String, Double)] = [("mark terms per document (TermMatcher)", perDocument),
                                                ("extract candidates (TermExtractor, hits given)", extract),
                                                ("extract candidates (hits and tokens given)", extractReusing),
                                                ("mark + extract, tokens cut once (TermTokens)", matchAndExtract)]
        if json {
            let object: [String: Any] = [
                "corpus": corpus, "bytes": text.utf8.count, "entries": glossary.entries.count, "hits": hits, "exactHits": exactHits,
                "peakRSSKiB": peak, "stages": rows.map { ["name": $0.0, "seconds": $0.1, "MBps": megabytes / $0.1] },
                "documents": texts.count,
                "documentStages": documentRows.map { ["name": $0.0, "seconds": $0.1, "MBps": documentMegabytes / $0.1,
                                                      "docsPerSecond": Double(texts.count) / $0.1] },
            ]
            print(String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .prettyPrinted]), as: UTF8.self))
            return
        }
        print("text: \(String(format: "%.2f", megabytes)) MB UTF-8 (\(units.count) UTF-16 units) from \(corpus); glossary: \(glossary.entries.count) entries; best of \(repeats)")
        print("stage".padding(toLength: 40, withPad: " ", startingAt: 0) + "   seconds      MB/s")
        for (name, seconds) in rows {
            print(name.padding(toLength: 40, withPad: " ", startingAt: 0) + String(format: "%10.4f %9.2f", seconds, megabytes / seconds))
        }
        print("per document: \(texts.count) documents, \(String(format: "%.2f", documentMegabytes)) MB UTF-8")
        print("stage".padding(toLength: 48, withPad: " ", startingAt: 0) + "   seconds      MB/s    docs/s")
        for (name, seconds) in documentRows {
            print(name.padding(toLength: 48, withPad: " ", startingAt: 0)
                  + String(format: "%10.4f %9.2f %9.0f", seconds, documentMegabytes / seconds, Double(texts.count) / seconds))
        }
        print("hits: \(hits) (exact-string search: \(exactHits))   peak RSS: \(peak / 1024) MiB   (checksum \(sink))")
    }

    /// Every document's hits (cleaned and as given), each document's term candidates, and the
    /// candidates of all documents together, one line each: two builds that agree write the same file.
    static func dump(texts: [String], glossary: Glossary, to path: String) throws {
        let matcher = TermMatcher(glossary: glossary)
        var out = ""
        func line(_ candidate: TermExtractor.Candidate) -> String {
            "\(candidate.kind.rawValue)\t\(candidate.count)\t\(candidate.text)\t\(candidate.source)\t\(candidate.context)\n"
        }
        var all = TermExtractor(matcher: matcher)
        for (number, text) in texts.enumerated() {
            for (label, units) in [("clean", try CleanText(text).units), ("raw", Array(text.utf16))] {
                let hits = matcher.match(units: units)
                out += "doc \(number) \(label): \(hits.count) hits\n"
                for hit in hits { out += "\(hit.range.lowerBound)..<\(hit.range.upperBound) \(hit.entry) \(hit.match.rawValue)\n" }
                var one = TermExtractor(matcher: matcher)
                one.add(units: units, source: "doc\(number)", hits: hits)
                for candidate in one.candidates(minimumCount: 1) { out += line(candidate) }
                var unmatched = TermExtractor(matcher: matcher)
                unmatched.add(units: units, source: "doc\(number)")
                if unmatched.candidates(minimumCount: 1) != one.candidates(minimumCount: 1) { out += "hits nil differ\n" }
                if label == "clean" { all.add(units: units, source: "doc\(number)", hits: hits) }
            }
        }
        out += "all documents\n"
        for candidate in all.candidates(minimumCount: 1) { out += line(candidate) }
        try out.write(toFile: path, atomically: true, encoding: .utf8)
    }

    /// Occurrences of every needle in `text`, each needle scanned for on its own (O(terms × text)).
    static func exactSearch(_ needles: [[UInt16]], in text: [UInt16]) -> Int {
        var count = 0
        text.withUnsafeBufferPointer { hay in
            for needle in needles where !needle.isEmpty && needle.count <= hay.count {
                let first = needle[0]
                var i = 0
                let last = hay.count - needle.count
                while i <= last {
                    if hay[i] == first {
                        var k = 1
                        while k < needle.count && hay[i + k] == needle[k] { k += 1 }
                        if k == needle.count { count += 1 }
                    }
                    i += 1
                }
            }
        }
        return count
    }

    /// The shipped entries, then compounds of common modifiers and heads of news German.
    static func glossary(entries: Int) throws -> Glossary {
        var glossary = try ShippedGlossaries.glossary()
        var seen = Set(glossary.entries.map { $0.term.lowercased() })
        let modifiers = ["Staats", "Sicherheits", "Verteidigungs", "Friedens", "Rüstungs", "Grenz", "Regierungs", "Außen", "Wirtschafts",
                         "Energie", "Finanz", "Handels", "Militär", "Kriegs", "Wahl", "Partei", "Bundes", "Landes", "Europa", "Migrations",
                         "Klima", "Justiz", "Polizei", "Gesundheits", "Bildungs", "Arbeits", "Sozial", "Verkehrs", "Umwelt", "Innen",
                         "Flüchtlings", "Nato", "Gas", "Öl", "Atom", "Luft", "Marine", "Cyber", "Geheimdienst", "Steuer"]
        let heads = ["politik", "minister", "gipfel", "vertrag", "abkommen", "konferenz", "strategie", "haushalt", "krise", "reform",
                     "debatte", "ausschuss", "behörde", "gesetz", "programm", "bericht", "experte", "sprecher", "chef", "streit",
                     "verhandlung", "initiative", "agentur", "kommission", "paket"]
        outer: for head in heads {
            for modifier in modifiers {
                if glossary.entries.count >= entries { break outer }
                let term = modifier + head
                guard seen.insert(term.lowercased()).inserted else { continue }
                glossary.entries.append(GlossaryEntry(term: term, partOfSpeech: "noun", targets: [TargetTerm(language: "en", term: "(\(term))")]))
            }
        }
        return glossary
    }
}
