import Foundation
import Testing
import WorkflowCore

@testable import SafeguardService

/// Issue 19: `verify` reads each case's snapshot and history once, and what it prints besides the
/// problems (identities, budget notes) comes from that pass, not from reading every case again.
@Suite("Verify in one pass")
struct VerifyPassTests {
    @Test func eachHistoryIsReadOnceAndTheNotesComeFromThePass() throws {
        // Given three cases in a store without a staff register
        let scripts = try ScriptsCopy()
        let store = try CountingStore()
        let casework = Casework(Configuration(storeURL: ":memory:", scripts: scripts.root.path), store: store)
        for id in ["C1", "C2", "C3"] {
            let request = TransitionRequest(
                caseID: id, event: "", at: ProcedureVersionTests.at, actor: Actor(id: "PC1", role: "constable"),
                data: ["perpetrator_dob": "1980-01-01", "relationship": "spouse", "violence": "used"], workflow: "dvpo", force: "essex")
            _ = try casework.open(request)
        }
        let hash = try #require(try store.snapshot("C1")).procedure
        (store.historyReads, store.snapshotReads, store.listReads) = (0, 0, 0)

        // When the record is verified
        let result = try casework.verify(caseID: nil)

        // Then it is intact, each history was read once, no case was read again on its own, and
        // the pass saw the procedure and the claimed actors the notes are made from
        #expect(result.problems == [])
        #expect(result.cases == 3 && result.events == 3 && result.complete)
        #expect(store.historyReads == 3)
        #expect(store.snapshotReads == 0)
        #expect(result.procedures == [hash])
        #expect(result.claimedActors)
        #expect(try casework.identities(after: result, caseID: nil) == "claimed")
        #expect(casework.budgetNotes(procedures: result.procedures) == [])
        #expect(store.listReads == 0)
        #expect(store.historyReads == 3)
    }
}
