/// A point in frame pixels.
public struct PixelPoint: Sendable, Hashable, Codable {
    /// Horizontal position.
    public var x: Double
    /// Vertical position.
    public var y: Double

    /// A point.
    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }
}

/// A face with CenterFace's five landmarks, for aligning a face chip. In memory only, like the frame.
public struct DetectedFace: Sendable, Hashable {
    /// The face box and score.
    public var detection: Detection
    /// Left eye, right eye, nose, left and right mouth corner, as CenterFace orders them.
    public var landmarks: [PixelPoint]

    /// A face.
    public init(detection: Detection, landmarks: [PixelPoint]) {
        self.detection = detection
        self.landmarks = landmarks
    }

    /// The two eye centres, the one further left in the image first.
    public var eyes: (left: PixelPoint, right: PixelPoint)? {
        guard landmarks.count >= 2 else { return nil }
        let a = landmarks[0], b = landmarks[1]
        return a.x <= b.x ? (a, b) : (b, a)
    }
}
