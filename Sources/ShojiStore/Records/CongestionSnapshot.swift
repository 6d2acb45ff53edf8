import Foundation

/// How crowded an area is right now (use case 6): one row per area, each new snapshot replacing the last.
///
/// The store also folds every snapshot into a per-bucket history aggregate (samples, mean and peak), kept under
/// ``RecordKind/congestionHistory``.
public struct CongestionSnapshot: Sendable, Hashable, Codable {
    /// The approved deployment that produced the snapshot.
    public var deploymentID: String
    /// The area, as named in the manifest.
    public var areaID: String
    /// When the people were counted.
    public var takenAt: Date
    /// People in the area at that time.
    public var personCount: Int
    /// The published congestion level.
    public var level: CongestionLevel

    /// A snapshot of one area.
    public init(deploymentID: String, areaID: String, takenAt: Date, personCount: Int, level: CongestionLevel) {
        self.deploymentID = deploymentID
        self.areaID = areaID
        self.takenAt = takenAt
        self.personCount = personCount
        self.level = level
    }
}

/// Congestion levels as shown on station displays (空いている … 大変混雑), stored as 0…3.
public enum CongestionLevel: Int, Sendable, Hashable, Codable, CaseIterable, Comparable, CustomStringConvertible {
    /// 空いている: plenty of room.
    case light = 0
    /// やや混雑: some crowding.
    case moderate = 1
    /// 混雑: crowded.
    case crowded = 2
    /// 大変混雑: very crowded; consider guiding people elsewhere.
    case veryCrowded = 3

    /// Stable English name for tables and CSV.
    public var name: String {
        switch self {
        case .light: "light"
        case .moderate: "moderate"
        case .crowded: "crowded"
        case .veryCrowded: "very_crowded"
        }
    }

    /// Same as ``name``.
    public var description: String { name }

    /// Orders by level number.
    public static func < (lhs: CongestionLevel, rhs: CongestionLevel) -> Bool { lhs.rawValue < rhs.rawValue }
}
