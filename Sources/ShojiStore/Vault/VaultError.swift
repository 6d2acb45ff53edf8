/// What can go wrong with the feature vault, its keys and the identity records, each saying what to do next.
///
/// Descriptions never hold a vector, a key, a secret or a visitor id (DESIGN.md invariant 2).
public enum VaultError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No key file (or `SHOJI_VAULT_KEYS`) for the tenant.
    case noKeys(tenant: String, path: String)
    /// The key file cannot be read or parsed.
    case badKeyFile(path: String, problem: String)
    /// The key file is readable by other users.
    case keyFileExposed(path: String)
    /// A key file for the tenant exists already (refusing to overwrite keys that vectors depend on).
    case keysExist(path: String)
    /// A sealed vector names a key the keyring does not hold.
    case unknownKey(keyID: String)
    /// A sealed vector did not authenticate: another tenant's key, a changed row, or a damaged file.
    case cannotUnseal
    /// The vault handle was not opened for this purpose (watchlist vectors are never readable by marketing).
    case purposeNotPermitted(purpose: VaultPurpose, access: String)
    /// A vector of the wrong length or with values that are not finite.
    case invalidVector
    /// An expiry that is not after the time the vector was taken.
    case invalidExpiry
    /// The store refused the operation.
    case store(StoreError)

    public var description: String {
        switch self {
        case let .noKeys(tenant, path):
            return "no vault key for tenant \(tenant) at \(path); create one with 'shoji keys init MANIFEST' (and keep a backup)"
        case let .badKeyFile(path, problem):
            return "\(path): not a usable key file (\(problem)); restore it from the backup"
        case let .keyFileExposed(path):
            return "\(path) can be read by other users; run 'chmod 600 \(path)'"
        case let .keysExist(path):
            return "\(path) exists: the vault's vectors depend on its keys; rotate them with 'shoji keys rotate' instead"
        case let .unknownKey(keyID):
            return "a vector is sealed under key \(keyID), which the key file does not hold; restore that key from the backup"
        case .cannotUnseal:
            return "a vector did not authenticate under the tenant's key (another tenant's key, or a changed or damaged row)"
        case let .purposeNotPermitted(purpose, access):
            return "\(access) may not read or write \(purpose.rawValue) vectors"
        case .invalidVector:
            return "a face vector must have 128 finite values"
        case .invalidExpiry:
            return "a vector's expiry must be after the time it was taken"
        case let .store(error):
            return error.description
        }
    }
}
