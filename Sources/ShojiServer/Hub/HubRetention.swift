import Foundation
import Logging
import NIOConcurrencyHelpers
import ServiceLifecycle
import ShojiStore
import ShojiStorePostgres

/// The hub's retention: once the schema is ready and then every `period`, removes every record older than the
/// hub's period (whole monthly partitions, then the rows of the month the cut-off falls in). Several hubs may
/// sweep one database: a sweep only removes what is already past its cut-off.
struct HubRetention: Service {
    let store: PostgresStore
    let days: Int
    let ready: NIOLockedValueBox<Bool>
    let period: Duration
    let logger: Logger

    func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                if ready.withLockedValue({ $0 }) {
                    await sweep()
                    try? await Task.sleep(for: period)
                } else {
                    try? await Task.sleep(for: .seconds(1))
                }
            }
        }
    }

    private func sweep() async {
        let cutoff = Date().addingTimeInterval(-Double(days) * 86_400)
        let kinds = RecordKind.allCases.filter(\.isShareable)
        do {
            let removed = try await store.deleteRecords(olderThan: Dictionary(uniqueKeysWithValues: kinds.map { ($0, cutoff) }), deploymentID: nil)
            let total = removed.values.reduce(0, +)
            if total > 0 { logger.notice("retention removed expired records", metadata: ["records": "\(total)", "days": "\(days)"]) }
        } catch {
            logger.error("retention sweep failed; retrying next period", metadata: ["error": "\(error)"])
        }
    }
}
