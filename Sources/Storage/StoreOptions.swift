import Foundation
import Ledger

/// How a command opens its store: for reading only or for writing, how long to wait for another
/// writer, how durable each commit is, and whether to check the file before writing into it.
public struct StoreOptions: Sendable, Equatable {
    public enum Access: Sendable, Equatable {
        /// Commands that only read: never waits for a writer, never changes the file.
        case readOnly
        case readWrite
    }

    /// What a commit promises when it returns.
    public enum Durability: String, Sendable, Equatable, CaseIterable {
        /// Each commit is on disk before it returns (SQLite `synchronous=FULL`): a legal record.
        case full
        /// Faster bulk loads: a power cut may lose the last commits, never corrupt the file (`NORMAL`).
        case normal
    }

    public var access: Access
    /// Seconds a writer waits for another process's write lock before giving up with a conflict.
    public var busyTimeout: TimeInterval
    public var durability: Durability
    /// Run SQLite's quick check before the first write, refusing to write into a damaged file.
    public var checkIntegrity: Bool
    /// The longest a batch holds the write lock before committing what it has and taking the lock
    /// again for the rest, so other writers wait well under their busy timeout.
    public var maxTransactionSeconds: Double = 0.25
    /// The record's keys (kept outside the database): what is written is authenticated with the
    /// current one, and `verify` checks every MAC. Nil: rows are written without MACs.
    public var keys: ChainKeys?

    public init(access: Access = .readWrite, busyTimeout: TimeInterval = 5, durability: Durability = .full, checkIntegrity: Bool = false) {
        self.access = access
        self.busyTimeout = busyTimeout
        self.durability = durability
        self.checkIntegrity = checkIntegrity
    }
}
