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

    public func eventPage(after position: Int64, limit: Int) throws(WorkflowError) -> [(position: Int64, event: RecordedEvent, mac: String?)] {
        try transferRead("read events to copy") { db in
            let statement = try db.cachedStatement(sql: "SELECT * FROM event WHERE position > ? ORDER BY position LIMIT ?")
            let columns = try EventColumns(statement)
            return try Row.fetchAll(statement, arguments: [position, limit])
                .map { row in (row.integer(at: columns.position) ?? 0, try Self.recordedEvent(row, columns), columns.text(columns.mac, row)) }
        }
    }

    public func importSnapshots(_ snapshots: [CaseSnapshot]) throws(WorkflowError) {
        do {
            try writer.write { db in
                for snapshot in snapshots {
                    try db.execute(
                        sql: """
                            INSERT INTO case_snapshot (id, workflow, force, state, version, procedure, opened_at, updated_at, snapshot)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                            """,
                        arguments: [
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

    public func importEvents(_ events: [(event: RecordedEvent, mac: String?)]) throws(WorkflowError) {
        do {
            try writer.write { db in
                for (event, mac) in events { try Self.append(event, mac: { _ in mac }, db) }
            }
        } catch {
            throw StoreError.from(error, doing: "copy \(events.count) events")
        }
    }

    public func importRegisterChanges(_ changes: [RegisterChange]) throws(WorkflowError) {
        do {
            try writer.write { db in
                for change in changes {
                    try db.execute(
                        sql: "INSERT INTO register_change (force, sequence, change, prev_hash, hash, mac) VALUES (?, ?, ?, ?, ?, ?)",
                        arguments: [change.force, change.sequence, change.canonicalText, change.previousHash, change.hash, change.mac])
                }
            }
        } catch {
            throw StoreError.from(error, doing: "copy \(changes.count) staff register changes")
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
