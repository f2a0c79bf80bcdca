import WorkflowCore

/// Reads one workflow's declarations (the plain data the prelude recorded) into a
/// `WorkflowDefinition`, attaching Lua hooks to their events and checking every name a piece
/// refers to. Errors name the `file:line` of the declaration at fault.
struct DefinitionReader {
    let hooks: LuaHookAdapter

    func read(_ declared: [String: Value]) throws(WorkflowError) -> WorkflowDefinition {
        let location = Self.location(declared)
        let states = Self.list(declared["states"]).map { state in
            StateDefinition(
                name: state["name"]?.stringValue ?? "", isFinal: state["final"]?.boolValue ?? false,
                summary: state["summary"]?.stringValue ?? "", location: Self.location(state))
        }
        var events = try Self.list(declared["events"]).map { event throws(WorkflowError) in try Self.event(event) }
        var definition = WorkflowDefinition(
            name: declared["name"]?.stringValue ?? "", title: declared["title"]?.stringValue ?? "",
            states: states, events: [], clocks: Self.list(declared["clocks"]).map(Self.clock),
            staffRoles: Self.names(declared["staff_roles"]), location: location)

        for (kind, key) in [("guard", "guards"), ("action", "actions")] {
            for hook in Self.list(declared[key]) {
                let hookLocation = Self.location(hook)
                let eventName = hook["event"]?.stringValue ?? ""
                let name = hook["name"]?.stringValue ?? ""
                guard let index = events.firstIndex(where: { $0.name == eventName }) else {
                    throw Self.unknown("\(kind) \(name) is on", "event", eventName, among: events.map(\.name), at: hookLocation)
                }
                let number = hook["hook"]?.integerValue ?? 0
                if kind == "guard" {
                    events[index].guards.append(hooks.guardValue(name: name, hook: number, location: hookLocation))
                } else {
                    events[index].actions.append(hooks.actionValue(name: name, hook: number, location: hookLocation))
                }
            }
        }
        definition.events = events
        try WorkflowValidator(definition: definition).check()
        return definition
    }

    static func event(_ event: [String: Value]) throws(WorkflowError) -> EventDefinition {
        let origin: EventDefinition.Origin
        switch event["origin"]?.stringValue {
        case "new": origin = .newCase
        case "any": origin = .anyNonFinal
        default: origin = .states(names(event["from"]))
        }
        let who = event["who"]?.objectValue ?? [:]
        let requirement = RoleRequirement(
            minimumRank: who["rank"]?.stringValue.flatMap(Rank.init(name:)), staffRoles: names(who["staff"]))
        return EventDefinition(
            name: event["name"]?.stringValue ?? "", origin: origin, target: event["to"]?.stringValue, who: requirement,
            fields: list(event["fields"]).map(field), summary: event["summary"]?.stringValue ?? "",
            location: location(event))
    }

    static func field(_ field: [String: Value]) -> FieldSpec {
        let type: FieldType
        switch field["type"]?.stringValue {
        case "boolean": type = .boolean
        case "integer": type = .integer
        case "number": type = .number
        case "date": type = .date
        case "instant": type = .instant
        case "one_of": type = .oneOf(names(field["one_of"]))
        default: type = .text
        }
        let other = field["other"]?.stringValue ?? ""
        let requirement: FieldSpec.Requirement
        switch field["requirement"]?.stringValue {
        case "optional": requirement = .optional
        case "required_if": requirement = .requiredIf(other)
        case "required_unless": requirement = .requiredUnless(other)
        default: requirement = .required
        }
        return FieldSpec(
            name: field["name"]?.stringValue ?? "", type: type, requirement: requirement,
            summary: field["summary"]?.stringValue ?? "", personal: field["personal"]?.boolValue ?? false,
            location: location(field))
    }

    static func clock(_ clock: [String: Value]) -> ClockDefinition {
        let rule: ClockDefinition.Rule
        if clock["rule"]?.stringValue == "counted_hours" {
            rule = .countedHours(CountedHours(
                hours: clock["hours"]?.integerValue ?? 0,
                disregard: Set(names(clock["disregard"]).compactMap(DayCategory.init(rawValue:))),
                unsettledDays: CountedHours.UnsettledDays(rawValue: clock["unsettled_days"]?.stringValue ?? "") ?? .count))
        } else {
            rule = .orderPeriod(daysField: clock["days_field"]?.stringValue ?? "")
        }
        return ClockDefinition(
            name: clock["name"]?.stringValue ?? "", rule: rule,
            startedBy: names(clock["started_by"]), metBy: names(clock["met_by"]), stoppedBy: names(clock["stopped_by"]),
            fires: clock["fires"]?.stringValue, cappedBy: clock["capped_by"]?.stringValue,
            onMissed: clock["on_missed"]?.stringValue, decidedBy: clock["decided_by"]?.stringValue,
            summary: clock["summary"]?.stringValue ?? "", location: location(clock))
    }

    static func location(_ table: [String: Value]) -> SourceLocation {
        SourceLocation(file: table["file"]?.stringValue ?? "?", line: table["line"]?.integerValue ?? 0)
    }

    static func list(_ value: Value?) -> [[String: Value]] {
        guard case .array(let items) = value else { return [] }
        return items.compactMap(\.objectValue)
    }

    static func names(_ value: Value?) -> [String] {
        guard case .array(let items) = value else { return [] }
        return items.compactMap(\.stringValue)
    }

    static func unknown(_ what: String, _ kind: String, _ name: String, among names: [String], at location: SourceLocation) -> WorkflowError {
        .script("\(location): \(what) unknown \(kind) \"\(name)\"; expected one of: \(names.joined(separator: ", "))")
    }
}
