import Foundation
import Testing

@testable import WorkflowCore

@Suite("A force's event and an order's period (Crime and Security Act 2010 s.28(10))")
struct StatutoryOrderTests {
    let end = Instant.parse("2026-06-08T23:00:00Z")!

    func parked() -> CaseSnapshot {
        var snapshot = CaseSnapshot(
            id: "S1", workflow: "dvpo", force: "x", state: "parked",
            data: ["applied_at": "2026-05-25T08:15:00Z", "order_made_on": "2026-05-26", "order_days": 14],
            deadlines: [Deadline(clock: "order_end", startedAt: Instant.parse("2026-05-26T10:00:00Z")!, due: end)],
            version: 6, procedure: "p", openedAt: Instant.parse("2026-05-23T21:10:00Z")!, updatedAt: Instant.parse("2026-05-27T09:00:00Z")!)
        snapshot.stateChangedAt = snapshot.updatedAt
        return snapshot
    }

    func unpark(at text: String) -> Transition {
        var after = parked()
        after.state = "order_in_force"
        return Transition(
            caseID: "S1", event: "unpark", eventID: nil, from: "parked", to: "order_in_force", at: Instant.parse(text)!,
            actor: Actor(id: "PC1", role: "constable"), data: [:], changes: [:], guardsPassed: [], snapshot: after)
    }

    let event = EventDefinition(
        name: "unpark", origin: .states(["parked"]), target: "order_in_force", location: SourceLocation(file: "Plugins/x/plugin.lua", line: 4))

    @Test func aForceEventRevivingAnOrderAfterItsEndIsRefused() throws {
        var message: String?
        do throws(WorkflowError) {
            try StatutoryFloor.dvpo.check(unpark(at: "2026-11-29T10:00:00Z"), from: parked(), event: event)
        } catch {
            message = error.message
        }
        #expect(
            message
                == "unpark refused by the statutory floor (Crime and Security Act 2010 s.28(10)): entering order_in_force at or after the order's end (2026-06-09T00:00:00+01:00); an order is in force only for its period")
    }

    @Test func theSameEventWithinThePeriodIsNotRefusedByThisRule() throws {
        try StatutoryFloor.dvpo.check(unpark(at: "2026-06-01T10:00:00Z"), from: parked(), event: event)
    }
}
