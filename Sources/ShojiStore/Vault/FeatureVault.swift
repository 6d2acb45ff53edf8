import Crypto
import Foundation
import GRDB
import ShojiPolicy

/// The feature vault: face vectors sealed with AES-GCM under the tenant's key (``TenantKeyring``, never in the
/// database), each with a tenant, a purpose, a subject and an expiry (DESIGN.md invariant 4).
///
/// A handle is opened for one ``VaultAccess`` under an ``ApprovedDeployment`` that permits it, and reads and
/// writes only that access's purposes; the purpose is part of each vector's authenticated data, so a row moved
/// to another purpose or tenant does not open. Galleries are decrypted into memory (``VectorIndex``) and searched
/// there. Erasure (expiry, requests, removal) deletes with `secure_delete` on and then truncates the WAL, so that
/// the bytes leave the database files. Every read and change appends to the audit log.
public final class FeatureVault: Sendable {
    /// The store holding the sealed vectors.
    public let store: AnalyticsStore
    /// The tenant whose vectors these are.
    public let tenant: String
    /// The deployment (site) new vectors are stored under.
    public let deploymentID: String
    /// What the handle may do.
    public let access: VaultAccess
    /// Whether galleries span all the tenant's sites (`processing.across_sites`) or this deployment only.
    public let acrossSites: Bool
    let keys: TenantKeyring

    /// Opens the vault of `deployment`'s tenant for `access`.
    ///
    /// - Throws: ``VaultError/purposeNotPermitted(purpose:access:)`` when the deployment permits none of the use
    ///   cases the access serves, or the user lacks the role; ``VaultError/badKeyFile(path:problem:)`` when the
    ///   keys are another tenant's.
    public init(store: AnalyticsStore, deployment: ApprovedDeployment, access: VaultAccess,
                keys: TenantKeyring) throws(VaultError) {
        let firstPurpose = access.readable.union(access.writable).sorted { $0.rawValue < $1.rawValue }.first ?? .repeatVisit
        guard access.useCases.contains(where: { deployment.permits($0) }) else {
            throw .purposeNotPermitted(purpose: firstPurpose, access: "\(access) (the deployment does not run \(access.useCases.map(\.rawValue).joined(separator: " or ")))")
        }
        if let user = access.user {
            guard user.tenant == deployment.tenant, access.roles.contains(user.role) else {
                throw .purposeNotPermitted(purpose: firstPurpose, access: "\(access) (role \(user.role.rawValue))")
            }
        }
        guard keys.tenant == deployment.tenant else {
            throw .badKeyFile(path: keys.source.description, problem: "it holds the keys of tenant \(keys.tenant), not \(deployment.tenant)")
        }
        self.store = store
        tenant = deployment.tenant
        deploymentID = deployment.deploymentID
        self.access = access
        acrossSites = deployment.manifest.processing.acrossSites
        self.keys = keys
    }

    /// `pipeline:DEPLOYMENT` or `user:NAME`, as audit entries name who acted.
    var actor: String {
        if case .requestPortal = access { return "portal:\(deploymentID)" }
        return access.user?.actor ?? "pipeline:\(deploymentID)"
    }

    // MARK: Reading

    /// The vectors of `purpose` valid at `now`, decrypted into memory: this deployment's, or the tenant's at every
    /// site when the manifest says `across_sites` (opt-outs, and requests, always tenant-wide); for watchlist
    /// matching, only approved, unexpired entries. The read is audited.
    public func gallery(_ purpose: VaultPurpose, now: Date = Date()) async throws(VaultError) -> VectorIndex {
        guard access.readable.contains(purpose) else { throw .purposeNotPermitted(purpose: purpose, access: access.description) }
        let site: String? = (acrossSites || purpose == .optOut || isRequestHandling) ? nil : deploymentID
        // Matching sees approved entries only; a person asking what is held sees pending ones too.
        let approvedOnly = !isRequestHandling
        let rows = try await store.write(VaultError.self) { [tenant, actor] db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT v.vector_id, v.subject_id, v.deployment_id, v.key_id, v.sealed, v.created_at, v.expires_at
                FROM vault_vector v
                WHERE v.tenant_id = ?1 AND v.purpose = ?2 AND v.expires_at > ?3 AND (?4 IS NULL OR v.deployment_id = ?4)
                  AND (?2 <> 'watchlist' OR NOT ?5 OR EXISTS (
                      SELECT 1 FROM watchlist_entry e WHERE e.entry_id = v.subject_id AND e.tenant_id = ?1
                        AND e.status = 'approved' AND e.expires_at > ?3))
                ORDER BY v.created_at
                """, arguments: [tenant, purpose.rawValue, now.timeIntervalSince1970, site, approvedOnly])
            try AuditLog.append(db, tenant: tenant, actor: actor, action: "vault.read", target: purpose.rawValue,
                                detail: "\(rows.count) vectors", at: now)
            return rows.map(SealedRow.init(row:))
        }
        var index = VectorIndex()
        for row in rows {
            let values = try unseal(row, purpose: purpose)
            guard let id = UUID(uuidString: row.id) else { throw .cannotUnseal }
            index.add(values, id: id, subject: row.subject, expiresAt: row.expiresAt)
        }
        return index
    }

    /// Each known visitor's last visit (in this deployment, or at every site with `across_sites`), for the return
    /// intervals the statistics keep. An audited read of the visit history.
    public func lastVisits(now: Date = Date()) async throws(VaultError) -> [String: Date] {
        guard access.readable.contains(.repeatVisit) else { throw .purposeNotPermitted(purpose: .repeatVisit, access: access.description) }
        let site: String? = acrossSites ? nil : deploymentID
        return try await store.write(VaultError.self) { [tenant, actor] db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT visitor_id, MAX(visited_at) AS last FROM repeat_visit
                WHERE tenant_id = ?1 AND (?2 IS NULL OR deployment_id = ?2) GROUP BY visitor_id
                """, arguments: [tenant, site])
            try AuditLog.append(db, tenant: tenant, actor: actor, action: "visits.read", detail: "\(rows.count) visitors' last visits", at: now)
            return Dictionary(rows.map { ($0["visitor_id"] as String, Date(timeIntervalSince1970: $0["last"])) }, uniquingKeysWith: max)
        }
    }

    /// A number that changes whenever vectors of the tenant are erased or a gallery changes outside the pipeline
    /// (an opt-out, a watchlist decision): a running analyzer reloads its galleries when it moves.
    public func generation() async throws(VaultError) -> Int {
        try await store.read(VaultError.self) { [tenant] db in
            try Int.fetchOne(db, sql: "SELECT generation FROM vault_generation WHERE tenant_id = ?", arguments: [tenant]) ?? 0
        }
    }

    /// A fresh pseudonymous visitor id: HMAC-SHA256 under the tenant's salt of 16 random bytes, so ids are per
    /// tenant, say nothing about the face, and cannot be linked to another tenant's.
    public func newVisitorID() -> String {
        let nonce = SymmetricKey(size: .bits128).withUnsafeBytes { Data($0) }
        let mac = HMAC<SHA256>.authenticationCode(for: nonce, using: keys.salt)
        return "v" + Data(mac).prefix(15).map { String(format: "%02x", $0) }.joined()
    }

    // MARK: Writing

    /// Stores `batch` in one transaction: seals each new vector under the current key (read inside the
    /// transaction, so a key rotated meanwhile is taken up), inserts visits, adds visit counts, inserts alerts, and
    /// appends one audit entry with the counts. Nothing is stored when any part fails.
    public func record(_ batch: IdentityBatch, at time: Date = Date()) async throws(VaultError) {
        guard !batch.isEmpty else { return }
        for vector in batch.vectors where !access.writable.contains(vector.purpose) {
            throw .purposeNotPermitted(purpose: vector.purpose, access: access.description)
        }
        if !batch.retiredVectors.isEmpty, !access.writable.contains(.repeatVisit) {
            throw .purposeNotPermitted(purpose: .repeatVisit, access: access.description)
        }
        try await store.write(VaultError.self) { [self] db in
            for vector in batch.vectors { try insert(vector, db) }
            for id in batch.retiredVectors {
                try db.execute(sql: "DELETE FROM vault_vector WHERE vector_id = ? AND tenant_id = ? AND purpose = 'repeat'",
                               arguments: [id.uuidString.lowercased(), tenant])
            }
            for visit in batch.visits {
                try db.execute(sql: """
                    INSERT INTO repeat_visit (tenant_id, visitor_id, deployment_id, camera_id, visited_at) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT DO NOTHING
                    """, arguments: [tenant, visit.visitorID, deploymentID, visit.cameraID, visit.visitedAt.timeIntervalSince1970])
            }
            for count in batch.visitCounts {
                try db.execute(sql: """
                    INSERT INTO repeat_visit_count (deployment_id, camera_id, bucket_start, bucket_seconds, visits, first_visits,
                        returning_visits, return_interval_seconds)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (deployment_id, camera_id, bucket_start, bucket_seconds) DO UPDATE SET
                        visits = visits + excluded.visits, first_visits = first_visits + excluded.first_visits,
                        returning_visits = returning_visits + excluded.returning_visits,
                        return_interval_seconds = return_interval_seconds + excluded.return_interval_seconds
                    """, arguments: [count.deploymentID, count.cameraID, Int64(count.bucket.start.timeIntervalSince1970),
                                     count.bucket.seconds, count.visits, count.newVisitors, count.returningVisits,
                                     count.returnIntervalSeconds])
            }
            for alert in batch.alerts {
                try db.execute(sql: """
                    INSERT INTO match_alert (alert_id, tenant_id, entry_id, deployment_id, camera_id, matched_at, distance, status)
                    VALUES (?, ?, ?, ?, ?, ?, ?, 'pending')
                    """, arguments: [alert.alertID.uuidString.lowercased(), tenant, alert.entryID.uuidString.lowercased(),
                                     alert.deploymentID, alert.cameraID, alert.matchedAt.timeIntervalSince1970, alert.distance])
            }
            let detail = "\(batch.vectors.count) vectors, \(batch.visits.count) visits, \(batch.alerts.count) alerts"
            try AuditLog.append(db, tenant: tenant, actor: actor, action: "identity.record", detail: detail, at: time)
        }
    }

    /// Seals and inserts one vector inside the caller's transaction.
    func insert(_ vector: NewVector, _ db: Database) throws {
        let key = keys.currentKey
        let id = vector.id.uuidString.lowercased()
        let plain = vector.values.withUnsafeBufferPointer { Data(buffer: $0) }
        let sealed = try AES.GCM.seal(plain, using: key.key,
                                      authenticating: Self.authenticatedData(tenant: tenant, purpose: vector.purpose, vectorID: id,
                                                                              subject: vector.subject, expiresAt: vector.expiresAt))
        guard let combined = sealed.combined else { throw VaultError.cannotUnseal }
        try db.execute(sql: """
            INSERT INTO vault_vector (vector_id, tenant_id, purpose, subject_id, deployment_id, key_id, sealed, created_at, expires_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [id, tenant, vector.purpose.rawValue, vector.subject, deploymentID, key.id, combined,
                             vector.takenAt.timeIntervalSince1970, vector.expiresAt.timeIntervalSince1970])
    }

    // MARK: Erasing

    /// Truncates the WAL after an erasure; false when another process's reader kept it from emptying.
    func checkpoint() async throws(VaultError) -> Bool {
        do {
            return try await store.checkpointWAL()
        } catch {
            throw .store(error)
        }
    }

    static func bumpGeneration(_ db: Database, tenant: String) throws {
        try db.execute(sql: """
            INSERT INTO vault_generation (tenant_id, generation) VALUES (?, 1)
            ON CONFLICT (tenant_id) DO UPDATE SET generation = generation + 1
            """, arguments: [tenant])
    }

    // MARK: Keys

    /// Re-seals every vector of the tenant that is not under the current key, in one transaction, then retires
    /// the keys no vector uses any more. Running cameras go on: they read the key file inside each write.
    public func resealUnderCurrentKey(at time: Date = Date()) async throws(VaultError) -> (resealed: Int, retired: [String]) {
        guard case .keyRotation = access else { throw .purposeNotPermitted(purpose: .repeatVisit, access: access.description) }
        let before = Set(keys.keyIDs)
        let resealed = try await store.write(VaultError.self) { [self] db in
            let current = keys.currentKey
            let rows = try Row.fetchAll(db, sql: """
                SELECT vector_id, subject_id, deployment_id, key_id, sealed, created_at, expires_at, purpose
                FROM vault_vector WHERE tenant_id = ? AND key_id <> ?
                """, arguments: [tenant, current.id])
            for row in rows {
                let sealed = SealedRow(row: row)
                guard let purpose = VaultPurpose(rawValue: row["purpose"]) else { throw VaultError.cannotUnseal }
                let values = try unseal(sealed, purpose: purpose)
                let combined = try AES.GCM.seal(
                    values.withUnsafeBufferPointer { Data(buffer: $0) }, using: current.key,
                    authenticating: Self.authenticatedData(tenant: tenant, purpose: purpose, vectorID: sealed.id,
                                                           subject: sealed.subject, expiresAt: sealed.expiresAt)).combined
                try db.execute(sql: "UPDATE vault_vector SET key_id = ?, sealed = ? WHERE vector_id = ?",
                               arguments: [current.id, combined, sealed.id])
            }
            try AuditLog.append(db, tenant: tenant, actor: actor, action: "keys.rotate", target: current.id,
                                detail: "\(rows.count) vectors re-sealed", at: time)
            return rows.count
        }
        let inUse = try await store.read(VaultError.self) { [tenant] db in
            Set(try String.fetchAll(db, sql: "SELECT DISTINCT key_id FROM vault_vector WHERE tenant_id = ?", arguments: [tenant]))
        }
        try keys.retire(except: inUse)
        _ = try await checkpoint()
        return (resealed, before.subtracting(Set(keys.keyIDs)).sorted())
    }

    // MARK: Sealing

    private var isRequestHandling: Bool {
        if case .rightsRequests = access { return true }
        if case .requestPortal = access { return true }
        return false
    }

    /// What each vector's tag authenticates besides its values: a row copied to another tenant, purpose, subject or
    /// expiry does not open.
    static func authenticatedData(tenant: String, purpose: VaultPurpose, vectorID: String, subject: String,
                                  expiresAt: Date) -> Data {
        let millis = Int64((expiresAt.timeIntervalSince1970 * 1000).rounded())
        return Data("shoji-vault-1\u{0}\(tenant)\u{0}\(purpose.rawValue)\u{0}\(vectorID)\u{0}\(subject)\u{0}\(millis)".utf8)
    }

    func unseal(_ row: SealedRow, purpose: VaultPurpose) throws(VaultError) -> [Float] {
        guard let key = keys.key(id: row.keyID) else { throw .unknownKey(keyID: row.keyID) }
        let plain: Data
        do {
            let box = try AES.GCM.SealedBox(combined: row.sealed)
            plain = try AES.GCM.open(box, using: key, authenticating: Self.authenticatedData(
                tenant: tenant, purpose: purpose, vectorID: row.id, subject: row.subject,
                expiresAt: row.expiresAt))
        } catch {
            throw .cannotUnseal
        }
        guard plain.count == VectorIndex.dimensions * MemoryLayout<Float>.size else { throw .cannotUnseal }
        return plain.withUnsafeBytes { Array($0.bindMemory(to: Float.self)) }
    }
}
