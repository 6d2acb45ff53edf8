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

/// A person's request from the public form.
struct RequestForm: Decodable {
    let deployment: String
    let kind: String
    let contact: String
    let method: String?
}
