/// How long each kind of record is kept, in days, and whether expired records are deleted automatically.
public struct Retention: Sendable, Codable, Hashable {
    /// Whether the store deletes records when their period ends (APPI Art. 22: delete without delay).
    public var autoDelete: Bool
    /// Days per record kind. Transient kinds may only be 0.
    public var days: [RecordKind: Int]

    /// The retention period of `kind`, in days, if declared.
    public func days(for kind: RecordKind) -> Int? { days[kind] }

    init(reading reader: YAMLReader) throws(ManifestError) {
        let map = try reader.mapping(allowing: ["auto_delete", "days"])
        autoDelete = try map.requiredBool("auto_delete")
        var days: [RecordKind: Int] = [:]
        if let table = map.optional("days") {
            let entries = try table.mapping(allowing: RecordKind.allCases.map(\.rawValue))
            for kind in RecordKind.allCases {
                guard let value = entries.optional(kind.rawValue) else { continue }
                let count = try value.int()
                guard count >= 0 else {
                    throw value.error(.impossibleRetention("\(count) days is negative; use 0 to discard at once or a positive number of days"))
                }
                days[kind] = count
            }
        }
        self.days = days
    }
}
