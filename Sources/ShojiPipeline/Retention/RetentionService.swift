import ServiceLifecycle
import ShojiStore

/// The retention sweeper as a service of the pipeline's group: sweeps at start, then once per period, and
/// stops at graceful shutdown. Records past their period are deleted with `secure_delete` on and the WAL is
/// checkpointed, so they are gone from the database files, not only from queries.
struct RetentionService: Service {
    let sweeper: RetentionSweeper

    func run() async throws {
        await cancelWhenGracefulShutdown {
            await sweeper.run()
        }
    }
}
