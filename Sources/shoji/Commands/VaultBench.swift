import ArgumentParser
import Foundation
import ShojiPipeline
import ShojiStore
import ShojiVision

/// `shoji bench vault`: nearest-neighbour search over 100,000 and 1,000,000 face vectors (the vault's in-memory
/// index: full scan and lower bound) beside a plain float32 scalar loop over the same vectors in the same run.
struct VaultBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vault",
        abstract: "Vault search p50/p99 per probe, memory and top-1 agreement, beside a plain float32 loop.",
        discussion: """
            The gallery is synthetic but shaped like real faces: the mean and the spread of real dlib embeddings of \
            the sample photos (media/johns, media/faces), one identity per vector; identity centres are the mean \
            plus random combinations of real faces' deviations, and every vector and probe lies around its centre \
            by random combinations of the johns' within-person deviations. Half the probes are new photos of gallery \
            identities, half are people not in the gallery. Every probe's top match is checked against the exact \
            float32 search.
            """
    )

    @Option(help: "Gallery sizes, comma-separated.")
    var sizes: String = "100000,1000000"

    @Option(help: "Probes per size (half of them of gallery identities).")
    var probes: Int = 200

    @Option(help: "Times each probe is timed; its median time counts (the machine is shared and noisy).")
    var repeats: Int = 3

    @Option(help: "Photos whose embeddings shape the synthetic gallery.")
    var photos: [String] = ["media/johns", "media/faces"]

    @Option(help: "Also write the figures as JSON to this file.")
    var json: String?

    func validate() throws {
        guard probes >= 2 else { throw ValidationError("--probes must be at least 2") }
        guard repeats >= 1 else { throw ValidationError("--repeats must be at least 1") }
        guard !gallerySizes.isEmpty, gallerySizes.allSatisfy({ $0 >= 1 && $0 <= 5_000_000 }) else {
            throw ValidationError("--sizes must be numbers from 1 to 5000000, comma-separated")
        }
    }

    private var gallerySizes: [Int] { sizes.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) } }

    func run() throws {
        let shape = try failingWithOneLine { try FaceShape(photos: photos) }
        print("benchmark: vault search (VectorIndex) beside a plain float32 scalar loop, \(ProcessInfo.processInfo.activeProcessorCount) cores")
        print("  gallery shaped by \(shape.faces) real faces of \(shape.people) people; \(probes) probes per size, half of gallery identities;")
        print("  each probe timed \(repeats) times, its median counted")
        var results: [[String: Any]] = []
        for size in gallerySizes {
            var random = SplitMix(seed: UInt64(size))
            var index = VectorIndex()
            var centres: [[Float]] = []
            centres.reserveCapacity(min(size, probes))
            let built = Date()
            for identity in 0..<size {
                let centre = shape.identity(&random)
                if identity < probes / 2 { centres.append(centre) }
                index.add(shape.sample(around: centre, &random), id: UUID(), subject: "s\(identity)", expiresAt: .distantFuture)
            }
            let buildSeconds = Date().timeIntervalSince(built)
            let resident = Self.residentBytes()
            var probeVectors = centres.map { shape.sample(around: $0, &random) }
            while probeVectors.count < probes { probeVectors.append(shape.sample(around: shape.identity(&random), &random)) }
            let now = Date()
            var loop: [Double] = [], exact: [Double] = [], search: [Double] = []
            var agree = 0, loopAgree = 0, compared: [Double] = []
            for probe in probeVectors {
                var times: (exact: [Double], search: [Double], loop: [Double]) = ([], [], [])
                var reference: VectorIndex.Match?, fast: VectorIndex.Match?, plain = (index: -1, distance: Float.infinity)
                var comparisons = 0
                for _ in 0..<repeats {
                    var started = DispatchTime.now().uptimeNanoseconds
                    reference = index.nearestExhaustive(to: probe, count: 1, now: now).first
                    times.exact.append(Self.milliseconds(since: started))
                    started = DispatchTime.now().uptimeNanoseconds
                    let found = index.nearestCountingComparisons(to: probe, count: 1, now: now)
                    times.search.append(Self.milliseconds(since: started))
                    (fast, comparisons) = (found.matches.first, found.fullComparisons)
                    started = DispatchTime.now().uptimeNanoseconds
                    plain = index.withContiguousValues { Self.scalarNearest(probe, in: $0) }
                    times.loop.append(Self.milliseconds(since: started))
                }
                exact.append(median(times.exact))
                search.append(median(times.search))
                loop.append(median(times.loop))
                compared.append(Double(comparisons))
                if fast?.vectorID == reference?.vectorID { agree += 1 }
                if let reference, Self.sameDistance(plain.distance, reference.distance) { loopAgree += 1 }
            }
            let row: [String: Any] = [
                "vectors": size, "build_seconds": buildSeconds, "resident_bytes": resident,
                "lower_bound": index.usesBound,
                "search_p50_ms": Self.percentile(search, 0.5), "search_p99_ms": Self.percentile(search, 0.99),
                "exact_p50_ms": Self.percentile(exact, 0.5), "exact_p99_ms": Self.percentile(exact, 0.99),
                "scalar_loop_p50_ms": Self.percentile(loop, 0.5), "scalar_loop_p99_ms": Self.percentile(loop, 0.99),
                "top1_agreement": agree, "full_comparisons_p50": Self.percentile(compared, 0.5),
                "full_comparisons_p99": Self.percentile(compared, 0.99), "probes": probes, "scalar_loop_agreement": loopAgree,
            ]
            results.append(row)
            print(String(format: "  %9d vectors  search p50 %7.2f ms  p99 %7.2f ms   exact SIMD scan p50 %7.2f ms   scalar loop p50 %7.2f ms  p99 %7.2f ms",
                         size, Self.percentile(search, 0.5), Self.percentile(search, 0.99), Self.percentile(exact, 0.5),
                         Self.percentile(loop, 0.5), Self.percentile(loop, 0.99)))
            print(String(format: "            vectors compared in full: p50 %.0f, p99 %.0f of %d", Self.percentile(compared, 0.5),
                         Self.percentile(compared, 0.99), size))
            print(String(format: "            ratio search/scalar loop (p50) %.3f; top-1 equal to exact on %d of %d probes; resident %.0f MiB%@",
                         Self.percentile(search, 0.5) / max(Self.percentile(loop, 0.5), 1e-9), agree, probes,
                         Double(resident) / 1_048_576, index.usesBound ? " (32-axis lower bound)" : " (full scan)"))
            if size >= 1_000_000 {
                let p99 = Self.percentile(search, 0.99)
                print("            target at 1,000,000: p99 <= 20 ms \(p99 <= 20 ? "met" : "NOT met"), top-1 identical \(agree == probes ? "met" : "NOT met"), <= 1 GiB \(resident <= 1 << 30 ? "met" : "NOT met")")
            }
        }
        if let json {
            let figures: [String: Any] = ["benchmark": "vault", "cores": ProcessInfo.processInfo.activeProcessorCount, "sizes": results]
            try writeFigures(figures, to: json)
        }
    }

    /// The plain peer: one float32 loop over every value, no SIMD types, no bound.
    static func scalarNearest(_ probe: [Float], in values: UnsafeBufferPointer<Float>) -> (index: Int, distance: Float) {
        var best = Float.infinity, bestIndex = -1
        let count = values.count / 128
        probe.withUnsafeBufferPointer { query in
            for vector in 0..<count {
                var sum: Float = 0
                let base = vector * 128
                for value in 0..<128 {
                    let difference = values[base + value] - query[value]
                    sum += difference * difference
                }
                if sum < best {
                    best = sum
                    bestIndex = vector
                }
            }
        }
        return (bestIndex, best.squareRoot())
    }

    private static func sameDistance(_ a: Float, _ b: Float) -> Bool { abs(a - b) <= 1e-4 * max(1, abs(b)) }

    private static func milliseconds(since start: UInt64) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
    }

    static func percentile(_ values: [Double], _ fraction: Double) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return 0 }
        return sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * fraction).rounded(.up)))]
    }

    /// VmRSS of this process.
    static func residentBytes() -> Int {
        // /proc files report no size: read to the end, not by length.
        guard let data = try? FileHandle(forReadingFrom: URL(fileURLWithPath: "/proc/self/status")).readToEnd(),
              case let status = String(decoding: data, as: UTF8.self),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
              let kilobytes = Int(line.split(separator: " ").dropFirst().first ?? "") else { return 0 }
        return kilobytes * 1024
    }
}

/// The shape of real face embeddings, measured on sample photos, for drawing synthetic ones.
struct FaceShape {
    private let mean: [Float]
    private let between: [[Float]]
    private let within: [[Float]]
    /// Faces and people measured.
    let faces: Int, people: Int

    /// Embeds every face of `photos`; people are the photos' folders (within-person deviations come from folders
    /// holding several faces of one person, such as media/johns).
    init(photos: [String]) throws {
        let embedder = try PhotoFaces()
        var byFolder: [String: [[Float]]] = [:]
        for path in photos {
            for url in try MediaInput(argument: path).folderImages() {
                guard let faces = try? embedder.faces(in: url) else { continue }
                // A photo of several people (a crowd) is between-person data only.
                let folder = faces.count == 1 ? url.deletingLastPathComponent().path : url.path
                byFolder[folder, default: []] += faces.map(\.embedding.values)
            }
        }
        let all = byFolder.values.flatMap { $0 }
        guard all.count >= 10 else { throw CommandFailure("too few faces in \(photos.joined(separator: ", ")) to shape a gallery") }
        var mean = [Float](repeating: 0, count: 128)
        for vector in all { for k in 0..<128 { mean[k] += vector[k] / Float(all.count) } }
        self.mean = mean
        between = all.map { vector in (0..<128).map { vector[$0] - mean[$0] } }
        within = byFolder.values.filter { $0.count >= 3 }.flatMap { group -> [[Float]] in
            var centre = [Float](repeating: 0, count: 128)
            for vector in group { for k in 0..<128 { centre[k] += vector[k] / Float(group.count) } }
            return group.map { vector in (0..<128).map { vector[$0] - centre[$0] } }
        }
        guard !within.isEmpty else { throw CommandFailure("no folder with several faces of one person (such as media/johns)") }
        faces = all.count
        people = byFolder.count
    }

    /// An identity centre: the mean plus a random combination of 8 real deviations (same covariance on average).
    func identity(_ random: inout SplitMix) -> [Float] {
        combine(base: mean, deviations: between, terms: 8, &random)
    }

    /// One photo of the identity at `centre`: a random combination of 4 real within-person deviations.
    func sample(around centre: [Float], _ random: inout SplitMix) -> [Float] {
        combine(base: centre, deviations: within, terms: 4, &random)
    }

    private func combine(base: [Float], deviations: [[Float]], terms: Int, _ random: inout SplitMix) -> [Float] {
        var vector = base
        let scale = 1 / Float(terms).squareRoot()
        for _ in 0..<terms {
            let deviation = deviations[Int(random.next() % UInt64(deviations.count))]
            let weight = random.normal() * scale
            for k in 0..<128 { vector[k] += weight * deviation[k] }
        }
        return vector
    }
}

/// A small seeded generator, so that a benchmark's gallery is the same on every run.
struct SplitMix {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A standard normal value (Box–Muller).
    mutating func normal() -> Float {
        let u = max(Double(next() >> 11) / Double(1 << 53), 1e-300), v = Double(next() >> 11) / Double(1 << 53)
        return Float((-2 * log(u)).squareRoot() * cos(2 * .pi * v))
    }
}
