import Foundation
import GRDB
import ShojiPipeline
import ShojiPolicy
import ShojiStore
import Testing

@Suite("Flow (use case 2) and the privacy of what it keeps")
struct FlowTests {
    @Test("trajectories are in floor coordinates under visit ids that are never reused, across cameras and runs")
    func visitIDsNeverReused() async throws {
        let folder = try PipelineFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try PipelineFixture.vtest()
        let deployment = try PipelineFixture.approve(try PipelineFixture.example("flow"), in: folder)
        let path = folder.appendingPathComponent("test.sqlite").path
        for _ in 0..<2 {
            let store = try AnalyticsStore(path: path)
            let pipeline = try Pipeline(deployment: deployment, store: store,
                                        options: PipelineFixture.options(folder: folder, frames: 150))
            try await pipeline.run()
            try store.close()
        }
        let store = try AnalyticsStore(path: path)
        let trajectories = try await store.records(of: "shoji-retail").trajectories(ReportQuery(since: .distantPast))
        // Two cameras (floor-a, floor-b) on the same video, twice: the same people, never the same id.
        let perCamera = Dictionary(grouping: trajectories, by: \.cameraID).mapValues(\.count)
        #expect(perCamera.count == 2)
        #expect(perCamera.values.allSatisfy { $0 >= 6 }, "\(perCamera)")
        #expect(Set(trajectories.map(\.visitID)).count == trajectories.count)
        // floor-a has a homography to metres: its points lie on the 32 m × 32 m floor, not in 768 × 576 pixels.
        let floorA = trajectories.filter { $0.cameraID == "floor-a" }.flatMap(\.points)
        #expect(!floorA.isEmpty)
        #expect(floorA.allSatisfy { $0.x > -10 && $0.x < 40 && $0.y > -5 && $0.y < 40 })
        let dwell = try await store.records(of: "shoji-retail").zoneDwellTotals(ReportQuery(since: .distantPast))
        #expect(dwell.contains { $0.zoneID == "east" && $0.visits > 0 })
        let heatmaps = try await store.records(of: "shoji-retail").heatmapTotals(ReportQuery(since: .distantPast))
        #expect(heatmaps.contains { $0.cameraID == "floor-a" && $0.counts.reduce(0, +) > 0 })
    }

    @Test("no aggregate table holds a per-person key, and no stored text holds a track number")
    func noPerPersonKey() async throws {
        let folder = try PipelineFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try PipelineFixture.vtest()
        var manifest = try PipelineFixture.example("flow")
        let counting = try PipelineFixture.example("counting")
        try manifest.append("cameras[0].use_cases", yaml: "counting")
        try manifest.set("cameras[0].settings.lines", yaml: try #require(try counting.yaml(at: "cameras[0].settings.lines")))
        try manifest.append("purposes", yaml: try #require(try counting.yaml(at: "purposes[0]")))
        try manifest.set("retention.days.line_crossings", yaml: "1095")
        let (store, _) = try await PipelineFixture.run(manifest, folder: folder, frames: 200)
        try store.close()
        let queue = try DatabaseQueue(path: folder.appendingPathComponent("test.sqlite").path)
        try await queue.read { db in
            let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'grdb_%'")
            #expect(tables.contains("line_crossing_count"))
            // Columns that key a row: only places, times and the deployment; a visit id only in the trajectory table.
            let placeKeys: Set = ["deployment_id", "tenant_id", "camera_id", "line_id", "zone_id", "from_zone_id",
                                  "to_zone_id", "area_id"]
            let personish = ["track", "face", "person_id", "visitor", "pseudonym", "embedding", "vector", "image", "crop"]
            // The identity tables (repeat, watchlist, users, requests, audit) are keyed by person by design; a
            // deployment without an identity use case leaves every one of them empty.
            let identity: Set = ["vault_vector", "vault_generation", "repeat_visit", "watchlist_entry", "match_alert",
                                 "app_user", "rights_request", "audit_entry", "audit_head", "access_token", "incident"]
            // The store's bookkeeping (node id, applied batch ids, outbox) names nodes and batches, no person; the
            // store's schema test checks its columns.
            let bookkeeping: Set = ["store_node", "applied_batch", "outbox_batch"]
            for table in identity {
                #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)") == 0, "\(table) holds rows")
            }
            for table in tables where !identity.contains(table) && !bookkeeping.contains(table) {
                let columns = try Row.fetchAll(db, sql: "PRAGMA table_info(\(table))").map { ($0["name"] as String).lowercased() }
                for column in columns where personish.contains(where: column.contains) {
                    Issue.record("\(table).\(column) looks like a per-person key")
                }
                for column in columns where column.hasSuffix("_id") && !placeKeys.contains(column) {
                    if !(table == "flow_trajectory" && column == "visit_id") {
                        Issue.record("\(table).\(column) is an id that is not a place or the deployment")
                    }
                }
            }
            #expect(try Int.fetchOne(db, sql: "SELECT SUM(count) FROM line_crossing_count") ?? 0 > 0)
        }
    }
}
