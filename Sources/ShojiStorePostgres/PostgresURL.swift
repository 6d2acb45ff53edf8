import Foundation
import NIOSSL
import PostgresNIO
import ShojiStore

/// A PostgreSQL connection URL as libpq writes them, read into PostgresNIO's client configuration:
///
/// - `postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?sslmode=disable|prefer|require]` over TCP;
/// - `postgres://USER@/DATABASE?host=/run/postgresql[&port=5432]` over the unix socket in that folder.
///
/// Without a password in the URL, `PGPASSWORD` is used, so that the secret need not appear in a process list.
public struct PostgresURL: Sendable, CustomStringConvertible {
    /// The client configuration.
    public let configuration: PostgresClient.Configuration
    /// The URL without its password, to print.
    public let description: String

    /// Reads `text`; throws ``StoreError/invalidValue(_:)`` saying what is wrong.
    public init(_ text: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws(StoreError) {
        let example = "postgres://USER:PASSWORD@HOST:5432/DATABASE or postgres://USER@/DATABASE?host=/run/postgresql"
        guard let url = URLComponents(string: text), ["postgres", "postgresql"].contains(url.scheme ?? "") else {
            throw .invalidValue("the PostgreSQL URL is not of the form \(example)")
        }
        let query = Dictionary((url.queryItems ?? []).map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { $1 })
        guard let user = url.user?.removingPercentEncoding, !user.isEmpty else {
            throw .invalidValue("the PostgreSQL URL names no user: \(example)")
        }
        let database = String(url.path.dropFirst()).removingPercentEncoding.flatMap { $0.isEmpty ? nil : $0 }
        guard let database else { throw .invalidValue("the PostgreSQL URL names no database: \(example)") }
        let password = url.password?.removingPercentEncoding ?? environment["PGPASSWORD"]
        let port = url.port ?? query["port"].flatMap(Int.init) ?? 5432
        guard (1...65535).contains(port) else { throw .invalidValue("the PostgreSQL port must be 1 to 65535") }

        if let folder = query["host"], folder.hasPrefix("/") {
            configuration = .init(unixSocketPath: "\(folder)/.s.PGSQL.\(port)", username: user, password: password, database: database)
        } else {
            guard let host = url.host, !host.isEmpty else { throw .invalidValue("the PostgreSQL URL names no host: \(example)") }
            let tls: PostgresClient.Configuration.TLS
            switch query["sslmode"] ?? "prefer" {
            case "disable": tls = .disable
            case "prefer", "allow": tls = .prefer(.makeClientConfiguration())
            case "require", "verify-ca", "verify-full": tls = .require(.makeClientConfiguration())
            case let mode: throw .invalidValue("sslmode \(mode) is not one of disable, prefer, require, verify-full")
            }
            configuration = .init(host: host, port: port, username: user, password: password, database: database, tls: tls)
        }
        var shown = url
        if shown.password != nil { shown.password = "…" }
        description = shown.string ?? "postgres://\(user)@…/\(database)"
    }
}
