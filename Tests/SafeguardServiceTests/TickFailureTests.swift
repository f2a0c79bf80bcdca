import Foundation
import Stores
import Testing
import WorkflowCore

@testable import SafeguardService

/// One case's failure in `tick` is that case's result: the other cases' clocks still fire.
@Suite("A tick past a case that fails")
struct TickFailureTests {
    /// A store whose reads of one case's snapshot fail once `unreadable` names it: a row the disk
    /// lost, a case written by a newer engine.
    final class UnreadableCaseStore: ForwardingStore, @unchecked Sendable {
        var unreadable: String?

        override func snapshot(_ id: String) throws(WorkflowError) -> CaseSnapshot? {
            if id == unreadable { throw .storage("case \(id) could not be read (disk I/O error); expected a readable database") }
            return try super.snapshot(id)
        }
    }

    @Test func aCaseThatCannotBeReadIsItsFailureAndTheOthersFire() throws {
        // Given two notices served at 09:00 on 1 May, whose hearing deadlines pass on 4 May
        let store = UnreadableCaseStore(try StoreFactory.open(":memory:"))
        let casework = Casework(Configuration(storeURL: ":memory:", clock: { Instant.parse("2026-05-10T12:00:00+01:00")! }), store: store)
        let t = Instant.parse("2026-05-01T09:00:00+01:00")!
        for id in ["C1", "C2"] {
            func request(_ event: String, role: String = "constable", _ data: [String: Value]) -> TransitionRequest {
                TransitionRequest(caseID: id, event: event, at: t, actor: Actor(id: "X", role: role), data: data, workflow: "dvpo", force: "durham")
            }
            _ = try casework.open(request("report_incident", ["perpetrator_dob": "1980-01-01", "relationship": "spouse", "violence": "used"]))
            _ = try casework.fire(
                request(
                    "authorise_notice", role: "superintendent",
                    [
                        "grounds": "g", "victim_opinion": "v", "children_welfare": "c", "perpetrator_representations": "none",
                        "premises_conditions": false,
                    ]))
            _ = try casework.fire(request("serve_notice", ["address_refused": true]))
        }
        // When C1 cannot be read and the clock ticks to 10 May
        store.unreadable = "C1"
        let results = try casework.tick(at: Instant.parse("2026-05-10T09:00:00+01:00")!, force: nil)
        // Then C1's result is the storage error, and C2's missed hearing is recorded
        let byCase = Dictionary(grouping: results, by: \.deadline.caseID)
        #expect(byCase["C1"]?.count == 1)
        if case .failure(let error) = byCase["C1"]?.first?.outcome {
            #expect(error == .storage("case C1 could not be read (disk I/O error); expected a readable database"))
        } else {
            Issue.record("C1 was not a failure: \(String(describing: byCase["C1"]))")
        }
        store.unreadable = nil
        #expect(try casework.snapshot("C2").deadline("hearing")?.status == .missed)
        #expect(try casework.snapshot("C1").deadline("hearing")?.status == .pending)
    }
}
