import ArgumentParser
import Foundation
import ShojiVision

/// `shoji bench faces`: dlib alignment + embedding time per face beside CenterFace detection time per photo,
/// measured in the same run on the same photos.
struct FaceBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "faces",
        abstract: "Alignment + embedding ms per face (dlib, OpenBLAS) vs face detection ms per photo (CenterFace).")

    @Option(help: "A folder of photos with faces.")
    var photos: String = "media/johns"

    @OptionGroup var repetition: BenchRuns

    func run() throws {
        let (runs, json) = (repetition.runs, repetition.json)
        let urls = try failingWithOneLine { try MediaInput(argument: photos).folderImages() }
        let frames = try failingWithOneLine { try urls.map { try ImageFile.read($0) } }
        guard !frames.isEmpty else { throw CommandFailure("\(photos) holds no photos", code: 2).report() }
        let detector = try failingWithOneLine { try FaceDetector(threshold: 0.4) }
        let embedder = try failingWithOneLine { try FaceEmbedder() }
        var detect: [Double] = [], embed: [Double] = []
        var faces = 0
        for run in 1...runs {
            faces = 0
            for frame in frames {
                var started = DispatchTime.now().uptimeNanoseconds
                let found = try failingWithOneLine { try detector.detect(in: frame) }
                detect.append(Double(DispatchTime.now().uptimeNanoseconds - started) / 1e6)
                for face in found {
                    started = DispatchTime.now().uptimeNanoseconds
                    _ = try failingWithOneLine { try embedder.embed([face.box], in: frame) }
                    embed.append(Double(DispatchTime.now().uptimeNanoseconds - started) / 1e6)
                    faces += 1
                }
            }
            FileHandle.standardError.write(Data("run \(run)/\(runs): \(faces) faces\n".utf8))
        }
        let perFace = VaultBench.percentile(embed, 0.5), perPhoto = VaultBench.percentile(detect, 0.5)
        print("benchmark: face alignment + embedding (dlib 5-point, ResNet 128-d) on \(urls.count) photos of \(photos), \(runs) runs")
        print(String(format: "  face detection (CenterFace 320x256)  p50 %6.1f ms per photo", perPhoto))
        print(String(format: "  alignment + embedding                p50 %6.1f ms per face, p99 %6.1f ms (%.1f faces/s on one core)",
                     perFace, VaultBench.percentile(embed, 0.99), 1000 / max(perFace, 1e-9)))
        print(String(format: "  ratio embedding/detection            %6.2f", perFace / max(perPhoto, 1e-9)))
        if let json {
            let figures: [String: Any] = [
                "benchmark": "faces", "photos": urls.count, "faces_per_run": faces, "runs": runs,
                "detect_p50_ms": perPhoto, "embed_p50_ms": perFace, "embed_p99_ms": VaultBench.percentile(embed, 0.99),
            ]
            try writeFigures(figures, to: json)
        }
    }
}
