import CLua
import Foundation
import Testing
import WorkflowCore

@testable import WorkflowLua

@Suite("The Lua bridge: values both ways, a balanced stack")
struct LuaBridgeTests {
    @Test(arguments: [
        Value.null, .bool(true), .bool(false), .integer(42), .integer(-7), .number(2.5), .string("none made"),
        .string("Zoë — ✓"), .array([1, "two", .array([3])]), .object(["a": 1, "b": ["c": "d"]]),
    ])
    func valuesRoundTrip(value: Value) throws {
        let lua = try LuaInterpreter()
        let height = lua.stackHeight
        lua.push(value)
        let back = lua.value(at: -1, path: "v")
        lua_settop(lua.state, height)
        #expect(try back.get() == value)
        #expect(lua.stackHeight == height)
    }

    @Test func luaIntegersStayIntegersAndFloatsStayNumbers() throws {
        let lua = try LuaInterpreter()
        _ = lua.run(ScriptSource(path: "x.lua", text: "probe = { 3, 3.0, 2^53 }"))
        lua_getglobal(lua.state, "probe")
        #expect(try lua.value(at: -1, path: "probe").get() == .array([.integer(3), .number(3.0), .number(9_007_199_254_740_992)]))
        lua_settop(lua.state, 0)
    }

    @Test(arguments: [
        ("probe = { f = function() end }", "probe.f: a function; expected text, a number, a boolean or a table"),
        ("probe = { 1, 2, x = 3 }", "probe: a table mixing list items and named fields, or a list with gaps; expected one or the other"),
        ("probe = { [1] = 1, [3] = 3 }", "probe: a table mixing list items and named fields, or a list with gaps; expected one or the other"),
        ("probe = { s = '\\xff\\xfe' }", "probe.s: text that is not valid UTF-8; expected UTF-8 text"),
        ("probe = { n = 0/0 }", "probe.n: a number that is not finite; expected a finite number"),
        ("probe = { [true] = 1 }", "probe: a table with a key that is neither text nor a whole number; expected a list or a record"),
    ])
    func valuesThatCannotCrossAreNamedWithTheirPath(script: String, problem: String) throws {
        let lua = try LuaInterpreter()
        _ = lua.run(ScriptSource(path: "x.lua", text: script))
        lua_getglobal(lua.state, "probe")
        let height = lua.stackHeight
        let result = lua.value(at: -1, path: "probe")
        #expect(lua.stackHeight == height)
        guard case .failure(let failure) = result else {
            Issue.record("expected a failure")
            return
        }
        #expect(failure.message == problem)
        lua_settop(lua.state, 0)
    }

    @Test func aCycleIsRefusedAtTheDepthLimit() throws {
        let lua = try LuaInterpreter()
        _ = lua.run(ScriptSource(path: "x.lua", text: "probe = {}; probe.self = probe"))
        lua_getglobal(lua.state, "probe")
        let result = lua.value(at: -1, path: "probe")
        let path = "probe" + String(repeating: ".self", count: LuaInterpreter.maximumDepth)
        #expect(throws: BridgeProblem("\(path): tables nested more than 32 deep (or a cycle); expected plain data")) { try result.get() }
        lua_settop(lua.state, 0)
    }

    @Test func theStackIsBackToItsHeightAfterEveryKindOfHookFailure() throws {
        for body in ["error('x')", "error({})", "error()", "local t = nil; return t.x", "while true do end", "return function() end", "return 1"] {
            let procedure = try Scripts.load(Scripts.withHook(body: body)).get()
            let workflow = try procedure.workflow("t")
            let engine = TransitionEngine(workflow: workflow, procedure: "p")
            let opened = try engine.transition(nil, Scripts.request("open")).snapshot
            let height = procedure.interpreter.stackHeight
            #expect(throws: WorkflowError.self) { try engine.transition(opened, Scripts.request("poke")) }
            #expect(procedure.interpreter.stackHeight == height, "after \(body)")
        }
    }
}
