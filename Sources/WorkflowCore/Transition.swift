import Foundation

/// What the core decided for one event: the event as it will be recorded and the case after it.
public struct Transition: Sendable, Hashable {
    public var caseID: String
    public var event: String
    public var eventID: String?
    /// nil when the event opened the case.
    public var from: String?
    public var to: String
    public var at: Date
    public var actor: Actor
    /// The event's data as given (after type checks).
    public var data: [String: Value]
    /// What the actions proposed and the core applied, beyond the event's own data.
    public var changes: [String: Value]
    /// Each guard that allowed the event, with its location.
    public var guardsPassed: [String]
    public var snapshot: CaseSnapshot
    /// The bank-holiday table the engine held when it decided.
    public var tableVersion: String?
    /// The engine version that decided it (an earlier one only when a recorded event is replayed).
    public var engineVersion: String = EngineVersion.current

    public init(
        caseID: String, event: String, eventID: String?, from: String?, to: String, at: Date, actor: Actor,
        data: [String: Value], changes: [String: Value], guardsPassed: [String], snapshot: CaseSnapshot
    ) {
        self.caseID = caseID
        self.event = event
        self.eventID = eventID
        self.from = from
        self.to = to
        self.at = at
        self.actor = actor
        self.data = data
        self.changes = changes
        self.guardsPassed = guardsPassed
        self.snapshot = snapshot
    }

    /// The same transition, noting the holiday table that was in force.
    public func with(tableVersion: String?) -> Transition {
        var copy = self
        copy.tableVersion = tableVersion
        return copy
    }
}
