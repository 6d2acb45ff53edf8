/// Something a purpose text fails to say, with why (in Japanese and English) and the source that requires it.
public struct PurposeIssue: Sendable, Codable, Hashable {
    /// The kinds of issue.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// The text is abstract: it names no concrete processing (PPC Q&A Q2-1: 「お客様のサービスの向上」).
        case abstract
        /// The text does not say what is done for a use case it covers.
        case useCaseNotDescribed = "use_case_not_described"
        /// Profiling is done but the analysis is not stated (Q2-1 ¶2).
        case profilingNotStated = "profiling_not_stated"
        /// Advertising customised from face attributes is done but not stated (Q1-13-3).
        case targetedAdvertisingNotStated = "targeted_advertising_not_stated"
        /// Face identification is done but not stated (Q1-11; A1-14 in the current numbering).
        case faceIdentificationNotStated = "face_identification_not_stated"
    }

    /// The purpose concerned.
    public let purposeId: String
    /// The kind of issue.
    public let kind: Kind
    /// The language version of the text that falls short.
    public let language: Language
    /// The use case concerned, if any.
    public let useCase: UseCase?
    /// Why it matters and what to write.
    public let explanation: LocalizedText
    /// Where the requirement comes from.
    public let sources: [Source]
}
