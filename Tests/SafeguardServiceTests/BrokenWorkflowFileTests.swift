import Foundation
import Testing
import WorkflowCore

@testable import SafeguardService

/// Issue 11: a broken workflow file stops only what needs it, and `check` reports it once, at its
/// own line, not again at every regime row or plugin naming its workflow.
@Suite("A broken workflow file")
struct BrokenWorkflowFileTests {
    @Test func isReportedOnceAndStopsOnlyItsOwnWorkflow() throws {
        // Given the shipped scripts with the DAPO workflow's file broken
        let scripts = try ScriptsCopy()
        try scripts.write("Workflows/dapo.lua", "local x = (\n")
        let configuration = Configuration(storeURL: ":memory:", scripts: scripts.root.path)
        // Then check reports it once
        #expect(try ScriptsReview.check(configuration).errors.map(\.message) == ["Workflows/dapo.lua:2: unexpected symbol near <eof>"])
        // And a DVPO case still opens, while a DAPO case fails with the file's error
        _ = try ProcedureVersionTests.openDvpo(try Casework(configuration))
        #expect(throws: WorkflowError.script("Workflows/dapo.lua:2: unexpected symbol near <eof>")) {
            try Casework(configuration).current("dapo", force: "greater_manchester")
        }
    }
}
