import HTTPTypes

extension HTTPField.Name {
    /// `Idempotency-Key`: an event id that makes a write idempotent, as the body's id does.
    static let idempotencyKey = HTTPField.Name("Idempotency-Key")!
    /// `X-Forwarded-For`: the client addresses a reverse proxy saw (read only from a trusted proxy).
    static let xForwardedFor = HTTPField.Name("X-Forwarded-For")!
}

extension HTTPField.Name {
    static let xFrameOptions = HTTPField.Name("X-Frame-Options")!
    static let xContentTypeOptions = HTTPField.Name("X-Content-Type-Options")!
    static let referrerPolicy = HTTPField.Name("Referrer-Policy")!
}
