/// A deployment: who operates it, where, with which cameras, for which declared purposes, what is kept for
/// how long, who else handles the data and what people are told. Read it with `Manifest.load(contentsOf:)`
/// or `Manifest.decode(yaml:file:)`; assess it with `Assessment(manifest:asOf:)`.
public struct Manifest: Sendable, Codable, Hashable {
    /// The schema version (1).
    public var version: Int
    /// The tenant (controller) id: keys, salts and records are separated per tenant.
    public var tenant: String
    /// The operating entity (運用実施主体), the controller.
    public var operatingEntity: OperatingEntity
    /// The privacy officer (保護責任者), if named.
    public var privacyOfficer: PrivacyOfficer?
    /// The space filmed.
    public var space: Space
    /// The day acquisition starts (or started).
    public var startsOn: CalendarDay
    /// The cameras.
    public var cameras: [Camera]
    /// The declared purposes of use.
    public var purposes: [Purpose]
    /// Retention per record kind.
    public var retention: Retention
    /// How and where analysis runs.
    public var processing: Processing
    /// Vendors handling the data.
    public var processors: [Processor]
    /// Recipients of provided data.
    public var thirdParties: [ThirdParty]
    /// Joint use, if any.
    public var jointUse: JointUse?
    /// Recorded consents.
    public var consents: [Consent]
    /// Signage, prior notice and Art. 32 publication.
    public var notice: NoticePlan
    /// Handling of disclosure, correction and erasure requests.
    public var rights: RightsHandling
    /// Safety management measures.
    public var security: SecurityMeasures
    /// Watchlist operating rules (face identification only).
    public var watchlist: WatchlistPolicy?
    /// The documented privacy assessment (guidebook §3.2, §4.3, §4.4, §4.9).
    public var privacyAssessment: PrivacyAssessment?

    /// Every use case that runs on some camera, in guidebook order.
    public var useCases: [UseCase] {
        Array(Set(cameras.flatMap(\.useCases))).sorted()
    }

    /// The cameras running `useCase`.
    public func cameras(running useCase: UseCase) -> [Camera] {
        cameras.filter { $0.useCases.contains(useCase) }
    }

    /// The purposes that cover `useCase`.
    public func purposes(covering useCase: UseCase) -> [Purpose] {
        purposes.filter { $0.useCases.contains(useCase) }
    }

    /// The purpose with id `id`.
    public func purpose(id: String) -> Purpose? {
        purposes.first { $0.id == id }
    }

    /// The record kinds kept by the use cases that run, with the use cases keeping each.
    public var keptRecordKinds: [RecordKind: [UseCase]] {
        var kinds: [RecordKind: [UseCase]] = [:]
        for useCase in useCases { for kind in useCase.keeps { kinds[kind, default: []].append(useCase) } }
        return kinds
    }

    /// Whether any camera captures identifiable images or any use case extracts face features: then personal
    /// information is acquired (APPI Art. 2(1); PPC Q&A A1-11), even if only for a moment.
    public var acquiresPersonalInformation: Bool {
        cameras.contains { $0.identifiableImages } || useCases.contains { $0.extractsFaceFeatures }
    }

    /// Whether data searchable by person is kept: 個人データ and 保有個人データ (APPI Art. 16; Art. 16(4) has
    /// no short-retention exclusion since 2022).
    public var keepsPersonalDatabase: Bool {
        useCases.contains { $0.keepsPersonalDatabase }
    }
}
