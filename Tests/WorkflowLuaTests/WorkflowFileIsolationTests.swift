import Foundation
import Ledger
import Testing
import WorkflowCore
import WorkflowLua

/// Issue 11: each workflow file runs in an interpreter of its own, with only the plugins that
/// extend its workflows. A new or broken file in `Workflows/` cannot change or stop another
/// workflow's procedure; it stops only what needs it, and `check` reports it with file:line.
@Suite("The trust boundary: one workflow file cannot change or stop another")
struct WorkflowFileIsolationTests {
    /// Runs one whole dvpo case for force x and returns its final snapshot.
    static func wholeCase(_ procedure: Procedure) throws -> CaseSnapshot {
        let engine = try procedure.engine(for: "dvpo", procedure: "p")
        let store = InMemoryCaseStore()
        for (step, (event, role)) in HostileAttack.steps.enumerated() {
            _ = try store.record(caseID: "C1", eventID: nil) { current throws(WorkflowError) in
                try engine.transition(current, HostileAttack.request("C1", event, step: step * 2, role: role))
            }
        }
        return try #require(try store.snapshot("C1"))
    }

    static let attacks: [(String, ScriptSource, String)] = [
        (
            "a file redeclaring dvpo", ScriptSource(path: "Workflows/aaa_shadow.lua", text: "engine.workflow { name = 'dvpo' }\n"),
            "Workflows/aaa_shadow.lua:1: workflow dvpo is declared by Workflows/dvpo.lua, the file named for it; expected each workflow declared once, in Workflows/dvpo.lua"
        ),
        (
            "a file that does not parse", ScriptSource(path: "Workflows/aaa_broken.lua", text: "local x = (\n"),
            "Workflows/aaa_broken.lua:2: unexpected symbol near <eof>"
        ),
        (
            "a file that raises", ScriptSource(path: "Workflows/aaa_raises.lua", text: "local wf = engine.workflow { name = 'aaa_raises' }\nerror('broken')\n"),
            "Workflows/aaa_raises.lua:2: broken"
        ),
        (
            "a file that spends its whole budget at load",
            ScriptSource(
                path: "Workflows/aaa_hog.lua",
                text: "hog = {}\nfor i = 1, 40 do hog[i] = string.rep('x', 1024 * 1024, '', i) end\nerror('kept the memory')\n"),
            "Workflows/aaa_hog.lua:2: instruction budget exhausted"
        ),
        (
            "a file that declares a workflow with a bad event",
            ScriptSource(path: "Workflows/aaa_bad.lua", text: "local wf = engine.workflow { name = 'aaa_bad' }\nwf:state('a')\nwf:event('o', { opens = true, to = 'b' })\n"),
            "Workflows/aaa_bad.lua:3: event o leads to unknown state \"b\"; expected one of: a"
        ),
    ]

    @Test(arguments: attacks.indices)
    func anotherWorkflowFileLeavesDvpoWhole(_ index: Int) throws {
        let (name, file, message) = Self.attacks[index]
        // Given the shipped workflows, plus one file that is hostile or broken
        let folder = Scripts.shipped
        let shipped = try folder.workflowSources() + [try folder.calendarSource()!]
        let plain = try Procedure.load(sources: shipped, force: "x")
        // When the procedure loads with it
        let procedure = try Procedure.load(sources: [file] + shipped, force: "x")
        // Then dvpo is decided exactly as without it, and only the file's own workflow is stopped
        #expect(try Self.wholeCase(procedure) == Self.wholeCase(plain), "\(name)")
        #expect(procedure.workflows.keys.sorted() == plain.workflows.keys.sorted(), "\(name)")
        let stem = String(file.path.dropFirst("Workflows/".count).dropLast(".lua".count))
        #expect(throws: WorkflowError.script(message)) { try procedure.workflow(stem) }
        // And check reports it with its file and line
        let findings = Findings()
        _ = try Procedure.load(sources: [file] + shipped, force: nil, limits: .standard, findings: findings)
        #expect(findings.errors.map(\.message) == [message], "\(name)")
    }

    @Test func aFileAloneThatFailsIsStillRefusedAtLoad() {
        #expect(Scripts.loadError("local x = (\n") == "Workflows/test.lua:2: unexpected symbol near <eof>")
    }

    @Test func twoFilesNeitherNamedForTheWorkflowAreBothRefused() throws {
        let one = ScriptSource(path: "Workflows/one.lua", text: "local wf = engine.workflow { name = 'w' }\nwf:state('a')\nwf:event('o', { opens = true, to = 'a' })\n")
        let two = ScriptSource(path: "Workflows/two.lua", text: "local wf = engine.workflow { name = 'w' }\nwf:state('a')\nwf:event('o', { opens = true, to = 'a' })\n")
        let three = ScriptSource(path: "Workflows/three.lua", text: "local wf = engine.workflow { name = 'three' }\nwf:state('a')\nwf:event('o', { opens = true, to = 'a' })\n")
        let procedure = try Procedure.load(sources: [one, three, two])
        #expect(procedure.workflows.keys.sorted() == ["three"])
        #expect(throws: WorkflowError.script("Workflows/one.lua:1: workflow w is also declared by Workflows/two.lua; expected each workflow declared once, in Workflows/w.lua")) {
            try procedure.workflow("w")
        }
    }

    @Test func aForcesPluginRunsOnlyBesideTheWorkflowItExtends() throws {
        // A plugin extending dvpo for x cannot reach dapo's interpreter: a global it sets is not there.
        let plugin = ScriptSource(
            path: "Plugins/x/plugin.lua",
            text: "local p = engine.plugin { name = 'px', version = '1', extends = 'dvpo', forces = { 'x' } }\nmarker_from_x = true\n")
        let folder = Scripts.shipped
        let procedure = try Procedure.load(sources: try folder.workflowSources() + [plugin, try folder.calendarSource()!], force: "x")
        #expect(procedure.interpreter(for: "dvpo") !== procedure.interpreter(for: "dapo"))
        #expect(procedure.interpreter(for: "dvpo") !== nil)
        #expect(try procedure.workflow("dvpo").plugins.map(\.name) == ["px"])
        #expect(try procedure.workflow("dapo").plugins.isEmpty)
    }
}
