import Foundation
import WorkflowCore

/// Voiding a wrongly recorded event: a new `void_event` names it with a reason, the history keeps
/// both, and the case is rebuilt by replaying its events without the voided ones.
extension Casework {
    /// The event that voids another. Recorded by `safeguard void`, never declared by a workflow.
    public static let voidEvent = "void_event"
    /// Who may void: a sergeant or above, the supervisory rank that already signs corrections
    /// (`correct_record`) — voiding is a correction that removes an event's effect instead of
    /// amending a field.
    public static let voidRank = Rank.sergeant

    /// Records that event `sequence` of `caseID` was recorded wrongly, and rebuilds the case
    /// without it. The void is dated at the latest event that remains, so a corrected event can
    /// then be recorded at its true time; when it was recorded is kept as always.
    /// - Throws: `refused` below a sergeant, for the opening event, a void or a migration, or when
    ///   an event after the voided one would then be refused (void that one first); `badInput` for
    ///   an unknown sequence or an empty reason.
    public func void(caseID: String, sequence: Int, reason: String, actor claimed: Actor) throws(WorkflowError) -> RecordOutcome {
        // In a store with a staff register the voider is the token's holder, in a role held now.
        let actor = try authenticated(
            TransitionRequest(caseID: caseID, event: Self.voidEvent, at: configuration.clock(), actor: claimed),
            force: try snapshot(caseID).force
        ).actor
        guard let rank = Rank(name: actor.role) else {
            // A staff role the case's procedure declares (legal_officer), or the register's
            // administrator, is known, and below the rank needed.
            if actor.role == StaffEntry.administrator || (try? engine(for: try snapshot(caseID)))?.workflow.knows(role: actor.role) == true {
                throw .refused(
                    "rule void_needs_supervisor: voiding an event needs \(Self.voidRank.name) or above; the actor's role is \(actor.role), a staff role, not a rank; expected a supervisor")
            }
            throw .badInput(
                "unknown role \"\(Self.echo(actor.role))\"\(NearestName.didYouMean(actor.role, among: Rank.allCases.map(\.name))); expected a rank (\(Rank.namesInOrder))"
            )
        }
        guard rank >= Self.voidRank else {
            throw .refused(
                "rule void_needs_supervisor: voiding an event needs \(Self.voidRank.name) or above; the actor's role is \(actor.role); expected a supervisor")
        }
        guard !reason.allSatisfy(\.isWhitespace) else { throw .badInput("void needs a reason; expected --reason saying why the event was wrong") }
        let snapshot = try snapshot(caseID)
        let events = try store.history(caseID)
        guard let target = events.first(where: { $0.sequence == sequence }) else {
            throw .badInput(
                "case \(caseID) has no event \(sequence); expected the number of one of its events, 1 to \(events.count) (see 'safeguard history \(caseID)')")
        }
        let voided = Self.voidedSequences(events)
        if voided.contains(sequence) {
            throw .refused("event \(sequence) (\(target.event)) of case \(caseID) is already void; expected an event still in force")
        }
        if target.from == nil {
            throw .refused("event \(sequence) (\(target.event)) opens case \(caseID) and cannot be voided; expected correct_record for a field recorded wrongly, or close with a reason")
        }
        if target.event == Self.voidEvent {
            let voidedEvent = target.data["event"]?.integerValue.map { " of event \($0)" } ?? ""
            throw .refused(
                "event \(sequence) is a void\(voidedEvent), and a void cannot itself be voided; expected the voided event recorded again with 'safeguard fire' if it was right after all")
        }
        if target.event == TransitionEngine.migrateEvent {
            throw .refused(
                "event \(sequence) is a migration onto another procedure, and a migration cannot be voided; expected to migrate back with 'safeguard migrate --case \(caseID) --scripts DIR' naming the earlier procedure's scripts")
        }
        let data: [String: Value] = [
            "event": .integer(sequence), "voided_event": .string(target.event), "reason": .string(reason),
        ]
        let transition = try voidTransition(events, current: snapshot, voiding: voided.union([sequence]), actor: actor, data: data)
        // The engine's own events (an order's expiry, a missed deadline, fired by the clock) record
        // what the statute's time did. One is voided only when, without it, the deadline it settled
        // is not due at the same time any more (a correction moved it: the clock fires again, for
        // the corrected time) or not due yet. Otherwise the void would bring an ended order back
        // into force or hide a missed deadline, with nothing left for the clock to fire.
        if target.actor.claimsEngine {
            let now = configuration.clock()
            let settled = snapshot.deadlines.filter { $0.settledBy == target.event && $0.status != .pending }
            let stillDue = transition.snapshot.deadlines.filter { rebuilt in
                rebuilt.status == .pending && rebuilt.due <= now
                    && settled.contains { $0.clock == rebuilt.clock && Self.same($0.startedAt, rebuilt.startedAt) && Self.same($0.due, rebuilt.due) }
            }
            if let due = stillDue.min(by: { $0.due < $1.due }) {
                throw .refused(
                    "event \(sequence) (\(target.event)) was recorded by the engine when deadline \(due.clock) fell due (\(Instant.format(due.due))), and without it that deadline is still due then; expected correct_record first if the deadline came from a value recorded wrongly"
                )
            }
        }
        return try store.record(caseID: caseID, eventID: nil) { current throws(WorkflowError) in
            guard let current, current.version == snapshot.version else {
                throw .conflict("case \(caseID) changed while the void was prepared; expected to run void again")
            }
            return transition
        }
    }

    /// The void as a transition: the case replayed from `events` without those in `voiding`
    /// (void events themselves leave no mark on the case), one version on from `current`.
    func voidTransition(
        _ events: [RecordedEvent], current: CaseSnapshot, voiding: Set<Int>, actor: Actor, data: [String: Value]
    ) throws(WorkflowError) -> Transition {
        let caseID = current.id
        var rebuilt: CaseSnapshot?
        for event in events where event.event != Self.voidEvent && !voiding.contains(event.sequence) {
            let engine = try self.engine(procedure: event.procedure, force: current.force, workflow: current.workflow)
            do throws(WorkflowError) {
                rebuilt = try Self.replay(event, on: rebuilt, engine: engine, force: current.force).snapshot
            } catch {
                throw .refused(
                    "without event \(data["event"]?.integerValue ?? 0), event \(event.sequence) (\(event.event)) of case \(caseID) would be refused: \(error.message); expected to void the later events first"
                )
            }
        }
        guard var next = rebuilt else { throw .refused("case \(caseID) would have no events left; expected an event other than the opening one") }
        next.version = current.version + 1
        return Transition(
            caseID: caseID, event: Self.voidEvent, eventID: nil, from: current.state, to: next.state, at: next.updatedAt,
            actor: actor, data: data, changes: [:], guardsPassed: ["void_needs_supervisor"], snapshot: next)
    }

    /// Two times equal to the millisecond the record keeps (one read back from it, one computed).
    static func same(_ a: Date, _ b: Date) -> Bool { abs(a.timeIntervalSince(b)) < 0.001 }

    /// The sequences of the events voided so far.
    static func voidedSequences(_ events: [RecordedEvent]) -> Set<Int> {
        Set(events.filter { $0.event == voidEvent }.compactMap { $0.data["event"]?.integerValue })
    }

    /// A role is echoed only when it looks like one.
    static func echo(_ text: String) -> String {
        text.count <= 40 && text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("A"..."Z").contains($0) || $0 == "_" } ? text : "given"
    }
}
