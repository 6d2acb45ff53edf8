import Foundation
import ShojiPolicy
import ShojiVision

/// What the pipeline runs for one camera of an approved deployment.
public struct CameraPlan: Sendable {
    /// The camera id from the manifest.
    public var id: String
    /// Where its frames come from.
    public var source: MediaInput
    /// The analyzers to run: the camera's use cases, every one covered by a declared purpose.
    public var useCases: [UseCase]
    /// The camera's settings.
    public var settings: CameraSettings

    /// A plan for one camera (the pipeline builds these from a manifest; tests may build their own).
    public init(id: String, source: MediaInput, useCases: [UseCase], settings: CameraSettings) {
        self.id = id
        self.source = source
        self.useCases = useCases
        self.settings = settings
    }

    /// Whether the camera needs the person detector and tracker: every use case but repeat and the watchlist,
    /// which follow faces instead.
    var tracksPeople: Bool { useCases.contains { [.attributes, .flow, .counting, .congestion].contains($0) } }

    /// Whether the camera needs the face stage.
    var usesFaces: Bool { useCases.contains { $0.extractsFaceFeatures } }

    /// Whether the camera identifies people (repeat visits or the watchlist).
    var identifiesPeople: Bool { useCases.contains(.repeatVisit) || useCases.contains(.watchlist) }
}
