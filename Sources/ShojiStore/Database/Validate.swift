import Foundation

/// Range checks made before a write, so that a bad value is reported by name instead of as a SQLite constraint.
enum Validate {
    static func identifier(_ value: String, _ name: String) throws(StoreError) {
        guard !value.isEmpty else { throw .invalidValue("\(name) must not be empty") }
    }

    /// A node id: 1 to 64 of `A-Z a-z 0-9 . _ -`, so that it is safe in a log line, a URL and a credential file.
    static func nodeID(_ value: String) throws(StoreError) {
        guard (1...64).contains(value.count),
              value.unicodeScalars.allSatisfy({ $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "._-".unicodeScalars.contains($0)) })
        else { throw .invalidValue("a node id is 1 to 64 letters, digits, '.', '_' or '-'") }
    }

    static func count(_ value: Int, _ name: String) throws(StoreError) {
        guard value >= 0 else { throw .invalidValue("\(name) must not be negative, got \(value)") }
    }

    static func batch(_ batch: AnalyticsBatch) throws(StoreError) {
        for c in batch.lineCrossings {
            try places(c.deploymentID, c.cameraID, c.lineID)
            try count(c.count, "line crossing count")
        }
        for c in batch.attributes {
            try places(c.deploymentID, c.cameraID)
            try count(c.count, "attribute count")
        }
        for s in batch.zoneDwell {
            try places(s.deploymentID, s.cameraID, s.zoneID)
            try count(s.visits, "zone visits")
            guard s.totalDwellSeconds.isFinite, s.totalDwellSeconds >= 0 else {
                throw .invalidValue("total dwell seconds must be a finite non-negative number")
            }
        }
        for c in batch.zoneTransitions {
            try places(c.deploymentID, c.cameraID, c.fromZoneID, c.toZoneID)
            try count(c.count, "zone transition count")
        }
        for t in batch.trajectories {
            try places(t.deploymentID, t.cameraID)
            guard t.ended >= t.started else { throw .invalidValue("a trajectory must not end before it starts") }
        }
        for g in batch.heatmaps {
            try places(g.deploymentID, g.cameraID)
            guard g.columns > 0, g.rows > 0, g.counts.count == g.columns * g.rows else {
                throw .invalidValue("heatmap needs columns × rows counts (\(g.columns) × \(g.rows)), got \(g.counts.count)")
            }
            guard g.cellSize.isFinite, g.cellSize > 0 else { throw .invalidValue("heatmap cell size must be positive") }
        }
        for s in batch.congestion {
            try places(s.deploymentID, s.areaID)
            try count(s.personCount, "congestion person count")
        }
    }

    private static func places(_ ids: String...) throws(StoreError) {
        for id in ids { try identifier(id, "deployment, camera, line, zone and area ids") }
    }
}
