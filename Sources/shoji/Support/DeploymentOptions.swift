import ArgumentParser
import Foundation
import ShojiPolicy
import ShojiStore

/// The arguments every command about one deployment takes: its manifest, database, vault keys and id; and the
/// one way such a command gets its ``ApprovedDeployment``, store, keys and acting user.
struct DeploymentOptions: ParsableArguments {
    @Argument(help: "The deployment manifest (YAML).")
    var manifest: String

    @Option(help: "The analytics database (SQLite), created when missing.")
    var database: String = "shoji.sqlite"

    @Option(help: "Folder of vault key files (default: $SHOJI_KEYS, else ~/.config/shoji/keys).")
    var keys: String?

    @Option(help: "Deployment id the records carry (default: the manifest's file name without extension).")
    var deployment: String?

    /// The approval of the manifest as of today: exit 1 with every finding printed when the assessment blocks,
    /// exit 2 when the manifest cannot be read.
    func approve() throws -> ApprovedDeployment {
        do {
            return try ApprovedDeployment.approve(manifestAt: URL(fileURLWithPath: manifest), deploymentID: deployment,
                                                  asOf: CalendarDay(Date()))
        } catch {
            if case .notApproved(let assessment) = error {
                FileHandle.standardError.write(Data(assessment.text(.en).utf8))
                throw CommandFailure(error.description, code: 1).report()
            }
            throw CommandFailure(error.description, code: 2).report()
        }
    }

    /// The store, with one-line errors. `outbox`: queue every batch stored for a hub (an edge node).
    func openStore(readOnly: Bool = false, outbox: Bool = false) throws -> AnalyticsStore {
        try failingWithOneLine { try AnalyticsStore(path: database, options: .init(readOnly: readOnly, outbox: outbox)) }
    }

    /// The folder of key files.
    var keyFolder: URL? { keys.map { URL(fileURLWithPath: $0) } }

    /// The tenant's vault keys, with a one-line error saying how to create them.
    func keyring(for deployment: ApprovedDeployment) throws -> TenantKeyring {
        try failingWithOneLine { try TenantKeyring.load(tenant: deployment.tenant, folder: keyFolder) }
    }

    /// The approval, the store and the user acting: what every command about personal data starts with.
    func signIn() throws -> (deployment: ApprovedDeployment, store: AnalyticsStore, user: AuthenticatedUser) {
        let deployment = try approve()
        let store = try openStore()
        return (deployment, store, try user(of: deployment, in: store))
    }

    /// The user named by `SHOJI_USER` whose secret is `SHOJI_SECRET`. Secrets come from the environment, never
    /// from arguments, which other users can read in the process list.
    func user(of deployment: ApprovedDeployment, in store: AnalyticsStore) throws -> AuthenticatedUser {
        let environment = ProcessInfo.processInfo.environment
        guard let name = environment["SHOJI_USER"], !name.isEmpty, let secret = environment["SHOJI_SECRET"], !secret.isEmpty else {
            throw CommandFailure("set SHOJI_USER and SHOJI_SECRET to the user acting (see 'shoji users add')", code: 1).report()
        }
        return try awaitingOneLine { try await store.authenticate(tenant: deployment.tenant, name: name, secret: secret) }
    }
}

/// What an identity command acts with: the approval, the store, the signed-in user and a vault handle opened for
/// what the user does.
struct IdentitySession {
    let deployment: ApprovedDeployment
    let store: AnalyticsStore
    let user: AuthenticatedUser
    let vault: FeatureVault

    /// Signs in and opens the vault for `access` (e.g. `VaultAccess.rightsRequests`).
    init(_ target: DeploymentOptions, access: (AuthenticatedUser) -> VaultAccess) throws {
        (deployment, store, user) = try target.signIn()
        let keys = try target.keyring(for: deployment)
        let (deployment, store, access) = (deployment, store, access(user))
        vault = try failingWithOneLine { try FeatureVault(store: store, deployment: deployment, access: access, keys: keys) }
    }
}
