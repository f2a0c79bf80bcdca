import Foundation
import Ledger
import WorkflowCore

/// A front end serving many people (`safeguard serve`) lends each request's token to the case work
/// it runs, so every write goes through the same register check as a command run with
/// `SAFEGUARD_TOKEN`: the actor is the token's holder, in a role the register held at the event's time.
extension Casework {
    /// Runs `body` as the holder of `token` (in place of the configuration's token), then restores it.
    ///
    ///     let outcome = try casework.acting(as: requestToken) { () throws(WorkflowError) in try casework.fire(request) }
    public func acting<T>(as token: String?, _ body: () throws(WorkflowError) -> T) throws(WorkflowError) -> T {
        let saved = configuration.token
        configuration.token = token
        defer { configuration.token = saved }
        return try body()
    }

    /// The person `token` belongs to, as their register entry now stands: the same check every
    /// write makes (a token the register issued and not since replaced, an entry valid now, a
    /// register that passes its check).
    /// - Throws: `refused` for a token nobody holds, a replaced one or a retired person;
    ///   `badInput` when the store keeps no staff register; `storage` for a register that fails its check.
    public func holder(ofToken token: String) throws(WorkflowError) -> RegisterChange {
        let register = try staffRegister()
        guard !register.isEmpty else {
            throw .badInput(
                "this store keeps no staff register, so nobody's token can be checked; expected a store set up with 'safeguard init' and 'safeguard staff add'")
        }
        return try acting(as: token) { () throws(WorkflowError) in try tokenHolder(register) }
    }
}
