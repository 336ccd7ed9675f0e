import Foundation
import XCTest

/// Shell completion: the scripts `--generate-completion-script` writes, and the format lists they
/// complete by asking kernsatz (`---completion`, what the scripts run when TAB is pressed).
extension CLITests {
    /// What kernsatz offers for the last word of `words` (the whole word before the cursor).
    func completions(_ command: [String], option: String, _ words: [String]) throws -> [String] {
        let word = words.last ?? ""
        let result = try run(["---completion"] + command + ["--", option, "\(words.count - 1)", "\(word.count)"] + words)
        XCTAssertEqual(result.status, 0, result.stderr)
        return result.stdout.split(separator: "\n").map(String.init)
    }

    func testCompletion_batchFormats_offersEveryFormatAndAll() throws {
        let offered = try completions(["batch"], option: "--formats", ["kernsatz", "batch", "--formats", ""])
        XCTAssertEqual(offered, ["summary", "xliff", "xliff12", "html", "docx", "csv", "md", "json", "all"])
    }

    func testCompletion_batchFormats_completesTheLastItemOfAList() throws {
        let offered = try completions(["batch"], option: "--formats", ["kernsatz", "batch", "--formats", "summary,x"])
        XCTAssertEqual(offered, ["summary,xliff", "summary,xliff12"])
    }

    func testCompletion_worksheetFormat_leavesOutFormatsAlreadyListed() throws {
        let offered = try completions(["worksheet"], option: "--format", ["kernsatz", "worksheet", "--format", "xliff,html,"])
        XCTAssertEqual(offered, ["xliff,html,xliff12", "xliff,html,docx", "xliff,html,csv", "xliff,html,md", "xliff,html,json"])
    }

    func testCompletionScripts_completeFilesFoldersAndFormatValues() throws {
        for shell in ["bash", "zsh", "fish"] {
            let result = try run(["--generate-completion-script", shell])
            XCTAssertEqual(result.status, 0, "\(shell): \(result.stderr)")
            XCTAssertTrue(result.stdout.contains("---completion batch -- --formats"), "\(shell): batch --formats asks kernsatz")
            XCTAssertTrue(result.stdout.contains("---completion worksheet -- --format"), "\(shell): worksheet --format asks kernsatz")
        }
        let bash = try run(["--generate-completion-script", "bash"]).stdout
        let batch = try XCTUnwrap(bash.range(of: "_kernsatz_batch() {")).upperBound
        let end = try XCTUnwrap(bash.range(of: "\n}\n", range: batch..<bash.endIndex)).lowerBound
        let body = String(bash[batch..<end])
        XCTAssertTrue(body.contains("__kernsatz_add_completions -f"), "batch IN… completes file paths")
        XCTAssertTrue(body.contains("__kernsatz_add_completions -d"), "batch -o completes folders")
        XCTAssertTrue(bash.contains("'text'$'\\n''html'$'\\n''csv'$'\\n''json'"), "check --format lists its report forms")
    }
}
