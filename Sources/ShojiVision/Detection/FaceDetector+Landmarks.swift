import CVBridge

extension FaceDetector {
    /// The faces in `frame` with their five landmarks, best first.
    public func detectWithLandmarks(in frame: Frame) throws -> [DetectedFace] {
        let size = detectionSize ?? frame.size
        let network = try network(for: size)
        var count: Int32 = 0
        var points = [Float](repeating: 0, count: buffer.count * 10)
        let status = buffer.withUnsafeMutableBufferPointer { results in
            points.withUnsafeMutableBufferPointer { marks in
                cvb_centerface_detect_landmarks(network, frame.handle, Float(threshold), results.baseAddress!,
                                                marks.baseAddress!, Int32(results.count), &count)
            }
        }
        guard status == .OK else {
            throw VisionError.bridge(operation: "face detection", reason: VisionError.lastBridgeMessage)
        }
        return (0..<Int(count)).map { index in
            let marks = (0..<5).map { PixelPoint(x: Double(points[10 * index + 2 * $0]), y: Double(points[10 * index + 2 * $0 + 1])) }
            return DetectedFace(detection: Detection(bridged: buffer[index]), landmarks: marks)
        }
    }
}
