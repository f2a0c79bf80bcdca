import WorkflowCore

/// Checks that every name a workflow's pieces refer to is declared: the states events lead from
/// and to, the events clocks listen for, the fields that condition other fields, and the roles.
struct WorkflowValidator {
    let definition: WorkflowDefinition

    /// Records each problem in `findings`: the first of each event and each clock.
    func check(into findings: Findings) {
        let states = definition.states.map(\.name)
        let events = definition.events.map(\.name)
        findings.collect { () throws(WorkflowError) in try unique(states, "state", definition.states.map(\.location)) }
        findings.collect { () throws(WorkflowError) in try unique(events, "event", definition.events.map(\.location)) }
        if !definition.events.contains(where: { $0.origin == .newCase }) {
            findings.collect { () throws(WorkflowError) in
                throw .script("workflow \(definition.name) has no event with opens = true; expected one that opens a case", at: definition.location)
            }
        }
        for event in definition.events {
            findings.collect { () throws(WorkflowError) in try check(event, states: states) }
        }
        for clock in definition.clocks {
            findings.collect { () throws(WorkflowError) in try check(clock, events: events) }
        }
        for figure in definition.figures {
            findings.collect { () throws(WorkflowError) in try checkTally(figure) }
        }
    }

    /// A tally counts declared values (one_of words, whole numbers, true or false), never free
    /// text: a report would otherwise print what people typed, personal data included.
    private func checkTally(_ figure: FigureDefinition) throws(WorkflowError) {
        guard case .tally(let eventName, let fieldName) = figure.measure,
            let field = definition.event(named: eventName)?.fields.first(where: { $0.name == fieldName })
        else { return }
        switch field.type {
        case .oneOf, .integer, .boolean: return
        default:
            throw .script(
                "figure \(figure.name) tallies field \(fieldName) of \(eventName), which is \(field.type); expected a field with one_of, a whole number or true or false, since a report counts declared values and never shows what people typed",
                at: figure.location)
        }
    }

    /// No silent overwrite of case data: every event that writes a case field declares it, of one
    /// type. A field an event takes under the name another event keeps on the case must be declared
    /// case data too (`case = true`), or named otherwise.
    /// A field type as a script declares it: `date`, `one_of {a, b}`.
    static func typeName(_ type: FieldType) -> String {
        if case .oneOf(let values) = type { return "one_of {\(values.joined(separator: ", "))}" }
        return type.name
    }

    /// Whether a declaration is a force plugin's (Plugins/<force>/…), not the national procedure's.
    static func isPlugin(_ location: SourceLocation) -> Bool { location.file.hasPrefix("Plugins/") }

    /// Run after the statutory floor's checks, whose refusal of a force writing national data says more.
    func checkCaseFields() throws(WorkflowError) {
        var first: [String: (event: EventDefinition, field: FieldSpec)] = [:]
        let events = definition.events.filter { !$0.corrects }
        for event in events {
            var named: [String: String] = [:]
            for field in event.fields {
                guard let name = field.caseName else { continue }
                if let other = named[name] {
                    throw .script(
                        "fields \(other) and \(field.name) of \(event.name) are both kept on the case as \(name); expected one case field per field of an event",
                        at: field.location)
                }
                named[name] = field.name
            }
        }
        for event in events {
            for field in event.fields {
                guard let name = field.caseName, first[name] == nil else { continue }
                first[name] = (event, field)
            }
        }
        for event in events {
            for field in event.fields {
                for name in Set([field.name, field.caseName].compactMap { $0 }) {
                    guard let (owner, declared) = first[name], owner.name != event.name || declared.name != field.name else { continue }
                    // A collision between a national field and a plugin's is the plugin's to fix: it is
                    // located at the plugin's line, the national one named in brackets.
                    let plugins = Self.isPlugin(declared.location) && !Self.isPlugin(field.location)
                    let at = plugins ? declared.location : field.location
                    let mine = plugins ? " (\(field.location))" : ""
                    let theirs = plugins ? "" : " (\(declared.location))"
                    if field.caseName != name {
                        throw .script(
                            "field \(field.name) of \(event.name)\(mine) has the name of case field \(name), which \(owner.name) keeps on the case\(theirs), but \(event.name) does not declare it case data; expected case = true on both, of one type, or another name",
                            at: at)
                    }
                    if field.type != declared.type {
                        throw .script(
                            "case field \(name) is \(Self.typeName(field.type)) in \(event.name)\(mine) but \(Self.typeName(declared.type)) in \(owner.name)\(theirs); expected one type for one case field",
                            at: at)
                    }
                }
            }
        }
    }

    private func check(_ event: EventDefinition, states: [String]) throws(WorkflowError) {
        if case .states(let from) = event.origin {
            for state in from where !states.contains(state) {
                throw DefinitionReader.unknown("event \(event.name) starts from", "state", state, among: states, at: event.location)
            }
        }
        if let target = event.target, !states.contains(target) {
            throw DefinitionReader.unknown("event \(event.name) leads to", "state", target, among: states, at: event.location)
        }
        if event.origin == .newCase, event.target == nil {
            throw .script("event \(event.name) opens a case but has no to = state; expected the state a new case starts in", at: event.location)
        }
        for role in event.who.staffRoles where !definition.staffRoles.contains(role) && role != Actor.engineClock.role {
            throw .script(
                "event \(event.name) names unknown role \"\(role)\"; expected a rank (\(Rank.namesInOrder)) or a staff role the workflow declares (staff_roles = {...})",
                at: event.location
            )
        }
        if event.corrects {
            for name in [TransitionEngine.correctedFieldKey, TransitionEngine.correctedValueKey] where event.field(named: name)?.requirement != .required {
                throw .script(
                    "event \(event.name) corrects case data but does not require field \(name); expected data = { corrected_field = \"text\", corrected_value = \"any\", … }",
                    at: event.location)
            }
            if event.origin == .newCase { throw .script("event \(event.name) corrects case data but opens a case; expected from = \"*\" or states", at: event.location) }
        }
        for field in event.fields {
            switch field.requirement {
            case .requiredIf(let other), .requiredUnless(let other):
                guard event.field(named: other)?.type == .boolean else {
                    throw .script(
                        "field \(field.name) of \(event.name) depends on \"\(other)\"; expected a boolean field of the same event", at: event.location)
                }
            default: break
            }
        }
    }

    private func check(_ clock: ClockDefinition, events: [String]) throws(WorkflowError) {
        let referred = clock.startedBy + clock.metBy + clock.stoppedBy + [clock.fires, clock.onMissed, clock.decidedBy].compactMap { $0 }
        for name in referred where !events.contains(name) {
            throw DefinitionReader.unknown("clock \(clock.name) refers to", "event", name, among: events, at: clock.location)
        }
        for (name, fields) in [(clock.onMissed, ["clock"]), (clock.decidedBy, ["clock", "decision"])] {
            guard let name, let event = definition.event(named: name) else { continue }
            for field in fields where !Self.isText(event.field(named: field)?.type) {
                throw .script(
                    "clock \(clock.name) uses \(name), which needs a text field \"\(field)\" (or one_of); expected it in the event's data", at: clock.location)
            }
        }
        if case .orderPeriod(let daysField) = clock.rule {
            for name in clock.startedBy where definition.event(named: name)?.field(named: daysField)?.type != .integer {
                throw .script("clock \(clock.name) reads \"\(daysField)\" from \(name); expected an integer field of that event", at: clock.location)
            }
        }
        if case .untilDate(let dateField) = clock.rule {
            for name in clock.startedBy where definition.event(named: name)?.field(named: dateField)?.type != .date {
                throw .script("clock \(clock.name) reads \"\(dateField)\" from \(name); expected a date field of that event", at: clock.location)
            }
        }
    }

    private func unique(_ names: [String], _ kind: String, _ locations: [SourceLocation]) throws(WorkflowError) {
        var seen: [String: SourceLocation] = [:]
        for (name, location) in zip(names, locations) {
            if let first = seen[name] {
                throw .script("\(kind) \(name) is declared twice (first at \(first)); expected one declaration", at: location)
            }
            seen[name] = location
        }
    }

    /// Text, or one of a fixed list of texts (a decision from the workflow's list).
    private static func isText(_ type: FieldType?) -> Bool {
        switch type {
        case .text, .oneOf: true
        default: false
        }
    }
}
