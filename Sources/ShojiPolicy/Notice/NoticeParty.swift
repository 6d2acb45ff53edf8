/// A business named in a notice: the operator, or the party responsible for jointly used data.
public struct NoticeParty: Sendable, Hashable {
    /// The legal name (氏名又は名称).
    public var name: LocalizedText
    /// The registered address (住所).
    public var address: LocalizedText?
    /// The representative of a corporation (代表者の氏名).
    public var representative: LocalizedText?

    /// Creates a party.
    public init(name: LocalizedText, address: LocalizedText? = nil, representative: LocalizedText? = nil) {
        self.name = name
        self.address = address
        self.representative = representative
    }
}
