import Foundation

/// A case as it stands after its latest event.
public struct CaseSnapshot: Sendable, Hashable, Codable {
    public var id: String
    public var workflow: String
    public var force: String
    public var state: String
    public var data: [String: Value]
    public var deadlines: [Deadline]
    /// How many events the case has: the sequence number of its latest.
    public var version: Int
    /// The hash of the procedure the case runs under.
    public var procedure: String
    /// The force plugins layered on the national procedure for this case, `name version`.
    public var plugins: [String]?
    public var openedAt: Date
    /// The time of the latest event.
    public var updatedAt: Date
    /// The time of the latest event that changed the case's state (or opened it): an event may be
    /// recorded with its true earlier time, but not before this. Nil in snapshots written before
    /// it was kept, where `updatedAt` stands in.
    public var stateChangedAt: Date?
    /// Which of each event's data the case keeps; nil in cases opened by engine 0.1, which merged
    /// every event's data whole (`CaseDataRule.mergedWhole`).
    public var dataRule: CaseDataRule?

    /// The rule this case's events are recorded under.
    public var effectiveDataRule: CaseDataRule { dataRule ?? .mergedWhole }

    public init(
        id: String, workflow: String, force: String, state: String, data: [String: Value] = [:],
        deadlines: [Deadline] = [], version: Int, procedure: String, openedAt: Date, updatedAt: Date
    ) {
        self.id = id
        self.workflow = workflow
        self.force = force
        self.state = state
        self.data = data
        self.deadlines = deadlines
        self.version = version
        self.procedure = procedure
        self.openedAt = openedAt
        self.updatedAt = updatedAt
        self.stateChangedAt = openedAt
    }

    public func deadline(_ clock: String) -> Deadline? { deadlines.last { $0.clock == clock } }
}
