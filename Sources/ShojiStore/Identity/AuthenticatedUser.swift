/// A user whose secret was checked against the store just now: the only way to act on personal data.
///
/// Only ``AnalyticsStore/authenticate(tenant:name:secret:)`` makes one, so a command cannot act as a user without
/// the secret, and the watchlist's two-person rule compares real people.
public struct AuthenticatedUser: Sendable, Hashable {
    /// The tenant the user belongs to.
    public let tenant: String
    /// The user's name.
    public let name: String
    /// The user's role.
    public let role: Role

    init(tenant: String, name: String, role: Role) {
        self.tenant = tenant
        self.name = name
        self.role = role
    }

    /// `user:NAME`, as audit entries name the actor.
    public var actor: String { "user:\(name)" }

    /// Throws ``IdentityError/roleRequired(_:action:)`` unless the user has one of `roles`.
    public func require(_ roles: Set<Role>, to action: String) throws(IdentityError) {
        guard roles.contains(role) else { throw .roleRequired(roles.map(\.rawValue).sorted(), action: action) }
    }
}
