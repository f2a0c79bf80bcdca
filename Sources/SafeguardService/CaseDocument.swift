import WorkflowCore

/// `show CASE --json`: the case as it stands, and the events people may fire next (null when its
/// procedure cannot be loaded).
public struct CaseDocument: Encodable {
    public var snapshot: CaseSnapshot
    public var nextEvents: [String]?
    /// `claimed` when the store keeps no staff register (actors and roles are as typed, not
    /// proven), `registered` when it does; nil when not known.
    public var identities: String?

    public init(snapshot: CaseSnapshot, nextEvents: [String]?, identities: String? = nil) {
        self.snapshot = snapshot
        self.nextEvents = nextEvents
        self.identities = identities
    }

    public func encode(to encoder: any Encoder) throws {
        guard case .object(var object) = Rendering.caseValue(snapshot) else { return }
        object["next_events"] = nextEvents.map { .array($0.map(Value.string)) } ?? .null
        object["identities"] = identities.map(Value.string)
        try Value.object(object).encode(to: encoder)
    }
}
