import WorkflowCore

/// A store whose whole ledger can be read out in log order and written into another, empty,
/// store of any backend (`safeguard copy`). Events are appended in the same order with the same
/// fields, so the target's chain hashes to the same head.
public protocol LedgerTransfer: CaseStore {
    /// Every stored procedure's hash.
    func procedureHashes() throws(WorkflowError) -> [String]
    /// Up to `limit` snapshots with ids after `id` (byte order), by id.
    func snapshotPage(after id: String?, limit: Int) throws(WorkflowError) -> [CaseSnapshot]
    /// Up to `limit` events after log position `position`, in log order.
    func eventPage(after position: Int64, limit: Int) throws(WorkflowError) -> [(position: Int64, event: RecordedEvent)]
    /// The chain's head: the latest event's hash and how many events there are.
    func chainHead() throws(WorkflowError) -> (hash: String, events: Int)
    /// Writes snapshots (and their deadline rows) as they are, in one transaction.
    func importSnapshots(_ snapshots: [CaseSnapshot]) throws(WorkflowError)
    /// Appends events to the chain in order, hashed after the current head, in one transaction.
    func importEvents(_ events: [RecordedEvent]) throws(WorkflowError)
}
