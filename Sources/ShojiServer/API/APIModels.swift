import Foundation
import ShojiPolicy
import ShojiStore

/// A deployment as the API and the console list it: what runs where under which approval.
struct DeploymentSummary: Codable, Sendable {
    struct Camera: Codable, Sendable {
        let id: String
        let useCases: [String]
    }
    let deploymentID: String
    let tenant: String
    let operatingEntity: String
    let manifestSHA256: String
    let approvedAt: Date
    let assessedOn: String
    let cameras: [Camera]
    let findings: Assessment.Summary
    let noticeURL: String

    init(_ deployment: ApprovedDeployment, baseURL: String) {
        deploymentID = deployment.deploymentID
        tenant = deployment.tenant
        operatingEntity = deployment.assessment.operatingEntity
        manifestSHA256 = deployment.manifestSHA256
        approvedAt = deployment.approvedAt
        assessedOn = deployment.assessment.assessedOn.description
        cameras = deployment.cameras.map { Camera(id: $0.camera, useCases: $0.useCases.map(\.rawValue)) }
        findings = deployment.assessment.summary
        noticeURL = "\(baseURL)/notice/\(deployment.deploymentID)"
    }
}

/// The statistics of one deployment over a window: aggregates only, the summary's fields beside the window's.
struct StatisticsReply: Encodable, Sendable {
    let deploymentID: String
    let since: Date
    let until: Date?
    let records: RecordSummary

    private enum CodingKeys: String, CodingKey { case deploymentID, since, until }

    func encode(to encoder: any Encoder) throws {
        try records.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(deploymentID, forKey: .deploymentID)
        try container.encode(since, forKey: .since)
        try container.encodeIfPresent(until, forKey: .until)
    }
}

/// The audit log and whether its chain holds.
struct AuditReply: Codable, Sendable {
    let intact: Bool
    let entries: Int
    let head: String?
    let problem: String?
    let recent: [AuditEntry]
}

/// A camera's running state, for operators and vendors.
struct CameraStatusReply: Codable, Sendable {
    let deploymentID: String
    let cameraID: String
    let state: String
    let framesRead: Int
    let framesProcessed: Int
    let framesDropped: Int
    let people: Int
    let problem: String?
}

/// `POST …/watchlist/{entry}/approve`: when the approved entry is to be reviewed (default: the manifest's
/// `review_days`).
struct ApprovalBody: Codable, Sendable {
    let reviewDays: Int?
}

/// `POST /api/v1/alerts/{alert}/review`.
struct ReviewBody: Codable, Sendable {
    let confirmed: Bool
}

/// `POST /api/v1/requests/{request}/deny`.
struct DenyBody: Codable, Sendable {
    let reason: String
}

/// How an open request is answered (as the person asked, or otherwise with a note saying why).
enum RequestAnswer: String, Codable, Sendable {
    /// Tell what is held (Art. 33).
    case disclose
    /// Stop use (Art. 35): the person goes on the opt-out list, their repeat data is erased.
    case stop
    /// Erase the repeat data held on them (Art. 35).
    case erase
}

/// `POST /api/v1/requests/{request}/answer`.
struct AnswerBody: Codable, Sendable {
    let action: RequestAnswer
    let note: String?
}

/// The answer to `POST /api/v1/requests/{request}/answer`: what is held, for a disclosure.
struct AnswerReply: Encodable, Sendable {
    let disclosure: Disclosure?
}

/// `POST /api/v1/public/requests`: a person's request through the portal.
struct PublicRequestBody: Codable, Sendable {
    let deploymentID: String
    let kind: RightsRequest.Kind
    let contact: String
    let answerMethod: String?
}

/// The answer to a filed request: the ticket to follow it by.
struct TicketReply: Codable, Sendable {
    let ticket: String
    let statusURL: String
}
