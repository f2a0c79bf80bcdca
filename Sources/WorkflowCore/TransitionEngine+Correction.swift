import Foundation

extension TransitionEngine {
    /// The data a correcting event (`corrects = true`) names: the field, its correct value.
    public static let correctedFieldKey = "corrected_field"
    public static let correctedValueKey = "corrected_value"

    /// What a correcting event changes on the case: the field's names (the declared name, and the
    /// other name an action records it under) and the value in its stored form.
    struct Correction {
        /// The field as the correction named it.
        var field: String
        var names: [String]
        var value: Value
        /// The field was absent and is added (a link left out when the case was opened).
        var adds = false
    }

    /// Fields a correction may add when they were left out: an optional reference to another record
    /// taken by the opening event, whose absence decided nothing (`linked_case`). An optional field
    /// whose absence is itself a decision (an order's `ends_on`: until further order) is not added.
    public static let addableFields: Set<String> = ["linked_case"]

    /// The correction `data` asks for, checked against the declaration of the field it corrects:
    /// only data an event took can be corrected (what the engine or an action recorded is corrected
    /// by voiding the event that recorded it), the value has the field's own type, and a statutory
    /// limit on the field holds.
    func correction(_ event: EventDefinition, _ current: CaseSnapshot?, _ data: [String: Value]) throws(WorkflowError) -> Correction {
        let name = data[Self.correctedFieldKey]?.stringValue ?? ""
        guard let current, let value = data[Self.correctedValueKey] else {
            throw .badInput("\(event.name) needs fields \(Self.correctedFieldKey) and \(Self.correctedValueKey); expected the field to correct and its correct value")
        }
        let declared = workflow.events.filter { !$0.corrects }.flatMap { declaring in
            declaring.fields.filter { $0.name == name || $0.caseField == name }.map { (declaring, $0) }
        }
        guard let (_, first) = declared.first else {
            if current.data[name] != nil {
                throw .refused(
                    "\(event.name) refused by rule entered_data_only: \(name) is recorded by the procedure itself (the engine or an event's action), not entered as an event's data; expected to void the event that recorded it (safeguard void \(current.id) --event N --reason …; see safeguard history \(current.id)) and record that event again"
                )
            }
            let correctable = correctableFields(current)
            let named = Self.echoes(name) ? "field \"\(name)\"" : "such field"
            throw .badInput(
                "the case has no \(named) to correct\(NearestName.didYouMean(name, among: correctable)); expected one of: \(correctable.isEmpty ? "none recorded yet" : correctable.joined(separator: ", "))"
            )
        }
        if let settling = declared.map(\.0).first(where: settlesDeadlines) {
            throw .refused(
                "\(event.name) refused by rule entered_data_only: \(name) records a decision on a deadline (\(settling.name)), which the engine acts on; expected to void that \(settling.name) (safeguard void \(current.id) --event N --reason …) and record it again"
            )
        }
        let names = Array(Set([first.name] + declared.compactMap(\.1.caseField))).sorted()
        // Data that stays on the event that opened the case (an order's terms): that event cannot
        // be voided, so the correction is kept on the case under the field's name, beside the
        // event's original, and read from there from then on.
        let onOpening =
            current.effectiveDataRule == .declaredOnly && !declared.contains(where: { $0.1.caseName != nil })
            && declared.allSatisfy({ $0.0.origin == .newCase })
        if onOpening {
            guard let accepted = declared.lazy.compactMap({ $0.1.type.accept(value) }).first else {
                let got = (value.stringValue.map { $0.allSatisfy(\.isWhitespace) } ?? false) ? "empty text" : value.kindName
                throw .badInput("\(Self.correctedValueKey) for \(name) must be \(first.type) (as \(declared[0].0.name) declares it); got \(got)")
            }
            try checkLimits(event, name: name, names: [first.name], accepted: accepted, personal: first.personal)
            return Correction(field: name, names: [first.name], value: accepted, adds: current.data[first.name] == nil)
        }
        if current.effectiveDataRule == .declaredOnly, !declared.contains(where: { $0.1.caseName != nil }) {
            let correctable = correctableFields(current)
            let fields = correctable.isEmpty ? "none recorded yet" : correctable.joined(separator: ", ")
            throw .refused(
                "\(event.name) refused: \(name) stays on its event (\(declared[0].0.name)), not on the case, so there is no case value to correct; expected a case field (\(fields)), or void that event and record it again"
            )
        }
        let adds =
            !names.contains(where: { current.data[$0] != nil }) && Self.addableFields.contains(name)
            && declared.allSatisfy { $0.0.origin == .newCase && $0.1.requirement == .optional }
        guard adds || names.contains(where: { current.data[$0] != nil }) else {
            // An optional field left out (an order made until further order) was a decision when
            // it was recorded: it is put right by recording that event again, not by a correction.
            guard declared.contains(where: { $0.1.requirement != .required }) else {
                throw .refused("\(event.name) refused: the case has no field \(name) to correct; expected a field already recorded")
            }
            let events = Array(Set(declared.map(\.0.name))).sorted().joined(separator: " or ")
            throw .refused(
                "\(event.name) refused: \(name) is not recorded on case \(current.id) (\(events) left it out, or has not been recorded), so there is no value to correct; expected, if it was left out by mistake, to void that event and record it again with \(name) (safeguard history \(current.id) numbers the events)"
            )
        }
        guard let accepted = declared.lazy.compactMap({ $0.1.type.accept(value) }).first else {
            let got = (value.stringValue.map { $0.allSatisfy(\.isWhitespace) } ?? false) ? "empty text" : value.kindName
            throw .badInput("\(Self.correctedValueKey) for \(name) must be \(first.type) (as \(declared[0].0.name) declares it); got \(got)")
        }
        try checkLimits(event, name: name, names: names, accepted: accepted, personal: first.personal)
        return Correction(field: name, names: adds ? [first.caseName ?? first.name] : names, value: accepted, adds: adds)
    }

    /// A statutory limit on the field holds for the corrected value.
    func checkLimits(_ event: EventDefinition, name: String, names: [String], accepted: Value, personal: Bool) throws(WorkflowError) {
        for limit in workflow.limits where names.contains(limit.name) {
            guard let number = Self.number(accepted), number < limit.min || number > limit.max else { continue }
            let shown = personal ? "" : "; got \(Self.format(number))"
            throw .refused(
                "\(event.name) refused by rule \(limit.name) (\(limit.location)): \(name) must be from \(Self.format(limit.min)) to \(Self.format(limit.max)) (\(limit.rule))\(shown)"
            )
        }
    }

    /// The case with the correction made, and each pending deadline whose time depends on the
    /// corrected field computed again from its start: an order's end from its corrected period, a
    /// deadline capped by a corrected listing. Met and missed deadlines are history.
    func corrected(_ snapshot: CaseSnapshot, _ correction: Correction) throws(WorkflowError) -> (CaseSnapshot, [Value]) {
        var next = snapshot
        var warnings: [Value] = []
        if !correction.adds, correction.names.allSatisfy({ snapshot.data[$0] == nil || snapshot.data[$0] == correction.value }) {
            warnings.append(.string(Self.unchangedCorrection(correction.field)))
        }
        for name in correction.names where snapshot.data[name] != nil || correction.adds {
            next.data[name] = correction.value
        }
        for clock in workflow.clocks where depends(clock, on: correction.names) {
            let before = next.deadlines
            try recap(&next.deadlines, clock: clock, field: clock.cappedBy, snapshot: next)
            for (old, new) in zip(before, next.deadlines) where Instant.format(old.due) != Instant.format(new.due) {
                warnings.append(
                    .string("deadline \(clock.name) moves from \(Instant.format(old.due)) to \(Instant.format(new.due)) with the corrected \(correction.field)"))
            }
            // A deadline already met or missed keeps its recorded time (it is history), but where it
            // would fall with the corrected value is said, so the person sees what to put right.
            var settled = next.deadlines
            for index in settled.indices where settled[index].clock == clock.name && settled[index].status != .pending {
                settled[index].status = .pending
            }
            let recorded = next.deadlines
            try recap(&settled, clock: clock, field: clock.cappedBy, snapshot: next)
            for (old, new) in zip(recorded, settled)
            where old.clock == clock.name && old.status != .pending && Instant.format(old.due) != Instant.format(new.due) {
                warnings.append(
                    .string(
                        "deadline \(clock.name) moves from \(Instant.format(old.due)) to \(Instant.format(new.due)) with the corrected \(correction.field); it was recorded \(old.status.rawValue) by \(old.settledBy ?? "an event") at \(Instant.format(old.settledAt ?? old.due)), which stands: void that event if it answered the old time"
                    ))
            }
            // An end the correction puts in the past has already come: tick records the expiry.
            for deadline in next.deadlines where deadline.clock == clock.name && deadline.status == .pending && deadline.due < next.updatedAt {
                guard clock.fires != nil else { continue }
                warnings.append(
                    .string(
                        "with the corrected \(correction.field), \(clock.name) \(Instant.format(deadline.due)) has already passed; expected safeguard tick to record \(clock.fires ?? "the expiry") now"
                    ))
            }
        }
        return (next, warnings)
    }

    /// What a correction to the value the case already holds says. A person's such correction is
    /// refused before it is recorded (the service checks for this text); one already on record
    /// replays with it as a warning.
    public static func unchangedCorrection(_ field: String) -> String {
        "\(field) already holds the value given: the correction changes nothing; expected the value the record should hold"
    }

    /// Whether a clock's deadline is computed from one of `names`.
    func depends(_ clock: ClockDefinition, on names: [String]) -> Bool {
        if let capped = clock.cappedBy, names.contains(capped) { return true }
        switch clock.rule {
        case .orderPeriod(let field), .untilDate(let field): return names.contains(field)
        default: return false
        }
    }

    /// An event that records a deadline missed, or a decision on one: its data is the engine's.
    func settlesDeadlines(_ event: EventDefinition) -> Bool {
        workflow.clocks.contains { $0.onMissed == event.name || $0.decidedBy == event.name }
    }

    /// The fields of the case a correction may name: those recorded that an event took as data.
    func correctableFields(_ snapshot: CaseSnapshot) -> [String] {
        let events = workflow.events.filter { !$0.corrects && !settlesDeadlines($0) }
        let names = Set(events.flatMap { $0.fields.flatMap { [$0.name] + [$0.caseField].compactMap { $0 } } })
        return names.filter { snapshot.data[$0] != nil }.sorted()
    }

    /// A field name is echoed only when it looks like one (it may be a value typed by mistake).
    static func echoes(_ name: String) -> Bool {
        name.count <= 60 && isFieldName(name)
    }

    /// A value as a number, for a limit's bounds.
    static func number(_ value: Value) -> Double? {
        switch value {
        case .integer(let i): Double(i)
        case .number(let d): d
        default: nil
        }
    }

    static func format(_ number: Double) -> String {
        number == number.rounded() ? String(Int(number)) : String(number)
    }
}
