import Foundation
import Yams

/// A manifest's YAML document, edited as a tree and written back as text: for tools that derive one manifest
/// from another (benchmarks with N cameras, tests that change one setting). An approval is only ever issued for
/// bytes in a file, so a derived manifest is written out and approved like any other.
///
/// Paths are keys joined by dots with list indices in brackets: `cameras[0].settings.fps`.
public struct ManifestDocument {
    private var root: Node

    /// The document in `yaml`; throws a located syntax error.
    public init(yaml: String, file: String = "<string>") throws(ManifestError) {
        root = try YAMLReader.document(yaml: yaml, file: file, expected: "a manifest mapping").node
    }

    /// The document of the file at `url`.
    public init(contentsOf url: URL) throws(ManifestError) {
        try self.init(yaml: try ManifestError.readText(of: url), file: url.path)
    }

    /// The YAML text of the subtree at `path`, or nil when there is none.
    public func yaml(at path: String) throws(ManifestError) -> String? {
        guard let node = try Self.node(at: Self.steps(path), in: root) else { return nil }
        return try Self.serialize(node)
    }

    /// The scalar at `path` as text, or nil when there is none or it is a list or mapping.
    public func string(at path: String) throws(ManifestError) -> String? {
        try Self.node(at: Self.steps(path), in: root)?.scalar?.string
    }

    /// Replaces (or adds) the value at `path` with the YAML fragment `value`, e.g. `"5"`, `"[counting, flow]"`
    /// or `"{id: gate, from: [0, 0], to: [9, 9]}"`. Mappings on the way must exist.
    public mutating func set(_ path: String, yaml value: String) throws(ManifestError) {
        let fragment = try Self.fragment(value)
        try Self.update(&root, at: Self.steps(path)[...]) { $0 = fragment }
    }

    /// Removes the key or list element at `path`; nothing happens when it is absent.
    public mutating func remove(_ path: String) throws(ManifestError) {
        var steps = try Self.steps(path)
        guard let last = steps.popLast() else { return }
        try Self.update(&root, at: steps[...]) { parent in
            switch (parent, last) {
            case (.mapping(var mapping), .key(let key)):
                if let index = mapping.firstIndex(where: { $0.key.string == key }) {
                    var pairs = Array(mapping)
                    pairs.remove(at: index - mapping.startIndex)
                    mapping = Node.Mapping(pairs, mapping.tag, mapping.style)
                    parent = .mapping(mapping)
                }
            case (.sequence(var sequence), .index(let index)) where sequence.indices.contains(index):
                sequence.remove(at: index)
                parent = .sequence(sequence)
            default:
                break
            }
        }
    }

    /// Appends the YAML fragment `value` to the list at `path`.
    public mutating func append(_ path: String, yaml value: String) throws(ManifestError) {
        let fragment = try Self.fragment(value)
        try Self.update(&root, at: Self.steps(path)[...]) { list in
            if case .sequence(var sequence) = list {
                sequence.append(fragment)
                list = .sequence(sequence)
            }
        }
    }

    /// The document as YAML text.
    public func text() throws(ManifestError) -> String {
        try Self.serialize(root)
    }

    // MARK: Paths

    private enum Step: Equatable {
        case key(String)
        case index(Int)
    }

    private static func steps(_ path: String) throws(ManifestError) -> [Step] {
        var steps: [Step] = []
        for part in path.split(separator: ".", omittingEmptySubsequences: false) {
            var rest = Substring(part)
            let name = rest.prefix { $0 != "[" }
            if !name.isEmpty { steps.append(.key(String(name))) }
            rest = rest.dropFirst(name.count)
            while rest.hasPrefix("[") {
                guard let close = rest.firstIndex(of: "]"), let index = Int(rest[rest.index(after: rest.startIndex)..<close]) else {
                    throw pathError(path)
                }
                steps.append(.index(index))
                rest = rest[rest.index(after: close)...]
            }
            guard rest.isEmpty, !(name.isEmpty && steps.isEmpty) else { throw pathError(path) }
        }
        return steps
    }

    private static func pathError(_ path: String) -> ManifestError {
        ManifestError(file: "<path>", line: nil, column: nil, key: path,
                      problem: .invalidValue(path, expected: "keys joined by '.', list indices in brackets, e.g. cameras[0].settings.fps"))
    }

    private static func node(at steps: [Step], in node: Node) throws(ManifestError) -> Node? {
        var current: Node? = node
        for step in steps {
            switch step {
            case .key(let key): current = current?[key]
            case .index(let index): current = current?[index]
            }
        }
        return current
    }

    /// Runs `change` on the node at `steps`, creating the last key of a mapping when it is missing.
    private static func update(_ node: inout Node, at steps: ArraySlice<Step>, _ change: (inout Node) -> Void) throws(ManifestError) {
        guard let step = steps.first else {
            change(&node)
            return
        }
        switch (node, step) {
        case (.mapping(var mapping), .key(let key)):
            let keyNode = Node(key)
            var child = mapping[keyNode] ?? (steps.count == 1 ? Node("") : Node.Mapping([]).node)
            try update(&child, at: steps.dropFirst(), change)
            mapping[keyNode] = child
            node = .mapping(mapping)
        case (.sequence(var sequence), .index(let index)) where sequence.indices.contains(index):
            var child = sequence[index]
            try update(&child, at: steps.dropFirst(), change)
            sequence[index] = child
            node = .sequence(sequence)
        default:
            throw ManifestError(file: "<path>", line: nil, column: nil, key: "\(step)",
                                problem: .wrongType(expected: "a mapping or list on the way", found: "something else"))
        }
    }

    private static func fragment(_ yaml: String) throws(ManifestError) -> Node {
        try YAMLReader.document(yaml: yaml, file: "<fragment>", expected: "a value").node
    }

    private static func serialize(_ node: Node) throws(ManifestError) -> String {
        do {
            return try Yams.serialize(node: node, allowUnicode: true)
        } catch {
            throw ManifestError(file: "<document>", line: nil, column: nil, key: "", problem: .syntax(String(describing: error)))
        }
    }
}

private extension Node.Mapping {
    var node: Node { .mapping(self) }
}
