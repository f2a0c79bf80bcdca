import Foundation
import Testing
import WorkflowCore

@testable import SafeguardService

/// Issue 13 (recovery paths): a correction on an ended case says where the settled deadline would
/// fall; a date of birth after the event's day is bad input, given or corrected.
@Suite("Corrections on ended cases, and dates of birth")
struct CorrectionEdgeTests {
    static func casework(now: String = "2026-07-01T09:00:00+01:00") throws -> Casework {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("correction-edge-\(UUID().uuidString).sqlite").path
        return try Casework(Configuration(storeURL: path, clock: { Instant.parse(now)! }))
    }

    static func correction(_ field: String, _ value: Value, at: String) -> TransitionRequest {
        TransitionRequest(
            caseID: "C1", event: "correct_record", at: Instant.parse(at)!, actor: Actor(id: "S", role: "sergeant"),
            data: ["corrected_field": .string(field), "corrected_value": value, "correction_reason": "r"])
    }

    @Test func aCorrectionOnAnExpiredCaseSaysWhereTheEndWouldMove() throws {
        let casework = try Self.casework()
        try ReportVoidAndCorrectionTests.granted(casework, "C1", days: 14)
        _ = try casework.tick(at: Instant.parse("2026-06-20T09:00:00+01:00")!, force: nil)
        #expect(try casework.snapshot("C1").state == "expired")
        let outcome = try casework.fire(Self.correction("order_days", 28, at: "2026-06-20T10:00:00+01:00"))
        guard case .recorded(let event, _) = outcome else { Issue.record("not recorded"); return }
        let warnings = (event.data["warnings"]?.arrayValue ?? []).compactMap(\.stringValue)
        #expect(
            warnings.contains(
                "deadline order_end moves from 2026-06-15T23:59:59.999+01:00 to 2026-06-29T23:59:59.999+01:00 with the corrected order_days; it was recorded met by expire_order at 2026-06-15T23:59:59.999+01:00, which stands: void that event if it answered the old time"
            ), "\(warnings)")
    }

    @Test func aDateOfBirthAfterTheEventsDayIsBadInputGivenOrCorrected() throws {
        let casework = try Self.casework()
        #expect(
            throws: WorkflowError.badInput("perpetrator_dob is after the day of this report_incident (2026-06-01); expected a date of birth on or before it")
        ) {
            try casework.open(
                TransitionRequest(
                    caseID: "B1", event: "report_incident", at: Instant.parse("2026-06-01T09:00:00+01:00")!, actor: Actor(id: "X", role: "constable"),
                    data: ["perpetrator_dob": "2030-01-01", "relationship": "spouse", "violence": "used"], workflow: "dvpo", force: "national"))
        }
        #expect(try casework.store.snapshot("B1") == nil)
        try ReportVoidAndCorrectionTests.granted(casework, "C1", days: 28)
        let count = try casework.store.history("C1").count
        #expect(
            throws: WorkflowError.badInput("perpetrator_dob is after the day of this correct_record (2026-06-03); expected a date of birth on or before it")
        ) {
            try casework.fire(Self.correction("perpetrator_dob", "2026-06-04", at: "2026-06-03T10:00:00+01:00"))
        }
        #expect(try casework.store.history("C1").count == count)
        // After the day of the event that first recorded it (the incident) is a slip too.
        #expect(
            throws: WorkflowError.badInput(
                "perpetrator_dob is after the day of report_incident (event 1, 2026-06-01), which first recorded it; expected a date of birth on or before that day")
        ) {
            try casework.fire(Self.correction("perpetrator_dob", "2026-06-03", at: "2026-06-03T10:00:00+01:00"))
        }
        // Born on that day itself is a date, not a slip the engine can tell.
        _ = try casework.fire(Self.correction("perpetrator_dob", "2026-06-01", at: "2026-06-03T10:00:00+01:00"))
    }
}
