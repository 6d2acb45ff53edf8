import Hummingbird
import HummingbirdAuth
import Logging
import NIOCore
import ShojiStore

/// What every request carries through the middlewares: the user it acts as (from an API token or a console
/// session), the page language and the client address for rate limits.
public struct ShojiRequestContext: AuthRequestContext, RequestContext {
    /// Hummingbird's own part of the context.
    public var coreContext: CoreRequestContextStorage
    /// The signed-in user, once ``CredentialMiddleware`` found a valid token; nil for the public.
    public var identity: AuthenticatedUser?
    /// The console session token the identity came from (nil for API tokens and the public).
    var sessionToken: String?
    /// The language pages are rendered in.
    var language: ConsoleLanguage = .japanese
    /// The CSRF token forms on this page carry (``CSRFMiddleware``).
    var csrfToken = ""
    /// The client's address, for rate limits ("unknown" in in-process tests).
    let clientAddress: String

    /// A context for a request arriving on `source`'s channel.
    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        clientAddress = source.channel.remoteAddress?.ipAddress ?? "unknown"
    }

    /// Request bodies are small here (forms and JSON); larger ones are refused with 413 before they are read.
    public var maxUploadSize: Int { ShojiRequestContext.bodyLimit }

    /// The largest request body read, in bytes.
    static let bodyLimit = 64 * 1024
}
