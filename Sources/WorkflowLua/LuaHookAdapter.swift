import WorkflowCore

/// Turns declared Lua hooks into the core's `Guard` and `Action` values.
struct LuaHookAdapter {
    let interpreter: LuaInterpreter

    func guardValue(name: String, hook: Int, location: SourceLocation) -> Guard {
        Guard(name: name, location: location) { [interpreter] context in
            switch interpreter.callHook(hook, context: context) {
            case .failure(let failure):
                return .failed(failure)
            case .success((.bool(true), _)):
                return .allow
            case .success((.bool(false), .string(let reason))) where !reason.isEmpty:
                return .refuse(reason)
            case .success((.bool(false), _)):
                return .failed(ScriptFailure("returned false without a reason; expected false and a message", at: location))
            case .success((let other, _)):
                return .failed(ScriptFailure("returned \(other.kindName); expected true, or false and a reason", at: location))
            }
        }
    }

    func actionValue(name: String, hook: Int, location: SourceLocation) -> Action {
        Action(name: name, location: location) { [interpreter] context in
            switch interpreter.callHook(hook, context: context) {
            case .failure(let failure):
                return .failure(failure)
            case .success((.null, _)):
                return .success([:])
            case .success((.object(let changes), _)):
                return .success(changes)
            case .success((let other, _)):
                return .failure(ScriptFailure("returned \(other.kindName); expected a table of changes, or nil", at: location))
            }
        }
    }
}
