import Logging
import ShojiStore

/// What every camera of one run shares.
struct PipelineContext: Sendable {
    var deploymentID: String
    var options: PipelineOptions
    var pending: PendingRecords<AnalyticsBatch>
    var status: StatusBoard
    var logger: Logger
    /// The galleries and pending identity records of repeat and watchlist cameras (nil without them).
    var identity: IdentityContext?
}

/// What the identity analyzers of one run share.
struct IdentityContext: Sendable {
    /// The decrypted galleries.
    var gallery: IdentityGallery
    /// Identity records waiting for the writer.
    var pending: PendingRecords<IdentityBatch>
    /// The manifest's `feature_vectors` retention: how long a visitor's vector is kept.
    var featureVectorDays: Int
}
