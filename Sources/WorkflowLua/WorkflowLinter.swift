import WorkflowCore

/// Mistakes in a workflow's shape that load without error: states no case can reach, and states
/// that are not final but that no event leads out of.
struct WorkflowLinter {
    let definition: WorkflowDefinition

    func check(into findings: Findings) {
        var reachable = Set(definition.events.filter { $0.origin == .newCase }.compactMap(\.target))
        var frontier = Array(reachable)
        while let state = frontier.popLast() {
            for event in definition.events(allowedIn: state) {
                if let target = event.target, !reachable.contains(target) {
                    reachable.insert(target)
                    frontier.append(target)
                }
            }
        }
        for state in definition.states where !reachable.contains(state.name) {
            findings.warn("state \(state.name) of \(definition.name) cannot be reached from a new case; expected an event that leads to it", at: state.location)
        }
        for state in definition.states where !state.isFinal {
            let leaving = definition.eventsForPeople(in: state.name).filter { $0.target != nil && $0.target != state.name }
            if leaving.isEmpty {
                findings.collect { () throws(WorkflowError) in
                    throw .script(
                        "state \(state.name) of \(definition.name) is not final, but no event leads out of it; expected an event from it, or final = true",
                        at: state.location)
                }
            }
        }
    }
}
