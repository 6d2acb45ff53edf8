/// A face's 128-d descriptor from dlib's ResNet: what identifies a person (個人識別符号, APPI Art. 2(2)(i)).
///
/// In memory only (privacy invariant 1): it is not `Codable`, and its description says what it is without its
/// values, so that interpolating one into a log line or an error prints no part of a face. Two descriptors of the
/// same person lie closer than about 0.6 (Euclidean); see ``distance(to:)``.
public struct FaceEmbedding: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The descriptor's length.
    public static let dimensions = 128

    /// The 128 values, for the vault and the gallery to copy; never print them.
    public let values: [Float]

    /// A descriptor; `values` must have ``dimensions`` elements.
    public init?(values: [Float]) {
        guard values.count == Self.dimensions, values.allSatisfy(\.isFinite) else { return nil }
        self.values = values
    }

    /// Euclidean distance to `other`.
    public func distance(to other: FaceEmbedding) -> Float {
        var sum: Float = 0
        for index in 0..<Self.dimensions {
            let difference = values[index] - other.values[index]
            sum += difference * difference
        }
        return sum.squareRoot()
    }

    /// The element-wise mean of `embeddings` (nil when empty): the probe a track's few samples make together.
    public static func mean(_ embeddings: [FaceEmbedding]) -> FaceEmbedding? {
        guard let first = embeddings.first else { return nil }
        var sum = first.values
        for embedding in embeddings.dropFirst() {
            for index in 0..<dimensions { sum[index] += embedding.values[index] }
        }
        let count = Float(embeddings.count)
        return FaceEmbedding(values: sum.map { $0 / count })
    }

    /// "face embedding (128 values, not shown)".
    public var description: String { "face embedding (\(Self.dimensions) values, not shown)" }
    /// Same as ``description``: debug output must not show the values either.
    public var debugDescription: String { description }
    /// No children: `dump` and debuggers see no values either.
    public var customMirror: Mirror { Mirror(self, children: [:]) }
}
