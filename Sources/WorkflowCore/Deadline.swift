import Foundation

/// A clock's deadline on one case.
public struct Deadline: Sendable, Hashable, Codable {
    public enum Status: String, Sendable, Hashable, Codable {
        case pending
        case met
        case missed
        /// No longer applies: the case ended another way.
        case stopped
    }

    public var clock: String
    public var startedAt: Date
    public var due: Date
    public var status: Status
    /// When it was met, missed or stopped, and by which event.
    public var settledAt: Date?
    public var settledBy: String?

    public init(clock: String, startedAt: Date, due: Date, status: Status = .pending, settledAt: Date? = nil, settledBy: String? = nil) {
        self.clock = clock
        self.startedAt = startedAt
        self.due = due
        self.status = status
        self.settledAt = settledAt
        self.settledBy = settledBy
    }
}
