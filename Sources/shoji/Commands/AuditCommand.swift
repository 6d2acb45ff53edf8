import ArgumentParser
import Foundation
import ShojiPolicy
import ShojiStore

/// `shoji audit`: the hash-chained log of every read and change of personal data.
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Verify the tenant's hash-chained audit log, or show its entries.",
        subcommands: [Verify.self, Show.self]
    )

    /// `shoji audit verify MANIFEST [--anchor HASH]`.
    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "verify",
            abstract: "Check every link of the chain; print the head hash to keep elsewhere (exit 1 when the log was tampered with).",
            discussion: "Acts as an auditor or privacy officer (SHOJI_USER, SHOJI_SECRET). An edited, inserted, removed or reordered entry breaks a link; entries cut off the end no longer reach the recorded head, or an --anchor printed earlier.")

        @OptionGroup var target: DeploymentOptions

        @Option(help: "A head hash printed by an earlier verify: the log must still contain it.")
        var anchor: String?

        func run() throws {
            let (deployment, store, user) = try target.signIn()
            try failingWithOneLine { try user.require([.auditor, .privacyOfficer], to: "verifying the audit log") }
            let result = try awaitingOneLine { try await store.verifyAuditLog(tenant: deployment.tenant, anchor: anchor) }
            switch result {
            case .intact(let entries, let head):
                print("audit log of tenant \(deployment.tenant): intact, \(entries) entries")
                print("head \(head)")
            case .broken(let sequence, let problem):
                throw CommandFailure("audit log of tenant \(deployment.tenant) does not hold at entry \(sequence): \(problem)", code: 1).report()
            }
        }
    }

    /// `shoji audit show MANIFEST`.
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Print the tenant's audit entries, oldest first.")

        @OptionGroup var target: DeploymentOptions

        @Option(help: "Only the last N entries.")
        var last: Int?

        func run() throws {
            let (deployment, store, user) = try target.signIn()
            try failingWithOneLine { try user.require([.auditor, .privacyOfficer], to: "reading the audit log") }
            let entries = try awaitingOneLine { try await store.auditEntries(tenant: deployment.tenant) }
            let formatter = ISO8601DateFormatter()
            for entry in entries.suffix(last ?? entries.count) {
                print([String(entry.sequence), formatter.string(from: entry.recordedAt), entry.actor, entry.action, entry.target, entry.detail]
                    .joined(separator: "\t"))
            }
        }
    }
}
