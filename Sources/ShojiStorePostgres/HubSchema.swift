/// The hub's PostgreSQL schema. Every record table has the tenant first in its primary key and is partitioned
/// by month of `bucket_start` (seconds since 1970 UTC, as on the edge), so that PostgreSQL's partitioning (and a
/// distributed PostgreSQL, which shards on the leading key) can spread them, and retention drops whole months.
/// Statements are idempotent (`IF NOT EXISTS`): several hubs may start against one database.
enum HubSchema {
    /// The schema version this code writes; a database at a newer one is refused.
    static let version = 3

    static let statements: [String] = [
        """
        CREATE TABLE IF NOT EXISTS shoji_schema (singleton int PRIMARY KEY CHECK (singleton = 1), version int NOT NULL)
        """,
        """
        CREATE TABLE IF NOT EXISTS deployment (
            deployment_id text PRIMARY KEY CHECK (length(deployment_id) > 0),
            tenant_id text NOT NULL CHECK (length(tenant_id) > 0)
        )
        """,
        """
        CREATE TABLE IF NOT EXISTS deployment_approval (
            deployment_id text NOT NULL REFERENCES deployment(deployment_id),
            manifest_sha256 text NOT NULL CHECK (length(manifest_sha256) = 64),
            approved_at double precision NOT NULL,
            assessment_json text NOT NULL,
            PRIMARY KEY (deployment_id, manifest_sha256)
        )
        """,
        """
        CREATE TABLE IF NOT EXISTS applied_batch (
            node_id text NOT NULL,
            sequence bigint NOT NULL CHECK (sequence >= 1),
            tenant_id text NOT NULL,
            records int NOT NULL CHECK (records >= 0),
            applied_at double precision NOT NULL,
            PRIMARY KEY (node_id, sequence)
        )
        """,
        // Version 2: the edge nodes allowed to send, each of one tenant, by the SHA-256 of its credential.
        """
        CREATE TABLE IF NOT EXISTS hub_node (
            node_id text PRIMARY KEY CHECK (length(node_id) BETWEEN 1 AND 64),
            tenant_id text NOT NULL CHECK (length(tenant_id) > 0),
            token_sha256 text NOT NULL UNIQUE CHECK (length(token_sha256) = 64),
            created_at double precision NOT NULL,
            revoked_at double precision
        )
        """,
        // Version 3: each node's watermark, below which its batch ids need not be kept (see forgetAcknowledged).
        """
        ALTER TABLE hub_node ADD COLUMN IF NOT EXISTS applied_below bigint NOT NULL DEFAULT 1
        """,
    ] + HubTable.all.map(\.createStatement) + [
        """
        CREATE TABLE IF NOT EXISTS congestion_current (
            tenant_id text NOT NULL,
            deployment_id text NOT NULL,
            area_id text NOT NULL,
            taken_at double precision NOT NULL,
            person_count int NOT NULL CHECK (person_count >= 0),
            level int NOT NULL CHECK (level BETWEEN 0 AND 3),
            PRIMARY KEY (tenant_id, deployment_id, area_id)
        )
        """,
        """
        CREATE TABLE IF NOT EXISTS heatmap_grid (
            tenant_id text NOT NULL,
            deployment_id text NOT NULL,
            camera_id text NOT NULL,
            bucket_start bigint NOT NULL,
            bucket_seconds int NOT NULL CHECK (bucket_seconds > 0),
            columns int NOT NULL,
            rows int NOT NULL,
            cell_size double precision NOT NULL,
            counts bigint[] NOT NULL,
            PRIMARY KEY (tenant_id, deployment_id, camera_id, bucket_start, bucket_seconds)
        ) PARTITION BY RANGE (bucket_start)
        """,
    ]
}
