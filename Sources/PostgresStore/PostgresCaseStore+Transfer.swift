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

    public func eventPage(after position: Int64, limit: Int) throws(WorkflowError) -> [(position: Int64, event: RecordedEvent, mac: String?)] {
        try session.rows(
            "SELECT * FROM event WHERE position > \(position) ORDER BY position LIMIT \(Int64(limit))", doing: "read events to copy"
        ).map { row throws(WorkflowError) in
            (try Self.column(row, "position", as: Int64.self), try Self.recordedEvent(row), try Self.column(row, "mac", as: String?.self))
        }
    }

    public func importSnapshots(_ snapshots: [CaseSnapshot]) throws(WorkflowError) {
        try session.transaction(doing: "copy \(snapshots.count) cases") { () throws(WorkflowError) in
            for snapshot in snapshots { try write(snapshot, doing: "copy case \(snapshot.id)") }
        }
    }

    public func importEvents(_ events: [(event: RecordedEvent, mac: String?)]) throws(WorkflowError) {
        try session.transaction(doing: "copy \(events.count) events") { () throws(WorkflowError) in
            try append(events.map(\.event), macs: events.map(\.mac), doing: "copy \(events.count) events")
        }
    }

    public func importRegisterChanges(_ changes: [RegisterChange]) throws(WorkflowError) {
        try session.transaction(doing: "copy \(changes.count) staff register changes") { () throws(WorkflowError) in
            try insert(changes, doing: "copy \(changes.count) staff register changes")
        }
    }
}
