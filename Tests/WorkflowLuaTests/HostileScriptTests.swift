import Foundation
import Ledger
import Testing
import WorkflowCore
import WorkflowLua

/// A corpus of hostile hooks. Each fails within its budget with one error naming the file, the
/// line and the hook; the case is unchanged; the next transition on another case works.
@Suite("The sandbox: hostile scripts")
struct HostileScriptTests {
    static let corpus: [(String, String)] = [
        ("endless loop", "while true do end"),
        ("endless recursion", "local function f(n) return 1 + f(n + 1) end\nreturn f(1)"),
        ("a table growing without end", "local t = {}\nfor i = 1, math.maxinteger do t[i] = tostring(i) .. string.rep('x', 100) end"),
        ("string.rep of a huge size", "return string.rep('x', 1 << 40)"),
        ("os.execute", "os.execute('touch /tmp/pwned')"),
        ("io.open", "io.open('/etc/passwd')"),
        ("require outside the script roots", "require('/etc/passwd')"),
        ("loadfile", "loadfile('/etc/passwd')"),
        ("dofile", "dofile('/etc/passwd')"),
        ("a binary chunk through load", "assert(load('\\27Lua\\84\\0'))"),
        ("debug", "debug.sethook()"),
        ("replacing an engine function", "engine.local_date = function() return '2000-01-01' end"),
        ("a metatable on the engine table", "setmetatable(engine, { __index = function() return true end })"),
        ("the string metatable", "getmetatable('').__index.upper = nil"),
        ("a global written for the next case", "seen = (seen or 0) + 1\nreturn true"),
        ("a shared table written for the next case", "shared[case.id] = true\nreturn true"),
        ("error with a table", "error({ code = 42 })"),
        ("error with nil", "error(nil)"),
        ("a coroutine that never ends", "local run = coroutine.wrap(function() while true do end end)\nrun()"),
        ("coroutines to multiply the budget", "while true do coroutine.resume(coroutine.create(function() while true do end end)) end"),
        ("a pcall that swallows the budget", "while true do pcall(function() while true do end end) end"),
        ("a hook that yields", "coroutine.yield(1)"),
    ]

    static func script(_ body: String) -> String {
        """
        local shared = {}
        local wf = engine.workflow { name = "t" }
        wf:state("a")
        wf:event("open", { opens = true, to = "a" })
        wf:event("poke", { from = "a" })
        wf:guard("poke", "probe", function(case, event)
        \(body)
        end)
        """
    }

    @Test(arguments: corpus)
    func failsCleanlyAndLeavesEverythingElseWorking(name: String, body: String) throws {
        let procedure = try Scripts.load(Self.script(body), limits: SandboxLimits(instructionsPerCall: 200_000, memoryBytes: 16 << 20)).get()
        let engine = TransitionEngine(workflow: try procedure.workflow("t"), procedure: "p")
        let store = InMemoryCaseStore()
        for id in ["T1", "T2"] {
            _ = try store.record(caseID: id, eventID: nil) { current throws(WorkflowError) in
                var request = Scripts.request("open")
                request.caseID = id
                return try engine.transition(current, request)
            }
        }
        let before = try store.snapshot("T1")
        let height = procedure.interpreter.stackHeight
        do throws(WorkflowError) {
            _ = try store.record(caseID: "T1", eventID: nil) { current throws(WorkflowError) in
                try engine.transition(current, Scripts.request("poke"))
            }
            Issue.record("\(name) was allowed")
        } catch {
            // One line, naming the file and line, and the hook.
            #expect(error.kind == .script, "\(name): \(error)")
            #expect(!error.message.contains("\n"))
            #expect(error.message.hasPrefix("Workflows/test.lua:"), "\(name): \(error.message)")
            #expect(error.message.contains(": guard probe of poke: "), "\(name): \(error.message)")
        }
        #expect(try store.snapshot("T1") == before)
        #expect(try store.history("T1").count == 1)
        #expect(procedure.interpreter.stackHeight == height)
        // The interpreter still serves the next case: a fresh guard that allows.
        let healthy = try Scripts.load(Self.script("return true")).get()
        let next = TransitionEngine(workflow: try healthy.workflow("t"), procedure: "p")
        let after = try next.transition(try store.snapshot("T2"), Scripts.request("poke"))
        #expect(after.snapshot.version == 2)
    }

    @Test func aHostileHookDoesNotBreakTheSameInterpreterForTheNextCase() throws {
        let procedure = try Scripts.load(
            Self.script("if case.id == 'T1' then while true do end end\nreturn true"),
            limits: SandboxLimits(instructionsPerCall: 100_000)
        ).get()
        let engine = TransitionEngine(workflow: try procedure.workflow("t"), procedure: "p")
        var first = Scripts.request("open")
        first.caseID = "T1"
        var second = first
        second.caseID = "T2"
        let one = try engine.transition(nil, first).snapshot
        let two = try engine.transition(nil, second).snapshot
        #expect(throws: WorkflowError.self) { try engine.transition(one, Scripts.request("poke")) }
        var poke = Scripts.request("poke")
        poke.caseID = "T2"
        #expect(try engine.transition(two, poke).snapshot.version == 2)
    }

    @Test func scriptsMayNotReplaceEachOthersGlobalsWhileLoading() {
        #expect(
            Scripts.loadError("ipairs = function() end")
                == "Workflows/test.lua:1: global ipairs is already defined (by the engine or another script); expected a new name, or a local")
        #expect(
            Scripts.loadError("string.format = nil")
                == "Workflows/test.lua:1: cannot set format: this table is shared by every case and is read-only while hooks run; keep per-case state in the case's data"
        )
    }
}
