extension TransitionEngine {
    /// What the engine's clock fires for a pending deadline that has come due: the clock's `fires`
    /// event (expire_order at an order's end) or its `on_missed` event (a missed hearing or
    /// production deadline, naming the clock), by the engine's clock at the deadline's own time,
    /// or at the case's latest event if that is later (a correction or a void moved the deadline
    /// into the past): history stays in time order. Nil when the clock fires nothing, or nothing
    /// the case's state takes.
    public func clockRequest(for deadline: Deadline, on snapshot: CaseSnapshot) -> TransitionRequest? {
        guard let clock = workflow.clock(named: deadline.clock), let event = clock.fires ?? clock.onMissed else { return nil }
        // An event the case's state does not take is left for `due` to show, not tried and refused.
        guard workflow.events(allowedIn: snapshot.state).contains(where: { $0.name == event }) else { return nil }
        let data: [String: Value] = clock.fires != nil ? [:] : ["clock": .string(deadline.clock)]
        // An event the clock records (an order's expiry, a missed deadline) is never dated before an
        // event already on record, so history stays in time order when a correction moved the
        // deadline into the past; `dated(_:answering:)` keeps the due time it answers.
        let after = snapshot.updatedAt
        // The id names the deadline's due time and the case's version too: after a premature
        // expiry is voided (and the period corrected, even back again), the clock fires anew.
        // Every process firing the same deadline on the same version makes the same id, so the
        // store records it once.
        return TransitionRequest(
            caseID: snapshot.id, event: event, at: max(deadline.due, after), actor: .engineClock, data: data,
            eventID: "\(Self.clockEventIDPrefix)\(snapshot.id):\(deadline.clock):\(Instant.formatUTC(deadline.startedAt)):\(Instant.formatUTC(deadline.due)):\(snapshot.version)")
    }
}

extension TransitionEngine {
    /// The key under which an event the clock recorded after its deadline's time keeps that time.
    public static let deadlineDueKey = "deadline_due"

    /// The clock's `transition` for `deadline`, with the due time it answers kept in its data and a
    /// warning saying why, when it is dated after that time (events already on record after it).
    public func dated(_ transition: Transition, answering deadline: Deadline) -> Transition {
        guard transition.at > deadline.due else { return transition }
        var dated = transition
        let at = Instant.format(transition.at)
        let due = Instant.format(deadline.due)
        let why =
            workflow.clock(named: deadline.clock)?.fires != nil
            ? "\(transition.event) is dated \(at), after the end \(due), because events are already recorded after that end; the order ended at \(due)"
            : "\(transition.event) is dated \(at), after deadline \(deadline.clock) fell due at \(due), because events are already recorded after that time; the deadline was missed at \(due)"
        let given = transition.data[Self.warningsKey]?.arrayValue ?? []
        dated.data[Self.warningsKey] = .array(given + [.string(why)])
        dated.data[Self.deadlineDueKey] = .string(Instant.formatUTC(deadline.due))
        return dated
    }

    /// The prefix of the event ids the engine's clock gives the events it records; no one else may use it.
    public static let clockEventIDPrefix = "tick:"
}
