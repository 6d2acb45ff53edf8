import Foundation
import Synchronization

/// A TCP proxy on 127.0.0.1 in front of a hub, for network-cut drills: while ``cutting`` is on, every connection
/// is dropped at its next chunk, after a random part of a request (the hub sees half a batch) or of an answer
/// (the hub committed, the edge never hears so: an ambiguous failure, which it must resolve by resending).
/// Plain sockets and a thread per direction: a test tool, small enough to read at a glance.
final class CuttingProxy: Sendable {
    /// The port edge nodes connect to.
    let port: Int
    private let upstreamPort: Int
    private let listener: Int32
    private let cuttingNow = Atomic<Bool>(false)
    private let cutCount = Atomic<Int>(0)

    /// A proxy forwarding to 127.0.0.1:`upstreamPort`.
    init(upstreamPort: Int) throws {
        self.upstreamPort = upstreamPort
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var yes: Int32 = 1
        setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = Self.loopback(port: 0)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(listener, 128) == 0 else { throw ClusterError(message: "the proxy cannot listen: errno \(errno)") }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) }
        }
        port = Int(UInt16(bigEndian: address.sin_port))
        self.listener = listener
        Thread.detachNewThread { [self] in acceptLoop(listener) }
    }

    /// Whether connections are being cut.
    var cutting: Bool {
        get { cuttingNow.load(ordering: .relaxed) }
        set { cuttingNow.store(newValue, ordering: .relaxed) }
    }

    /// How many connections were cut so far.
    var cuts: Int { cutCount.load(ordering: .relaxed) }

    /// Stops listening (connections under way end with their peers).
    func close() {
        shutdown(listener, Int32(SHUT_RDWR))
        Glibc.close(listener)
    }

    private static func loopback(port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return address
    }

    private func acceptLoop(_ listener: Int32) {
        while true {
            let client = accept(listener, nil, nil)
            if client < 0 {
                if errno == EINTR { continue }
                return
            }
            Thread.detachNewThread { [self] in serve(client) }
        }
    }

    private func serve(_ client: Int32) {
        let upstream = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = Self.loopback(port: upstreamPort)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(upstream, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            Glibc.close(upstream)
            Glibc.close(client)
            return
        }
        let requestsDone = DispatchSemaphore(value: 0)
        Thread.detachNewThread { [self] in
            pump(from: client, to: upstream, keepWhenCut: { Int.random(in: 0...$0) })
            requestsDone.signal()
        }
        pump(from: upstream, to: client, keepWhenCut: { Int.random(in: 0...min($0, 64)) })
        requestsDone.wait()
        Glibc.close(upstream)
        Glibc.close(client)
    }

    /// Copies until either side closes; when cutting, forwards only `keepWhenCut(n)` bytes of the next chunk of
    /// `n` bytes, then drops both sides.
    private func pump(from source: Int32, to target: Int32, keepWhenCut: (Int) -> Int) {
        var buffer = [UInt8](repeating: 0, count: 16_384)
        defer {
            shutdown(source, Int32(SHUT_RDWR))
            shutdown(target, Int32(SHUT_RDWR))
        }
        while true {
            let read = buffer.withUnsafeMutableBytes { Glibc.read(source, $0.baseAddress, $0.count) }
            guard read > 0 else { return }
            let cut = cutting
            let keep = cut ? keepWhenCut(read) : read
            var written = 0
            while written < keep {
                // send, not write: a peer gone must not raise SIGPIPE in the test process.
                let step = buffer.withUnsafeBytes { Glibc.send(target, $0.baseAddress! + written, keep - written, Int32(MSG_NOSIGNAL)) }
                guard step > 0 else { return }
                written += step
            }
            if cut {
                cutCount.add(1, ordering: .relaxed)
                return
            }
        }
    }
}
