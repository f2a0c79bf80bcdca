import Crypto
import WorkflowCore

/// The staff register's hash chain: SHA-256 over the previous change's hash and the change's
/// canonical JSON, as `EventHash` chains events. Every store hashes register changes through here.
public enum RegisterHash {
    public static func of(_ change: RegisterChange, after previous: String) -> String {
        var hasher = SHA256()
        hasher.update(data: Array(previous.utf8) + [0x0A] + Array(change.canonicalText.utf8))
        return hasher.finalize().hex
    }

    /// Gives each new change its place in the chain after `previous`, in order, and its MAC under `key`.
    public static func chain(_ changes: [RegisterChange], after previous: String, key: ChainKey?) -> [RegisterChange] {
        var previous = previous
        return changes.map { change in
            var change = change
            change.previousHash = previous
            change.hash = of(change, after: previous)
            change.mac = key?.mac(change.hash)
            previous = change.hash
            return change
        }
    }
}
