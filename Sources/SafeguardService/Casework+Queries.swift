import Foundation
import WorkflowCore

/// Reading cases: what `show`, `history`, `list`, `due` and `fire --explain` print.
extension Casework {
    /// The case as it stands, with the events people may fire next (nil when its procedure
    /// cannot be loaded).
    public func show(_ caseID: String) throws(WorkflowError) -> CaseDocument {
        let snapshot = try snapshot(caseID)
        let next = (try? engine(for: snapshot))?.workflow.eventsForPeople(in: snapshot.state).map(\.name)
        return CaseDocument(snapshot: snapshot, nextEvents: next)
    }

    /// A case's events, oldest first.
    public func history(_ caseID: String) throws(WorkflowError) -> HistoryDocument {
        _ = try snapshot(caseID)
        return HistoryDocument(caseID: caseID, events: try store.history(caseID))
    }

    /// Cases, optionally only those in a state or of a force.
    public func list(state: String?, force: String?) throws(WorkflowError) -> [CaseSnapshot] {
        try store.list(state: state, force: force)
    }

    /// Pending deadlines due before `horizon` (all of them when nil), and every missed one,
    /// soonest first, judged at `at`. Read from the deadline index, not a scan of every case.
    public func due(at: Date, horizon: Date?, force: String?) throws(WorkflowError) -> DueDocument {
        let deadlines = try store.openDeadlines(dueBefore: horizon?.addingTimeInterval(0.001), orMissed: true, force: force)
        var notes: [Int: String] = [:]
        for (index, deadline) in deadlines.enumerated() where deadline.status == .pending {
            if let note = try plannedLate(deadline) { notes[index] = note }
        }
        return DueDocument(at: at, deadlines: deadlines, notes: notes)
    }

    /// "listed for …, after the deadline" when the clock's `planned_by` instant in the case's
    /// data falls after the deadline. Reads the case only for clocks that declare `planned_by`.
    func plannedLate(_ deadline: OpenDeadline) throws(WorkflowError) -> String? {
        guard let snapshot = try store.snapshot(deadline.caseID),
            let clock = try engine(for: snapshot).workflow.clock(named: deadline.clock), let field = clock.plannedBy,
            let text = snapshot.data[field]?.stringValue, let planned = Instant.parse(text), planned > deadline.due
        else { return nil }
        return "\(field) \(Instant.format(planned)), after the deadline"
    }

    /// Every check that would allow or block the request, changing nothing.
    public func explain(_ request: TransitionRequest) throws(WorkflowError) -> [CheckResult] {
        let snapshot = try snapshot(request.caseID)
        return try engine(for: snapshot).explain(snapshot, request)
    }
}
