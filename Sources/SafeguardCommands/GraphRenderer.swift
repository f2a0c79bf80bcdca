import WorkflowCore

/// An effective procedure drawn as a state diagram: Mermaid (which GitHub renders in Markdown) or
/// Graphviz DOT. What a plugin added is marked with the plugin's name; events only the engine's
/// clock fires are left out.
enum GraphRenderer {
    /// One arrow: from a state (nil: a new case) to a state, labelled with the events that take it.
    struct Edge: Hashable {
        var from: String?
        var to: String
        var events: [String]
        var plugin: String?
    }

    /// `essex` for a piece declared in `Plugins/essex/…`, nil for the national workflow's.
    static func plugin(_ location: SourceLocation) -> String? {
        let parts = location.file.split(separator: "/")
        return parts.count >= 2 && parts[0] == "Plugins" ? String(parts[1]) : nil
    }

    static func edges(_ definition: WorkflowDefinition) -> [Edge] {
        var edges: [Edge] = []
        for event in definition.events where !event.isEngineOnly {
            let sources: [String?]
            switch event.origin {
            case .newCase: sources = [nil]
            case .states(let states): sources = states
            case .anyNonFinal: sources = definition.states.filter { !$0.isFinal }.map(\.name)
            }
            for source in sources {
                // A final state is never left: an event it takes stays there.
                let isFinal = source.flatMap { definition.state(named: $0) }?.isFinal == true
                guard let target = isFinal ? source : event.target ?? source else { continue }
                let owner = plugin(event.location)
                if let index = edges.firstIndex(where: { $0.from == source && $0.to == target && $0.plugin == owner }) {
                    edges[index].events.append(event.name)
                } else {
                    edges.append(Edge(from: source, to: target, events: [event.name], plugin: owner))
                }
            }
        }
        return edges
    }

    static func mermaid(_ definition: WorkflowDefinition) -> String {
        var lines = ["stateDiagram-v2"]
        for edge in edges(definition) {
            let events = edge.events.joined(separator: ", ")
            let label = edge.plugin.map { "\(events) (\($0))" } ?? events
            lines.append("    \(edge.from ?? "[*]") --> \(edge.to): \(label)")
        }
        for state in definition.states where state.isFinal { lines.append("    \(state.name) --> [*]") }
        for state in definition.states {
            let notes = annotations(definition)[state.name] ?? []
            guard !notes.isEmpty else { continue }
            lines.append("    note right of \(state.name)")
            for note in notes { lines.append("        \(note)") }
            lines.append("    end note")
        }
        let added = definition.states.filter { plugin($0.location) != nil }
        if !added.isEmpty {
            lines.append("    classDef plugin fill:#fdebd0,stroke:#c0392b")
            for state in added { lines.append("    class \(state.name) plugin") }
        }
        return lines.joined(separator: "\n")
    }

    /// What the arrows do not show, by state: who may fire each event leaving it and the guards
    /// it must pass, for events that need more than a constable or have guards (events any open state takes are noted once, on the first state), and each
    /// clock on the state its starting event leads to.
    static func annotations(_ definition: WorkflowDefinition) -> [String: [String]] {
        var notes: [String: [String]] = [:]
        let first = definition.states.first { !$0.isFinal }?.name
        for event in definition.events where !event.isEngineOnly && (event.who != RoleRequirement() || !event.guards.isEmpty) {
            let guards = event.guards.isEmpty ? "" : "; guards " + event.guards.map(\.name).joined(separator: ", ")
            let line = "\(event.name): \(event.who)\(guards)"
            switch event.origin {
            case .newCase:
                if let target = event.target { notes[target, default: []].append(line) }
            case .states(let states):
                for state in states { notes[state, default: []].append(line) }
            case .anyNonFinal:
                if let first { notes[first, default: []].append(line + " (from any open state)") }
            }
        }
        for clock in definition.clocks {
            guard let starter = clock.startedBy.first.flatMap(definition.event(named:)) else { continue }
            let state: String?
            switch starter.origin {
            case .states(let states): state = starter.target ?? states.first
            default: state = starter.target
            }
            guard let state else { continue }
            let rule = clock.rule.summary
            let met = clock.metBy.isEmpty ? "" : "; met by " + clock.metBy.joined(separator: ", ")
            notes[state, default: []].append("clock \(clock.name): \(rule) from \(clock.startedBy.joined(separator: ", "))\(met)")
        }
        return notes
    }

    static func dot(_ definition: WorkflowDefinition) -> String {
        let title = definition.force.map { "\(definition.name) for \($0)" } ?? definition.name
        var lines = [
            "digraph \"\(definition.name)\" {",
            "  label=\"\(title)\"; labelloc=t; rankdir=LR;",
            "  node [shape=box, style=rounded, fontname=\"Helvetica\"]; edge [fontname=\"Helvetica\", fontsize=10];",
            "  \"start\" [shape=point];",
        ]
        for state in definition.states {
            var attributes = state.isFinal ? ["peripheries=2"] : []
            if let plugin = plugin(state.location) { attributes += ["color=\"#c0392b\"", "xlabel=\"\(plugin)\""] }
            lines.append("  \"\(state.name)\"\(attributes.isEmpty ? "" : " [\(attributes.joined(separator: ", "))]");")
        }
        for edge in edges(definition) {
            var attributes = ["label=\"\(edge.events.joined(separator: "\\n"))\(edge.plugin.map { "\\n(\($0))" } ?? "")\""]
            if edge.plugin != nil { attributes += ["color=\"#c0392b\"", "fontcolor=\"#c0392b\"", "style=dashed"] }
            lines.append("  \"\(edge.from ?? "start")\" -> \"\(edge.to)\" [\(attributes.joined(separator: ", "))];")
        }
        lines.append("}")
        return lines.joined(separator: "\n")
    }
}
