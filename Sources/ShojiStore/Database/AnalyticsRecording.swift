/// Where records are written: the embedded ``AnalyticsStore`` (an edge node, a single node) and the hub's
/// PostgreSQL store.
///
/// A small protocol so that the pipeline depends on what it does with the store, not on SQLite. Implementations
/// store a batch atomically and refuse records of deployments they have not recorded.
public protocol AnalyticsRecording: Sendable {
    /// Records an approved deployment before its records.
    func recordDeployment(_ deployment: DeploymentRecord) async throws(StoreError)
    /// Stores a batch of records atomically, once per batch id; false when the id was applied before. `tenant`,
    /// when given, is the only tenant whose records the batch may hold.
    @discardableResult
    func record(_ batch: AnalyticsBatch, tenant: String?) async throws(StoreError) -> Bool
}

extension AnalyticsRecording {
    /// Stores a batch of records atomically, once per batch id.
    @discardableResult
    public func record(_ batch: AnalyticsBatch) async throws(StoreError) -> Bool {
        try await record(batch, tenant: nil)
    }
}

extension AnalyticsStore: AnalyticsRecording {}
