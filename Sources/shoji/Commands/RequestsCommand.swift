import ArgumentParser
import Foundation
import ShojiPipeline
import ShojiPolicy
import ShojiRender
import ShojiStore

/// `shoji requests`: a person's requests about the data held on them (APPI Art. 33 disclosure, Art. 35 stop of
/// use and erasure), from the photo they bring to the answer they receive.
struct RequestsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "requests",
        abstract: "Look up what is held about a person from their photo, then disclose it, stop its use or erase it.",
        discussion: "Every subcommand acts as the operator or privacy officer named by SHOJI_USER and SHOJI_SECRET; every step is written to the audit log. Neither the photo nor its vector is stored by a lookup.",
        subcommands: [Lookup.self, Disclose.self, Stop.self, Erase.self, Deny.self, List.self]
    )

    /// `shoji requests lookup MANIFEST --photo FILE --kind … --method … --received …`.
    struct Lookup: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "lookup",
            abstract: "Open a request: compare the person's photo with everything the vault holds, and record what matched.")

        @OptionGroup var target: DeploymentOptions

        @Option(help: "The person's photo (one face).")
        var photo: String

        @Option(help: "disclosure, stop or erasure.")
        var kind: RightsRequest.Kind = .disclosure

        @Option(help: "How the person asked to be answered (electronic, paper, ...).")
        var method: String = "electronic"

        @Option(help: "The day the request was received (YYYY-MM-DD; default today).")
        var received: String?

        func run() throws {
            let day: CalendarDay
            if let received {
                guard let parsed = CalendarDay(received) else {
                    throw CommandFailure("--received \(received) is not a date; write YYYY-MM-DD", code: 2).report()
                }
                day = parsed
            } else {
                day = CalendarDay(Date())
            }
            let session = try IdentitySession(target, access: VaultAccess.rightsRequests)
            let face = try failingWithOneLine { try PhotoFaces().onlyFace(in: URL(fileURLWithPath: photo)) }
            let threshold = Float(MatchThreshold.requests.ceiling)
            let request = try awaitingOneLine {
                try await session.vault.openRequest(kind, receivedOn: day, requestedMethod: method,
                                                    probe: face.embedding.values, threshold: threshold)
            }
            let found = Dictionary(grouping: request.matches, by: \.purpose).mapValues(\.count)
            print("request \(request.requestID.uuidString.lowercased()) (\(kind.rawValue)) received \(request.receivedOn): "
                + "\(found[.repeatVisit] ?? 0) repeat visitors, \(found[.watchlist] ?? 0) watchlist entries, \(found[.optOut] ?? 0) opt-outs matched")
            print("the photo and its vector were not stored; answer with 'shoji requests \(kind == .disclosure ? "disclose" : kind == .stop ? "stop" : "erase") \(target.manifest) \(request.requestID.uuidString.lowercased())'")
        }
    }

    /// `shoji requests disclose MANIFEST REQUEST [-o DIR]`.
    struct Disclose: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "disclose",
            abstract: "Answer a request with what is held: a JSON file and a readable page in Japanese and English.")

        @OptionGroup var target: DeploymentOptions

        @Argument(help: "The request id.")
        var request: String

        @Option(name: [.short, .customLong("output")], help: "Folder for disclosure-REQUEST.json and .html.")
        var output: String = "out/disclosures"

        @Option(help: "How the answer is given (default: as the person asked).")
        var method: String?

        @Option(help: "Why the answer is given another way than asked, if it is (Art. 33(2)).")
        var note: String?

        func run() throws {
            let id = try parseID(request, "request")
            let session = try IdentitySession(target, access: VaultAccess.rightsRequests)
            let disclosure = try awaitingOneLine { try await session.vault.disclose(id, answerMethod: method ?? "as asked", note: note) }
            let folder = URL(fileURLWithPath: output)
            let name = "disclosure-\(id.uuidString.lowercased())"
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            encoder.dateEncodingStrategy = .iso8601
            let json = try failingWithOneLine { try encoder.encode(disclosure) }
            let page = DisclosurePageRenderer().render(DisclosureDocument(
                disclosure, operatorName: session.deployment.manifest.operatingEntity.legalEntity,
                timeZone: TimeZone(identifier: "Asia/Tokyo") ?? .current))
            try failingWithOneLine {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                try json.write(to: folder.appendingPathComponent("\(name).json"), options: .atomic)
                try Data(page.utf8).write(to: folder.appendingPathComponent("\(name).html"), options: .atomic)
            }
            print("disclosed: \(disclosure.visitors.count) visitor records, \(disclosure.watchlist.count) watchlist entries, \(disclosure.optOuts.count) opt-outs")
            print("  \(folder.appendingPathComponent("\(name).json").path)")
            print("  \(folder.appendingPathComponent("\(name).html").path)")
        }
    }

    /// `shoji requests stop MANIFEST REQUEST --photo FILE`.
    struct Stop: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "stop",
            abstract: "Stop use: put the person on the opt-out list (from their photo) and erase their repeat-visit data.")

        @OptionGroup var target: DeploymentOptions

        @Argument(help: "The request id.")
        var request: String

        @Option(help: "The person's photo (one face): its vector is kept, sealed, as the opt-out entry.")
        var photo: String

        @Option(help: "Days the opt-out holds (default: the manifest's feature_vectors days, at least 365).")
        var days: Int?

        func run() throws {
            let id = try parseID(request, "request")
            let session = try IdentitySession(target, access: VaultAccess.rightsRequests)
            let face = try failingWithOneLine { try PhotoFaces().onlyFace(in: URL(fileURLWithPath: photo)) }
            let period = days ?? FeatureVault.defaultOptOutDays(session.deployment)
            guard period > 0 else { throw CommandFailure("--days must be positive", code: 2).report() }
            let until = Date().addingTimeInterval(TimeInterval(period) * 86_400)
            let erased = try awaitingOneLine { try await session.vault.stopUse(id, probe: face.embedding.values, until: until) }
            print("request \(request): on the opt-out list until \(CalendarDay(until)); \(erased) repeat-visit vectors erased")
        }
    }

    /// `shoji requests erase MANIFEST REQUEST`.
    struct Erase: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "erase", abstract: "Erase the person's repeat-visit vectors and visits (secure delete, WAL truncated).")

        @OptionGroup var target: DeploymentOptions

        @Argument(help: "The request id.")
        var request: String

        func run() throws {
            let id = try parseID(request, "request")
            let session = try IdentitySession(target, access: VaultAccess.rightsRequests)
            let erased = try awaitingOneLine { try await session.vault.eraseData(id) }
            print("request \(request): \(erased) vectors and their visits erased")
        }
    }

    /// `shoji requests deny MANIFEST REQUEST --reason …`.
    struct Deny: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "deny", abstract: "Refuse a request, recording the reason given to the person.")

        @OptionGroup var target: DeploymentOptions

        @Argument(help: "The request id.")
        var request: String

        @Option(help: "The reason, as told to the person (Art. 33(2) grounds).")
        var reason: String

        func run() throws {
            let id = try parseID(request, "request")
            let session = try IdentitySession(target, access: VaultAccess.rightsRequests)
            _ = try awaitingOneLine { try await session.vault.denyRequest(id, reason: reason) }
            print("request \(request) denied: \(reason)")
        }
    }

    /// `shoji requests list MANIFEST`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List requests with their dates and status (an audited read).")

        @OptionGroup var target: DeploymentOptions

        func run() throws {
            let session = try IdentitySession(target, access: VaultAccess.rightsRequests)
            let requests = try awaitingOneLine { try await session.vault.requests() }
            for request in requests {
                print([request.requestID.uuidString.lowercased(), request.kind.rawValue, "received \(request.receivedOn)",
                       request.status.rawValue, "\(request.matches.count) matches",
                       request.closedBy.map { "answered by \($0)" } ?? ""].joined(separator: "\t"))
            }
            if requests.isEmpty { print("no requests") }
        }
    }
}

extension RightsRequest.Kind: ExpressibleByArgument {}
