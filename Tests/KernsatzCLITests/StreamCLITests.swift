import Foundation
import XCTest

/// `--jsonl` with several jobs: records worked on in parallel, written in input order, the same
/// bytes as one job; bad records stay error records in their place.
/// Lines collected by one thread and read by another.
final class LockedLines: @unchecked Sendable {
    // @unchecked: `stored` is read and written with `lock` held only.
    private let lock = NSLock()
    private var stored: [String] = []
    func append(_ line: String) { lock.lock(); stored.append(line); lock.unlock() }
    var lines: [String] { lock.lock(); defer { lock.unlock() }; return stored }
}

extension CLITests {
    /// `count` records with ids r0…, texts of very different lengths (so that later records often
    /// finish first), and bad lines at `bad` positions (0-based line numbers).
    func streamFile(_ count: Int, bad: Set<Int> = []) throws -> (path: String, lines: [String]) {
        var lines: [String] = []
        for index in 0..<count {
            if bad.contains(index) {
                lines.append(index % 2 == 0 ? "not json \(index)" : #"{"id":"r\#(index)","text":7}"#)
                continue
            }
            let sentences = index % 7 == 0 ? 120 : 1 + index % 3
            let text = (0..<sentences).map { "Satz \($0) von Nummer \(index) kam am 3. Oktober nach Wien." }.joined(separator: " ")
            lines.append(#"{"id":"r\#(index)","text":"\#(text)"}"#)
        }
        return (try file("stream-\(count).jsonl", Array((lines.joined(separator: "\n") + "\n").utf8)), lines)
    }

    func ids(_ stdout: String) -> [String] {
        stdout.split(separator: "\n").map { line in
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else { return "?" }
            return (object["id"] as? String) ?? "null"
        }
    }

    // MARK: refusals first

    func testJobs_zero_isRefused() throws {
        let result = try run(["segment", "--jsonl", "--jobs", "0"], stdin: "")
        XCTAssertEqual(result.status, 64)
        XCTAssertTrue(result.stderr.contains("--jobs must be 1 or more."), result.stderr)
    }

    // MARK: order and bytes

    /// A producer that writes one record and waits (a Spark pipe, a shell loop) gets that record's
    /// line back before it writes the next: records are gathered into chunks only while more are
    /// already there to read.
    func testSegmentJSONL_jobs2_slowProducer_getsEachLineBeforeItWritesTheNext() throws {
        for command in [["segment", "--jsonl", "--jobs", "2"], ["batch", "--jsonl", "--jobs", "2"]] {
            let process = Process()
            process.executableURL = Self.executable
            process.arguments = command
            let input = Pipe(), output = Pipe()
            process.standardInput = input
            process.standardOutput = output
            process.standardError = Pipe()
            try process.run()
            // A thread reads the lines as they come; each one signals.
            let received = LockedLines()
            let arrived = DispatchSemaphore(value: 0)
            let reader = Thread {
                var line = Data()
                while true {
                    let byte = output.fileHandleForReading.readData(ofLength: 1)
                    if byte.isEmpty { break }
                    line.append(byte)
                    if byte.first == 0x0A {
                        received.append(String(decoding: line, as: UTF8.self))
                        line = Data()
                        arrived.signal()
                    }
                }
            }
            reader.start()
            for index in 0..<3 {
                input.fileHandleForWriting.write(Data(#"{"id":"r\#(index)","text":"Die Minister beraten. Sie reisen ab."}"#.utf8 + [0x0A]))
                // The input stays open: a held-back record would not come.
                if arrived.wait(timeout: .now() + 20) == .timedOut {
                    process.terminate()
                    XCTFail("\(command): no line for record r\(index) while the input stays open")
                    break
                }
            }
            let lines = received.lines
            try input.fileHandleForWriting.close()
            process.waitUntilExit()
            XCTAssertEqual(process.terminationStatus, 0, "\(command)")
            XCTAssertEqual(ids(lines.joined()), ["r0", "r1", "r2"], "\(command): \(lines)")
        }
    }

    func testSegmentJSONL_manyRecordsWithJobs2And4_keepInputOrder_andTheBytesOfOneJob() throws {
        let (path, _) = try streamFile(300)
        let one = try run(["segment", "--jsonl", "--jobs", "1", path])
        XCTAssertEqual(one.status, 0, one.stderr)
        XCTAssertEqual(ids(one.stdout), (0..<300).map { "r\($0)" })
        for jobs in ["2", "4"] {
            let many = try run(["segment", "--jsonl", "--jobs", jobs, path])
            XCTAssertEqual(many.status, 0, many.stderr)
            XCTAssertEqual(many.stdout, one.stdout, "--jobs \(jobs)")
        }
    }

    func testAnalyzeSummarizeTermsJSONL_jobs3_giveTheBytesOfOneJob() throws {
        let (path, _) = try streamFile(40, bad: [5])
        for command in [["analyze"], ["summarize", "--explain"], ["terms"]] {
            let one = try run(command + ["--jsonl", "--jobs", "1", path])
            let three = try run(command + ["--jsonl", "--jobs", "3", path])
            XCTAssertEqual(one.status, 0, one.stderr)
            XCTAssertEqual(ids(one.stdout).count, 40, command[0])
            XCTAssertEqual(three.stdout, one.stdout, command[0])
            XCTAssertEqual(three.stderr, one.stderr, command[0])
        }
    }

    func testSegmentJSONL_badLinesWithJobs3_areErrorRecordsInTheirPlace() throws {
        let bad: Set<Int> = [0, 1, 17, 18, 59]
        let (path, _) = try streamFile(60, bad: bad)
        let result = try run(["segment", "--jsonl", "--jobs", "3", path])
        XCTAssertEqual(result.status, 0, result.stderr)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 60)
        for (index, line) in lines.enumerated() {
            let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            if bad.contains(index) {
                XCTAssertEqual(object["line"] as? Int, index + 1, line)
                XCTAssertTrue((object["error"] as? String)?.contains("\(path):\(index + 1): ") == true, line)
            } else {
                XCTAssertEqual(object["id"] as? String, "r\(index)", line)
                XCTAssertNil(object["error"], line)
            }
        }
    }

    func testSegmentJSONL_tooLongLineWithJobs2_isItsErrorRecordInPlace() throws {
        let lines = [#"{"id":"a","text":"Eins."}"#, #"{"id":"long","text":""# + String(repeating: "x", count: 5000) + #""}"#,
                     #"{"id":"c","text":"Drei."}"#]
        let path = try file("long.jsonl", Array((lines.joined(separator: "\n") + "\n").utf8))
        let result = try run(["segment", "--jsonl", "--jobs", "2", "--max-bytes", "1000", path])
        XCTAssertEqual(ids(result.stdout), ["a", "long", "c"])
        XCTAssertTrue(result.stdout.split(separator: "\n")[1].contains(#""line":2"#), result.stdout)
    }

    func testBatchJSONL_jobs3_keepsInputOrder_errorRecordsInPlace_andTheBytesOfOneJob() throws {
        var lines = (0..<30).map { #"{"id":"b\#($0)","text":"Brüssel – Die NATO berät am \#($0). Oktober. Rutte kam. Er blieb."}"# }
        lines[4] = "kein JSON"
        lines[11] = #"{"id":"b11","lang":"deutschlandxxxxxxx","text":"Hallo."}"#
        let input = Data((lines.joined(separator: "\n") + "\n").utf8)
        let one = try run(["batch", "--jsonl", "--jobs", "1"], input: input)
        let three = try run(["batch", "--jsonl", "--jobs", "3"], input: input)
        XCTAssertEqual(one.status, 0, one.stderr)
        XCTAssertEqual(three.stdout, one.stdout)
        let out = three.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(out.count, 30)
        XCTAssertTrue(out[4].hasPrefix(#"{"error":"<stdin>:5: not a JSON object"#), out[4])
        XCTAssertTrue(out[11].contains(#"\"lang\" is not a language code"#) && out[11].contains(#""id":"b11""#), out[11])
        XCTAssertEqual(ids(three.stdout).enumerated().filter { ![4].contains($0.offset) }.map(\.element),
                       (0..<30).filter { $0 != 4 }.map { "b\($0)" })
    }

    // MARK: escaping in the records

    func testSegmentJSONL_controlCharactersAndSeparators_areEscapedInTheRecord() throws {
        let input = #"{"id":"c","text":"Ton\u0007 und\tTab, \"zitiert\" und \\ hier.\u2029Neu\u2028da."}"# + "\n"
        let result = try run(["segment", "--jsonl", "--jobs", "2"], stdin: input)
        XCTAssertEqual(result.stdout.split(separator: "\n").count, 1, result.stdout)
        XCTAssertTrue(result.stdout.contains(#"Ton\u0007 und\tTab, \"zitiert\" und \\ hier."#), result.stdout)
        XCTAssertTrue(result.stdout.contains(#"Neu\u2028da."#), result.stdout)
        XCTAssertFalse(result.stdout.contains("\u{2028}") || result.stdout.contains("\u{2029}") || result.stdout.contains("\u{7}"))
    }

    func testSegmentJSONL_loneSurrogateEscape_isAnErrorRecordNotACrash() throws {
        let input = #"{"id":"s","text":"Einsam \ud800 hier."}"# + "\n" + #"{"id":"t","text":"Gut."}"# + "\n"
        let result = try run(["segment", "--jsonl", "--jobs", "2"], stdin: input)
        XCTAssertEqual(result.status, 0, result.stderr)
        let lines = result.stdout.split(separator: "\n")
        XCTAssertEqual(lines.count, 2)
        XCTAssertTrue(lines[0].hasPrefix(#"{"error":"<stdin>:1: not a JSON object"#), String(lines[0]))
        XCTAssertEqual(String(lines[1]), #"{"id":"t","lang":"de","sentences":[{"block":0,"end":4,"start":0,"text":"Gut."}]}"#)
    }
}
