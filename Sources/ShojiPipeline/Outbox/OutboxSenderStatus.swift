import Foundation

/// What an outbox sender has done, for the console, `/metrics` and the command line's closing line.
public struct OutboxSenderStatus: Sendable, Hashable, Codable {
    /// Batches the hub acknowledged (applied now or before).
    public var acknowledgedBatches = 0
    /// Records in them.
    public var acknowledgedRecords = 0
    /// Of those batches, how many the hub had applied before (resends after a lost acknowledgement).
    public var alreadyAppliedBatches = 0
    /// Requests that failed (network, hub, refusal).
    public var failedRequests = 0
    /// Failures since the last success: what the back-off grows with.
    public var consecutiveFailures = 0
    /// When the hub last acknowledged a request.
    public var lastAcknowledgedAt: Date?
    /// The last failure, worded for the operator (no secret, no record values).
    public var lastError: String?

    /// An empty status.
    public init() {}
}
