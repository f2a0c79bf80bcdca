import Foundation
import Ledger
import Testing
import WorkflowCore

@testable import SafeguardService

/// A clock whose case moves on between `tick` reading the index and taking the write lock.
@Suite("tick beside a concurrent close")
struct TickRaceTests {
    static let served = Instant.parse("2026-05-04T09:00:00+01:00")!

    /// A case served on 4 May, so its 48-hour hearing deadline has passed by 10 May.
    func served(_ casework: Casework) throws {
        func fire(_ event: String, role: String = "constable", _ data: [String: Value]) throws {
            let request = TransitionRequest(
                caseID: "R1", event: event, at: Self.served, actor: Actor(id: "X", role: role), data: data, workflow: "dvpo", force: "durham")
            _ = event == "report_incident" ? try casework.open(request) : try casework.fire(request)
        }
        try fire("report_incident", ["perpetrator_dob": "1980-01-01", "relationship": "spouse", "violence": "used"])
        try fire(
            "authorise_notice", role: "superintendent",
            [
                "grounds": "g", "victim_opinion": "v", "children_welfare": "c", "perpetrator_representations": "none",
                "premises_conditions": false,
            ])
        try fire("serve_notice", ["address_refused": true])
    }

    @Test func aClockWhoseCaseWasClosedMeanwhileIsSkippedNotFailed() throws {
        // Given a served notice whose hearing deadline has passed
        let inner = InMemoryCaseStore()
        let configuration = Configuration(storeURL: ":memory:")
        try served(Casework(configuration, store: inner))
        // When the case is closed just before tick takes the write lock
        let closer = Casework(configuration, store: inner)
        let store = InterleavingStore(inner) { _ in
            _ = try closer.fire(
                TransitionRequest(
                    caseID: "R1", event: "close", at: Self.served.addingTimeInterval(3600), actor: Actor(id: "INS1", role: "inspector"),
                    data: ["reason": "withdrawn"]))
        }
        let results = try Casework(configuration, store: store).tick(at: Instant.parse("2026-05-10T09:00:00+01:00")!, force: nil)
        // Then the clock is reported as skipped, with why, and nothing more is recorded
        #expect(results.count == 1)
        #expect(results.first?.skipped == "the case moved on since the clock was read (now closed); the deadline no longer needs firing")
        #expect(try inner.snapshot("R1")?.state == "closed")
        #expect(try inner.history("R1").map(\.event).last == "close")
    }
}
