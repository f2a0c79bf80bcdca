import WorkflowCore

/// Adds "did you mean" to the engine's refusals of a misspelt event, role or field: the engine
/// says what it does not know and what it expects; this names the nearest of what it expects.
///
///     unknown event "authorise" in workflow dvpo (did you mean "authorise_notice"?); expected one of: …
enum NameSuggestion {
    static func add(to error: WorkflowError, _ request: TransitionRequest, workflow: WorkflowDefinition) -> WorkflowError {
        guard error.kind == .badInput, error.location == nil else { return error }
        var error = error
        let reason = error.reason
        if reason.hasPrefix("unknown event \"\(request.event)\"") {
            error.reason = insert(NearestName.didYouMean(request.event, among: workflow.events.filter { !$0.isEngineOnly }.map(\.name)), into: reason)
        } else if reason.hasPrefix("unknown role \"\(request.actor.role)\"") {
            let roles = Rank.allCases.map(\.name) + workflow.staffRoles
            error.reason = insert(NearestName.didYouMean(request.actor.role, among: roles), into: reason)
        } else if reason.hasPrefix("field \""), let event = workflow.event(named: request.event),
            let name = request.data.keys.sorted().first(where: { event.field(named: $0) == nil }),
            reason.hasPrefix("field \"\(name)\" is not part of")
        {
            error.reason = insert(NearestName.didYouMean(name, among: event.fields.map(\.name)), into: reason)
        }
        return error
    }

    /// The suggestion before the first `; expected`.
    private static func insert(_ suggestion: String, into reason: String) -> String {
        guard !suggestion.isEmpty, let range = reason.range(of: "; expected") else { return reason }
        return reason[..<range.lowerBound] + suggestion + reason[range.lowerBound...]
    }
}
