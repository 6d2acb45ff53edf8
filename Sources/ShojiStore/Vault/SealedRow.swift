import Foundation
import GRDB

/// A vault row as read, still sealed.
struct SealedRow: Sendable {
    /// The vector id as stored (lower-case UUID text, part of the authenticated data).
    let id: String
    let subject: String
    let deploymentID: String
    let keyID: String
    let sealed: Data
    let createdAt: Date
    let expiresAt: Date

    init(row: Row) {
        id = row["vector_id"]
        subject = row["subject_id"]
        deploymentID = row["deployment_id"]
        keyID = row["key_id"]
        sealed = row["sealed"]
        createdAt = Date(timeIntervalSince1970: row["created_at"])
        expiresAt = Date(timeIntervalSince1970: row["expires_at"])
    }
}
