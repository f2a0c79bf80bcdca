import CLua
import Foundation
import WorkflowCore

/// Swift functions the prelude wraps. Each returns a result count, never raises: argument
/// checks happen in Lua first, and anything unexpected returns nil for Lua to report.
extension LuaInterpreter {
    func pushPrimitives() {
        sg_newtable(state)
        sg_push_swift_function(state, localDate)
        lua_setfield(state, -2, "local_date")
        sg_push_swift_function(state, localTime)
        lua_setfield(state, -2, "local_time")
        sg_push_charge(state)
        lua_setfield(state, -2, "charge")
    }
}

/// `primitives.local_date(instant)`: the London calendar day of an ISO 8601 instant, or nil.
private let localDate: sg_swift_function = { state in
    pushConverted(state) { London.date(of: $0).description }
}

/// `primitives.local_time(instant)`: the instant in London time with its offset, or nil.
private let localTime: sg_swift_function = { state in
    pushConverted(state) { Instant.format($0) }
}

/// Reads argument 1 as an instant and pushes `convert` of it, or nil when it is not one.
private func pushConverted(_ state: OpaquePointer?, _ convert: (Date) -> String) -> Int32 {
    guard let state else { return 0 }
    var length = 0
    guard lua_type(state, 1) == LUA_TSTRING, let pointer = sg_tostring(state, 1, &length),
        let instant = Instant.parse(String(decoding: UnsafeRawBufferPointer(start: pointer, count: length), as: UTF8.self))
    else {
        lua_pushnil(state)
        return 1
    }
    lua_pushstring(state, convert(instant))
    return 1
}
