import Foundation

extension TransitionEngine {
    /// The event that records a case moved onto another procedure version. Not declared by
    /// workflows: an administrator runs `safeguard migrate`, and the state never changes.
    public static let migrateEvent = "migrate_procedure"

    /// What moving `snapshot` onto this engine's procedure would do: whether its state still
    /// exists, and what happens to each pending deadline. A refusal when the state is gone and
    /// `stateMap` does not say which state of this procedure the case moves to.
    public func migration(of snapshot: CaseSnapshot, stateMap: [String: String] = [:]) throws(WorkflowError) -> [DeadlineMigration] {
        _ = try migratedState(of: snapshot, stateMap: stateMap)
        var result: [DeadlineMigration] = []
        for deadline in snapshot.deadlines where deadline.status == .pending {
            guard let clock = workflow.clock(named: deadline.clock) else {
                result.append(DeadlineMigration(clock: deadline.clock, startedAt: deadline.startedAt, oldDue: deadline.due, newDue: nil))
                continue
            }
            var due = try restart(clock, from: deadline.startedAt, data: snapshot.data) ?? deadline.due
            if let field = deadline.cappedBy, let text = snapshot.data[field]?.stringValue, let sooner = Instant.parse(text), sooner < due {
                due = sooner
            }
            result.append(DeadlineMigration(clock: deadline.clock, startedAt: deadline.startedAt, oldDue: deadline.due, newDue: due))
        }
        return result
    }

    /// The transition moving the case onto this engine's procedure, recorded by `actor` with a reason.
    public func migrate(_ snapshot: CaseSnapshot, at: Date, actor: Actor, reason: String, stateMap: [String: String] = [:]) throws(WorkflowError) -> Transition
    {
        let moves = try migration(of: snapshot, stateMap: stateMap)
        let state = try migratedState(of: snapshot, stateMap: stateMap)
        var next = snapshot
        next.state = state
        for move in moves {
            guard let index = next.deadlines.firstIndex(where: { $0.clock == move.clock && $0.startedAt == move.startedAt }) else { continue }
            if let due = move.newDue {
                next.deadlines[index].due = due
                switch workflow.clock(named: move.clock)?.rule {
                case .countedHours, .workingDays: next.deadlines[index].tableVersion = calendar?.version
                default: break
                }
            } else {
                next.deadlines[index].status = .stopped
                next.deadlines[index].settledAt = at
                next.deadlines[index].settledBy = Self.migrateEvent
            }
        }
        let when = max(at, snapshot.updatedAt)
        next.procedure = procedure
        next.plugins = workflow.plugins.map { "\($0.name) \($0.version)" }
        next.version += 1
        next.updatedAt = when
        var data: [String: Value] = [
            "reason": .string(reason), "from_procedure": .string(snapshot.procedure), "to_procedure": .string(procedure),
            "deadlines": .array(
                moves.map { move in
                    .object([
                        "clock": .string(move.clock), "old_due": .string(Instant.formatUTC(move.oldDue)),
                        "new_due": move.newDue.map { .string(Instant.formatUTC($0)) } ?? .null,
                    ])
                }),
        ]
        if state != snapshot.state { data["state_map"] = .object([snapshot.state: .string(state)]) }
        let transition = Transition(
            caseID: snapshot.id, event: Self.migrateEvent, eventID: nil, from: snapshot.state, to: state, at: when,
            actor: actor, data: data, changes: [:], guardsPassed: [], snapshot: next
        ).with(tableVersion: calendar?.version)
        try StatutoryFloor.regime(workflow.name)?.checkMapped(transition, from: snapshot, in: workflow)
        return transition
    }

    /// The state the case is in after the migration: its own when this procedure has it, else the
    /// one `stateMap` names for it, which must be a state of this procedure.
    public func migratedState(of snapshot: CaseSnapshot, stateMap: [String: String]) throws(WorkflowError) -> String {
        let states = workflow.states.map(\.name)
        if let mapped = stateMap[snapshot.state] {
            guard workflow.state(named: mapped) != nil else {
                throw .badInput(
                    "--map \(snapshot.state)=\(mapped): the current procedure has no state \"\(mapped)\"; expected one of \(states.joined(separator: ", "))")
            }
            return mapped
        }
        guard workflow.state(named: snapshot.state) != nil else {
            // A final state is entered by its own event, never by a map.
            let open = workflow.states.filter { !$0.isFinal }.map(\.name)
            throw .refused(
                "case \(snapshot.id) is in state \(snapshot.state), which the current procedure does not have; expected --map \(snapshot.state)=STATE naming one of \(open.joined(separator: ", "))"
            )
        }
        return snapshot.state
    }

    /// A clock's deadline computed again from its start under this procedure's rule.
    func restart(_ clock: ClockDefinition, from start: Date, data: [String: Value]) throws(WorkflowError) -> Date? {
        switch clock.rule {
        case .orderPeriod(let field):
            return caseValue(field, of: clock, in: data)?.integerValue.map { OrderPeriod.end(madeOn: London.date(of: start), days: $0) }
        case .elapsed(let hours):
            return start.addingTimeInterval(TimeInterval(hours * 3600))
        case .calendarDays(let days):
            return OrderPeriod.end(madeOn: London.date(of: start), days: days)
        case .untilDate(let field):
            return caseValue(field, of: clock, in: data)?.stringValue.flatMap(LocalDate.init(iso:)).map { OrderPeriod.end(madeOn: $0, days: 1) }
        case .workingDays(let days):
            guard let calendar else { return nil }
            return try WorkingDays.deadline(from: start, days: days, table: calendar).due
        case .countedHours(let rule):
            guard let calendar else { return nil }
            return try StatutoryClock.deadline(from: start, rule: rule, table: calendar).due
        }
    }

    /// A clock's field as the case keeps it: under its own name, or under the case name the event
    /// that starts the clock gives it (`grant_order`'s `days` kept as `order_days`).
    func caseValue(_ field: String, of clock: ClockDefinition, in data: [String: Value]) -> Value? {
        if let value = data[field] { return value }
        for name in clock.startedBy {
            if let alias = workflow.event(named: name)?.field(named: field)?.caseField, let value = data[alias] { return value }
        }
        return nil
    }
}
