import Foundation
import ShojiVision
import Testing

@Suite("Model store")
struct ModelStoreTests {
    @Test("the pinned SHA-256 values agree with scripts/models/SHA256SUMS")
    func catalogueMatchesSetup() throws {
        let sums = try String(contentsOf: TestMedia.repository.appendingPathComponent("scripts/models/SHA256SUMS"),
                              encoding: .utf8)
        var pinned: [String: String] = [:]
        for line in sums.split(separator: "\n") {
            let parts = line.split(separator: " ", omittingEmptySubsequences: true)
            if parts.count == 2 { pinned[String(parts[1])] = String(parts[0]) }
        }
        #expect(pinned == Dictionary(uniqueKeysWithValues: ModelStore.catalogue.map { ($0.fileName, $0.sha256) }))
    }

    @Test("installed models verify; a changed byte is reported as corrupt, an absent file as missing")
    func verify() throws {
        let store = ModelStore()
        let model = try #require(ModelStore.catalogue.first { $0.fileName == "gender.onnx" })
        #expect(store.verify(model) == .verified)
        let folder = try TestMedia.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var bytes = try Data(contentsOf: store.url(for: model.fileName))
        bytes[bytes.count / 2] ^= 0xFF
        try bytes.write(to: folder.appendingPathComponent(model.fileName))
        let copy = ModelStore(folder: folder)
        guard case .corrupt = copy.verify(model) else {
            Issue.record("a modified model must be reported as corrupt")
            return
        }
        #expect(copy.verify(ModelStore.catalogue[0]) == .missing)
    }

    @Test("SHOJI_MODELS overrides the default folder; XDG_CACHE_HOME moves it")
    func folderResolution() {
        #expect(ModelStore.defaultFolder(environment: ["SHOJI_MODELS": "/m"]).path == "/m")
        #expect(ModelStore.defaultFolder(environment: ["XDG_CACHE_HOME": "/c"]).path == "/c/shoji/models")
    }
}
