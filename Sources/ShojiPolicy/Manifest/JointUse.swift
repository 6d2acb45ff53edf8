/// Joint use (共同利用, APPI Art. 27(5)(iii)) of personal data with other entities, e.g. a shared watchlist.
public struct JointUse: Sendable, Codable, Hashable {
    /// The five items to notify or make easily knowable in advance (PPC Q&A Q7-50).
    public enum Item: String, Sendable, Codable, CaseIterable {
        /// ① that the data are jointly used.
        case jointUse = "joint_use"
        /// ② the items of personal data jointly used.
        case dataItems = "data_items"
        /// ③ the scope of the joint users.
        case scopeOfUsers = "scope_of_users"
        /// ④ the joint users' purposes.
        case purposes
        /// ⑤ name, address and representative of the party responsible.
        case responsibleParty = "responsible_party"
    }

    /// The joint users.
    public var parties: [String]
    /// The data items shared.
    public var dataItems: [String]
    /// The party responsible for managing the data.
    public var responsibleParty: String
    /// The items published in advance.
    public var publishedItems: [Item]
    /// The day the items were published.
    public var publishedOn: CalendarDay?
    /// Why the shared data and the circle of users are truly necessary (Q7-50).
    public var necessity: String?

    init(reading reader: YAMLReader) throws(ManifestError) {
        let map = try reader.mapping(allowing: ["parties", "data_items", "responsible_party", "published_items", "published_on", "necessity"])
        parties = try map.strings("parties")
        dataItems = try map.strings("data_items")
        responsibleParty = try map.string("responsible_party")
        publishedItems = try map.values("published_items", Item.self)
        publishedOn = try map.optionalDay("published_on")
        necessity = try map.optionalString("necessity")
    }
}
