/// CLEAR MOT and identity metrics of one hypothesis sequence against ground truth, with py-motmetrics
/// semantics. Ratios are NaN when their denominator is zero (no ground truth, no matches).
public struct MOTMetrics: Hashable, Sendable, Codable {
    /// Frames evaluated (union of ground-truth and hypothesis frames in range).
    public var frames: Int
    /// Ground-truth boxes ("num_objects").
    public var groundTruthBoxes: Int
    /// Hypothesis boxes ("num_predictions").
    public var hypothesisBoxes: Int
    /// Distinct ground-truth identities.
    public var groundTruthIDs: Int
    /// Distinct hypothesis identities.
    public var hypothesisIDs: Int
    /// Matched box pairs (true positives).
    public var matches: Int
    /// Hypothesis boxes not matched (false positives).
    public var falsePositives: Int
    /// Ground-truth boxes not matched (misses, false negatives).
    public var misses: Int
    /// Matches whose ground-truth identity was last matched to a different hypothesis identity.
    public var idSwitches: Int
    /// Sum of IoU over matches (MOTP numerator).
    public var totalMatchIoU: Double
    /// Identity true positives of the global id assignment.
    public var idTruePositives: Int
    /// Identity false positives.
    public var idFalsePositives: Int
    /// Identity false negatives.
    public var idFalseNegatives: Int

    /// 1 − (misses + false positives + id switches) / ground-truth boxes.
    public var mota: Double {
        Double(groundTruthBoxes - misses - falsePositives - idSwitches) / Double(groundTruthBoxes)
    }
    /// Mean IoU of matched pairs (MOTChallenge convention; py-motmetrics' `motp` is 1 − this).
    public var motp: Double { totalMatchIoU / Double(matches) }
    /// Matches / ground-truth boxes.
    public var recall: Double { Double(matches) / Double(groundTruthBoxes) }
    /// Matches / hypothesis boxes.
    public var precision: Double { Double(matches) / Double(hypothesisBoxes) }
    /// 2·IDTP / (ground-truth boxes + hypothesis boxes).
    public var idf1: Double { 2 * Double(idTruePositives) / Double(groundTruthBoxes + hypothesisBoxes) }
    /// IDTP / (IDTP + IDFP).
    public var idPrecision: Double { Double(idTruePositives) / Double(idTruePositives + idFalsePositives) }
    /// IDTP / (IDTP + IDFN).
    public var idRecall: Double { Double(idTruePositives) / Double(idTruePositives + idFalseNegatives) }
}
