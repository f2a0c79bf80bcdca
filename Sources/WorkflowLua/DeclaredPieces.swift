import WorkflowCore

/// One workflow's declarations as the scripts made them, before layering: each piece with the
/// plugin that declared it (nil for the national workflow's own).
struct DeclaredPieces {
    /// A guard or action declaration, not yet attached to its event.
    struct Hook {
        var event: String
        var name: String
        var hook: Int
        var location: SourceLocation
    }

    /// What a plugin changes in pieces it did not declare.
    enum Patch {
        case staffRole(String)
        case allow(event: String, roles: [String])
        case requireRank(event: String, rank: Rank)
        case field(event: String, FieldSpec)
        case set(policy: String, Value)
    }

    struct Tagged<Piece> {
        var plugin: String?
        var piece: Piece
        var location: SourceLocation
    }

    var name: String
    var title: String
    var location: SourceLocation
    var staffRoles: [String]
    var states: [Tagged<StateDefinition>] = []
    var events: [Tagged<EventDefinition>] = []
    /// Clocks, each with the policy naming its hours when it reads one.
    var clocks: [Tagged<(ClockDefinition, String?)>] = []
    var guards: [Tagged<Hook>] = []
    var actions: [Tagged<Hook>] = []
    var patches: [Tagged<Patch>] = []
    var limits: [StatutoryLimit] = []
    var figures: [FigureDefinition] = []

    init(_ declared: [String: Value]) {
        typealias R = DefinitionReader
        name = declared["name"]?.stringValue ?? ""
        title = declared["title"]?.stringValue ?? ""
        location = R.location(declared)
        staffRoles = R.names(declared["staff_roles"])
        func tag<P>(_ table: [String: Value], _ piece: P) -> Tagged<P> {
            Tagged(plugin: table["plugin"]?.stringValue, piece: piece, location: R.location(table))
        }
        for state in R.list(declared["states"]) {
            states.append(
                tag(
                    state,
                    StateDefinition(
                        name: state["name"]?.stringValue ?? "", isFinal: state["final"]?.boolValue ?? false,
                        summary: state["summary"]?.stringValue ?? "", location: R.location(state))))
        }
        events = R.list(declared["events"]).map { tag($0, R.event($0)) }
        clocks = R.list(declared["clocks"]).map { tag($0, (R.clock($0), $0["hours_policy"]?.stringValue)) }
        for (key, keyPath) in [("guards", \DeclaredPieces.guards), ("actions", \DeclaredPieces.actions)] {
            self[keyPath: keyPath] = R.list(declared[key]).map { hook in
                tag(
                    hook,
                    Hook(
                        event: hook["event"]?.stringValue ?? "", name: hook["name"]?.stringValue ?? "",
                        hook: hook["hook"]?.integerValue ?? 0, location: R.location(hook)))
            }
        }
        for patch in R.list(declared["patches"]) {
            let event = patch["event"]?.stringValue ?? ""
            let parsed: Patch?
            switch patch["kind"]?.stringValue {
            case "staff_role": parsed = .staffRole(patch["role"]?.stringValue ?? "")
            case "allow": parsed = .allow(event: event, roles: R.names(patch["roles"]))
            case "require_rank": parsed = (patch["rank"]?.stringValue).flatMap(Rank.init(name:)).map { .requireRank(event: event, rank: $0) }
            case "field": parsed = patch["field"]?.objectValue.map { .field(event: event, R.field($0)) }
            case "set": parsed = .set(policy: patch["policy"]?.stringValue ?? "", patch["value"] ?? .null)
            default: parsed = nil
            }
            if let parsed { patches.append(tag(patch, parsed)) }
        }
        limits = R.list(declared["limits"]).map { limit in
            StatutoryLimit(
                name: limit["name"]?.stringValue ?? "", min: limit["min"].flatMap(R.number) ?? 0,
                max: limit["max"].flatMap(R.number) ?? 0, rule: limit["rule"]?.stringValue ?? "", location: R.location(limit))
        }
        figures = R.list(declared["figures"]).compactMap(Self.figure)
    }

    /// The plugins' declarations with their policies, as the prelude recorded them.
    static func plugins(_ declared: [[String: Value]]) -> [(PluginInfo, [PolicyDefinition])] {
        typealias R = DefinitionReader
        return declared.map { plugin in
            let location = R.location(plugin)
            let name = plugin["name"]?.stringValue ?? ""
            let info = PluginInfo(
                name: name, version: plugin["version"]?.stringValue ?? "", extends: plugin["extends"]?.stringValue ?? "",
                order: plugin["order"]?.integerValue ?? 100, forces: R.names(plugin["forces"]), after: R.names(plugin["after"]),
                summary: plugin["summary"]?.stringValue ?? "", location: location)
            let policies = R.list(plugin["policies"]).map { policy in
                PolicyDefinition(
                    name: policy["name"]?.stringValue ?? "", plugin: name,
                    type: PolicyType(rawValue: policy["type"]?.stringValue ?? "") ?? .text,
                    defaultValue: policy["default"] ?? .null, summary: policy["summary"]?.stringValue ?? "",
                    within: policy["within"]?.stringValue, location: location)
            }
            return (info, policies)
        }
    }
}

extension DeclaredPieces {
    /// A figure as the prelude recorded it (its measure already checked there).
    static func figure(_ table: [String: Value]) -> FigureDefinition? {
        let subject = table["subject"]?.stringValue ?? ""
        let field = table["field"]?.stringValue ?? ""
        let measure: FigureDefinition.Measure
        switch table["measure"]?.stringValue {
        case "count": measure = .count(event: subject)
        case "cases":
            if let with = table["with"]?.stringValue {
                measure = .cases(event: subject, other: with, present: true)
            } else {
                measure = .cases(event: subject, other: table["without"]?.stringValue ?? "", present: false)
            }
        case "tally": measure = .tally(event: subject, field: field)
        case "mean": measure = .mean(event: subject, field: field)
        case "clock": measure = .clock(subject, status: table["status"]?.stringValue == "missed" ? .missed : .met)
        case "median_hours": measure = .medianHours(clock: subject)
        case "clocks_met_by":
            let status = table["status"]?.stringValue.map { $0 == "missed" ? Deadline.Status.missed : .met }
            measure = .clocksMetBy(event: subject, status: status)
        case "rate": measure = .rate(figure: subject, of: DefinitionReader.names(table["of"]))
        default: return nil
        }
        return FigureDefinition(name: table["name"]?.stringValue ?? "", measure: measure, location: DefinitionReader.location(table))
    }
}
