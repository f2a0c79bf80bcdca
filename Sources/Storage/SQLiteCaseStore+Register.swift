import Foundation
internal import GRDB
import Ledger
import WorkflowCore

/// The staff register's log: one row a change, its canonical text and its place in the chain.
extension SQLiteCaseStore {
    public func registerChanges(force: String?) throws(WorkflowError) -> [RegisterChange] {
        do {
            return try writer.read { db in try Self.registerChanges(force: force, db) }
        } catch {
            throw StoreError.from(error, doing: "read the staff register")
        }
    }

    public func recordRegisterChanges(
        force: String, _ decide: ([RegisterChange]) throws(WorkflowError) -> [RegisterChange]
    ) throws(WorkflowError) -> [RegisterChange] {
        var refusal: WorkflowError?
        do {
            return try writer.writeWithoutTransaction { db in
                var written: [RegisterChange] = []
                try db.inTransaction(.immediate) {
                    let existing = try Self.registerChanges(force: force, db)
                    let decided: [RegisterChange]
                    do throws(WorkflowError) {
                        decided = try decide(existing)
                    } catch {
                        refusal = error
                        return .rollback
                    }
                    let previous = try String.fetchOne(db, sql: "SELECT hash FROM register_change ORDER BY position DESC LIMIT 1") ?? ""
                    written = RegisterHash.chain(decided, after: previous, key: keys?.current)
                    for change in written {
                        try db.execute(
                            sql: "INSERT INTO register_change (force, sequence, change, prev_hash, hash, mac) VALUES (?, ?, ?, ?, ?, ?)",
                            arguments: [change.force, change.sequence, change.canonicalText, change.previousHash, change.hash, change.mac])
                    }
                    return .commit
                }
                if let refusal { throw refusal }
                return written
            }
        } catch let error as WorkflowError {
            throw error
        } catch {
            throw StoreError.from(error, doing: "change the staff register of \(force)")
        }
    }

    static func registerChanges(force: String?, _ db: Database) throws -> [RegisterChange] {
        let (conditions, arguments) = filters([("force = ?", force)])
        return try Row.fetchAll(db, sql: "SELECT change, prev_hash, hash, mac FROM register_change WHERE \(conditions) ORDER BY position", arguments: arguments)
            .map { row throws(WorkflowError) in
                var change = try RegisterChange(canonicalText: row["change"], previousHash: row["prev_hash"], hash: row["hash"])
                change.mac = row["mac"]
                return change
            }
    }
}
