import Foundation
import GRDB
import Testing
@testable import ShojiStore

/// DESIGN.md invariant 3: aggregate records carry no per-person key.
@Suite("Aggregate tables have no per-person column")
struct SchemaPrivacyTests {
    /// The only identifier columns an aggregate may have: where and under which deployment it was counted.
    static let placeKeys: Set<String> = ["deployment_id", "camera_id", "line_id", "zone_id", "from_zone_id", "to_zone_id", "area_id"]
    /// Fragments that name a person, a track or biometric data, wherever they appear in a column name.
    static let personFragments = ["track", "face", "visitor", "pseudonym", "subject", "embedding", "vector", "feature", "uuid"]

    /// Why `column` looks like a per-person key, or nil when it does not.
    static func personKeyReason(_ column: String) -> String? {
        let name = column.lowercased()
        if let fragment = personFragments.first(where: { name.contains($0) }) { return "contains '\(fragment)'" }
        if ["person", "visit", "track", "face", "id", "key"].contains(name) { return "is a bare identifier" }
        let idSuffixes = ["_id", "_key", "_hash", "_token"]
        if idSuffixes.contains(where: { name.hasSuffix($0) }), !placeKeys.contains(name) { return "is an id that is not a place" }
        return nil
    }

    @Test("the rule itself flags per-person columns (so the schema test can fail)")
    func ruleFlagsPersonColumns() {
        for column in ["visit_id", "person_id", "track_id", "face_vector", "visitor", "pseudonym", "track", "subject_hash"] {
            #expect(Self.personKeyReason(column) != nil, "\(column) should be flagged")
        }
        for column in ["camera_id", "bucket_start", "count", "visit_count", "person_count", "total_dwell_seconds", "level"] {
            #expect(Self.personKeyReason(column) == nil, "\(column) should pass")
        }
    }

    @Test("every aggregate table passes the rule, and the list of aggregate tables covers the schema")
    func aggregateTablesHaveNoPersonKey() async throws {
        let dir = try TemporaryDirectory()
        let store = try AnalyticsStore(path: dir.path("a.sqlite"))
        let (tables, columns) = try await store.pool.read { db in
            let tables = try String.fetchAll(db, sql: """
                SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'grdb_%'
                """)
            var columns: [String: [String]] = [:]
            for table in tables {
                columns[table] = try Row.fetchAll(db, sql: "PRAGMA table_info(\(table))").map { $0["name"] as String }
            }
            return (Set(tables), columns)
        }
        // Anything that is not an aggregate must be a known non-aggregate kind or a personal table keyed by tenant;
        // a new table must be classified before it can pass.
        let nonAggregate = Set(["deployment", "deployment_approval", "flow_trajectory"] + AnalyticsSchema.bookkeepingTables)
        #expect(tables.subtracting(nonAggregate).subtracting(AnalyticsSchema.personalTables) == Set(AnalyticsSchema.aggregateTables))
        #expect(Set(AnalyticsSchema.personalTables).isSubset(of: tables))
        for table in AnalyticsSchema.personalTables {
            #expect(columns[table]?.contains("tenant_id") == true, "\(table) must be keyed by tenant")
        }
        for table in AnalyticsSchema.aggregateTables {
            let tableColumns = try #require(columns[table], "missing table \(table)")
            #expect(tableColumns.contains("deployment_id"), "\(table) must say which deployment produced it")
            for column in tableColumns {
                #expect(Self.personKeyReason(column) == nil, "\(table).\(column) \(Self.personKeyReason(column) ?? "")")
            }
        }
        // Bookkeeping names batches, tenants and nodes, never a person.
        for table in AnalyticsSchema.bookkeepingTables {
            for column in try #require(columns[table], "missing table \(table)") where !["node_id", "tenant_id"].contains(column) {
                #expect(Self.personKeyReason(column) == nil, "\(table).\(column) \(Self.personKeyReason(column) ?? "")")
            }
        }
        // The per-visit table is keyed by the visit id and nothing else per-person.
        let flowColumns = try #require(columns["flow_trajectory"])
        #expect(flowColumns.filter { Self.personKeyReason($0) != nil } == ["visit_id"])
    }
}
