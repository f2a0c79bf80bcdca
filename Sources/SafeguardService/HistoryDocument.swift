import WorkflowCore

/// `history CASE --json`: a case's events, oldest first.
public struct HistoryDocument: Encodable {
    public var caseID: String
    public var events: [RecordedEvent]

    public init(caseID: String, events: [RecordedEvent]) {
        self.caseID = caseID
        self.events = events
    }

    public func encode(to encoder: any Encoder) throws {
        try Value.object(["case": .string(caseID), "events": .array(events.map(Rendering.eventValue))]).encode(to: encoder)
    }
}
