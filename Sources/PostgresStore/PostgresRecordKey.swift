import Ledger
import WorkflowCore

/// Whether a process may write to a PostgreSQL record, given the key it holds. Many processes
/// share one database, and each reads the key from its own `--key-file`, so the database records
/// which key its record is authenticated with: the key's id (16 hex digits of its SHA-256, never
/// the key) in `chain_head.record_key`. It is set by the first keyed write on an empty record,
/// moved on when a writer's key file holds it as an earlier key (a rotation), and checked under
/// the chain head's row lock before anything is appended. A writer without the record's key, or
/// a key file added to a record begun without one, is refused, and the transaction is rolled back:
/// otherwise it would write rows no MAC covers into a keyed record. Readers are never refused
/// (`verify` without the key says so).
enum PostgresRecordKey {
    /// The key id the record carries once this write is made.
    /// - Throws: `badInput` when `keys` do not match the record.
    static func checked(
        recorded: String?, keys: ChainKeys?, recordIsEmpty: () throws(WorkflowError) -> Bool
    ) throws(WorkflowError) -> String? {
        switch (recorded, keys) {
        case (nil, nil):
            return nil
        case (nil, let keys?):
            guard try recordIsEmpty() else {
                throw .badInput(
                    "this PostgreSQL record was begun without a key file, so its rows carry no MAC and a key cannot be added now; expected no --key-file (or SAFEGUARD_KEY_FILE) for this database"
                )
            }
            return keys.current.id
        case (let recorded?, nil):
            throw .badInput(
                "this PostgreSQL record is keyed (key \(recorded)) and this process was given no key file; expected --key-file (or SAFEGUARD_KEY_FILE) naming the key file every process writing this database uses"
            )
        case (let recorded?, let keys?):
            guard keys.current.id == recorded || keys.earlier.contains(where: { $0.id == recorded }) else {
                throw .badInput(
                    "this PostgreSQL record is keyed with key \(recorded), which the key file given does not hold (its key is \(keys.current.id)); expected the key file every process writing this database uses"
                )
            }
            return keys.current.id
        }
    }
}
