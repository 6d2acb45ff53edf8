import Foundation
import Testing
@testable import ShojiStore

@Suite("Vector index: exact search, the lower bound, erasure and expiry")
struct VectorIndexTests {
    static let now = Date(timeIntervalSince1970: 1_796_000_400)

    @Test("the nearest subjects come back nearest first, each once, and expired or erased vectors never")
    func exact() {
        var index = VectorIndex()
        let a = VaultFixture.vector(1), b = VaultFixture.vector(2)
        index.add(a, id: UUID(), subject: "a", expiresAt: .distantFuture)
        index.add(VaultFixture.near(a, 0.1), id: UUID(), subject: "a", expiresAt: .distantFuture)
        index.add(b, id: UUID(), subject: "b", expiresAt: .distantFuture)
        index.add(VaultFixture.near(a, 0.05, seed: 3), id: UUID(), subject: "old", expiresAt: Self.now)
        #expect(index.subjectCount == 3)
        let matches = index.nearest(to: VaultFixture.near(a, 0.02, seed: 4), count: 3, now: Self.now)
        #expect(matches.map(\.subject) == ["a", "b"], "'old' expired; 'a' once")
        #expect(matches[0].distance < 0.1 && matches[1].distance > 0.5)
        #expect(index.remove(subject: "a") == 2)
        #expect(index.subjectCount == 2)
        #expect(index.nearest(to: a, count: 1, now: Self.now).first?.subject == "b")
        index.withContiguousValues { values in
            #expect(values.prefix(256).allSatisfy { $0 == 0 }, "erased vectors are zeroed in memory at once")
        }
        index.removeExpired(now: Self.now)
        index.compact()
        #expect(index.count == 1)
    }

    @Test("from 32,768 vectors the lower bound answers, and its answers equal the full scan's")
    func boundAgrees() {
        var index = VectorIndex()
        var random = SplitMix64(seed: 42)
        // Identity clusters: a centre per 4 vectors, members 0.1–0.3 from it.
        var centres: [[Float]] = []
        for identity in 0..<10_000 {
            let centre = VaultFixture.vector(UInt64(identity) + 10_000)
            centres.append(centre)
            for member in 0..<4 {
                let spread = 0.1 + Float(random.next() % 200) / 1000
                index.add(VaultFixture.near(centre, spread, seed: random.next()), id: UUID(), subject: "s\(identity)-\(member % 2)",
                          expiresAt: .distantFuture)
            }
        }
        #expect(index.usesBound)
        var agree = 0
        for probe in 0..<60 {
            let query = probe < 30 ? VaultFixture.near(centres[probe * 300], 0.2, seed: UInt64(probe)) : VaultFixture.vector(UInt64(900_000 + probe))
            let fast = index.nearest(to: query, count: 2, now: Self.now)
            let exact = index.nearestExhaustive(to: query, count: 2, now: Self.now)
            if fast == exact { agree += 1 }
        }
        #expect(agree == 60)
    }

    @Test("printing an index, a vector or a batch of them (a log line, a failed test) shows no value")
    func printsNoValues() throws {
        var index = VectorIndex()
        let vector = VaultFixture.vector(8)
        index.add(vector, id: UUID(), subject: "s", expiresAt: .distantFuture)
        let new = try NewVector(values: vector, purpose: .repeatVisit, subject: "s", takenAt: Self.now,
                                expiresAt: Self.now.addingTimeInterval(60))
        let batch = IdentityBatch(vectors: [new])
        var dumped = ""
        dump(batch, to: &dumped)
        let value = String(format: "%.4f", vector[0]).dropLast()
        for text in [String(describing: index), String(reflecting: index), String(describing: new), String(reflecting: batch), dumped] {
            #expect(!text.contains(value) && !text.contains("SIMD"), "\(text)")
        }
    }
}
