import Foundation
import GRDB

extension AnalyticsStore {
    /// Erases, in one transaction, the tenant's vault vectors and watchlist entries (with their alerts) whose expiry
    /// has passed at `now`, bumps the vault generation so running cameras drop them, and audits the counts.
    /// The caller then truncates the WAL (``checkpointWAL()``), as a retention sweep does.
    @discardableResult
    public func eraseExpiredIdentityData(tenant: String, now: Date) async throws(StoreError) -> (vectors: Int, entries: Int) {
        try await write { db in
            try db.execute(sql: "DELETE FROM vault_vector WHERE tenant_id = ? AND expires_at <= ?",
                           arguments: [tenant, now.timeIntervalSince1970])
            let vectors = db.changesCount
            try db.execute(sql: "DELETE FROM watchlist_entry WHERE tenant_id = ? AND expires_at IS NOT NULL AND expires_at <= ?",
                           arguments: [tenant, now.timeIntervalSince1970])
            let entries = db.changesCount
            if vectors + entries > 0 {
                try FeatureVault.bumpGeneration(db, tenant: tenant)
                try AuditLog.append(db, tenant: tenant, actor: "system:retention", action: "vault.expire",
                                    detail: "\(vectors) vectors and \(entries) watchlist entries past their expiry erased", at: now)
            }
            return (vectors, entries)
        }
    }
}
