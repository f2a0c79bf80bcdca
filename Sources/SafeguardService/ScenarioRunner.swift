import Foundation
import WorkflowCore
import WorkflowLua

/// Runs scenarios against each force's procedure, in memory, and records what they covered.
public final class ScenarioRunner {
    /// What one scenario did.
    public struct Result {
        public var scenario: Scenario
        /// nil when every step went as expected.
        public var failure: String?
        public var statesReached: Set<String> = []
        public var eventsFired: Set<String> = []
    }

    private let configuration: Configuration
    private var procedures: [String: Procedure] = [:]

    public init(configuration: Configuration) { self.configuration = configuration }

    public func engine(for scenario: Scenario) throws(WorkflowError) -> TransitionEngine {
        if procedures[scenario.force] == nil {
            procedures[scenario.force] = try Casework.loadProcedure(configuration, force: scenario.force)
        }
        return try ProcedureVersion(procedures[scenario.force]!, workflow: scenario.workflow).engine()
    }

    public func run(_ scenario: Scenario) -> Result {
        var result = Result(scenario: scenario)
        let engine: TransitionEngine
        do throws(WorkflowError) {
            engine = try self.engine(for: scenario)
        } catch {
            result.failure = error.message
            return result
        }
        var snapshot: CaseSnapshot?
        for step in scenario.steps {
            let label = "step \(step.line) \(step.event ?? "tick")"
            let outcome = Self.perform(step, on: snapshot, scenario: scenario, engine: engine)
            switch outcome {
            case .success(let transitions):
                if let problem = Self.unexpectedSuccess(step) {
                    result.failure = "\(label): \(problem)"
                    return result
                }
                for transition in transitions {
                    snapshot = transition.snapshot
                    result.eventsFired.insert(transition.event)
                    result.statesReached.insert(transition.to)
                }
                if let problem = Self.checkWarning(step.expect, transitions) {
                    result.failure = "\(label): \(problem)"
                    return result
                }
            case .failure(let error):
                if let problem = Self.unexpectedFailure(step, error) {
                    result.failure = "\(label): \(problem)"
                    return result
                }
            }
            if let problem = Self.check(step.expect, against: snapshot) {
                result.failure = "\(label): \(problem)"
                return result
            }
        }
        return result
    }

    /// Fires the step's event, or what the clocks make due at the step's tick.
    static func perform(_ step: Scenario.Step, on snapshot: CaseSnapshot?, scenario: Scenario, engine: TransitionEngine)
        -> Swift.Result<[Transition], WorkflowError>
    {
        do throws(WorkflowError) {
            guard let tick = step.tick else {
                let request = TransitionRequest(
                    caseID: "SCENARIO", event: step.event!, at: step.at, actor: step.actor, data: step.data,
                    workflow: scenario.workflow, force: scenario.force)
                return .success([try engine.transition(snapshot, request)])
            }
            var current = snapshot
            var fired: [Transition] = []
            for deadline in current?.deadlines ?? [] where deadline.status == .pending && deadline.due <= tick {
                guard let now = current,
                    now.deadlines.contains(where: { $0.clock == deadline.clock && $0.startedAt == deadline.startedAt && $0.status == .pending }),
                    let request = engine.clockRequest(for: deadline, on: now)
                else { continue }
                let transition = engine.dated(try engine.transition(now, request), answering: deadline)
                fired.append(transition)
                current = transition.snapshot
            }
            return .success(fired)
        } catch {
            return .failure(error)
        }
    }

    static func unexpectedSuccess(_ step: Scenario.Step) -> String? {
        if let refused = step.expect["refused"]?.stringValue { return "expected a refusal (\(refused)), but it was recorded" }
        if let kind = step.expect["error"]?.stringValue { return "expected a \(kind), but it was recorded" }
        return nil
    }

    static func unexpectedFailure(_ step: Scenario.Step, _ error: WorkflowError) -> String? {
        if let refused = step.expect["refused"]?.stringValue {
            guard error.kind == .refused else { return "expected a refusal, got \(error.kind.rawValue): \(error.message)" }
            return error.message.contains(refused) ? nil : "expected a refusal saying \"\(refused)\", got: \(error.message)"
        }
        if let kind = step.expect["error"]?.stringValue {
            guard error.kind.rawValue == kind else { return "expected a \(kind), got \(error.kind.rawValue): \(error.message)" }
            if let message = step.expect["message"]?.stringValue, !error.message.contains(message) {
                return "expected a message saying \"\(message)\", got: \(error.message)"
            }
            return nil
        }
        return "\(error.kind.rawValue): \(error.message)"
    }

    /// `expect = { warning = "text" }`: a warning containing the text was recorded on the step's
    /// event; `warning = false`: none was.
    static func checkWarning(_ expect: [String: Value], _ transitions: [Transition]) -> String? {
        guard let wanted = expect["warning"] else { return nil }
        let warnings = transitions.flatMap { $0.data[TransitionEngine.warningsKey]?.arrayValue ?? [] }.compactMap(\.stringValue)
        if wanted == .bool(false) {
            return warnings.isEmpty ? nil : "expected no warning, got: \(warnings.joined(separator: "; "))"
        }
        guard let text = wanted.stringValue, !warnings.contains(where: { $0.contains(text) }) else { return nil }
        return "expected a warning saying \"\(text)\", got: \(warnings.isEmpty ? "none" : warnings.joined(separator: "; "))"
    }

    /// The expectations after a step: state, data values, deadlines (a due time, or { due, status }).
    static func check(_ expect: [String: Value], against snapshot: CaseSnapshot?) -> String? {
        if let state = expect["state"]?.stringValue, snapshot?.state != state {
            return "expected state \(state), got \(snapshot?.state ?? "no case")"
        }
        for (field, value) in (expect["data"]?.objectValue ?? [:]).sorted(by: { $0.key < $1.key }) where snapshot?.data[field] != value {
            // A case that keeps event data apart holds only declared case data: say so, not just "nothing".
            let apart = snapshot?.data[field] == nil && snapshot?.effectiveDataRule == .declaredOnly
            let hint = apart ? " (the case keeps only fields an event declares case = true; an event's other data stays on the event)" : ""
            return "expected data \(field) = \(Rendering.json(value)), got \(snapshot?.data[field].map(Rendering.json) ?? "nothing")\(hint)"
        }
        for (clock, wanted) in (expect["deadlines"]?.objectValue ?? [:]).sorted(by: { $0.key < $1.key }) {
            guard let deadline = snapshot?.deadline(clock) else { return "expected a \(clock) deadline; the case has none" }
            let due = wanted.stringValue ?? wanted.objectValue?["due"]?.stringValue
            if let due {
                guard let expected = Instant.parse(due) else { return "expected \(clock) due \(due), which is not \(Instant.expected)" }
                // Compared to the millisecond, the resolution times are written in.
                if Instant.formatUTC(expected) != Instant.formatUTC(deadline.due) {
                    return "expected \(clock) due \(Instant.format(expected)), got \(Instant.format(deadline.due))"
                }
            }
            if let status = wanted.objectValue?["status"]?.stringValue, status != deadline.status.rawValue {
                return "expected \(clock) \(status), got \(deadline.status.rawValue)"
            }
        }
        return nil
    }
}
