/// How a person asks for disclosure, stop of use or deletion of their data (APPI Art. 32(1)(iii)).
public struct NoticeRequestProcedure: Sendable, Hashable {
    /// The kinds of request accepted, e.g. 開示 (disclosure), 利用停止・消去 (stop of use and erasure).
    public var kinds: [LocalizedText]
    /// The steps a person follows, in order.
    public var steps: [LocalizedText]
    /// How disclosure is delivered (electronic records, paper).
    public var disclosureMethods: [LocalizedText]
    /// The fee, or that there is none.
    public var fee: LocalizedText

    /// Creates a request procedure.
    public init(kinds: [LocalizedText], steps: [LocalizedText], disclosureMethods: [LocalizedText], fee: LocalizedText) {
        self.kinds = kinds
        self.steps = steps
        self.disclosureMethods = disclosureMethods
        self.fee = fee
    }
}
