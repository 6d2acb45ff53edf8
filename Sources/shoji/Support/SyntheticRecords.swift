import Crypto
import Foundation
import ShojiStore

/// Made-up aggregate records for load tests and fault drills of a hub (`shoji hub load`, `shoji bench hub`):
/// line crossings and attribute counts spread over cameras, lines and a quarter of a year of 15-minute buckets,
/// so that the hub's merges meet both new keys and keys already stored, across monthly partitions. No person is
/// behind any of them.
struct SyntheticRecords: Sendable {
    /// The tenant and deployment the records belong to.
    let tenant: String
    let deploymentID: String
    /// Records in each batch.
    let recordsPerBatch: Int

    /// The deployment record to store before the records: a made-up approval (the digest of the deployment's
    /// name), marked synthetic in its assessment so that nobody mistakes it for a real one.
    var deployment: DeploymentRecord {
        let digest = SHA256.hash(data: Data("synthetic load \(deploymentID)".utf8)).map { String(format: "%02x", $0) }.joined()
        return DeploymentRecord(deploymentID: deploymentID, tenantID: tenant, manifestSHA256: digest,
                                approvedAt: Date(timeIntervalSince1970: 1_780_000_000),
                                assessmentJSON: #"{"synthetic":true,"note":"shoji hub load: made-up records for load tests"}"#)
    }

    /// The first bucket: 2026-06-01 00:00 UTC.
    private static let start = 1_780_272_000

    /// Batch number `index` (from 0): about 4 in 5 records line crossings, the rest attribute counts.
    func batch(_ index: Int) throws -> AnalyticsBatch {
        var batch = AnalyticsBatch()
        batch.lineCrossings.reserveCapacity(recordsPerBatch)
        for offset in 0..<recordsPerBatch {
            let n = index &* recordsPerBatch &+ offset
            // 8,640 buckets of 15 minutes: 90 days, so three monthly partitions.
            let bucket = try TimeBucket(start: Date(timeIntervalSince1970: Double(Self.start + (n / 40 % 8640) * 900)), seconds: 900)
            let camera = "cam-\(n % 8)"
            if n % 5 == 4 {
                batch.attributes.append(AttributeCount(deploymentID: deploymentID, cameraID: camera, bucket: bucket,
                                                       ageBand: AgeBand.allCases[n % AgeBand.allCases.count],
                                                       gender: Gender.allCases[n / 7 % Gender.allCases.count], count: 1 + n % 3))
            } else {
                batch.lineCrossings.append(LineCrossingCount(deploymentID: deploymentID, cameraID: camera, lineID: "line-\(n / 8 % 5)",
                                                             direction: n / 3 % 2 == 0 ? .in : .out, bucket: bucket, count: 1 + n % 4))
            }
        }
        return batch
    }
}
