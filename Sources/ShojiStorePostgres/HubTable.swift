/// A hub table of added-up aggregates (line crossings, attributes, zone dwell, zone transitions, congestion
/// history): its key columns after tenant, deployment and bucket, its value columns and how a second row of the
/// same key merges into the stored one. Rows arrive by COPY into a staging table and are merged set-wise.
struct HubTable: Sendable {
    let name: String
    /// Key columns besides tenant_id, deployment_id, bucket_start, bucket_seconds.
    let keys: [String]
    /// Value columns, with their SQL type, and how a batch's rows of one key combine (`SUM`, `MAX`).
    let values: [(column: String, type: String, combine: String)]

    static let lineCrossings = HubTable(name: "line_crossing_count", keys: ["camera_id", "line_id", "direction"],
                                        values: [("count", "bigint", "SUM")])
    static let attributes = HubTable(name: "attribute_count", keys: ["camera_id", "age_band", "gender"],
                                     values: [("count", "bigint", "SUM")])
    static let zoneDwell = HubTable(name: "zone_dwell_stat", keys: ["camera_id", "zone_id"],
                                    values: [("visit_count", "bigint", "SUM"), ("total_dwell_seconds", "double precision", "SUM")])
    static let zoneTransitions = HubTable(name: "zone_transition_count", keys: ["camera_id", "from_zone_id", "to_zone_id"],
                                          values: [("count", "bigint", "SUM")])
    static let congestionHistory = HubTable(name: "congestion_history", keys: ["area_id"],
                                            values: [("samples", "bigint", "SUM"), ("person_count_sum", "bigint", "SUM"),
                                                     ("person_count_max", "bigint", "MAX"), ("level_max", "int", "MAX")])

    static let all: [HubTable] = [lineCrossings, attributes, zoneDwell, zoneTransitions, congestionHistory]

    /// Every column of the table, in order.
    var columns: [String] { ["tenant_id", "deployment_id", "bucket_start", "bucket_seconds"] + keys + values.map(\.column) }
    var primaryKey: [String] { ["tenant_id", "deployment_id", "bucket_start", "bucket_seconds"] + keys }
    var staging: String { "staging_\(name)" }

    var createStatement: String {
        let keyColumns = keys.map { "\($0) text NOT NULL" }
        let valueColumns = values.map { "\($0.column) \($0.type) NOT NULL" }
        return """
            CREATE TABLE IF NOT EXISTS \(name) (
                tenant_id text NOT NULL, deployment_id text NOT NULL, bucket_start bigint NOT NULL,
                bucket_seconds int NOT NULL CHECK (bucket_seconds > 0),
                \((keyColumns + valueColumns).joined(separator: ", ")),
                PRIMARY KEY (\(primaryKey.joined(separator: ", ")))
            ) PARTITION BY RANGE (bucket_start)
            """
    }

    /// A session's staging table: rows of one ingest, emptied at commit.
    var createStaging: String {
        "CREATE TEMP TABLE IF NOT EXISTS \(staging) (LIKE \(name)) ON COMMIT DELETE ROWS"
    }

    /// Merges the staged rows: one row per key (a batch may hold a key twice), in key order so that hubs merging at
    /// once take row locks in the same order, then added to (or maxed with) what is stored.
    var mergeStatement: String {
        let key = primaryKey.joined(separator: ", ")
        let combined = values.map { "\($0.combine)(\($0.column))" }.joined(separator: ", ")
        let updates = values.map { value in
            value.combine == "MAX" ? "\(value.column) = GREATEST(\(name).\(value.column), excluded.\(value.column))"
                                   : "\(value.column) = \(name).\(value.column) + excluded.\(value.column)"
        }.joined(separator: ", ")
        return """
            INSERT INTO \(name) (\(columns.joined(separator: ", ")))
            SELECT \(key), \(combined) FROM \(staging) GROUP BY \(key) ORDER BY \(key)
            ON CONFLICT (\(key)) DO UPDATE SET \(updates)
            """
    }
}
