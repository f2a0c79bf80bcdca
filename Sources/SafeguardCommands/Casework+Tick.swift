import Foundation
import WorkflowCore

/// `tick`: fires what the clocks make due.
extension Casework {
    /// What one tick did to one deadline.
    struct TickResult {
        var deadline: OpenDeadline
        var outcome: Result<RecordOutcome, WorkflowError>
    }

    /// For every pending deadline due at or before `at`: the clock's `fires` event (expire_order
    /// at an order's end) or its `on_missed` event (a missed hearing or production deadline),
    /// recorded with the engine's clock as actor at the deadline's time. Each carries an event id
    /// made from the case, clock and start, so a second tick at the same time changes nothing.
    func tick(at: Date, force: String?) throws(WorkflowError) -> [TickResult] {
        var results: [TickResult] = []
        for deadline in try store.openDeadlines(dueBefore: at.addingTimeInterval(0.001), orMissed: false, force: force)
        where deadline.status == .pending {
            let engine = try engine(for: try snapshot(deadline.caseID))
            guard let clock = engine.workflow.clock(named: deadline.clock),
                let event = clock.fires ?? clock.onMissed
            else { continue }
            let data: [String: Value] = clock.fires != nil ? [:] : ["clock": .string(deadline.clock)]
            let eventID = "tick:\(deadline.caseID):\(deadline.clock):\(Instant.formatUTC(deadline.startedAt))"
            do throws(WorkflowError) {
                let outcome = try store.record(caseID: deadline.caseID, eventID: eventID) { current throws(WorkflowError) in
                    guard let current else { throw .unknownCase(deadline.caseID) }
                    let request = TransitionRequest(
                        caseID: deadline.caseID, event: event, at: max(deadline.due, current.updatedAt),
                        actor: .engineClock, data: data, eventID: eventID)
                    return try engine.transition(current, request)
                }
                results.append(TickResult(deadline: deadline, outcome: .success(outcome)))
            } catch {
                results.append(TickResult(deadline: deadline, outcome: .failure(error)))
            }
        }
        return results
    }
}
