/// What the deployment tells people: the on-site sign, the prior notice on the web and the matters published
/// under APPI Art. 32.
public struct NoticePlan: Sendable, Codable, Hashable {
    /// An item shown on the on-site sign.
    public enum SignItem: String, Sendable, Codable, CaseIterable {
        /// That a camera is operating (カメラ作動中).
        case operating
        /// The operating entity (取得主体 / 運用実施主体).
        case `operator`
        /// The purpose of use.
        case purpose
        /// The contact point.
        case contact
        /// A URL or QR code of the page with the full information.
        case url
        /// What data is derived (e.g. 属性を推定し画像は保存しない).
        case dataTypes = "data_types"
        /// The retention period.
        case retention
        /// Whether data goes to third parties.
        case thirdParties = "third_parties"
        /// That face identification is used.
        case faceIdentification = "face_identification"
    }

    /// A matter about 保有個人データ to put in a state the person can know (APPI Art. 32(1); Order Art. 10).
    public enum Art32Item: String, Sendable, Codable, CaseIterable {
        /// (i) name, address and representative.
        case nameAddressRepresentative = "name_address_representative"
        /// (ii) the purposes of all 保有個人データ.
        case purposes
        /// (iii) the procedure for requests, including fees.
        case requestProcedure = "request_procedure"
        /// (iv) the safety measures taken (added in 2022).
        case safetyMeasures = "safety_measures"
        /// (v) the complaint contact.
        case complaintContact = "complaint_contact"
    }

    /// Items on the on-site sign (empty when there is no sign).
    public var signItems: [SignItem]
    /// Whether the sign is placed so it is seen before entering the filmed area (guidebook §4.6).
    public var signBeforeFilmedArea: Bool
    /// The prior-notice page (事前告知) URL, also the target of the sign's QR code.
    public var priorNoticeURL: String?
    /// The day the prior notice was published.
    public var priorNoticePublishedOn: CalendarDay?
    /// The Art. 32 matters published.
    public var art32Items: [Art32Item]

    /// Whether there is an on-site sign.
    public var hasSign: Bool { !signItems.isEmpty }

    init(reading reader: YAMLReader) throws(ManifestError) {
        let map = try reader.mapping(allowing: ["signage", "prior_notice", "art32_published"])
        if let signage = map.optional("signage") {
            let sign = try signage.mapping(allowing: ["items", "before_filmed_area"])
            signItems = try sign.values("items", SignItem.self)
            signBeforeFilmedArea = try sign.bool("before_filmed_area", default: false)
        } else {
            signItems = []
            signBeforeFilmedArea = false
        }
        if let prior = map.optional("prior_notice") {
            let notice = try prior.mapping(allowing: ["url", "published_on"])
            priorNoticeURL = try notice.string("url")
            priorNoticePublishedOn = try notice.day("published_on")
        } else {
            priorNoticeURL = nil
            priorNoticePublishedOn = nil
        }
        art32Items = try map.values("art32_published", Art32Item.self)
    }
}
