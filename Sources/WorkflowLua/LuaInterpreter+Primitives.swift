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
    }
}

/// `primitives.local_date(instant)`: the London calendar day of an ISO 8601 instant, or nil.
private let localDate: sg_swift_function = { state in
    guard let state, lua_type(state, 1) == LUA_TSTRING else {
        lua_pushnil(state)
        return 1
    }
    var length = 0
    let pointer = sg_tostring(state, 1, &length)!
    let text = String(decoding: UnsafeRawBufferPointer(start: pointer, count: length), as: UTF8.self)
    guard let instant = Instant.parse(text) else {
        lua_pushnil(state)
        return 1
    }
    lua_pushstring(state, London.date(of: instant).description)
    return 1
}
