import Foundation
@testable import KernsatzBatch
import XCTest
#if canImport(Glibc)
import Glibc
#endif

final class InputWalkerTests: BatchTestCase {
    func testPathExtension_isFoundationsForEdgeNames() {
        let names = ["", ".", "..", "...", ".txt", "..txt", "a.", "a..", "a.txt", "a.b.txt", "a.TXT", "noext", ".profile.md",
                     "Grüße.htm", "x.tar.gz", "ä.ö", "a .txt", "a. txt", "v1.2", "😀.md", "a.😀", "e\u{301}.txt"]
        for name in names {
            XCTAssertEqual(InputWalker.pathExtension(name), (name as NSString).pathExtension, "„\(name)“")
        }
    }

    func testWalk_missingRoot_throwsNamingIt() {
        XCTAssertThrowsError(try InputWalker().walk([input + "/nothing"])) { error in
            XCTAssertTrue("\(error)".contains("nothing: no such file or folder"), "\(error)")
        }
    }

    func testWalk_emptyFolder_givesNothing() throws {
        try FileManager.default.createDirectory(atPath: input, withIntermediateDirectories: true)
        let walk = try InputWalker().walk([input])
        XCTAssertEqual(walk.inputs, [])
        XCTAssertEqual(walk.notes, [])
    }

    func testWalk_linksLeadingOutsideTheInput_areFollowedWithTheLinkNamed_orLeftOutWhenAsked() throws {
        try put("a.txt", "Ein Text.")
        try put("sub/b.txt", "Noch ein Text.")
        let elsewhere = directory.appendingPathComponent("elsewhere").path
        try FileManager.default.createDirectory(atPath: elsewhere, withIntermediateDirectories: true)
        try Data("Fremd.".utf8).write(to: URL(fileURLWithPath: elsewhere + "/x.txt"))
        try FileManager.default.createSymbolicLink(atPath: input + "/file.txt", withDestinationPath: elsewhere + "/x.txt")
        try FileManager.default.createSymbolicLink(atPath: input + "/folder", withDestinationPath: elsewhere)
        // A link within the input folder is no concern.
        try FileManager.default.createSymbolicLink(atPath: input + "/sub/back.txt", withDestinationPath: "../a.txt")
        let real = URL(fileURLWithPath: elsewhere).resolvingSymlinksInPath().path

        let followed = try InputWalker().walk([input])
        XCTAssertEqual(followed.inputs.map(\.relativePath), ["a.txt", "file.txt", "sub/b.txt"])
        XCTAssertEqual(followed.inputs[1].outsideWarning, "a symbolic link to \(real)/x.txt, outside the input folder; "
                       + "read all the same (--no-follow-outside leaves such links out)")
        XCTAssertNil(followed.inputs[0].outsideWarning)
        XCTAssertEqual(followed.notes.map(\.relativePath), ["folder/x.txt", "sub/back.txt"], "each file read once")

        let refused = try InputWalker(followOutside: false).walk([input])
        XCTAssertEqual(refused.inputs.map(\.relativePath), ["a.txt", "sub/b.txt"])
        XCTAssertEqual(refused.notes.map(\.reason), [
            "a symbolic link to \(real)/x.txt, outside the input folder; left out (--no-follow-outside)",
            "a symbolic link to \(real), outside the input folder; left out (--no-follow-outside)",
            "the same file as \(input)/a.txt (read once)",
        ])
    }

    func testWalk_hiddenFilesAndFolders_areLeftOut() throws {
        try put(".hidden.txt", "x")
        try put(".git/a.txt", "x")
        try put("a.txt", "x")
        XCTAssertEqual(try InputWalker().walk([input]).inputs.map(\.relativePath), ["a.txt"])
    }

    func testWalk_isRecursiveSortedAndTellsKinds() throws {
        try put("b/z.txt", "x")
        try put("a.md", "x")
        try put("b/a.HTML", "x")
        try put("c.htm", "x")
        let walk = try InputWalker().walk([input])
        XCTAssertEqual(walk.inputs.map(\.relativePath), ["a.md", "b/a.HTML", "b/z.txt", "c.htm"])
        XCTAssertEqual(walk.inputs.map(\.kind), [.markdown, .html, .plain, .html])
    }

    func testWalk_otherTypes_areNotedAsSkippedWithTheReason() throws {
        try put("photo.jpg", [0xFF, 0xD8])
        try put("README", "x")
        let walk = try InputWalker().walk([input])
        XCTAssertEqual(walk.inputs, [])
        XCTAssertEqual(walk.notes.map(\.relativePath), ["README", "photo.jpg"])
        XCTAssertEqual(walk.notes.map(\.severity), [.skipped, .skipped])
        XCTAssertTrue(walk.notes[1].reason.hasPrefix("not a text type (.jpg)"), walk.notes[1].reason)
    }

    func testWalk_symbolicLinkLoops_areFailuresAndTheWalkEnds() throws {
        try put("sub/a.txt", "x")
        try FileManager.default.createSymbolicLink(atPath: input + "/sub/up", withDestinationPath: "..")
        try FileManager.default.createSymbolicLink(atPath: input + "/self", withDestinationPath: "self")
        try FileManager.default.createSymbolicLink(atPath: input + "/gone.txt", withDestinationPath: "missing.txt")
        let walk = try InputWalker().walk([input])
        XCTAssertEqual(walk.inputs.map(\.relativePath), ["sub/a.txt"])
        let notes = Dictionary(uniqueKeysWithValues: walk.notes.map { ($0.relativePath, $0) })
        XCTAssertEqual(notes["sub/up"]?.severity, .failed)
        XCTAssertTrue(notes["sub/up"]?.reason.contains("symbolic link loop") ?? false)
        XCTAssertEqual(notes["self"]?.reason, "a symbolic link loop")
        XCTAssertEqual(notes["gone.txt"]?.reason, "a symbolic link to a missing file")
    }

    func testWalk_aFolderReachedTwice_isWalkedOnce() throws {
        try put("real/a.txt", "x")
        try FileManager.default.createSymbolicLink(atPath: input + "/zlink", withDestinationPath: "real")
        let walk = try InputWalker().walk([input])
        XCTAssertEqual(walk.inputs.map(\.relativePath), ["real/a.txt"])
        XCTAssertEqual(walk.notes.first?.severity, .skipped)
        XCTAssertTrue(walk.notes.first?.reason.contains("walked once") ?? false)
    }

    func testWalk_outputFolderInsideTheInput_isNotRead() throws {
        try put("a.txt", "x")
        try put("out/a.summary.txt", "x")
        let walk = try InputWalker(excluding: input + "/out").walk([input])
        XCTAssertEqual(walk.inputs.map(\.relativePath), ["a.txt"])
    }

    func testWalk_anEarlierBatchsOutputFolderInsideTheInput_isLeftOutWithANote() throws {
        try put("a.txt", "x")
        try put("old-out/a.summary.txt", "x")
        try put("old-out/index.html", "<html></html>")
        try put("old-out/manifest.json", "{\n\"format\": \"kernsatz-batch-manifest\",\n\"version\": 1\n}")
        try put("notes/manifest.json", "{\"format\": \"someone else's\"}")
        try put("notes/b.txt", "x")
        let walk = try InputWalker(excluding: input + "/new-out").walk([input])
        XCTAssertEqual(walk.inputs.map(\.relativePath), ["a.txt", "notes/b.txt"])
        let note = try XCTUnwrap(walk.notes.first { $0.relativePath == "old-out" })
        XCTAssertEqual(note.severity, .skipped)
        XCTAssertTrue(note.reason.contains("earlier kernsatz batch"), note.reason)
    }

    func testWalk_aFileReachedTwice_isTakenOnce() throws {
        try put("a.txt", "x")
        try FileManager.default.createSymbolicLink(atPath: input + "/b-link.txt", withDestinationPath: "a.txt")
        try FileManager.default.createDirectory(atPath: input + "/sub", withIntermediateDirectories: true)
        XCTAssertEqual(link(input + "/a.txt", input + "/sub/hard.txt"), 0)
        let walk = try InputWalker().walk([input, input + "/a.txt"])
        XCTAssertEqual(walk.inputs.map(\.relativePath), ["in/a.txt"])
        XCTAssertEqual(walk.notes.map(\.relativePath), ["in/b-link.txt", "in/sub/hard.txt", "a.txt"])
        XCTAssertTrue(walk.notes.allSatisfy { $0.severity == .skipped && $0.reason.contains("read once") }, "\(walk.notes)")
    }

    func testWalk_aNameThatIsNotUTF8_failsWithTheReasonAndTheWalkGoesOn() throws {
        try put("good.txt", "x")
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/bin/sh")
        shell.arguments = ["-c", "printf x > \"$(printf '%s/bad\\377name.txt' \"$0\")\"", input]
        try shell.run()
        shell.waitUntilExit()
        XCTAssertEqual(shell.terminationStatus, 0)
        let walk = try InputWalker().walk([input])
        XCTAssertEqual(walk.inputs.map(\.relativePath), ["good.txt"])
        XCTAssertEqual(walk.notes.map(\.severity), [.failed])
        XCTAssertTrue(walk.notes.first?.reason.contains("not valid UTF-8") ?? false, walk.notes.first?.reason ?? "no note")
    }

    func testWalk_outputFolderEqualToTheInput_isRefused() throws {
        try put("a.txt", "x")
        XCTAssertThrowsError(try InputWalker(excluding: input).walk([input]))
    }

    func testWalk_includeAndExclude() throws {
        try put("a.txt", "x")
        try put("b.md", "x")
        try put("drafts/c.txt", "x")
        try put("notes.text2", "x")
        XCTAssertEqual(try InputWalker(include: [Glob("*.md")]).walk([input]).inputs.map(\.relativePath), ["b.md"])
        XCTAssertEqual(try InputWalker(exclude: [Glob("drafts")]).walk([input]).inputs.map(\.relativePath), ["a.txt", "b.md"])
        let other = try InputWalker(include: [Glob("*.text2")]).walk([input]).inputs
        XCTAssertEqual(other.map(\.relativePath), ["notes.text2"])
        XCTAssertEqual(other.map(\.kind), [.plain], "a file taken by --include of an unknown type is read as plain text")
    }

    func testWalk_ignoreFileOfARootFolder_leavesOutItsPatterns_relativeToIt() throws {
        try put("a.txt", "x")
        try put("spark/job.py", "x")
        try put("spark/notes.txt", "x")
        try put("de/b.draft.md", "x")
        try put("de/c.md", "x")
        try put(".kernsatzignore", "# code, not articles\nspark/\n\n*.draft.md\n")
        let walk = try InputWalker().walk([input])
        XCTAssertEqual(walk.inputs.map(\.relativePath), ["a.txt", "de/c.md"])
        XCTAssertEqual(walk.notes, [], "what the file names is not listed as skipped")
        XCTAssertEqual(walk.ignoreFiles.map(\.patterns), [["spark/", "*.draft.md"]])
        // Under several roots, the patterns still match below the folder that has the file.
        try put("../other/z.txt", "x")
        let two = try InputWalker().walk([input, input + "/../other"])
        XCTAssertEqual(two.inputs.map(\.relativePath).filter { $0.contains("spark") || $0.contains("draft") }, [])
    }

    func testWalk_severalRoots_eachUnderItsName() throws {
        try put("x/a.txt", "x")
        try put("y/x/a.txt", "x")
        let walk = try InputWalker().walk([input + "/x", input + "/y/x", input + "/y/x/a.txt"])
        XCTAssertEqual(walk.inputs.map(\.relativePath), ["x/a.txt", "x-2/a.txt"])
        XCTAssertEqual(walk.notes.map(\.reason), ["the same file as \(input)/y/x/a.txt (read once)"], "the third root is in the second")
    }

    func testWalk_aFolderGivenTwice_isWalkedOnce() throws {
        try put("a.txt", "x")
        let walk = try InputWalker().walk([input, input + "/"])
        XCTAssertEqual(walk.inputs.map(\.relativePath), ["in/a.txt"])
        XCTAssertEqual(walk.notes.map(\.severity), [.skipped])
        XCTAssertTrue(walk.notes.first?.reason.contains("walked once") ?? false, walk.notes.first?.reason ?? "")
    }

    func testWalk_aFileGivenTwice_isTakenOnce() throws {
        let file = try put("a.txt", "x")
        let walk = try InputWalker().walk([file, file])
        XCTAssertEqual(walk.inputs.map(\.relativePath), ["a.txt"])
        XCTAssertEqual(walk.notes.map(\.severity), [.skipped])
    }

    func testWalk_aPipeNamedOnTheCommandLine_isNotReadAsAFile() throws {
        try FileManager.default.createDirectory(atPath: input, withIntermediateDirectories: true)
        let pipe = input + "/feed.txt"
        XCTAssertEqual(mkfifo(pipe, 0o644), 0)
        let walk = try InputWalker().walk([pipe])
        XCTAssertEqual(walk.inputs, [], "reading a pipe nobody writes to would block the batch")
        XCTAssertEqual(walk.notes.map(\.severity), [.skipped])
        XCTAssertTrue(walk.notes.first?.reason.contains("not a regular file") ?? false)
    }
}
