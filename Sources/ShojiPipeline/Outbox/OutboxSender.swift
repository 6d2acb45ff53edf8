import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import NIOSSL
import ServiceLifecycle
import ShojiStore
import ShojiVision
import Synchronization

/// Sends an edge node's outbox to its hub: the oldest due batches, a request at a time, each batch deleted only
/// once the hub acknowledged it. Delivery is at least once and the hub applies each batch id once, so a network
/// cut, a hub restart or this process being killed at any point loses nothing and counts nothing twice.
///
/// A failed request puts its batches off with exponential back-off and full jitter (so that many nodes coming back
/// after an outage do not all retry together), stored in the outbox, so a restarted node keeps the schedule. A
/// request the hub refuses as a whole for one bad batch is split up, so that one batch cannot hold back the rest;
/// a refused batch stays in the outbox (nothing is dropped) and is retried at the longest back-off.
///
/// A `Service`: it runs beside the pipeline in one group. On graceful shutdown it keeps sending for at most
/// ``OutboxSenderOptions/drainTimeout`` so that a finished run leaves nothing behind when the hub is up.
public final class OutboxSender: Service, Sendable {
    let store: AnalyticsStore
    let hub: HubEndpoint
    let options: OutboxSenderOptions
    let logger: Logger
    private let http: HTTPClient
    private let ownsClient: Bool
    private let state = Mutex(SenderState())

    private struct SenderState {
        var status = OutboxSenderStatus()
        /// Deployments the hub acknowledged records of, so they are not sent again with every request.
        var knownDeployments: Set<String> = []
    }

    /// A sender of `store`'s outbox to `hub`.
    public init(store: AnalyticsStore, hub: HubEndpoint, options: OutboxSenderOptions = OutboxSenderOptions(),
                logger: Logger = Logger(label: "shoji.outbox")) throws(PipelineError) {
        self.store = store
        self.hub = hub
        self.options = options
        self.logger = logger
        guard let authority = hub.trustedAuthorityFile else {
            // The process-wide client: nothing to shut down. Timeouts are set per request.
            http = HTTPClient.shared
            ownsClient = false
            return
        }
        var tls = TLSConfiguration.makeClientConfiguration()
        do {
            tls.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(authority))
        } catch {
            throw .invalidHub("the certificate authority file \(authority) holds no PEM certificate: \(error)")
        }
        http = HTTPClient(eventLoopGroupProvider: .singleton, configuration: HTTPClient.Configuration(tlsConfiguration: tls))
        ownsClient = true
    }

    /// Closes the sender's own HTTP client (one trusting a private authority); ``run()`` does this when it ends.
    /// A sender used only through ``sendRound(dueBy:)`` with a private authority must call it before it goes.
    public func shutdown() async {
        if ownsClient { try? await http.shutdown() }
    }

    /// What the sender has done so far.
    public var status: OutboxSenderStatus { state.withLock { $0.status } }

    /// Names the store's node by the credential's node id, so that the batches it numbers from now on are the
    /// node's at the hub. Call before the pipeline stores anything; ``run()`` calls it too.
    public func prepare() async throws(StoreError) {
        try await store.setNodeID(hub.credential.nodeID)
    }

    /// Sends until cancelled or a graceful shutdown, then drains for at most the drain timeout.
    public func run() async throws {
        do {
            try await prepare()
        } catch {
            await shutdown()
            throw error
        }
        await cancelWhenGracefulShutdown { [self] in
            while !Task.isCancelled {
                let progress = await sendRound()
                if progress == .sentSome { continue }
                try? await Task.sleep(for: progress == .failed ? backoff() : options.pollInterval)
            }
        }
        await drain()
        await shutdown()
    }

    /// Sends until the outbox is empty, a request fails or ``OutboxSenderOptions/drainTimeout`` passed.
    private func drain() async {
        let deadline = ContinuousClock.now + options.drainTimeout
        await withTaskGroup(of: Void.self) { group in
            group.addTask { [self] in
                while ContinuousClock.now < deadline, !Task.isCancelled, await sendRound(dueBy: .distantFuture) == .sentSome {}
            }
            group.addTask {
                try? await Task.sleep(until: deadline, clock: .continuous)
            }
            await group.next()
            group.cancelAll()
        }
        if let backlog = try? await store.outboxBacklog(), backlog.batches > 0 {
            logger.notice("outbox not empty at stop; it is sent at the next start", metadata: [
                "batches": "\(backlog.batches)", "records": "\(backlog.records)"])
        }
    }

    /// What one round achieved.
    public enum Progress: Sendable, Equatable {
        /// The outbox held nothing due.
        case nothingDue
        /// The hub acknowledged at least one batch.
        case sentSome
        /// Nothing was acknowledged: the hub was unreachable or refused; the batches were put off.
        case failed
    }

    /// Sends the due batches once: up to ``OutboxSenderOptions/requestsInFlight`` requests at a time, each one by
    /// one after a refusal. `dueBy`: the time batches must be due at (the drain sends deferred ones too).
    @discardableResult
    public func sendRound(dueBy: Date = Date()) async -> Progress {
        let due: [OutboxEntry]
        do {
            due = try await store.outboxDue(limit: options.batchesPerRequest * options.requestsInFlight, now: dueBy)
        } catch {
            note(failure: "the outbox could not be read: \(error)")
            return .failed
        }
        guard let tenant = due.first?.tenant else { return .nothingDue }
        // One tenant a request: a node's credential is for one tenant, and the hub checks every batch against it.
        let entries = due.filter { $0.tenant == tenant }
        // Several requests at once, so that the hub reads one while PostgreSQL merges another; the hub applies each
        // batch id once whatever order they arrive in.
        let requests = stride(from: 0, to: entries.count, by: options.batchesPerRequest).map {
            Array(entries[$0..<min($0 + options.batchesPerRequest, entries.count)])
        }
        let progress = await withTaskGroup(of: Progress.self) { group in
            for request in requests {
                group.addTask { [self] in await sendSplittingRefusals(request, tenant: tenant) }
            }
            return await group.reduce(into: [Progress]()) { $0.append($1) }
        }
        return progress.contains(.sentSome) ? .sentSome : .failed
    }

    /// Sends one request; when the hub refuses it whole, sends its batches one by one.
    private func sendSplittingRefusals(_ entries: [OutboxEntry], tenant: String) async -> Progress {
        switch await send(entries, tenant: tenant) {
        case .acknowledged:
            return .sentSome
        case .refused where entries.count > 1:
            // One bad batch refuses the request: send them one by one, so that the others go through.
            var progress = Progress.failed
            for entry in entries where await send([entry], tenant: tenant) == .acknowledged { progress = .sentSome }
            return progress
        case .refused, .failed:
            return .failed
        }
    }

    private enum Outcome: Equatable { case acknowledged, refused, failed }

    private func send(_ entries: [OutboxEntry], tenant: String) async -> Outcome {
        let ids = entries.compactMap(\.id)
        let outcome: Outcome
        let message: String
        do {
            let body = try await requestBody(entries, tenant: tenant)
            var request = HTTPClientRequest(url: hub.ingestURL)
            request.method = .POST
            request.headers.add(name: "Authorization", value: "Bearer \(hub.credential.token)")
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(bytes: body))
            let response = try await http.execute(request, timeout: .seconds(Int64(options.requestTimeout.components.seconds)), logger: logger)
            let answer = try await response.body.collect(upTo: 4 << 20)
            if response.status == .ok {
                let reply = try JSONDecoder().decode(IngestReply.self, from: Data(answer.readableBytesView))
                try await acknowledge(reply, sent: entries)
                return .acknowledged
            }
            let text = (try? JSONDecoder().decode([String: String].self, from: Data(answer.readableBytesView)))?["error"] ?? response.status.reasonPhrase
            message = "the hub answered \(response.status.code): \(text)"
            // 4xx other than 408/429 are refusals: the same request fails again; the rest are worth retrying.
            outcome = (400..<500).contains(response.status.code) && ![408, 429].contains(response.status.code) ? .refused : .failed
        } catch is CancellationError {
            return .failed
        } catch {
            message = "the hub could not be reached: \(error)"
            outcome = .failed
        }
        note(failure: message)
        let delay = outcome == .refused ? options.maximumBackoff : backoff()
        try? await store.deferOutbox(ids, until: Date().addingTimeInterval(delay.inSeconds))
        return outcome
    }

    /// The ingest body: the batches, and the deployments they name that this hub has not acknowledged yet.
    private func requestBody(_ entries: [OutboxEntry], tenant: String) async throws -> Data {
        let named = entries.reduce(into: Set<String>()) { $0.formUnion($1.batch.deploymentIDs) }
        let known = state.withLock { $0.knownDeployments }
        var deployments: [DeploymentRecord] = []
        if !named.isSubset(of: known) {
            deployments = try await store.records(of: tenant).deployments().filter { named.contains($0.deploymentID) && !known.contains($0.deploymentID) }
        }
        return try IngestRequest(deployments: deployments, batches: entries.map(\.batch),
                                 acknowledgedBelow: try await store.outboxWatermark()).encoded()
    }

    private func acknowledge(_ reply: IngestReply, sent entries: [OutboxEntry]) async throws {
        let sent = Set(entries.compactMap(\.id))
        let acknowledged = reply.acknowledged.filter(sent.contains)
        try await store.acknowledgeOutbox(acknowledged)
        let records = entries.filter { $0.id.map(Set(acknowledged).contains) ?? false }.reduce(0) { $0 + $1.batch.recordCount }
        let deployments = entries.reduce(into: Set<String>()) { $0.formUnion($1.batch.deploymentIDs) }
        state.withLock {
            $0.status.acknowledgedBatches += acknowledged.count
            $0.status.acknowledgedRecords += records
            $0.status.alreadyAppliedBatches += reply.alreadyApplied.count
            $0.status.consecutiveFailures = 0
            $0.status.lastAcknowledgedAt = Date()
            $0.knownDeployments.formUnion(deployments)
        }
        let missing = sent.subtracting(acknowledged)
        if !missing.isEmpty {
            try await store.deferOutbox(Array(missing), until: Date().addingTimeInterval(backoff().inSeconds))
        }
    }

    private func note(failure message: String) {
        let failures = state.withLock {
            $0.status.failedRequests += 1
            $0.status.consecutiveFailures += 1
            $0.status.lastError = message
            return $0.status.consecutiveFailures
        }
        // The first failure and then every tenth: an outage of hours must not fill the log.
        if failures == 1 || failures % 10 == 0 {
            logger.warning("outbox send failed; retrying with back-off", metadata: ["hub": "\(hub)", "failures": "\(failures)", "error": "\(message)"])
        }
    }

    /// Full jitter: a random wait up to the base doubled per consecutive failure, capped.
    private func backoff() -> Duration {
        let failures = min(state.withLock { $0.status.consecutiveFailures }, 20)
        let ceiling = min(options.maximumBackoff.inSeconds, options.initialBackoff.inSeconds * pow(2, Double(max(0, failures - 1))))
        return .milliseconds(Int64(Double.random(in: 0...ceiling) * 1000))
    }
}

/// How an outbox sender sends.
public struct OutboxSenderOptions: Sendable {
    /// The most batches in one request.
    public var batchesPerRequest: Int
    /// The most requests under way at once.
    public var requestsInFlight: Int
    /// How often the outbox is looked at when it was empty.
    public var pollInterval: Duration
    /// The back-off's first ceiling and its cap.
    public var initialBackoff: Duration
    public var maximumBackoff: Duration
    /// How long a request may take.
    public var requestTimeout: Duration
    /// How long to keep sending after a graceful shutdown began.
    public var drainTimeout: Duration

    /// Options; the defaults send up to 200 batches a request, two requests at once, look every second, back off
    /// from 1 s to 60 s and drain for up to 15 s at stop.
    public init(batchesPerRequest: Int = 200, requestsInFlight: Int = 2, pollInterval: Duration = .seconds(1), initialBackoff: Duration = .seconds(1),
                maximumBackoff: Duration = .seconds(60), requestTimeout: Duration = .seconds(30), drainTimeout: Duration = .seconds(15)) {
        self.batchesPerRequest = max(1, batchesPerRequest)
        self.requestsInFlight = max(1, requestsInFlight)
        self.pollInterval = pollInterval
        self.initialBackoff = initialBackoff
        self.maximumBackoff = maximumBackoff
        self.requestTimeout = requestTimeout
        self.drainTimeout = drainTimeout
    }
}
