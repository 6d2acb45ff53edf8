/// One camera: where its frames come from, how visible it is, and which use cases run on it.
public struct Camera: Sendable, Codable, Hashable {
    /// A device a camera can be built into, which makes it hard to notice (PPC Q&A Q1-13-3).
    public enum Housing: String, Sendable, Codable, CaseIterable {
        /// A stand-alone camera.
        case none
        /// Built into a digital signage or electronic display (電光掲示板等).
        case signage
        /// Built into a kiosk or vending machine.
        case kiosk
    }

    /// The camera's id, unique in the manifest.
    public var id: String
    /// The frame source: a stream URL (rtsp://…), a video file or a folder of images.
    public var source: String
    /// Where the camera is, in words (for the notice).
    public var location: String?
    /// Whether a person would easily notice the camera.
    public var visibleInstallation: Bool
    /// What the camera is built into.
    public var housing: Housing
    /// Whether resolution and angle allow identifying individuals (APPI Art. 2(1); PPC Q&A A1-11).
    public var identifiableImages: Bool
    /// Whether the camera records sound (Shoji never uses audio; listed so a deployment says so).
    public var audio: Bool
    /// Whether advertisements shown to the person are customised from attributes estimated from their face
    /// (PPC Q&A Q1-13-3).
    public var targetedAdvertising: Bool
    /// Whether out-of-scope areas (neighbouring windows, sidewalks) are masked (guidebook §4.4).
    public var privacyMasks: Bool
    /// The use cases that run on this camera.
    public var useCases: [UseCase]
    /// Free per-use-case settings for the pipeline (lines, zones, homography, ...), keyed by name.
    public var settings: [String: SettingValue]

    static let keys = [
        "id", "source", "location", "visible_installation", "housing", "identifiable_images", "audio",
        "targeted_advertising", "privacy_masks", "use_cases", "settings",
    ]

    init(reading reader: YAMLReader) throws(ManifestError) {
        let map = try reader.mapping(allowing: Self.keys)
        id = try map.string("id")
        source = try map.string("source")
        location = try map.optionalString("location")
        visibleInstallation = try map.requiredBool("visible_installation")
        housing = try map.value("housing", Housing.self, default: .none)
        identifiableImages = try map.requiredBool("identifiable_images")
        audio = try map.bool("audio", default: false)
        targetedAdvertising = try map.bool("targeted_advertising", default: false)
        privacyMasks = try map.bool("privacy_masks", default: false)
        let cases = try map.required("use_cases", expected: "a list of use cases").list()
        guard !cases.isEmpty else {
            throw reader.error(.missingField(expected: "'use_cases': at least one use case"), path: "\(reader.path).use_cases")
        }
        var useCases: [UseCase] = []
        for element in cases { useCases.append(try element.value(UseCase.self)) }
        self.useCases = useCases
        if case .object(let settings)? = try map.optional("settings")?.setting() {
            self.settings = settings
        } else if map.optional("settings") != nil {
            throw reader.error(.wrongType(expected: "a mapping", found: "a scalar or list"), path: "\(reader.path).settings")
        } else {
            settings = [:]
        }
    }
}
