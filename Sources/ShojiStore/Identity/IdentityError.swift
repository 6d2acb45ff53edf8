/// Why an identity operation (users, watchlist, alerts, requests) was refused, saying what to do instead.
///
/// Descriptions name users, entries, alerts and requests, never a secret, a vector or a visitor id.
public enum IdentityError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The name and secret do not match a user of the tenant (which of the two is wrong is not said).
    case notAuthenticated(tenant: String)
    /// The user's role may not do this.
    case roleRequired([String], action: String)
    /// A user with this name exists.
    case userExists(String)
    /// The first user of a tenant must be a privacy officer, who then adds the others.
    case firstUserMustBePrivacyOfficer
    /// A watchlist registration without its objective basis.
    case evidenceRequired
    /// A category that the manifest's published criteria do not list.
    case categoryNotPublished(String, published: [String])
    /// The registrant cannot approve their own registration: a second person must.
    case selfApproval
    /// No entry, alert or request with this id for the tenant.
    case notFound(kind: String, id: String)
    /// The entry, alert or request is not in a state that allows this.
    case wrongState(kind: String, id: String, state: String, action: String)
    /// A value out of range (an empty name, a date in the future, ...).
    case invalidValue(String)
    /// The store refused.
    case store(StoreError)
    /// The vault refused.
    case vault(VaultError)

    public var description: String {
        switch self {
        case let .notAuthenticated(tenant):
            return "user name or secret not recognised for tenant \(tenant); set SHOJI_USER and SHOJI_SECRET to a user made with 'shoji users add'"
        case let .roleRequired(roles, action):
            return "\(action) needs the role \(roles.joined(separator: " or "))"
        case let .userExists(name):
            return "a user named \(name) exists; choose another name"
        case .firstUserMustBePrivacyOfficer:
            return "the first user of a tenant must be its privacy officer (--role privacy_officer), who then adds the others"
        case .evidenceRequired:
            return "a watchlist registration needs its objective basis: --evidence (police report number or incident record) and --evidence-date"
        case let .categoryNotPublished(category, published):
            let list = published.isEmpty ? "the manifest publishes none (watchlist.categories)" : "published: \(published.joined(separator: ", "))"
            return "category '\(category)' is not among the published registration criteria (\(list))"
        case .selfApproval:
            return "a registration cannot be approved by the user who registered it; another privacy officer must approve it"
        case let .notFound(kind, id):
            return "no \(kind) \(id) for this tenant"
        case let .wrongState(kind, id, state, action):
            return "\(kind) \(id) is \(state); it cannot be \(action)"
        case let .invalidValue(message):
            return message
        case let .store(error):
            return error.description
        case let .vault(error):
            return error.description
        }
    }
}
