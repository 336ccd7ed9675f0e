import Foundation
import KernsatzBatch
import XCTest

final class AtomicFileTests: BatchTestCase {
    var target: String { directory.appendingPathComponent("sub/out.txt").path }

    func testWrite_sameBytes_isUnchangedAndTouchesNothing() throws {
        XCTAssertEqual(try AtomicFile.write(Data("a".utf8), to: target), .written)
        XCTAssertEqual(try AtomicFile.write(Data("a".utf8), to: target), .unchanged)
    }

    func testWrite_neverReplacesAFileItDidNotWrite() throws {
        try AtomicFile.write(Data("mine".utf8), to: target)
        XCTAssertThrowsError(try AtomicFile.write(Data("new".utf8), to: target)) { error in
            XCTAssertEqual((error as? BatchError)?.kind, .foreignOutput)
        }
        XCTAssertThrowsError(try AtomicFile.write(Data("new".utf8), to: target, replace: .ifHashIn(["not its hash"])))
        XCTAssertEqual(try String(contentsOfFile: target, encoding: .utf8), "mine")
    }

    func testWrite_replacesWhatItWroteOrWhenForced() throws {
        try AtomicFile.write(Data("old".utf8), to: target)
        let hash = ContentHash.sha256(Data("old".utf8))
        XCTAssertEqual(try AtomicFile.write(Data("new".utf8), to: target, replace: .ifHashIn([hash])), .written)
        XCTAssertEqual(try String(contentsOfFile: target, encoding: .utf8), "new")
        XCTAssertEqual(try AtomicFile.write(Data("forced".utf8), to: target, replace: .always), .written)
        XCTAssertEqual(try String(contentsOfFile: target, encoding: .utf8), "forced")
    }

    func testWrite_protectedFile_isNeverReplacedEvenWhenForced() throws {
        try AtomicFile.write(Data("input".utf8), to: target)
        XCTAssertThrowsError(try AtomicFile.write(Data("x".utf8), to: target, replace: .always, protected: { _ in true }))
        XCTAssertEqual(try String(contentsOfFile: target, encoding: .utf8), "input")
    }

    func testWrite_leavesNoTemporaryFile() throws {
        try AtomicFile.write(Data("a".utf8), to: target)
        try AtomicFile.write(Data("b".utf8), to: target, replace: .always)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory.appendingPathComponent("sub").path), ["out.txt"])
    }

    func testWrite_newFile_hasTheModeOfAFileMadeThePlainWay() throws {
        try AtomicFile.write(Data("a".utf8), to: target)
        let plain = directory.appendingPathComponent("sub/plain.txt").path
        XCTAssertTrue(FileManager.default.createFile(atPath: plain, contents: Data("a".utf8)))
        let mode = { (path: String) in (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) ?? -1 }
        XCTAssertEqual(try mode(target), try mode(plain))
        XCTAssertEqual(try mode(target) & 0o600, 0o600)
    }

    func testWrite_manyNewFiles_eachWholeAndNoneElseInTheFolder() throws {
        let folder = directory.appendingPathComponent("many").path
        let texts = (0..<50).map { String(repeating: "Satz \($0). ", count: $0 * 40) }
        for (number, text) in texts.enumerated() {
            XCTAssertEqual(try AtomicFile.write(Data(text.utf8), to: "\(folder)/\(number).txt"), .written)
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder).sorted(),
                       (0..<50).map { "\($0).txt" }.sorted())
        for (number, text) in texts.enumerated() {
            XCTAssertEqual(try String(contentsOfFile: "\(folder)/\(number).txt", encoding: .utf8), text)
        }
    }

    func testWrite_aFolderInTheWay_isAnErrorAndStays() throws {
        try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: true)
        XCTAssertThrowsError(try AtomicFile.write(Data("a".utf8), to: target, replace: .always)) { error in
            XCTAssertEqual((error as? BatchError)?.kind, .write(reason: "something is in the way that is not a readable file"))
        }
        var isFolder: ObjCBool = false
        XCTAssertTrue(FileManager.default.fileExists(atPath: target, isDirectory: &isFolder) && isFolder.boolValue)
    }

    func testWrite_intoATemporaryFolder_makesTheTargetFolderOnFirstNeed() throws {
        let temporary = directory.appendingPathComponent("tmp").path
        try FileManager.default.createDirectory(atPath: temporary, withIntermediateDirectories: true)
        let deep = directory.appendingPathComponent("a/b/c.txt").path
        XCTAssertEqual(try AtomicFile.write(Data("c".utf8), to: deep, temporaryFolder: temporary), .written)
        XCTAssertEqual(try String(contentsOfFile: deep, encoding: .utf8), "c")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: temporary), [])
    }

    func testSHA256_isWhatSha256sumPrints() {
        XCTAssertEqual(ContentHash.sha256(Data()), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        XCTAssertEqual(ContentHash.sha256(Data("abc".utf8)), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }
}
