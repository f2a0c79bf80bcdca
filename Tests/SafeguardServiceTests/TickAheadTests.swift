import Foundation
import Testing
import WorkflowCore

@testable import SafeguardService

/// `tick --at` ahead of the real clock is refused for everybody, and changes nothing.
@Suite("A tick ahead of the clock")
struct TickAheadTests {
    static let now = Instant.parse("2026-05-01T12:00:00+01:00")!

    /// A notice served at 09:00 on 1 May: its 48-hour hearing clock is pending.
    func served(futureMinutes: Int = 5) throws -> Casework {
        var configuration = Configuration(storeURL: ":memory:", clock: { TickAheadTests.now })
        configuration.futureTolerance = TimeInterval(futureMinutes * 60)
        let casework = try Casework(configuration)
        let t = Instant.parse("2026-05-01T09:00:00+01:00")!
        func request(_ event: String, role: String = "constable", _ data: [String: Value]) -> TransitionRequest {
            TransitionRequest(caseID: "C1", event: event, at: t, actor: Actor(id: "X", role: role), data: data, workflow: "dvpo", force: "durham")
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
        return casework
    }

    @Test func aTickDaysAheadIsRefusedAndRecordsNothing() throws {
        // Given a served notice whose hearing deadline (5 May, 09:00) has not come
        let casework = try served()
        let before = try casework.snapshot("C1")
        // When someone ticks to 10 May
        let ahead = Instant.parse("2026-05-10T09:00:00+01:00")!
        #expect(
            throws: WorkflowError.badInput(
                "tick --at 2026-05-10T09:00:00+01:00 is ahead of the clock (now 2026-05-01T12:00:00+01:00); expected a time no more than 5 minutes from now (SAFEGUARD_FUTURE_MINUTES), as the engine's clock must not expire orders or record deadlines missed early; 'safeguard due --at' shows what falls due by then"
            )
        ) { try casework.tick(at: ahead, force: nil) }
        // Then the case and the deadline index are as they were
        let after = try casework.snapshot("C1")
        #expect(after.version == before.version)
        #expect(after.deadline("hearing")?.status == .pending)
        #expect(try casework.store.openDeadlines(dueBefore: nil, orMissed: true, force: nil).allSatisfy { $0.status == .pending })
    }

    @Test func aTickWithinTheToleranceOrInThePastRuns() throws {
        let casework = try served()
        #expect(try casework.tick(at: Self.now.addingTimeInterval(5 * 60), force: nil).isEmpty)
        #expect(try casework.tick(at: Self.now.addingTimeInterval(-3600), force: nil).isEmpty)
        #expect(throws: WorkflowError.self) { try casework.tick(at: Self.now.addingTimeInterval(5 * 60 + 1), force: nil) }
    }

    @Test func theToleranceIsTheOneFireUses() throws {
        // SAFEGUARD_FUTURE_MINUTES=10000 (about a week) lets the tick to 3 May 10:00 run: the hearing is recorded missed
        let casework = try served(futureMinutes: 10_000)
        let results = try casework.tick(at: Instant.parse("2026-05-06T10:00:00+01:00")!, force: nil)
        #expect(results.count == 1)
        #expect(try casework.snapshot("C1").deadline("hearing")?.status == .missed)
    }
}
