import WorkflowCore

/// A correction re-derives the statutory clocks, but not what an action derived from the corrected
/// field when it was first recorded (the Metropolitan plugin's `pilot_borough` from
/// `perpetrator_borough`). The correction's result names each such value that would now differ, so a
/// person checks it; the values are never shown, only their names.
extension Casework {
    /// The warning for a correcting `request`, or nil when no derived value would differ: the latest
    /// event that took the field is decided again with the corrected value, on the case as it stood
    /// before it, and its actions' changes compared with those it recorded.
    func staleDerivedWarning(_ request: TransitionRequest, on existing: CaseSnapshot, engine: TransitionEngine) -> String? {
        guard engine.workflow.event(named: request.event)?.corrects == true,
            let field = request.data[TransitionEngine.correctedFieldKey]?.stringValue,
            let value = request.data[TransitionEngine.correctedValueKey],
            let events = try? store.history(request.caseID)
        else { return nil }
        let voided = Self.voidedSequences(events)
        func spec(_ event: RecordedEvent) -> FieldSpec? {
            guard let definition = engine.workflow.event(named: event.event), !definition.corrects else { return nil }
            return definition.fields.first { ($0.name == field || $0.caseField == field) && event.data[$0.name] != nil }
        }
        guard let index = events.lastIndex(where: { !voided.contains($0.sequence) && spec($0) != nil }),
            let taken = spec(events[index])
        else { return nil }
        let original = events[index]
        let names = Set([taken.name, taken.caseName].compactMap { $0 })
        let recorded = original.changes.keys.filter { !names.contains($0) }
        guard !recorded.isEmpty else { return nil }
        var stale: [String]
        do throws(WorkflowError) {
            var before: CaseSnapshot?
            for event in events[..<index] where event.event != Self.voidEvent && !voided.contains(event.sequence) {
                let decider = try self.engine(procedure: event.procedure, force: existing.force, workflow: engine.workflow.name)
                before = try Self.replay(event, on: before, engine: decider, force: existing.force).snapshot
            }
            var corrected = original
            corrected.data[taken.name] = value
            let decider = try self.engine(procedure: original.procedure, force: existing.force, workflow: engine.workflow.name)
            let again = try Self.replay(corrected, on: before, engine: decider, force: existing.force)
            stale = recorded.filter { again.changes[$0] != original.changes[$0] }
        } catch {
            // Decided again, the event is refused: every value its actions derived may be stale.
            stale = recorded
        }
        guard !stale.isEmpty else { return nil }
        return "\(stale.sorted().joined(separator: ", ")) derived by \(original.event) (event \(original.sequence)) from \(field) may now be wrong and are not recomputed; check them, or void event \(original.sequence) and record it again"
    }
}
