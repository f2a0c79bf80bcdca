import Foundation

/// One event in a case's history, as stored.
public struct RecordedEvent: Sendable, Hashable, Codable {
    /// 1 for the event that opened the case, then one more for each event.
    public var sequence: Int
    public var caseID: String
    public var event: String
    public var eventID: String?
    public var from: String?
    public var to: String
    public var at: Date
    public var recordedAt: Date
    public var actor: Actor
    public var data: [String: Value]
    public var changes: [String: Value]
    public var guardsPassed: [String]
    public var procedure: String
    /// The bank-holiday table version in force when it was decided.
    public var tableVersion: String?
    public var engineVersion: String

    public init(
        sequence: Int, caseID: String, event: String, eventID: String?, from: String?, to: String, at: Date,
        recordedAt: Date, actor: Actor, data: [String: Value], changes: [String: Value], guardsPassed: [String],
        procedure: String, tableVersion: String? = nil, engineVersion: String = EngineVersion.current
    ) {
        self.tableVersion = tableVersion
        self.engineVersion = engineVersion
        self.sequence = sequence
        self.caseID = caseID
        self.event = event
        self.eventID = eventID
        self.from = from
        self.to = to
        self.at = at
        self.recordedAt = recordedAt
        self.actor = actor
        self.data = data
        self.changes = changes
        self.guardsPassed = guardsPassed
        self.procedure = procedure
    }

    public init(_ transition: Transition, recordedAt: Date) {
        self.init(
            sequence: transition.snapshot.version, caseID: transition.caseID, event: transition.event,
            eventID: transition.eventID, from: transition.from, to: transition.to, at: transition.at,
            recordedAt: recordedAt, actor: transition.actor, data: transition.data, changes: transition.changes,
            guardsPassed: transition.guardsPassed, procedure: transition.snapshot.procedure,
            tableVersion: transition.tableVersion, engineVersion: transition.engineVersion)
    }
}
