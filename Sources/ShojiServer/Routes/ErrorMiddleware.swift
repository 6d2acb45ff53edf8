import Foundation
import Hummingbird
import Logging
import ShojiStore

/// Turns every error a route throws into a clear 4xx (or a 503 when the database is unavailable): JSON
/// `{"error": "…"}` under `/api/`, a short HTML page elsewhere. Only an error nobody foresaw becomes a 500, and
/// its details go to the log, not to the client.
struct ErrorMiddleware: RouterMiddleware {
    typealias Context = ShojiRequestContext
    let logger: Logger

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let login as LoginRequired {
            return try login.response(from: request, context: context)
        } catch {
            let (status, message) = Self.classify(error)
            if status == .internalServerError {
                logger.error("unexpected error", metadata: ["route": "\(context.endpointPath ?? "unmatched")", "error": "\(error)"])
            }
            return CredentialMiddleware.usesBearerTokens(request.uri.path)
                ? Reply.json(["error": message], status: status)
                : Reply.html(ConsolePages.errorPage(status: status, message: message, language: context.language), status: status)
        }
    }

    /// The status and the message a client may see for `error`.
    static func classify(_ error: any Error) -> (HTTPResponse.Status, String) {
        switch error {
        case let error as HTTPError:
            return (error.status, error.body ?? error.status.reasonPhrase)
        case let error as IdentityError:
            return (identityStatus(error), error.description)
        case let error as StoreError:
            return storeStatus(error)
        case let error as VaultError:
            if case .store(let store) = error { return storeStatus(store) }
            return (.conflict, error.description)
        case let error as DecodingError:
            return (.badRequest, "the request body does not fit this route: \(decodingProblem(error))")
        case is any HTTPResponseError:
            let status = (error as? any HTTPResponseError)?.status ?? .badRequest
            return (status, status.reasonPhrase)
        default:
            return (.internalServerError, "something went wrong on the server; it was logged")
        }
    }

    private static func identityStatus(_ error: IdentityError) -> HTTPResponse.Status {
        switch error {
        case .notAuthenticated: .unauthorized
        case .roleRequired: .forbidden
        case .notFound: .notFound
        case .userExists, .selfApproval, .wrongState: .conflict
        case .firstUserMustBePrivacyOfficer, .evidenceRequired, .categoryNotPublished, .invalidValue: .badRequest
        case .store(let store): storeStatus(store).0
        case .vault(let vault): if case .store(let store) = vault { storeStatus(store).0 } else { .conflict }
        }
    }

    private static func storeStatus(_ error: StoreError) -> (HTTPResponse.Status, String) {
        switch error {
        case .invalidValue, .duplicateVisit, .heatmapShapeMismatch: (.badRequest, error.description)
        case .unknownDeployment, .deploymentTenantMismatch: (.notFound, error.description)
        case .diskFull: (.init(code: 507, reasonPhrase: "Insufficient Storage"), "the server's disk is full; nothing was changed")
        default: (.serviceUnavailable, "the database is unavailable just now; try again shortly")
        }
    }

    private static func decodingProblem(_ error: DecodingError) -> String {
        switch error {
        case .keyNotFound(let key, _): "missing field \(key.stringValue)"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            "wrong type at \(context.codingPath.map(\.stringValue).joined(separator: ".").nonEmpty ?? "the top level")"
        case .dataCorrupted(let context): context.codingPath.isEmpty ? "not valid JSON" : "bad value at \(context.codingPath.map(\.stringValue).joined(separator: "."))"
        @unknown default: "not readable"
        }
    }
}

extension String {
    /// nil for an empty string.
    var nonEmpty: String? { isEmpty ? nil : self }
}
