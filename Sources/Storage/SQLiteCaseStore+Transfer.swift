import Foundation
internal import GRDB
import Ledger
import WorkflowCore

/// Reading out and writing in a whole ledger, for `safeguard copy`.
extension SQLiteCaseStore: LedgerTransfer {
    public func procedureHashes() throws(WorkflowError) -> [String] {
        try transferRead("list procedures") { db in try String.fetchAll(db, sql: "SELECT hash FROM procedure ORDER BY hash") }
    }

    public func snapshotPage(after id: String?, limit: Int) throws(WorkflowError) -> [CaseSnapshot] {
        try transferRead("read cases to copy") { db in
            try String.fetchAll(
                db, sql: "SELECT snapshot FROM case_snapshot WHERE id > ? ORDER BY id LIMIT ?", arguments: [id ?? "", limit]
            ).map { text throws(WorkflowError) in try CaseSnapshot(canonicalText: text) }
        }
    }

    public func eventPage(after position: Int64, limit: Int) throws(WorkflowError) -> [(position: Int64, event: RecordedEvent)] {
        try transferRead("read events to copy") { db in
            try Row.fetchAll(db, sql: "SELECT * FROM event WHERE position > ? ORDER BY position LIMIT ?", arguments: [position, limit])
                .map { row in (row["position"] as Int64, try Self.recordedEvent(row)) }
        }
    }

    public func chainHead() throws(WorkflowError) -> (hash: String, events: Int) {
        try transferRead("read the chain head") { db in
            let row = try Row.fetchOne(db, sql: "SELECT hash, events FROM chain_head WHERE id = 1")
            return (row?["hash"] ?? "", row?["events"] ?? 0)
        }
    }

    public func importSnapshots(_ snapshots: [CaseSnapshot]) throws(WorkflowError) {
        do {
            try writer.write { db in
                for snapshot in snapshots {
                    try db.execute(sql: """
                        INSERT INTO case_snapshot (id, workflow, force, state, version, procedure, opened_at, updated_at, snapshot)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """, arguments: [
                        snapshot.id, snapshot.workflow, snapshot.force, snapshot.state, snapshot.version, snapshot.procedure,
                        Instant.formatUTC(snapshot.openedAt), Instant.formatUTC(snapshot.updatedAt), snapshot.canonicalText,
                    ])
                    try Self.index(snapshot, db)
                }
            }
        } catch {
            throw StoreError.from(error, doing: "copy \(snapshots.count) cases")
        }
    }

    public func importEvents(_ events: [RecordedEvent]) throws(WorkflowError) {
        do {
            try writer.write { db in
                for event in events { try Self.append(event, db) }
            }
        } catch {
            throw StoreError.from(error, doing: "copy \(events.count) events")
        }
    }

    private func transferRead<T>(_ what: String, _ body: (Database) throws -> T) throws(WorkflowError) -> T {
        do {
            return try writer.read(body)
        } catch {
            throw StoreError.from(error, doing: what)
        }
    }
}
