import WorkflowCore

/// A correction meets the checks the field's own events made: the latest event that took the field
/// is decided again with the corrected value, on the case as it stood before it, and the correction
/// is refused when that event would be (an order's end before the day it was made, say). Each later
/// event is then decided again on the corrected case; each one a check would now refuse stands as
/// recorded, and the correction's result names every such event (event and check, never the
/// values) for a person to look at. A warning the event that took the field gives of the corrected
/// value (a hearing listed beyond the 48 hours, CSA 2010 s.27(3)) is given by the correction too.
extension Casework {
    /// The warnings for a correcting `request`: what the event that took the field says of the
    /// corrected value, and the names of later events a check would now refuse.
    /// - Throws: `refused` when the event that took the field would refuse the corrected value.
    func correctionChecks(_ request: TransitionRequest, on existing: CaseSnapshot, engine: TransitionEngine) throws(WorkflowError) -> [String] {
        guard engine.workflow.event(named: request.event)?.corrects == true,
            let field = request.data[TransitionEngine.correctedFieldKey]?.stringValue,
            let value = request.data[TransitionEngine.correctedValueKey],
            let events = try? store.history(request.caseID)
        else { return [] }
        let voided = Self.voidedSequences(events)
        let kept = events.filter { $0.event != Self.voidEvent && !voided.contains($0.sequence) }
        func spec(_ event: RecordedEvent) -> FieldSpec? {
            guard let definition = engine.workflow.event(named: event.event), !definition.corrects else { return nil }
            return definition.fields.first { ($0.name == field || $0.caseField == field) && event.data[$0.name] != nil }
        }
        guard let index = kept.lastIndex(where: { spec($0) != nil }), let taken = spec(kept[index]), let accepted = taken.type.accept(value) else {
            return []
        }
        func decider(_ event: RecordedEvent) throws(WorkflowError) -> TransitionEngine {
            try self.engine(procedure: event.procedure, force: existing.force, workflow: engine.workflow.name)
        }
        var case_: CaseSnapshot?
        do throws(WorkflowError) {
            for event in kept[..<index] { case_ = try Self.replay(event, on: case_, engine: try decider(event), force: existing.force).snapshot }
        } catch {
            return []  // the record does not replay as it stands: verify says so; nothing to compare with
        }
        let original = kept[index]
        var corrected = original
        corrected.data[taken.name] = accepted
        // The case as recorded, beside the corrected one: a later event the corrected case refuses
        // stands as recorded, and the events after it are checked from the case as recorded with
        // the correction made.
        var asRecorded = case_
        var warnings: [String] = []
        do throws(WorkflowError) {
            let decided = try Self.replay(corrected, on: case_, engine: try decider(original), force: existing.force)
            case_ = decided.snapshot
            // What the event would say of the corrected value (a hearing listed beyond the 48
            // hours, say), unless it said so of the value recorded, or the case holds it already
            // (a correction that changes nothing says so, and no more).
            let said = Set((original.data[TransitionEngine.warningsKey]?.arrayValue ?? []).compactMap(\.stringValue))
            let unchanged = existing.data[taken.caseName ?? taken.name] == accepted
            for case .string(let warning) in decided.data[TransitionEngine.warningsKey]?.arrayValue ?? []
            where !said.contains(warning) && !unchanged {
                warnings.append("with the corrected \(field), \(original.event) (event \(original.sequence)) warns: \(warning)")
            }
        } catch {
            guard error.kind == .refused else { return [] }
            // The check's own words say what was expected; a personal value is never echoed.
            let why = taken.personal ? "\(Self.ruleName(error.message).map { " by rule \($0)" } ?? ""); expected a value \(original.event) accepts" : ": \(error.message)"
            throw .refused("\(request.event) refused: with the corrected \(field), \(original.event) (event \(original.sequence)) would be refused\(why)")
        }
        do throws(WorkflowError) {
            asRecorded = try Self.replay(original, on: asRecorded, engine: try decider(original), force: existing.force).snapshot
        } catch {
            return warnings
        }
        for event in kept[(index + 1)...] {
            let later: TransitionEngine
            do throws(WorkflowError) {
                later = try decider(event)
                asRecorded = try Self.replay(event, on: asRecorded, engine: later, force: existing.force).snapshot
            } catch {
                return warnings  // the record does not replay as it stands: verify says so
            }
            // An earlier correction of the same field is what this one replaces: the corrected case
            // keeps this correction's value past it, so the events after it are checked against it.
            if later.workflow.event(named: event.event)?.corrects == true, event.data[TransitionEngine.correctedFieldKey]?.stringValue == field {
                case_?.version += 1
                case_?.updatedAt = event.at
                continue
            }
            do throws(WorkflowError) {
                case_ = try Self.replay(event, on: case_, engine: later, force: existing.force).snapshot
            } catch {
                let rule = Self.ruleName(error.message).map { " by check \($0)" } ?? ""
                let named = "with the corrected \(field), \(event.event) (event \(event.sequence)) would now be refused\(rule); it stands as recorded: check it, or void event \(event.sequence)"
                // Go on from the case as recorded, with the correction made.
                guard let recorded = asRecorded, let resumed = try? engine.transition(recorded, request).snapshot else {
                    warnings.append(named + " (later events are not checked)")
                    return warnings
                }
                warnings.append(named)
                case_ = resumed
            }
        }
        return warnings
    }

    /// The rule a refusal names ("… refused by rule NAME …"), if any.
    static func ruleName(_ message: String) -> String? {
        guard let range = message.range(of: "refused by rule ") else { return nil }
        let name = message[range.upperBound...].prefix { $0.isLetter || $0.isNumber || $0 == "_" }
        return name.isEmpty ? nil : String(name)
    }
}
