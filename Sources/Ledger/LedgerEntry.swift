import WorkflowCore

/// One row of an event log as a store holds it, for `ChainVerifier`: where it stands, the hashes
/// stored with it, and the event read back from it (or why it could not be read).
public struct LedgerEntry: Sendable {
    public var position: Int64
    public var caseID: String
    public var sequence: Int
    public var name: String
    public var previousHash: String
    public var hash: String
    public var event: Result<RecordedEvent, WorkflowError>
    /// The hash's MAC under the record's key, as stored (nil for none).
    public var mac: String?

    public init(
        position: Int64, caseID: String, sequence: Int, name: String, previousHash: String, hash: String,
        event: Result<RecordedEvent, WorkflowError>, mac: String? = nil
    ) {
        self.mac = mac
        self.position = position
        self.caseID = caseID
        self.sequence = sequence
        self.name = name
        self.previousHash = previousHash
        self.hash = hash
        self.event = event
    }
}
