/// Which batch records arrived in: the node that wrote them and that node's sequence number.
///
/// Every batch a store applies has one, and a store applies a batch id once: a batch resent after an ambiguous
/// failure (the hub stored it, the acknowledgement was lost) changes nothing the second time. Records themselves
/// add to stored counts, so without the id a resend would count twice.
public struct BatchID: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The node that wrote the batch (an edge node's id, `[A-Za-z0-9._-]`, 1 to 64 characters).
    public let node: String
    /// The node's sequence number of the batch, from 1.
    public let sequence: Int64

    /// An id; throws ``StoreError/invalidValue(_:)`` for a malformed node or a sequence below 1.
    public init(node: String, sequence: Int64) throws(StoreError) {
        try Validate.nodeID(node)
        guard sequence >= 1 else { throw .invalidValue("a batch sequence number starts at 1") }
        self.node = node
        self.sequence = sequence
    }

    private enum CodingKeys: String, CodingKey { case node, sequence }

    /// Decodes and validates an id (a hub reads them from the network).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(node: try container.decode(String.self, forKey: .node), sequence: try container.decode(Int64.self, forKey: .sequence))
    }

    /// `node#sequence`.
    public var description: String { "\(node)#\(sequence)" }
}
