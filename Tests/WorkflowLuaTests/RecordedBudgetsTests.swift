import Foundation
import Testing
import WorkflowCore
import WorkflowLua

/// Issue 11: the budgets are recorded with the procedure, so the environment (a raised memory cap
/// or instruction budget) cannot change what a replay of a stored procedure decides.
@Suite("The trust boundary: budgets recorded with the procedure")
struct RecordedBudgetsTests {
    @Test func aStoredProcedureRunsUnderItsRecordedBudgetsWhateverItIsLoadedWith() throws {
        // Given a procedure stored with an 8 MiB cap, and a hook that grows without end
        let hook = Scripts.withHook(body: "local t = {}\nfor i = 1, 1e9 do t[i] = string.rep('x', 64) .. i end")
        let recorded = SandboxLimits(instructionsPerCall: 100_000_000, memoryBytes: 8 << 20)
        let sources = [ScriptSource(path: "Workflows/test.lua", text: hook), recorded.record]
        // When it is loaded where the environment asks for a 32 MiB cap
        let procedure = try Procedure.load(sources: sources, limits: SandboxLimits(instructionsPerCall: 100_000_000, memoryBytes: 32 << 20))
        // Then it runs under the recorded cap
        #expect(procedure.limits == recorded)
        #expect(procedure.limitsRecorded)
        let engine = TransitionEngine(workflow: try procedure.workflow("t"), procedure: "p")
        let opened = try engine.transition(nil, Scripts.request("open")).snapshot
        #expect(throws: WorkflowError.script("Workflows/test.lua:5: guard probe of poke: memory cap of 8 MiB exceeded")) {
            try engine.transition(opened, Scripts.request("poke"))
        }
    }

    @Test func aFolderRecordsTheBudgetsItIsLoadedWithInItsSources() throws {
        let raised = SandboxLimits(instructionsPerCall: 2_000_000, memoryBytes: 128 << 20)
        let procedure = try Procedure.load(from: Scripts.shipped, force: "essex", limits: raised)
        #expect(procedure.sources.contains(raised.record))
        #expect(!procedure.sources.contains(SandboxLimits.standard.record))
        #expect(
            raised.record.text
                == "{\"hook_data_bytes\":4194304,\"instructions_per_call\":2000000,\"memory_bytes\":134217728,\"wall_clock_milliseconds\":2000}\n")
    }

    @Test func aProcedureStoredBeforeBudgetsWereRecordedRunsUnderTheGivenOnes() throws {
        let procedure = try Procedure.load(sources: [ScriptSource(path: "Workflows/test.lua", text: Scripts.withHook(body: "return true"))])
        #expect(procedure.limits == .standard)
        #expect(!procedure.limitsRecorded)
    }

    @Test func aRecordThatIsNotBudgetsIsRefused() {
        let sources = [
            ScriptSource(path: "Workflows/test.lua", text: Scripts.withHook(body: "return true")),
            ScriptSource(path: SandboxLimits.recordPath, text: "{\"memory_bytes\": 0}"),
        ]
        #expect(
            throws: WorkflowError.script(
                "Limits/sandbox.json: not the budgets of a procedure; expected JSON with instructions_per_call, memory_bytes, wall_clock_milliseconds and hook_data_bytes, each above 0"
            )
        ) { try Procedure.load(sources: sources) }
    }
}
