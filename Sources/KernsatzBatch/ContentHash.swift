import Crypto
import Foundation

/// SHA-256 in lower-case hex, as `sha256sum` prints it: what the manifest records of every input and
/// output, so that a later run knows what is up to date and what it wrote itself.
public enum ContentHash {
    private static let digits = Array("0123456789abcdef".utf8)

    public static func sha256<Bytes: DataProtocol>(_ bytes: Bytes) -> String {
        var hex: [UInt8] = []
        hex.reserveCapacity(2 * SHA256.byteCount)
        for byte in SHA256.hash(data: bytes) {
            hex.append(digits[Int(byte >> 4)])
            hex.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: hex, as: UTF8.self)
    }

    /// The hash of a file's bytes, or nil when it cannot be read.
    public static func sha256(ofFile path: String) -> String? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return sha256(data)
    }
}
