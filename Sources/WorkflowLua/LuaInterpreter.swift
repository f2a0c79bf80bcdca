import CLua
import WorkflowCore

/// One sandboxed Lua 5.4 state. It owns its `lua_State`; every call into Lua is protected and
/// budgeted, and leaves the stack at the height it found it.
///
/// Not thread-safe: use one interpreter per thread.
public final class LuaInterpreter {
    let state: OpaquePointer
    private let limits: UnsafeMutablePointer<sg_limits>
    public let sandbox: SandboxLimits
    /// The registry table the prelude returned, as a reference in Lua's registry.
    private(set) var registryReference: Int32 = LUA_NOREF

    public init(limits sandbox: SandboxLimits = .standard) throws(WorkflowError) {
        self.sandbox = sandbox
        limits = .allocate(capacity: 1)
        limits.initialize(
            to: sg_limits(
                bytes_in_use: 0, bytes_limit: 0, bytes_peak: 0, budget_exhausted: 0, memory_exhausted: 0, instructions_used: 0, instructions_budget: 0,
                deadline_ns: 0, time_limit_ms: 0, time_exhausted: 0))
        guard let state = sg_newstate(limits) else {
            limits.deallocate()
            throw .script("could not create a Lua interpreter: out of memory")
        }
        self.state = state
        sg_open_safe_libraries(state)
        try runPrelude()
        limits.pointee.bytes_limit = sandbox.memoryBytes
    }

    deinit {
        lua_close(state)
        limits.deallocate()
    }

    /// The current stack height; tests check it is unchanged after every failure.
    public var stackHeight: Int32 { lua_gettop(state) }

    /// Runs the prelude's files in order, each as its own chunk given the private table `P`
    /// (the schema and the primitives in it), and keeps the registry they leave in `P.registry`.
    private func runPrelude() throws(WorkflowError) {
        let base = lua_gettop(state)
        defer { lua_settop(state, base) }
        sg_newtable(state)
        let privateTable = lua_gettop(state)
        push(DeclarationSchema.standard.value)
        lua_setfield(state, privateTable, "schema")
        pushPrimitives()
        lua_setfield(state, privateTable, "primitives")
        for (name, text) in EnginePrelude.chunks {
            let status = PreludeBytecode.load(state, name: name, text: text)
            guard status == LUA_OK else { throw .script("engine prelude does not compile: \(string(at: -1) ?? name)") }
            lua_pushvalue(state, privateTable)
            if case .failure(let failure) = protectedCall(arguments: 1, results: 0, budget: 0) {
                throw .script("engine prelude failed: \(failure.message)")
            }
        }
        lua_getfield(state, privateTable, "registry")
        registryReference = luaL_ref(state, sg_registryindex())
    }

    /// Runs `body` with the memory cap lifted: pushing arguments happens outside a protected call,
    /// where a memory error would abort the process, so their size is bounded beforehand instead.
    func uncapped<T>(_ body: () -> T) -> T {
        let cap = limits.pointee.bytes_limit
        limits.pointee.bytes_limit = 0
        defer { limits.pointee.bytes_limit = cap }
        return body()
    }

    /// Loads a script's text as chunk `@path` and runs it under the instruction budget.
    public func run(_ script: ScriptSource) -> Result<Void, ScriptFailure> {
        let base = lua_gettop(state)
        defer { lua_settop(state, base) }
        return compile(script).flatMap { protectedCall(arguments: 0, results: 0, budget: sandbox.instructionsPerCall) }
    }

    /// Pushes a script's text compiled as chunk `@path` (text only, never a binary chunk).
    private func compile(_ script: ScriptSource) -> Result<Void, ScriptFailure> {
        let chunkName = "@" + script.path
        let status = script.text.withCString { text in
            chunkName.withCString { sg_loadtext(state, text, strlen(text), $0) }
        }
        guard status == LUA_OK else {
            return .failure(ScriptFailure(message: string(at: -1) ?? "\(script.path): does not compile"))
        }
        return .success(())
    }

    /// Runs a chunk that returns data (a scenario file) and gives back what it returned.
    public func evaluate(_ script: ScriptSource) -> Result<Value, ScriptFailure> {
        let base = lua_gettop(state)
        defer { lua_settop(state, base) }
        if case .failure(let failure) = compile(script).flatMap({ protectedCall(arguments: 0, results: 1, budget: sandbox.instructionsPerCall) }) {
            return .failure(failure)
        }
        return value(at: -1, path: "").mapError { ScriptFailure(message: "\(script.path): returned \($0.message)") }
    }

    /// Calls the function on top of the stack (below it its arguments) with the message handler,
    /// the instruction budget armed and the memory cap in force. On success the results are left
    /// on the stack; on failure nothing is.
    func protectedCall(arguments: Int32, results: Int32, budget: Int) -> Result<Void, ScriptFailure> {
        let functionIndex = lua_gettop(state) - arguments
        sg_push_message_handler(state)
        lua_rotate(state, functionIndex, 1)  // handler below the function
        limits.pointee.budget_exhausted = 0
        limits.pointee.memory_exhausted = 0
        sg_set_budget(state, Int64(budget), Int64(sandbox.wallClockMilliseconds))
        let status = sg_pcall(state, arguments, results, functionIndex)
        sg_set_budget(state, 0, 0)
        if status == LUA_OK {
            lua_rotate(state, functionIndex, -1)  // the handler to the top…
            sg_pop(state, 1)  // …and off
            return .success(())
        }
        var failure = ScriptFailure(message: string(at: -1) ?? "error of an unknown kind")
        if status == LUA_ERRMEM || limits.pointee.memory_exhausted != 0 {
            failure = ScriptFailure(message: "memory cap of \(sandbox.memoryBytes >> 20) MiB exceeded")
            sg_gc_collect(state)
        } else if limits.pointee.budget_exhausted != 0, !failure.reason.contains("instruction budget"), !failure.reason.contains("wall-clock limit") {
            failure.reason += " (after the instruction budget of \(sandbox.instructionsPerCall) was exhausted)"
        }
        lua_settop(state, functionIndex - 1)
        return .failure(failure)
    }

    /// The string at `index`, without converting numbers in place.
    func string(at index: Int32) -> String? {
        guard lua_type(state, index) == LUA_TSTRING else { return nil }
        var length = 0
        guard let pointer = sg_tostring(state, index, &length) else { return nil }
        return String(decoding: UnsafeRawBufferPointer(start: pointer, count: length), as: UTF8.self)
    }
}
