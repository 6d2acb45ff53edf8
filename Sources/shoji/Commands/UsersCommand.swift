import ArgumentParser
import Foundation
import ShojiPolicy
import ShojiStore

/// `shoji users`: the people who may act on a tenant's personal data, each with a role and a secret.
struct UsersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "users",
        abstract: "Add and list the users of a tenant (roles: operator, privacy_officer, vendor, analyst, auditor).",
        subcommands: [Add.self, List.self, Token.self]
    )

    /// `shoji users add NAME --role ROLE MANIFEST`.
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Add a user and print their secret once (only a bcrypt hash is stored).",
            discussion: "A tenant's first user must be its privacy officer and needs no secret; later users are added by a privacy officer named by SHOJI_USER and SHOJI_SECRET.")

        @Argument(help: "The user's name (no spaces).")
        var name: String

        @Option(help: "operator, privacy_officer, vendor, analyst or auditor.")
        var role: Role

        @OptionGroup var target: DeploymentOptions

        func run() throws {
            let deployment = try target.approve()
            let store = try target.openStore()
            let existing = try awaitingOneLine { try await store.userCount(tenant: deployment.tenant) }
            let creator = existing == 0 ? nil : try target.user(of: deployment, in: store)
            let secret = try awaitingOneLine { try await store.addUser(tenant: deployment.tenant, name: name, role: role, creator: creator) }
            print("user \(name) (\(role.rawValue)) added to tenant \(deployment.tenant)")
            print("secret (shown once; give it to \(name) and set SHOJI_SECRET to it): \(secret)")
        }
    }

    /// `shoji users list MANIFEST`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the tenant's users and roles.")

        @OptionGroup var target: DeploymentOptions

        func run() throws {
            let deployment = try target.approve()
            let store = try target.openStore()
            let users = try awaitingOneLine { try await store.users(tenant: deployment.tenant) }
            for user in users {
                print("\(user.name)\t\(user.role.rawValue)\tadded \(ISO8601DateFormatter().string(from: user.createdAt))\(user.createdBy.map { " by \($0)" } ?? "")")
            }
            if users.isEmpty { print("no users yet; add the privacy officer first: shoji users add NAME --role privacy_officer \(target.manifest)") }
        }
    }
}

extension UsersCommand {
    /// `shoji users token MANIFEST`: an API token for the signed-in user.
    struct Token: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "token",
            abstract: "Issue an API token for the user named by SHOJI_USER/SHOJI_SECRET (shown once; only its SHA-256 is stored).",
            discussion: "Send it as 'Authorization: Bearer TOKEN' to shoji serve's /api/v1 routes and /metrics. It acts with the user's role until it expires.")

        @Option(help: "Days the token stays valid.")
        var days: Int = 90

        @OptionGroup var target: DeploymentOptions

        func validate() throws {
            guard (1...366).contains(days) else { throw ValidationError("--days must be 1 to 366") }
        }

        func run() throws {
            let (_, store, user) = try target.signIn()
            let lifetime = TimeInterval(days) * 86_400
            let token = try awaitingOneLine { try await store.issueToken(for: user, kind: .api, lifetime: lifetime) }
            print(token)
        }
    }
}

extension Role: ExpressibleByArgument {}
