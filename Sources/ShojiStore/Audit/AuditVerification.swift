/// The outcome of checking a tenant's audit chain.
public enum AuditVerification: Sendable, Hashable, Codable {
    /// Every entry holds; `head` is the last entry's hash (``AuditLog/genesis`` for an empty log): print it and keep
    /// it elsewhere, so that a later cut can be seen.
    case intact(entries: Int, head: String)
    /// The first entry found not to hold, and why.
    case broken(at: Int, problem: String)

    /// Whether the chain holds.
    public var isIntact: Bool {
        if case .intact = self { return true }
        return false
    }
}
