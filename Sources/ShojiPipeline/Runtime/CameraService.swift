import ServiceLifecycle

/// One camera as a service: runs until its source ends, it fails, or the group shuts down; then it ends its
/// tracks and hands over what it counted. It never throws: one camera's failure must not stop the others.
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
    }
}
