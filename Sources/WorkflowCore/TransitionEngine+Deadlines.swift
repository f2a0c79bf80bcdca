import Foundation

extension TransitionEngine {
    /// The case's deadlines after an event: clocks it meets are met (or missed, if late), clocks
    /// it starts begin, `tick`'s missed-deadline event marks one missed, a person's decision is
    /// recorded on it, and an event that ends the case stops whatever is still pending.
    /// `snapshot` is the case with the event's data and changes already applied.
    func updatedDeadlines(_ snapshot: CaseSnapshot, event: EventDefinition, data: [String: Value], at: Date) throws(WorkflowError) -> [Deadline] {
        var result = snapshot.deadlines
        for clock in workflow.clocks {
            let named = data["clock"]?.stringValue == clock.name
            if clock.metBy.contains(event.name) || clock.stoppedBy.contains(event.name) || (clock.onMissed == event.name && named) {
                let status: Deadline.Status =
                    clock.onMissed == event.name ? .missed : clock.metBy.contains(event.name) ? .met : .stopped
                for index in result.indices
                where result[index].clock == clock.name && result[index].status == .pending
                    && result[index].startedAt <= at
                {
                    let late = at > result[index].due && clock.rule.lateMeansMissed
                    result[index].status = status == .met && late ? .missed : status
                    result[index].recordedOnly = result[index].status == .missed && clock.decidedBy == nil
                    result[index].settledAt = at
                    result[index].settledBy = event.name
                }
            }
            if clock.decidedBy == event.name, named {
                guard let index = result.lastIndex(where: { $0.clock == clock.name && $0.needsDecision }) else {
                    throw .refused(
                        "\(event.name) records a decision on a missed \(clock.name) deadline; this case has none awaiting one; expected one recorded missed by safeguard tick"
                    )
                }
                result[index].decision = data["decision"]?.stringValue
                result[index].decidedAt = at
            }
            if clock.startedBy.contains(event.name) {
                if let deadline = try start(clock, event: event, eventData: data, snapshot: snapshot, at: at) { result.append(deadline) }
            } else if let field = clock.cappedBy, data[field] != nil {
                try recap(&result, clock: clock, field: field, snapshot: snapshot)
            }
        }
        if let state = workflow.state(named: snapshot.state), state.isFinal {
            let takes = Set(workflow.events(allowedIn: state.name).map(\.name))
            for index in result.indices where result[index].status == .pending {
                guard let clock = workflow.clock(named: result[index].clock) else { continue }
                // The final state still takes an event that meets it (the custody clock of a breach
                // arrest when the order ends): it keeps running.
                if !takes.isDisjoint(with: clock.metBy) { continue }
                // A statutory duty the case ended without meeting (closed before the hearing) is
                // missed, for a person to decide on; a schedule (visits) simply stops.
                result[index].status = clock.onMissed != nil && !clock.stoppedBy.contains(event.name) ? .missed : .stopped
                result[index].recordedOnly = result[index].status == .missed && clock.decidedBy == nil
                result[index].settledAt = at
                result[index].settledBy = event.name
            }
        }
        return result
    }

    /// A listing that changed after the clock started (a hearing listed, or re-listed, after a
    /// notice-breach arrest) brings each pending deadline the clock caps by it forward, or lets
    /// it return to the clock's own time when the hearing is later than that.
    func recap(_ result: inout [Deadline], clock: ClockDefinition, field: String?, snapshot: CaseSnapshot) throws(WorkflowError) {
        for index in result.indices where result[index].clock == clock.name && result[index].status == .pending {
            guard var due = try restart(clock, from: result[index].startedAt, data: snapshot.data) else { continue }
            result[index].cappedBy = nil
            if let field, let text = snapshot.data[field]?.stringValue, let sooner = Instant.parse(text),
                sooner >= result[index].startedAt, sooner < due
            {
                due = sooner
                result[index].cappedBy = field
            }
            result[index].due = due
            if case .countedHours = clock.rule { result[index].tableVersion = calendar?.version }
        }
    }

    /// The deadline a clock starts with, or nil when it has none (an order until further order).
    private func start(_ clock: ClockDefinition, event: EventDefinition, eventData: [String: Value], snapshot: CaseSnapshot, at: Date) throws(WorkflowError) -> Deadline? {
        switch clock.rule {
        case .orderPeriod(let daysField):
            // The case's value (an action may have set it), else the event's own field.
            guard let days = (snapshot.data[daysField] ?? eventData[daysField])?.integerValue else {
                throw .script("clock \(clock.name) needs whole-number field \"\(daysField)\" on \(event.name)", at: clock.location)
            }
            return Deadline(clock: clock.name, startedAt: at, due: OrderPeriod.end(madeOn: London.date(of: at), days: days))
        case .elapsed(let hours):
            return Deadline(clock: clock.name, startedAt: at, due: at.addingTimeInterval(TimeInterval(hours * 3600)))
        case .calendarDays(let days):
            return Deadline(clock: clock.name, startedAt: at, due: OrderPeriod.end(madeOn: London.date(of: at), days: days))
        case .untilDate(let dateField):
            // The event's own data: a later event may not carry the field at all.
            guard let text = (snapshot.data[dateField] ?? eventData[dateField])?.stringValue, event.field(named: dateField) != nil else { return nil }
            guard let last = LocalDate(iso: text) else {
                throw .badInput("\(dateField) \(text) is not a date; expected YYYY-MM-DD")
            }
            guard last >= London.date(of: at) else {
                throw .refused("\(dateField) \(text) is before the day of \(event.name); expected a date on or after \(London.date(of: at))")
            }
            return Deadline(clock: clock.name, startedAt: at, due: OrderPeriod.end(madeOn: last, days: 1))
        case .workingDays(let days):
            guard let calendar else {
                throw .script(
                    "clock \(clock.name) counts working days but no bank-holiday table is loaded; expected Calendars/england-and-wales.json", at: clock.location
                )
            }
            let explanation = try WorkingDays.deadline(from: at, days: days, table: calendar)
            return Deadline(clock: clock.name, startedAt: at, due: explanation.due, tableVersion: calendar.version)
        case .countedHours(let rule):
            guard let calendar else {
                throw .script(
                    "clock \(clock.name) counts hours but no bank-holiday table is loaded; expected Calendars/england-and-wales.json", at: clock.location)
            }
            let explanation = try StatutoryClock.deadline(from: at, rule: rule, table: calendar)
            var deadline = Deadline(clock: clock.name, startedAt: at, due: explanation.due, tableVersion: calendar.version)
            if let field = clock.cappedBy, let text = snapshot.data[field]?.stringValue, let sooner = Instant.parse(text),
                sooner >= at, sooner < deadline.due
            {
                deadline.due = sooner
                deadline.cappedBy = field
            }
            return deadline
        }
    }
}
