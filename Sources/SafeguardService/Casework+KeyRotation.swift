import Foundation
import Ledger
import WorkflowCore

/// `key rotate`: a new key for the record, the rotation itself a change in the staff register's
/// chained log, naming the administrator (by their token) and why.
extension Casework {
    /// What a rotation did: the change recorded and where the keys are.
    public struct KeyRotation: Sendable {
        public var change: RegisterChange
        public var previousKey: String
        public var newKey: String
        public var keyFile: String
    }

    /// Makes a new current key: appended to the key file (earlier keys stay there, to check what
    /// they signed), then recorded as a `rotate_key` change MAC'd under the key it replaces. From
    /// its time on, `verify` expects every new row under the new key, and flags a row MAC'd under
    /// a key that was not current when it was written.
    /// - Throws: `badInput` when the store has no key file (in memory, or PostgreSQL without
    ///   `--key-file`) or no staff register; `refused` when the token is not an administrator's.
    ///   Nothing changes then, and the key file is put back if the change could not be recorded.
    public func rotateKey(reason: String) throws(WorkflowError) -> KeyRotation {
        guard let keyFile, let keys else {
            throw .badInput("this store's record has no key file to rotate; expected a SQLite store, or --key-file (SAFEGUARD_KEY_FILE) naming the key file")
        }
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { throw .badInput("--reason is empty; expected why the key is rotated") }
        let register = try staffRegister()
        guard !register.isEmpty else {
            throw .badInput("this store keeps no staff register, so a rotation cannot record who made it; expected 'safeguard init' first")
        }
        let holder = try tokenHolder(register)
        guard holder.entry.roles.contains(StaffEntry.administrator) else {
            throw .refused("only an administrator may rotate the record's key; \(holder.entry.id) (\(holder.force)) is not one")
        }
        let key = ChainKey.generate()
        let before = try KeyFile.append(key, to: keyFile)
        let now = configuration.clock()
        do throws(WorkflowError) {
            let written = try store.recordRegisterChanges(force: holder.force) { existing throws(WorkflowError) in
                guard let latest = StaffRegister(existing).latest(force: holder.force, id: holder.entry.id) else {
                    throw .refused("\(holder.entry.id) is no longer on the staff register of \(holder.force); expected an administrator")
                }
                return [
                    RegisterChange(
                        force: holder.force, sequence: existing.count + 1, kind: .rotateKey, entry: latest.entry, effective: now,
                        by: holder.entry.id, reason: reason, recordedAt: now, keyID: key.id)
                ]
            }
            return KeyRotation(change: written[0], previousKey: keys.current.id, newKey: key.id, keyFile: keyFile)
        } catch {
            try? KeyFile.replace(keyFile, with: before)
            throw error
        }
    }
}
