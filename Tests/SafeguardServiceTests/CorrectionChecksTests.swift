import Foundation
import Testing
import WorkflowCore

@testable import SafeguardService

/// A correction meets the checks of the event that took the field, names later events a check
/// would now refuse, warns of an end already passed, and tick never dates the expiry before an
/// event already on record.
@Suite("Corrections meet the field's own checks")
struct CorrectionChecksTests {
    /// DAPO D1 on the victim's application: made on 2 February 2026 to end on 30 June 2026.
    func orderInForce() throws -> Casework {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("correct-checks-\(UUID().uuidString).sqlite").path
        let casework = try Casework(Configuration(storeURL: path))
        let steps: [(String, String, [String: Value])] = [
            (
                "report_incident", "2026-01-20T10:00:00Z",
                [
                    "route": "victim", "perpetrator_dob": "1970-01-01", "victim_dob": "1975-01-01", "relationship": "formerly_married",
                    "abuse": "economic",
                ]
            ),
            ("apply_for_order", "2026-01-21T10:00:00Z", ["court": "c", "listed_for": "2026-02-02T10:00:00Z"]),
            ("grant_order", "2026-02-02T12:00:00Z", ["ends_on": "2026-06-30"]),
        ]
        for (index, (event, at, data)) in steps.enumerated() {
            let request = TransitionRequest(
                caseID: "D1", event: event, at: Instant.parse(at)!, actor: Actor(id: "PC1", role: "constable"), data: data, workflow: "dapo",
                force: "greater_manchester")
            _ = index == 0 ? try casework.open(request) : try casework.fire(request)
        }
        return casework
    }

    func correction(_ field: String, _ value: Value, at: String = "2026-03-03T12:00:00Z") -> TransitionRequest {
        TransitionRequest(
            caseID: "D1", event: "correct_record", at: Instant.parse(at)!, actor: Actor(id: "SGT1", role: "sergeant"),
            data: ["corrected_field": .string(field), "corrected_value": value, "correction_reason": "the sealed order says otherwise"])
    }

    func warnings(_ outcome: RecordOutcome) -> [String] {
        guard case .recorded(let event, _) = outcome else { return [] }
        return (event.data[TransitionEngine.warningsKey]?.arrayValue ?? []).compactMap(\.stringValue)
    }

    @Test func anEndBeforeTheOrderWasMadeIsRefusedAsGrantOrderRefusesIt() throws {
        let casework = try orderInForce()
        let error = #expect(throws: WorkflowError.self) { try casework.fire(correction("ends_on", "2026-01-01")) }
        #expect(error?.kind == .refused)
        #expect(
            error?.message.hasPrefix(
                "correct_record refused: with the corrected ends_on, grant_order (event 3) would be refused: grant_order refused by rule end_not_before_order")
                == true)
        #expect(try casework.snapshot("D1").data["ends_on"] == "2026-06-30")
        #expect(try casework.store.history("D1").count == 3)
    }

    @Test func anEndAlreadyPassedWarnsAndTheExpiryIsNotDatedBeforeTheCorrection() throws {
        let casework = try orderInForce()
        let outcome = try casework.fire(correction("ends_on", "2026-03-01"))
        #expect(
            warnings(outcome).contains(
                "with the corrected ends_on, order_end 2026-03-01T23:59:59.999Z has already passed; expected safeguard tick to record expire_order now"))
        let results = try casework.tick(at: Instant.parse("2026-03-04T00:00:00Z")!, force: nil)
        let expiry = results.compactMap { result -> RecordedEvent? in
            guard case .success(.recorded(let event, _)) = result.outcome, event.event == "expire_order" else { return nil }
            return event
        }.first
        #expect(expiry.map { Instant.format($0.at) } == "2026-03-03T12:00:00Z")
        let said = (expiry?.data[TransitionEngine.warningsKey]?.arrayValue ?? []).compactMap(\.stringValue)
        #expect(said.first?.hasPrefix("expire_order is dated 2026-03-03T12:00:00Z, after the end 2026-03-01T23:59:59.999Z") == true)
        #expect(try casework.snapshot("D1").state == "expired")
    }

    @Test func aLaterCheckTheCorrectedValueWouldFailIsNamed() throws {
        let casework = try orderInForce()
        let outcome = try casework.fire(correction("victim_dob", "2015-01-01"))
        #expect(
            warnings(outcome).contains(
                "with the corrected victim_dob, grant_order (event 3) would now be refused by check victim_16_or_over; it stands as recorded: check it, or void event 3"
            ))
        #expect(!warnings(outcome).joined().contains("2015"))
    }
}

@Suite("A correction to the value already held")
struct UnchangedCorrectionTests {
    @Test func aCorrectionToTheSameValueIsBadInputAndRecordsNothing() throws {
        let suite = CorrectionChecksTests()
        let casework = try suite.orderInForce()
        let count = try casework.store.history("D1").count
        #expect(
            throws: WorkflowError.badInput(
                "ends_on already holds the value given: the correction would change nothing, and nothing was recorded; expected the value the record should hold")
        ) {
            try casework.fire(suite.correction("ends_on", "2026-06-30"))
        }
        #expect(try casework.store.history("D1").count == count)
    }
}

@Suite("A correction's own checks speak first")
struct CorrectionOwnChecksFirstTests {
    @Test func aPeriodOutsideTheStatuteIsRefusedByTheLimitItself() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("correct-first-\(UUID().uuidString).sqlite").path
        let casework = try Casework(Configuration(storeURL: path))
        try ReportVoidAndCorrectionTests.granted(casework, "C1", days: 28)
        let error = #expect(throws: WorkflowError.self) {
            try casework.fire(
                TransitionRequest(
                    caseID: "C1", event: "correct_record", at: Instant.parse("2026-06-02T12:00:00+01:00")!, actor: Actor(id: "S", role: "sergeant"),
                    data: ["corrected_field": "order_days", "corrected_value": 10, "correction_reason": "typed"]))
        }
        #expect(error?.message.hasPrefix("correct_record refused by rule order_days (Workflows/dvpo.lua:") == true, "\(error?.message ?? "")")
    }
}
