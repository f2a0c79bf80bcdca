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

    /// - Throws: `badInput` when `to` already holds cases; `storage` when the heads differ or verify finds a problem.
    public static func copy(from source: String, to target: String) throws(WorkflowError) -> Summary {
        let summary = try StoreCopier.copy(from: source, to: target)
        return Summary(procedures: summary.procedures, cases: summary.cases, events: summary.events, head: summary.head)
    }
}
