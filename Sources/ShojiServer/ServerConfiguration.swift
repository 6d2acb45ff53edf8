import Foundation

/// How `shoji serve` listens and what it allows.
public struct ServerConfiguration: Sendable {
    /// Address to listen on; the default serves this machine only.
    public var host = "127.0.0.1"
    /// Port to listen on.
    public var port = 8080
    /// Whether the server is reached over TLS (directly or behind a TLS proxy): session cookies are then `Secure`.
    public var servedOverTLS = false
    /// The URL people reach the server at, which the public notice pages and the signs' QR codes point to
    /// (default `http://HOST:PORT`).
    public var publicURL: String?
    /// Folder of the tenants' vault key files (default `$SHOJI_KEYS`, else `~/.config/shoji/keys`).
    public var keyFolder: URL?
    /// Folder of the face models the request portal compares photos with (default: ShojiVision's model store,
    /// `$SHOJI_MODELS` or `~/.cache/shoji/models`).
    public var modelFolder: URL?
    /// The folder congestion icon maps are written to (the pipeline's output folder), which the console shows.
    public var iconMapFolder = URL(fileURLWithPath: "out")
    /// How long a console session lasts without a new login.
    public var sessionLifetime: TimeInterval = 8 * 3600
    /// Largest request body accepted, in bytes (a request form, a JSON body).
    public var maximumBodyBytes = 64 * 1024
    /// Public request-form submissions accepted per client address per hour.
    public var publicRequestsPerHour = 10
    /// Failed logins accepted per client address per quarter hour.
    public var loginFailuresPerQuarterHour = 10
    /// The time zone pages show times in (the deployment's; Asia/Tokyo unless a manifest says otherwise).
    public var timeZone = TimeZone(identifier: "Asia/Tokyo") ?? .gmt

    /// The defaults: loopback, port 8080, no TLS.
    public init() {}
}
