import Foundation
import Testing
import WorkflowCore

@testable import SafeguardService

/// A restraining order and a Clare's Law request take `correct_record`, so a mistake in the opening
/// event is put right; a corrected `linked_case` is checked as the opening one is.
@Suite("Corrections to a restraining order or a Clare's Law request")
struct OpeningCorrectionTests {
    func correction(_ id: String, _ field: String, _ value: Value) -> TransitionRequest {
        TransitionRequest(
            caseID: id, event: "correct_record", at: Instant.parse("2026-03-13T10:00:00Z")!, actor: Actor(id: "SGT1", role: "sergeant"),
            data: ["corrected_field": .string(field), "corrected_value": value, "correction_reason": "the court's order says otherwise"])
    }

    func casework() throws -> Casework {
        let casework = try Casework(Configuration(storeURL: ":memory:", scripts: ScriptsCopy.packageRoot.path))
        _ = try casework.open(RegimeTests.request("D1", force: "essex", at: "2026-03-09T15:00:00Z", data: RegimeTests.dvpoData))
        var order = RegimeTests.request(
            "R1", force: "essex", at: "2026-03-10T15:00:00Z",
            data: ["basis": "conviction", "court": "Chelmsford", "terms": "no contact", "ends_on": "2026-09-30", "linked_case": "D1"])
        order.workflow = "restraining_order"
        _ = try casework.open(order)
        var request = RegimeTests.request("V1", force: "essex", at: "2026-03-11T15:00:00Z", data: ["route": "right_to_ask", "applicant": "person_at_risk"])
        request.workflow = "dvds"
        _ = try casework.open(request)
        return casework
    }

    @Test func aRestrainingOrdersEndIsCorrectedAndItsExpiryMoves() throws {
        let casework = try casework()
        _ = try casework.fire(correction("R1", "ends_on", "2027-09-30"))
        let snapshot = try casework.snapshot("R1")
        #expect(snapshot.data["ends_on"] == "2027-09-30")
        #expect(snapshot.deadlines.filter { $0.status == .pending }.map { Instant.format($0.due) }.contains { $0.hasPrefix("2027-09-30T23:59:59.999") })
    }

    @Test func aCorrectedLinkIsCheckedAsTheOpeningOneIs() throws {
        let casework = try casework()
        let missing = #expect(throws: WorkflowError.self) { try casework.fire(correction("R1", "linked_case", "Jane Smith 5 Elm Rd")) }
        #expect(missing?.kind == .badInput)
        #expect(missing?.message == "the linked_case given names no case on record; expected the id of the notice or order case this one follows")
        let request = #expect(throws: WorkflowError.self) { try casework.fire(correction("R1", "linked_case", "V1")) }
        #expect(request?.message == "linked_case V1 is a dvds case; expected the id of a notice or order case (dapo, dvpo, restraining_order)")
        #expect(try casework.snapshot("R1").data["linked_case"] == "D1")
        _ = try casework.fire(correction("V1", "applicant", "third_party"))
        #expect(try casework.snapshot("V1").data["applicant"] == "third_party")
        // The opening event's own checks hold: a right-to-know request is the police's.
        let route = #expect(throws: WorkflowError.self) { try casework.fire(correction("V1", "route", "right_to_know")) }
        #expect(route?.message.contains("receive_request (event 1) would be refused: receive_request refused by rule applicant_fits_route") == true)
    }
}
