import ArgumentParser
import Foundation
import ShojiPipeline
import ShojiPolicy
import ShojiStore

/// `shoji watchlist`: the crime-prevention watchlist (PPC Q&A Q1-11…Q1-13-2): registration on objective evidence
/// by one user, approval by a different privacy officer, and the review of match alerts by a person.
struct WatchlistCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watchlist",
        abstract: "Register, approve and remove watchlist entries; list and review match alerts.",
        discussion: "Every subcommand acts as the user named by SHOJI_USER and SHOJI_SECRET, and every read or change is written to the audit log.",
        subcommands: [Add.self, Approve.self, Withdraw.self, List.self, Alerts.self, Review.self]
    )

    /// `shoji watchlist add MANIFEST --photo FILE --evidence … --evidence-date … --category …`.
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Register a person from a photo on its objective basis; it waits for a privacy officer's approval.",
            discussion: "The photo's one face is embedded and sealed in the vault; the photo is not kept. The category must be one of the manifest's watchlist.categories.")

        @OptionGroup var target: DeploymentOptions

        @Option(help: "A photo with the person's face, and no other face.")
        var photo: String

        @Option(help: "The objective basis: a police report (被害届) number or an incident record.")
        var evidence: String

        @Option(name: .customLong("evidence-date"), help: "The day of that report or incident (YYYY-MM-DD).")
        var evidenceDate: String

        @Option(help: "The category from the published registration criteria.")
        var category: String

        func run() throws {
            guard let day = CalendarDay(evidenceDate) else {
                throw CommandFailure("--evidence-date \(evidenceDate) is not a date; write YYYY-MM-DD", code: 2).report()
            }
            let session = try IdentitySession(target, access: VaultAccess.watchlistRegistration)
            let face = try failingWithOneLine { try PhotoFaces().onlyFace(in: URL(fileURLWithPath: photo)) }
            let days = session.deployment.manifest.retention.days(for: .watchlistEntries) ?? 0
            let categories = session.deployment.manifest.watchlist?.categories ?? []
            let entry = try awaitingOneLine {
                try await session.vault.registerWatchlistEntry(
                    vector: face.embedding.values, category: category, evidence: evidence, evidenceDate: day,
                    publishedCategories: categories, expiresAt: Date().addingTimeInterval(TimeInterval(days) * 86_400))
            }
            print("watchlist entry \(entry.entryID.uuidString.lowercased()) registered by \(entry.registeredBy): pending approval by another privacy officer")
        }
    }

    /// `shoji watchlist approve MANIFEST ENTRY`.
    struct Approve: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "approve",
            abstract: "Approve a pending entry (a privacy officer other than its registrant); it is matched from now on.")

        @OptionGroup var target: DeploymentOptions

        @Argument(help: "The entry id.")
        var entry: String

        func run() throws {
            let id = try parseID(entry, "entry")
            let session = try IdentitySession(target, access: VaultAccess.watchlistRegistration)
            let reviewDays = session.deployment.manifest.watchlist?.reviewDays ?? 90
            let approved = try awaitingOneLine {
                try await session.vault.approveWatchlistEntry(id, reviewAt: Date().addingTimeInterval(TimeInterval(reviewDays) * 86_400))
            }
            let expiry = approved.expiresAt.map { CalendarDay($0).description } ?? "never"
            let review = approved.reviewAt.map { CalendarDay($0).description } ?? "-"
            print("watchlist entry \(entry) approved by \(session.user.name); matched until \(expiry), review by \(review)")
        }
    }

    /// `shoji watchlist withdraw MANIFEST ENTRY --reason …`.
    struct Withdraw: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "withdraw",
            abstract: "Reject a pending entry or remove an approved one; its vector is erased at once.")

        @OptionGroup var target: DeploymentOptions

        @Argument(help: "The entry id.")
        var entry: String

        @Option(help: "Why (kept in the audit log).")
        var reason: String

        func run() throws {
            let id = try parseID(entry, "entry")
            let session = try IdentitySession(target, access: VaultAccess.watchlistRegistration)
            let result = try awaitingOneLine { try await session.vault.withdrawWatchlistEntry(id, reason: reason) }
            print("watchlist entry \(entry) \(result.status.rawValue); its vector was erased")
        }
    }

    /// `shoji watchlist list MANIFEST`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the entries (an audited read).")

        @OptionGroup var target: DeploymentOptions

        func run() throws {
            let session = try IdentitySession(target, access: VaultAccess.watchlistRegistration)
            let entries = try awaitingOneLine { try await session.vault.watchlistEntries() }
            for entry in entries {
                print([entry.entryID.uuidString.lowercased(), entry.status.rawValue, entry.category,
                       "evidence \(entry.evidence) of \(entry.evidenceDate)", "registered by \(entry.registeredBy)",
                       entry.decidedBy.map { "decided by \($0)" } ?? "undecided",
                       entry.expiresAt.map { "until \(CalendarDay($0))" } ?? ""].joined(separator: "\t"))
            }
            if entries.isEmpty { print("no watchlist entries") }
        }
    }

    /// `shoji watchlist alerts MANIFEST [--all]`.
    struct Alerts: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "alerts", abstract: "List match alerts waiting for review (an audited read).")

        @OptionGroup var target: DeploymentOptions

        @Flag(help: "Include reviewed alerts.")
        var all = false

        func run() throws {
            let (_, store, user) = try target.signIn()
            let alerts = try awaitingOneLine { try await store.matchAlerts(by: user, all: all) }
            for alert in alerts {
                print([alert.alertID.uuidString.lowercased(), alert.status.rawValue, ISO8601DateFormatter().string(from: alert.matchedAt),
                       "camera \(alert.cameraID)", String(format: "distance %.3f", alert.distance),
                       "entry \(alert.entryID.uuidString.lowercased())", alert.reviewedBy.map { "reviewed by \($0)" } ?? ""]
                    .joined(separator: "\t"))
            }
            if alerts.isEmpty { print(all ? "no match alerts" : "no match alerts waiting for review") }
        }
    }

    /// `shoji watchlist review MANIFEST ALERT --confirm|--dismiss`.
    struct Review: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "review", abstract: "Confirm or dismiss a match alert; the reviewer is recorded.")

        @OptionGroup var target: DeploymentOptions

        @Argument(help: "The alert id.")
        var alert: String

        @Flag(help: "It is the registered person (--confirm) or it is not (--dismiss).")
        var decision: Decision

        enum Decision: String, EnumerableFlag {
            case confirm, dismiss
        }

        func run() throws {
            let id = try parseID(alert, "alert")
            let (_, store, user) = try target.signIn()
            let reviewed = try awaitingOneLine { try await store.reviewMatchAlert(id, confirmed: decision == .confirm, by: user) }
            print("alert \(alert) \(reviewed.status.rawValue) by \(user.name)")
        }
    }
}

/// A UUID argument, or exit 2 naming what was expected.
func parseID(_ text: String, _ kind: String) throws -> UUID {
    guard let id = UUID(uuidString: text) else {
        throw CommandFailure("'\(text)' is not a \(kind) id (a UUID such as 1b4e28ba-2fa1-11d2-883f-0016d3cca427)", code: 2).report()
    }
    return id
}
