import Foundation
import Testing
import WorkflowCore

@testable import SafeguardService

/// The engine's own events record what the statute's time did: an order's expiry fired by the
/// clock cannot be voided (the order would be back in force after its end, and the clock could not
/// fire the expiry again), nor can a missed deadline the clock recorded.
@Suite("void refuses the engine's own events")
struct EngineEventVoidTests {
    @Test func anExpiryTheClockRecordedCannotBeVoided() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("engine-void-\(UUID().uuidString).sqlite").path
        let casework = try Casework(Configuration(storeURL: path, clock: { Instant.parse("2026-07-01T09:00:00+01:00")! }))
        try ReportVoidAndCorrectionTests.granted(casework, "V1", days: 14)
        _ = try casework.tick(at: Instant.parse("2026-06-30T09:00:00+01:00")!, force: nil)
        let history = try casework.store.history("V1")
        let expiry = try #require(history.last)
        #expect(expiry.event == "expire_order")
        #expect(throws: WorkflowError.refused("event \(expiry.sequence) (expire_order) is recorded by the engine and cannot be voided; expected an event an officer recorded")) {
            try casework.void(caseID: "V1", sequence: expiry.sequence, reason: "wrong", actor: Actor(id: "S", role: "sergeant"))
        }
        #expect(try casework.store.history("V1").count == history.count)
        #expect(try casework.store.snapshot("V1")?.state == "expired")
    }
}
