import CLua
import WorkflowCore

/// The first pass over a folder's plugins: each plugin file runs alone, in an interpreter of its
/// own, only as far as its `engine.plugin` declaration. The engine learns which forces each plugin
/// is for without letting any plugin's code touch another force's procedure; only the plugins for
/// the force being loaded then run at all.
struct PluginDiscovery {
    /// Each plugin file's folder (`Plugins/essex`) and the plugins its files declare.
    private(set) var declared: [(folder: String, plugin: PluginInfo)] = []

    /// A plugin file that fails before declaring itself is reported only where `reporting` says
    /// so: it cannot say which forces it is for, so it stops only the forces it may serve.
    init(_ sources: [ScriptSource], limits: SandboxLimits, findings: Findings, reporting: (ScriptSource) -> Bool = { _ in true }) throws(WorkflowError) {
        for source in sources where source.path.hasPrefix("Plugins/") {
            let interpreter = try LuaInterpreter(limits: limits)
            interpreter.setRegistryFlag("discovering", true)
            if case .failure(let failure) = interpreter.run(source), !interpreter.registryFlag("discovered"), reporting(source) {
                findings.collect { () throws(WorkflowError) in throw .script(failure) }
            }
            for (info, _) in DeclaredPieces.plugins(try interpreter.declared("plugins")) {
                declared.append((Procedure.folder(of: source.path), info))
            }
        }
    }

    /// Every plugin declared, whichever forces it is for.
    var plugins: [PluginInfo] { declared.map(\.plugin) }

    /// The plugin folders whose plugins are for `force`; none for the national procedure alone.
    func folders(for force: String?) -> Set<String> {
        guard let force else { return [] }
        return Set(declared.filter { $0.plugin.forces.contains(force) }.map(\.folder))
    }
}

extension LuaInterpreter {
    /// Sets a flag in the prelude's registry (`discovering`).
    func setRegistryFlag(_ name: String, _ value: Bool) {
        lua_rawgeti(state, sg_registryindex(), lua_Integer(registryReference))
        lua_pushboolean(state, value ? 1 : 0)
        lua_setfield(state, -2, name)
        sg_pop(state, 1)
    }

    /// A flag of the prelude's registry (`discovered`).
    func registryFlag(_ name: String) -> Bool {
        lua_rawgeti(state, sg_registryindex(), lua_Integer(registryReference))
        lua_getfield(state, -1, name)
        defer { sg_pop(state, 2) }
        return lua_toboolean(state, -1) != 0
    }
}
