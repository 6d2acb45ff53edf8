import ArgumentParser
import Foundation
import ShojiVision

/// `shoji doctor`: what is installed, missing or corrupt, and the command that fixes it.
struct DoctorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Check models, sample media and tools; say what is missing or corrupt and how to fix it."
    )

    @Option(help: "Sample media folder to check.")
    var media: String = ProcessInfo.processInfo.environment["SHOJI_MEDIA"] ?? "media"

    func run() throws {
        let store = ModelStore()
        var problems = 0
        print("Models in \(store.folder.path)")
        for model in ModelStore.catalogue {
            let status = store.verify(model)
            let state: String
            switch status {
            case .verified: state = "ok     "
            case .missing: state = "MISSING"; problems += 1
            case .corrupt: state = "CORRUPT"; problems += 1
            }
            print("  \(state) \(model.fileName.padding(toLength: 42, withPad: " ", startingAt: 0)) \(model.purpose) [\(model.package)]")
        }
        print("Sample media in \(media)")
        for item in ["vtest.avi", "faces/training.xml", "faces/testing.xml", "johns", "astronaut.png",
                     "grace_hopper.jpg", "messi5.jpg"] {
            let present = FileManager.default.fileExists(atPath: URL(fileURLWithPath: media).appendingPathComponent(item).path)
            if !present { problems += 1 }
            print("  \(present ? "ok     " : "MISSING") \(item)")
        }
        print("Tools")
        for tool in ["ffmpeg", "zbarimg"] {
            let present = ["/usr/bin", "/usr/local/bin", "/bin"].contains {
                FileManager.default.isExecutableFile(atPath: "\($0)/\(tool)")
            }
            if !present { problems += 1 }
            print("  \(present ? "ok     " : "MISSING") \(tool)")
        }
        print("Libraries")
        // dlib's face embedding multiplies matrices through libblas.so.3; Debian's alternatives decide which
        // implementation that is, and the reference one is several times slower than OpenBLAS.
        // /proc files report no size, so they are read to their end rather than by length.
        let maps = (try? FileHandle(forReadingFrom: URL(fileURLWithPath: "/proc/self/maps")).readToEnd())
            .map { String(decoding: $0, as: UTF8.self) } ?? ""
        let blas = maps.split(separator: "\n").compactMap { $0.split(separator: " ").last }.first { $0.contains("libblas") || $0.contains("openblas") }
        let openBLAS = maps.contains("openblas")
        print("  \(openBLAS ? "ok     " : "SLOW   ") BLAS for face embedding: \(openBLAS ? "OpenBLAS" : "the reference implementation; install libopenblas0-pthread") \(blas.map { "(\($0))" } ?? "")")
        guard problems == 0 else {
            throw CommandFailure("\(problems) problem(s) found: run 'scripts/setup' (or 'make setup') to fix them").report()
        }
        print("Everything is in place.")
    }
}
