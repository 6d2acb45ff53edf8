import Crypto
import Foundation

/// Lower-case hex SHA-256 of some bytes: how Shoji names the exact manifest or model file it used.
public enum SHA256Hex {
    /// The digest of `data`.
    public static func digest(of data: Data) -> String {
        hex(SHA256.hash(data: data))
    }

    /// A finished digest in lower-case hex (for hashes fed in chunks).
    static func hex(_ digest: SHA256.Digest) -> String {
        digest.map { String(format: "%02x", $0) }.joined()
    }
}
