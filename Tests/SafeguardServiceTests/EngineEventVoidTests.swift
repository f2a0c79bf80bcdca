import Foundation
import Testing
import WorkflowCore

@testable import SafeguardService

/// The engine's own events record what the statute's time did. An expiry the clock recorded at the
/// order's end cannot be voided (the order would be back in force after its end); one fired on a
/// period typed wrongly can be put right: correct the period, then void the expiry, and the clock
/// fires again at the corrected end.
@Suite("void and the engine's own events")
struct EngineEventVoidTests {
    static func casework(now: String, path: String = FileManager.default.temporaryDirectory.appendingPathComponent("engine-void-\(UUID().uuidString).sqlite").path) throws -> Casework {
        try Casework(Configuration(storeURL: path, clock: { Instant.parse(now)! }))
    }

    static let sergeant = Actor(id: "S", role: "sergeant")

    @Test func anExpiryAtTheOrdersEndCannotBeVoided() throws {
        let casework = try Self.casework(now: "2026-07-01T09:00:00+01:00")
        try ReportVoidAndCorrectionTests.granted(casework, "V1", days: 14)
        _ = try casework.tick(at: Instant.parse("2026-06-30T09:00:00+01:00")!, force: nil)
        let history = try casework.store.history("V1")
        let expiry = try #require(history.last)
        #expect(expiry.event == "expire_order")
        let message =
            "event \(expiry.sequence) (expire_order) settled deadline order_end, which fell due 2026-06-15T23:59:59.999+01:00; without it that deadline is still due then (the order would be back in force after its end); expected to void (or correct) the event whose value set that time instead: its void takes this event with it"
        #expect(throws: WorkflowError.refused(message)) {
            try casework.void(caseID: "V1", sequence: expiry.sequence, reason: "wrong", actor: Self.sergeant)
        }
        #expect(try casework.store.history("V1").count == history.count)
        #expect(try casework.store.snapshot("V1")?.state == "expired")
        // And the clock does not fire it twice.
        #expect(try casework.tick(at: Instant.parse("2026-07-01T08:00:00+01:00")!, force: nil).isEmpty)
    }

    @Test func anExpiryOnAPeriodTypedWronglyIsPutRightByCorrectionThenVoid() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("engine-void-\(UUID().uuidString).sqlite").path
        let casework = try Self.casework(now: "2026-06-20T09:00:00+01:00", path: path)
        try ReportVoidAndCorrectionTests.granted(casework, "V2", days: 14)
        _ = try casework.tick(at: Instant.parse("2026-06-20T08:00:00+01:00")!, force: nil)
        let expiry = try #require(try casework.store.history("V2").last)
        #expect(expiry.event == "expire_order")
        // The court made 28 days; the period was typed as 14. The case has ended, and the
        // correction is recorded all the same.
        _ = try casework.fire(
            TransitionRequest(
                caseID: "V2", event: "correct_record", at: Instant.parse("2026-06-20T08:30:00+01:00")!, actor: Self.sergeant,
                data: ["corrected_field": "order_days", "corrected_value": 28, "correction_reason": "the order was for 28 days"]))
        _ = try casework.void(caseID: "V2", sequence: expiry.sequence, reason: "expired on the wrong period", actor: Self.sergeant)
        let snapshot = try #require(try casework.store.snapshot("V2"))
        #expect(snapshot.state == "order_in_force")
        let end = try #require(snapshot.deadlines.first { $0.clock == "order_end" })
        #expect(end.status == .pending)
        #expect(Instant.format(end.due) == "2026-06-29T23:59:59.999+01:00")
        // The clock fires again at the corrected end.
        let later = try Self.casework(now: "2026-06-30T09:00:00+01:00", path: path)
        let fired = try later.tick(at: Instant.parse("2026-06-30T09:00:00+01:00")!, force: nil)
        #expect(fired.count == 1)
        #expect(try later.store.snapshot("V2")?.state == "expired")
    }

    @Test func aCorrectionThereAndBackAfterTheVoidLetsTheClockFireAgain() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("engine-void-\(UUID().uuidString).sqlite").path
        let casework = try Self.casework(now: "2026-06-20T12:00:00+01:00", path: path)
        try ReportVoidAndCorrectionTests.granted(casework, "V3", days: 14)
        _ = try casework.tick(at: Instant.parse("2026-06-20T08:00:00+01:00")!, force: nil)
        let expiry = try #require(try casework.store.history("V3").last)
        func correct(_ days: Int, _ at: String) throws {
            _ = try casework.fire(
                TransitionRequest(
                    caseID: "V3", event: "correct_record", at: Instant.parse(at)!, actor: Self.sergeant,
                    data: ["corrected_field": "order_days", "corrected_value": .integer(days), "correction_reason": "r"]))
        }
        try correct(28, "2026-06-20T08:30:00+01:00")
        _ = try casework.void(caseID: "V3", sequence: expiry.sequence, reason: "expired on the wrong period", actor: Self.sergeant)
        try correct(14, "2026-06-20T09:30:00+01:00")
        let fired = try casework.tick(at: Instant.parse("2026-06-20T10:00:00+01:00")!, force: nil)
        #expect(fired.count == 1)
        #expect(try casework.store.snapshot("V3")?.state == "expired")
    }

    @Test func nobodyButTheClockTakesAClockEventID() throws {
        let casework = try Self.casework(now: "2026-06-03T09:00:00+01:00")
        try ReportVoidAndCorrectionTests.granted(casework, "V4", days: 14)
        let id = "tick:V4:order_end:2026-06-02T10:00:00.000Z:2026-06-15T22:59:59.999Z:6"
        #expect(
            throws: WorkflowError.badInput("event ids beginning tick: are kept for the events the engine's clock records; expected another id")
        ) {
            try casework.fire(
                TransitionRequest(
                    caseID: "V4", event: "record_visit", at: Instant.parse("2026-06-03T08:00:00+01:00")!,
                    actor: Actor(id: "X", role: "constable"), data: ["outcome": "seen"], eventID: id))
        }
        #expect(try casework.store.history("V4").count == 5)
    }
}
