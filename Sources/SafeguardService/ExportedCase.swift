import WorkflowCore

/// One case as `export` writes it: its snapshot and events with the redacted fields left out.
public struct ExportedCase: Encodable {
    /// The case, its data redacted.
    public var snapshot: CaseSnapshot
    /// Its events, oldest first, their data and changes redacted.
    public var events: [RecordedEvent]
    /// The fields left out, when redacting; nil when not.
    public var redacted: [String]?
    /// Each voided event's sequence, and the sequence of the `void_event` that voided it: counts
    /// taken from an export leave these out, as `report` does.
    public var voidedBy: [Int: Int]

    public init(snapshot: CaseSnapshot, events: [RecordedEvent], redacted: [String]?) {
        self.snapshot = snapshot
        self.events = events
        self.redacted = redacted
        voidedBy = Self.voids(in: events)
    }

    /// Which void voided which event, from the `void_event`s' `event` numbers.
    static func voids(in events: [RecordedEvent]) -> [Int: Int] {
        var result: [Int: Int] = [:]
        for event in events where event.event == Casework.voidEvent {
            if let voided = event.data["event"]?.integerValue { result[voided] = event.sequence }
        }
        return result
    }

    /// A JSON Lines row: the case as `show --json` has it, with `events` (and `redacted`); each
    /// event has `voided_by`, the void's sequence for a voided event, else null.
    public func encode(to encoder: any Encoder) throws {
        guard case .object(var object) = Rendering.caseValue(snapshot) else { return }
        object["events"] = .array(
            events.map { event in
                guard case .object(var fields) = Rendering.eventValue(event) else { return Rendering.eventValue(event) }
                fields["voided_by"] = voidedBy[event.sequence].map { .integer($0) } ?? .null
                return .object(fields)
            })
        if let redacted { object["redacted"] = .array(redacted.map(Value.string)) }
        try Value.object(object).encode(to: encoder)
    }
}
