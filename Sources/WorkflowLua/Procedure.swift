import CLua
import Foundation
import WorkflowCore

/// The scripts of a scripts folder and the workflows they declare. Each workflow file runs in an
/// interpreter of its own, with only the plugins that extend its workflows for the force: another
/// workflow file, new or broken, cannot change or stop it.
///
///     let procedure = try Procedure.load(from: ScriptFolder(root: url))
///     let dvpo = try procedure.workflow("dvpo")
public final class Procedure {
    /// The interpreter of each workflow's file, by workflow name.
    let interpreters: [String: LuaInterpreter]
    /// The files this force's procedure is made of, in load order: the workflows, the plugins
    /// that apply to the force, and the holiday table. Their hash identifies the procedure.
    public let sources: [ScriptSource]
    public let workflows: [String: WorkflowDefinition]
    /// Workflows that cannot be used because their own file failed, by the file's name
    /// (`aaa_shadow` for `Workflows/aaa_shadow.lua`) and by each workflow that file declared:
    /// the first error, which `workflow(_:)` throws. Every other workflow loads as usual.
    public let unavailable: [String: WorkflowError]
    /// The bank-holiday table counted-time clocks use, when the folder has one.
    public let calendar: HolidayTable?
    /// The force whose plugins were layered on; nil for the national procedure alone.
    public let force: String?
    /// Every plugin in the folder, whichever forces it is for (`safeguard forces`).
    public let allPlugins: [PluginInfo]
    /// The budgets the scripts run under: those the sources record (`Limits/sandbox.json`), or,
    /// for a procedure stored before budgets were recorded, the ones it was loaded with.
    public private(set) var limits: SandboxLimits = .standard
    /// Whether the sources record the budgets.
    public private(set) var limitsRecorded = false
    /// The workflows read from files set aside for errors in their definitions: `check` still
    /// lints their shape, so it reports every problem at once.
    private(set) var setAside: [WorkflowDefinition] = []

    init(
        interpreters: [String: LuaInterpreter], sources: [ScriptSource], workflows: [String: WorkflowDefinition],
        unavailable: [String: WorkflowError], calendar: HolidayTable?, force: String?, allPlugins: [PluginInfo]
    ) {
        self.interpreters = interpreters
        self.sources = sources
        self.workflows = workflows
        self.unavailable = unavailable
        self.calendar = calendar
        self.force = force
        self.allPlugins = allPlugins
    }

    /// The interpreter that runs a workflow's hooks (its own file and its plugins).
    public func interpreter(for workflow: String) -> LuaInterpreter? { interpreters[workflow] }

    /// Loads the folder's workflows, and the plugins for `force` layered on them.
    /// The budgets are recorded as one of its sources, so its hash covers them.
    public static func load(from folder: ScriptFolder, force: String? = nil, limits: SandboxLimits = .standard) throws(WorkflowError) -> Procedure {
        try load(
            sources: folder.workflowSources() + folder.pluginSources() + [folder.calendarSource()].compactMap { $0 } + [limits.record],
            force: force, limits: limits)
    }

    /// Loads scripts given as text, in order; a `Calendars/*.json` source is the holiday table.
    /// Stops at the first error, except one confined to a workflow file: that file's workflows are
    /// set aside as `unavailable` and the others load, unless no workflow loads at all.
    public static func load(sources: [ScriptSource], force: String? = nil, limits: SandboxLimits = .standard) throws(WorkflowError) -> Procedure {
        let findings = Findings()
        let procedure = try load(sources: sources, force: force, limits: limits, findings: findings)
        let confined = Array(procedure.unavailable.values)
        if let first = findings.errors.first(where: { !confined.contains($0) }) { throw first }
        if procedure.workflows.isEmpty, let first = findings.errors.first { throw first }
        return procedure
    }

    /// Loads as far as it can, recording every problem in `findings` (for `safeguard check`).
    /// A plugin script that fails to run cannot say which forces it is for, so its failure stops
    /// only the forces it may serve (see `mayServe`): one force's broken script leaves every other
    /// force's procedure, and the national one, loading. `reportAllPlugins` records every plugin's
    /// failure whatever the force (for `check`).
    public static func load(
        sources: [ScriptSource], force: String?, limits: SandboxLimits, findings: Findings, reportAllPlugins: Bool = false
    ) throws(WorkflowError) -> Procedure {
        let recorded = try SandboxLimits.recorded(in: sources)
        let limits = recorded ?? limits
        let discovery = try PluginDiscovery(sources, limits: limits, findings: findings) { source in
            reportAllPlugins || mayServe(source, force: force)
        }
        let folders = discovery.folders(for: force)
        let workflowFiles = sources.filter { $0.path.hasPrefix("Workflows/") }
        let pluginFiles = sources.filter { $0.path.hasPrefix("Plugins/") && folders.contains(Self.folder(of: $0.path)) }
        var calendar: HolidayTable?
        for source in sources where source.path.hasPrefix("Calendars/") {
            calendar = Self.holidayTable(source, findings: findings)
        }
        var loading = try WorkflowFiles(workflowFiles, force: force, limits: limits)
        loading.refuseSharedNames()
        try loading.addPlugins(pluginFiles, declared: discovery.declared, force: force, limits: limits, findings: findings)
        let knownPlugins = Set(discovery.plugins.map(\.name))
        var workflows: [String: WorkflowDefinition] = [:]
        var interpreters: [String: LuaInterpreter] = [:]
        var pluginFolders: Set<String> = []
        var setAside: [WorkflowDefinition] = []
        for (index, file) in loading.files.enumerated() where file.failure == nil {
            let local = Findings()
            var hooks = HookAdapters(national: LuaHookAdapter(interpreter: file.interpreter))
            var plugins: [(PluginInfo, [PolicyDefinition])] = []
            // Each plugin's pieces come from its own interpreter; policies go to their owner's.
            var owners: [String: LuaInterpreter] = [:]
            var extra: [(pieces: [String: DeclaredPieces], names: Set<String>)] = []
            for run in loading.pluginRuns where run.file == index {
                var declared: [(PluginInfo, [PolicyDefinition])] = []
                local.collect { () throws(WorkflowError) in declared = DeclaredPieces.plugins(try run.interpreter.declared("plugins")) }
                let names = Set(declared.map(\.0.name))
                for (info, _) in declared {
                    hooks.plugins[info.name] = LuaHookAdapter(interpreter: run.interpreter)
                    owners[info.name] = run.interpreter
                }
                plugins += declared
                var pieces: [String: DeclaredPieces] = [:]
                local.collect { () throws(WorkflowError) in
                    for declaredWorkflow in try run.interpreter.declaredWorkflows() {
                        let read = DeclaredPieces(declaredWorkflow)
                        pieces[read.name] = read
                    }
                }
                extra.append((pieces, names))
            }
            let reader = DefinitionReader(hooks: hooks, knownPlugins: knownPlugins, sources: sources)
            var read: [WorkflowDefinition] = []
            for declared in file.declared {
                var pieces = DeclaredPieces(declared)
                for (more, names) in extra { if let other = more[pieces.name] { pieces.add(from: other, plugins: names) } }
                let definition = reader.read(pieces, plugins: plugins, force: force, findings: local)
                for policy in definition.policies {
                    guard let owner = owners[policy.plugin] else { continue }
                    local.collect { () throws(WorkflowError) in try owner.applyPolicy(policy) }
                }
                read.append(definition)
            }
            for interpreter in [file.interpreter] + loading.pluginRuns.filter({ $0.file == index }).map(\.interpreter) {
                local.collect { () throws(WorkflowError) in try interpreter.seal() }
            }
            // An error at the workflow's own file is confined to it; one at a plugin's stops the force.
            if let first = local.errors.first(where: { $0.location == nil || $0.location?.file == file.source.path }) {
                loading.fail(file.source.path, first)
                setAside += read
            } else {
                for definition in read {
                    workflows[definition.name] = definition
                    interpreters[definition.name] = file.interpreter
                    pluginFolders.formUnion(definition.plugins.map { Self.folder(of: $0.location.file) })
                }
            }
            findings.merge(local)
        }
        for error in loading.failures where !findings.errors.contains(error) { findings.collect { () throws(WorkflowError) in throw error } }
        let contributing = sources.filter { source in
            !source.path.hasPrefix("Plugins/") || pluginFolders.contains(Self.folder(of: source.path))
        }
        let procedure = Procedure(
            interpreters: interpreters, sources: contributing, workflows: workflows, unavailable: loading.unavailable,
            calendar: calendar, force: force, allPlugins: discovery.plugins)
        procedure.limits = limits
        procedure.limitsRecorded = recorded != nil
        procedure.setAside = setAside
        return procedure
    }

    /// The folder's bank-holiday table, refused when it removes or moves a shipped day or adds one
    /// with no source; each added day is shown as a warning (for `check`). The table's text is one
    /// of the procedure's sources, so the additions are recorded with every case that uses it.
    static func holidayTable(_ source: ScriptSource, findings: Findings) -> HolidayTable? {
        var read: HolidayTable?
        findings.collect { () throws(WorkflowError) in read = try HolidayTable(json: Data(source.text.utf8), path: source.path) }
        guard let table = read else { return nil }
        let (problems, additions) = table.againstShipped(path: source.path, text: source.text)
        for problem in problems { findings.collect { () throws(WorkflowError) in throw problem } }
        guard problems.isEmpty else { return nil }
        for day in additions {
            findings.warn(
                "adds \(day.kind.rawValue) \(day.date) (\(day.name)) to the shipped table \(ShippedHolidays.version); source: \(day.source ?? "")",
                at: SourceLocation(file: source.path, line: HolidayTable.line(of: "\"\(day.date)\"", in: source.text)))
        }
        return table.labelled(additions: additions)
    }

    /// A figure named like another workflow's: `report` keeps each workflow's own count and shows
    /// both rows as `workflow.figure`, so an analyst's `notices_authorised` is never two regimes
    /// added up; `check` warns at every such figure after the first workflow's.
    static func warnSharedFigureNames(_ workflows: [WorkflowDefinition], into findings: Findings) {
        var first: [String: (workflow: String, location: SourceLocation)] = [:]
        for workflow in workflows {
            for figure in workflow.figures {
                guard let earlier = first[figure.name] else {
                    first[figure.name] = (workflow.name, figure.location)
                    continue
                }
                guard earlier.workflow != workflow.name else { continue }
                findings.warn(
                    "figure \(figure.name) of workflow \(workflow.name) is also a figure of workflow \(earlier.workflow) (\(earlier.location)); report counts each apart, as \(earlier.workflow).\(figure.name) and \(workflow.name).\(figure.name); expected a name of its own, such as \(workflow.name)_\(figure.name)",
                    at: figure.location)
            }
        }
    }

    /// Every problem in a scripts folder: the national procedure and each force's, loaded as far as
    /// they go, with the shape of each workflow linted. Each problem is reported once.
    public static func diagnose(_ folder: ScriptFolder, limits: SandboxLimits = .standard) -> (findings: Findings, forces: [String]) {
        let all = Findings()
        var forces: [String] = []
        var queue: [String?] = [nil]
        while !queue.isEmpty {
            let force = queue.removeFirst()
            let findings = Findings()
            do throws(WorkflowError) {
                let sources = try folder.workflowSources() + folder.pluginSources() + [folder.calendarSource()].compactMap { $0 }
                let procedure = try load(sources: sources, force: force, limits: limits, findings: findings, reportAllPlugins: force == nil)
                for workflow in (Array(procedure.workflows.values) + procedure.setAside).sorted(by: { $0.name < $1.name }) {
                    WorkflowLinter(definition: workflow).check(into: findings)
                    for (action, event, keys) in NationalRecords.pluginWrites(of: workflow, in: procedure.sources) {
                        findings.warn(
                            "action \(action.name) of \(event) appears to write \(keys.joined(separator: ", ")), which only the national procedure records; it will be refused when it runs (statutory floor); expected a field name of the force's own",
                            at: action.location)
                    }
                }
                if force == nil {
                    Self.warnSharedFigureNames(procedure.workflows.values.sorted { $0.name < $1.name }, into: findings)
                    // A plugin that failed to run declared no forces: its folder's name stands for its force.
                    let declared = Set(procedure.allPlugins.map { Procedure.folder(of: $0.location.file) })
                    let broken = findings.errors.compactMap(\.location?.file).filter { $0.hasPrefix("Plugins/") }
                        .map { Procedure.folder(of: $0) }.filter { !declared.contains($0) }.map { String($0.dropFirst("Plugins/".count)) }
                    forces = Set(procedure.allPlugins.flatMap(\.forces) + broken).sorted()
                    queue += forces.map { $0 }
                }
            } catch {
                findings.collect { () throws(WorkflowError) in throw error }
            }
            all.merge(findings)
        }
        return (all, forces)
    }

    /// Whether a plugin script may serve `force`: its folder is named for the force, or its text
    /// names the force as a string (`forces = { "essex" }`). The national procedure (nil) takes none.
    static func mayServe(_ source: ScriptSource, force: String?) -> Bool {
        guard let force else { return false }
        return folder(of: source.path) == "Plugins/\(force)" || source.text.contains("\"\(force)\"") || source.text.contains("'\(force)'")
    }

    /// `Plugins/essex` for `Plugins/essex/plugin.lua`.
    static func folder(of path: String) -> String {
        path.split(separator: "/").prefix(2).joined(separator: "/")
    }

    /// An engine for one of the workflows, with this procedure's hash and holiday table.
    public func engine(for name: String, procedure hash: String) throws(WorkflowError) -> TransitionEngine {
        TransitionEngine(workflow: try workflow(name), procedure: hash, calendar: calendar)
    }

    public func workflow(_ name: String) throws(WorkflowError) -> WorkflowDefinition {
        if workflows[name] == nil, let failure = unavailable[name] { throw failure }
        guard let definition = workflows[name] else {
            throw .badInput("unknown workflow \"\(name)\"; expected one of: \(workflows.keys.sorted().joined(separator: ", "))")
        }
        return definition
    }
}

extension LuaInterpreter {
    /// Tells the prelude which force is being loaded, before any plugin runs.
    func setForce(_ force: String?) {
        lua_rawgeti(state, sg_registryindex(), lua_Integer(registryReference))
        if let force { pushString(force) } else { lua_pushnil(state) }
        lua_setfield(state, -2, "force")
        sg_pop(state, 1)
    }

    /// Gives a plugin's policy table the value layering decided.
    func applyPolicy(_ policy: PolicyDefinition) throws(WorkflowError) {
        let base = lua_gettop(state)
        defer { lua_settop(state, base) }
        lua_rawgeti(state, sg_registryindex(), lua_Integer(registryReference))
        lua_getfield(state, -1, "apply_policy")
        lua_rotate(state, -2, 1)
        sg_pop(state, 1)
        for argument in [Value.string(policy.plugin), .string(policy.name), policy.value] { push(argument) }
        if case .failure(let failure) = protectedCall(arguments: 3, results: 0, budget: sandbox.instructionsPerCall) {
            throw .script("policy \(policy.name) could not be set: \(failure.message)", at: policy.location)
        }
    }

    /// Ends loading: from now on no script may set a global, and what hooks can reach is frozen.
    func seal() throws(WorkflowError) {
        let base = lua_gettop(state)
        defer { lua_settop(state, base) }
        lua_rawgeti(state, sg_registryindex(), lua_Integer(registryReference))
        lua_getfield(state, -1, "seal")
        if case .failure(let failure) = protectedCall(arguments: 0, results: 0, budget: sandbox.instructionsPerCall) {
            throw .script("could not seal the scripts: \(failure.message)")
        }
    }

    /// A list the prelude's registry holds (`plugins`), as plain data.
    func declared(_ key: String) throws(WorkflowError) -> [[String: Value]] {
        let base = lua_gettop(state)
        defer { lua_settop(state, base) }
        lua_rawgeti(state, sg_registryindex(), lua_Integer(registryReference))
        lua_getfield(state, -1, key)
        switch value(at: -1, path: key) {
        case .success(.array(let items)): return items.compactMap(\.objectValue)
        case .success: return []
        case .failure(let problem): throw .script("\(key): \(problem.message)")
        }
    }

    /// Each workflow's declarations, in the order they were declared, as plain data.
    func declaredWorkflows() throws(WorkflowError) -> [[String: Value]] {
        let base = lua_gettop(state)
        defer { lua_settop(state, base) }
        lua_rawgeti(state, sg_registryindex(), lua_Integer(registryReference))
        let registry = lua_gettop(state)
        lua_getfield(state, registry, "order")
        guard case .success(let order) = value(at: -1, path: "order") else { return [] }
        lua_getfield(state, registry, "workflows")
        let workflows = lua_gettop(state)
        var result: [[String: Value]] = []
        for case .string(let name) in order.arrayValue ?? [] {
            lua_getfield(state, workflows, name)
            switch value(at: -1, path: name) {
            case .success(.object(let declared)): result.append(declared)
            case .success: throw .script("workflow \(name): its declaration is not a table")
            case .failure(let problem): throw .script("workflow \(name): \(problem.message)")
            }
            sg_pop(state, 1)
        }
        return result
    }
}
