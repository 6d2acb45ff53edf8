import ArgumentParser
import Foundation

/// Prints one line `shoji: error: …` on standard error and exits with `code`: the command line's single way of
/// failing, so that every error reads the same.
struct CommandFailure: Error {
    let message: String
    let code: Int32

    init(_ message: String, code: Int32 = 1) {
        self.message = message
        self.code = code
    }

    /// Prints the message and returns the exit code to throw.
    func report() -> ExitCode {
        FileHandle.standardError.write(Data("shoji: error: \(message)\n".utf8))
        return ExitCode(code)
    }
}

/// Runs `body`, turning any error into one line on standard error and a non-zero exit.
func failingWithOneLine<T>(code: Int32 = 1, _ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let exit as ExitCode {
        throw exit
    } catch let failure as CommandFailure {
        throw failure.report()
    } catch is CancellationError {
        throw CommandFailure("interrupted; no partial output was kept", code: 130).report()
    } catch {
        throw CommandFailure(String(describing: error), code: code).report()
    }
}
