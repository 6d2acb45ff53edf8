import ArgumentParser
import Foundation
import Logging
import ShojiPipeline
import ShojiPolicy
import ShojiServer
import PostgresNIO
import ServiceLifecycle
import ShojiStore
import ShojiStorePostgres

/// `shoji serve`: the console, the API, the public notice pages and the request portal, with the approved
/// deployments given running in the same process.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the console, the JSON API, the notice pages and the request portal; run the deployments given.",
        discussion: """
            Every --manifest is assessed and approved as by 'shoji run' (a blocked one stops the server from \
            starting) and its cameras run inside the server, unless --no-cameras. Users log in with the \
            names and secrets of 'shoji users add'; API clients send a token from 'shoji users token'. \
            SIGINT or SIGTERM stops the cameras, stores what they counted, then closes the server.
            """
    )

    @Option(help: "The analytics database (SQLite), created when missing.")
    var database: String = "shoji.sqlite"

    @Option(help: "Port to listen on (0: any free port, printed).")
    var port: Int = 8080

    @Option(help: "Address to listen on.")
    var host: String = "127.0.0.1"

    @Option(name: .customLong("manifest"), help: "A deployment manifest to show and run (repeatable).")
    var manifests: [String] = []

    @Flag(name: .customLong("no-cameras"), help: "Show the deployments without running their cameras (a console over stored records).")
    var noCameras = false

    @Option(help: "Folder of vault key files (default: $SHOJI_KEYS, else ~/.config/shoji/keys).")
    var keys: String?

    @Option(name: .customLong("public-url"), help: "The URL people reach this server at; notice pages and signs point there.")
    var publicURL: String?

    @Flag(name: .customLong("behind-tls"), help: "The server is reached over HTTPS (a TLS proxy): session cookies are marked Secure.")
    var behindTLS = false

    @Option(help: "Folder of congestion icon maps: where the hosted cameras draw them and the console reads them.")
    var output: String = "out"

    @Option(name: .customLong("flush-seconds"), help: "Store what the cameras counted this often.")
    var flushSeconds: Int = 10

    @Option(name: .customLong("hub-postgres"), help: "Show statistics of every site from a hub's PostgreSQL database (the URL 'shoji hub --postgres' takes) instead of --database's; users, requests and the audit log stay in --database.")
    var hubPostgres: String?

    func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be 0 to 65535") }
        guard flushSeconds >= 1 else { throw ValidationError("--flush-seconds must be at least 1") }
    }

    func run() throws {
        let deployments = try manifests.map { manifest in
            var options = try DeploymentOptions.parse([manifest, "--database", database])
            options.keys = keys
            return try options.approve()
        }
        let store = try failingWithOneLine { try AnalyticsStore(path: database) }
        var logger = Logger(label: "shoji.serve")
        logger.logLevel = .warning
        let keyFolder = keys.map { URL(fileURLWithPath: $0) }
        var options = PipelineOptions()
        options.flushInterval = .seconds(flushSeconds)
        options.retentionSweepPeriod = .seconds(3600)
        options.outputFolder = URL(fileURLWithPath: output)
        let runtimes = noCameras ? [] : try failingWithOneLine {
            try deployments.map { try DeploymentRuntime(deployment: $0, store: store, keyFolder: keyFolder, options: options, logger: logger) }
        }
        var configuration = ServerConfiguration()
        configuration.host = host
        configuration.port = port
        configuration.publicURL = publicURL
        configuration.servedOverTLS = behindTLS
        configuration.keyFolder = keyFolder
        configuration.iconMapFolder = URL(fileURLWithPath: output)
        var records: (@Sendable (String) -> any TenantRecordsReading)?
        var services: [any Service] = []
        if let hubPostgres {
            let url = try failingWithOneLine(code: 2) { try PostgresURL(hubPostgres) }
            let client = PostgresClient(configuration: url.configuration, backgroundLogger: logger)
            let hub = PostgresStore(client: client, logger: logger)
            records = { hub.records(of: $0) }
            services.append(client)
        }
        let server = ShojiServer(store: store, deployments: deployments, runtimes: runtimes, records: records, services: services,
                                 configuration: configuration, logger: logger)
        let (host, running) = (host, runtimes.count)
        try failingWithOneLine {
            try runBlocking {
                try await server.run { port in
                    let cameras = running == 0 ? "" : " (running \(running) deployment(s))"
                    FileHandle.standardError.write(Data("shoji serve: console at http://\(host):\(port)/console\(cameras); Ctrl-C stops\n".utf8))
                }
            }
        }
    }
}
