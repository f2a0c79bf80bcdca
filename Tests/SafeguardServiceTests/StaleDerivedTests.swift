import Foundation
import Testing
import WorkflowCore

@testable import SafeguardService

/// A correction names what an action derived from the corrected field and would now derive
/// differently (names only), and stays quiet when nothing derived would differ.
@Suite("Corrections: values derived from the corrected field")
struct StaleDerivedTests {
    func casework() throws -> Casework {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("stale-\(UUID().uuidString).sqlite").path
        return try Casework(Configuration(storeURL: path))
    }

    func warnings(_ outcome: RecordOutcome) -> [String] {
        guard case .recorded(let event, _) = outcome else { return [] }
        return (event.data[TransitionEngine.warningsKey]?.arrayValue ?? []).compactMap(\.stringValue)
    }

    @Test func correctingTheBoroughNamesThePilotFlagsItsActionDerived() throws {
        let casework = try casework()
        _ = try casework.open(
            TransitionRequest(
                caseID: "M1", event: "report_incident", at: Instant.parse("2026-02-10T21:00:00Z")!, actor: Actor(id: "PC1", role: "constable"),
                data: [
                    "route": "police_notice", "perpetrator_dob": "1985-03-02", "victim_dob": "1990-07-09",
                    "relationship": "intimate_relationship", "abuse": "controlling_or_coercive", "area": "croydon",
                    "perpetrator_borough": "Lambeth",
                ], force: "metropolitan"))
        let outcome = try casework.fire(
            TransitionRequest(
                caseID: "M1", event: "correct_record", at: Instant.parse("2026-02-10T21:30:00Z")!, actor: Actor(id: "SGT1", role: "sergeant"),
                data: ["corrected_field": "perpetrator_borough", "corrected_value": "sutton", "correction_reason": "address checked"]))
        #expect(
            warnings(outcome) == [
                "pilot_borough, pilot_check derived by report_incident (event 1) from perpetrator_borough may now be wrong and are not recomputed; check them, or void event 1 and record it again"
            ])
        guard case .recorded(_, let snapshot) = outcome else { return }
        #expect(snapshot.data["perpetrator_borough"] == "sutton")
        #expect(snapshot.data["pilot_borough"] == false)
        #expect(try casework.verify(caseID: "M1").problems == [])
    }

    @Test func correctingTheOrderPeriodNamesNothingDerivedSinceNothingElseWouldDiffer() throws {
        let casework = try casework()
        let steps = CaseDataRuleTests.steps.prefix(4) + [("grant_order", "constable", ["days": 28] as [String: Value])]
        for (index, (event, role, data)) in steps.enumerated() {
            let request = TransitionRequest(
                caseID: "C1", event: event, at: CaseDataRuleTests.base.addingTimeInterval(TimeInterval(index) * 3 * 3600),
                actor: Actor(id: "X1", role: role), data: data, workflow: "dvpo", force: "essex")
            _ = index == 0 ? try casework.open(request) : try casework.fire(request)
        }
        let outcome = try casework.fire(
            TransitionRequest(
                caseID: "C1", event: "correct_record", at: Instant.parse("2026-05-03T09:00:00+01:00")!, actor: Actor(id: "SGT1", role: "sergeant"),
                data: ["corrected_field": "order_days", "corrected_value": 14, "correction_reason": "the order says 14 days"]))
        #expect(warnings(outcome).allSatisfy { !$0.contains("derived by") })
        #expect(warnings(outcome).contains { $0.hasPrefix("deadline order_end moves") })
    }
}
