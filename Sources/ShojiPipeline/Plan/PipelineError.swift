import Foundation

/// Why a pipeline could not be planned or run, worded for the operator who has to fix it.
public enum PipelineError: Error, Equatable, CustomStringConvertible {
    /// A camera asks for a use case this pipeline does not run.
    case unsupportedUseCase(camera: String, useCase: String, hint: String)
    /// A camera setting is missing, unknown or malformed.
    case invalidSetting(camera: String, key: String, problem: String)
    /// A camera's source cannot be opened or understood.
    case invalidSource(camera: String, problem: String)
    /// The manifest asks for nothing this pipeline can run.
    case nothingToRun
    /// An identity use case cannot run: no vault key, or the vault refused.
    case identityUnavailable(String)
    /// The hub to send the outbox to is misconfigured (URL, credential, certificate authority).
    case invalidHub(String)

    public var description: String {
        switch self {
        case .unsupportedUseCase(let camera, let useCase, let hint):
            return "camera \(camera): use case '\(useCase)' is not run by 'shoji run'; \(hint)"
        case .invalidSetting(let camera, let key, let problem):
            return "camera \(camera): settings.\(key): \(problem)"
        case .invalidSource(let camera, let problem):
            return "camera \(camera): source \(problem)"
        case .nothingToRun:
            return "the manifest has no camera with a use case 'shoji run' runs (\(PipelinePlan.runnableUseCases.map(\.rawValue).joined(separator: ", ")))"
        case .invalidHub(let problem):
            return "hub: \(problem)"
        case .identityUnavailable(let problem):
            return "repeat and watchlist cameras cannot start: \(problem)"
        }
    }
}
