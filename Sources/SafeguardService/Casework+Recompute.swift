import Foundation
import WorkflowCore

/// `recompute`: moving pending deadlines onto an updated bank-holiday table.
extension Casework {
    /// For each case with pending deadlines (of `force`, or all), the deadlines that move under
    /// the bank-holiday table as it is now, by case id; unless `dryRun`, each such case gets one
    /// recompute_deadlines event at `at`.
    public func recompute(force: String?, dryRun: Bool, at: Date) throws(WorkflowError) -> [(caseID: String, changes: [DeadlineChange])] {
        var moved: [(caseID: String, changes: [DeadlineChange])] = []
        for caseID in Set(try store.openDeadlines(dueBefore: nil, orMissed: false, force: force).map(\.caseID)).sorted() {
            let snapshot = try snapshot(caseID)
            // The case's own procedure, with the bank-holiday table as it is now.
            let pinned = try engine(for: snapshot)
            let engine = TransitionEngine(
                workflow: pinned.workflow, procedure: pinned.procedure, calendar: try procedure(force: snapshot.force).calendar)
            let changes = try engine.deadlineChanges(snapshot)
            guard !changes.isEmpty else { continue }
            if !dryRun {
                _ = try store.record(caseID: caseID, eventID: nil) { current throws(WorkflowError) in
                    guard let current, let transition = try engine.recompute(current, at: at) else {
                        throw .conflict("case \(caseID) changed while its deadlines were recomputed; expected to run recompute again")
                    }
                    return transition
                }
            }
            moved.append((caseID, changes))
        }
        return moved
    }
}
