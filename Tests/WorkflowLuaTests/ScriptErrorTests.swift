import Foundation
import Testing
import WorkflowCore

@testable import WorkflowLua

@Suite("Script errors name file:line, the hook, and what was expected")
struct ScriptErrorTests {
    /// Fires `poke` on a fresh case and returns the error's message.
    func pokeError(_ script: String, limits: SandboxLimits = .standard) throws -> String? {
        let procedure = try Scripts.load(script, limits: limits).get()
        let engine = TransitionEngine(workflow: try procedure.workflow("t"), procedure: "p")
        let opened = try engine.transition(nil, Scripts.request("open")).snapshot
        do throws(WorkflowError) {
            _ = try engine.transition(opened, Scripts.request("poke"))
            return nil
        } catch {
            #expect(error.kind == .script)
            return error.message
        }
    }

    @Test func aSyntaxErrorNamesTheFileAndLine() {
        #expect(
            Scripts.loadError("local wf = engine.workflow { name = 't' }\nwf:state('a'\n")
                == "Workflows/test.lua:3: ')' expected (to close '(' at line 2) near <eof>")
    }

    @Test func aRuntimeErrorWhileLoadingNamesTheFileAndLine() {
        #expect(Scripts.loadError("local x = nil\nlocal y = x.field\n") == "Workflows/test.lua:2: attempt to index a nil value (local 'x')")
    }

    @Test(arguments: [
        ("local t = nil\nreturn t.x", "Workflows/test.lua:7: guard probe of poke: attempt to index a nil value (local 't')"),
        ("error('custom failure')", "Workflows/test.lua:6: guard probe of poke: custom failure"),
        ("error({ code = 1 })", "Workflows/test.lua:6: guard probe of poke: error raised with a table value; expected a message string"),
        ("error()", "Workflows/test.lua:6: guard probe of poke: error raised with a nil value; expected a message string"),
        ("return 'yes'", "Workflows/test.lua:5: guard probe of poke: returned text; expected true, or false and a reason"),
        ("return false", "Workflows/test.lua:5: guard probe of poke: returned false without a reason; expected false and a message"),
        (
            "return function() end",
            "Workflows/test.lua:5: guard probe of poke: returned the first result: a function; expected text, a number, a boolean or a table"
        ),
    ])
    func hookFailuresBlameTheScriptLine(body: String, message: String) throws {
        #expect(try pokeError(Scripts.withHook(body: body)) == message)
    }

    @Test func anActionMustReturnATableOfChanges() throws {
        #expect(
            try pokeError(Scripts.withHook("action", body: "return 5"))
                == "Workflows/test.lua:5: action probe of poke: returned a whole number; expected a table of changes, or nil")
    }

    @Test func anEndlessLoopStopsAtTheInstructionBudget() throws {
        let message = try pokeError(Scripts.withHook(body: "while true do end"), limits: SandboxLimits(instructionsPerCall: 10_000))
        #expect(message == "Workflows/test.lua:6: guard probe of poke: instruction budget exhausted")
    }

    @Test func catchingTheBudgetErrorDoesNotBuyMoreTime() throws {
        let message = try pokeError(
            Scripts.withHook(body: "for i = 1, 10 do pcall(function() while true do end end) end\nreturn true"),
            limits: SandboxLimits(instructionsPerCall: 10_000))
        #expect(message?.contains("instruction budget exhausted") == true)
    }

    @Test func aTableThatGrowsWithoutEndStopsAtTheMemoryCap() throws {
        let message = try pokeError(
            Scripts.withHook(body: "local t = {}\nfor i = 1, 1e9 do t[i] = string.rep('x', 64) .. i end"),
            limits: SandboxLimits(instructionsPerCall: 100_000_000, memoryBytes: 8 << 20))
        #expect(message == "Workflows/test.lua:5: guard probe of poke: memory cap of 8 MiB exceeded")
    }

    @Test(arguments: [
        (
            "local wf = engine.workflow { name = 't' }\nwf:event('x', { frm = 'a' })",
            "Workflows/test.lua:2: event x has unknown key frm; expected: corrects, data, from, opens, statutory, summary, to, who, who_rule"
        ),
        (
            "local wf = engine.workflow { name = 't' }\nwf:event('x', { from = 'a', data = { d = 'datetime' } })",
            "Workflows/test.lua:2: event x.data.d has type datetime; expected text, boolean, integer, number, date, instant, any or one_of = {...}"
        ),
        (
            "local wf = engine.workflow { name = 't' }\nwf:guard('x', 'g', 5)",
            "Workflows/test.lua:2: guard g on x needs a function third; got number"
        ),
        (
            "local wf = engine.workflow { name = 't' }\nwf:state('a')\nwf:event('o', { opens = true, to = 'a' })\nwf:event('x', { from = 'a', to = 'b' })",
            "Workflows/test.lua:4: event x leads to unknown state \"b\"; expected one of: a"
        ),
        (
            "local wf = engine.workflow { name = 't' }\nwf:state('a')\nwf:event('o', { opens = true, to = 'a' })\nwf:guard('nope', 'g', function() return true end)",
            "Workflows/test.lua:4: guard g is on unknown event \"nope\"; expected one of: o"
        ),
        (
            "local wf = engine.workflow { name = 't' }\nwf:state('a')\nwf:event('o', { opens = true, to = 'a', who = 'legal_officer' })",
            "Workflows/test.lua:3: event o names unknown role \"legal_officer\"; expected a rank (constable, sergeant, inspector, chief_inspector, superintendent, chief_superintendent, assistant_chief_constable, commander, deputy_chief_constable, deputy_assistant_commissioner, chief_constable, assistant_commissioner, deputy_commissioner, commissioner) or a staff role the workflow declares (staff_roles = {...})"
        ),
    ])
    func declarationMistakesBlameTheLineThatMadeThem(script: String, message: String) {
        #expect(Scripts.loadError(script) == message)
    }

    @Test(arguments: [
        ("os.execute('true')", "attempt to index a nil value (global 'os')"),
        ("io.open('/etc/passwd')", "attempt to index a nil value (global 'io')"),
        ("require('x')", "attempt to call a nil value (global 'require')"),
        ("dofile('/etc/passwd')", "attempt to call a nil value (global 'dofile')"),
        ("loadfile('/etc/passwd')", "attempt to call a nil value (global 'loadfile')"),
        ("debug.getinfo(1)", "attempt to index a nil value (global 'debug')"),
        ("math.random()", "attempt to call a nil value (field 'random')"),
        ("load(string.dump(function() end))", "attempt to call a nil value (field 'dump')"),
        ("assert(load('\\27Lua'))", "attempt to load a binary chunk (mode is 't')"),
    ])
    func theSandboxClosesTheEscapeHatches(body: String, message: String) throws {
        let script = Scripts.withHook(body: "local ok, err = pcall(function() \(body) end)\nif ok then return true end\nreturn false, tostring(err)")
        let procedure = try Scripts.load(script).get()
        let engine = TransitionEngine(workflow: try procedure.workflow("t"), procedure: "p")
        let opened = try engine.transition(nil, Scripts.request("open")).snapshot
        do throws(WorkflowError) {
            _ = try engine.transition(opened, Scripts.request("poke"))
            Issue.record("\(body) was allowed")
        } catch {
            #expect(error.kind == .refused)
            #expect(error.message.hasSuffix(message), "\(error.message)")
        }
    }
}
