import Foundation
import ShojiStore

/// The decrypted galleries one deployment's cameras match against, in memory only: repeat visitors and the
/// opt-out list (through the repeat analyzer's vault handle) and approved watchlist entries (through the watchlist
/// analyzer's). Shared by the deployment's cameras, so a visitor seen by one camera is known to the next.
///
/// The record writer reloads the galleries when the vault's generation moves (an erasure, an opt-out, a watchlist
/// decision made by another process); vectors added here since the last load and not yet stored are laid over
/// the reloaded gallery, so nothing the cameras saw is forgotten. Thread-safe.
final class IdentityGallery: @unchecked Sendable {
    /// The repeat analyzer's handle (reads repeat and opt-out vectors, writes repeat vectors).
    let repeatVault: FeatureVault?
    /// The watchlist analyzer's handle (reads approved entries).
    let watchlistVault: FeatureVault?

    private let lock = NSLock()
    private var indexes: [VaultPurpose: VectorIndex] = [:]
    private var lastVisits: [String: Date] = [:]
    private var vectorsOfVisitor: [String: [UUID]] = [:]
    private var unsaved: [UUID: NewVector] = [:]
    private var generation = 0

    private init(repeatVault: FeatureVault?, watchlistVault: FeatureVault?) {
        self.repeatVault = repeatVault
        self.watchlistVault = watchlistVault
    }

    /// Loads every gallery the handles may read.
    static func load(repeatVault: FeatureVault?, watchlistVault: FeatureVault?, now: Date) async throws(VaultError) -> IdentityGallery {
        let gallery = IdentityGallery(repeatVault: repeatVault, watchlistVault: watchlistVault)
        try await gallery.reload(now: now, generation: try await gallery.writer?.generation() ?? 0)
        return gallery
    }

    /// The vault that stores the identity records: the repeat handle when there is one (it may write vectors).
    var writer: FeatureVault? { repeatVault ?? watchlistVault }

    /// Reloads when the vault's generation moved since the last load; returns whether it did.
    @discardableResult
    func reloadIfChanged(now: Date) async throws(VaultError) -> Bool {
        guard let vault = writer else { return false }
        let current = try await vault.generation()
        guard current != lock.withLock({ generation }) else { return false }
        try await reload(now: now, generation: current)
        return true
    }

    /// Loads every gallery; `stamp` is the vault generation read before (changes after it reload again).
    private func reload(now: Date, generation stamp: Int) async throws(VaultError) {
        var fresh: [VaultPurpose: VectorIndex] = [:]
        var visits: [String: Date] = [:]
        if let repeatVault {
            fresh[.repeatVisit] = try await repeatVault.gallery(.repeatVisit, now: now)
            fresh[.optOut] = try await repeatVault.gallery(.optOut, now: now)
            visits = try await repeatVault.lastVisits(now: now)
        }
        if let watchlistVault {
            fresh[.watchlist] = try await watchlistVault.gallery(.watchlist, now: now)
        }
        lock.withLock {
            // Vectors seen since the last load and not yet stored stay.
            for vector in unsaved.values.sorted(by: { $0.takenAt < $1.takenAt }) {
                fresh[vector.purpose, default: VectorIndex()].add(vector.values, id: vector.id, subject: vector.subject,
                                                                   expiresAt: vector.expiresAt)
            }
            indexes = fresh
            for (visitor, last) in lastVisits where (visits[visitor] ?? .distantPast) < last { visits[visitor] = last }
            lastVisits = visits
            vectorsOfVisitor = [:]
            for (id, subject) in (fresh[.repeatVisit]?.entries ?? []) { vectorsOfVisitor[subject, default: []].append(id) }
            generation = stamp
        }
    }

    // MARK: Matching

    /// The matcher's decision for `probe` against the gallery of `purpose`.
    func decide(_ probe: [Float], in purpose: VaultPurpose, matcher: IdentityMatcher, now: Date) -> IdentityMatcher.Decision {
        lock.withLock {
            guard let index = indexes[purpose] else { return .unknown }
            return matcher.decide(probe, in: index, now: now)
        }
    }

    /// The visitor's last visit, if known.
    func lastVisit(of visitor: String) -> Date? {
        lock.withLock { lastVisits[visitor] }
    }

    /// Records that `visitor` was seen at `time`.
    func noteVisit(of visitor: String, at time: Date) {
        lock.withLock { lastVisits[visitor] = max(time, lastVisits[visitor] ?? time) }
    }

    /// Adds `vector` to its gallery at once (a visitor is recognised by the next camera before it is stored) and
    /// returns the ids of the visitor's vectors beyond the newest `keep`, which the caller erases.
    func add(_ vector: NewVector, keepingPerSubject keep: Int) -> [UUID] {
        lock.withLock {
            indexes[vector.purpose, default: VectorIndex()].add(vector.values, id: vector.id, subject: vector.subject,
                                                                expiresAt: vector.expiresAt)
            unsaved[vector.id] = vector
            guard vector.purpose == .repeatVisit else { return [] }
            var ids = vectorsOfVisitor[vector.subject, default: []]
            ids.append(vector.id)
            let retired = Array(ids.dropLast(keep))
            vectorsOfVisitor[vector.subject] = Array(ids.suffix(keep))
            if !retired.isEmpty {
                indexes[.repeatVisit]?.remove(ids: Set(retired))
                for id in retired { unsaved[id] = nil }
            }
            return retired
        }
    }

    /// Forgets the unsaved copies of vectors the writer has stored.
    func markStored(_ ids: [UUID]) {
        lock.withLock { for id in ids { unsaved[id] = nil } }
    }
}
