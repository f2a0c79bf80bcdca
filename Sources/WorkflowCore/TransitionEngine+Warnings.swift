extension TransitionEngine {
    /// The key under which an action proposes warnings, and under which the event records them:
    /// a force's practice that the law does not require is shown to the officer, never refused.
    ///
    ///     essex:action("apply_for_order", "prefer_legal_team", function(case, event)
    ///       return { warnings = { "Essex: Legal Services usually presents applications" } }
    ///     end)
    public static let warningsKey = "warnings"

    /// An action's proposed warnings: one text, or a list of texts.
    static func warnings(_ value: Value, from action: Action, of event: EventDefinition) throws(WorkflowError) -> [Value] {
        switch value {
        case .string: return [value]
        case .object(let fields) where fields.isEmpty: return []  // an empty Lua table
        case .array(let items) where items.allSatisfy({ $0.stringValue != nil }): return items
        default:
            throw .script(
                "\(action.location): action \(action.name) of \(event.name) proposed warnings of \(value.kindName); expected a text or a list of texts")
        }
    }
}
