/// The assessment of a manifest against every rule of `RuleCatalogue`, with the purpose linter's issues and
/// which use cases a declared purpose covers.
///
/// The pipeline runs a use case only when `permits(_:)`: no blocking finding, and a declared purpose covers it
/// (DESIGN.md, privacy invariant 5). The JSON form (`jsonData()`) is documented in the module README.
public struct Assessment: Sendable, Codable, Hashable {
    /// Counts of findings per status.
    public struct Summary: Sendable, Codable, Hashable {
        /// Unmet legal obligations.
        public let unmetObligation: Int
        /// Legal obligations with missing items.
        public let missingItem: Int
        /// Recommendations not followed.
        public let recommendation: Int
        /// Satisfied rules.
        public let satisfied: Int
        /// Rules that do not apply.
        public let notApplicable: Int
    }

    /// The version of the JSON schema (1).
    public let schemaVersion: Int
    /// The tenant assessed.
    public let tenant: String
    /// The operating entity's legal name.
    public let operatingEntity: String
    /// The day of the assessment.
    public let assessedOn: CalendarDay
    /// The use cases that run on some camera.
    public let useCases: [UseCase]
    /// The use cases covered by at least one declared purpose.
    public let coveredUseCases: [UseCase]
    /// The use cases no declared purpose covers; the pipeline must refuse them.
    public let uncoveredUseCases: [UseCase]
    /// What the purpose linter found.
    public let purposeIssues: [PurposeIssue]
    /// One finding per rule of the catalogue, in catalogue order.
    public let findings: [Finding]
    /// Counts per status.
    public let summary: Summary
    /// Whether any finding blocks the deployment (an unmet legal obligation).
    public let isBlocking: Bool

    /// Assesses `manifest` as of `asOf` against every rule of the catalogue (inject the day so that results are
    /// reproducible). An assessment informs; only ``ApprovedDeployment`` lets anything run.
    public init(manifest: Manifest, asOf: CalendarDay) {
        self.init(manifest: manifest, asOf: asOf, rules: RuleCatalogue.all)
    }

    /// Assesses against `rules` only: internal, so that no caller can approve with a shortened catalogue.
    init(manifest: Manifest, asOf: CalendarDay, rules: [Rule]) {
        let context = RuleContext(manifest: manifest, asOf: asOf)
        schemaVersion = 1
        tenant = manifest.tenant
        operatingEntity = manifest.operatingEntity.legalEntity
        assessedOn = asOf
        useCases = manifest.useCases
        coveredUseCases = manifest.useCases.filter { !manifest.purposes(covering: $0).isEmpty }
        uncoveredUseCases = manifest.useCases.filter { manifest.purposes(covering: $0).isEmpty }
        purposeIssues = PurposeLinter.lint(manifest)
        let findings = rules.map { Finding(rule: $0, context: context) }
        self.findings = findings
        func count(_ status: Finding.Status) -> Int { findings.filter { $0.status == status }.count }
        summary = Summary(
            unmetObligation: count(.unmetObligation), missingItem: count(.missingItem), recommendation: count(.recommendation),
            satisfied: count(.satisfied), notApplicable: count(.notApplicable))
        isBlocking = findings.contains(where: \.blocking)
    }

    /// The findings that block the deployment.
    public var blockingFindings: [Finding] { findings.filter(\.blocking) }

    /// The finding of rule `id`.
    public func finding(_ id: String) -> Finding? { findings.first { $0.ruleId == id } }

    /// Whether a declared purpose covers `useCase`.
    public func isCovered(_ useCase: UseCase) -> Bool { coveredUseCases.contains(useCase) }

    /// Whether the pipeline may run `useCase`: nothing blocks and a declared purpose covers it.
    public func permits(_ useCase: UseCase) -> Bool { !isBlocking && isCovered(useCase) }
}
