import Foundation

/// What a force's event may not do to an order or to a statutory clock, whatever states its
/// plugin declares: end, park or revive an order, or end a case a statutory clock still runs on.
extension StatutoryFloor {
    /// Refuses a force's event that moves a case (`current.state` to `transition.to`) out of the
    /// order's states, back into force after the order's end, or into a final state of the force's
    /// own while a statutory clock is pending or a missed one awaits a decision.
    func checkForceMove(
        _ transition: Transition, from current: CaseSnapshot, event: EventDefinition, in workflow: WorkflowDefinition?
    ) throws(WorkflowError) {
        let refusal = "\(event.name) refused by the statutory floor"
        if let order {
            if order.states.contains(current.state) {
                throw .refused(
                    "\(refusal) (\(order.source)): a case leaves \(current.state) only by the national procedure's events (a breach, the court's outcome, the order's expiry); the order lasts its whole period and no force's event ends, suspends or revives it")
            }
            if transition.to == order.inForce,
                let end = current.deadlines.first(where: { $0.clock == order.endClock }), transition.at >= end.due
            {
                throw .refused(
                    "\(refusal) (\(order.source)): entering \(order.inForce) at or after the order's end (\(Instant.format(end.due))); an order is in force only for its period")
            }
        }
        guard workflow?.state(named: transition.to)?.isFinal == true else { return }
        for deadline in current.deadlines.sorted(by: { $0.clock < $1.clock }) {
            guard let source = clocks[deadline.clock], deadline.status == .pending || deadline.needsDecision else { continue }
            let what = deadline.status == .pending ? "is pending" : "was missed and awaits a decision (record_deadline_decision)"
            throw .refused(
                "\(refusal) (\(source)): a force's event ends the case in \(transition.to) while the statutory clock \(deadline.clock) \(what); expected the national procedure's events")
        }
    }
}
