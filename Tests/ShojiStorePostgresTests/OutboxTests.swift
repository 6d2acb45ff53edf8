import Foundation
import GRDB
import PostgresNIO
@testable import ShojiStore
import ShojiStorePostgres
import Testing

/// The edge's outbox: queued with the records, aggregates only, delivered at least once and applied exactly once.
@Suite("Outbox: edge SQLite to hub PostgreSQL")
struct OutboxTests {
    @Test("records are queued in the transaction that stores them; trajectories never enter; a lost acknowledgement resends and counts nothing twice")
    func deliveredOnce() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("shoji-outbox-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let edge = try AnalyticsStore(path: folder.appendingPathComponent("edge.sqlite").path, options: .init(outbox: true))
        try await edge.setNodeID("shop-a-edge")
        try await Records.recordDeployments(edge)
        for minute in 0..<30 {
            var batch = try Records.batch(node: "unused", sequence: 1, deployment: "shop-a", scale: 1,
                                          at: Records.day.addingTimeInterval(Double(minute) * 120))
            batch.id = nil  // the edge's own batch: the store numbers it
            batch.trajectories = [FlowTrajectory(visitID: UUID(), deploymentID: "shop-a", cameraID: "floor",
                                                 started: Records.day, ended: Records.day.addingTimeInterval(5),
                                                 points: [FlowPoint(offset: 0, x: 0.1, y: 0.2), FlowPoint(offset: 5, x: 0.3, y: 0.4)])]
            #expect(try await edge.record(batch))
        }
        // A refused batch queues nothing: it was never stored.
        var bad = try Records.batch(node: "unused", sequence: 1, deployment: "shop-a", scale: 1)
        bad.id = nil
        bad.lineCrossings[0].count = -5
        await #expect(throws: StoreError.self) { try await edge.record(bad) }

        let backlog = try await edge.outboxBacklog()
        #expect(backlog.batches == 30)
        let queued = try await edge.outboxDue(limit: 100)
        #expect(queued.map { $0.id?.sequence } == (1...30).map(Int64.init), "numbered in order, none skipped")
        #expect(queued.allSatisfy { $0.batch.trajectories.isEmpty && $0.id?.node == "shop-a-edge" && $0.tenant == Records.retail })
        let payloads = try await edge.pool.read { db in try Data.fetchAll(db, sql: "SELECT payload FROM outbox_batch") }
        #expect(payloads.allSatisfy { String(decoding: $0, as: UTF8.self).contains("\"trajectories\":[]") }, "no per-visit record in the outbox")

        try await StoreConformanceTests.withPostgres { hub in
            // The first half arrives, but its acknowledgement is lost: the edge keeps it and sends it again.
            let first = Array(queued.prefix(15)).map(\.batch)
            #expect(try await hub.apply(first, tenant: Records.retail).count == 15)
            try await edge.deferOutbox(first.compactMap(\.id), until: Date().addingTimeInterval(-1))
            let again = try await edge.outboxDue(limit: 100)
            #expect(again.count == 30 && again.first?.attempts == 1)
            let applied = try await hub.apply(again.map(\.batch), tenant: Records.retail)
            #expect(applied.count == 15, "only the batches not applied before")
            try await edge.acknowledgeOutbox(again.compactMap(\.id))
            #expect(try await edge.outboxBacklog().batches == 0)
            #expect(try await hub.totals(of: Records.retail) == edge.totals(of: Records.retail), "nothing lost, nothing counted twice")
            #expect(try await hub.totals(of: Records.retail) == Records.expectedTotals(Array(repeating: 1, count: 30)))
        }
    }

    @Test("a store numbers its own batches under its node id, which changes only while nothing waits in the outbox")
    func nodeIDs() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("shoji-node-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try AnalyticsStore(path: folder.appendingPathComponent("edge.sqlite").path, options: .init(outbox: true))
        #expect(try await store.nodeID().hasPrefix("node-"), "a random id until one is set")
        await #expect(throws: StoreError.self) { try await store.setNodeID("bad id with spaces") }
        try await store.setNodeID("edge-7")
        try await Records.recordDeployments(store)
        var batch = try Records.batch(node: "x", sequence: 1, deployment: "shop-a", scale: 1)
        batch.id = nil
        try await store.record(batch)
        await #expect(throws: StoreError.self, "a queued batch is numbered as edge-7") { try await store.setNodeID("edge-8") }
        #expect(try await store.nodeID() == "edge-7")
        try await store.acknowledgeOutbox(try await store.outboxDue(limit: 10).compactMap(\.id))
        try await store.setNodeID("edge-8")
        try await store.record(batch)
        #expect(try await store.outboxDue(limit: 10).compactMap(\.id) == [try BatchID(node: "edge-8", sequence: 2)], "the sequence goes on")
    }
}
