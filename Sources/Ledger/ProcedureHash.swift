import Crypto
import WorkflowCore

/// The identity of a procedure version: SHA-256 over every contributing script's path and text,
/// in load order, as lower-case hex. Editing any script, or the order, gives a new hash.
public enum ProcedureHash {
    public static func of(_ sources: [ScriptSource]) -> String {
        var hasher = SHA256()
        for source in sources {
            for part in [source.path, source.text] {
                hasher.update(data: Array(String(part.utf8.count).utf8) + [0x3A] + Array(part.utf8))
            }
        }
        return hasher.finalize().hex
    }
}
