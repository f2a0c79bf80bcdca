import WorkflowCore

/// What `export --redact` leaves out: every field a workflow's events mark personal
/// (`personal = true`: dates of birth, addresses, opinions).
public struct Redaction: Sendable {
    /// The fields left out; empty when nothing is redacted.
    public let fields: Set<String>

    public static let none = Redaction(fields: [])

    public init(fields: Set<String>) { self.fields = fields }

    /// Every field any event of the workflow marks as personal.
    public init(personalFieldsOf workflow: WorkflowDefinition) {
        fields = Set(workflow.events.flatMap(\.fields).filter(\.personal).map(\.name))
    }

    public func apply(_ data: [String: Value]) -> [String: Value] {
        data.filter { !fields.contains($0.key) }
    }

    public func apply(_ event: RecordedEvent) -> RecordedEvent {
        var redacted = event
        redacted.data = apply(event.data)
        redacted.changes = apply(event.changes)
        return redacted
    }
}
