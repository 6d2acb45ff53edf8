import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdAuth
import NIOCore
import ShojiStore
import ShojiStorePostgres

/// The hub's routes: edge nodes' ingest, a health check and Prometheus metrics.
struct HubRoutes: Sendable {
    let hub: HubServer

    func router() -> Router<ShojiRequestContext> {
        let router = Router(context: ShojiRequestContext.self)
        router.add(middleware: SecurityHeadersMiddleware())
        router.add(middleware: ErrorMiddleware(logger: hub.logger))
        router.post("/api/v1/ingest") { request, context in try await ingest(request, context) }
        router.get("/healthz") { _, _ in try await health() }
        router.get("/metrics") { _, _ in Reply.text(hub.metrics.exposition(), type: "text/plain; version=0.0.4; charset=utf-8") }
        return router
    }

    /// `POST /api/v1/ingest`: an edge node's outbox batches. Answers which were applied now and which before; the
    /// node deletes both from its outbox. Nothing is acknowledged before its transaction committed.
    private func ingest(_ request: Request, _ context: ShojiRequestContext) async throws -> Response {
        let started = ContinuousClock.now
        guard hub.isReady else {
            throw HTTPError(.serviceUnavailable, headers: [.retryAfter: "5"], message: "the hub is waiting for its PostgreSQL database; send again shortly")
        }
        let node = try await authenticate(request)
        var request = request
        let body = try await request.collectBody(upTo: hub.configuration.maximumIngestBytes)
        // Malformed JSON is a DecodingError, a bad batch id a StoreError: both answer 400 (ErrorMiddleware).
        let ingest = try IngestRequest.decoded(from: Data(body.readableBytesView))
        guard ingest.batches.count <= hub.configuration.maximumBatchesPerIngest else {
            throw HTTPError(.contentTooLarge, message: "send at most \(hub.configuration.maximumBatchesPerIngest) batches a request")
        }
        for batch in ingest.batches where batch.id?.node != node.nodeID {
            throw HTTPError(.forbidden, message: "node \(node.nodeID) may send only batches numbered under its own id, not \(batch.id?.node ?? "none")")
        }
        let applied: Set<BatchID>
        do {
            for deployment in ingest.deployments {
                guard deployment.tenantID == node.tenant else {
                    throw StoreError.deploymentTenantMismatch(deploymentID: deployment.deploymentID)
                }
                try await hub.store.recordDeployment(deployment)
            }
            applied = try await hub.store.apply(ingest.batches, tenant: node.tenant)
        } catch StoreError.deploymentTenantMismatch(let deployment) {
            hub.metrics.refused(node: node.nodeID)
            throw HTTPError(.forbidden, message: "node \(node.nodeID) may send only its own tenant's records; deployment \(deployment) is not one of them")
        }
        if let below = ingest.acknowledgedBelow {
            // The watermark says the node holds nothing below it; a batch below it in this very request contradicts that.
            guard below >= 1, ingest.batches.allSatisfy({ ($0.id?.sequence ?? 0) >= below }) else {
                throw HTTPError(.badRequest, message: "acknowledgedBelow must be at least 1 and not above a batch sent with it")
            }
            try await hub.store.forgetAcknowledged(node: node.nodeID, below: below)
        }
        let ids = ingest.batches.compactMap(\.id)
        let reply = IngestReply(applied: ids.filter(applied.contains), alreadyApplied: ids.filter { !applied.contains($0) })
        let records = ingest.batches.filter { $0.id.map(applied.contains) ?? false }.reduce(0) { $0 + $1.recordCount }
        hub.metrics.ingested(node: node.nodeID, batches: reply.applied.count, duplicates: reply.alreadyApplied.count,
                             records: records, duration: ContinuousClock.now - started)
        return Reply.json(reply)
    }

    /// The node a request's bearer token belongs to; 401 otherwise.
    private func authenticate(_ request: Request) async throws -> HubNode {
        guard let token = request.headers.bearer?.token else {
            throw HTTPError(.unauthorized, headers: [.wwwAuthenticate: "Bearer"],
                            message: "send the node's credential: Authorization: Bearer shoji-node.… (see 'shoji hub node add')")
        }
        guard let node = try await hub.store.node(authenticatedBy: token) else {
            throw HTTPError(.unauthorized, headers: [.wwwAuthenticate: "Bearer"],
                            message: "this node credential is unknown or revoked; ask the hub's operator for a new one")
        }
        return node
    }

    /// `GET /healthz`: 200 when PostgreSQL answers, 503 otherwise (for a load balancer in front of several hubs).
    private func health() async throws -> Response {
        guard hub.isReady, (try? await hub.store.ping()) != nil else {
            return Reply.json(["status": "waiting for PostgreSQL"], status: .serviceUnavailable)
        }
        return Reply.json(["status": "ok"])
    }
}
