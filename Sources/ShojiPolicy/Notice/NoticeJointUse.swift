/// The five items APPI Art. 27(5)(iii) requires to be knowable before data is used jointly (共同利用):
/// that it is used jointly (implied by the presence of this value), the items, the users, their purposes and
/// the responsible party.
public struct NoticeJointUse: Sendable, Hashable {
    /// The items of personal data used jointly (共同して利用される個人データの項目).
    public var items: [LocalizedText]
    /// The scope of the joint users (共同して利用する者の範囲).
    public var users: [LocalizedText]
    /// The joint users' purposes (利用する者の利用目的).
    public var purposes: [LocalizedText]
    /// The party responsible for managing the data (管理について責任を有する者).
    public var responsibleParty: NoticeParty

    /// Creates joint-use items.
    public init(items: [LocalizedText], users: [LocalizedText], purposes: [LocalizedText], responsibleParty: NoticeParty) {
        self.items = items
        self.users = users
        self.purposes = purposes
        self.responsibleParty = responsibleParty
    }
}
