/// Where the pipeline writes its records: the embedded ``AnalyticsStore`` now, a hub store later.
///
/// A small protocol so that the pipeline depends on what it does with the store, not on SQLite. Implementations
/// store a batch atomically and refuse records of deployments they have not recorded.
public protocol AnalyticsRecording: Sendable {
    /// Records an approved deployment before its records.
    func recordDeployment(_ deployment: DeploymentRecord) async throws(StoreError)
    /// Stores a batch of records atomically.
    func record(_ batch: AnalyticsBatch) async throws(StoreError)
}

extension AnalyticsStore: AnalyticsRecording {}
