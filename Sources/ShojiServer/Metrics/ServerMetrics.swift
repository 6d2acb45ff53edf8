import Foundation
import Hummingbird
import Prometheus
import ShojiPipeline

/// The figures `/metrics` shows Prometheus: request counts and latencies per route, and each hosted camera's
/// frames, drops and people. Kept in a registry of the server's own (not the process-wide metrics system), so that
/// several servers in one test process do not share counts.
final class ServerMetrics: Sendable {
    let registry = PrometheusCollectorRegistry()
    private static let latencyBuckets: [Duration] = [
        .milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50),
        .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2.5),
    ]

    /// Counts a request to `route` answered with `status`, which took `duration`.
    func recordRequest(route: String, method: String, status: Int, duration: Duration) {
        registry.makeCounter(descriptor: .init(namespace: "shoji", metricName: "http_requests", unitName: "total",
                                               helpText: "HTTP requests answered, by route, method and status"),
                             labels: [("route", route), ("method", method), ("status", String(status))]).increment()
        registry.makeDurationHistogram(descriptor: .init(namespace: "shoji", metricName: "http_request_duration", unitName: "seconds",
                                                         helpText: "Time to answer HTTP requests, by route"),
                                       labels: [("route", route)], buckets: Self.latencyBuckets).record(duration)
    }

    /// Sets the camera and record gauges from the pipelines' current status, just before they are shown.
    func recordPipelines(_ pipelines: [Pipeline]) {
        for pipeline in pipelines {
            registry.makeGauge(descriptor: .init(namespace: "shoji", metricName: "records_stored", unitName: "count",
                                                 helpText: "Records stored since the deployment started"),
                               labels: [("deployment", pipeline.plan.deploymentID)]).set(Double(pipeline.recordsStored))
        }
        for (deployment, statuses) in pipelines.map({ ($0.plan.deploymentID, $0.status) }) {
            for status in statuses {
                let labels = [("deployment", deployment), ("camera", status.id)]
                func gauge(_ name: String, _ help: String, _ value: Int) {
                    registry.makeGauge(descriptor: .init(namespace: "shoji", subsystem: "camera", metricName: name, unitName: "count",
                                                         helpText: help),
                                       labels: labels).set(Double(value))
                }
                gauge("frames_processed", "Frames analysed since the camera started", status.framesProcessed)
                gauge("frames_dropped", "Frames dropped because analysis fell behind", status.framesDropped)
                gauge("frames_read", "Frames read from the source", status.framesRead)
                gauge("people", "People tracked at the last frame", status.people)
                gauge("running", "1 while the camera runs", status.state == .running ? 1 : 0)
            }
        }
    }

    /// The exposition text.
    func text() -> String { registry.emitToString() }
}

/// Records every request's route, status and latency in ``ServerMetrics``.
struct MetricsMiddleware: RouterMiddleware {
    typealias Context = ShojiRequestContext
    let metrics: ServerMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let started = ContinuousClock.now
        let method = request.method.rawValue
        do {
            let response = try await next(request, context)
            metrics.recordRequest(route: context.endpointPath ?? "unmatched", method: method, status: response.status.code,
                                  duration: ContinuousClock.now - started)
            return response
        } catch {
            let status = (error as? any HTTPResponseError)?.status.code ?? 500
            metrics.recordRequest(route: context.endpointPath ?? "unmatched", method: method, status: status,
                                  duration: ContinuousClock.now - started)
            throw error
        }
    }
}
