import Foundation

extension TransitionEngine {
    /// The case's deadlines after an event: clocks it starts begin, clocks it meets are met, and
    /// an event that ends the case stops whatever is still pending.
    func updatedDeadlines(
        _ deadlines: [Deadline], event: EventDefinition, data: [String: Value], at: Date, target: String
    ) throws(WorkflowError) -> [Deadline] {
        var result = deadlines
        for clock in workflow.clocks {
            if clock.metBy.contains(event.name) || clock.stoppedBy.contains(event.name) {
                let status: Deadline.Status = clock.metBy.contains(event.name) ? .met : .stopped
                for index in result.indices where result[index].clock == clock.name && result[index].status == .pending {
                    let late = at > result[index].due && clock.rule.lateMeansMissed
                    result[index].status = status == .met && late ? .missed : status
                    result[index].settledAt = at
                    result[index].settledBy = event.name
                }
            }
            if clock.startedBy.contains(event.name) {
                result.append(Deadline(clock: clock.name, startedAt: at, due: try due(clock, event: event, data: data, at: at)))
            }
        }
        if workflow.state(named: target)?.isFinal == true {
            for index in result.indices where result[index].status == .pending {
                result[index].status = .stopped
                result[index].settledAt = at
                result[index].settledBy = event.name
            }
        }
        return result
    }

    private func due(_ clock: ClockDefinition, event: EventDefinition, data: [String: Value], at: Date) throws(WorkflowError) -> Date {
        switch clock.rule {
        case .orderPeriod(let daysField):
            guard let days = data[daysField]?.integerValue else {
                throw .script("\(clock.location): clock \(clock.name) needs whole-number field \"\(daysField)\" on \(event.name)")
            }
            return OrderPeriod.end(madeOn: London.date(of: at), days: days)
        }
    }
}
