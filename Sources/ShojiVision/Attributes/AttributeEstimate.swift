/// An age and gender estimate for one face. It holds numbers only: no image, no feature vector.
public struct AttributeEstimate: Sendable, Hashable, Codable {
    /// Estimated gender as the model labels it.
    public enum EstimatedGender: String, Sendable, Hashable, Codable {
        /// The model's "female" class.
        case female
        /// The model's "male" class.
        case male
    }

    /// Expected age in years.
    public var age: Double
    /// Probability of the most likely age class (0…1): low for blurred or tiny faces.
    public var ageConfidence: Double
    /// The more likely gender class.
    public var gender: EstimatedGender
    /// Probability of that class (0.5…1).
    public var genderConfidence: Double

    /// An estimate.
    public init(age: Double, ageConfidence: Double, gender: EstimatedGender, genderConfidence: Double) {
        self.age = age
        self.ageConfidence = ageConfidence
        self.gender = gender
        self.genderConfidence = genderConfidence
    }
}
