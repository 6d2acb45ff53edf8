import Foundation
import Testing

/// The identity commands end to end, as an operator, a privacy officer and an auditor would type them.
@Suite("shoji keys, users, watchlist, requests, audit and eval identities")
struct IdentityCommandTests {
    /// One tenant's node: manifests, a database and a key folder in a fresh folder.
    struct Node {
        let folder: URL
        let repeatManifest: URL
        let watchlistManifest: URL

        init() throws {
            folder = try ShojiProcess.temporaryFolder()
            repeatManifest = try RunCommandTests.manifest("repeat", into: folder)
            watchlistManifest = try RunCommandTests.manifest("watchlist", into: folder)
        }

        /// Runs `shoji` in the node's folder, its keys there, acting as `user` with `secret`.
        func shoji(_ arguments: [String], as user: (String, String)? = nil) throws -> ShojiProcess.Result {
            var environment = ["SHOJI_KEYS": folder.appendingPathComponent("keys").path]
            if let user { environment["SHOJI_USER"] = user.0; environment["SHOJI_SECRET"] = user.1 }
            return try ShojiProcess.run(arguments, in: folder, environment: environment)
        }

        /// Adds a user and returns (name, secret).
        func addUser(_ name: String, _ role: String, by creator: (String, String)? = nil) throws -> (String, String) {
            let result = try shoji(["users", "add", name, "--role", role, watchlistManifest.path, "--database", "db.sqlite"], as: creator)
            try #require(result.status == 0, "\(result.standardError)")
            let secret = try #require(result.standardOutput.split(separator: "\n").first { $0.hasPrefix("secret") }?.split(separator: " ").last)
            return (name, String(secret))
        }
    }

    static func id(in text: String) -> String? {
        text.range(of: "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", options: .regularExpression).map { String(text[$0]) }
    }

    @Test("the watchlist from registration to review, a disclosure request, and an audit log that notices an edit")
    func watchlistRequestsAudit() throws {
        let node = try Node()
        defer { try? FileManager.default.removeItem(at: node.folder) }
        let database = ["--database", "db.sqlite"]
        // No key yet: an identity camera does not start, and says how to make one.
        let keyless = try node.shoji(["run", node.watchlistManifest.path, "--until-end", "--quiet"] + database)
        #expect(keyless.status == 1 && keyless.standardError.contains("shoji keys init"), "\(keyless.standardError)")
        #expect(try node.shoji(["keys", "init", node.watchlistManifest.path]).status == 0)
        let keyFile = node.folder.appendingPathComponent("keys/shoji-retail.keys")
        #expect((try FileManager.default.attributesOfItem(atPath: keyFile.path)[.posixPermissions] as? Int) == 0o600)
        #expect(try node.shoji(["keys", "init", node.watchlistManifest.path]).status != 0, "keys are never overwritten")

        let officer = try node.addUser("dpo", "privacy_officer")
        let late = try node.shoji(["users", "add", "mallory", "--role", "privacy_officer", node.watchlistManifest.path] + database)
        #expect(late.status == 1, "a second user needs a privacy officer's secret")
        let staff = try node.addUser("staff", "operator", by: officer)
        let second = try node.addUser("dpo2", "privacy_officer", by: officer)
        let auditor = try node.addUser("audit", "auditor", by: officer)
        #expect(try node.shoji(["users", "add", "x", "--role", "analyst", node.watchlistManifest.path] + database, as: ("dpo", "wrong")).status == 1)

        let savage = ShojiProcess.media.appendingPathComponent("johns/John_Savage")
        let photos = try FileManager.default.contentsOfDirectory(atPath: savage.path).sorted().map { savage.appendingPathComponent($0).path }
        let register = ["watchlist", "add", node.watchlistManifest.path, "--photo", photos[0], "--evidence-date", "2026-11-20"] + database
        let noEvidence = try node.shoji(register + ["--evidence", " ", "--category", "shoplifting"], as: staff)
        #expect(noEvidence.status == 1 && noEvidence.standardError.contains("objective basis"), "\(noEvidence.standardError)")
        let unpublished = try node.shoji(register + ["--evidence", "report 1", "--category", "looks-suspicious"], as: staff)
        #expect(unpublished.status == 1 && unpublished.standardError.contains("published"))
        let crowd = try node.shoji(["watchlist", "add", node.watchlistManifest.path, "--photo",
                                    ShojiProcess.media.appendingPathComponent("faces/bald_guys.jpg").path, "--evidence-date", "2026-11-20",
                                    "--evidence", "report 2", "--category", "shoplifting"] + database, as: staff)
        #expect(crowd.status == 1 && crowd.standardError.contains("faces found"), "a photo of several people is refused")
        let added = try node.shoji(register + ["--evidence", "渋谷署 被害届 第1234号", "--category", "shoplifting"], as: staff)
        let entry = try #require(Self.id(in: added.standardOutput), "\(added.standardError)")
        let approve = ["watchlist", "approve", node.watchlistManifest.path, entry] + database
        #expect(try node.shoji(approve, as: staff).status == 1, "an operator cannot approve")
        #expect(try node.shoji(approve, as: second).status == 0)
        let run = try node.shoji(["run", node.watchlistManifest.path, "--until-end", "--quiet"] + database)
        #expect(run.status == 0, "\(run.standardError)")
        let alerts = try node.shoji(["watchlist", "alerts", node.watchlistManifest.path] + database, as: staff)
        let lines = alerts.standardOutput.split(separator: "\n")
        #expect(lines.count == 11, "one alert per photo of the registered person: \(alerts.standardOutput)")
        let alert = try #require(lines.first.flatMap { Self.id(in: String($0)) })
        #expect(try node.shoji(["watchlist", "review", node.watchlistManifest.path, alert, "--dismiss"] + database, as: staff).status == 0)
        #expect(try node.shoji(["watchlist", "alerts", node.watchlistManifest.path] + database, as: staff).standardOutput
            .split(separator: "\n").count == 10)

        // A person asks what is held about them.
        let lookup = try node.shoji(["requests", "lookup", node.repeatManifest.path, "--photo", photos[5], "--received", "2026-12-01"] + database,
                                    as: staff)
        #expect(lookup.standardOutput.contains("1 watchlist entries"), "\(lookup.standardOutput)\(lookup.standardError)")
        let request = try #require(Self.id(in: lookup.standardOutput))
        let disclose = try node.shoji(["requests", "disclose", node.repeatManifest.path, request, "-o", "answers"] + database, as: staff)
        #expect(disclose.status == 0, "\(disclose.standardError)")
        let html = try String(contentsOf: node.folder.appendingPathComponent("answers/disclosure-\(request).html"), encoding: .utf8)
        #expect(html.contains("<html lang=\"ja\"") && html.contains("lang=\"en\"") && html.contains(entry))
        #expect(!html.contains("http://") && !html.contains("https://"), "the page loads nothing from outside")
        let json = try Data(contentsOf: node.folder.appendingPathComponent("answers/disclosure-\(request).json"))
        let answer = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
        #expect((answer["watchlist"] as? [Any])?.count == 1)

        // The audit log holds, then an edit of one entry is found.
        let verify = ["audit", "verify", node.repeatManifest.path] + database
        #expect(try node.shoji(verify, as: staff).status == 1, "an operator does not audit")
        let intact = try node.shoji(verify, as: auditor)
        #expect(intact.status == 0 && intact.standardOutput.contains("intact"), "\(intact.standardError)")
        let sqlite = Process()
        sqlite.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        sqlite.arguments = [node.folder.appendingPathComponent("db.sqlite").path, "UPDATE audit_entry SET actor = 'user:nobody' WHERE sequence = 3"]
        try sqlite.run()
        sqlite.waitUntilExit()
        let tampered = try node.shoji(verify, as: auditor)
        #expect(tampered.status == 1 && tampered.standardError.contains("entry 3 was changed"), "\(tampered.standardError)")
    }

    @Test("eval identities groups dlib's johns photos into 5 people with no merge and no split")
    func evalIdentities() throws {
        let result = try ShojiProcess.run(["eval", "identities", ShojiProcess.media.appendingPathComponent("johns").path,
                                           "--labels", "folder", "--format", "json"])
        #expect(result.status == 0, "\(result.standardError)")
        let output = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
        let summary = try #require(output["summary"] as? [String: Any])
        #expect(summary["faces"] as? Int == 55 && summary["groups"] as? Int == 5)
        #expect(summary["merges"] as? Int == 0 && summary["splits"] as? Int == 0)
        #expect(!result.standardOutput.contains("embedding"), "no vector is printed")
    }
}
