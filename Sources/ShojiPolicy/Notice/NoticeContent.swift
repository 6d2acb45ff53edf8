/// Everything a camera notice says, in Japanese and English, derived from a deployment manifest with
/// `init(manifest:)`.
///
/// One value feeds both publications: the on-site sign (the camera is operating; who operates it; what is
/// captured, kept and discarded; purposes; retention; contact; where the full notice is) and the prior-notice
/// page, which adds the matters APPI Art. 32(1) and Cabinet Order Art. 10 require to be knowable (name,
/// address and representative; all purposes; the request procedure; safety measures; the complaint contact),
/// processors, and the five joint-use items of Art. 27(5)(iii) when data is used jointly.
public struct NoticeContent: Sendable, Hashable {
    /// The business responsible for the cameras (運用実施主体, the controller).
    public var operatingEntity: NoticeParty
    /// The place the cameras watch, such as 「渋谷店」.
    public var siteName: LocalizedText?
    /// The address of the prior-notice page; the sign prints it and encodes it in its QR code.
    public var noticeURL: String
    /// Where people ask questions and send requests.
    public var contact: NoticeContact
    /// Where people complain about the handling of their data (Cabinet Order Art. 10(ii)).
    public var complaintContact: NoticeContact
    /// One entry per analysis the cameras feed, in guidebook order.
    public var useCases: [NoticeUseCase]
    /// Short promises the deployment keeps by construction, printed prominently, e.g. 「撮影した映像は保存しません」.
    public var assurances: [LocalizedText]
    /// Every purpose for which data from these cameras is used (Art. 32(1)(ii)).
    public var purposes: [LocalizedText]
    /// How to ask for disclosure, stop of use and deletion (Art. 32(1)(iii); Art. 33–38).
    public var requestProcedure: NoticeRequestProcedure
    /// The safety measures taken for the data (Art. 32(1)(iv); Cabinet Order Art. 10(i)).
    public var safetyMeasures: [LocalizedText]
    /// Businesses entrusted with the data (委託先); empty when none.
    public var processors: [NoticeProcessor]
    /// The operating rules of face identification (registration criteria, approval, human review), published
    /// as the PPC recommends for watchlists; empty when no watchlist runs.
    public var faceIdentificationRules: [LocalizedText]
    /// The joint-use items; nil unless the manifest declares joint use (共同利用).
    public var jointUse: NoticeJointUse?
    /// Whether and to whom data is provided.
    public var thirdPartyProvision: [LocalizedText]
    /// The day the cameras start (or started) acquiring, if known.
    public var startsOn: CalendarDay?

    /// Creates notice content from its parts; deployments use `init(manifest:)`.
    public init(
        operatingEntity: NoticeParty,
        siteName: LocalizedText? = nil,
        noticeURL: String,
        contact: NoticeContact,
        complaintContact: NoticeContact? = nil,
        useCases: [NoticeUseCase],
        assurances: [LocalizedText] = [],
        purposes: [LocalizedText]? = nil,
        requestProcedure: NoticeRequestProcedure,
        safetyMeasures: [LocalizedText],
        processors: [NoticeProcessor] = [],
        faceIdentificationRules: [LocalizedText] = [],
        jointUse: NoticeJointUse? = nil,
        thirdPartyProvision: [LocalizedText] = [NoticeWording.noThirdPartyProvision],
        startsOn: CalendarDay? = nil
    ) {
        self.operatingEntity = operatingEntity
        self.siteName = siteName
        self.noticeURL = noticeURL
        self.contact = contact
        self.complaintContact = complaintContact ?? contact
        self.useCases = useCases
        self.assurances = assurances
        self.purposes = purposes ?? useCases.flatMap(\.purposes)
        self.requestProcedure = requestProcedure
        self.safetyMeasures = safetyMeasures
        self.processors = processors
        self.faceIdentificationRules = faceIdentificationRules
        self.jointUse = jointUse
        self.thirdPartyProvision = thirdPartyProvision
        self.startsOn = startsOn
    }
}
