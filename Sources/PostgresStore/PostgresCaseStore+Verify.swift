import Foundation
import Ledger
import PostgresNIO
import WorkflowCore

/// Checking the log behind the engine's back, through the backend-neutral `ChainVerifier`, in one
/// read-only repeatable-read transaction (so the log, the head and the snapshots agree while other
/// processes write), with the same findings and messages as SQLite's: MACs under the store's keys,
/// a checkpoint, the staff register's chain, and the triggers and indexes. Rows are streamed to the verifier as they arrive, never held all at once.
extension PostgresCaseStore {
    public func verifyChain(caseID: String?, checkpoint: Checkpoint?) throws(WorkflowError) -> (events: Int, problems: [String]) {
        let caseID = caseID.map(Identifier.normalized)
        let what = "verify the event log"
        return try session.transaction("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", doing: what) { () throws(WorkflowError) in
            let registerChanges = try registerChanges(force: nil, doing: what)
            let verifier = VerifierBox(ChainVerifier(caseID: caseID, keys: keys, checkpoint: checkpoint, register: registerChanges))
            try session.stream("SELECT * FROM event ORDER BY position", doing: what) { row in
                let event: Result<RecordedEvent, WorkflowError>
                do throws(WorkflowError) {
                    event = .success(try Self.recordedEvent(row))
                } catch {
                    event = .failure(error)
                }
                let entry = LedgerEntry(
                    position: try Self.column(row, "position"), caseID: try Self.column(row, "case_id"),
                    sequence: Int(try Self.column(row, "sequence", as: Int64.self)), name: try Self.column(row, "name"),
                    previousHash: try Self.column(row, "prev_hash"), hash: try Self.column(row, "hash"), event: event,
                    mac: try Self.column(row, "mac", as: String?.self))
                verifier.withLockedValue { $0.check(entry) }
            }
            var headProblems: [String] = []
            if let head = try session.rows("SELECT hash, events FROM chain_head WHERE id = 1", doing: what).first {
                let hash: String = try Self.column(head, "hash")
                let events = Int(try Self.column(head, "events", as: Int64.self))
                verifier.withLockedValue { $0.checkHead(hash: hash, events: events) }
            } else if caseID == nil {
                headProblems.append("the chain's head row is missing; it was deleted behind the engine's back")
            }
            var unreadable: [String] = []
            for row in try session.rows(
                "SELECT id, version, snapshot FROM case_snapshot WHERE (\(caseID)::text IS NULL OR id = \(caseID))", doing: what)
            {
                let id: String = try Self.column(row, "id")
                let version = Int(try Self.column(row, "version", as: Int64.self))
                verifier.withLockedValue { $0.checkSnapshot(id: id, version: version) }
                do throws(WorkflowError) {
                    let snapshot = try CaseSnapshot(canonicalText: Self.column(row, "snapshot"))
                    if snapshot.id != id {
                        unreadable.append("case \(id): its snapshot row holds the snapshot of another case id; the row was changed behind the engine's back")
                    }
                } catch {
                    unreadable.append("case \(id): its snapshot cannot be read; the row was changed behind the engine's back")
                }
            }
            if caseID == nil { verifier.withLockedValue { $0.checkNoSnapshotMissing() } }
            let (events, problems) = verifier.withLockedValue { $0.result }
            let register = RegisterVerifier.problems(registerChanges, keys: keys, checkpoint: checkpoint)
            let structure = caseID == nil ? try structureProblems(doing: what) : []
            return (events, structure + problems + unreadable + headProblems + register)
        }
    }

    public func chainHead() throws(WorkflowError) -> Checkpoint {
        let what = "read the chain's head"
        return try session.transaction("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", doing: what) { () throws(WorkflowError) in
            let head = try session.rows("SELECT hash, events FROM chain_head WHERE id = 1", doing: what).first
            let register = try session.rows(
                "SELECT count(*) AS n, (SELECT hash FROM register_change ORDER BY position DESC LIMIT 1) AS h FROM register_change",
                doing: what
            ).first
            return Checkpoint(
                events: Int(try head.map { row throws(WorkflowError) in try Self.column(row, "events", as: Int64.self) } ?? 0),
                head: try head.map { row throws(WorkflowError) in try Self.column(row, "hash", as: String.self) } ?? "",
                registerChanges: Int(try register.map { row throws(WorkflowError) in try Self.column(row, "n", as: Int64.self) } ?? 0),
                registerHead: (try register.map { row throws(WorkflowError) in try Self.column(row, "h", as: String?.self) } ?? nil) ?? "")
        }
    }

    /// The triggers that keep the logs append-only and the indexes queries rely on.
    func structureProblems(doing what: String) throws(WorkflowError) -> [String] {
        var present = Set<String>()
        for row in try session.rows(
            """
            SELECT tgname AS name FROM pg_trigger WHERE NOT tgisinternal
            UNION SELECT indexname FROM pg_indexes WHERE schemaname = current_schema()
            """, doing: what)
        {
            present.insert(try Self.column(row, "name"))
        }
        var problems: [String] = []
        for trigger in ["event_append_only", "event_append_only_truncate", "register_append_only", "register_append_only_truncate"]
        where !present.contains(trigger) {
            problems.append("the trigger \(trigger) is missing; the log was made editable behind the engine's back")
        }
        for index in ["case_snapshot_state", "case_snapshot_force", "deadline_index_due", "deadline_index_missed"] where !present.contains(index) {
            problems.append("the index \(index) is missing; it was dropped behind the engine's back")
        }
        return problems
    }
}

/// The verifier, fed from the connection's event loop while the calling thread waits for the query.
private final class VerifierBox: @unchecked Sendable {
    private var verifier: ChainVerifier
    private let lock = NSLock()

    init(_ verifier: ChainVerifier) { self.verifier = verifier }

    func withLockedValue<T>(_ body: (inout ChainVerifier) -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body(&verifier)
    }
}
