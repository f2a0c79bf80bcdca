import Foundation

/// The pure transition function: given a case (or none, for an opening event) and a request,
/// either the transition to record or the reason it is refused. It writes nothing; the caller
/// stores the result whole or not at all.
///
///     let engine = TransitionEngine(workflow: dvpo, procedure: hash)
///     let transition = try engine.transition(snapshot, request)
///
/// Checks run in this order, and the first that fails decides the error: the event exists; the
/// case exists (or not, for an opening event); the event is allowed in the case's state; the
/// time is not before the case's latest event; the actor's role is known and high enough; the
/// data is complete and well typed; each guard allows it. Then the actions propose changes.
public struct TransitionEngine {
    public let workflow: WorkflowDefinition
    /// The hash of the procedure, recorded on cases this engine opens.
    public let procedure: String
    /// The bank-holiday table counted-time clocks use.
    public let calendar: HolidayTable?

    public init(workflow: WorkflowDefinition, procedure: String, calendar: HolidayTable? = nil) {
        self.workflow = workflow
        self.procedure = procedure
        self.calendar = calendar
    }

    public func transition(_ current: CaseSnapshot?, _ request: TransitionRequest) throws(WorkflowError) -> Transition {
        try Self.checkIdentifiers(request)
        let event = try definition(of: request.event)
        try checkOrigin(event, current, request)
        try checkTime(current, request)
        try checkRole(event, request.actor)
        let data = try checkedData(event, request.data)
        let correction = event.corrects ? try correction(event, current, data) : nil

        let context = HookContext(snapshot: current, request: request, data: data)
        let floor = StatutoryFloor.regime(workflow.name)
        // A statutory event the engine fires (an order's expiry, a missed deadline) is not the
        // force's to stop: its guards and actions are left out, with a warning, when they fail.
        let statutory = floor.map { $0.isNational(event.location) && event.who.permits(Actor.engineClock.role) } ?? false
        var passed: [String] = []
        var warnings: [Value] = []
        for check in event.guards {
            let forceRule = statutory && !(floor?.isNational(check.location) ?? true)
            switch check.evaluate(context) {
            case .allow:
                passed.append(check.name)
            case .refuse where forceRule, .failed where forceRule:
                warnings.append(
                    .string(
                        "\(check.location): rule \(check.name) of \(event.name) did not allow it and was left out: the statutory event is recorded whatever a force's rule says; expected the force's rule fixed (safeguard check, safeguard test)"
                    ))
            case .refuse(let reason):
                throw .refused("\(event.name) refused by rule \(check.name) (\(check.location)): \(personalData(context).apply(reason))")
            case .failed(let failure):
                throw Self.describe(personalData(context).apply(failure), hook: "guard \(check.name) of \(event.name)", at: check.location)
            }
        }

        var changes: [String: Value] = [:]
        for action in event.actions {
            do throws(WorkflowError) {
                let (proposed, given) = try proposal(of: action, for: event, context)
                warnings += given
                changes.merge(proposed) { _, new in new }
            } catch {
                // A force's action never stops a statutory event the engine fires (an order's
                // expiry, a missed deadline): the event is recorded without that action's changes,
                // with a warning at the action's line, and the force's script is left to be fixed.
                guard statutory, let floor, !floor.isNational(action.location) else { throw error }
                let at = error.location ?? action.location
                warnings.append(
                    .string(
                        "\(at): action \(action.name) of \(event.name) failed (\(error.kind.rawValue)) and was left out: the statutory event is recorded without its changes; expected the force's action fixed (safeguard check, safeguard test)"
                    ))
            }
        }

        // A final state is never left: an event it still takes (a decision on a missed deadline,
        // the outcome of a breach after the order ended) is recorded where the case is.
        let finalState = current.flatMap { workflow.state(named: $0.state)?.isFinal == true ? $0.state : nil }
        // Only the national procedure's events are recorded in a final state they would have left
        // (a breach's outcome after the order ended); a force's event is refused.
        if let finalState, let target = event.target, target != finalState, let floor, !floor.isNational(event.location) {
            throw .refused("\(event.name) refused by the statutory floor: the case is \(finalState), a final state; a force's event does not take it to \(target)")
        }
        let target = finalState ?? event.target ?? current?.state ?? ""
        var snapshot =
            current
            ?? CaseSnapshot(
                id: request.caseID, workflow: workflow.name, force: request.force ?? "national", state: target,
                version: 0, procedure: procedure, openedAt: request.at, updatedAt: request.at)
        if current == nil {
            snapshot.plugins = workflow.plugins.map { "\($0.name) \($0.version)" }
            let rule = CaseDataRule(engineVersion: request.engineVersion ?? EngineVersion.current)
            snapshot.dataRule = rule == .mergedWhole ? nil : rule
        }
        snapshot.state = target
        // A correction's own data (which field, why) stays on its event; the case gets the value.
        if !event.corrects { Self.keep(data, of: event, on: &snapshot) }
        snapshot.data.merge(changes) { _, new in new }
        snapshot.version += 1
        snapshot.updatedAt = max(request.at, current?.updatedAt ?? request.at)
        if current == nil || current?.state != target { snapshot.stateChangedAt = request.at }
        snapshot.deadlines = try updatedDeadlines(snapshot, event: event, data: data, at: request.at)
        if let correction {
            let (next, moved) = try corrected(snapshot, correction)
            snapshot = next
            warnings += moved
        }

        // Warnings are recorded on the event, never on the case: the event's data says what the
        // officer was told when it was recorded.
        var recorded = data
        if !warnings.isEmpty { recorded[Self.warningsKey] = .array(warnings) }
        var transition = Transition(
            caseID: request.caseID, event: event.name, eventID: request.eventID, from: current?.state, to: target,
            at: request.at, actor: request.actor, data: recorded, changes: changes, guardsPassed: passed, snapshot: snapshot
        ).with(tableVersion: calendar?.version)
        if let version = request.engineVersion { transition.engineVersion = version }
        try StatutoryFloor.regime(workflow.name)?.check(transition, from: current, event: event, in: workflow)
        return transition
    }

    /// The event's data the case keeps, by the case's rule: every field (engine 0.1), or only those
    /// the event declares as case data, under their case names; the rest stays on the event.
    static func keep(_ data: [String: Value], of event: EventDefinition, on snapshot: inout CaseSnapshot) {
        switch snapshot.effectiveDataRule {
        case .mergedWhole:
            snapshot.data.merge(data) { _, new in new }
        case .declaredOnly:
            for field in event.fields {
                guard let name = field.caseName, let value = data[field.name] else { continue }
                snapshot.data[name] = value
            }
        }
    }

    /// One action's proposed changes and warnings (masked), or why they cannot be recorded.
    func proposal(
        of action: Action, for event: EventDefinition, _ context: HookContext
    ) throws(WorkflowError) -> (changes: [String: Value], warnings: [Value]) {
        switch action.propose(context) {
        case .success(var proposed):
            var warnings: [Value] = []
            if let given = proposed.removeValue(forKey: Self.warningsKey) {
                let mask = personalData(context)
                warnings = try Self.warnings(given, from: action, of: event).map { $0.stringValue.map { .string(mask.apply($0)) } ?? $0 }
            }
            try StatutoryFloor.regime(workflow.name)?.checkProposal(proposed, by: action, of: event, in: workflow)
            for key in proposed.keys.sorted() where !Self.isFieldName(key) {
                // The key is the script's making (it may be a case's value): never quoted.
                throw .script(
                    "action \(action.name) of \(event.name) proposed a change under a key that is not a field name (\(key.count) characters); expected names of lower-case letters, digits and _",
                    at: action.location)
            }
            return (proposed, warnings)
        case .failure(let failure):
            throw Self.describe(personalData(context).apply(failure), hook: "action \(action.name) of \(event.name)", at: action.location)
        }
    }

    /// Every id a request carries, by `Identifier`'s rule.
    static func checkIdentifiers(_ request: TransitionRequest) throws(WorkflowError) {
        if let problem = Identifier.problem(request.caseID, what: "the case id") { throw problem }
        if let eventID = request.eventID, let problem = Identifier.problem(eventID, what: "the event id") { throw problem }
        if let problem = Identifier.problem(request.actor.id, what: "the actor id") { throw problem }
    }

    private func definition(of name: String) throws(WorkflowError) -> EventDefinition {
        guard let event = workflow.event(named: name) else {
            let names = workflow.events.map(\.name).joined(separator: ", ")
            throw .badInput("unknown event \"\(name)\" in workflow \(workflow.name); expected one of: \(names)")
        }
        return event
    }

    func checkOrigin(_ event: EventDefinition, _ current: CaseSnapshot?, _ request: TransitionRequest) throws(WorkflowError) {
        guard let current else {
            if event.origin != .newCase { throw .unknownCase(request.caseID) }
            return
        }
        if event.origin == .newCase { throw .caseExists(request.caseID) }
        // A correction is record-keeping: it may put right a case that has ended (an order that
        // expired on a period typed wrongly), and never changes its state.
        if event.corrects, event.origin == .anyNonFinal { return }
        if workflow.state(named: current.state)?.isFinal == true, !event.namesOrigin(current.state) {
            throw .refused("case \(current.id) is \(current.state), a final state; expected no further events")
        }
        guard workflow.allows(event, in: current.state) else {
            let names = workflow.eventsForPeople(in: current.state).map(\.name).joined(separator: ", ")
            throw .refused("\(event.name) is not allowed in state \(current.state); allowed there: \(names)")
        }
    }

    /// An event may carry its true time, earlier than events already on file, but not earlier
    /// than the latest event that changed the case's state: the state machine allowed it then.
    func checkTime(_ current: CaseSnapshot?, _ request: TransitionRequest) throws(WorkflowError) {
        guard let current else { return }
        let floor = current.stateChangedAt ?? current.updatedAt
        guard request.at < floor else { return }
        throw .badInput(
            "time \(Instant.format(request.at)) is before the case's latest change of state (\(Instant.format(floor)), to \(current.state)); expected a time at or after it"
        )
    }

    func checkRole(_ event: EventDefinition, _ actor: Actor) throws(WorkflowError) {
        guard workflow.knows(role: actor.role) else {
            let staff = workflow.staffRoles.isEmpty ? "" : ", or a staff role (\(workflow.staffRoles.joined(separator: ", ")))"
            throw .badInput("unknown role \"\(actor.role)\"; expected a rank (\(Rank.namesInOrder))\(staff)")
        }
        guard event.who.permits(actor.role) else {
            // A plugin that raised the rank made the rule its own: the statute is cited only when
            // the rule is the one the workflow declared with it.
            let location = event.whoChangedAt.last ?? event.location
            // An event only the clock records (a missed deadline) is not a person's to record early.
            if event.who.minimumRank == nil, event.who.staffRoles == [Actor.engineClock.role] {
                throw .refused(
                    "\(event.name) refused by rule who (\(location)): only the engine's clock records it, when its deadline falls due (safeguard tick); \(actor.id) holds \(actor.role); expected safeguard tick, or safeguard due to see what falls due"
                )
            }
            let statute = event.whoChangedAt.isEmpty ? event.whoRule.map { " (\($0))" } ?? "" : ""
            throw .refused("\(event.name) refused by rule who (\(location)): needs \(event.who)\(statute); \(actor.id) holds \(actor.role)")
        }
    }

    public static func isFieldName(_ name: String) -> Bool {
        guard let first = name.utf8.first, first >= 97, first <= 122 else { return false }
        return name.utf8.allSatisfy { ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == 95 }
    }

    /// What hides personal data in text the scripts wrote about this transition: the values of
    /// personal fields in the case's data and the event's (as given and as checked).
    func personalData(_ context: HookContext) -> PersonalDataMask {
        PersonalDataMask(workflow: workflow, values: [context.snapshot?.data ?? [:], context.request.data, context.data])
    }

    /// `Workflows/dvpo.lua:40: guard adult of authorise_notice: attempt to compare nil with number`:
    /// at the script's line when the failure has one, otherwise at the hook's declaration.
    static func describe(_ failure: ScriptFailure, hook: String, at location: SourceLocation) -> WorkflowError {
        .script("\(hook): \(failure.reason)", at: failure.location ?? location)
    }
}
