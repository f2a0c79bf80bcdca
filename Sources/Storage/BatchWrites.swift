internal import GRDB
import Ledger
import WorkflowCore

/// What one write transaction of `SQLiteCaseStore.recordBatch` has appended so far: each event
/// is inserted as it is recorded, but a case's snapshot row, its deadline-index rows and the
/// chain's head are written once, when the transaction ends, however many of its events the
/// transaction holds. All of it commits together or not at all.
struct BatchWrites {
    /// The latest snapshot of each case this transaction recorded an event on.
    private(set) var snapshots: [String: CaseSnapshot] = [:]
    /// The chain's head after the latest event appended (nil until the first).
    private var head: String?
    private var appended = 0

    /// Inserts the event after the head and keeps the case's snapshot for `finish`.
    mutating func append(_ event: RecordedEvent, snapshot: CaseSnapshot, key: ChainKey?, _ db: Database) throws {
        let previous = try head ?? SQLiteCaseStore.head(db)
        head = try SQLiteCaseStore.insert(event, after: previous, mac: { hash in key?.mac(hash) }, db)
        appended += 1
        snapshots[snapshot.id] = snapshot
    }

    /// Writes each case's snapshot and deadline-index rows, and moves the chain's head.
    func finish(_ db: Database) throws {
        guard let head else { return }
        for snapshot in snapshots.values {
            try SQLiteCaseStore.writeSnapshot(snapshot, db)
            try SQLiteCaseStore.index(snapshot, db)
        }
        try SQLiteCaseStore.moveHead(to: head, by: appended, db)
    }
}
