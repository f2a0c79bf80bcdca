import Foundation

/// A force's event the floor refuses on every case, found on the composed procedure so `check`
/// reports it at its `file:line` instead of the first officer who fires it.
extension StatutoryFloor {
    /// Each force event that enters a statutory state from states no case reaches after the
    /// national event that state's entry rules need (`prerequisites`): whatever its data and
    /// actor, the floor refuses it at run time.
    func deadEvents(_ definition: WorkflowDefinition) -> [WorkflowError] {
        var problems: [WorkflowError] = []
        for event in definition.events where !isNational(event.location) {
            // Only the national events move a case out of an order's states (`checkForceMove`).
            if let order, let target = event.target, !order.states.contains(target), case .states(let states) = event.origin,
                !states.isEmpty, states.allSatisfy(order.states.contains)
            {
                problems.append(
                    .script(
                        "event \(event.name) can never leave \(states.joined(separator: " or ")) for \(target): \(order.source) lets only the national procedure's events end an order or take a case out of its states (statutory floor); expected an event that keeps the case where it is (no `to`)",
                        at: event.location))
                continue
            }
            guard let target = event.target, let prerequisite = prerequisites[target], event.name != prerequisite.event,
                let national = definition.event(named: prerequisite.event), let after = national.target
            else { continue }
            let origins: [String]
            switch event.origin {
            case .newCase: continue  // the opening rule reports it
            case .states(let states): origins = states.filter { $0 != target }
            case .anyNonFinal: origins = definition.states.filter { !$0.isFinal && $0.name != target }.map(\.name)
            }
            guard !origins.isEmpty else { continue }
            let reachable = Self.reachable(from: after, in: definition)
            guard !origins.contains(where: reachable.contains) else { continue }
            problems.append(
                .script(
                    "event \(event.name) can never enter \(target): \(prerequisite.source) needs \(prerequisite.event) first, and no case is in \(origins.joined(separator: " or ")) after it (statutory floor); expected an event from a state a case reaches after \(prerequisite.event)",
                    at: event.location))
        }
        return problems
    }

    /// The states a case can be in from `state` on, `state` included, by any of the events.
    static func reachable(from state: String, in definition: WorkflowDefinition) -> Set<String> {
        var seen: Set<String> = [state]
        var queue = [state]
        while let current = queue.popLast() {
            let isFinal = definition.state(named: current)?.isFinal ?? false
            for event in definition.events {
                let leaves: Bool
                switch event.origin {
                case .newCase: leaves = false
                case .states(let states): leaves = states.contains(current)
                case .anyNonFinal: leaves = !isFinal
                }
                if leaves, let next = event.target, !seen.contains(next) {
                    seen.insert(next)
                    queue.append(next)
                }
            }
        }
        return seen
    }
}
