import Testing
import WorkflowCore

@testable import WorkflowLua

/// Issue 19: the prelude is compiled from its text once a process; later interpreters load the
/// compiled functions, and behave as the first (the sandbox, declarations, errors at the script's line).
@Suite("The prelude compiled once")
struct PreludeBytecodeTests {
    @Test func laterInterpretersLoadThePreludeCompiledOnceAndBehaveTheSame() throws {
        _ = try LuaInterpreter()
        let before = PreludeBytecode.reused
        let later = try LuaInterpreter()
        #expect(PreludeBytecode.reused >= before + EnginePrelude.order.count)
        #expect(later.stackHeight == 0)
        // A declaration mistake still blames the script's own line, through the prelude's checks.
        #expect(
            Scripts.loadError("local wf = engine.workflow { name = 't' }\nwf:guard('x', 'g', 5)")
                == "Workflows/test.lua:2: guard g on x needs a function third; got number")
        // And the sandbox still refuses binary chunks to scripts.
        let value = later.evaluate(ScriptSource(path: "Workflows/x.lua", text: "return (select(2, load('\\27Lua')))"))
        #expect(value == .success(.string("attempt to load a binary chunk (mode is 't')")))
    }
}
