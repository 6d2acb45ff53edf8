import ArgumentParser
import Foundation
import ShojiPolicy
import ShojiStore

/// `shoji keys`: the tenant's vault keys, kept in a key file outside the database.
struct KeysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys",
        abstract: "Create or rotate a tenant's vault keys (kept in a key file, never in the database).",
        subcommands: [Initialize.self, Rotate.self]
    )

    /// `shoji keys init MANIFEST`.
    struct Initialize: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "init",
            abstract: "Create the key file of the manifest's tenant (mode 0600). Keep a backup: without it the vault cannot be read.")

        @OptionGroup var target: DeploymentOptions

        func run() throws {
            let deployment = try target.approve()
            let keys = try failingWithOneLine { try TenantKeyring.create(tenant: deployment.tenant, folder: target.keyFolder) }
            print("vault key \(keys.currentKey.id) of tenant \(deployment.tenant) written to \(keys.source)")
            print("keep a backup of it where the database is not: the vault's vectors cannot be read without it")
        }
    }

    /// `shoji keys rotate MANIFEST`.
    struct Rotate: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rotate",
            abstract: "Make a new current key, re-seal every vector under it and retire the old keys; cameras keep running.",
            discussion: "Acts as the privacy officer named by SHOJI_USER and SHOJI_SECRET. Running pipelines read the key file inside each write, so they take up the new key without stopping.")

        @OptionGroup var target: DeploymentOptions

        func run() throws {
            let (deployment, store, user) = try target.signIn()
            let keys = try target.keyring(for: deployment)
            let vault = try failingWithOneLine {
                try FeatureVault(store: store, deployment: deployment, access: .keyRotation(user), keys: keys)
            }
            let added = try failingWithOneLine { try keys.addCurrentKey() }
            let result = try awaitingOneLine { try await vault.resealUnderCurrentKey() }
            print("new current key \(added.id); \(result.resealed) vectors re-sealed; retired: \(result.retired.isEmpty ? "none" : result.retired.joined(separator: ", "))")
        }
    }
}
