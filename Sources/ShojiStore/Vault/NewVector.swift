import Foundation

/// A face vector on its way into the vault, sealed only inside the transaction that stores it.
///
/// In memory only: not `Codable`, and its description shows no values (privacy invariants 1 and 2).
public struct NewVector: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The vault row id it will have.
    public let id: UUID
    /// What it is for.
    public let purpose: VaultPurpose
    /// Whose it is: a visitor id, a watchlist entry id or an opt-out request id.
    public let subject: String
    /// When the face was seen.
    public let takenAt: Date
    /// When the vault erases it.
    public let expiresAt: Date
    /// The 128 values: for galleries in memory; never print or store them unsealed.
    public let values: [Float]

    /// A vector of 128 finite values that expires after it was taken.
    public init(values: [Float], purpose: VaultPurpose, subject: String, takenAt: Date, expiresAt: Date,
                id: UUID = UUID()) throws(VaultError) {
        guard values.count == VectorIndex.dimensions, values.allSatisfy(\.isFinite) else { throw .invalidVector }
        guard !subject.isEmpty else { throw .invalidVector }
        // Whole milliseconds: the expiry is part of the sealed data and must read back exactly.
        let taken = Date(timeIntervalSince1970: (takenAt.timeIntervalSince1970 * 1000).rounded() / 1000)
        let expires = Date(timeIntervalSince1970: (expiresAt.timeIntervalSince1970 * 1000).rounded() / 1000)
        guard expires > taken else { throw .invalidExpiry }
        self.values = values
        self.purpose = purpose
        self.subject = subject
        self.takenAt = taken
        self.expiresAt = expires
        self.id = id
    }

    public var description: String { "vault vector for \(purpose.rawValue) (values not shown)" }
    /// Same as ``description``.
    public var debugDescription: String { description }
    /// No children: `dump` and debuggers see no values either.
    public var customMirror: Mirror { Mirror(self, children: [:]) }
}
