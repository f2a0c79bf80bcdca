import WorkflowCore

/// `history CASE --json`: a case's events, oldest first.
public struct HistoryDocument: Encodable {
    public var caseID: String
    public var events: [RecordedEvent]
    /// The imports (`apply --import-as`) that wrote any of the events, by register version: who ran
    /// each and why.
    public var imports: [String: RegisterChange]

    public init(caseID: String, events: [RecordedEvent], imports: [String: RegisterChange] = [:]) {
        self.caseID = caseID
        self.events = events
        self.imports = imports
    }

    /// The import that wrote `event`, if it was imported.
    public func importChange(of event: RecordedEvent) -> RegisterChange? {
        guard event.actor.authentication?.hasPrefix("import:") == true, let version = event.actor.registerVersion else { return nil }
        return imports[version]
    }

    public func encode(to encoder: any Encoder) throws {
        let values = events.map { event -> Value in
            var value = Rendering.eventValue(event)
            if let change = importChange(of: event), case .object(var fields) = value {
                fields["import"] = .object([
                    "change": .string(change.version), "by": .string(change.by), "reason": .string(change.reason),
                    "recorded_at": Rendering.instant(change.recordedAt),
                ])
                value = .object(fields)
            }
            return value
        }
        try Value.object(["case": .string(caseID), "events": .array(values)]).encode(to: encoder)
    }
}
