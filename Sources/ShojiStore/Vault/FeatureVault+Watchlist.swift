import Foundation
import GRDB
import ShojiPolicy

extension FeatureVault {
    /// Registers a person on the watchlist, pending a second person's approval: the entry with its objective
    /// basis, and the face vector sealed in the vault until `expiresAt` (the manifest's `watchlist_entries` days).
    ///
    /// - Throws: ``IdentityError/evidenceRequired`` without evidence, ``IdentityError/categoryNotPublished(_:published:)``
    ///   for a category the published criteria do not list.
    public func registerWatchlistEntry(vector: [Float], category: String, evidence: String, evidenceDate: CalendarDay,
                                       publishedCategories: [String], expiresAt: Date,
                                       at time: Date = Date()) async throws(IdentityError) -> WatchlistEntry {
        guard case .watchlistRegistration(let user) = access else {
            throw .vault(.purposeNotPermitted(purpose: .watchlist, access: access.description))
        }
        let basis = evidence.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !basis.isEmpty else { throw .evidenceRequired }
        guard publishedCategories.contains(category) else { throw .categoryNotPublished(category, published: publishedCategories) }
        guard evidenceDate <= CalendarDay(time) else { throw .invalidValue("the evidence date \(evidenceDate) lies in the future") }
        let id = UUID()
        let vectorRow: NewVector
        do {
            vectorRow = try NewVector(values: vector, purpose: .watchlist, subject: id.uuidString.lowercased(), takenAt: time,
                                      expiresAt: expiresAt)
        } catch {
            throw .vault(error)
        }
        return try await store.write(IdentityError.self) { [self] db in
            try db.execute(sql: """
                INSERT INTO watchlist_entry (entry_id, tenant_id, deployment_id, category, evidence, evidence_date,
                    registered_by, registered_at, status, expires_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?)
                """, arguments: [id.uuidString.lowercased(), tenant, deploymentID, category, basis, evidenceDate.description,
                                 user.name, time.timeIntervalSince1970, vectorRow.expiresAt.timeIntervalSince1970])
            try insert(vectorRow, db)
            try AuditLog.append(db, tenant: tenant, actor: user.actor, action: "watchlist.register",
                                target: id.uuidString.lowercased(), detail: "category \(category)", at: time)
            return try Self.entry(db, tenant: tenant, id: id)
        }
    }

    /// Approves a pending entry: only a privacy officer who did not register it may. From then on it is matched
    /// until it expires; `reviewAt` is when its need must be checked again.
    public func approveWatchlistEntry(_ id: UUID, reviewAt: Date, at time: Date = Date()) async throws(IdentityError) -> WatchlistEntry {
        try await decide(id, status: .approved, reviewAt: reviewAt, reason: nil, at: time)
    }

    /// Rejects a pending entry, or removes an approved one, and erases its vector at once.
    public func withdrawWatchlistEntry(_ id: UUID, reason: String, at time: Date = Date()) async throws(IdentityError) -> WatchlistEntry {
        let entry = try await decide(id, status: nil, reviewAt: nil, reason: reason, at: time)
        do {
            _ = try await checkpoint()
        } catch {
            throw .vault(error)
        }
        return entry
    }

    /// The tenant's entries, newest first (a read of personal data: audited).
    public func watchlistEntries(at time: Date = Date()) async throws(IdentityError) -> [WatchlistEntry] {
        try await store.write(IdentityError.self) { [tenant, actor] db in
            let entries = try Row.fetchAll(db, sql: """
                SELECT \(WatchlistEntry.columns) FROM watchlist_entry WHERE tenant_id = ? ORDER BY registered_at DESC
                """, arguments: [tenant]).map(WatchlistEntry.init(row:))
            try AuditLog.append(db, tenant: tenant, actor: actor, action: "watchlist.list", detail: "\(entries.count) entries", at: time)
            return entries
        }
    }

    /// Approves (`status` approved) or withdraws (nil: rejected when pending, removed when approved).
    private func decide(_ id: UUID, status: WatchlistEntry.Status?, reviewAt: Date?, reason: String?,
                        at time: Date) async throws(IdentityError) -> WatchlistEntry {
        guard case .watchlistRegistration(let user) = access else {
            throw .vault(.purposeNotPermitted(purpose: .watchlist, access: access.description))
        }
        if status == .approved { try user.require([.privacyOfficer], to: "approving a watchlist entry") }
        return try await store.write(IdentityError.self) { [tenant] db in
            let entry = try Self.entry(db, tenant: tenant, id: id)
            let key = id.uuidString.lowercased()
            let next: WatchlistEntry.Status
            switch (status, entry.status) {
            case (.approved?, .pending):
                guard entry.registeredBy != user.name else { throw IdentityError.selfApproval }
                next = .approved
            case (nil, .pending): next = .rejected
            case (nil, .approved): next = .removed
            default:
                throw IdentityError.wrongState(kind: "watchlist entry", id: key, state: entry.status.rawValue,
                                               action: status == .approved ? "approved" : "withdrawn")
            }
            try db.execute(sql: """
                UPDATE watchlist_entry SET status = ?, decided_by = ?, decided_at = ?, review_at = COALESCE(?, review_at)
                WHERE entry_id = ? AND tenant_id = ?
                """, arguments: [next.rawValue, user.name, time.timeIntervalSince1970, reviewAt?.timeIntervalSince1970, key, tenant])
            if next != .approved {
                try db.execute(sql: "DELETE FROM vault_vector WHERE tenant_id = ? AND subject_id = ? AND purpose = 'watchlist'",
                               arguments: [tenant, key])
            }
            try Self.bumpGeneration(db, tenant: tenant)
            try AuditLog.append(db, tenant: tenant, actor: user.actor, action: "watchlist.\(next.rawValue)", target: key,
                                detail: reason ?? "", at: time)
            return try Self.entry(db, tenant: tenant, id: id)
        }
    }

    static func entry(_ db: Database, tenant: String, id: UUID) throws -> WatchlistEntry {
        guard let row = try Row.fetchOne(db, sql: "SELECT \(WatchlistEntry.columns) FROM watchlist_entry WHERE entry_id = ? AND tenant_id = ?",
                                         arguments: [id.uuidString.lowercased(), tenant]) else {
            throw IdentityError.notFound(kind: "watchlist entry", id: id.uuidString.lowercased())
        }
        return try WatchlistEntry(row: row)
    }
}
