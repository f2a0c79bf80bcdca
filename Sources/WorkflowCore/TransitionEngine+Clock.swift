extension TransitionEngine {
    /// What the engine's clock fires for a pending deadline that has come due: the clock's `fires`
    /// event (expire_order at an order's end) or its `on_missed` event (a missed hearing or
    /// production deadline, naming the clock), by the engine's clock at the deadline's own time
    /// (or the case's latest change of state, if later). Nil when the clock fires nothing, or nothing the
    /// case's state takes.
    public func clockRequest(for deadline: Deadline, on snapshot: CaseSnapshot) -> TransitionRequest? {
        guard let clock = workflow.clock(named: deadline.clock), let event = clock.fires ?? clock.onMissed else { return nil }
        // An event the case's state does not take is left for `due` to show, not tried and refused.
        guard workflow.events(allowedIn: snapshot.state).contains(where: { $0.name == event }) else { return nil }
        let data: [String: Value] = clock.fires != nil ? [:] : ["clock": .string(deadline.clock)]
        // An event the clock fires (an order's expiry) is never dated before an event already on
        // record, so history stays in time order when a correction moved the end into the past.
        let after = clock.fires != nil ? snapshot.updatedAt : (snapshot.stateChangedAt ?? snapshot.updatedAt)
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
    /// The prefix of the event ids the engine's clock gives the events it records; no one else may use it.
    public static let clockEventIDPrefix = "tick:"
}
