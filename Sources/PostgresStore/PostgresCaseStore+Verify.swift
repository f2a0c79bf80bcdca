import Foundation
import Ledger
import PostgresNIO
import WorkflowCore

/// Checking the log behind the engine's back, through the backend-neutral `ChainVerifier`, in one
/// read-only repeatable-read transaction (so the log, the head and the snapshots agree while other
/// processes write). Rows are streamed to the verifier as they arrive, never held all at once.
extension PostgresCaseStore {
    public func verifyChain(caseID: String? = nil) throws(WorkflowError) -> (events: Int, problems: [String]) {
        let caseID = caseID.map(Identifier.normalized)
        let what = "verify the event log"
        return try session.transaction("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", doing: what) { () throws(WorkflowError) in
            let verifier = VerifierBox(ChainVerifier(caseID: caseID))
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
                    previousHash: try Self.column(row, "prev_hash"), hash: try Self.column(row, "hash"), event: event)
                verifier.withLockedValue { $0.check(entry) }
            }
            if let head = try session.rows("SELECT hash, events FROM chain_head WHERE id = 1", doing: what).first {
                let hash: String = try Self.column(head, "hash")
                let events = Int(try Self.column(head, "events", as: Int64.self))
                verifier.withLockedValue { $0.checkHead(hash: hash, events: events) }
            }
            for row in try session.rows(
                "SELECT id, version FROM case_snapshot WHERE (\(caseID)::text IS NULL OR id = \(caseID))", doing: what) {
                let id: String = try Self.column(row, "id")
                let version = Int(try Self.column(row, "version", as: Int64.self))
                verifier.withLockedValue { $0.checkSnapshot(id: id, version: version) }
            }
            return verifier.withLockedValue { $0.result }
        }
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
