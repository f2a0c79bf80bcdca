import Foundation
internal import GRDB
import Ledger
import WorkflowCore

/// Checking the log behind the engine's back, through the backend-neutral `ChainVerifier`: the
/// rows are read with a cursor, so a log of any size is checked without holding it in memory.
extension SQLiteCaseStore {
    public func verifyChain(caseID: String? = nil) throws(WorkflowError) -> (events: Int, problems: [String]) {
        let caseID = caseID.map(Identifier.normalized)
        do {
            return try writer.read { db in
                var verifier = ChainVerifier(caseID: caseID)
                let rows = try Row.fetchCursor(db, sql: "SELECT * FROM event ORDER BY position")
                while let row = try rows.next() {
                    let event: Result<RecordedEvent, WorkflowError>
                    do {
                        event = .success(try Self.recordedEvent(row))
                    } catch let error as WorkflowError {
                        event = .failure(error)
                    } catch {
                        event = .failure(.storage("a column cannot be read"))
                    }
                    verifier.check(
                        LedgerEntry(
                            position: row["position"], caseID: row["case_id"], sequence: row["sequence"], name: row["name"],
                            previousHash: row["prev_hash"], hash: row["hash"], event: event))
                }
                if let head = try Row.fetchOne(db, sql: "SELECT hash, events FROM chain_head WHERE id = 1") {
                    verifier.checkHead(hash: head["hash"], events: head["events"])
                }
                let snapshots = try Row.fetchAll(
                    db, sql: "SELECT id, version FROM case_snapshot" + (caseID == nil ? "" : " WHERE id = ?"),
                    arguments: caseID.map { [$0] } ?? [])
                for row in snapshots { verifier.checkSnapshot(id: row["id"], version: row["version"]) }
                return verifier.result
            }
        } catch {
            throw StoreError.from(error, doing: "verify the event log")
        }
    }

    public func storedSnapshotText(_ id: String) throws(WorkflowError) -> String? {
        let id = Identifier.normalized(id)
        do {
            return try writer.read { try String.fetchOne($0, sql: "SELECT snapshot FROM case_snapshot WHERE id = ?", arguments: [id]) }
        } catch {
            throw StoreError.from(error, doing: "read case \(id)")
        }
    }
}
