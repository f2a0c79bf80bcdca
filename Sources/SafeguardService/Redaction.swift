import WorkflowCore

/// What `export --redact` leaves out: every field a workflow's events mark personal
/// (`personal = true`: dates of birth, addresses, opinions), and, in every other text the case
/// holds (an action's warnings, a force's notes, a copy a plugin made under another name), each
/// personal value the case holds, masked as `[field]` by the rule of `PersonalDataMask`.
public struct Redaction: Sendable {
    /// The fields left out; empty when nothing is redacted.
    public let fields: Set<String>
    /// The case's personal values, masked wherever else they appear.
    let mask: PersonalDataMask?

    public static let none = Redaction(fields: [])

    public init(fields: Set<String>) {
        self.fields = fields
        mask = nil
    }

    /// Every field any event of the workflow marks as personal, and the personal values `values`
    /// hold (the case's data, and each of its events' data and changes).
    public init(personalFieldsOf workflow: WorkflowDefinition, values: [[String: Value]] = []) {
        var fields: Set<String> = []
        for field in workflow.events.flatMap(\.fields) where field.personal {
            fields.insert(field.name)
            if let alias = field.caseField { fields.insert(alias) }
        }
        self.fields = fields
        mask = PersonalDataMask(workflow: workflow, values: values)
    }

    public func apply(_ data: [String: Value]) -> [String: Value] {
        let kept = data.filter { !fields.contains($0.key) }
        guard let mask, !mask.isEmpty else { return kept }
        return kept.mapValues(mask.apply)
    }

    public func apply(_ event: RecordedEvent) -> RecordedEvent {
        var redacted = event
        redacted.data = apply(event.data)
        redacted.changes = apply(event.changes)
        return redacted
    }
}
