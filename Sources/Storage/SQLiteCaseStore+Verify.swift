import Foundation
internal import GRDB
import Ledger
import WorkflowCore

/// Checking the log behind the engine's back, through the backend-neutral `ChainVerifier`: the
/// rows are read with a cursor, so a log of any size is checked without holding it in memory.
extension SQLiteCaseStore {
    public func verifyChain(caseID: String?, checkpoint: Checkpoint?) throws(WorkflowError) -> (events: Int, problems: [String]) {
        let caseID = caseID.map(Identifier.normalized)
        do {
            return try writer.read { db in
                let registerChanges = try Self.registerChanges(force: nil, db)
                var verifier = ChainVerifier(caseID: caseID, keys: keys, checkpoint: checkpoint, register: registerChanges)
                let statement = try db.makeStatement(sql: "SELECT * FROM event ORDER BY position")
                let columns = try EventColumns(statement)
                let rows = try Row.fetchCursor(statement)
                while let row = try rows.next() {
                    let event: Result<RecordedEvent, WorkflowError>
                    do {
                        event = .success(try Self.recordedEvent(row, columns))
                    } catch let error as WorkflowError {
                        event = .failure(error)
                    } catch {
                        event = .failure(.storage("a column cannot be read"))
                    }
                    verifier.check(
                        LedgerEntry(
                            position: row.integer(at: columns.position) ?? 0, caseID: row.text(at: columns.caseID) ?? "",
                            sequence: row.integer(at: columns.sequence).flatMap { Int(exactly: $0) } ?? 0,
                            name: row.text(at: columns.name) ?? "", previousHash: columns.text(columns.previousHash, row) ?? "",
                            hash: columns.text(columns.hash, row) ?? "", event: event, mac: columns.text(columns.mac, row)))
                }
                var headProblems: [String] = []
                if let head = try Row.fetchOne(db, sql: "SELECT hash, events FROM chain_head WHERE id = 1") {
                    verifier.checkHead(hash: head.text(at: 0) ?? "", events: head.integer(at: 1).flatMap { Int(exactly: $0) } ?? -1)
                } else if caseID == nil {
                    headProblems.append("the chain's head row is missing; it was deleted behind the engine's back")
                }
                let snapshots = try Row.fetchCursor(
                    db, sql: "SELECT id, version, snapshot FROM case_snapshot" + (caseID == nil ? "" : " WHERE id = ?"),
                    arguments: caseID.map { [$0] } ?? [])
                var unreadable: [String] = []
                while let row = try snapshots.next() {
                    let id: String = row["id"]
                    verifier.checkSnapshot(id: id, version: row["version"])
                    do {
                        let snapshot = try CaseSnapshot(canonicalText: row["snapshot"])
                        if snapshot.id != id {
                            unreadable.append(
                                "case \(id): its snapshot row holds the snapshot of another case id; the row was changed behind the engine's back")
                        }
                    } catch {
                        unreadable.append("case \(id): its snapshot cannot be read; the row was changed behind the engine's back")
                    }
                }
                if caseID == nil { verifier.checkNoSnapshotMissing() }
                let (events, problems) = verifier.result
                let register = RegisterVerifier.problems(registerChanges, keys: keys, checkpoint: checkpoint)
                let structure = caseID == nil ? try Self.structureProblems(db) : []
                return (events, structure + problems + unreadable + headProblems + register)
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

    public func chainHead() throws(WorkflowError) -> Checkpoint {
        do {
            return try writer.read { db in
                let head = try Row.fetchOne(db, sql: "SELECT hash, events FROM chain_head WHERE id = 1")
                let register = try Row.fetchOne(
                    db, sql: "SELECT COUNT(*) AS n, (SELECT hash FROM register_change ORDER BY position DESC LIMIT 1) AS h FROM register_change")
                return Checkpoint(
                    events: head?["events"] ?? 0, head: head?["hash"] ?? "", registerChanges: register?["n"] ?? 0,
                    registerHead: register?["h"] ?? "")
            }
        } catch {
            throw StoreError.from(error, doing: "read the chain's head")
        }
    }

    /// The triggers that keep the logs append-only and the indexes queries rely on, and SQLite's
    /// own integrity check of the file.
    static func structureProblems(_ db: Database) throws -> [String] {
        var problems: [String] = []
        let present = Set(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type IN ('trigger', 'index')"))
        for trigger in ["event_append_only_update", "event_append_only_delete", "register_append_only_update", "register_append_only_delete"]
        where !present.contains(trigger) {
            problems.append("the trigger \(trigger) is missing; the log was made editable behind the engine's back")
        }
        for index in ["case_snapshot_state", "case_snapshot_force", "deadline_index_due", "deadline_index_status"] where !present.contains(index) {
            problems.append("the index \(index) is missing; it was dropped behind the engine's back")
        }
        let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check")
        if integrity != ["ok"] {
            problems.append("SQLite's integrity check fails: \(integrity.prefix(3).joined(separator: "; ").prefix(300))")
        }
        return problems
    }
}
