/// The `chain_head` row as a transaction read it under its row lock: the latest event's hash, how
/// many events the log holds, and the id of the key the record is authenticated with (nil for an
/// unkeyed record).
struct ChainHead {
    var hash: String
    var events: Int64
    var recordKey: String?
}
