/// One analysis the cameras feed, described for the public: what goes in, what is kept, what is thrown away.
public struct NoticeUseCase: Sendable, Hashable {
    /// The analyzer name (`UseCase.rawValue`, e.g. "attributes"), for anchors and tests.
    public var id: String
    /// A short label, e.g. 「属性推定（年齢・性別）」.
    public var label: LocalizedText
    /// Why the analysis is done, in the words the operator published.
    public var purposes: [LocalizedText]
    /// What the cameras capture for it.
    public var captured: [LocalizedText]
    /// What is derived from the capture and kept.
    public var kept: [LocalizedText]
    /// What is discarded at once, never stored.
    public var discarded: [LocalizedText]
    /// How long each kept item is kept.
    public var retention: [LocalizedText]

    /// Creates a use-case description.
    public init(
        id: String, label: LocalizedText, purposes: [LocalizedText], captured: [LocalizedText],
        kept: [LocalizedText], discarded: [LocalizedText], retention: [LocalizedText]
    ) {
        self.id = id
        self.label = label
        self.purposes = purposes
        self.captured = captured
        self.kept = kept
        self.discarded = discarded
        self.retention = retention
    }
}
