import WorkflowCore

/// A store whose whole ledger can be read out in log order and written into another, empty,
/// store of any backend (`safeguard copy`). Events and staff register changes are appended in the
/// same order with the same fields and MACs, so the target's chains hash to the same heads.
public protocol LedgerTransfer: CaseStore {
    /// Every stored procedure's hash.
    func procedureHashes() throws(WorkflowError) -> [String]
    /// Up to `limit` snapshots with ids after `id` (byte order), by id.
    func snapshotPage(after id: String?, limit: Int) throws(WorkflowError) -> [CaseSnapshot]
    /// Up to `limit` events after log position `position`, in log order, each with the MAC it was
    /// stored with (nil in an unkeyed record).
    func eventPage(after position: Int64, limit: Int) throws(WorkflowError) -> [(position: Int64, event: RecordedEvent, mac: String?)]
    /// Writes snapshots (and their deadline rows) as they are, in one transaction.
    func importSnapshots(_ snapshots: [CaseSnapshot]) throws(WorkflowError)
    /// Appends events to the chain in order, hashed after the current head, each keeping the MAC
    /// given beside it, in one transaction.
    func importEvents(_ events: [(event: RecordedEvent, mac: String?)]) throws(WorkflowError)
    /// Appends staff register changes as they are (their hashes and MACs), in one transaction.
    func importRegisterChanges(_ changes: [RegisterChange]) throws(WorkflowError)
}
