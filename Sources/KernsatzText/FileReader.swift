import Foundation

/// Reads a file (or standard input) into decoded text, with errors that name the file.
public struct FileReader: Sendable {
    public var decoder: TextDecoder
    /// Files larger than this are refused (a text larger than this is almost surely not an article).
    public var maxBytes: Int

    public init(decoder: TextDecoder = TextDecoder(), maxBytes: Int = 64 << 20) {
        self.decoder = decoder
        self.maxBytes = maxBytes
    }

    /// - Parameter path: a file path, or "-" for standard input.
    /// - Throws: `TextError` naming `path`.
    public func read(_ path: String) throws(TextError) -> DecodedText {
        let bytes = try readBytes(path)
        return try decoder.decode(bytes, source: path)
    }

    public func readBytes(_ path: String) throws(TextError) -> [UInt8] {
        if path == "-" {
            let data = FileHandle.standardInput.readDataToEndOfFile()
            if data.count > maxBytes { throw TextError(.tooLarge(bytes: data.count, limit: maxBytes), source: path) }
            return [UInt8](data)
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            // A dangling symbolic link exists as a link but not as a file.
            if (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) != nil {
                throw TextError(.unreadable(reason: "a symbolic link to a missing file"), source: path)
            }
            throw TextError(.notFound, source: path)
        }
        if isDirectory.boolValue { throw TextError(.isDirectory, source: path) }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        if size > maxBytes { throw TextError(.tooLarge(bytes: size, limit: maxBytes), source: path) }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw TextError(.unreadable(reason: FileManager.default.isReadableFile(atPath: path) ? "open failed" : "permission denied"), source: path)
        }
        defer { try? handle.close() }
        do {
            let data = try handle.readToEnd() ?? Data()
            if data.count > maxBytes { throw TextError(.tooLarge(bytes: data.count, limit: maxBytes), source: path) }
            return [UInt8](data)
        } catch let error as TextError {
            throw error
        } catch {
            throw TextError(.unreadable(reason: error.localizedDescription), source: path)
        }
    }
}
