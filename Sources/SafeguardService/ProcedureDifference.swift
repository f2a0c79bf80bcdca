import WorkflowCore

/// What differs between two versions of a workflow, one line a piece, each with the `file:line`
/// of the piece in the version that has it: states, events (origin, target, who, data, guards),
/// clocks and policy values added, removed or changed.
///
///     + state under_review (Workflows/dvpo.lua:30)
///     ~ policy order_lengths: [14,28] → [14,21,28] (Plugins/essex/plugin.lua:12)
public enum ProcedureDifference {
    public static func between(_ old: WorkflowDefinition, _ new: WorkflowDefinition) -> [String] {
        var lines: [String] = []
        lines += compare("state", old.states, new.states, name: \.name, location: \.location) { a, b in
            a.isFinal == b.isFinal ? nil : "final \(a.isFinal) → \(b.isFinal)"
        }
        lines += compare("event", old.events, new.events, name: \.name, location: \.location, changed: eventChange)
        lines += compare("clock", old.clocks, new.clocks, name: \.name, location: \.location) { a, b in
            var parts: [String] = []
            if a.rule != b.rule { parts.append("rule \(a.rule.summary) → \(b.rule.summary)") }
            if a.startedBy != b.startedBy { parts.append("started by \(list(a.startedBy)) → \(list(b.startedBy))") }
            if a.metBy != b.metBy { parts.append("met by \(list(a.metBy)) → \(list(b.metBy))") }
            if a.stoppedBy != b.stoppedBy { parts.append("stopped by \(list(a.stoppedBy)) → \(list(b.stoppedBy))") }
            return parts.isEmpty ? nil : parts.joined(separator: "; ")
        }
        lines += compare("policy", old.policies, new.policies, name: \.name, location: { $0.setAt ?? $0.location }) { a, b in
            a.value == b.value ? nil : "\(Rendering.json(a.value)) → \(Rendering.json(b.value))"
        }
        return lines
    }

    private static func eventChange(_ a: EventDefinition, _ b: EventDefinition) -> String? {
        var parts: [String] = []
        if a.origin != b.origin { parts.append("from \(describe(a.origin)) → \(describe(b.origin))") }
        if a.target != b.target { parts.append("to \(a.target ?? "same") → \(b.target ?? "same")") }
        if a.who != b.who { parts.append("who \(a.who) → \(b.who)") }
        let oldFields = Dictionary(a.fields.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let newFields = Dictionary(b.fields.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        for field in b.fields where oldFields[field.name] == nil { parts.append("field \(field.name) added") }
        for field in a.fields where newFields[field.name] == nil { parts.append("field \(field.name) removed") }
        for field in b.fields {
            guard let before = oldFields[field.name], before.type != field.type || before.requirement != field.requirement else { continue }
            parts.append("field \(field.name) \(before.type), \(before.requirement) → \(field.type), \(field.requirement)")
        }
        // Which data the case keeps: a field that became case data is not filled from earlier
        // events by a migration; the case holds it once an event takes it again.
        for field in b.fields {
            guard let before = oldFields[field.name], before.caseName != field.caseName else { continue }
            switch (before.caseName, field.caseName) {
            case (nil, let name?):
                parts.append(
                    "field \(field.name) now kept on the case\(name == field.name ? "" : " as \(name)") (a migration does not fill it from earlier events)")
            case (let name?, nil):
                parts.append("field \(field.name) no longer kept on the case\(name == field.name ? "" : " as \(name)") (the value already there stays)")
            case (let old?, let new?):
                parts.append("field \(field.name) kept on the case as \(old) → as \(new)")
            case (nil, nil):
                break
            }
        }
        let oldGuards = a.guards.map(\.name)
        let newGuards = b.guards.map(\.name)
        for name in newGuards where !oldGuards.contains(name) { parts.append("guard \(name) added") }
        for name in oldGuards where !newGuards.contains(name) { parts.append("guard \(name) removed") }
        return parts.isEmpty ? nil : parts.joined(separator: "; ")
    }

    private static func compare<T>(
        _ kind: String, _ old: [T], _ new: [T], name: (T) -> String, location: (T) -> SourceLocation, changed: (T, T) -> String?
    ) -> [String] {
        var lines: [String] = []
        let oldByName = Dictionary(old.map { (name($0), $0) }, uniquingKeysWith: { first, _ in first })
        let newNames = Set(new.map(name))
        for item in new {
            if let before = oldByName[name(item)] {
                if let change = changed(before, item) { lines.append("~ \(kind) \(name(item)): \(change) (\(location(item)))") }
            } else {
                lines.append("+ \(kind) \(name(item)) (\(location(item)))")
            }
        }
        for item in old where !newNames.contains(name(item)) {
            lines.append("- \(kind) \(name(item)) (was \(location(item)))")
        }
        return lines
    }

    private static func list(_ names: [String]) -> String { names.isEmpty ? "nothing" : names.joined(separator: ", ") }

    private static func describe(_ origin: EventDefinition.Origin) -> String {
        switch origin {
        case .newCase: "a new case"
        case .states(let states): states.joined(separator: ", ")
        case .anyNonFinal: "any non-final state"
        }
    }
}
