import Crypto
import Foundation

/// An edge node's credential for a hub: `shoji-node.<node id>.<64 hex digits>`. The hub issues it
/// (`shoji hub node add`), stores only its SHA-256, and takes from a node only batches numbered under that node's
/// id and records of that node's tenant. The node reads its id from it, so one file says who the node is.
public struct NodeCredential: Sendable, Hashable, CustomStringConvertible {
    /// The node's id, which its batch ids carry.
    public let nodeID: String
    /// The whole secret token, sent as `Authorization: Bearer`.
    public let token: String

    private static let prefix = "shoji-node."

    /// A credential read from its token (a token file's first line, surrounding white space ignored).
    public init(token: String) throws(StoreError) {
        let token = token.trimmingCharacters(in: .whitespacesAndNewlines)
        guard token.hasPrefix(Self.prefix), let dot = token.lastIndex(of: ".") else {
            throw .invalidValue("not a node credential: it starts with \(Self.prefix); ask the hub's operator for one (shoji hub node add)")
        }
        let node = String(token[token.index(token.startIndex, offsetBy: Self.prefix.count)..<dot])
        let secret = token[token.index(after: dot)...]
        guard secret.count == 64, secret.allSatisfy(\.isHexDigit) else {
            throw .invalidValue("a node credential ends in 64 hex digits; the token was cut or changed")
        }
        try Validate.nodeID(node)
        self.nodeID = node
        self.token = token
    }

    /// A new credential for `nodeID` with a fresh 256-bit secret.
    public static func issue(nodeID: String) throws(StoreError) -> NodeCredential {
        try Validate.nodeID(nodeID)
        var generator = SystemRandomNumberGenerator()
        let secret = (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
        return try NodeCredential(token: Self.prefix + nodeID + "." + secret)
    }

    /// A credential read from a token file.
    public static func read(from path: String) throws(StoreError) -> NodeCredential {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw .cannotOpen(path: path, reason: "the node credential file cannot be read (\(error.localizedDescription))")
        }
        return try NodeCredential(token: String(text.split(whereSeparator: \.isNewline).first ?? ""))
    }

    /// Lower-case hex SHA-256 of the token: what the hub stores.
    public var tokenDigest: String {
        Self.digest(of: token)
    }

    /// Lower-case hex SHA-256 of any presented token.
    public static func digest(of token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// The node id only: the secret never goes into a log.
    public var description: String { "credential of node \(nodeID)" }
}
