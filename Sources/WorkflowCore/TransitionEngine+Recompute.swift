import Foundation

extension TransitionEngine {
    /// The engine's own event that records deadlines recomputed under a new holiday table. It is
    /// not declared by workflows: no person fires it, and it never changes a case's state.
    public static let recomputeEvent = "recompute_deadlines"

    /// What a new bank-holiday table changes on a case: every pending counted-time deadline computed
    /// with another table version is computed again from its start (a hearing listed sooner still
    /// caps it), and those whose time moves are returned. Met and missed deadlines are history and
    /// stay as they were.
    public func deadlineChanges(_ snapshot: CaseSnapshot) throws(WorkflowError) -> [DeadlineChange] {
        guard let calendar else { return [] }
        var changes: [DeadlineChange] = []
        for deadline in snapshot.deadlines where deadline.status == .pending && deadline.tableVersion != nil && deadline.tableVersion != calendar.version {
            var due: Date
            switch workflow.clock(named: deadline.clock)?.rule {
            case .countedHours(let rule): due = try StatutoryClock.deadline(from: deadline.startedAt, rule: rule, table: calendar).due
            case .workingDays(let days): due = try WorkingDays.deadline(from: deadline.startedAt, days: days, table: calendar).due
            default: continue
            }
            if let field = deadline.cappedBy, let text = snapshot.data[field]?.stringValue, let sooner = Instant.parse(text), sooner < due {
                due = sooner
            }
            guard due != deadline.due else { continue }
            changes.append(
                DeadlineChange(
                    clock: deadline.clock, startedAt: deadline.startedAt, oldDue: deadline.due, newDue: due,
                    oldTableVersion: deadline.tableVersion, newTableVersion: calendar.version))
        }
        return changes
    }

    /// The transition recording `deadlineChanges`, by the engine's clock, or nil when nothing changes.
    public func recompute(_ snapshot: CaseSnapshot, at: Date) throws(WorkflowError) -> Transition? {
        let changes = try deadlineChanges(snapshot)
        guard !changes.isEmpty, let calendar else { return nil }
        var next = snapshot
        for change in changes {
            guard let index = next.deadlines.firstIndex(where: { $0.clock == change.clock && $0.startedAt == change.startedAt }) else { continue }
            next.deadlines[index].due = change.newDue
            next.deadlines[index].tableVersion = calendar.version
        }
        let when = max(at, snapshot.updatedAt)
        next.version += 1
        next.updatedAt = when
        let data: [String: Value] = [
            "table_version": .string(calendar.version),
            "changes": .array(
                changes.map { change in
                    .object([
                        "clock": .string(change.clock), "started_at": .string(Instant.formatUTC(change.startedAt)),
                        "old_due": .string(Instant.formatUTC(change.oldDue)), "new_due": .string(Instant.formatUTC(change.newDue)),
                        "old_table_version": change.oldTableVersion.map(Value.string) ?? .null,
                    ])
                }),
        ]
        return Transition(
            caseID: snapshot.id, event: Self.recomputeEvent, eventID: nil, from: snapshot.state, to: snapshot.state, at: when,
            actor: .engineClock, data: data, changes: [:], guardsPassed: [], snapshot: next
        ).with(tableVersion: calendar.version)
    }
}
