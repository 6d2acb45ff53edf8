/// A contact point (窓口): who answers, and how to reach them.
public struct NoticeContact: Sendable, Hashable {
    /// The desk or person, e.g. 「お問い合わせ窓口」 or 「個人情報保護責任者」.
    public var desk: LocalizedText
    /// Ways to reach the desk, one per entry: e-mail addresses, telephone numbers, web addresses, postal
    /// addresses. Renderers link the ones they recognise.
    public var channels: [String]

    /// Creates a contact point.
    public init(desk: LocalizedText, channels: [String]) {
        self.desk = desk
        self.channels = channels
    }
}
