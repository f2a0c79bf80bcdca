import WorkflowCore

/// One case as `export` writes it: its snapshot and events with the redacted fields left out.
public struct ExportedCase: Encodable {
    /// The case, its data redacted.
    public var snapshot: CaseSnapshot
    /// Its events, oldest first, their data and changes redacted.
    public var events: [RecordedEvent]
    /// The fields left out, when redacting; nil when not.
    public var redacted: [String]?

    /// A JSON Lines row: the case as `show --json` has it, with `events` (and `redacted`).
    public func encode(to encoder: any Encoder) throws {
        guard case .object(var object) = Rendering.caseValue(snapshot) else { return }
        object["events"] = .array(events.map(Rendering.eventValue))
        if let redacted { object["redacted"] = .array(redacted.map(Value.string)) }
        try Value.object(object).encode(to: encoder)
    }
}
