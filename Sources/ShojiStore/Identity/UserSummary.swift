import Foundation

/// A user as listed: name, role, when and by whom added. Never the secret or its hash.
public struct UserSummary: Sendable, Hashable, Codable {
    /// The user's name.
    public let name: String
    /// The role.
    public let role: Role
    /// When the user was added.
    public let createdAt: Date
    /// Who added the user (nil for a tenant's first privacy officer).
    public let createdBy: String?
}
