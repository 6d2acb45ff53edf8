import Logging

/// What every camera of one run shares.
struct PipelineContext: Sendable {
    var deploymentID: String
    var options: PipelineOptions
    var pending: PendingRecords
    var status: StatusBoard
    var logger: Logger
}
