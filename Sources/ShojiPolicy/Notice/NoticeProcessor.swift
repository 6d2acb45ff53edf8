/// A business the operator entrusts with the data (委託先), as published.
public struct NoticeProcessor: Sendable, Hashable {
    /// The processor's name.
    public var name: LocalizedText
    /// What it does for the operator and how it relates to it (entrustment, storage only...).
    public var task: LocalizedText
    /// ISO 3166 country code of where it handles the data.
    public var country: String

    /// Creates a processor entry.
    public init(name: LocalizedText, task: LocalizedText, country: String) {
        self.name = name
        self.task = task
        self.country = country
    }
}
