import Foundation
import Ledger
import PostgresNIO
import WorkflowCore

/// Reading out and writing in a whole ledger, for `safeguard copy`.
extension PostgresCaseStore: LedgerTransfer {
    public func snapshotPage(after id: String?, limit: Int) throws(WorkflowError) -> [CaseSnapshot] {
        try session.rows(
            """
            SELECT snapshot FROM case_snapshot WHERE (\(id)::text IS NULL OR id > \(id) COLLATE "C")
            ORDER BY id COLLATE "C" LIMIT \(Int64(limit))
            """, doing: "read cases to copy"
        ).map { row throws(WorkflowError) in try CaseSnapshot(canonicalText: Self.column(row, "snapshot")) }
    }

    public func eventPage(after position: Int64, limit: Int) throws(WorkflowError) -> [(position: Int64, event: RecordedEvent)] {
        try session.rows(
            "SELECT * FROM event WHERE position > \(position) ORDER BY position LIMIT \(Int64(limit))", doing: "read events to copy"
        ).map { row throws(WorkflowError) in (try Self.column(row, "position", as: Int64.self), try Self.recordedEvent(row)) }
    }

    public func chainHead() throws(WorkflowError) -> (hash: String, events: Int) {
        guard let head = try session.rows("SELECT hash, events FROM chain_head WHERE id = 1", doing: "read the chain head").first else {
            throw .storage("could not read the chain head: it is missing; expected one row in chain_head")
        }
        return (try Self.column(head, "hash"), Int(try Self.column(head, "events", as: Int64.self)))
    }

    public func importSnapshots(_ snapshots: [CaseSnapshot]) throws(WorkflowError) {
        try session.transaction(doing: "copy \(snapshots.count) cases") { () throws(WorkflowError) in
            for snapshot in snapshots { try write(snapshot, doing: "copy case \(snapshot.id)") }
        }
    }

    public func importEvents(_ events: [RecordedEvent]) throws(WorkflowError) {
        try session.transaction(doing: "copy \(events.count) events") { () throws(WorkflowError) in
            try append(events, doing: "copy \(events.count) events")
        }
    }
}
