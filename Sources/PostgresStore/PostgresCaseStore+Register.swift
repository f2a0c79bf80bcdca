import Foundation
import Ledger
import PostgresNIO
import WorkflowCore

/// The staff register's log: one row a change, its canonical text and its place in the register's
/// own chain (hashed and keyed as SQLite's, through `RegisterHash`). Appends are serialised by a
/// transaction-scoped advisory lock, so processes changing registers at once never fork the chain.
extension PostgresCaseStore {
    public func registerChanges(force: String?) throws(WorkflowError) -> [RegisterChange] {
        try registerChanges(force: force, doing: "read the staff register")
    }

    public func recordRegisterChanges(
        force: String, _ decide: ([RegisterChange]) throws(WorkflowError) -> [RegisterChange]
    ) throws(WorkflowError) -> [RegisterChange] {
        let what = "change the staff register of \(force)"
        return try session.transaction(doing: what) { () throws(WorkflowError) in
            try session.rows("SELECT pg_advisory_xact_lock(\(PostgresSchema.registerLock))", doing: what)
            let decided = try decide(try registerChanges(force: force, doing: what))
            let previous =
                try session.rows("SELECT hash FROM register_change ORDER BY position DESC LIMIT 1", doing: what)
                .first.map { row throws(WorkflowError) in try Self.column(row, "hash", as: String.self) } ?? ""
            let written = RegisterHash.chain(decided, after: previous, key: keys?.current)
            try insert(written, doing: what)
            return written
        }
    }

    /// Appends changes as they are (hashes and MACs given), inside the caller's transaction.
    func insert(_ changes: [RegisterChange], doing what: String) throws(WorkflowError) {
        for change in changes {
            try session.rows(
                """
                INSERT INTO register_change (force, sequence, change, prev_hash, hash, mac)
                VALUES (\(change.force), \(Int64(change.sequence)), \(change.canonicalText), \(change.previousHash), \(change.hash), \(change.mac))
                """, doing: what)
        }
    }

    func registerChanges(force: String?, doing what: String) throws(WorkflowError) -> [RegisterChange] {
        try session.rows(
            """
            SELECT change, prev_hash, hash, mac FROM register_change
            WHERE (\(force)::text IS NULL OR force = \(force)) ORDER BY position
            """, doing: what
        ).map { row throws(WorkflowError) in
            var change = try RegisterChange(
                canonicalText: Self.column(row, "change"), previousHash: Self.column(row, "prev_hash"), hash: Self.column(row, "hash"))
            change.mac = try Self.column(row, "mac", as: String?.self)
            return change
        }
    }
}
