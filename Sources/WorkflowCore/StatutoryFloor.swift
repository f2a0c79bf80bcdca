import Foundation

/// The statute's invariants for one regime, held in the engine where no script can change them.
/// They are checked twice: on the composed procedure when it loads (`check(_:)`), and on every
/// transition by its effect, whatever event caused it (`check(_:from:event:)`).
///
///     if let floor = StatutoryFloor.regime("dvpo") { try floor.check(transition, from: current, event: event) }
public struct StatutoryFloor: Sendable {
    /// The workflow the regime's statute governs (`dvpo`).
    public let workflow: String
    /// The file that declares the national procedure; only its events and actions may write
    /// `protectedFields`.
    public let nationalFile: String
    /// Data that only the national workflow's events and actions record.
    public let protectedFields: Set<String>
    /// The state every case opens in.
    public let openingState: String
    /// What must hold when a case enters each statutory state.
    public let entryRules: [StatutoryEntryRule]
    /// What the composed procedure must still declare.
    public let declarationRules: [StatutoryDeclarationRule]
    /// For each statutory state, the national event a force's event entering it needs first.
    public let prerequisites: [String: StatutoryPrerequisite]
    /// The order's own states and clock: a case leaves them only by the national procedure's events.
    public var order: StatutoryOrder?
    /// The statutory clocks, each with its provision: a force's final state does not end a case
    /// while one is pending or a missed one awaits a decision.
    public var clocks: [String: String] = [:]
    /// The national steps in their statutory order, each with the field that shows it in force.
    public var steps: [StatutoryStep] = []

    public init(
        workflow: String, nationalFile: String, protectedFields: Set<String>, openingState: String,
        entryRules: [StatutoryEntryRule], declarationRules: [StatutoryDeclarationRule],
        prerequisites: [String: StatutoryPrerequisite] = [:], order: StatutoryOrder? = nil, clocks: [String: String] = [:],
        steps: [StatutoryStep] = []
    ) {
        self.steps = steps
        self.order = order
        self.clocks = clocks
        self.workflow = workflow
        self.nationalFile = nationalFile
        self.protectedFields = protectedFields
        self.openingState = openingState
        self.entryRules = entryRules
        self.declarationRules = declarationRules
        self.prerequisites = prerequisites
    }

    /// The floor of the regime `workflow` names, if the engine knows its statute.
    public static func regime(_ workflow: String) -> StatutoryFloor? {
        workflow == StatutoryFloor.dvpo.workflow ? .dvpo : nil
    }

    /// Whether a declaration (an event or an action) is the national procedure's own.
    public func isNational(_ location: SourceLocation) -> Bool { location.file == nationalFile }

    /// Whether `field` of `event` is the national procedure's own declaration, not a force's addition.
    func isNationalField(_ field: String, of event: EventDefinition) -> Bool {
        guard isNational(event.location), let spec = event.fields.first(where: { $0.name == field }) else { return false }
        return isNational(spec.location)
    }

    /// Every way the composed procedure falls below the statute, each at the declaration at fault,
    /// and every force event the floor would refuse on every case.
    public func check(_ definition: WorkflowDefinition) -> [WorkflowError] {
        var problems = declarationRules.compactMap { $0.check(definition, self) }
        // The same set the run-time check refuses an action's keys by (`checkProposal`): the
        // compiled-in fields, every national event's fields and every key a national action records.
        let national = nationalData(of: definition)
        for event in definition.events {
            // A force's own correcting event could correct the national data under its own rules.
            if event.corrects, !isNational(event.location) {
                problems.append(
                    .script(
                        "event \(event.name) corrects case data, which only the national procedure's correct_record does (statutory floor); expected a force's checks as guards on correct_record",
                        at: event.location))
            }
            for field in event.fields where !isNationalField(field.name, of: event) {
                guard let alias = field.caseField, national.contains(alias) else { continue }
                problems.append(
                    .script(
                        "field \(field.name) of \(event.name) says it is recorded as \(alias), data only the national procedure records (statutory floor); expected a case_field of the force's own",
                        at: field.location))
            }
            // The engine fills an on_missed event's `clock` with the missed clock's name (the
            // engine's contract, not an officer's entry): a force's on_missed event declares it too.
            let engineFilled: Set<String> = definition.clocks.contains { $0.onMissed == event.name } ? ["clock"] : []
            for field in event.fields
            where national.contains(field.name) && !isNationalField(field.name, of: event) && !engineFilled.contains(field.name) {
                problems.append(
                    .script(
                        "field \(field.name) of \(event.name) is data only the national procedure records (statutory floor); expected a field name of the force's own",
                        at: field.location))
            }
        }
        return problems + deadEvents(definition)
    }

    /// The data only the national procedure records in `workflow`: the compiled-in fields, every
    /// field (and the case field it is recorded as) of a national event, and every key a national
    /// action records, so a national action's new key is covered without a list kept by hand.
    public func nationalData(of workflow: WorkflowDefinition?) -> Set<String> {
        guard let workflow else { return protectedFields }
        var keys = protectedFields.union(workflow.nationalRecords)
        for event in workflow.events where isNational(event.location) {
            for field in event.fields where isNational(field.location) {
                keys.insert(field.name)
                if let alias = field.caseField { keys.insert(alias) }
            }
        }
        // A national clock's name (`order_end`, `hearing`) and the names a case's record is read by
        // (`state`, `deadlines`) would stand beside the real ones in `show` and `export`.
        for clock in workflow.clocks where isNational(clock.location) { keys.insert(clock.name) }
        keys.formUnion(Self.recordNames)
        keys.remove(TransitionEngine.warningsKey)
        return keys
    }

    /// The names a case's record is shown and exported under, never case data of a force's.
    static let recordNames: Set<String> = [
        "id", "workflow", "force", "state", "version", "procedure", "plugins", "deadlines", "opened_at", "updated_at",
    ]

    /// Refuses an action of a force's plugin that proposes a change to data only the national
    /// procedure records (`order_days`, `authorised_by`, `notice_lapsed`, `breaches_awaiting_outcome`).
    public func checkProposal(
        _ changes: [String: Value], by action: Action, of event: EventDefinition, in workflow: WorkflowDefinition? = nil
    ) throws(WorkflowError) {
        guard !isNational(action.location) else { return }
        let national = nationalData(of: workflow)
        if let field = changes.keys.sorted().first(where: national.contains) {
            throw .script(
                "action \(action.name) of \(event.name) proposed a change to \(field), which only the national procedure records (statutory floor); expected a field name of the force's own",
                at: action.location)
        }
    }

    /// Refuses moving a case into a statutory state by a migration's state map (`safeguard migrate
    /// --map limbo=order_in_force`) unless the case's events in force support it exactly as entering
    /// that state by its own event would: the state's entry rules hold unless that event is in force (run as for a superintendent,
    /// who may enter a state being the recorded events' matter), the national event that enters it
    /// is in force (`notice_served` needs a `serve_notice`), and no step in force is past the state
    /// (a case whose notice was served is not mapped back to `incident` to be served again).
    public func checkMapped(_ transition: Transition, from current: CaseSnapshot, in workflow: WorkflowDefinition? = nil) throws(WorkflowError) {
        guard current.state != transition.to else { return }
        let refusal = "--map \(current.state)=\(transition.to) refused by the statutory floor"
        let officer = Actor(id: transition.actor.id, role: Rank.superintendent.name)
        let entry = StatutoryEntry(before: current, after: transition.snapshot, actor: officer, at: transition.at)
        // The event that entered the state is in force: its checks were made on its own data when
        // it was recorded (the s.24(3)-(5) considerations are that event's data, not the case's).
        let entered = steps.contains { $0.state == transition.to && current.data[$0.field] != nil }
        for rule in entryRules where rule.state == transition.to && !entered {
            if let problem = rule.problem(entry) {
                throw .refused("\(refusal) (\(rule.source)): entering \(rule.state) \(problem); expected a state the case's recorded events support")
            }
        }
        for step in steps where step.state == transition.to && current.data[step.field] == nil {
            throw .refused(
                "\(refusal) (\(step.source)): entering \(step.state) needs \(step.event) in force, and the case has none; expected a state the case's recorded events support"
            )
        }
        guard let workflow else { return }
        for step in steps.reversed() where current.data[step.field] != nil {
            let reachable = Self.reachable(from: step.state, in: workflow)
            if !reachable.contains(transition.to) {
                throw .refused(
                    "\(refusal) (\(step.source)): the case's \(step.event) is in force, and no case is in \(transition.to) after it; expected a state the case reaches after \(step.event) (\(step.state) or later)"
                )
            }
        }
    }

    /// Refuses a transition whose effect the statute forbids: a case opened anywhere but the
    /// opening state, a statutory state entered without what the statute requires, or national
    /// data written by a force's event.
    public func check(
        _ transition: Transition, from current: CaseSnapshot?, event: EventDefinition, in workflow: WorkflowDefinition? = nil
    ) throws(WorkflowError) {
        let refusal = "\(event.name) refused by the statutory floor"
        if current == nil, transition.to != openingState {
            throw .refused("\(refusal): a case opens in \(openingState); this event opens it in \(transition.to)")
        }
        if let field = transition.data.keys.sorted().first(where: { protectedFields.contains($0) && !isNationalField($0, of: event) }) {
            throw .refused("\(refusal): \(field) is recorded only by the national procedure's events; expected a field name of the force's own")
        }
        guard let current, current.state != transition.to else { return }
        let entry = StatutoryEntry(before: current, after: transition.snapshot, actor: transition.actor, at: transition.at, eventData: transition.data)
        for rule in entryRules where rule.state == transition.to {
            if let problem = rule.problem(entry) {
                throw .refused("\(refusal) (\(rule.source)): entering \(rule.state) \(problem)")
            }
        }
        if !isNational(event.location) { try checkForceMove(transition, from: current, event: event, in: workflow) }
    }
}
