import Foundation

/// A pending deadline whose due time moved because the bank-holiday table changed.
public struct DeadlineChange: Sendable, Hashable {
    public var clock: String
    public var startedAt: Date
    public var oldDue: Date
    public var newDue: Date
    public var oldTableVersion: String?
    public var newTableVersion: String

    public init(clock: String, startedAt: Date, oldDue: Date, newDue: Date, oldTableVersion: String?, newTableVersion: String) {
        self.clock = clock
        self.startedAt = startedAt
        self.oldDue = oldDue
        self.newDue = newDue
        self.oldTableVersion = oldTableVersion
        self.newTableVersion = newTableVersion
    }
}
