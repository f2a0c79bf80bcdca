import WorkflowCore

/// Builds the effective workflow for a force: the national pieces, then each plugin's in layering
/// order. A plugin may add states, events, data, checks, clocks and tighter policy. It may not
/// loosen the statute (the statutory floor) or change what another plugin changed without saying
/// which wins (`after`). Both are load errors naming `file:line`.
struct PluginLayering {
    let pieces: DeclaredPieces
    let hooks: LuaHookAdapter
    let force: String?
    let findings: Findings
    var definition: WorkflowDefinition
    /// Where each name was declared, and by which plugin (nil: the national workflow).
    private var owners: [String: (plugin: String?, location: SourceLocation)] = [:]
    /// Which plugin last changed who may fire an event, or a field, and where.
    private var changed: [String: (plugin: String, location: SourceLocation)] = [:]

    init(pieces: DeclaredPieces, hooks: LuaHookAdapter, force: String?, findings: Findings) {
        self.pieces = pieces
        self.hooks = hooks
        self.force = force
        self.findings = findings
        definition = WorkflowDefinition(
            name: pieces.name, title: pieces.title, states: [], events: [], clocks: [], staffRoles: pieces.staffRoles,
            location: pieces.location)
        definition.force = force
        definition.limits = pieces.limits
        definition.figures = pieces.figures
    }

    /// The effective workflow; each problem is recorded in `findings` and the piece at fault left out.
    mutating func layer(_ plugins: [PluginInfo], policies: [PolicyDefinition]) -> WorkflowDefinition {
        add(plugin: nil)
        definition.plugins = plugins
        definition.policies = policies
        for plugin in plugins { add(plugin: plugin) }
        resolvePolicies(plugins)
        attachHooks(plugins)
        return definition
    }

    /// The states, events, clocks and patches one plugin (or, for nil, the national workflow) declared.
    private mutating func add(plugin: PluginInfo?) {
        let name = plugin?.name
        for state in pieces.states where state.plugin == name {
            if findings.collect({ () throws(WorkflowError) in try claim("state", state.piece.name, by: plugin, at: state.location) }) {
                definition.states.append(state.piece)
            }
        }
        for event in pieces.events where event.plugin == name {
            if findings.collect({ () throws(WorkflowError) in try claim("event", event.piece.name, by: plugin, at: event.location) }) {
                for field in event.piece.fields { owners["field:\(event.piece.name).\(field.name)"] = (name, event.location) }
                definition.events.append(event.piece)
            }
        }
        for clock in pieces.clocks where clock.plugin == name {
            if findings.collect({ () throws(WorkflowError) in try claim("clock", clock.piece.0.name, by: plugin, at: clock.location) }) {
                definition.clocks.append(clock.piece.0)
            }
        }
        guard let plugin else { return }
        for patch in pieces.patches where patch.plugin == plugin.name {
            findings.collect { () throws(WorkflowError) in try apply(patch.piece, from: plugin, at: patch.location) }
        }
    }

    /// A name may be declared once: again by a plugin is a conflict, and a national clock is the
    /// statute's (the 48-hour hearing, the production clocks).
    private mutating func claim(_ kind: String, _ name: String, by plugin: PluginInfo?, at location: SourceLocation) throws(WorkflowError) {
        let key = kind + ":" + name
        if let first = owners[key] {
            let who = plugin.map { "plugin \($0.name)" } ?? "the workflow"
            if first.plugin == nil, kind == "clock" {
                throw .script(
                    "\(who) redeclares the statutory clock \(name) (\(first.location)); a plugin may add clocks but not change the statute's (statutory floor)",
                    at: location)
            }
            throw .script("\(who) declares \(kind) \(name), already declared at \(first.location); expected a new name", at: location)
        }
        owners[key] = (plugin?.name, location)
    }

    /// Records that `plugin` changed `what`; a second change by a plugin that did not declare it
    /// comes after the first is a conflict.
    private mutating func change(_ what: String, by plugin: PluginInfo, at location: SourceLocation) throws(WorkflowError) {
        if let first = changed[what], first.plugin != plugin.name, !PluginOrder.precedes(first.plugin, plugin) {
            throw .script(
                "plugins \(first.plugin) (\(first.location)) and \(plugin.name) both change \(what); expected one to declare after = { \"\(first.plugin)\" } or after = { \"\(plugin.name)\" } to say which wins",
                at: location
            )
        }
        changed[what] = (plugin.name, location)
    }

    private func eventIndex(_ name: String, for kind: String, at location: SourceLocation) throws(WorkflowError) -> Int {
        guard let index = definition.events.firstIndex(where: { $0.name == name }) else {
            throw DefinitionReader.unknown("\(kind) is on", "event", name, among: definition.events.map(\.name), at: location)
        }
        return index
    }

    private mutating func apply(_ patch: DeclaredPieces.Patch, from plugin: PluginInfo, at location: SourceLocation) throws(WorkflowError) {
        switch patch {
        case .staffRole(let role):
            if !definition.staffRoles.contains(role) { definition.staffRoles.append(role) }
        case .allow(let event, let roles):
            let index = try eventIndex(event, for: "allow", at: location)
            try change("who may fire \(event)", by: plugin, at: location)
            if definition.events[index].statutoryWho {
                throw .script(
                    "plugin \(plugin.name) lets \(roles.joined(separator: ", ")) fire \(event); the statute allows only \(definition.events[index].who) (statutory floor, \(definition.events[index].location))",
                    at: location
                )
            }
            for role in roles where Rank(name: role) != nil {
                throw .script(
                    "plugin \(plugin.name) allows the rank \(role) on \(event); expected staff roles (use require_rank to change the rank)", at: location)
            }
            definition.events[index].who.staffRoles += roles.filter { !definition.events[index].who.staffRoles.contains($0) }
            definition.events[index].whoChangedAt.append(location)
        case .requireRank(let event, let rank):
            let index = try eventIndex(event, for: "require_rank", at: location)
            try change("who may fire \(event)", by: plugin, at: location)
            let current = definition.events[index].who
            if let minimum = current.minimumRank, rank < minimum {
                throw .script(
                    "plugin \(plugin.name) lets \(rank.name) fire \(event); \(owners["event:" + event]?.plugin == nil ? "the statute" : "the procedure") requires \(minimum.name) or above (statutory floor, \(definition.events[index].location))",
                    at: location
                )
            }
            definition.events[index].who.minimumRank = rank
            definition.events[index].whoChangedAt.append(location)
        case .field(let event, let field):
            let index = try eventIndex(event, for: "field \(field.name)", at: location)
            let key = "field:\(event).\(field.name)"
            if let owner = owners[key], owner.plugin == nil {
                throw .script(
                    "plugin \(plugin.name) redeclares field \(field.name) of \(event), which the national workflow declares (\(owner.location)); a plugin may add data but not change the statute's (statutory floor)",
                    at: location
                )
            }
            try change("field \(field.name) of \(event)", by: plugin, at: location)
            owners[key] = (plugin.name, location)
            var field = field
            field.location = location
            definition.events[index].fields.removeAll { $0.name == field.name }
            definition.events[index].fields.append(field)
        case .set(let policy, let value):
            guard let index = definition.policies.firstIndex(where: { $0.name == policy }) else {
                throw .script(
                    "plugin \(plugin.name) sets unknown policy \"\(policy)\"; expected one of: \(definition.policies.map(\.name).joined(separator: ", "))",
                    at: location)
            }
            let owner = definition.policies[index].plugin
            if owner != plugin.name, !PluginOrder.precedes(owner, plugin) {
                throw .script(
                    "plugin \(plugin.name) sets policy \(policy) of plugin \(owner); expected after = { \"\(owner)\" } in plugin \(plugin.name), so that its value wins",
                    at: location)
            }
            try change("policy \(policy)", by: plugin, at: location)
            definition.policies[index].value = value
            definition.policies[index].setAt = location
        }
    }

    /// Attaches every guard and action to its event: the national ones first, then each plugin's.
    private mutating func attachHooks(_ plugins: [PluginInfo]) {
        for plugin in [nil] + plugins.map(\.name) {
            for (kind, list) in [("guard", pieces.guards), ("action", pieces.actions)] {
                for hook in list where hook.plugin == plugin {
                    var found: Int?
                    findings.collect { () throws(WorkflowError) in
                        found = try eventIndex(hook.piece.event, for: "\(kind) \(hook.piece.name)", at: hook.location)
                    }
                    guard let index = found else { continue }
                    if kind == "guard" {
                        definition.events[index].guards.append(hooks.guardValue(name: hook.piece.name, hook: hook.piece.hook, location: hook.location))
                    } else {
                        definition.events[index].actions.append(hooks.actionValue(name: hook.piece.name, hook: hook.piece.hook, location: hook.location))
                    }
                }
            }
        }
    }
}
