import Foundation
import Stores
import Testing
import WorkflowCore

@testable import SafeguardService

/// Issue 19: `verify` replays on two workers over an SQLite file; what it finds, and the order it
/// says it in, are those of one worker.
@Suite("Verify on two workers")
struct VerifyWorkersTests {
    @Test func twoWorkersFindWhatOneFindsInTheSameOrder() throws {
        // Given nine cases in an SQLite file, three of them written with a snapshot their events do not give
        let scripts = try ScriptsCopy()
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("verify-\(UUID().uuidString).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let store = try StoreFactory.open(path)
        let casework = Casework(Configuration(storeURL: path, scripts: scripts.root.path), store: store)
        let tampered: Set<String> = ["C2", "C5", "C8"]
        for number in 1...9 {
            let id = "C\(number)"
            let request = TransitionRequest(
                caseID: id, event: "report_incident", at: ProcedureVersionTests.at, actor: Actor(id: "PC1", role: "constable"),
                data: ["perpetrator_dob": "1980-01-01", "relationship": "spouse", "violence": "used"], workflow: "dvpo", force: "essex")
            try casework.storeCurrentProcedure(workflow: "dvpo", force: "essex")
            let engine = try casework.engine(for: "dvpo", force: "essex")
            _ = try store.record(caseID: id, eventID: nil) { _ throws(WorkflowError) in
                var transition = try engine.transition(nil, request)
                if tampered.contains(id) { transition.snapshot.data["relationship"] = .string("stranger") }
                return transition
            }
        }

        // When it is verified on one worker and on two
        let one = try casework.verify(caseID: nil, workers: 1)
        let two = try Casework(Configuration(storeURL: path, scripts: scripts.root.path), store: store).verify(caseID: nil, workers: 2)

        // Then both name the three cases, in case order, with the same words
        #expect(one.problems == tampered.sorted().map { "case \($0): the stored snapshot differs from its replay at data.relationship" })
        #expect(two.problems == one.problems)
        #expect(two.cases == 9 && two.events == 9 && two.procedures == one.procedures && two.claimedActors == one.claimedActors)
    }
}
