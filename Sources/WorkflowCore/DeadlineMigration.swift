import Foundation

/// What migrating a case does to one pending deadline: its new due time, or nil when the new
/// procedure no longer has the clock (the deadline stops).
public struct DeadlineMigration: Sendable, Hashable {
    public var clock: String
    public var startedAt: Date
    public var oldDue: Date
    public var newDue: Date?

    public init(clock: String, startedAt: Date, oldDue: Date, newDue: Date?) {
        self.clock = clock
        self.startedAt = startedAt
        self.oldDue = oldDue
        self.newDue = newDue
    }
}
