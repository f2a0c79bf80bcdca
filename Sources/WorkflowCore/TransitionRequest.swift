import Foundation

/// One event someone asks to record on a case.
public struct TransitionRequest: Sendable, Hashable {
    public var caseID: String
    public var event: String
    public var at: Date
    public var actor: Actor
    public var data: [String: Value]
    /// Makes the request idempotent: an event id already recorded is not applied again.
    public var eventID: String?
    /// For the event that opens a case: the workflow and force.
    public var workflow: String?
    public var force: String?
    /// The engine version that recorded the event, when it is replayed: an opening event recorded by
    /// engine 0.1 opens the case under its rule (`CaseDataRule`). Nil for a new event: this engine.
    public var engineVersion: String?

    public init(
        caseID: String, event: String, at: Date, actor: Actor, data: [String: Value] = [:],
        eventID: String? = nil, workflow: String? = nil, force: String? = nil
    ) {
        self.caseID = Identifier.normalized(caseID)
        self.event = event
        self.at = at
        var actor = actor
        actor.id = Identifier.normalized(actor.id)
        self.actor = actor
        self.data = data
        self.eventID = eventID.map(Identifier.normalized)
        self.workflow = workflow
        self.force = force
    }
}
