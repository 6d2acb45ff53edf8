import Foundation
import Prometheus

/// What the hub's `/metrics` shows: batches and records applied, resends recognised and refusals, per node, and
/// ingest latency. A registry of the hub's own, so that several hubs in one test process keep their own counts.
final class HubMetrics: Sendable {
    private let registry = PrometheusCollectorRegistry()
    private static let latencyBuckets: [Duration] = [
        .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100),
        .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2.5), .seconds(5), .seconds(10),
    ]

    /// Counts an ingest that applied `batches` batches with `records` records and recognised `duplicates` resends.
    func ingested(node: String, batches: Int, duplicates: Int, records: Int, duration: Duration) {
        let labels = [("node", node)]
        counter("ingest_batches", "Batches applied, by sending node", labels).increment(by: Int64(batches))
        counter("ingest_duplicate_batches", "Batches received again after a lost acknowledgement (changed nothing)", labels)
            .increment(by: Int64(duplicates))
        counter("ingest_records", "Records applied, by sending node", labels).increment(by: Int64(records))
        registry.makeDurationHistogram(descriptor: .init(namespace: "shoji", subsystem: "hub", metricName: "ingest_duration", unitName: "seconds",
                                                         helpText: "Time to apply one ingest request"),
                                       buckets: Self.latencyBuckets).record(duration)
    }

    /// Counts an ingest refused because it held another tenant's records.
    func refused(node: String) {
        counter("ingest_refused", "Ingests refused for holding another tenant's records", [("node", node)]).increment()
    }

    /// The exposition text.
    func exposition() -> String { registry.emitToString() }

    private func counter(_ name: String, _ help: String, _ labels: [(String, String)]) -> Counter {
        registry.makeCounter(descriptor: .init(namespace: "shoji", subsystem: "hub", metricName: name, unitName: "total", helpText: help),
                             labels: labels)
    }
}
