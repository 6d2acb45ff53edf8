import GRDB

/// The database schema, as an ordered list of migrations.
///
/// Migrations are append-only: a released migration is never edited, a change is a new one ("v2", …), so that
/// every node's file reaches the same schema. Aggregate tables name places and times only; the one per-visit
/// table, `flow_trajectory`, is keyed by a random visit id and nothing else (DESIGN.md invariant 3).
/// Instants are REAL seconds since 1970 UTC and bucket starts INTEGER seconds, so that retention compares numbers.
enum AnalyticsSchema {
    /// The migrator that brings any file up to the current schema.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1", migrate: v1)
        return migrator
    }

    /// Tables that hold aggregates: the schema test checks that none has a per-person column.
    static let aggregateTables = [
        "line_crossing_count", "attribute_count", "zone_dwell_stat", "zone_transition_count", "heatmap_grid",
        "congestion_current", "congestion_history",
    ]

    private static func v1(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE deployment (
                deployment_id TEXT PRIMARY KEY NOT NULL CHECK (length(deployment_id) > 0),
                tenant_id TEXT NOT NULL CHECK (length(tenant_id) > 0)
            );
            CREATE TABLE deployment_approval (
                deployment_id TEXT NOT NULL REFERENCES deployment(deployment_id),
                manifest_sha256 TEXT NOT NULL CHECK (length(manifest_sha256) = 64),
                approved_at REAL NOT NULL,
                assessment_json TEXT NOT NULL,
                PRIMARY KEY (deployment_id, manifest_sha256)
            );

            CREATE TABLE line_crossing_count (
                deployment_id TEXT NOT NULL REFERENCES deployment(deployment_id),
                camera_id TEXT NOT NULL,
                line_id TEXT NOT NULL,
                direction TEXT NOT NULL CHECK (direction IN ('in', 'out', 'a_to_b', 'b_to_a')),
                bucket_start INTEGER NOT NULL,
                bucket_seconds INTEGER NOT NULL CHECK (bucket_seconds > 0 AND bucket_start % bucket_seconds = 0),
                count INTEGER NOT NULL CHECK (count >= 0),
                PRIMARY KEY (deployment_id, camera_id, line_id, direction, bucket_start, bucket_seconds)
            );
            CREATE INDEX line_crossing_count_bucket ON line_crossing_count(bucket_start);

            CREATE TABLE attribute_count (
                deployment_id TEXT NOT NULL REFERENCES deployment(deployment_id),
                camera_id TEXT NOT NULL,
                bucket_start INTEGER NOT NULL,
                bucket_seconds INTEGER NOT NULL CHECK (bucket_seconds > 0 AND bucket_start % bucket_seconds = 0),
                age_band TEXT NOT NULL
                    CHECK (age_band IN ('0-9','10-19','20-29','30-39','40-49','50-59','60-69','70+','unknown')),
                gender TEXT NOT NULL CHECK (gender IN ('female', 'male', 'unknown')),
                count INTEGER NOT NULL CHECK (count >= 0),
                PRIMARY KEY (deployment_id, camera_id, bucket_start, bucket_seconds, age_band, gender)
            );
            CREATE INDEX attribute_count_bucket ON attribute_count(bucket_start);

            CREATE TABLE zone_dwell_stat (
                deployment_id TEXT NOT NULL REFERENCES deployment(deployment_id),
                camera_id TEXT NOT NULL,
                zone_id TEXT NOT NULL,
                bucket_start INTEGER NOT NULL,
                bucket_seconds INTEGER NOT NULL CHECK (bucket_seconds > 0 AND bucket_start % bucket_seconds = 0),
                visit_count INTEGER NOT NULL CHECK (visit_count >= 0),
                total_dwell_seconds REAL NOT NULL CHECK (total_dwell_seconds >= 0),
                PRIMARY KEY (deployment_id, camera_id, zone_id, bucket_start, bucket_seconds)
            );
            CREATE INDEX zone_dwell_stat_bucket ON zone_dwell_stat(bucket_start);

            CREATE TABLE zone_transition_count (
                deployment_id TEXT NOT NULL REFERENCES deployment(deployment_id),
                camera_id TEXT NOT NULL,
                from_zone_id TEXT NOT NULL,
                to_zone_id TEXT NOT NULL,
                bucket_start INTEGER NOT NULL,
                bucket_seconds INTEGER NOT NULL CHECK (bucket_seconds > 0 AND bucket_start % bucket_seconds = 0),
                count INTEGER NOT NULL CHECK (count >= 0),
                PRIMARY KEY (deployment_id, camera_id, from_zone_id, to_zone_id, bucket_start, bucket_seconds)
            );
            CREATE INDEX zone_transition_count_bucket ON zone_transition_count(bucket_start);

            CREATE TABLE heatmap_grid (
                deployment_id TEXT NOT NULL REFERENCES deployment(deployment_id),
                camera_id TEXT NOT NULL,
                bucket_start INTEGER NOT NULL,
                bucket_seconds INTEGER NOT NULL CHECK (bucket_seconds > 0 AND bucket_start % bucket_seconds = 0),
                columns INTEGER NOT NULL CHECK (columns > 0),
                rows INTEGER NOT NULL CHECK (rows > 0),
                cell_size REAL NOT NULL CHECK (cell_size > 0),
                counts BLOB NOT NULL CHECK (length(counts) = columns * rows * 4),
                PRIMARY KEY (deployment_id, camera_id, bucket_start, bucket_seconds)
            );
            CREATE INDEX heatmap_grid_bucket ON heatmap_grid(bucket_start);

            CREATE TABLE congestion_current (
                deployment_id TEXT NOT NULL REFERENCES deployment(deployment_id),
                area_id TEXT NOT NULL,
                taken_at REAL NOT NULL,
                person_count INTEGER NOT NULL CHECK (person_count >= 0),
                level INTEGER NOT NULL CHECK (level BETWEEN 0 AND 3),
                PRIMARY KEY (deployment_id, area_id)
            );

            CREATE TABLE congestion_history (
                deployment_id TEXT NOT NULL REFERENCES deployment(deployment_id),
                area_id TEXT NOT NULL,
                bucket_start INTEGER NOT NULL,
                bucket_seconds INTEGER NOT NULL CHECK (bucket_seconds > 0 AND bucket_start % bucket_seconds = 0),
                samples INTEGER NOT NULL CHECK (samples > 0),
                person_count_sum INTEGER NOT NULL CHECK (person_count_sum >= 0),
                person_count_max INTEGER NOT NULL CHECK (person_count_max >= 0),
                level_max INTEGER NOT NULL CHECK (level_max BETWEEN 0 AND 3),
                PRIMARY KEY (deployment_id, area_id, bucket_start, bucket_seconds)
            );
            CREATE INDEX congestion_history_bucket ON congestion_history(bucket_start);

            CREATE TABLE flow_trajectory (
                visit_id TEXT PRIMARY KEY NOT NULL CHECK (length(visit_id) = 36),
                deployment_id TEXT NOT NULL REFERENCES deployment(deployment_id),
                camera_id TEXT NOT NULL,
                started_at REAL NOT NULL,
                ended_at REAL NOT NULL CHECK (ended_at >= started_at),
                points BLOB NOT NULL
            );
            CREATE INDEX flow_trajectory_ended ON flow_trajectory(ended_at);
            """)
    }
}
