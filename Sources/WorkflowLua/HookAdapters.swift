import WorkflowCore

/// The interpreter each hook runs in: the national workflow's hooks in its file's interpreter,
/// each plugin's in an interpreter of its own (the workflow file and that plugin's files only),
/// so no plugin's hook can read or change another plugin's, or the national hooks', state.
struct HookAdapters {
    let national: LuaHookAdapter
    /// By plugin name.
    var plugins: [String: LuaHookAdapter] = [:]

    /// The adapter for a hook a plugin declared (nil: the national workflow).
    func adapter(for plugin: String?) -> LuaHookAdapter {
        plugin.flatMap { plugins[$0] } ?? national
    }
}
