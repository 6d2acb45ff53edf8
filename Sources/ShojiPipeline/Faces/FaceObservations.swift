import ShojiVision

/// What the face stage found in one frame, for every face-using analyzer of the camera. Borrowed for the call
/// only, like the frame: embeddings are dropped with it unless an analyzer keeps a few until its track ends.
struct FaceObservations {
    /// One face followed from frame to frame by the face tracker (identity use cases).
    struct TrackedFace {
        /// The face tracker's id (means nothing outside this camera's worker).
        var trackID: Int
        /// The face and its landmarks.
        var face: DetectedFace
        /// Its embedding, when an identity analyzer asked for one for this track.
        var embedding: FaceEmbedding?
    }

    /// Every face at least the minimum size, with landmarks, best first.
    var faces: [DetectedFace]
    /// The faces matched to face tracks this frame (empty without an identity use case).
    var tracked: [TrackedFace]
    /// Face tracks that ended at this frame.
    var endedTrackIDs: [Int]
}
