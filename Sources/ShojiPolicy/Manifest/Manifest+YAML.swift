import Foundation
import Yams

extension Manifest {
    /// The top-level keys of a manifest.
    static let keys = [
        "version", "tenant", "operator", "privacy_officer", "space", "starts_on", "cameras", "purposes", "retention",
        "processing", "processors", "third_parties", "joint_use", "consents", "notice", "rights", "security",
        "watchlist", "privacy_assessment",
    ]

    /// Reads and validates the manifest at `url`.
    ///
    /// - Throws: `ManifestError` with file, line, key and what was expected.
    public static func load(contentsOf url: URL) throws(ManifestError) -> Manifest {
        try decode(yaml: try ManifestError.readText(of: url), file: url.path)
    }

    /// Decodes and validates a manifest from YAML text; `file` labels errors.
    ///
    /// - Throws: `ManifestError` with file, line, key and what was expected.
    public static func decode(yaml: String, file: String = "<string>") throws(ManifestError) -> Manifest {
        try Manifest(reading: YAMLReader.document(yaml: yaml, file: file, expected: "a manifest mapping"))
    }

    init(reading reader: YAMLReader) throws(ManifestError) {
        let map = try reader.mapping(allowing: Self.keys)
        let versionReader = map.optional("version")
        version = try versionReader?.int() ?? 1
        guard version == 1 else {
            throw (versionReader ?? reader).error(.invalidValue(String(version), expected: "1, the only schema version"))
        }
        tenant = try map.string("tenant")
        operatingEntity = try OperatingEntity(reading: map.required("operator", expected: "a mapping with \(OperatingEntity.keys.joined(separator: ", "))"))
        privacyOfficer = try map.optional("privacy_officer").map { reader throws(ManifestError) in try PrivacyOfficer(reading: reader) }
        space = try Space(reading: map.required("space", expected: "a mapping with 'type'"))
        startsOn = try map.day("starts_on")
        cameras = try map.list("cameras") { reader throws(ManifestError) in try Camera(reading: reader) }
        guard !cameras.isEmpty else {
            throw reader.error(.missingField(expected: "'cameras': at least one camera"), path: "cameras")
        }
        purposes = try map.list("purposes") { reader throws(ManifestError) in try Purpose(reading: reader) }
        retention = try Retention(reading: map.required("retention", expected: "a mapping with 'auto_delete' and 'days'"))
        processing = try map.optional("processing").map { reader throws(ManifestError) in try Processing(reading: reader) } ?? .edgeDefault
        processors = try map.list("processors") { reader throws(ManifestError) in try Processor(reading: reader) }
        thirdParties = try map.list("third_parties") { reader throws(ManifestError) in try ThirdParty(reading: reader) }
        jointUse = try map.optional("joint_use").map { reader throws(ManifestError) in try JointUse(reading: reader) }
        consents = try map.list("consents") { reader throws(ManifestError) in try Consent(reading: reader) }
        notice = try NoticePlan(reading: map.required("notice", expected: "a mapping with 'signage', 'prior_notice', 'art32_published'"))
        rights = try map.optional("rights").map { reader throws(ManifestError) in try RightsHandling(reading: reader) } ?? .none
        security = try map.optional("security").map { reader throws(ManifestError) in try SecurityMeasures(reading: reader) } ?? .none
        watchlist = try map.optional("watchlist").map { reader throws(ManifestError) in try WatchlistPolicy(reading: reader) }
        privacyAssessment = try map.optional("privacy_assessment").map { reader throws(ManifestError) in try PrivacyAssessment(reading: reader) }
        try validate(map)
    }

    /// Cross-field checks that need the whole manifest: unique ids, references and possible retention.
    private func validate(_ map: YAMLMapping) throws(ManifestError) {
        let cameraReaders = try map.required("cameras", expected: "a list").list()
        var seen = Set<String>()
        for (camera, reader) in zip(cameras, cameraReaders) where !seen.insert(camera.id).inserted {
            throw reader.error(.invalidValue(camera.id, expected: "a camera id not used by another camera"), path: "\(reader.path).id")
        }
        let purposeReaders = try map.optional("purposes")?.list() ?? []
        seen = []
        for (purpose, reader) in zip(purposes, purposeReaders) {
            guard seen.insert(purpose.id).inserted else {
                throw reader.error(.invalidValue(purpose.id, expected: "a purpose id not used by another purpose"), path: "\(reader.path).id")
            }
        }
        let purposeIds = purposes.map(\.id)
        for (purpose, reader) in zip(purposes, purposeReaders) {
            for reused in purpose.reusesDataOf where !purposeIds.contains(reused) {
                throw reader.error(.unknownReference(reused, expected: "a purpose id: \(purposeIds.joined(separator: ", "))"), path: "\(reader.path).reuses_data_of")
            }
        }
        let consentReaders = try map.optional("consents")?.list() ?? []
        for (consent, reader) in zip(consents, consentReaders) where [.repurpose, .memberLinkage].contains(consent.kind) && !purposeIds.contains(consent.covers) {
            throw reader.error(.unknownReference(consent.covers, expected: "a purpose id: \(purposeIds.joined(separator: ", "))"), path: "\(reader.path).covers")
        }
        try validateRetention(map)
    }

    /// Rejects retention that cannot be: transient data kept, data kept that no use case here produces (so a
    /// case that must discard it at once would be keeping it), and kept data without a period.
    private func validateRetention(_ map: YAMLMapping) throws(ManifestError) {
        let retentionReader = try map.required("retention", expected: "a mapping")
        let daysMap = try retentionReader.mapping(allowing: ["auto_delete", "days"]).optional("days")
        let entries = try daysMap?.mapping(allowing: RecordKind.allCases.map(\.rawValue))
        let kept = keptRecordKinds
        for (kind, count) in retention.days.sorted(by: { $0.key < $1.key }) where count > 0 {
            let at = entries?.optional(kind.rawValue) ?? retentionReader
            let discarding = useCases.filter { $0.discardsAtOnce.contains(kind) }
            if kind.isTransient {
                let who = discarding.isEmpty ? "Shoji keeps \(kind.rawValue) in memory only"
                    : "\(discarding.map(\.rawValue).joined(separator: ", ")) must discard \(kind.rawValue) at once"
                throw at.error(.impossibleRetention("\(kind.rawValue) kept \(count) days, but \(who); set 0"))
            }
            if kept[kind] == nil {
                let keepers = UseCase.allCases.filter { $0.keeps.contains(kind) }.map(\.rawValue).joined(separator: ", ")
                let here = useCases.map(\.rawValue).joined(separator: ", ")
                throw at.error(.impossibleRetention("\(kind.rawValue) kept \(count) days, but no use case here (\(here)) keeps them; only \(keepers) may; remove the entry or add that use case"))
            }
        }
        for (kind, keepers) in kept.sorted(by: { $0.key < $1.key }) where retention.days[kind] == nil {
            throw (daysMap ?? retentionReader).error(
                .missingField(expected: "a retention period in days for \(kind.rawValue), kept by \(keepers.map(\.rawValue).joined(separator: ", "))"),
                path: "retention.days.\(kind.rawValue)")
        }
    }
}
