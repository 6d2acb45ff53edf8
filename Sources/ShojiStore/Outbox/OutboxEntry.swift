import Foundation

/// A batch waiting in an edge node's outbox for the hub: its id (this node, its sequence), its tenant and its
/// shareable records. Delivery is at least once (a batch is deleted only when the hub acknowledged it), and the hub
/// applies each id once, so every record is counted exactly once.
public struct OutboxEntry: Sendable, Hashable {
    /// The batch, its ``AnalyticsBatch/id`` set.
    public let batch: AnalyticsBatch
    /// The tenant its records belong to.
    public let tenant: String
    /// How many sends failed so far.
    public let attempts: Int

    /// The batch's id.
    public var id: BatchID? { batch.id }

    init(batch: AnalyticsBatch, tenant: String, attempts: Int) {
        self.batch = batch
        self.tenant = tenant
        self.attempts = attempts
    }

    /// The payload as stored and sent: the batch as JSON, instants in seconds since 1970.
    static func encode(_ batch: AnalyticsBatch) throws(StoreError) -> Data {
        try HubWire.encode(batch)
    }

    /// A payload read back.
    static func decode(_ data: Data) throws(StoreError) -> AnalyticsBatch {
        do {
            return try HubWire.decoder.decode(AnalyticsBatch.self, from: data)
        } catch {
            throw .invalidValue("an outbox batch could not be read: \(error)")
        }
    }
}
