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
        migrator.registerMigration("v2", migrate: v2)
        migrator.registerMigration("v3", migrate: v3)
        migrator.registerMigration("v4", migrate: v4)
        migrator.registerMigration("v5", migrate: v5)
        return migrator
    }

    /// Tables that hold aggregates: the schema test checks that none has a per-person column.
    static let aggregateTables = [
        "line_crossing_count", "attribute_count", "zone_dwell_stat", "zone_transition_count", "heatmap_grid",
        "congestion_current", "congestion_history", "repeat_visit_count", "line_crossing_hourly", "attribute_hourly",
    ]

    /// Tables that hold personal data (per person, pseudonymous or not): identity use cases, users, requests and
    /// the audit log. Every one is keyed by tenant; the schema test checks both lists cover the schema.
    static let personalTables = [
        "vault_vector", "vault_generation", "repeat_visit", "watchlist_entry", "match_alert", "app_user",
        "rights_request", "audit_entry", "audit_head", "access_token", "incident",
    ]

    /// Tables of the store's own bookkeeping: which batches were applied, and what waits to go to the hub.
    /// The outbox holds aggregate records only (``RecordKind/isShareable``).
    static let bookkeepingTables = ["store_node", "applied_batch", "outbox_batch"]

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

    /// Identity use cases (repeat visits, watchlist), their people's rights, users and the audit log. Every table is
    /// keyed by tenant, and no query in the store reads one without naming the tenant.
    private static func v2(_ db: Database) throws {
        try db.execute(sql: """
            -- Face feature vectors, AES-GCM sealed under the tenant's key (never in this file); one purpose each.
            CREATE TABLE vault_vector (
                vector_id TEXT PRIMARY KEY NOT NULL CHECK (length(vector_id) = 36),
                tenant_id TEXT NOT NULL CHECK (length(tenant_id) > 0),
                purpose TEXT NOT NULL CHECK (purpose IN ('repeat', 'watchlist', 'opt_out')),
                subject_id TEXT NOT NULL CHECK (length(subject_id) > 0),
                deployment_id TEXT NOT NULL CHECK (length(deployment_id) > 0),
                key_id TEXT NOT NULL CHECK (length(key_id) > 0),
                sealed BLOB NOT NULL,
                created_at REAL NOT NULL,
                expires_at REAL NOT NULL CHECK (expires_at > created_at)
            );
            CREATE INDEX vault_vector_gallery ON vault_vector(tenant_id, purpose, expires_at);
            CREATE INDEX vault_vector_subject ON vault_vector(tenant_id, subject_id);
            CREATE INDEX vault_vector_expiry ON vault_vector(expires_at);

            -- Bumped whenever vectors are erased or a gallery changes outside the pipeline (opt-out, watchlist
            -- decision), so that running cameras reload their galleries.
            CREATE TABLE vault_generation (
                tenant_id TEXT PRIMARY KEY NOT NULL,
                generation INTEGER NOT NULL
            );

            -- Use case 3: each visit of a pseudonymous visitor (a tenant-keyed hash, not a vault row id).
            CREATE TABLE repeat_visit (
                tenant_id TEXT NOT NULL CHECK (length(tenant_id) > 0),
                visitor_id TEXT NOT NULL CHECK (length(visitor_id) > 0),
                deployment_id TEXT NOT NULL REFERENCES deployment(deployment_id),
                camera_id TEXT NOT NULL,
                visited_at REAL NOT NULL,
                PRIMARY KEY (tenant_id, visitor_id, visited_at, camera_id)
            );
            CREATE INDEX repeat_visit_time ON repeat_visit(visited_at);

            -- Use case 3 aggregates: visits, first visits and returning visits per bucket (no visitor id).
            CREATE TABLE repeat_visit_count (
                deployment_id TEXT NOT NULL REFERENCES deployment(deployment_id),
                camera_id TEXT NOT NULL,
                bucket_start INTEGER NOT NULL,
                bucket_seconds INTEGER NOT NULL CHECK (bucket_seconds > 0 AND bucket_start % bucket_seconds = 0),
                visits INTEGER NOT NULL CHECK (visits >= 0),
                first_visits INTEGER NOT NULL CHECK (first_visits >= 0 AND first_visits <= visits),
                returning_visits INTEGER NOT NULL CHECK (returning_visits >= 0 AND returning_visits <= visits),
                return_interval_seconds REAL NOT NULL CHECK (return_interval_seconds >= 0),
                PRIMARY KEY (deployment_id, camera_id, bucket_start, bucket_seconds)
            );
            CREATE INDEX repeat_visit_count_bucket ON repeat_visit_count(bucket_start);

            -- Who may act, per tenant: the two-person rule of the watchlist needs real, distinct people.
            CREATE TABLE app_user (
                tenant_id TEXT NOT NULL CHECK (length(tenant_id) > 0),
                name TEXT NOT NULL CHECK (length(name) > 0),
                role TEXT NOT NULL CHECK (role IN ('operator', 'privacy_officer', 'vendor', 'analyst', 'auditor')),
                secret_hash TEXT NOT NULL CHECK (length(secret_hash) > 0),
                created_at REAL NOT NULL,
                created_by TEXT,
                PRIMARY KEY (tenant_id, name)
            );

            -- Crime-prevention watchlist entries: the objective basis, the registrant and a different approver.
            CREATE TABLE watchlist_entry (
                entry_id TEXT PRIMARY KEY NOT NULL CHECK (length(entry_id) = 36),
                tenant_id TEXT NOT NULL CHECK (length(tenant_id) > 0),
                deployment_id TEXT NOT NULL,
                category TEXT NOT NULL CHECK (length(category) > 0),
                evidence TEXT NOT NULL CHECK (length(evidence) > 0),
                evidence_date TEXT NOT NULL CHECK (length(evidence_date) = 10),
                registered_by TEXT NOT NULL,
                registered_at REAL NOT NULL,
                status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'rejected', 'removed')),
                decided_by TEXT CHECK (decided_by IS NULL OR decided_by <> registered_by),
                decided_at REAL,
                expires_at REAL,
                review_at REAL,
                CHECK (status <> 'approved' OR (decided_by IS NOT NULL AND expires_at IS NOT NULL AND review_at IS NOT NULL))
            );
            CREATE INDEX watchlist_entry_tenant ON watchlist_entry(tenant_id, status);

            -- A match waiting for a person: time, camera, distance and the entry; never the probe's image or vector.
            CREATE TABLE match_alert (
                alert_id TEXT PRIMARY KEY NOT NULL CHECK (length(alert_id) = 36),
                tenant_id TEXT NOT NULL CHECK (length(tenant_id) > 0),
                entry_id TEXT NOT NULL REFERENCES watchlist_entry(entry_id) ON DELETE CASCADE,
                deployment_id TEXT NOT NULL,
                camera_id TEXT NOT NULL,
                matched_at REAL NOT NULL,
                distance REAL NOT NULL CHECK (distance >= 0),
                status TEXT NOT NULL CHECK (status IN ('pending', 'confirmed', 'dismissed')),
                reviewed_by TEXT,
                reviewed_at REAL,
                CHECK (status = 'pending' OR reviewed_by IS NOT NULL)
            );
            CREATE INDEX match_alert_tenant ON match_alert(tenant_id, status, matched_at);

            -- Disclosure, stop-of-use and erasure requests (APPI Art. 33, 35) with their dates and answers.
            CREATE TABLE rights_request (
                request_id TEXT PRIMARY KEY NOT NULL CHECK (length(request_id) = 36),
                tenant_id TEXT NOT NULL CHECK (length(tenant_id) > 0),
                kind TEXT NOT NULL CHECK (kind IN ('disclosure', 'stop', 'erasure')),
                received_on TEXT NOT NULL CHECK (length(received_on) = 10),
                requested_method TEXT NOT NULL,
                status TEXT NOT NULL CHECK (status IN ('received', 'in_progress', 'complete', 'denied')),
                matches TEXT NOT NULL,
                opened_by TEXT NOT NULL,
                opened_at REAL NOT NULL,
                closed_by TEXT,
                closed_at REAL,
                answer_method TEXT,
                answer_note TEXT
            );
            CREATE INDEX rights_request_tenant ON rights_request(tenant_id, status);

            -- The hash-chained audit log, one chain per tenant, and the head each chain has reached.
            CREATE TABLE audit_entry (
                tenant_id TEXT NOT NULL CHECK (length(tenant_id) > 0),
                sequence INTEGER NOT NULL CHECK (sequence > 0),
                recorded_at REAL NOT NULL,
                actor TEXT NOT NULL,
                action TEXT NOT NULL,
                target TEXT NOT NULL,
                detail TEXT NOT NULL,
                previous_hash TEXT NOT NULL CHECK (length(previous_hash) = 64),
                entry_hash TEXT NOT NULL CHECK (length(entry_hash) = 64),
                PRIMARY KEY (tenant_id, sequence)
            );
            CREATE TABLE audit_head (
                tenant_id TEXT PRIMARY KEY NOT NULL,
                sequence INTEGER NOT NULL,
                entry_hash TEXT NOT NULL
            );
            """)
    }

    /// The server: API tokens and console sessions, requests filed by the public through the portal, and the
    /// indexes the console's windows read by.
    /// The hour a stored bucket is added into (its own start when it does not divide an hour), and that
    /// bucket's length: the same roll-up `ReportWindow` computes for an hour.
    static let hourStart = "CASE WHEN 3600 % bucket_seconds = 0 THEN bucket_start - (((bucket_start % 3600) + 3600) % 3600) ELSE bucket_start END"
    static let hourSeconds = "CASE WHEN 3600 % bucket_seconds = 0 THEN 3600 ELSE bucket_seconds END"

    private static func v3(_ db: Database) throws {
        try db.execute(sql: """
            -- Bearer credentials of a user: only the SHA-256 of a 256-bit random token is kept.
            CREATE TABLE access_token (
                token_hash TEXT PRIMARY KEY NOT NULL CHECK (length(token_hash) = 64),
                tenant_id TEXT NOT NULL CHECK (length(tenant_id) > 0),
                user_name TEXT NOT NULL,
                kind TEXT NOT NULL CHECK (kind IN ('api', 'console')),
                created_at REAL NOT NULL,
                expires_at REAL NOT NULL,
                FOREIGN KEY (tenant_id, user_name) REFERENCES app_user(tenant_id, name) ON DELETE CASCADE
            );
            CREATE INDEX access_token_expiry ON access_token(expires_at);

            -- A request filed through the public portal carries the ticket its sender follows it by, the deployment
            -- it is about and how to reach the sender.
            ALTER TABLE rights_request ADD COLUMN ticket TEXT;
            ALTER TABLE rights_request ADD COLUMN deployment_id TEXT;
            ALTER TABLE rights_request ADD COLUMN contact TEXT;
            CREATE UNIQUE INDEX rights_request_ticket ON rights_request(ticket) WHERE ticket IS NOT NULL;

            -- A deployment's buckets in a window, which the console's charts read: without these the primary key's
            -- deployment prefix is chosen and every bucket the deployment ever stored is scanned.
            CREATE INDEX line_crossing_count_deployment_bucket ON line_crossing_count(deployment_id, bucket_start);
            CREATE INDEX attribute_count_deployment_bucket ON attribute_count(deployment_id, bucket_start);
            CREATE INDEX zone_dwell_stat_deployment_bucket ON zone_dwell_stat(deployment_id, bucket_start);
            CREATE INDEX zone_transition_count_deployment_bucket ON zone_transition_count(deployment_id, bucket_start);
            CREATE INDEX heatmap_grid_deployment_bucket ON heatmap_grid(deployment_id, bucket_start);
            CREATE INDEX congestion_history_deployment_bucket ON congestion_history(deployment_id, bucket_start);
            CREATE INDEX repeat_visit_count_deployment_bucket ON repeat_visit_count(deployment_id, bucket_start);

            -- Hourly roll-ups of the two finest-grained aggregates, kept in the transaction that stores a batch: a
            -- bucket that divides an hour is added into its hour, any other is kept as it is (exactly what a
            -- report rolled up to hours computes). Reports rolled up to whole hours read these: a day of
            -- per-minute counts is 24 rows a series instead of 1,440. Clustered by deployment and time.
            CREATE TABLE line_crossing_hourly (
                deployment_id TEXT NOT NULL REFERENCES deployment(deployment_id),
                bucket_start INTEGER NOT NULL,
                bucket_seconds INTEGER NOT NULL CHECK (bucket_seconds > 0 AND bucket_start % bucket_seconds = 0),
                camera_id TEXT NOT NULL,
                line_id TEXT NOT NULL,
                direction TEXT NOT NULL CHECK (direction IN ('in', 'out', 'a_to_b', 'b_to_a')),
                count INTEGER NOT NULL CHECK (count >= 0),
                PRIMARY KEY (deployment_id, bucket_start, bucket_seconds, camera_id, line_id, direction)
            ) WITHOUT ROWID;
            CREATE INDEX line_crossing_hourly_bucket ON line_crossing_hourly(bucket_start);
            INSERT INTO line_crossing_hourly (deployment_id, bucket_start, bucket_seconds, camera_id, line_id, direction, count)
                SELECT deployment_id, \(hourStart), \(hourSeconds), camera_id, line_id, direction, SUM(count)
                FROM line_crossing_count GROUP BY 1, 2, 3, 4, 5, 6;

            CREATE TABLE attribute_hourly (
                deployment_id TEXT NOT NULL REFERENCES deployment(deployment_id),
                bucket_start INTEGER NOT NULL,
                bucket_seconds INTEGER NOT NULL CHECK (bucket_seconds > 0 AND bucket_start % bucket_seconds = 0),
                camera_id TEXT NOT NULL,
                age_band TEXT NOT NULL
                    CHECK (age_band IN ('0-9','10-19','20-29','30-39','40-49','50-59','60-69','70+','unknown')),
                gender TEXT NOT NULL CHECK (gender IN ('female', 'male', 'unknown')),
                count INTEGER NOT NULL CHECK (count >= 0),
                PRIMARY KEY (deployment_id, bucket_start, bucket_seconds, camera_id, age_band, gender)
            ) WITHOUT ROWID;
            CREATE INDEX attribute_hourly_bucket ON attribute_hourly(bucket_start);
            INSERT INTO attribute_hourly (deployment_id, bucket_start, bucket_seconds, camera_id, age_band, gender, count)
                SELECT deployment_id, \(hourStart), \(hourSeconds), camera_id, age_band, gender, SUM(count)
                FROM attribute_count GROUP BY 1, 2, 3, 4, 5, 6;
            """)
    }

    private static func v4(_ db: Database) throws {
        try db.execute(sql: """
            -- Whether a photo was compared when the request was opened: a portal request sent without one has no
            -- matches because nothing was looked up, not because nothing is held. Requests taken in person always
            -- came with a photo; portal requests before v4 never did.
            ALTER TABLE rights_request ADD COLUMN photo_compared INTEGER NOT NULL DEFAULT 1 CHECK (photo_compared IN (0, 1));
            UPDATE rights_request SET photo_compared = 0 WHERE ticket IS NOT NULL;

            -- Incidents (APPI Art. 26) as the privacy officer described them: the YAML document, kept whole so that
            -- the assessment, its deadlines and the draft report are always derived from what was recorded. A new
            -- version of the same incident replaces the old one; the audit log keeps that it changed.
            CREATE TABLE incident (
                tenant_id TEXT NOT NULL CHECK (length(tenant_id) > 0),
                incident_id TEXT NOT NULL CHECK (length(incident_id) BETWEEN 1 AND 100),
                document TEXT NOT NULL CHECK (length(document) <= 65536),
                recorded_by TEXT NOT NULL,
                recorded_at REAL NOT NULL,
                PRIMARY KEY (tenant_id, incident_id)
            );
            """)
    }

    private static func v5(_ db: Database) throws {
        try db.execute(sql: """
            -- This store's node id (random unless set) and the sequence number its next batch takes.
            CREATE TABLE store_node (
                singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
                node_id TEXT NOT NULL CHECK (length(node_id) BETWEEN 1 AND 64),
                next_sequence INTEGER NOT NULL CHECK (next_sequence >= 1)
            );
            INSERT INTO store_node (singleton, node_id, next_sequence) VALUES (1, 'node-' || lower(hex(randomblob(6))), 1);

            -- Every batch applied, by its id: a batch applied again changes nothing.
            CREATE TABLE applied_batch (
                node_id TEXT NOT NULL,
                sequence INTEGER NOT NULL CHECK (sequence >= 1),
                tenant_id TEXT NOT NULL,
                records INTEGER NOT NULL CHECK (records >= 0),
                applied_at REAL NOT NULL,
                PRIMARY KEY (node_id, sequence)
            ) WITHOUT ROWID;
            CREATE INDEX applied_batch_time ON applied_batch(applied_at);

            -- Batches waiting to go to the hub (aggregates only, JSON), queued in the transaction that stored them and
            -- deleted only when the hub acknowledged them.
            CREATE TABLE outbox_batch (
                sequence INTEGER PRIMARY KEY CHECK (sequence >= 1),
                tenant_id TEXT NOT NULL,
                payload BLOB NOT NULL,
                records INTEGER NOT NULL CHECK (records > 0),
                queued_at REAL NOT NULL,
                attempts INTEGER NOT NULL DEFAULT 0,
                next_attempt_at REAL NOT NULL
            );
            """)
    }
}
