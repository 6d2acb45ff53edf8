import ArgumentParser
import Foundation
import ShojiPipeline
import ShojiStore
import ShojiVision

/// `shoji eval identities PATH...`: groups every face of the photos with the repeat analyzer's own matching, so
/// that anyone can measure merges and splits on their own labelled photos. Nothing is stored; no vector is printed.
struct EvalIdentitiesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "identities",
        abstract: "Group the faces of photos as the repeat analyzer would, and print each face's group.",
        discussion: """
            Photos are taken in path order (folders recursively), one visit each, and grouped with the repeat \
            analyzer's matching: the threshold tightens with the number of groups (IdentityMatcher, \
            MatchThreshold) and each group keeps its 3 newest vectors. With --labels folder, the folder of each \
            photo names its person: merges (a group with two people), splits (a person in two groups) and the \
            genuine and impostor distances are reported too.
              shoji eval identities media/johns --labels folder
            """
    )

    @Argument(help: "Photos or folders of photos.")
    var paths: [String]

    @Option(help: "Ceiling of the match threshold (default: the repeat analyzer's, 0.55).")
    var threshold: Double?

    @Option(name: .customLong("false-match-budget"), help: "Expected false matches per probe allowed (default 0.01).")
    var falseMatchBudget: Double?

    @Option(help: "Where the true identities come from: none, or folder (each photo's folder names its person).")
    var labels: Labels = .none

    @Option(help: "Output: text or json.")
    var format: OutputFormat = .text

    enum Labels: String, ExpressibleByArgument { case none, folder }
    enum OutputFormat: String, ExpressibleByArgument { case text, json }

    /// One face and the group it joined.
    struct FaceRow: Codable {
        var file: String
        var box: [Double]
        var group: String
        var distance: Double?
        var label: String?
    }

    /// Merges, splits and distances when labels are known.
    struct Summary: Codable {
        var faces: Int
        var groups: Int
        var labels: Int?
        var merges: Int?
        var splits: Int?
        var genuinePairs: Int?
        var impostorPairs: Int?
        var genuineMedianDistance: Double?
        var genuineMaximumDistance: Double?
        var impostorMinimumDistance: Double?
        var impostorMeanDistance: Double?
        var impostorSpread: Double?
        var thresholdAtEnd: Double
    }

    func validate() throws {
        if let threshold, !(0.2...0.8).contains(threshold) { throw ValidationError("--threshold must be between 0.2 and 0.8") }
        if let falseMatchBudget, !(falseMatchBudget > 0 && falseMatchBudget <= 1) {
            throw ValidationError("--false-match-budget must be above 0 and at most 1")
        }
    }

    func run() throws {
        let photos = try failingWithOneLine { try collect(paths) }
        guard !photos.isEmpty else { throw CommandFailure("no photos found in \(paths.joined(separator: ", "))", code: 2).report() }
        let faces = try failingWithOneLine { try PhotoFaces() }
        let rule = MatchThreshold(ceiling: threshold ?? MatchThreshold.repeatVisits.ceiling,
                                  falseMatchBudget: falseMatchBudget ?? MatchThreshold.repeatVisits.falseMatchBudget)
        let matcher = IdentityMatcher(threshold: rule)
        var gallery = VectorIndex(), rows: [FaceRow] = [], embeddings: [(label: String?, values: [Float])] = []
        var groups = 0, vectorsOfGroup: [String: [UUID]] = [:]
        let now = Date()
        for (index, photo) in photos.enumerated() {
            let found: [PhotoFaces.Face]
            do {
                found = try faces.faces(in: photo)
            } catch {
                FileHandle.standardError.write(Data("skipped \(photo.path): \(error)\n".utf8))
                continue
            }
            let label = labels == .folder ? photo.deletingLastPathComponent().lastPathComponent : nil
            for face in found {
                let group: String, distance: Float?
                switch matcher.decide(face.embedding.values, in: gallery, now: now) {
                case .known(let subject, let nearest): (group, distance) = (subject, nearest)
                case .ambiguous, .unknown:
                    groups += 1
                    (group, distance) = ("g\(groups)", nil)
                }
                let id = UUID()
                gallery.add(face.embedding.values, id: id, subject: group, expiresAt: .distantFuture)
                vectorsOfGroup[group, default: []].append(id)
                if let ids = vectorsOfGroup[group], ids.count > IdentityMatcher.vectorsPerSubject {
                    gallery.remove(ids: Set(ids.dropLast(IdentityMatcher.vectorsPerSubject)))
                    vectorsOfGroup[group] = Array(ids.suffix(IdentityMatcher.vectorsPerSubject))
                }
                rows.append(FaceRow(file: photo.path, box: [face.box.x, face.box.y, face.box.width, face.box.height].map { ($0 * 10).rounded() / 10 },
                                    group: group, distance: distance.map { Double($0) }, label: label))
                embeddings.append((label, face.embedding.values))
            }
            if format == .text, isatty(STDERR_FILENO) == 1 {
                FileHandle.standardError.write(Data("\r\(index + 1)/\(photos.count) photos".utf8))
            }
        }
        if format == .text, isatty(STDERR_FILENO) == 1 { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        let summary = summarize(rows, embeddings, groups: groups, threshold: rule.threshold(gallerySize: groups))
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            struct Output: Codable { var faces: [FaceRow]; var summary: Summary }
            print(String(decoding: try encoder.encode(Output(faces: rows, summary: summary)), as: UTF8.self))
        case .text:
            for row in rows {
                let box = row.box.map { String(Int($0)) }.joined(separator: ",")
                print("\(row.file)\t\(box)\t\(row.group)\(row.distance.map { String(format: "\t%.3f", $0) } ?? "")")
            }
            print("\(summary.faces) faces in \(summary.groups) groups (threshold at the end: \(String(format: "%.3f", summary.thresholdAtEnd)))")
            if let labels = summary.labels, let merges = summary.merges, let splits = summary.splits {
                print("\(labels) people: \(merges) merged groups, \(splits) people split over several groups")
                if let genuine = summary.genuineMedianDistance, let worst = summary.genuineMaximumDistance {
                    print(String(format: "genuine pairs %d: median %.3f, max %.3f", summary.genuinePairs ?? 0, genuine, worst))
                }
                if let closest = summary.impostorMinimumDistance, let mean = summary.impostorMeanDistance, let spread = summary.impostorSpread {
                    print(String(format: "impostor pairs %d: min %.3f, mean %.3f, spread %.3f", summary.impostorPairs ?? 0, closest, mean, spread))
                }
            }
        }
    }

    private func summarize(_ rows: [FaceRow], _ embeddings: [(label: String?, values: [Float])], groups: Int,
                           threshold: Double) -> Summary {
        var summary = Summary(faces: rows.count, groups: groups, thresholdAtEnd: threshold)
        guard labels == .folder else { return summary }
        let byGroup = Dictionary(grouping: rows, by: \.group).mapValues { Set($0.compactMap(\.label)) }
        let byLabel = Dictionary(grouping: rows.filter { $0.label != nil }, by: { $0.label! }).mapValues { Set($0.map(\.group)) }
        summary.labels = byLabel.count
        summary.merges = byGroup.values.filter { $0.count > 1 }.count
        summary.splits = byLabel.values.filter { $0.count > 1 }.count
        var genuine: [Double] = [], impostor: [Double] = []
        for a in embeddings.indices {
            for b in embeddings.indices where b > a {
                guard let la = embeddings[a].label, let lb = embeddings[b].label,
                      let ea = FaceEmbedding(values: embeddings[a].values), let eb = FaceEmbedding(values: embeddings[b].values) else { continue }
                let distance = Double(ea.distance(to: eb))
                if la == lb { genuine.append(distance) } else { impostor.append(distance) }
            }
        }
        genuine.sort()
        summary.genuinePairs = genuine.count
        summary.impostorPairs = impostor.count
        if !genuine.isEmpty {
            summary.genuineMedianDistance = genuine[genuine.count / 2]
            summary.genuineMaximumDistance = genuine.last
        }
        if !impostor.isEmpty {
            let mean = impostor.reduce(0, +) / Double(impostor.count)
            summary.impostorMeanDistance = mean
            summary.impostorMinimumDistance = impostor.min()
            summary.impostorSpread = (impostor.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(impostor.count)).squareRoot()
        }
        return summary
    }

    /// The photos named: files as given, folders' images in path order.
    private func collect(_ paths: [String]) throws -> [URL] {
        var photos: [URL] = []
        for path in paths {
            switch try MediaInput(argument: path) {
            case .image(let url): photos.append(url)
            case .imageFolder:
                photos += try MediaInput(argument: path).folderImages()
            default:
                throw CommandFailure("\(path) is not a photo or a folder of photos", code: 2)
            }
        }
        return photos
    }
}
