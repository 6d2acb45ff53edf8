import Foundation
import ShojiStore

/// Where an edge node sends its outbox: the hub's base URL (`http://…` or, with TLS, `https://…`), the node's
/// credential and, for a hub whose certificate a private authority signed, that authority's PEM file.
public struct HubEndpoint: Sendable, CustomStringConvertible {
    /// The hub's base URL, e.g. `https://hub.example.jp`.
    public let baseURL: URL
    /// The node's credential (its id and secret token).
    public let credential: NodeCredential
    /// A PEM file of the certificate authority to trust for the hub's TLS certificate, instead of the system's.
    public let trustedAuthorityFile: String?

    /// An endpoint; throws when `url` is not an http or https URL.
    public init(url: String, credential: NodeCredential, trustedAuthorityFile: String? = nil) throws(PipelineError) {
        guard let parsed = URL(string: url.hasSuffix("/") ? String(url.dropLast()) : url),
              ["http", "https"].contains(parsed.scheme?.lowercased() ?? ""), parsed.host?.isEmpty == false else {
            throw .invalidHub("the hub URL must be http://HOST[:PORT] or https://HOST[:PORT], not \(url)")
        }
        if let trustedAuthorityFile, !FileManager.default.isReadableFile(atPath: trustedAuthorityFile) {
            throw .invalidHub("the certificate authority file \(trustedAuthorityFile) cannot be read")
        }
        baseURL = parsed
        self.credential = credential
        self.trustedAuthorityFile = trustedAuthorityFile
    }

    /// The ingest route's URL.
    var ingestURL: String { baseURL.absoluteString + "/api/v1/ingest" }

    /// The hub and the node, never the secret.
    public var description: String { "\(baseURL.absoluteString) as node \(credential.nodeID)" }
}
