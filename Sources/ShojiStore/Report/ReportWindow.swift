import GRDB

extension ReportQuery {
    /// SQL for the rolled-up bucket start and length of a row (`bucket_start`, `bucket_seconds`), the same in
    /// SQLite and PostgreSQL: floored to the roll-up length (also for negative starts); stored buckets that do not
    /// divide it stay whole. Without a roll-up, the stored columns.
    public func bucketExpressions() throws(StoreError) -> (start: String, seconds: String) {
        guard let rollUp = bucketSeconds else { return ("bucket_start", "bucket_seconds") }
        guard rollUp > 0 else { throw .invalidValue("report buckets must be at least 1 second long, got \(rollUp)") }
        let fits = "(\(rollUp) % bucket_seconds = 0)"
        return ("CASE WHEN \(fits) THEN bucket_start - (((bucket_start % \(rollUp)) + \(rollUp)) % \(rollUp)) ELSE bucket_start END",
                "CASE WHEN \(fits) THEN \(rollUp) ELSE bucket_seconds END")
    }
}

/// The SQL shared by report queries: the overlap filter and the roll-up expressions for a ``ReportQuery``.
struct ReportWindow {
    /// Expression for the (rolled-up) bucket start.
    let bucketStart: String
    /// Expression for the (rolled-up) bucket length.
    let bucketSeconds: String
    /// WHERE clause: the tenant's deployments, then the query's filters.
    let filter: String
    /// Arguments for `filter`, in order.
    let arguments: StatementArguments
    /// Window bounds as seconds since 1970.
    let since: Double
    let until: Double?

    /// - Parameter timeColumn: bucket start column to filter by overlap, or nil when the caller filters time itself.
    /// - Parameter cameraColumn: camera column to filter by, or nil for tables without cameras.
    /// - Parameter tenant: only rows of this tenant's deployments.
    init(_ query: ReportQuery, tenant: String, timeColumn: String?, cameraColumn: String?) throws(StoreError) {
        since = query.since.timeIntervalSince1970
        until = query.until?.timeIntervalSince1970
        (bucketStart, bucketSeconds) = try query.bucketExpressions()
        var clauses = ["deployment_id IN (SELECT deployment_id FROM deployment WHERE tenant_id = ?)"]
        var arguments: StatementArguments = [tenant]
        if let timeColumn {
            // The first clause is what the bucket index can range over (no bucket is longer than a day); the
            // second is the exact overlap.
            clauses.append("\(timeColumn) > ?")
            clauses.append("\(timeColumn) + bucket_seconds > ?")
            arguments += [since - Double(TimeBucket.maximumSeconds), since]
            if let until {
                clauses.append("\(timeColumn) < ?")
                arguments += [until]
            }
        }
        if let deployment = query.deploymentID {
            clauses.append("deployment_id = ?")
            arguments += [deployment]
        }
        if let cameraColumn, let camera = query.cameraID {
            clauses.append("\(cameraColumn) = ?")
            arguments += [camera]
        }
        filter = clauses.joined(separator: " AND ")
        self.arguments = arguments
    }
}
