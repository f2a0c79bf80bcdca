import Foundation
import Ledger
import Testing
import WorkflowCore
import WorkflowLua

@testable import SafeguardService

/// Issue 11: a case's procedure records the budgets it ran under; a later run with other budgets
/// (an environment variable) replays it under the recorded ones, and verify says they differ.
@Suite("Budgets recorded with a case's procedure")
struct RecordedBudgetsServiceTests {
    @Test func verifyReplaysUnderTheRecordedBudgetsAndSaysTheyDiffer() throws {
        // Given a case opened under the standard budgets
        let scripts = try ScriptsCopy()
        let store = InMemoryCaseStore()
        let opening = Casework(Configuration(storeURL: ":memory:", scripts: scripts.root.path), store: store)
        _ = try ProcedureVersionTests.openDvpo(opening)
        #expect(opening.budgetNotes(caseID: nil) == [])
        let hash = try #require(try store.snapshot("C1")).procedure

        // When a later run raises the memory cap
        let raised = SandboxLimits(instructionsPerCall: 1_000_000, memoryBytes: 128 << 20)
        let later = Casework(Configuration(storeURL: ":memory:", scripts: scripts.root.path, limits: raised), store: store)

        // Then the case's procedure is still the one it was opened under, verify is clean, and says so
        #expect(try later.current("dvpo", force: "essex").hash != hash)
        #expect(try later.verify(caseID: nil).problems == [])
        #expect(
            later.budgetNotes(caseID: nil) == [
                "procedure \(hash.prefix(12)) records budgets of 1000000 instructions a call, 64 MiB, 2000 ms, 4 MiB of hook data; this run's are 1000000 instructions a call, 128 MiB, 2000 ms, 4 MiB of hook data: its cases were replayed under the recorded ones"
            ])
    }
}
