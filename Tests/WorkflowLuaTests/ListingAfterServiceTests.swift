import Foundation
import Testing
import WorkflowCore

@testable import WorkflowLua

/// CSA 2010 s.27(1), (3): the hearing is of an application made after the notice was served, so a
/// listing before service is refused (a listing typed wrongly); one after the 48 hours is a warning.
@Suite("A hearing is not listed before the notice was served")
struct ListingAfterServiceTests {
    @Test func aListingBeforeServiceIsRefusedAndOneAfterItIsRecorded() throws {
        let national = try NationalProcedure()
        let served = try national.caseIn("notice_served")  // served 2026-05-01 11:00 BST
        let request = { (listed: Value) in
            TransitionRequest(
                caseID: "N1", event: "apply_for_order", at: Instant.parse("2026-05-01T12:00:00+01:00")!,
                actor: Actor(id: "PC1", role: "constable"), data: ["court": "Colchester", "listed_for": listed], force: "national")
        }
        do {
            _ = try national.engine.transition(served, request("2026-04-30T10:00:00+01:00"))
            Issue.record("a listing before service was recorded")
        } catch {
            #expect(error.kind == .refused)
            #expect(
                error.message.hasSuffix(
                    "the hearing is listed for 2026-04-30T10:00:00+01:00, before the notice was served (2026-05-01T11:00:00+01:00); the hearing is of an application made after service (CSA 2010 s.27(1), (3)); expected the listing the court gave"
                ))
        }
        #expect(try national.engine.transition(served, request("2026-05-01T11:30:00+01:00")).to == "hearing")
    }
}
