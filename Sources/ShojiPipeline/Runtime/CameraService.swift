import ServiceLifecycle

/// One camera as a service: reads and analyses until its source ends, it fails, or the group shuts down; then it
/// ends its tracks and hands over what it counted. It never throws: one camera's failure must not stop the
/// others. It returns only once the group shuts down, so that the group sees its services end in shutdown order
/// (a service ending on its own during another's shutdown would count as unexpected).
final class CameraService: Service, CustomStringConvertible {
    private let runner: CameraRunner

    init(runner: CameraRunner) {
        self.runner = runner
    }

    var description: String { "camera \(runner.plan.id)" }

    func run() async {
        let runner = runner
        runner.start()
        await withTaskCancellationHandler {
            await withGracefulShutdownHandler {
                await runner.finished()
            } onGracefulShutdown: {
                runner.stop()
            }
        } onCancel: {
            runner.stop()
        }
        try? await gracefulShutdown()
    }
}
