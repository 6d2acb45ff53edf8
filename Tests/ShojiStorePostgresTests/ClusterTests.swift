import Foundation
import PostgresNIO
import Testing

@Suite("The test PostgreSQL cluster")
struct ClusterTests {
    @Test("the throw-away cluster answers a query over its unix socket")
    func answers() async throws {
        let client = PostgresClient(configuration: try await PostgresTestCluster.shared.configuration(database: "postgres"))
        let value = try await PostgresTestCluster.using(client) { client in
            var result = 0
            for try await number in try await client.query("SELECT 41 + 1").decode(Int.self) { result = number }
            return result
        }
        #expect(value == 42)
    }
}
