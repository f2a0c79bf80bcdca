import Foundation
import WorkflowCore

/// Reading cases: what `show`, `history`, `list`, `due` and `fire --explain` print.
extension Casework {
    /// The case as it stands, with the events people may fire next (nil when its procedure
    /// cannot be loaded).
    public func show(_ caseID: String) throws(WorkflowError) -> CaseDocument {
        let snapshot = try snapshot(caseID)
        let next = (try? engine(for: snapshot))?.workflow.eventsForPeople(in: snapshot.state).map(\.name)
        return CaseDocument(snapshot: snapshot, nextEvents: next, identities: try? identities(caseID: caseID))
    }

    /// A case's events, oldest first.
    public func history(_ caseID: String) throws(WorkflowError) -> HistoryDocument {
        _ = try snapshot(caseID)
        let events = try store.history(caseID)
        var imports: [String: RegisterChange] = [:]
        if events.contains(where: { $0.actor.authentication?.hasPrefix("import:") == true }) {
            let register = StaffRegister(try store.registerChanges(force: nil))
            for event in events where event.actor.authentication?.hasPrefix("import:") == true {
                if let version = event.actor.registerVersion, let change = register.change(version: version), change.kind == .importHistory {
                    imports[version] = change
                }
            }
        }
        return HistoryDocument(caseID: caseID, events: events, imports: imports)
    }

    /// Cases, optionally only those in a state or of a force. A filter that matches nothing is
    /// checked: a force not in the register, or a state no procedure has, is bad input rather
    /// than "no cases".
    public func list(state: String?, force: String?) throws(WorkflowError) -> [CaseSnapshot] {
        let cases = try store.list(state: state, force: force)
        if cases.isEmpty {
            if let force { _ = try forces().check(force) }
            if let state { try checkState(state, force: force) }
        }
        return cases
    }

    /// A state filter that names a state of the force's procedure (the national one without a force).
    func checkState(_ state: String, force: String?) throws(WorkflowError) {
        let procedure = try procedure(force: force ?? DefaultWorkflow.nationalForce)
        var seen: Set<String> = []
        let states = procedure.workflows.values.sorted { $0.name < $1.name }.flatMap { $0.states.map(\.name) }
            .filter { seen.insert($0).inserted }
        guard !states.contains(state) else { return }
        throw .badInput(
            "unknown state \(ForceRegister.shown(state))\(NearestName.didYouMean(state, among: states)); expected one of \(states.joined(separator: ", "))")
    }

    /// Pending deadlines due before `horizon` (all of them when nil), and every missed one,
    /// soonest first, judged at `at`. Read from the deadline index, not a scan of every case.
    public func due(at: Date, horizon: Date?, force: String?) throws(WorkflowError) -> DueDocument {
        if let force { _ = try forces().check(force) }
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

    /// Every check that would allow or block the request, then the whole transition decided as
    /// `fire` would decide it — actions run in the same sandbox, their changes discarded — so
    /// the verdict is the one `fire` would give. Nothing is recorded.
    public func explain(_ given: TransitionRequest) throws(WorkflowError) -> Explanation {
        let snapshot = try snapshot(given.caseID)
        let engine = try engine(for: snapshot)
        // The actor as fire would record it: with a staff register, the token's holder in a role they held.
        let request: TransitionRequest
        do throws(WorkflowError) {
            request = try authenticated(given, force: snapshot.force)
        } catch where error.kind == .refused || error.kind == .badInput {
            return Explanation(checks: [CheckResult(check: "actor", passed: false, detail: error.message)], refusal: error)
        }
        var checks = engine.explain(snapshot, request)
        do throws(WorkflowError) {
            try checkPersonsRequest(request)
        } catch {
            checks.append(CheckResult(check: "time", passed: false, detail: error.message))
            return Explanation(checks: checks, refusal: error)
        }
        do throws(WorkflowError) {
            let transition = try engine.transition(snapshot, request)
            if let event = engine.workflow.event(named: request.event) {
                for action in event.actions {
                    checks.append(CheckResult(check: "action \(action.name)", passed: true, detail: "runs", location: action.location))
                }
            }
            let changes = transition.changes.keys.sorted()
            checks.append(
                CheckResult(
                    check: "outcome", passed: true,
                    detail: "leads to \(transition.to)\(changes.isEmpty ? "" : ", setting \(changes.joined(separator: ", "))")"))
            return Explanation(checks: checks, refusal: nil)
        } catch {
            if checks.allSatisfy(\.passed) {
                checks.append(CheckResult(check: error.kind == .script ? "script" : "outcome", passed: false, detail: error.message, location: error.location))
            }
            return Explanation(checks: checks, refusal: error)
        }
    }
}
