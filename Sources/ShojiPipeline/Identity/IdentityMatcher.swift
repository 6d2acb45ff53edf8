import Foundation
import ShojiStore

/// Decides whether a probe is someone in a gallery: the repeat analyzer's matching, which `shoji eval identities`
/// uses too, so that what is measured is what runs.
///
/// A probe matches the nearest subject when it lies under the gallery-size threshold (``MatchThreshold``) and no
/// other subject is nearly as close (``margin``): two candidates within the margin of each other are ambiguous, and
/// an ambiguous probe is not linked to either.
public struct IdentityMatcher: Sendable, Hashable {
    /// What a probe is.
    public enum Decision: Sendable, Hashable {
        /// The subject it matched, and how close.
        case known(subject: String, distance: Float)
        /// Two subjects were nearly as close: linked to neither.
        case ambiguous
        /// No subject was close enough.
        case unknown
    }

    /// Vectors a subject keeps: its newest, so that a regular visitor is recognised as they change.
    public static let vectorsPerSubject = 3

    /// The threshold rule.
    public var threshold: MatchThreshold
    /// How much nearer the best subject must be than the second when both lie under the threshold.
    public var margin: Double

    /// A matcher.
    public init(threshold: MatchThreshold, margin: Double = 0.05) {
        self.threshold = threshold
        self.margin = margin
    }

    /// The decision for `probe` against `gallery` at `now`.
    public func decide(_ probe: [Float], in gallery: VectorIndex, now: Date) -> Decision {
        let limit = Float(threshold.threshold(gallerySize: gallery.subjectCount))
        let nearest = gallery.nearest(to: probe, count: 2, now: now)
        guard let best = nearest.first, best.distance < limit else { return .unknown }
        if nearest.count > 1, nearest[1].distance < limit, Double(nearest[1].distance - best.distance) < margin {
            return .ambiguous
        }
        return .known(subject: best.subject, distance: best.distance)
    }
}
