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
    /// The bank-holiday table version a counted-time deadline was computed with.
    public var tableVersion: String?
    /// Why the deadline is earlier than its clock alone would give (`listed_for`).
    public var cappedBy: String?
    /// What a person recorded about a missed deadline, and when.
    public var decision: String?
    public var decidedAt: Date?
    /// Missed on a clock nobody decides on (a force's own schedule, no `decided_by`): the miss is
    /// recorded and counted, and nothing awaits a decision.
    public var recordedOnly: Bool = false

    public init(
        clock: String, startedAt: Date, due: Date, status: Status = .pending, settledAt: Date? = nil,
        settledBy: String? = nil, tableVersion: String? = nil, cappedBy: String? = nil
    ) {
        self.clock = clock
        self.startedAt = startedAt
        self.due = due
        self.status = status
        self.settledAt = settledAt
        self.settledBy = settledBy
        self.tableVersion = tableVersion
        self.cappedBy = cappedBy
    }

    /// A missed deadline nobody has yet recorded a decision on: a compliance failure to act on.
    public var needsDecision: Bool { status == .missed && decision == nil && !recordedOnly }
}
