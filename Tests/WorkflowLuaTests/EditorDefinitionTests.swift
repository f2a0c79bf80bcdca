import CLua
import Foundation
import Testing
import WorkflowCore
@testable import WorkflowLua

@Suite("Editor support: Definitions/engine.lua")
struct EditorDefinitionTests {
    @Test func everyEngineFunctionIsDeclaredForEditors() throws {
        let definitions = try String(
            contentsOf: Scripts.shipped.root.appendingPathComponent("Definitions/engine.lua"), encoding: .utf8)
        let lua = try LuaInterpreter()
        _ = lua.run(ScriptSource(path: "probe.lua", text: "probe = engine.sorted_keys(engine)"))
        lua_getglobal(lua.state, "probe")
        let keys = try lua.value(at: -1, path: "probe").get().arrayValue?.compactMap(\.stringValue) ?? []
        lua_settop(lua.state, 0)
        #expect(keys.count >= 7)
        for key in keys {
            #expect(definitions.contains("engine.\(key)"), "engine.\(key) is missing from Definitions/engine.lua")
        }
        for method in ["staff_role", "allow", "require_rank", "field", "set", "state", "event", "guard", "action", "clock", "limit"] {
            #expect(definitions.contains(":\(method)("), "\(method) is missing from Definitions/engine.lua")
        }
    }
}
