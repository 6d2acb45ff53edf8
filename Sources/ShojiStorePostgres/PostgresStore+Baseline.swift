import Foundation
import PostgresNIO
import ShojiStore

extension PostgresStore {
    /// The benchmark's peer (`shoji bench hub`): the same rows COPY'd straight into the same record tables, with
    /// the same keys, in one transaction — no batch ids claimed, no staging table, no merge. It is the most a
    /// load of these rows can do, and it is not idempotent: only a benchmark on a scratch database calls it.
    public func copyWithoutMerge(_ batches: [AnalyticsBatch], tenant: String) async throws(StoreError) {
        let owners = batches.reduce(into: [String: String]()) { owners, batch in
            for deployment in batch.deploymentIDs { owners[deployment] = tenant }
        }
        let rows = try HubRows(batches, owners: owners, congestionHistorySeconds: congestionHistorySeconds)
        try await ensurePartitions(rows.months)
        try await run("copying rows") { [self] in
            try await client.withTransaction(logger: logger) { connection in
                for (table, lines) in rows.tables where !lines.isEmpty {
                    try await self.copy(lines, into: table.name, columns: table.columns, connection)
                }
            }
        }
    }
}
