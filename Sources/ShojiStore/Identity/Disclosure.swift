import Foundation

/// Everything held about the person of a request, as disclosed to them: their visits under their pseudonymous
/// id, how many face vectors are kept and until when, watchlist entries, opt-outs. Never a vector's values.
public struct Disclosure: Sendable, Hashable, Codable {
    /// One pseudonymous visitor the person's photo matched.
    public struct Visitor: Sendable, Hashable, Codable {
        /// The pseudonymous id.
        public let visitorID: String
        /// Each visit: when and which camera.
        public let visits: [RepeatVisit]
        /// Face vectors held for recognising them.
        public let vectors: Int
        /// When the last of those vectors is erased.
        public let vectorsErasedBy: Date?
    }

    /// One opt-out that covers the person.
    public struct OptOut: Sendable, Hashable, Codable {
        /// The request that put them on the list.
        public let requestID: String
        /// Until when it holds (renewable by asking again).
        public let expiresAt: Date?
    }

    /// The request answered.
    public let request: RightsRequest
    /// The tenant (controller) answering.
    public let tenant: String
    /// When the answer was made.
    public let madeAt: Date
    /// Repeat-visit data (use case 3).
    public let visitors: [Visitor]
    /// Watchlist entries (crime prevention).
    public let watchlist: [WatchlistEntry]
    /// Opt-outs.
    public let optOuts: [OptOut]

    /// Whether nothing at all is held.
    public var holdsNothing: Bool { visitors.isEmpty && watchlist.isEmpty && optOuts.isEmpty }
}
