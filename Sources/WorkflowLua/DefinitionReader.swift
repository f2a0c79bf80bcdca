import WorkflowCore

/// Reads one workflow's declarations (the plain data the prelude recorded) into a
/// `WorkflowDefinition`, attaching Lua hooks to their events and checking every name a piece
/// refers to. Errors name the `file:line` of the declaration at fault.
struct DefinitionReader {
    let hooks: HookAdapters
    /// Every plugin the folder declares, for any force: the names `after` may refer to.
    var knownPlugins: Set<String> = []
    /// The procedure's sources, where the national actions' records are read (`NationalRecords`).
    var sources: [ScriptSource] = []

    /// The workflow's own declarations, with the active plugins' layered on for `force`.
    func read(
        _ pieces: DeclaredPieces, plugins: [(PluginInfo, [PolicyDefinition])], force: String?, findings: Findings
    ) -> WorkflowDefinition {
        let mine = plugins.filter { $0.0.extends == pieces.name }
        let active = Set(
            pieces.states.compactMap(\.plugin) + pieces.events.compactMap(\.plugin) + pieces.clocks.compactMap(\.plugin)
                + pieces.guards.compactMap(\.plugin) + pieces.actions.compactMap(\.plugin) + pieces.patches.compactMap(\.plugin))
        let activePlugins = mine.filter { force != nil && $0.0.forces.contains(force!) || active.contains($0.0.name) }
        var ordered = activePlugins.map(\.0).sorted { ($0.order, $0.name) < ($1.order, $1.name) }
        findings.collect { () throws(WorkflowError) in
            ordered = try PluginOrder.sorted(activePlugins.map(\.0), known: knownPlugins.union(plugins.map(\.0.name)))
        }
        var layering = PluginLayering(pieces: pieces, hooks: hooks, force: force, findings: findings)
        var definition = layering.layer(ordered, policies: activePlugins.flatMap(\.1))
        definition.nationalRecords = NationalRecords.keys(of: definition, in: sources)
        WorkflowValidator(definition: definition).check(into: findings)
        for problem in StatutoryFloor.regime(definition.name)?.check(definition) ?? [] {
            findings.collect { () throws(WorkflowError) in throw problem }
        }
        findings.collect { () throws(WorkflowError) in try WorkflowValidator(definition: definition).checkCaseFields() }
        return definition
    }

    static func event(_ event: [String: Value]) -> EventDefinition {
        let origin: EventDefinition.Origin
        switch event["origin"]?.stringValue {
        case "new": origin = .newCase
        case "any": origin = .anyNonFinal
        default: origin = .states(names(event["from"]))
        }
        let who = event["who"]?.objectValue ?? [:]
        let requirement = RoleRequirement(
            minimumRank: who["rank"]?.stringValue.flatMap(Rank.init(name:)), staffRoles: names(who["staff"]))
        var definition = EventDefinition(
            name: event["name"]?.stringValue ?? "", origin: origin, target: event["to"]?.stringValue, who: requirement,
            fields: list(event["fields"]).map { spec in
                var parsed = field(spec)
                parsed.location = location(event)
                return parsed
            }, summary: event["summary"]?.stringValue ?? "",
            location: location(event), statutoryWho: event["statutory"]?.boolValue ?? false)
        definition.whoRule = event["who_rule"]?.stringValue
        definition.corrects = event["corrects"]?.boolValue ?? false
        return definition
    }

    static func number(_ value: Value) -> Double? {
        switch value {
        case .integer(let i): Double(i)
        case .number(let d): d
        default: nil
        }
    }

    static func field(_ field: [String: Value]) -> FieldSpec {
        let name = field["type"]?.stringValue
        let type: FieldType =
            name == FieldType.oneOf([]).name
            ? .oneOf(names(field["one_of"])) : FieldType.scalarTypes.first { $0.name == name } ?? .text
        let other = field["other"]?.stringValue ?? ""
        let requirement: FieldSpec.Requirement
        switch field["requirement"]?.stringValue {
        case "optional": requirement = .optional
        case "required_if": requirement = .requiredIf(other)
        case "required_unless": requirement = .requiredUnless(other)
        default: requirement = .required
        }
        var spec = FieldSpec(
            name: field["name"]?.stringValue ?? "", type: type, requirement: requirement,
            summary: field["summary"]?.stringValue ?? "", personal: field["personal"]?.boolValue ?? false,
            location: location(field))
        spec.caseField = field["case_field"]?.stringValue
        spec.onCase = field["case"]?.boolValue ?? false
        return spec
    }

    static func clock(_ clock: [String: Value]) -> ClockDefinition {
        let rule: ClockDefinition.Rule
        if clock["rule"]?.stringValue == "elapsed" {
            rule = .elapsed(hours: clock["hours"]?.integerValue ?? 0)
        } else if clock["rule"]?.stringValue == "counted_hours" {
            rule = .countedHours(
                CountedHours(
                    hours: clock["hours"]?.integerValue ?? 0,
                    disregard: Set(names(clock["disregard"]).compactMap(DayCategory.init(rawValue:))),
                    unsettledDays: CountedHours.UnsettledDays(rawValue: clock["unsettled_days"]?.stringValue ?? "") ?? .count))
        } else if clock["rule"]?.stringValue == "calendar_days" {
            rule = .calendarDays(days: clock["days"]?.integerValue ?? 0)
        } else if clock["rule"]?.stringValue == "working_days" {
            rule = .workingDays(days: clock["days"]?.integerValue ?? 0)
        } else if clock["rule"]?.stringValue == "until_date" {
            rule = .untilDate(dateField: clock["date_field"]?.stringValue ?? "")
        } else {
            rule = .orderPeriod(daysField: clock["days_field"]?.stringValue ?? "")
        }
        return ClockDefinition(
            name: clock["name"]?.stringValue ?? "", rule: rule,
            startedBy: names(clock["started_by"]), metBy: names(clock["met_by"]), stoppedBy: names(clock["stopped_by"]),
            fires: clock["fires"]?.stringValue, cappedBy: clock["capped_by"]?.stringValue,
            plannedBy: clock["planned_by"]?.stringValue,
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
        .script("\(what) unknown \(kind) \"\(name)\"; expected one of: \(names.joined(separator: ", "))", at: location)
    }
}
