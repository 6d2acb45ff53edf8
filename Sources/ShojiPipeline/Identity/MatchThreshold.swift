import Foundation

/// The face distance under which two faces are taken for the same person, chosen from measurement and from the
/// size of the gallery searched.
///
/// A probe compared with a gallery of N other people matches one of them falsely with probability about
/// N × FMR(t), where FMR(t) is the share of impostor pairs closer than t. Impostor distances of dlib's embedding
/// were measured on real photos (`shoji eval identities`; README): mean ``impostorMean``, spread ``impostorSpread``.
/// Modelled as normal (which overstates FMR at 0.6 against dlib's own 30-million-face figure, so it errs on the
/// safe side), the threshold is the distance at which the expected false matches per probe stay within
/// ``falseMatchBudget``: t(N) = mean + spread · Φ⁻¹(budget / N), never above ``ceiling``. So a small gallery keeps a
/// tolerant threshold and a large one tightens it, trading splits (a returning person counted as new) for merges
/// (two people linked), which are the harm to avoid.
public struct MatchThreshold: Sendable, Hashable {
    /// Mean impostor distance measured on real photos: 3 of the 5 people of dlib's johns set (the other 2 held
    /// out), dlib's face photos (without bald_guys.jpg, four actors repeated) and three portraits, faces at least
    /// ``FaceStage/identityFaceSize`` wide: 781 impostor pairs.
    public static let impostorMean = 0.903
    /// Standard deviation of those impostor distances.
    public static let impostorSpread = 0.117

    /// The highest threshold used, whatever the gallery (the camera's `match_threshold`).
    public var ceiling: Double
    /// Expected false matches per probe allowed (the camera's `false_match_budget`).
    public var falseMatchBudget: Double

    /// A threshold rule.
    public init(ceiling: Double, falseMatchBudget: Double) {
        self.ceiling = ceiling
        self.falseMatchBudget = falseMatchBudget
    }

    /// Repeat visits: ceiling 0.55, 1 false match per 100 probes (0.55 up to 6 visitors, 0.47 at 100, 0.40 at
    /// 1,000). On the held-out johns pairs at 0.55: 2.7 % of genuine pairs apart, 0 of 1,089 impostor pairs
    /// together.
    public static let repeatVisits = MatchThreshold(ceiling: 0.55, falseMatchBudget: 0.01)
    /// Watchlist: ceiling 0.5, 1 false alert per 1,000 visitors (every alert goes to a person anyway).
    public static let watchlist = MatchThreshold(ceiling: 0.5, falseMatchBudget: 0.001)
    /// The opt-out list: tolerant and not tightened by gallery size, since a person who asked to be left out must
    /// not be missed, and dropping a look-alike only loses one visit from the statistics.
    public static let optOut = MatchThreshold(ceiling: 0.6, falseMatchBudget: 0.5)
    /// Matching a person's own photo for their request: strict, since a false match would disclose another
    /// person's data.
    public static let requests = MatchThreshold(ceiling: 0.45, falseMatchBudget: 0.0001)

    /// The threshold for a gallery of `subjects` people.
    public func threshold(gallerySize subjects: Int) -> Double {
        guard subjects > 0 else { return ceiling }
        let rate = min(0.5, falseMatchBudget / Double(subjects))
        return min(ceiling, Self.impostorMean + Self.impostorSpread * Self.inverseNormal(rate))
    }

    /// Φ⁻¹(p) for 0 < p < 1: Acklam's rational approximation (relative error below 1.2e-9).
    static func inverseNormal(_ p: Double) -> Double {
        let a = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02,
                 -3.066479806614716e+01, 2.506628277459239e+00]
        let b = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01,
                 -1.328068155288572e+01]
        let c = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00,
                 4.374664141464968e+00, 2.938163982698783e+00]
        let d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00]
        let low = 0.02425
        if p < low {
            let q = (-2 * log(p)).squareRoot()
            return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
        }
        if p > 1 - low { return -inverseNormal(1 - p) }
        let q = p - 0.5, r = q * q
        return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
            / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
    }
}
