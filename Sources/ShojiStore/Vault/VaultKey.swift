import Crypto
import Foundation

/// One AES-256-GCM key of a tenant's vault, named by a short random id stored beside each sealed vector.
public struct VaultKey: @unchecked Sendable {  // SymmetricKey is immutable
    /// The key's id (8 hex digits).
    public let id: String
    let key: SymmetricKey

    static func generate() -> VaultKey {
        let id = (0..<4).map { _ in String(format: "%02x", UInt8.random(in: 0...255)) }.joined()
        return VaultKey(id: id, key: SymmetricKey(size: .bits256))
    }
}
