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
            throw .refused(
                "event \(sequence) (\(target.event)) opens case \(caseID) and cannot be voided; expected correct_record for a field it recorded wrongly (its own data included, such as an order's terms), or close with a reason for a case opened in error"
            )
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
        // The clock's events after it that answered a deadline the void takes away or moves go with it.
        let derived = try derivedClockEvents(events, current: snapshot, voiding: voided.union([sequence]), after: sequence)
        var data: [String: Value] = [
            "event": .integer(sequence), "voided_event": .string(target.event), "reason": .string(reason),
        ]
        if !derived.isEmpty { data[Self.withEventsKey] = .array(derived.map { .integer($0) }) }
        var transition = try voidTransition(
            events, current: snapshot, voiding: voided.union([sequence]).union(derived), actor: actor, data: data)
        // The void is dated at the latest event in force: the voider must have held the role then,
        // as for any event so dated (a correction is checked the same way), not only now.
        let register = try staffRegister()
        if !register.isEmpty {
            do throws(WorkflowError) {
                transition.actor = try registered(
                    id: actor.id, role: actor.role, force: snapshot.force, at: transition.at, register,
                    authentication: actor.authentication ?? "token")
            } catch {
                throw .refused(
                    "the void is dated at the case's latest event in force (\(Instant.format(transition.at))), and the register says: \(error.message)")
            }
        }
        // An event that settles a deadline as the statute's time does (an order's expiry, a missed
        // deadline), by the clock or by a person, is voided only when, without it, the deadline it
        // settled is not due at the same time any more (a correction moved it: the clock fires
        // again, for the corrected time) or not due yet. Otherwise the void would bring an ended
        // order back into force or hide a missed deadline, with nothing left for the clock to fire.
        let workflow = try engine(for: snapshot).workflow
        if target.actor.claimsEngine || workflow.clocks.contains(where: { $0.fires == target.event || $0.onMissed == target.event }) {
            let now = configuration.clock()
            let settled = snapshot.deadlines.filter { $0.settledBy == target.event && $0.status != .pending }
            let stillDue = transition.snapshot.deadlines.filter { rebuilt in
                rebuilt.status == .pending && rebuilt.due <= now
                    && settled.contains { $0.clock == rebuilt.clock && Self.same($0.startedAt, rebuilt.startedAt) && Self.same($0.due, rebuilt.due) }
            }
            if let due = stillDue.min(by: { $0.due < $1.due }) {
                let fix =
                    target.actor.claimsEngine
                    ? "expected to void (or correct) the event whose value set that time instead: its void takes this event with it"
                    : "expected to leave it recorded, or to void (or correct) the event whose value set that time"
                throw .refused(
                    "event \(sequence) (\(target.event)) settled deadline \(due.clock), which fell due \(Instant.format(due.due)); without it that deadline is still due then (\(workflow.clock(named: due.clock)?.fires != nil ? "the order would be back in force after its end" : "the missed deadline would be hidden")); \(fix)"
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
        // Every later event the void would strand is named, not just the first: each one refused is
        // left out (as it would be once voided too) and the rest are decided without it.
        var stranded: [(event: RecordedEvent, error: WorkflowError)] = []
        for event in events where event.event != Self.voidEvent && !voiding.contains(event.sequence) {
            let engine = try self.engine(procedure: event.procedure, force: current.force, workflow: current.workflow)
            do throws(WorkflowError) {
                let next = try Self.replay(event, on: rebuilt, engine: engine, force: current.force).snapshot
                // A correction left holding the value the case already has would change nothing.
                if engine.workflow.event(named: event.event)?.corrects == true, let before = rebuilt, Self.sameData(before, next),
                    try !noOpAsRecorded(event, events, current: current, voiding: voiding, data: data)
                {
                    throw WorkflowError.refused(
                        "its \(event.data[TransitionEngine.correctedFieldKey]?.stringValue ?? "field") would already hold the corrected value, so the correction would change nothing")
                }
                rebuilt = next
            } catch {
                stranded.append((event, error))
            }
        }
        let voided = data["event"]?.integerValue ?? 0
        if let first = stranded.first {
            // A migration is never voided: it is moved back by migrating again.
            let fix =
                stranded.contains { $0.event.event == TransitionEngine.migrateEvent }
                ? "a migration is never voided and relied on event \(voided); expected to leave event \(voided) in force and put the case right by later events (safeguard show \(caseID) lists the next events)"
                : stranded.count > 1 ? "expected to void the later events first, the latest first" : "expected to void the later events first"
            guard stranded.count > 1 else {
                throw .refused(
                    "without event \(voided), event \(first.event.sequence) (\(first.event.event)) of case \(caseID) would be refused: \(Self.withoutExpectation(first.error.message)); \(fix)"
                )
            }
            let named = stranded.map { "\($0.event.sequence) (\($0.event.event)\(Self.ruleName($0.error.message).map { ", rule \($0)" } ?? ""))" }
            throw .refused(
                "without event \(voided), \(stranded.count) later events of case \(caseID) would be refused: events \(named.joined(separator: ", ")); the first: \(first.error.message); \(fix)"
            )
        }
        guard var next = rebuilt else { throw .refused("case \(caseID) would have no events left; expected an event other than the opening one") }
        next.version = current.version + 1
        return Transition(
            caseID: caseID, event: Self.voidEvent, eventID: nil, from: current.state, to: next.state, at: next.updatedAt,
            actor: actor, data: data, changes: [:], guardsPassed: ["void_needs_supervisor"], snapshot: next)
    }

    /// Whether correction `target` changes nothing on the case as recorded, before this void (a
    /// record made so before such corrections were refused): then the void does not strand it.
    func noOpAsRecorded(
        _ target: RecordedEvent, _ events: [RecordedEvent], current: CaseSnapshot, voiding: Set<Int>, data: [String: Value]
    ) throws(WorkflowError) -> Bool {
        let named = Set([data["event"]?.integerValue ?? 0] + (data[Self.withEventsKey]?.arrayValue ?? []).compactMap(\.integerValue))
        let before = voiding.subtracting(named)
        var rebuilt: CaseSnapshot?
        for event in events where event.event != Self.voidEvent && !before.contains(event.sequence) && event.sequence < target.sequence {
            let engine = try self.engine(procedure: event.procedure, force: current.force, workflow: current.workflow)
            guard let next = try? Self.replay(event, on: rebuilt, engine: engine, force: current.force).snapshot else { return false }
            rebuilt = next
        }
        let engine = try self.engine(procedure: target.procedure, force: current.force, workflow: current.workflow)
        guard let rebuilt, let next = try? Self.replay(target, on: rebuilt, engine: engine, force: current.force).snapshot else { return false }
        return Self.sameData(rebuilt, next)
    }

    /// A refusal's own words without its "; expected …" tail, where the void says what to do instead.
    static func withoutExpectation(_ message: String) -> String {
        message.range(of: "; expected").map { String(message[..<$0.lowerBound]) } ?? message
    }

    /// Whether two states of a case hold the same data, the warnings an event gives aside.
    static func sameData(_ a: CaseSnapshot, _ b: CaseSnapshot) -> Bool {
        var left = a.data
        var right = b.data
        left[TransitionEngine.warningsKey] = nil
        right[TransitionEngine.warningsKey] = nil
        return left == right
    }

    /// The key of a void's data listing the clock's events voided with the event it names.
    public static let withEventsKey = "with_events"

    /// The clock's events recorded after event `after` (an order's expiry, a missed deadline) that
    /// answered a deadline the case, rebuilt without `voiding` and without them, no longer has
    /// falling due at that time: they derive from the voided event and would not have been fired
    /// without it. The clock fires again for whatever is due in the rebuilt case.
    func derivedClockEvents(_ events: [RecordedEvent], current: CaseSnapshot, voiding: Set<Int>, after: Int) throws(WorkflowError) -> [Int] {
        let candidates = events.filter {
            $0.sequence > after && $0.event != Self.voidEvent && !voiding.contains($0.sequence)
                && ($0.eventID?.hasPrefix(TransitionEngine.clockEventIDPrefix) ?? false)
        }
        guard !candidates.isEmpty else { return [] }
        let without = voiding.union(candidates.map(\.sequence))
        var rebuilt: CaseSnapshot?
        for event in events where event.event != Self.voidEvent && !without.contains(event.sequence) {
            let engine = try self.engine(procedure: event.procedure, force: current.force, workflow: current.workflow)
            // An event refused without the voided one is left out here; the void itself names it.
            if let next = try? Self.replay(event, on: rebuilt, engine: engine, force: current.force).snapshot { rebuilt = next }
        }
        let deadlines = rebuilt?.deadlines ?? []
        return candidates.filter { event in
            // The clock's id names the deadline it answered: tick:<case>:<clock>:<started>:<due>:<version>.
            guard let id = event.eventID else { return false }
            let parts = id.dropFirst(TransitionEngine.clockEventIDPrefix.count + current.id.count + 1).split(separator: ":", maxSplits: 1)
            guard parts.count == 2 else { return false }
            let clock = String(parts[0])
            let rest = parts[1]
            guard let lastColon = rest.lastIndex(of: ":") else { return false }
            let times = rest[..<lastColon]
            // The two times are UTC instants of fixed form (…Z), so the due time follows the first "Z:".
            guard let split = times.range(of: "Z:"),
                let started = Instant.parse(String(times[..<split.lowerBound]) + "Z"),
                let due = Instant.parse(String(times[split.upperBound...]))
            else { return false }
            let stillAnswered = deadlines.contains {
                $0.clock == clock && $0.status == .pending && Self.same($0.startedAt, started) && Self.same($0.due, due) && $0.due <= event.at
            }
            return !stillAnswered
        }.map(\.sequence)
    }

    /// The events a void names: the one asked for and the clock's events it took with it.
    public static func voidTargets(_ void: RecordedEvent) -> [Int] {
        guard let first = void.data["event"]?.integerValue else { return [] }
        return [first] + (void.data[withEventsKey]?.arrayValue ?? []).compactMap(\.integerValue)
    }

    /// Two times equal to the millisecond the record keeps (one read back from it, one computed).
    static func same(_ a: Date, _ b: Date) -> Bool { abs(a.timeIntervalSince(b)) < 0.001 }

    /// The sequences of the events voided so far.
    static func voidedSequences(_ events: [RecordedEvent]) -> Set<Int> {
        Set(events.filter { $0.event == voidEvent }.flatMap(voidTargets))
    }

    /// A role is echoed only when it looks like one.
    static func echo(_ text: String) -> String {
        text.count <= 40 && text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("A"..."Z").contains($0) || $0 == "_" } ? text : "given"
    }
}
