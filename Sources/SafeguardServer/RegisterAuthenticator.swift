import Foundation
import SafeguardService
import WorkflowCore

/// Who a bearer token belongs to, answered by the store's staff register, the same check the
/// command line makes for `SAFEGUARD_TOKEN`: a token the register issued and has not replaced, held
/// by a person whose entry is valid at the server's now. Runs on a worker, never on an event loop.
struct RegisterAuthenticator: Sendable {
    let pool: CaseworkPool

    /// The person whose token this is.
    /// - Throws: `refused` for a token nobody holds, a replaced one, or a retired or expired
    ///   person (never echoing the token); `storage` when the register cannot be read or fails its check.
    func authenticate(bearer token: String) async throws(WorkflowError) -> AuthenticatedPerson {
        guard !token.isEmpty else { throw .refused("the token is empty; expected your personal token") }
        let holder = try await pool.run { casework throws(WorkflowError) in try casework.holder(ofToken: token) }
        return AuthenticatedPerson(id: holder.entry.id, roles: holder.entry.roles, force: holder.force, token: token)
    }
}
