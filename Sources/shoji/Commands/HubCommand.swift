import ArgumentParser
import Foundation
import Logging
import NIOSSL
import ShojiServer
import ShojiStore
import ShojiStorePostgres

/// `shoji hub`: the hub that edge nodes send their records to, over PostgreSQL; and its node credentials.
struct HubCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hub",
        abstract: "Take many edge nodes' records into one PostgreSQL database; manage the nodes' credentials.",
        discussion: """
            'shoji hub --postgres URL' serves the ingest (the default subcommand). Edge nodes send with \
            'shoji run … --hub URL --hub-credential FILE'; each node gets its credential from 'shoji hub node add'. \
            Hubs are stateless: run several against one database behind a load balancer (GET /healthz).
            """,
        subcommands: [HubServeCommand.self, HubNodeCommand.self, HubTotalsCommand.self, HubLoadCommand.self],
        defaultSubcommand: HubServeCommand.self
    )
}

/// `shoji hub serve`: the ingest, health check and metrics.
struct HubServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the hub: POST /api/v1/ingest for edge nodes, GET /healthz, GET /metrics.",
        discussion: """
            Creates the schema when the database is new (several hubs may start at once) and waits for \
            PostgreSQL when it is not up yet (ingest answers 503 meanwhile, and edge nodes retry). SIGINT or \
            SIGTERM finishes the requests under way, then stops.
            """
    )

    @OptionGroup var database: PostgresOptions

    @Option(help: "Port to listen on (0: any free port, printed).")
    var port: Int = 8090

    @Option(help: "Address to listen on.")
    var host: String = "127.0.0.1"

    @Option(name: .customLong("tls-certificate"), help: "PEM certificate chain: serve the ingest over HTTPS (with --tls-key); without it, plain HTTP for a hub behind a TLS proxy.")
    var tlsCertificate: String?

    @Option(name: .customLong("tls-key"), help: "PEM private key of --tls-certificate.")
    var tlsKey: String?

    @Option(name: .customLong("retention-days"), help: "Days every tenant's records are kept at the hub: older months are dropped whole, hourly (0: keep until removed by hand).")
    var retentionDays: Int = 400

    func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be 0 to 65535") }
        guard retentionDays >= 0 else { throw ValidationError("--retention-days must not be negative") }
        guard (tlsCertificate == nil) == (tlsKey == nil) else { throw ValidationError("give --tls-certificate and --tls-key together") }
    }

    func run() throws {
        var logger = Logger(label: "shoji.hub")
        logger.logLevel = .notice
        let client = try database.client(logger: logger)
        var tls: TLSConfiguration?
        if let tlsCertificate, let tlsKey {
            tls = try failingWithOneLine(code: 2) {
                TLSConfiguration.makeServerConfiguration(
                    certificateChain: try NIOSSLCertificate.fromPEMFile(tlsCertificate).map { .certificate($0) },
                    privateKey: .privateKey(try NIOSSLPrivateKey(file: tlsKey, format: .pem)))
            }
        }
        let hub = HubServer(client: client, configuration: HubConfiguration(host: host, port: port, retentionDays: retentionDays == 0 ? nil : retentionDays,
                                                                             tls: tls), logger: logger)
        let (host, shown, scheme) = (host, try database.url().description, tls == nil ? "http" : "https")
        try failingWithOneLine {
            try runBlocking {
                try await hub.run { port in
                    FileHandle.standardError.write(Data("shoji hub: ingest at \(scheme)://\(host):\(port)/api/v1/ingest over \(shown); Ctrl-C stops\n".utf8))
                }
            }
        }
    }
}

/// `shoji hub node add|list|revoke`: which edge nodes may send, each for one tenant.
struct HubNodeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "node",
        abstract: "Issue, list and revoke edge nodes' credentials.",
        subcommands: [Add.self, List.self, Revoke.self]
    )

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Issue a node its credential for one tenant's records (again: replaces the old one).",
            discussion: "The credential is written to --output (mode 600) or printed. The hub keeps only its SHA-256.")

        @OptionGroup var database: PostgresOptions

        @Argument(help: "The node's id: 1 to 64 letters, digits, '.', '_' or '-' (e.g. shop-a-edge-1).")
        var node: String

        @Option(help: "The tenant whose records the node may send.")
        var tenant: String

        @Option(help: "File to write the credential to (mode 600); printed when not given.")
        var output: String?

        func run() throws {
            let (node, tenant) = (node, tenant)
            let credential = try database.withStore { store in try await store.registerNode(node, tenant: tenant) }
            guard let output else {
                print(credential.token)
                return
            }
            try failingWithOneLine {
                guard FileManager.default.createFile(atPath: output, contents: Data((credential.token + "\n").utf8),
                                                     attributes: [.posixPermissions: 0o600]) else {
                    throw CommandFailure("cannot write \(output); the credential was issued, issue it again to another file")
                }
                try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: output)
            }
            print("node \(node) may send \(tenant)'s records; its credential is in \(output)")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the nodes, their tenants and whether they are revoked.")

        @OptionGroup var database: PostgresOptions

        func run() throws {
            let nodes = try database.withStore { store in try await store.nodes() }
            let format = ISO8601DateFormatter()
            for node in nodes {
                print("\(node.nodeID)\t\(node.tenant)\tissued \(format.string(from: node.issuedAt))"
                      + (node.revokedAt.map { "\trevoked \(format.string(from: $0))" } ?? ""))
            }
            if nodes.isEmpty { print("no nodes yet: shoji hub node add NODE --tenant TENANT") }
        }
    }

    struct Revoke: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Revoke a node's credential; what it sent stays.")

        @OptionGroup var database: PostgresOptions

        @Argument(help: "The node's id.")
        var node: String

        func run() throws {
            let node = node
            guard try database.withStore({ store in try await store.revokeNode(node) }) else {
                throw CommandFailure("there is no node \(node) (see 'shoji hub node list')").report()
            }
            print("node \(node) revoked")
        }
    }
}

/// `shoji hub totals TENANT`: the sums of a tenant's records at the hub, to compare with an edge's.
struct HubTotalsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "totals",
        abstract: "Print the sums of a tenant's records at the hub (compare with 'shoji outbox totals' on an edge).")

    @OptionGroup var database: PostgresOptions

    @Argument(help: "The tenant.")
    var tenant: String

    func run() throws {
        let tenant = tenant
        let totals = try database.withStore { store in try await store.totals(of: tenant) }
        print(try RecordTotals.printable(totals))
    }
}
