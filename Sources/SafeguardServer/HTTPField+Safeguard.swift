import HTTPTypes

extension HTTPField.Name {
    /// `Idempotency-Key`: an event id that makes a write idempotent, as the body's id does.
    static let idempotencyKey = HTTPField.Name("Idempotency-Key")!
}
