/// Knobs of ``MultiObjectTracker``. The defaults follow ByteTrack and SORT and suit a person detector on
/// 768×576 video at 7–25 detector frames per second; tune them against MOT ground truth with
/// ``MOTEvaluator``.
///
/// "Round" below means one call of ``MultiObjectTracker/update(frame:detections:)`` — one frame on which the
/// detector ran. Frames advanced with ``MultiObjectTracker/predict(frame:)`` are not rounds: a skipped
/// detector frame is no evidence that a person left.
public struct TrackerConfiguration: Hashable, Sendable, Codable {
    /// Detections at or above this confidence take part in the first association pass and may start tracks
    /// (default 0.5, ByteTrack's `track_thresh`).
    public var highConfidence: Double
    /// Detections below this confidence are ignored; those in [`lowConfidence`, `highConfidence`) are used
    /// only in the second pass, to keep existing tracks alive through occlusion (default 0.1).
    public var lowConfidence: Double
    /// An unmatched detection starts a new tentative track only at or above this confidence (default 0.6,
    /// ByteTrack's `det_thresh`). Raise it to suppress tracks born from clutter.
    public var newTrackConfidence: Double
    /// An unmatched detection overlapping a confirmed track's box by at least this IoU does not start a track
    /// (default 0.8): detectors sometimes return a second, shifted box for one person, which would otherwise
    /// become a duplicate track. 1 disables the rule.
    public var duplicateIoU: Double
    /// IoU that a track's predicted box and a high-confidence detection must exceed to match, in the first
    /// pass and for tentative tracks (default 0.2, ByteTrack's `match_thresh` 0.8 on 1 − IoU). Lower it
    /// (0.1) when the detector runs below about 3 fps for walking people: a newborn track has no velocity
    /// yet, so its second detection must still overlap the first. Raise it (0.3) for dense crowds.
    public var minimumIoU: Double
    /// IoU to exceed in the second pass (low-confidence detections to still-unmatched confirmed tracks);
    /// stricter than the first because those detections are less reliable (default 0.5).
    public var secondPassMinimumIoU: Double
    /// A tentative track is confirmed — gets an id and is reported — after this many matched detections
    /// (default 3). 1 confirms at birth.
    public var minimumHits: Int
    /// … which must happen within this many rounds of its birth, counting the birth round, or the tentative
    /// track is dropped without a trace (default 5; equal to `minimumHits` demands consecutive hits).
    public var confirmationWindow: Int
    /// A confirmed track ends after this many consecutive rounds without a match (default 30). With the
    /// detector on every k-th frame that is `k × maxAge` frames.
    public var maxAge: Int
    /// A lost track is still reported (with its predicted box) for this many unmatched rounds (default 1).
    /// 0 reports only tracks matched in the latest round, as SORT does. Fed the PETS09-S2L1 ground-truth boxes
    /// with 10 % dropped, 1 instead of 0 lifts MOTA from 0.89 to 0.98 (short misses bridged) at the cost of
    /// about one false positive per person leaving the view.
    public var reportLostRounds: Int
    /// Recovery pass: a lost track may take a confident detection nobody else took when their centres are
    /// within this many of the track's box heights and their heights differ by less than half (default 0 =
    /// off). IoU cannot re-find a person after an occlusion: the predicted box has drifted or shrunk away
    /// from where they reappear. On PETS09-S2L1 with SSDLite, 1.0 lifts IDF1 (see `shoji eval tracking`).
    public var recoveryDistance: Double
    /// Kalman noise weights.
    public var noise: KalmanBoxFilter.Noise

    /// Creates a configuration; every parameter has the documented default.
    public init(highConfidence: Double = 0.5, lowConfidence: Double = 0.1, newTrackConfidence: Double = 0.6,
                duplicateIoU: Double = 0.8, minimumIoU: Double = 0.2, secondPassMinimumIoU: Double = 0.5, minimumHits: Int = 3,
                confirmationWindow: Int = 5, maxAge: Int = 30, reportLostRounds: Int = 1, recoveryDistance: Double = 0,
                noise: KalmanBoxFilter.Noise = KalmanBoxFilter.Noise()) {
        self.highConfidence = highConfidence
        self.lowConfidence = lowConfidence
        self.newTrackConfidence = newTrackConfidence
        self.duplicateIoU = duplicateIoU
        self.minimumIoU = minimumIoU
        self.secondPassMinimumIoU = secondPassMinimumIoU
        self.minimumHits = minimumHits
        self.confirmationWindow = confirmationWindow
        self.maxAge = maxAge
        self.reportLostRounds = reportLostRounds
        self.recoveryDistance = recoveryDistance
        self.noise = noise
    }

    /// Decodes a configuration in which every key is optional and falls back to its default, so a deployment
    /// file only names what it changes.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = TrackerConfiguration()
        self.init(
            highConfidence: try c.decodeIfPresent(Double.self, forKey: .highConfidence) ?? d.highConfidence,
            lowConfidence: try c.decodeIfPresent(Double.self, forKey: .lowConfidence) ?? d.lowConfidence,
            newTrackConfidence: try c.decodeIfPresent(Double.self, forKey: .newTrackConfidence) ?? d.newTrackConfidence,
            duplicateIoU: try c.decodeIfPresent(Double.self, forKey: .duplicateIoU) ?? d.duplicateIoU,
            minimumIoU: try c.decodeIfPresent(Double.self, forKey: .minimumIoU) ?? d.minimumIoU,
            secondPassMinimumIoU: try c.decodeIfPresent(Double.self, forKey: .secondPassMinimumIoU) ?? d.secondPassMinimumIoU,
            minimumHits: try c.decodeIfPresent(Int.self, forKey: .minimumHits) ?? d.minimumHits,
            confirmationWindow: try c.decodeIfPresent(Int.self, forKey: .confirmationWindow) ?? d.confirmationWindow,
            maxAge: try c.decodeIfPresent(Int.self, forKey: .maxAge) ?? d.maxAge,
            reportLostRounds: try c.decodeIfPresent(Int.self, forKey: .reportLostRounds) ?? d.reportLostRounds,
            recoveryDistance: try c.decodeIfPresent(Double.self, forKey: .recoveryDistance) ?? d.recoveryDistance,
            noise: try c.decodeIfPresent(KalmanBoxFilter.Noise.self, forKey: .noise) ?? d.noise)
    }

    /// Checks every knob's range; ``MultiObjectTracker`` calls this and refuses an invalid configuration.
    public func validate() throws(TrackerConfigurationError) {
        func unit(_ value: Double, _ name: String) throws(TrackerConfigurationError) {
            guard value.isFinite, value >= 0, value <= 1 else { throw .outOfRange(name, "must be in [0, 1], is \(value)") }
        }
        try unit(highConfidence, "highConfidence")
        try unit(lowConfidence, "lowConfidence")
        try unit(newTrackConfidence, "newTrackConfidence")
        try unit(minimumIoU, "minimumIoU")
        try unit(duplicateIoU, "duplicateIoU")
        try unit(secondPassMinimumIoU, "secondPassMinimumIoU")
        guard lowConfidence <= highConfidence else {
            throw .outOfRange("lowConfidence", "must not exceed highConfidence (\(highConfidence)), is \(lowConfidence)")
        }
        guard minimumIoU > 0, secondPassMinimumIoU > 0, duplicateIoU > 0 else {
            throw .outOfRange("minimumIoU", "IoU gates must be above 0, or boxes that do not touch would match")
        }
        guard minimumHits >= 1 else { throw .outOfRange("minimumHits", "must be at least 1, is \(minimumHits)") }
        guard confirmationWindow >= minimumHits else {
            throw .outOfRange("confirmationWindow", "must be at least minimumHits (\(minimumHits)), is \(confirmationWindow)")
        }
        guard maxAge >= 0 else { throw .outOfRange("maxAge", "must be 0 or more, is \(maxAge)") }
        guard recoveryDistance.isFinite, recoveryDistance >= 0 else {
            throw .outOfRange("recoveryDistance", "must be 0 (off) or a positive number of box heights, is \(recoveryDistance)")
        }
        guard reportLostRounds >= 0 else { throw .outOfRange("reportLostRounds", "must be 0 or more, is \(reportLostRounds)") }
        for (value, name) in [(noise.position, "noise.position"), (noise.velocity, "noise.velocity"),
                              (noise.measurement, "noise.measurement")] {
            guard value.isFinite, value > 0 else { throw .outOfRange(name, "must be a positive number, is \(value)") }
        }
    }
}

extension TrackerConfiguration {
    /// Settings for people seen by a fixed camera, with SSDLite on two strips of a 768×576 frame at 7 frames/s
    /// and the detector on every frame: confident detections from 0.4, a loose IoU gate (0.1), confirmation
    /// after 2 hits, and recovery of lost tracks within one box height. Tuned with `shoji eval tracking --sweep`
    /// on PETS09-S2L1 frames 1–400: MOTA 0.734, IDF1 0.674, 23 identity switches (the defaults: 0.686, 0.485, 34).
    public static let fixedCameraPeople = TrackerConfiguration(
        highConfidence: 0.4, minimumIoU: 0.1, minimumHits: 2, recoveryDistance: 1.0)
}

