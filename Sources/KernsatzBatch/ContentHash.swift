import Crypto
import Foundation

/// SHA-256 in lower-case hex, as `sha256sum` prints it: what the manifest records of every input and
/// output, so that a later run knows what is up to date and what it wrote itself.
public enum ContentHash {
    public static func sha256<Bytes: DataProtocol>(_ bytes: Bytes) -> String {
        SHA256.hash(data: bytes).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    /// The hash of a file's bytes, or nil when it cannot be read.
    public static func sha256(ofFile path: String) -> String? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return sha256(data)
    }
}
