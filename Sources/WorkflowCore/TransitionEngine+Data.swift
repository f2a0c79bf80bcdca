extension TransitionEngine {
    /// The event's data with every field present that must be, none that the event does not
    /// take, and each of its type. Error text names the field and the type, never the value.
    func checkedData(_ event: EventDefinition, _ given: [String: Value]) throws(WorkflowError) -> [String: Value] {
        try checkKnownFields(event, given)
        var data: [String: Value] = [:]
        for field in event.fields {
            if let accepted = try check(field, of: event, given) { data[field.name] = accepted }
        }
        return data
    }

    /// Every given field is one the event takes.
    func checkKnownFields(_ event: EventDefinition, _ given: [String: Value]) throws(WorkflowError) {
        if let name = given.keys.filter({ event.field(named: $0) == nil }).min() {
            let expected = event.fields.isEmpty ? "no data" : event.fields.map(\.name).joined(separator: ", ")
            // A name that is not a field name may be free text typed as a key: it is not echoed.
            let named = Self.echoes(name) ? "field \"\(name)\"" : "a field named otherwise than in lower-case letters, digits and _ (\(name.count) characters)"
            throw .badInput("\(named) is not part of \(event.name); expected: \(expected)")
        }
    }

    /// One field: its value in stored form, nil when it is absent and need not be given.
    func check(_ field: FieldSpec, of event: EventDefinition, _ given: [String: Value]) throws(WorkflowError) -> Value? {
        guard let value = given[field.name], value != .null else {
            if field.isRequired(given: given) {
                throw .badInput("\(event.name) needs field \"\(field.name)\": expected \(field.type)\(Self.condition(field))")
            }
            return nil
        }
        guard let accepted = field.type.accept(value) else {
            let got = (value.stringValue.map { $0.allSatisfy(\.isWhitespace) } ?? false) ? "empty text" : value.kindName
            throw .badInput("field \"\(field.name)\" of \(event.name) must be \(field.type); got \(got)")
        }
        return accepted
    }

    private static func condition(_ field: FieldSpec) -> String {
        switch field.requirement {
        case .requiredIf(let other): " (required when \(other) is true)"
        case .requiredUnless(let other): " (required unless \(other) is true)"
        default: ""
        }
    }
}
