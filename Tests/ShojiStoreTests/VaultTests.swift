import Foundation
import GRDB
import ShojiPolicy
import Testing
@testable import ShojiStore

@Suite("Feature vault: sealed at rest, one purpose per handle, one key per tenant, erased at expiry")
struct VaultTests {
    static let now = Date(timeIntervalSince1970: 1_796_000_400)

    /// Stores `count` repeat vectors through the repeat analyzer's handle; returns their values.
    static func storeRepeat(_ vault: FeatureVault, count: Int, seed: UInt64 = 1, at time: Date = now,
                            days: Double = 180) async throws -> [[Float]] {
        var batch = IdentityBatch()
        var values: [[Float]] = []
        for index in 0..<count {
            let vector = VaultFixture.vector(seed + UInt64(index))
            values.append(vector)
            batch.vectors.append(try NewVector(values: vector, purpose: .repeatVisit, subject: vault.newVisitorID(),
                                               takenAt: time, expiresAt: time.addingTimeInterval(days * 86_400)))
        }
        try await vault.record(batch, at: time)
        return values
    }

    @Test("vectors are sealed with AES-GCM: their values are nowhere in the database files, and they read back exactly")
    func sealedAtRest() async throws {
        let fixture = try VaultFixture()
        let vault = try FeatureVault(store: fixture.store, deployment: try await fixture.deployment("repeat"), access: .repeatAnalysis,
                                     keys: try fixture.keys())
        let values = try await Self.storeRepeat(vault, count: 3)
        #expect(try await fixture.store.checkpointWAL())
        let bytes = databaseFileBytes(fixture.path)
        for vector in values {
            #expect(bytes.range(of: VaultFixture.bytes(vector).prefix(32)) == nil, "plain vector bytes in the file")
        }
        let sizes = try await fixture.store.pool.read { db in try Int.fetchAll(db, sql: "SELECT length(sealed) FROM vault_vector") }
        #expect(sizes == [540, 540, 540], "nonce 12 + 512 bytes + tag 16")
        let keyFile = try String(contentsOf: fixture.keyFolder.appendingPathComponent("shoji-retail.keys"), encoding: .utf8)
        let key = try #require(keyFile.split(separator: "\n").first { $0.hasPrefix("key ") }?.split(separator: " ").last)
        #expect(bytes.range(of: Data(key.utf8)) == nil && bytes.range(of: Data(base64Encoded: String(key))!) == nil,
                "the key is not in the database")
        let gallery = try await vault.gallery(.repeatVisit, now: Self.now)
        #expect(gallery.count == 3)
        let nearest = try #require(gallery.nearest(to: values[1], count: 1, now: Self.now).first)
        #expect(nearest.distance == 0)
    }

    @Test("a handle reads and writes only its access's purposes: watchlist vectors are never readable by the repeat analyzer")
    func purposesApart() async throws {
        let fixture = try VaultFixture()
        let keys = try fixture.keys()
        let repeatVault = try FeatureVault(store: fixture.store, deployment: try await fixture.deployment("repeat"),
                                           access: .repeatAnalysis, keys: keys)
        let watchlist = try await fixture.deployment("watchlist")
        let matching = try FeatureVault(store: fixture.store, deployment: watchlist, access: .watchlistMatching, keys: keys)
        await #expect(throws: VaultError.self) { try await repeatVault.gallery(.watchlist) }
        await #expect(throws: VaultError.self) { try await matching.gallery(.repeatVisit) }
        await #expect(throws: VaultError.self) { try await matching.gallery(.optOut) }
        // The watchlist analyzer cannot write vectors at all.
        let vector = try NewVector(values: VaultFixture.vector(5), purpose: .watchlist, subject: UUID().uuidString.lowercased(),
                                   takenAt: Self.now, expiresAt: Self.now.addingTimeInterval(86_400))
        await #expect(throws: VaultError.self) { try await matching.record(IdentityBatch(vectors: [vector])) }
        // A repeat handle cannot be opened on a deployment that does not run repeat visits.
        #expect(throws: VaultError.self) {
            try FeatureVault(store: fixture.store, deployment: watchlist, access: .repeatAnalysis, keys: keys)
        }
    }

    @Test("a row moved to another purpose or tenant does not open: the purpose and tenant are sealed with it")
    func movedRowsDoNotOpen() async throws {
        let fixture = try VaultFixture()
        let vault = try FeatureVault(store: fixture.store, deployment: try await fixture.deployment("repeat"),
                                     access: .repeatAnalysis, keys: try fixture.keys())
        _ = try await Self.storeRepeat(vault, count: 1)
        try await fixture.store.pool.write { db in try db.execute(sql: "UPDATE vault_vector SET purpose = 'opt_out'") }
        await #expect(throws: VaultError.cannotUnseal) { try await vault.gallery(.optOut, now: Self.now) }
    }

    @Test("entrustment: each tenant has its own key and salt; one tenant's key cannot open another's vectors")
    func tenantsApart() async throws {
        let fixture = try VaultFixture()
        let a = try await fixture.deployment("repeat"), b = try await fixture.deployment("repeat", tenant: "other-operator")
        let keysA = try fixture.keys("shoji-retail"), keysB = try fixture.keys("other-operator")
        let vaultA = try FeatureVault(store: fixture.store, deployment: a, access: .repeatAnalysis, keys: keysA)
        let vaultB = try FeatureVault(store: fixture.store, deployment: b, access: .repeatAnalysis, keys: keysB)
        // The same face under both tenants.
        _ = try await Self.storeRepeat(vaultA, count: 2, seed: 40)
        _ = try await Self.storeRepeat(vaultB, count: 2, seed: 40)
        #expect(try await vaultA.gallery(.repeatVisit, now: Self.now).count == 2, "a tenant's gallery holds its own vectors only")
        let subjects = try await fixture.store.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT tenant_id, subject_id FROM vault_vector").map { ($0["tenant_id"] as String, $0["subject_id"] as String) }
        }
        let idsA = Set(subjects.filter { $0.0 == "shoji-retail" }.map(\.1)), idsB = Set(subjects.filter { $0.0 == "other-operator" }.map(\.1))
        #expect(idsA.isDisjoint(with: idsB), "the same face gets unlinkable ids")
        // Tenant A's keys refused for tenant B's deployment.
        #expect(throws: VaultError.self) { try FeatureVault(store: fixture.store, deployment: b, access: .repeatAnalysis, keys: keysA) }
        // A key file for B that holds A's key under B's key id still does not open B's vectors.
        let fileB = fixture.keyFolder.appendingPathComponent("other-operator.keys")
        let fileA = try String(contentsOf: fixture.keyFolder.appendingPathComponent("shoji-retail.keys"), encoding: .utf8)
        let keyA = try #require(fileA.split(separator: "\n").first { $0.hasPrefix("key ") }?.split(separator: " ").last)
        var textB = try String(contentsOf: fileB, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let line = try #require(textB.firstIndex { $0.hasPrefix("key ") })
        let idB = textB[line].split(separator: " ")[1]
        textB[line] = "key \(idB) \(keyA)"
        let forged = fixture.folder.url.appendingPathComponent("forged")
        try FileManager.default.createDirectory(at: forged, withIntermediateDirectories: true)
        let forgedFile = forged.appendingPathComponent("other-operator.keys")
        FileManager.default.createFile(atPath: forgedFile.path, contents: Data(textB.joined(separator: "\n").utf8),
                                       attributes: [.posixPermissions: 0o600])
        let wrong = try TenantKeyring.load(tenant: "other-operator", folder: forged, environment: [:])
        let vaultBWithAKey = try FeatureVault(store: fixture.store, deployment: b, access: .repeatAnalysis, keys: wrong)
        await #expect(throws: VaultError.cannotUnseal) { try await vaultBWithAKey.gallery(.repeatVisit, now: Self.now) }
        // Rows of A relabelled as B's do not open under B's own key either.
        try await fixture.store.pool.write { db in
            try db.execute(sql: "UPDATE vault_vector SET tenant_id = 'other-operator', deployment_id = ?", arguments: [b.deploymentID])
        }
        await #expect(throws: VaultError.self) { try await vaultB.gallery(.repeatVisit, now: Self.now) }
    }

    @Test("expired vectors are never returned, and a sweep erases them from the database files' bytes")
    func expiry() async throws {
        let fixture = try VaultFixture()
        let vault = try FeatureVault(store: fixture.store, deployment: try await fixture.deployment("repeat"),
                                     access: .repeatAnalysis, keys: try fixture.keys())
        _ = try await Self.storeRepeat(vault, count: 2, seed: 7, at: Self.now.addingTimeInterval(-3 * 86_400), days: 1)
        _ = try await Self.storeRepeat(vault, count: 1, seed: 70)
        let expiredSealed = try await fixture.store.pool.read { db in
            try Data.fetchAll(db, sql: "SELECT sealed FROM vault_vector WHERE expires_at <= ?", arguments: [Self.now.timeIntervalSince1970])
        }
        #expect(expiredSealed.count == 2)
        #expect(try await vault.gallery(.repeatVisit, now: Self.now).subjectCount == 1)
        let generation = try await vault.generation()
        let erased = try await fixture.store.eraseExpiredIdentityData(tenant: "shoji-retail", now: Self.now)
        #expect(erased.vectors == 2)
        #expect(try await vault.generation() == generation + 1, "running cameras are told to reload")
        #expect(try await fixture.store.checkpointWAL())
        let bytes = databaseFileBytes(fixture.path)
        for sealed in expiredSealed { #expect(bytes.range(of: sealed.suffix(64)) == nil, "expired ciphertext left in the file") }
        let audit = try await fixture.store.auditEntries(tenant: "shoji-retail")
        #expect(audit.contains { $0.action == "vault.expire" && $0.detail.hasPrefix("2 vectors") })
    }

    @Test("keys rotate while a camera keeps writing: every vector ends under the new key and the old key is retired")
    func rotationWithoutStopping() async throws {
        let fixture = try VaultFixture()
        let deployment = try await fixture.deployment("repeat")
        let camera = try FeatureVault(store: fixture.store, deployment: deployment, access: .repeatAnalysis, keys: try fixture.keys())
        let firstKey = try fixture.keys().currentKey.id
        _ = try await Self.storeRepeat(camera, count: 20, seed: 100)
        // The rotation runs as another process would: its own keyring and handle on the same files.
        let (officer, _, _) = try await fixture.users()
        let rotationKeys = try TenantKeyring.load(tenant: "shoji-retail", folder: fixture.keyFolder, environment: [:])
        let rotation = try FeatureVault(store: fixture.store, deployment: deployment, access: .keyRotation(officer), keys: rotationKeys)
        let writing = Task {
            for round in 0..<10 { _ = try await Self.storeRepeat(camera, count: 3, seed: 1000 + UInt64(round) * 10) }
        }
        let newKey = try rotationKeys.addCurrentKey()
        let result = try await rotation.resealUnderCurrentKey()
        try await writing.value
        _ = try await Self.storeRepeat(camera, count: 2, seed: 5000)
        #expect(result.resealed >= 20)
        let keyIDs = try await fixture.store.pool.read { db in try String.fetchAll(db, sql: "SELECT DISTINCT key_id FROM vault_vector") }
        if keyIDs != [newKey.id] {
            // Vectors the camera sealed before it saw the new file: the next rotation pass takes them.
            _ = try await rotation.resealUnderCurrentKey()
        }
        #expect(try await fixture.store.pool.read { db in try String.fetchAll(db, sql: "SELECT DISTINCT key_id FROM vault_vector") } == [newKey.id])
        _ = try await rotation.resealUnderCurrentKey()
        let reloaded = try TenantKeyring.load(tenant: "shoji-retail", folder: fixture.keyFolder, environment: [:])
        #expect(reloaded.keyIDs == [newKey.id], "the old key \(firstKey) is retired from the file")
        let fresh = try FeatureVault(store: fixture.store, deployment: deployment, access: .repeatAnalysis, keys: reloaded)
        #expect(try await fresh.gallery(.repeatVisit, now: Self.now).count == 52, "every vector opens under the new key alone")
    }

    @Test("the key file must not be readable by others, and it holds only its own tenant's keys")
    func keyFileRules() throws {
        let fixture = try VaultFixture()
        _ = try fixture.keys()
        let file = fixture.keyFolder.appendingPathComponent("shoji-retail.keys")
        #expect(throws: VaultError.keysExist(path: file.path)) {
            try TenantKeyring.create(tenant: "shoji-retail", folder: fixture.keyFolder, environment: [:])
        }
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: file.path)
        #expect(throws: VaultError.keyFileExposed(path: file.path)) {
            try TenantKeyring.load(tenant: "shoji-retail", folder: fixture.keyFolder, environment: [:])
        }
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file.path)
        // From the environment, for the tenant it names only.
        let text = try String(contentsOf: file, encoding: .utf8)
        let fromEnvironment = try TenantKeyring.load(tenant: "shoji-retail", folder: URL(fileURLWithPath: "/nonexistent"),
                                                     environment: [TenantKeyring.environmentVariable: text])
        #expect(fromEnvironment.source == .environment)
        #expect(throws: VaultError.self) {
            try TenantKeyring.load(tenant: "other", folder: URL(fileURLWithPath: "/nonexistent"),
                                   environment: [TenantKeyring.environmentVariable: text])
        }
    }
}
