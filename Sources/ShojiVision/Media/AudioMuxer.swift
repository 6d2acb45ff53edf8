import Foundation

/// Copies the audio track of an original video into an anonymised one, with Debian's ffmpeg (OpenCV writes
/// video only). Picture data is taken from the anonymised file only.
public struct AudioMuxer: Sendable {
    /// The ffmpeg executable.
    public var ffmpeg: URL

    /// A muxer using `ffmpeg` found on the PATH (or /usr/bin/ffmpeg).
    public init(ffmpeg: URL? = nil) {
        self.ffmpeg = ffmpeg ?? Self.locate() ?? URL(fileURLWithPath: "/usr/bin/ffmpeg")
    }

    /// Writes `output`: the video stream of `video` and the audio streams (if any) of `audioSource`.
    public func mux(video: URL, audioSource: URL, into output: URL) throws {
        guard FileManager.default.isExecutableFile(atPath: ffmpeg.path) else {
            throw VisionError.outputFailed(path: output.path,
                                           reason: "--keep-audio needs ffmpeg: install it with 'apt-get install ffmpeg'")
        }
        let process = Process()
        process.executableURL = ffmpeg
        process.arguments = [
            "-nostdin", "-v", "error", "-y", "-i", video.path, "-i", audioSource.path,
            "-map", "0:v:0", "-map", "1:a?", "-c:v", "copy", "-c:a", "aac", "-shortest", output.path,
        ]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let text = String(decoding: message, as: UTF8.self).split(separator: "\n").last.map(String.init) ?? ""
            throw VisionError.outputFailed(path: output.path, reason: "ffmpeg could not copy the audio: \(text)")
        }
    }

    private static func locate() -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent("ffmpeg")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }
}
