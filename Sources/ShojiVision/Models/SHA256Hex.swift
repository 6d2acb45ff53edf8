import Crypto
import Foundation

/// Lower-case hex SHA-256: how `ModelStore` checks a model file. (Manifest digests are ShojiPolicy's: the
/// approval names them.)
enum SHA256Hex {
    /// A finished digest in lower-case hex (for hashes fed in chunks).
    static func hex(_ digest: SHA256.Digest) -> String {
        digest.map { String(format: "%02x", $0) }.joined()
    }
}
