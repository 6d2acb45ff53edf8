import Foundation
import GRDB

extension AnalyticsStore {
    /// Deletes, in one transaction, every record of each kind whose time (bucket start, visit end, snapshot time)
    /// is before the kind's cut-off, of deployment `deploymentID` only (each deployment's manifest sets its own
    /// periods, and one database may hold several), or of every deployment when it is nil. Returns the number of
    /// rows deleted per kind.
    ///
    /// With `secure_delete` on, the deleted content is overwritten in the pages written by this transaction; call
    /// ``checkpointWAL()`` afterwards so that those pages replace the old ones in the database file and the WAL,
    /// which still holds older page images, is emptied.
    public func deleteRecords(olderThan cutoffs: [RecordKind: Date],
                              deploymentID: String?) async throws(StoreError) -> [RecordKind: Int] {
        try await write { db in
            var deleted: [RecordKind: Int] = [:]
            for (kind, cutoff) in cutoffs {
                let (table, column) = kind.storage
                try db.execute(sql: "DELETE FROM \(table) WHERE \(column) < ?1 AND (?2 IS NULL OR deployment_id = ?2)",
                               arguments: [cutoff.timeIntervalSince1970, deploymentID])
                deleted[kind] = db.changesCount
                // An hour whose start is past the cut-off goes whole, so a roll-up never outlives its records.
                for rollUp in kind.rollUpTables {
                    try db.execute(sql: "DELETE FROM \(rollUp) WHERE bucket_start < ?1 AND (?2 IS NULL OR deployment_id = ?2)",
                                   arguments: [cutoff.timeIntervalSince1970, deploymentID])
                }
            }
            return deleted
        }
    }

    /// Copies every WAL page into the database file and truncates the WAL to zero bytes
    /// (`PRAGMA wal_checkpoint(TRUNCATE)`), waiting for this process's readers to finish first.
    ///
    /// Returns false when another process was reading and the WAL could not be emptied; the deleted content may
    /// then still be in the WAL until the next checkpoint succeeds.
    public func checkpointWAL() async throws(StoreError) -> Bool {
        guard !options.readOnly else { throw .cannotOpen(path: path, reason: "it was opened read-only") }
        do {
            let result = try await pool.barrierWriteWithoutTransaction { db in try db.checkpoint(.truncate) }
            return result.walFrameCount == result.checkpointedFrameCount
        } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED {
            return false
        } catch {
            throw StoreError.wrapping(error, path: path)
        }
    }
}
