import CLua
import Foundation
import WorkflowCore

/// The scripts of a scripts folder, loaded into one sandboxed interpreter, and the workflows
/// they declare.
///
///     let procedure = try Procedure.load(from: ScriptFolder(root: url))
///     let dvpo = try procedure.workflow("dvpo")
public final class Procedure {
    public let interpreter: LuaInterpreter
    /// The files this force's procedure is made of, in load order: the workflows, the plugins
    /// that apply to the force, and the holiday table. Their hash identifies the procedure.
    public let sources: [ScriptSource]
    public let workflows: [String: WorkflowDefinition]
    /// The bank-holiday table counted-time clocks use, when the folder has one.
    public let calendar: HolidayTable?
    /// The force whose plugins were layered on; nil for the national procedure alone.
    public let force: String?
    /// Every plugin in the folder, whichever forces it is for (`safeguard forces`).
    public let allPlugins: [PluginInfo]

    init(
        interpreter: LuaInterpreter, sources: [ScriptSource], workflows: [String: WorkflowDefinition],
        calendar: HolidayTable?, force: String?, allPlugins: [PluginInfo]
    ) {
        self.interpreter = interpreter
        self.sources = sources
        self.workflows = workflows
        self.calendar = calendar
        self.force = force
        self.allPlugins = allPlugins
    }

    /// Loads the folder's workflows, and the plugins for `force` layered on them.
    public static func load(from folder: ScriptFolder, force: String? = nil, limits: SandboxLimits = .standard) throws(WorkflowError) -> Procedure {
        try load(
            sources: folder.workflowSources() + folder.pluginSources() + [folder.calendarSource()].compactMap { $0 },
            force: force, limits: limits)
    }

    /// Loads scripts given as text, in order; a `Calendars/*.json` source is the holiday table.
    /// Stops at the first error.
    public static func load(sources: [ScriptSource], force: String? = nil, limits: SandboxLimits = .standard) throws(WorkflowError) -> Procedure {
        let findings = Findings()
        let procedure = try load(sources: sources, force: force, limits: limits, findings: findings)
        if let first = findings.errors.first { throw first }
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
        let discovery = try PluginDiscovery(sources, limits: limits, findings: findings) { source in
            reportAllPlugins || mayServe(source, force: force)
        }
        let folders = discovery.folders(for: force)
        let running = sources.filter { !$0.path.hasPrefix("Plugins/") || folders.contains(Self.folder(of: $0.path)) }
        let interpreter = try LuaInterpreter(limits: limits)
        interpreter.setForce(force)
        var calendar: HolidayTable?
        for source in running {
            if source.path.hasPrefix("Calendars/") {
                findings.collect { () throws(WorkflowError) in calendar = try HolidayTable(json: Data(source.text.utf8), path: source.path) }
            } else if case .failure(let failure) = interpreter.run(source) {
                if source.path.hasPrefix("Plugins/"), !reportAllPlugins, !mayServe(source, force: force) { continue }
                findings.collect { () throws(WorkflowError) in throw .script(failure) }
            }
        }
        let plugins = DeclaredPieces.plugins(try interpreter.declared("plugins"))
        let reader = DefinitionReader(hooks: LuaHookAdapter(interpreter: interpreter), knownPlugins: Set(discovery.plugins.map(\.name)))
        var workflows: [String: WorkflowDefinition] = [:]
        for declared in try interpreter.declaredWorkflows() {
            let definition = reader.read(declared, plugins: plugins, force: force, findings: findings)
            for policy in definition.policies { findings.collect { () throws(WorkflowError) in try interpreter.applyPolicy(policy) } }
            workflows[definition.name] = definition
        }
        try interpreter.seal()
        let active = Set(workflows.values.flatMap(\.plugins).map { Self.folder(of: $0.location.file) })
        let contributing = running.filter { !$0.path.hasPrefix("Plugins/") || active.contains(Self.folder(of: $0.path)) }
        return Procedure(
            interpreter: interpreter, sources: contributing, workflows: workflows, calendar: calendar, force: force,
            allPlugins: discovery.plugins)
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
                for workflow in procedure.workflows.values.sorted(by: { $0.name < $1.name }) {
                    WorkflowLinter(definition: workflow).check(into: findings)
                }
                if force == nil {
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
