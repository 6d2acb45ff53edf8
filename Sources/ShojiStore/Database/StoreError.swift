import Foundation
import GRDB

/// Everything that can go wrong in the analytics store, each case saying what to do next.
///
/// The descriptions never contain a visit id or any other per-person value (DESIGN.md invariant 2), so they are
/// safe to log and to print as the command line's one error line.
public enum StoreError: Error, Sendable, Equatable, CustomStringConvertible, LocalizedError {
    /// The file could not be opened or created (missing folder, no permission, read-only medium).
    case cannotOpen(path: String, reason: String)
    /// The file exists but is not a SQLite database, or it is corrupted.
    case notADatabase(path: String)
    /// The file was migrated by a newer version of Shoji than this one.
    case newerSchema(path: String)
    /// SQLite reported `SQLITE_FULL`: the disk, or the configured size cap, is full.
    case diskFull(path: String)
    /// A flow trajectory with this visit id is already stored; visit ids must be fresh random UUIDs.
    case duplicateVisit
    /// A record refers to a deployment that was not recorded first with `recordDeployment(_:)`.
    case unknownDeployment
    /// The same deployment id was recorded before under another tenant; tenants' data must never mix.
    case deploymentTenantMismatch(deploymentID: String)
    /// A record or query value is out of range (negative count, unaligned bucket, bad digest, …).
    case invalidValue(String)
    /// A heatmap for the same camera and bucket is stored with another grid shape.
    case heatmapShapeMismatch(expected: String, got: String)
    /// Another process held the database longer than the busy timeout.
    case busy(path: String)
    /// Any other SQLite error, with SQLite's own message.
    case sqlite(code: Int32, message: String)

    /// One line for people: what happened and what to do next.
    public var description: String {
        switch self {
        case let .cannotOpen(path, reason):
            return "cannot open the database at \(path): \(reason); check the path and its permissions, or pass another with --database"
        case let .notADatabase(path):
            return "\(path) is not a Shoji database or is corrupted; move it aside (it was left untouched) or pass another with --database"
        case let .newerSchema(path):
            return "\(path) was written by a newer version of Shoji; upgrade shoji to read it"
        case let .diskFull(path):
            return "disk full: free space or move the database with --database (\(path)); nothing of the failed write was stored"
        case .duplicateVisit:
            return "a flow trajectory with this visit id is already stored; generate a fresh random UUID for every visit"
        case .unknownDeployment:
            return "records name a deployment that is not in the database; record the approved deployment before its records"
        case let .deploymentTenantMismatch(deploymentID):
            return "deployment \(deploymentID) is already recorded under another tenant; use a new deployment id for this tenant"
        case let .invalidValue(what):
            return "invalid value: \(what)"
        case let .heatmapShapeMismatch(expected, got):
            return "heatmap grid is \(got) but the stored grid for this camera and bucket is \(expected); keep one grid shape per camera"
        case let .busy(path):
            return "\(path) is busy: another shoji process is writing to it; retry, or raise the busy timeout"
        case let .sqlite(code, message):
            return "database error \(code): \(message)"
        }
    }

    /// Same as ``description``, for `LocalizedError` users.
    public var errorDescription: String? { description }

    /// Whether the same write may succeed later unchanged: another writer held the file, the disk was full, or
    /// an I/O error occurred. Everything else (a refused value, a constraint, a corrupt file) fails again.
    public var isTransient: Bool {
        switch self {
        case .busy, .diskFull: return true
        case let .sqlite(code, _): return code & 0xFF == 10  // SQLITE_IOERR and its extended codes
        default: return false
        }
    }
}

extension StoreError {
    /// Maps any error thrown by GRDB or SQLite to the store's typed error.
    ///
    /// Errors that are already `StoreError` pass through, so that a check made inside a transaction keeps its
    /// meaning after GRDB has rolled the transaction back.
    static func wrapping(_ error: any Error, path: String) -> StoreError {
        if let error = error as? StoreError { return error }
        guard let error = error as? DatabaseError else {
            return .sqlite(code: -1, message: String(describing: error))
        }
        switch error.extendedResultCode {
        case .SQLITE_CONSTRAINT_FOREIGNKEY:
            return .unknownDeployment
        default:
            break
        }
        switch error.resultCode {
        case .SQLITE_FULL:
            return .diskFull(path: path)
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return .busy(path: path)
        case .SQLITE_NOTADB, .SQLITE_CORRUPT:
            return .notADatabase(path: path)
        case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_READONLY, .SQLITE_AUTH:
            return .cannotOpen(path: path, reason: error.message ?? "SQLite error \(error.resultCode.rawValue)")
        default:
            return .sqlite(code: error.extendedResultCode.rawValue, message: error.message ?? "unknown")
        }
    }
}
