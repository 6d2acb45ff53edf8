import Foundation
import ShojiVision
import Synchronization
import Testing

@Suite("Frame sources")
struct FrameSourceTests {
    @Test("vtest.avi decodes to 795 frames of 768x576")
    func videoFile() throws {
        let source = try FrameSource(try MediaInput(argument: try TestMedia.file("vtest.avi").path))
        var count = 0
        while let frame = try source.next() {
            if count == 0 { #expect(frame.size == PixelSize(width: 768, height: 576)) }
            count += 1
        }
        #expect(count == 795)
        #expect(source.framesPerSecond > 0)
    }

    @Test("a folder yields its images in name order")
    func folder() throws {
        let source = try FrameSource(try MediaInput(argument: try TestMedia.file("faces").path))
        #expect(source.expectedFrameCount == 12)
        var count = 0
        while try source.next() != nil { count += 1 }
        #expect(count == 12)
    }

    @Test("corrupt, empty and non-media files give clear errors", arguments: ["corrupt", "empty", "text"])
    func badFiles(kind: String) throws {
        let folder = try TestMedia.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("bad.avi")
        switch kind {
        case "corrupt": try Data((0..<50_000).map { UInt8(truncatingIfNeeded: $0 &* 7919) }).write(to: url)
        case "empty": try Data().write(to: url)
        default: try Data("this is not a video\n".utf8).write(to: url)
        }
        #expect {
            let source = try FrameSource(try MediaInput(argument: url.path))
            _ = try source.next()
        } throws: { error in
            guard let error = error as? VisionError else { return false }
            switch error {
            case .unreadableMedia, .emptyMedia: return String(describing: error).contains("bad.avi")
            default: return false
            }
        }
    }

    @Test("a missing input names the path")
    func missing() {
        #expect(throws: VisionError.inputNotFound(path: "/nonexistent/x.mp4")) {
            _ = try MediaInput(argument: "/nonexistent/x.mp4")
        }
    }

    @Test("a stream's user and password never reach a message or a file name, only the opener")
    func credentialsStayOut() throws {
        let input = try MediaInput(argument: "rtsp://admin:s3cret@127.0.0.1:9/stream1")
        #expect(input.locator == "rtsp://admin:s3cret@127.0.0.1:9/stream1")
        #expect(input.description == "rtsp://***@127.0.0.1:9/stream1")
        #expect(!input.displayName.contains("s3cret"))
        let source = try FrameSource(input, reconnect: .init(initialDelay: .milliseconds(1), maximumDelay: .milliseconds(1),
                                                             maximumAttempts: 1),
                                     sleep: { _ in })
        #expect {
            _ = try source.next()
        } throws: { error in
            !String(describing: error).contains("s3cret") && String(describing: error).contains("127.0.0.1:9")
        }
        #expect(try MediaInput(argument: "http://cam.example/a@b").description == "http://cam.example/a@b")
    }

    @Test("a live source that is down is retried with doubling back-off, then reported lost")
    func reconnectBackOff() throws {
        let waits = Mutex<[Duration]>([])
        // Port 9 on loopback: nothing listens, so every connection attempt is refused at once.
        let input = try MediaInput(argument: "rtsp://127.0.0.1:9/camera")
        #expect(input.isLive)
        let source = try FrameSource(input, reconnect: .init(initialDelay: .milliseconds(100),
                                                               maximumDelay: .milliseconds(300),
                                                               maximumAttempts: 4),
                                     sleep: { duration in waits.withLock { $0.append(duration) } })
        #expect(throws: VisionError.sourceLost(uri: "rtsp://127.0.0.1:9/camera", attempts: 4)) {
            _ = try source.next()
        }
        #expect(waits.withLock { $0 } == [.milliseconds(100), .milliseconds(200), .milliseconds(300), .milliseconds(300)])
    }
}
