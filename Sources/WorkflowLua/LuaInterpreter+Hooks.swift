import CLua
import Foundation
import WorkflowCore

/// Calling a declared guard or action: fresh tables for the case and the event on every call,
/// so a hook can neither change the case nor pass anything to the next call through them.
extension LuaInterpreter {
    /// Runs hook number `hook` of the registry as `fn(case, event)` and returns its first two results.
    func callHook(_ hook: Int, context: HookContext) -> Result<(Value, Value), ScriptFailure> {
        let base = lua_gettop(state)
        defer { lua_settop(state, base) }
        lua_rawgeti(state, sg_registryindex(), lua_Integer(registryReference))
        lua_getfield(state, -1, "hooks")
        lua_rawgeti(state, -1, lua_Integer(hook))
        lua_rotate(state, base + 1, 1)  // the function below the two tables…
        lua_settop(state, base + 1)  // …which go
        guard sg_isfunction(state, -1) != 0 else {
            return .failure(ScriptFailure(message: "hook \(hook) is not a function"))
        }
        let prepared = Self.arguments(context)
        let (arguments, size) = (prepared.tables, prepared.size)
        guard size.bytes <= sandbox.hookDataBytes, size.depth <= Self.maximumDepth else {
            return .failure(
                ScriptFailure(
                    message: size.depth > Self.maximumDepth
                        ? "the case's data is nested more than \(Self.maximumDepth) deep; expected at most that for a hook"
                        : "the case and event data come to more than \(sandbox.hookDataBytes) bytes; expected at most that for a hook (the hook data limit)"))
        }
        guard lua_checkstack(state, Int32(2 * Self.maximumDepth + 16)) != 0 else {
            return .failure(ScriptFailure(message: "no room on the Lua stack for the hook's arguments"))
        }
        uncapped { arguments.forEach(push) }
        defer { resetUpvalues() }
        switch protectedCall(arguments: 2, results: 2, budget: sandbox.instructionsPerCall) {
        case .failure(let failure):
            return .failure(failure)
        case .success:
            let first = value(at: -2, path: "the first result")
            let second = value(at: -1, path: "the second result")
            switch (first, second) {
            case (.success(let a), .success(let b)): return .success((a, b))
            case (.failure(let problem), _), (_, .failure(let problem)):
                return .failure(ScriptFailure(message: "returned \(problem.message)"))
            }
        }
    }

    /// The case and event tables as values, and what pushing them costs: made on the transition's
    /// first hook call and kept on its context for the rest, so a transition with five hooks builds
    /// and measures them once (each call still gets fresh Lua tables made from them).
    static func arguments(_ context: HookContext) -> HookArguments {
        if let prepared = context.prepared.value as? HookArguments { return prepared }
        let tables = [caseTable(context), eventTable(context)]
        let size = tables.map(footprint).reduce((bytes: 0, depth: 0)) { ($0.bytes + $1.bytes, max($0.depth, $1.depth)) }
        let prepared = HookArguments(tables: tables, size: size)
        context.prepared.value = prepared
        return prepared
    }

    /// Puts back every value a hook could reach through upvalues as it was when loading ended, so
    /// nothing one call leaves behind reaches the next (`registry.reset`, made by the seal).
    func resetUpvalues() {
        let base = lua_gettop(state)
        defer { lua_settop(state, base) }
        lua_rawgeti(state, sg_registryindex(), lua_Integer(registryReference))
        lua_getfield(state, -1, "reset")
        guard sg_isfunction(state, -1) != 0 else { return }
        lua_rotate(state, -2, 1)
        sg_pop(state, 1)
        _ = protectedCall(arguments: 0, results: 0, budget: 0)
    }

    /// `case`: id, workflow, force, state, data, and deadlines by clock name.
    static func caseTable(_ context: HookContext) -> Value {
        guard let snapshot = context.snapshot else {
            return .object([
                "id": .string(context.request.caseID), "workflow": context.request.workflow.map(Value.string) ?? .null,
                "force": context.request.force.map(Value.string) ?? .null, "state": .null, "data": .object([:]),
                "deadlines": .object([:]),
            ])
        }
        // The latest deadline of each clock; `awaiting_decision` is true when any deadline of the
        // clock (an earlier arrest's, say) was missed and has no decision yet.
        var deadlines: [String: Value] = [:]
        for deadline in snapshot.deadlines {
            let awaiting = snapshot.deadlines.contains { $0.clock == deadline.clock && $0.needsDecision }
            deadlines[deadline.clock] = .object([
                "started_at": .string(Instant.formatUTC(deadline.startedAt)),
                "due": .string(Instant.formatUTC(deadline.due)),
                "status": .string(deadline.status.rawValue),
                "awaiting_decision": .bool(awaiting),
            ])
        }
        return .object([
            "id": .string(snapshot.id), "workflow": .string(snapshot.workflow), "force": .string(snapshot.force),
            "state": .string(snapshot.state), "data": .object(snapshot.data), "deadlines": .object(deadlines),
        ])
    }

    /// `event`: name, at (UTC, fixed width), actor {id, role}, data.
    static func eventTable(_ context: HookContext) -> Value {
        .object([
            "name": .string(context.request.event),
            "at": .string(Instant.formatUTC(context.request.at)),
            "actor": .object(["id": .string(context.request.actor.id), "role": .string(context.request.actor.role)]),
            "data": .object(context.data),
        ])
    }
}
