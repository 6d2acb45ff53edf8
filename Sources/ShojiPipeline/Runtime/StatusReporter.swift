import ServiceLifecycle

/// Calls back with every camera's status at an interval (the command draws the live status line), and in
/// `untilEnd` mode ends the run once every camera has finished.
final class StatusReporter: Service, CustomStringConvertible {
    private let board: StatusBoard
    private let interval: Duration
    private let onStatus: (@Sendable ([CameraStatus]) -> Void)?
    private let cameras: [CameraRunner]
    private let untilEnd: Bool

    init(board: StatusBoard, interval: Duration, onStatus: (@Sendable ([CameraStatus]) -> Void)?,
         cameras: [CameraRunner], untilEnd: Bool) {
        self.board = board
        self.interval = interval
        self.onStatus = onStatus
        self.cameras = cameras
        self.untilEnd = untilEnd
    }

    var description: String { "status" }

    func run() async {
        let clock = ContinuousClock()
        var next = clock.now.advanced(by: interval)
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            // Returning ends the run: the group then shuts down gracefully.
            if untilEnd && cameras.allSatisfy(\.isFinished) { break }
            try? await Task.sleep(for: .milliseconds(100))
            if clock.now >= next {
                onStatus?(board.snapshot())
                next = clock.now.advanced(by: interval)
            }
        }
        onStatus?(board.snapshot())
    }
}
