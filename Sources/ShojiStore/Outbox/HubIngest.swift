import Foundation

/// What an edge node sends to a hub in one request (`POST /api/v1/ingest`): the approved deployments its batches
/// name, so that the hub can check and record them first, and the outbox batches, each with its id.
public struct IngestRequest: Sendable, Hashable, Codable {
    /// The deployments the batches name (the hub records each; a deployment of another tenant is refused).
    public var deployments: [DeploymentRecord]
    /// The batches, oldest first, each with its ``AnalyticsBatch/id``.
    public var batches: [AnalyticsBatch]
    /// The node's watermark (``AnalyticsStore/outboxWatermark()``): every batch it numbered below this was
    /// acknowledged and is gone from its outbox, so it is never sent again and the hub may forget those ids.
    public var acknowledgedBelow: Int64?

    /// A request.
    public init(deployments: [DeploymentRecord], batches: [AnalyticsBatch], acknowledgedBelow: Int64? = nil) {
        self.deployments = deployments
        self.batches = batches
        self.acknowledgedBelow = acknowledgedBelow
    }

    /// The request body: JSON, instants in seconds since 1970 (as the outbox stores batches).
    public func encoded() throws(StoreError) -> Data {
        try HubWire.encode(self)
    }

    /// A request body read back.
    public static func decoded(from data: Data) throws -> IngestRequest {
        try HubWire.decoder.decode(IngestRequest.self, from: data)
    }
}

/// The hub's answer to an ingest: which batches it applied now and which it had applied before. The edge deletes
/// both from its outbox; every batch of the request is in one of the two.
public struct IngestReply: Sendable, Hashable, Codable {
    /// Applied by this request.
    public var applied: [BatchID]
    /// Applied before (a resend after a lost acknowledgement): nothing was changed for them.
    public var alreadyApplied: [BatchID]

    /// A reply.
    public init(applied: [BatchID], alreadyApplied: [BatchID]) {
        self.applied = applied
        self.alreadyApplied = alreadyApplied
    }

    /// Every batch the hub now holds.
    public var acknowledged: [BatchID] { applied + alreadyApplied }
}

/// The JSON of the outbox and of the hub's ingest: one encoding on both sides of the wire.
enum HubWire {
    static func encode<T: Encodable>(_ value: T) throws(StoreError) -> Data {
        do {
            return try encoder.encode(value)
        } catch {
            throw .invalidValue("a batch for the hub could not be encoded: \(error)")
        }
    }

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .secondsSince1970
        return encoder
    }()

    static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .secondsSince1970
        return decoder
    }()
}
