import Foundation
import WorkflowCore

/// Who a bearer token belongs to. `safeguard serve` asks one of these for every request that
/// reaches a case, and records every write with the person it returns as actor.
public protocol Authenticator: Sendable {
    /// The person whose token this is, valid at `at`.
    /// - Throws: `refused` for a token nobody holds (or no longer valid); never echoes the token.
    func authenticate(bearer token: String, at: Date) throws(WorkflowError) -> AuthenticatedPerson
}
