import Foundation
import Stores
import WorkflowCore

/// `copy`: moves a whole record between stores (SQLite to PostgreSQL, or back), verifying both sides.
public enum StoreCopy {
    /// What was copied, and the chain head both sides now share.
    public struct Summary: Sendable, Equatable {
        public var procedures: Int
        public var cases: Int
        public var events: Int
        public var head: String
    }

    /// The record's keys are read from `keyFile` (`--key-file`), by default the source's (its path
    /// with `.key` added, for an SQLite file); a record with MACs copies only with its keys, and an
    /// SQLite target without a key file gets a copy of it (mode kept: readable by its owner only).
    ///
    /// - Throws: `badInput` when `to` already holds cases; `storage` when the heads differ or verify finds a problem.
    public static func copy(from source: String, to target: String, keyFile: String? = nil) throws(WorkflowError) -> Summary {
        let sourceKeyFile = try KeyFile.path(explicit: keyFile, storeURL: source)
        let keys = try KeyFile.load(sourceKeyFile, create: false)
        let summary = try StoreCopier.copy(from: source, to: target, keys: keys)
        // An SQLite copy gets the key file beside it, where its commands look for it.
        if keys != nil, let sourceKeyFile, let targetKeyFile = try KeyFile.path(explicit: nil, storeURL: target),
            !FileManager.default.fileExists(atPath: targetKeyFile)
        {
            do {
                try FileManager.default.copyItem(atPath: sourceKeyFile, toPath: targetKeyFile)
            } catch {
                throw .storage("copied, but could not write the key file \(targetKeyFile); expected a writable folder (copy \(sourceKeyFile) there by hand)")
            }
        }
        return Summary(procedures: summary.procedures, cases: summary.cases, events: summary.events, head: summary.head)
    }
}
