import Foundation

#if KERNSATZ_FUZZING
// Built by `.ci/fuzz` with -sanitize=fuzzer,address and -DKERNSATZ_FUZZING: libFuzzer brings its
// own `main` and calls this for each input; the target is named by KERNSATZ_FUZZ_TARGET.

/// The one fuzzer, made at the first input (libFuzzer is single-threaded, hence `nonisolated(unsafe)`).
nonisolated(unsafe) private var fuzzer: Fuzzer?

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    // The one unsafe pointer outside the ICU layer: libFuzzer's C signature hands the input over as a
    // pointer and a length. It is copied into an array at once and not touched again.
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    if fuzzer == nil {
        guard let target = FuzzTarget.fromEnvironment else {
            FileHandle.standardError.write(Data("kernsatz-fuzz: set KERNSATZ_FUZZ_TARGET to one of: \(FuzzTarget.allCases.map(\.rawValue).joined(separator: ", "))\n".utf8))
            exit(2)
        }
        do {
            fuzzer = try Fuzzer(target: target)
        } catch {
            FileHandle.standardError.write(Data("kernsatz-fuzz: cannot set up \(target.rawValue): \(error)\n".utf8))
            exit(2)
        }
    }
    fuzzer?.run(bytes)
    return 0
}
#else
/// Without the fuzzer: replays inputs (files, or folders of them) through one target, so a crash
/// found by `.ci/fuzz` can be rerun in a debugger or a normal build.
///
///     kernsatz-fuzz text .fuzz/crashes/text/crash-5f3a…
@main
struct Replay {
    static func main() throws {
        let arguments = CommandLine.arguments.dropFirst()
        guard let name = arguments.first, let target = FuzzTarget(rawValue: name) else {
            print("usage: kernsatz-fuzz <\(FuzzTarget.allCases.map(\.rawValue).joined(separator: "|"))> FILE-OR-FOLDER…")
            exit(2)
        }
        let fuzzer = try Fuzzer(target: target)
        var count = 0
        for path in arguments.dropFirst() {
            for file in files(path) {
                guard let data = FileManager.default.contents(atPath: file) else {
                    FileHandle.standardError.write(Data("kernsatz-fuzz: cannot read \(file)\n".utf8))
                    exit(1)
                }
                fuzzer.run([UInt8](data))
                count += 1
            }
        }
        print("\(target.rawValue): \(count) input\(count == 1 ? "" : "s") replayed")
    }

    /// `path` itself, or the files in it (sorted) when it is a folder.
    static func files(_ path: String) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else { return [path] }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted().map { "\(path)/\($0)" }
    }
}
#endif
