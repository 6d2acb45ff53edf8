import Foundation
import Testing

/// What `shoji anonymize` keeps of a video: frame rate, size, frame count and, on request, the audio track.
@Suite("shoji anonymize on video")
struct AnonymizeVideoTests {
    /// Runs ffprobe and returns `key=value` pairs of the first stream of `kind` ("v" or "a"), empty if none.
    static func probe(_ url: URL, stream kind: String) throws -> [String: String] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/ffprobe")
        process.arguments = ["-v", "error", "-select_streams", "\(kind):0", "-count_frames",
                             "-show_entries", "stream=codec_type,width,height,avg_frame_rate,nb_read_frames",
                             "-of", "default=noprint_wrappers=1", url.path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        var fields: [String: String] = [:]
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            let parts = line.split(separator: "=", maxSplits: 1).map(String.init)
            if parts.count == 2 { fields[parts[0]] = parts[1] }
        }
        return fields
    }

    /// A 3-second clip of vtest.avi with a sine tone as its audio track, made with ffmpeg.
    static func clipWithAudio(in folder: URL) throws -> URL {
        let clip = folder.appendingPathComponent("street.mp4")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/ffmpeg")
        process.arguments = ["-nostdin", "-v", "error", "-y", "-t", "3",
                             "-i", ShojiProcess.media.appendingPathComponent("vtest.avi").path,
                             "-f", "lavfi", "-t", "3", "-i", "sine=frequency=440:sample_rate=44100",
                             "-map", "0:v", "-map", "1:a", "-c:v", "mpeg4", "-q:v", "3", "-c:a", "aac", clip.path]
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "ffmpeg could not make the test clip")
        return clip
    }

    @Test("frame rate, size and frame count are kept; audio only with --keep-audio")
    func keepsTimingAndAudio() throws {
        let folder = try ShojiProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let clip = try Self.clipWithAudio(in: folder)
        let input = try Self.probe(clip, stream: "v")

        let silent = folder.appendingPathComponent("silent"), withAudio = folder.appendingPathComponent("audio")
        let plain = try ShojiProcess.run(["anonymize", clip.path, "-o", silent.path])
        #expect(plain.status == 0, "\(plain.standardError)")
        let kept = try ShojiProcess.run(["anonymize", clip.path, "--keep-audio", "-o", withAudio.path])
        #expect(kept.status == 0, "\(kept.standardError)")

        for output in [silent, withAudio].map({ $0.appendingPathComponent("street_anonymized.mp4") }) {
            let video = try Self.probe(output, stream: "v")
            #expect(video["width"] == "768" && video["height"] == "576")
            #expect(video["avg_frame_rate"] == input["avg_frame_rate"])
            #expect(video["nb_read_frames"] == input["nb_read_frames"])
        }
        #expect(try Self.probe(silent.appendingPathComponent("street_anonymized.mp4"), stream: "a").isEmpty)
        #expect(try Self.probe(withAudio.appendingPathComponent("street_anonymized.mp4"), stream: "a")["codec_type"] == "audio")
        #expect(ShojiProcess.files(under: withAudio) == ["street_anonymized.mp4"], "no temporary file left")
    }
}
