import Foundation
import Ledger
import WorkflowCore

/// Replaying a case from its events, to check its stored snapshot.
extension Casework {
    /// Rebuilds the case from its events under the procedure each event records, and compares the
    /// result with the stored snapshot. Returns each mismatch, by case and event.
    public func replay(_ caseID: String) throws(WorkflowError) -> [String] {
        try replay(caseID, stored: try snapshot(caseID), events: try store.history(caseID))
    }

    /// The same, for a case whose stored snapshot and history the caller has read (verify's pass).
    func replay(_ caseID: String, stored: CaseSnapshot, events: [RecordedEvent]) throws(WorkflowError) -> [String] {
        var snapshot: CaseSnapshot?
        for (index, event) in events.enumerated() {
            let label = "case \(caseID), event \(event.sequence) (\(event.event))"
            if event.event == Self.voidEvent {
                // A void rebuilds the case from the events before it, without every event voided so far.
                let before = Array(events[..<index])
                let targets = Self.voidTargets(event)
                guard let current = snapshot, !targets.isEmpty else { return ["\(label): a void with no case or no event named"] }
                do throws(WorkflowError) {
                    let transition = try voidTransition(
                        before, current: current, voiding: Self.voidedSequences(before).union(targets), actor: event.actor, data: event.data)
                    if transition.to != event.to { return ["\(label): replayed, it leads to \(transition.to); the log records \(event.to)"] }
                    snapshot = transition.snapshot
                } catch {
                    return ["\(label): replayed, the void is refused: \(error.message)"]
                }
                continue
            }
            let engine: TransitionEngine
            do throws(WorkflowError) {
                engine = try self.engine(procedure: event.procedure, force: stored.force, workflow: stored.workflow)
            } catch {
                return ["\(label): \(error.message)"]
            }
            do throws(WorkflowError) {
                let transition = try Self.replay(event, on: snapshot, engine: engine, force: stored.force)
                if transition.to != event.to || transition.changes != event.changes {
                    // Field names only: the values may be personal data.
                    let differing = Set(transition.changes.keys).union(event.changes.keys)
                        .filter { transition.changes[$0] != event.changes[$0] }.sorted()
                    return [
                        "\(label): replayed, it leads to \(transition.to) with different changes (to \(differing.isEmpty ? "no field" : differing.joined(separator: ", "))); the log records \(event.to)"
                    ]
                }
                snapshot = transition.snapshot
            } catch {
                return ["\(label): replayed, the procedure refuses it: \(error.message)"]
            }
        }
        guard let replayed = snapshot else { return ["case \(caseID): has a snapshot but no events"] }
        let expected = replayed.canonicalText
        guard let actual = try store.storedSnapshotText(caseID), actual != expected else { return [] }
        let difference = ValueDifference.first(Self.value(of: expected), Self.value(of: actual), path: "") ?? "its text"
        return ["case \(caseID): the stored snapshot differs from its replay at \(difference)"]
    }

    /// One recorded event decided again: the engine's own events from what they recorded.
    public static func replay(_ event: RecordedEvent, on snapshot: CaseSnapshot?, engine: TransitionEngine, force: String) throws(WorkflowError) -> Transition {
        switch event.event {
        case TransitionEngine.migrateEvent:
            guard let snapshot else { throw .storage("a migration cannot open a case") }
            var stateMap: [String: String] = [:]
            for (old, new) in event.data["state_map"]?.objectValue ?? [:] { stateMap[old] = new.stringValue }
            // A map names the state the case was in: decided again from another (an event before it
            // voided), the migration no longer says where the case goes.
            if let from = stateMap.keys.sorted().first, stateMap[snapshot.state] == nil {
                throw .refused(
                    "event \(event.sequence) (\(event.event)) maps from \(from) to \(stateMap[from] ?? ""), and the case would be in \(snapshot.state) before it")
            }
            return try engine.migrate(snapshot, at: event.at, actor: event.actor, reason: event.data["reason"]?.stringValue ?? "", stateMap: stateMap)
        case TransitionEngine.recomputeEvent:
            guard var next = snapshot else { throw .storage("a recomputation cannot open a case") }
            for case .object(let change) in event.data["changes"]?.arrayValue ?? [] {
                guard
                    let index = next.deadlines.firstIndex(where: {
                        $0.clock == change["clock"]?.stringValue && Instant.formatUTC($0.startedAt) == change["started_at"]?.stringValue
                    }), let due = change["new_due"]?.stringValue.flatMap(Instant.parse)
                else { continue }
                next.deadlines[index].due = due
                next.deadlines[index].tableVersion = event.data["table_version"]?.stringValue
            }
            next.version += 1
            next.updatedAt = event.at
            return Transition(
                caseID: event.caseID, event: event.event, eventID: event.eventID, from: event.from, to: event.to, at: event.at,
                actor: event.actor, data: event.data, changes: [:], guardsPassed: [], snapshot: next)
        default:
            // The warnings an event recorded are the procedure's to give again, and the due time a
            // late clock event keeps is the engine's note on it: neither is data to check.
            var request = TransitionRequest(
                caseID: event.caseID, event: event.event, at: event.at, actor: event.actor,
                data: event.data.filter { $0.key != TransitionEngine.warningsKey && !($0.key == TransitionEngine.deadlineDueKey && event.actor.claimsEngine) },
                eventID: event.eventID, workflow: engine.workflow.name, force: force)
            // The opening event's engine version fixes which of each event's data the case keeps.
            request.engineVersion = event.engineVersion
            return try engine.transition(snapshot, request)
        }
    }

    static func value(of text: String) -> Value {
        (try? JSONDecoder().decode(Value.self, from: Data(text.utf8))) ?? .string(text)
    }
}
