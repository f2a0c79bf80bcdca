import WorkflowCore

/// `show CASE --json`: the case as it stands, and the events people may fire next (null when its
/// procedure cannot be loaded).
public struct CaseDocument: Encodable {
    public var snapshot: CaseSnapshot
    public var nextEvents: [String]?

    public init(snapshot: CaseSnapshot, nextEvents: [String]?) {
        self.snapshot = snapshot
        self.nextEvents = nextEvents
    }

    public func encode(to encoder: any Encoder) throws {
        guard case .object(var object) = Rendering.caseValue(snapshot) else { return }
        object["next_events"] = nextEvents.map { .array($0.map(Value.string)) } ?? .null
        try Value.object(object).encode(to: encoder)
    }
}
