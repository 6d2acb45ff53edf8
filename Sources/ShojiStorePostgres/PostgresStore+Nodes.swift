import Foundation
import PostgresNIO
import ShojiStore

/// An edge node the hub takes records from: its id and the one tenant whose records it may send.
public struct HubNode: Sendable, Hashable, Codable {
    /// The node's id, which its batch ids carry.
    public let nodeID: String
    /// The tenant whose records it may send.
    public let tenant: String
    /// When its current credential was issued.
    public let issuedAt: Date
    /// When it was revoked, if it was.
    public let revokedAt: Date?
}

extension PostgresStore {
    /// Issues `nodeID` a credential for `tenant`'s records. Issuing again for the same node and tenant replaces
    /// the credential (the old one stops working at once); a node id of another tenant is refused, because its
    /// applied batch ids would collide.
    public func registerNode(_ nodeID: String, tenant: String, at time: Date = Date()) async throws(StoreError) -> NodeCredential {
        guard !tenant.isEmpty else { throw .invalidValue("a node needs its tenant") }
        let credential = try NodeCredential.issue(nodeID: nodeID)
        let owner = try await run("registering a node") { [client, logger] in
            var owner: String?
            for try await tenant in try await client.query("""
                INSERT INTO hub_node (node_id, tenant_id, token_sha256, created_at) VALUES (\(nodeID), \(tenant), \(credential.tokenDigest), \(time.timeIntervalSince1970))
                ON CONFLICT (node_id) DO UPDATE SET token_sha256 = excluded.token_sha256, created_at = excluded.created_at, revoked_at = NULL
                WHERE hub_node.tenant_id = excluded.tenant_id
                RETURNING tenant_id
                """, logger: logger).decode(String.self) {
                owner = tenant
            }
            return owner
        }
        guard owner == tenant else {
            throw .invalidValue("node \(nodeID) is registered for another tenant; give this node another id")
        }
        return credential
    }

    /// The node a presented token belongs to; nil for an unknown or revoked token.
    public func node(authenticatedBy token: String) async throws(StoreError) -> HubNode? {
        let digest = NodeCredential.digest(of: token)
        return try await nodes(where: "token_sha256 = $1 AND revoked_at IS NULL", digest).first
    }

    /// Every node registered, by id.
    public func nodes() async throws(StoreError) -> [HubNode] {
        try await nodes(where: "true", nil)
    }

    /// Revokes `nodeID`'s credential; its batches already applied stay. False when there is no such node.
    @discardableResult
    public func revokeNode(_ nodeID: String, at time: Date = Date()) async throws(StoreError) -> Bool {
        try await run("revoking a node") { [client, logger] in
            var found = false
            for try await _ in try await client.query(
                "UPDATE hub_node SET revoked_at = \(time.timeIntervalSince1970) WHERE node_id = \(nodeID) RETURNING node_id",
                logger: logger).decode(String.self) {
                found = true
            }
            return found
        }
    }

    private func nodes(where condition: String, _ value: String?) async throws(StoreError) -> [HubNode] {
        try await run("reading nodes") { [client, logger] in
            var query = PostgresQuery(unsafeSQL: """
                SELECT node_id, tenant_id, created_at, revoked_at FROM hub_node WHERE \(condition) ORDER BY node_id
                """)
            if let value { query.binds.append(value) }
            var nodes: [HubNode] = []
            for try await (node, tenant, created, revoked) in try await client.query(query, logger: logger)
                .decode((String, String, Double, Double?).self) {
                nodes.append(HubNode(nodeID: node, tenant: tenant, issuedAt: Date(timeIntervalSince1970: created),
                                     revokedAt: revoked.map(Date.init(timeIntervalSince1970:))))
            }
            return nodes
        }
    }
}
