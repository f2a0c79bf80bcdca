import Foundation
import Testing
import WorkflowCore

@testable import SafeguardService

/// A correction recorded in a database: the deadline index follows it, `tick` expires the order on
/// the corrected day, the case replays and verifies, and a refused correction changes nothing.
@Suite("Corrections in the record")
struct CorrectionRecordTests {
    static let base = Instant.parse("2026-05-01T09:00:00+01:00")!

    /// Case C1 with a 28-day order made on 2 May 2026.
    func orderInForce() throws -> Casework {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("correct-\(UUID().uuidString).sqlite").path
        let casework = try Casework(Configuration(storeURL: path))
        let steps: [(String, String, [String: Value])] = [
            ("report_incident", "constable", ["perpetrator_dob": "1980-01-01", "relationship": "spouse", "violence": "used"]),
            (
                "authorise_notice", "superintendent",
                [
                    "grounds": "g", "victim_opinion": "v", "children_welfare": "c", "perpetrator_representations": "none made",
                    "premises_conditions": false,
                ]
            ),
            ("serve_notice", "constable", ["address_refused": true]),
            ("apply_for_order", "constable", ["court": "C", "listed_for": "2026-05-02T10:00:00+01:00"]),
            ("grant_order", "constable", ["days": 28]),
        ]
        for (index, (event, role, data)) in steps.enumerated() {
            let request = TransitionRequest(
                caseID: "C1", event: event, at: Self.base.addingTimeInterval(TimeInterval(index) * 6 * 3600),
                actor: Actor(id: "X1", role: role), data: data, workflow: "dvpo", force: "essex")
            _ = index == 0 ? try casework.open(request) : try casework.fire(request)
        }
        return casework
    }

    func correction(_ field: String, _ value: Value, role: String = "sergeant") -> TransitionRequest {
        TransitionRequest(
            caseID: "C1", event: "correct_record", at: Instant.parse("2026-05-03T09:00:00+01:00")!, actor: Actor(id: "SGT1", role: role),
            data: ["corrected_field": .string(field), "corrected_value": value, "correction_reason": "the court's order says 14 days"])
    }

    @Test func theIndexAndTickFollowACorrectedOrderPeriod() throws {
        let casework = try orderInForce()
        _ = try casework.fire(correction("order_days", 14))

        let index = try casework.store.openDeadlines(dueBefore: nil, orMissed: false, force: nil)
        #expect(index.filter { $0.clock == "order_end" }.map { Instant.format($0.due) } == ["2026-05-15T23:59:59.999+01:00"])

        // A tick the day before the corrected end fires nothing; one after it expires the order at its end.
        #expect(try casework.tick(at: Instant.parse("2026-05-15T12:00:00+01:00")!, force: nil).isEmpty)
        let results = try casework.tick(at: Instant.parse("2026-05-20T12:00:00+01:00")!, force: nil)
        guard case .success(.recorded(let event, let snapshot)) = try #require(results.first).outcome else {
            Issue.record("tick recorded nothing")
            return
        }
        #expect(event.event == "expire_order")
        #expect(Instant.format(event.at) == "2026-05-15T23:59:59.999+01:00")
        #expect(snapshot.state == "expired")

        #expect(try casework.replay("C1") == [])
        #expect(try casework.verify(caseID: "C1").problems == [])
    }

    @Test func aRefusedCorrectionChangesNothing() throws {
        let casework = try orderInForce()
        let before = try casework.snapshot("C1")
        let events = try casework.store.history("C1").count
        for request in [correction("order_days", 30), correction("order_days", "14"), correction("authorised_by", "SUP9"), correction("order_days", 14, role: "constable")] {
            #expect(throws: WorkflowError.self) { try casework.fire(request) }
        }
        #expect(try casework.snapshot("C1") == before)
        #expect(try casework.store.history("C1").count == events)
        #expect(try casework.verify(caseID: "C1").problems == [])
    }
}
