import Foundation

/// The console's and the portal's form bodies (URL-encoded). `_csrf` is checked by ``CSRFMiddleware`` before.
struct LoginForm: Decodable {
    let tenant: String
    let name: String
    let secret: String
    let next: String?
}

/// The decision on a match alert.
struct AlertReviewForm: Decodable {
    let decision: String
}

/// The answer that closes a request.
struct DenyForm: Decodable {
    let reason: String
}

/// A person's request from the public form (multipart when it carries a photo).
struct RequestForm: Decodable {
    let deployment: String
    let kind: String
    let contact: String
    let method: String?
    /// The encoded photo, in memory only; empty when the file field was left empty.
    let photo: Data?
}

/// How the operator answers an open request from the console: `disclose`, `stop` or `erase`, with a note for
/// the person when the answer is given another way than asked (Art. 33(2)).
struct AnswerForm: Decodable {
    let action: String
    let note: String?
}

/// An incident file pasted into the console.
struct IncidentForm: Decodable {
    let document: String
}
