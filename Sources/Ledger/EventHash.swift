import Crypto
import Foundation
import WorkflowCore

/// The event log's hash chain: each event's hash is SHA-256 over the previous event's hash and the
/// event's canonical JSON (sorted keys, instants to the millisecond). Editing, deleting or
/// reordering a row behind the engine's back breaks the chain. Every store hashes through here,
/// so the same events have the same hashes in SQLite, in memory or in PostgreSQL.
public enum EventHash {
    public static func of(_ event: RecordedEvent, after previous: String) -> String {
        CanonicalEvent(event).hash(after: previous)
    }
}
