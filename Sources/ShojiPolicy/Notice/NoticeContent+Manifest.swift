import Foundation

extension NoticeContent {
    /// Builds the notice a deployment must publish from its manifest.
    ///
    /// What each analysis captures, keeps and discards comes from `UseCase` (what the code does); purposes,
    /// retention periods, the operator, contacts, processors and joint use come from the manifest.
    ///
    /// - Throws: `NoticeContentError.missingNoticeURL` when the manifest gives no page for the sign to link to.
    public init(manifest: Manifest) throws(NoticeContentError) {
        guard let url = manifest.notice.priorNoticeURL ?? manifest.operatingEntity.website, !url.isEmpty else {
            throw .missingNoticeURL
        }
        let entity = manifest.operatingEntity
        let operatingEntity = NoticeParty(
            name: LocalizedText(verbatim: entity.legalEntity),
            address: LocalizedText(verbatim: entity.address),
            representative: LocalizedText(verbatim: entity.representative))
        let contact = NoticeContact(desk: NoticeWording.inquiryDesk, channels: Self.channels(entity.contact))
        let complaints = manifest.privacyOfficer.map {
            NoticeContact(desk: LocalizedText(verbatim: $0.name), channels: Self.channels($0.contact))
        } ?? NoticeContact(desk: NoticeWording.complaintDesk, channels: contact.channels)

        let useCases = manifest.useCases.map { useCase in
            NoticeUseCase(
                id: useCase.rawValue,
                label: useCase.noticeLabel,
                purposes: manifest.purposes(covering: useCase).map(\.text),
                captured: useCase.noticeCaptured,
                kept: useCase.keeps.map(\.noticeLabel),
                discarded: useCase.noticeDiscarded,
                retention: Self.retention(of: useCase.keeps, in: manifest.retention))
        }

        self.init(
            operatingEntity: operatingEntity,
            siteName: manifest.space.name.map { LocalizedText(verbatim: $0) },
            noticeURL: url,
            contact: contact,
            complaintContact: complaints,
            useCases: useCases,
            assurances: Self.assurances(manifest),
            purposes: manifest.purposes.map(\.text),
            requestProcedure: Self.requestProcedure(manifest.rights),
            safetyMeasures: Self.safetyMeasures(manifest),
            processors: manifest.processors.map { processor in
                let role = NoticeWording.role(processor.role)
                let task = processor.tasks.map { LocalizedText(ja: "\($0)（\(role.ja)）", en: "\($0) (\(role.en))") } ?? role
                return NoticeProcessor(name: LocalizedText(verbatim: processor.name), task: task, country: processor.country)
            },
            faceIdentificationRules: manifest.useCases.contains(.watchlist)
                ? Self.faceIdentificationRules(manifest.watchlist) : [],
            jointUse: manifest.jointUse.map { Self.jointUse($0, manifest: manifest, operator: operatingEntity) },
            thirdPartyProvision: manifest.thirdParties.isEmpty
                ? [NoticeWording.noThirdPartyProvision]
                : manifest.thirdParties.map(NoticeWording.provision),
            startsOn: manifest.startsOn)
    }

    /// Splits a contact line such as "privacy@x.example / 03-0000-0000" into its channels. A slash separates
    /// channels only with spaces around it, so URLs stay whole.
    static func channels(_ text: String) -> [String] {
        var normalised = text
        for separator in [" / ", "／", "、", ", ", "\n"] {
            normalised = normalised.replacingOccurrences(of: separator, with: "\n")
        }
        return normalised.split(separator: "\n")
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
    }

    /// The retention of the kinds a use case keeps: one period when they share it, else 「統計: 2年、…」.
    static func retention(of kinds: [RecordKind], in retention: Retention) -> [LocalizedText] {
        let periods = kinds.map { NoticeWording.period(days: retention.days(for: $0), of: $0) }
        if Set(periods).count <= 1 { return Array(periods.prefix(1)) }
        var seen: Set<LocalizedText> = []
        return zip(kinds, periods).compactMap { kind, period in
            let item = LocalizedText(ja: "\(kind.noticeShortLabel.ja): \(period.ja)", en: "\(kind.noticeShortLabel.en): \(period.en)")
            return seen.insert(item).inserted ? item : nil
        }
    }

    /// What can be promised from the manifest alone: no use case but redaction keeps any image, and the
    /// record kinds a use case keeps say whether anything personal is kept.
    static func assurances(_ manifest: Manifest) -> [LocalizedText] {
        let useCases = manifest.useCases
        var assurances = [useCases.contains(.redaction) ? NoticeWording.originalsNotStored : NoticeWording.imagesNotStored]
        if !useCases.flatMap(\.keeps).contains(where: \.isPersonal) {
            assurances.append(NoticeWording.nothingIdentifyingKept)
        }
        if manifest.thirdParties.isEmpty { assurances.append(NoticeWording.notProvided) }
        return assurances
    }

    /// The watchlist's rules as sentences; only what the manifest declares.
    static func faceIdentificationRules(_ policy: WatchlistPolicy?) -> [LocalizedText] {
        guard let policy else { return [] }
        var rules: [LocalizedText] = []
        if let criteria = policy.registrationCriteria {
            rules.append(LocalizedText(ja: "登録基準: \(criteria)", en: "Registration criteria: \(criteria)"))
        }
        if policy.objectiveEvidence { rules.append(NoticeWording.objectiveEvidence) }
        if let approver = policy.approver { rules.append(NoticeWording.approvedBy(approver)) }
        if policy.humanReview { rules.append(NoticeWording.humanReview) }
        if policy.discardNonMatches { rules.append(NoticeWording.discardNonMatches) }
        if let url = policy.rulesPublishedAt { rules.append(NoticeWording.rulesAt(url)) }
        return rules
    }

    static func requestProcedure(_ rights: RightsHandling) -> NoticeRequestProcedure {
        var kinds = [NoticeWording.disclosure]
        if rights.correction { kinds.append(NoticeWording.correction) }
        if rights.erasure { kinds.append(NoticeWording.stopAndErasure) }
        if rights.optOut { kinds.append(NoticeWording.optOut) }
        let methods = rights.disclosureMethods.map { method in
            switch method {
            case .electronic: NoticeWording.electronic
            case .paper: NoticeWording.paper
            }
        }
        return NoticeRequestProcedure(
            kinds: kinds, steps: NoticeWording.requestSteps,
            disclosureMethods: methods.isEmpty ? [NoticeWording.paper] : methods, fee: NoticeWording.noFee)
    }

    static func safetyMeasures(_ manifest: Manifest) -> [LocalizedText] {
        var measures = [NoticeWording.originalsDiscarded, NoticeWording.location(manifest.processing.location)]
        let security = manifest.security
        if security.encryptionAtRest { measures.append(NoticeWording.encryption) }
        if security.accessControl { measures.append(NoticeWording.accessControl) }
        if security.accessLog { measures.append(NoticeWording.accessLog) }
        if security.incidentPlan { measures.append(NoticeWording.incidentPlan) }
        if manifest.retention.autoDelete { measures.append(NoticeWording.autoDelete) }
        if let officer = manifest.privacyOfficer { measures.append(NoticeWording.officer(officer.name)) }
        let foreign = Array(Set(manifest.processors.map(\.country).filter { $0 != "JP" })).sorted()
        if !foreign.isEmpty { measures.append(NoticeWording.foreignCountries(foreign)) }
        return measures
    }

    static func jointUse(_ joint: JointUse, manifest: Manifest, operator entity: NoticeParty) -> NoticeJointUse {
        // The joint users' purposes: those of the analyses that keep personal data, which is what is shared.
        let personal = manifest.purposes.filter { $0.useCases.contains { $0.keepsPersonalDatabase } }.map(\.text)
        let responsible = joint.responsibleParty == entity.name.ja
            ? entity
            : NoticeParty(name: LocalizedText(verbatim: joint.responsibleParty))
        return NoticeJointUse(
            items: joint.dataItems.map { LocalizedText(verbatim: $0) },
            users: joint.parties.map { LocalizedText(verbatim: $0) },
            purposes: personal.isEmpty ? manifest.purposes.map(\.text) : personal,
            responsibleParty: responsible)
    }
}
