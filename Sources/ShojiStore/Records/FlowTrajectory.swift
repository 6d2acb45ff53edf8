import Foundation

/// One visit's path across the floor (use case 2), kept under a random visit-scoped id.
///
/// The visit id is the only key. The caller generates it with `UUID()` when the visit starts and forgets it when
/// the visit ends; it is never derived from a face, a track number, a camera or a time, so no one can link two
/// visits (DESIGN.md invariant 3). The store refuses a second trajectory under the same id.
public struct FlowTrajectory: Sendable, Hashable, Codable {
    /// Random id of this visit only.
    public var visitID: UUID
    /// The approved deployment that produced the trajectory.
    public var deploymentID: String
    /// The camera whose floor plane the points are on.
    public var cameraID: String
    /// When the visit was first seen.
    public var started: Date
    /// When the visit was last seen; retention counts from here.
    public var ended: Date
    /// The path in floor coordinates, in time order.
    public var points: [FlowPoint]

    /// A trajectory of one visit.
    public init(visitID: UUID, deploymentID: String, cameraID: String, started: Date, ended: Date, points: [FlowPoint]) {
        self.visitID = visitID
        self.deploymentID = deploymentID
        self.cameraID = cameraID
        self.started = started
        self.ended = ended
        self.points = points
    }
}

/// One point of a trajectory: seconds since the visit started and a position in floor coordinates (metres).
///
/// Stored as 32-bit floats: 0.1 mm over a kilometre and a millisecond over an hour, more than a person-sized
/// detector can tell, at half the size of doubles.
public struct FlowPoint: Sendable, Hashable, Codable {
    /// Seconds since ``FlowTrajectory/started``.
    public var offset: Double
    /// Floor x coordinate.
    public var x: Double
    /// Floor y coordinate.
    public var y: Double

    /// A point `offset` seconds into the visit at (`x`, `y`).
    public init(offset: Double, x: Double, y: Double) {
        self.offset = offset
        self.x = x
        self.y = y
    }
}
