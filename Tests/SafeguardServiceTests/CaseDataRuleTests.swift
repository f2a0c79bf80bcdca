import Foundation
import Testing
import WorkflowCore

@testable import SafeguardService

/// Each event's data stays on the event; the case keeps only declared case data. A case recorded by
/// engine 0.1, which merged every event's data into the case, still replays and verifies under that rule.
@Suite("Case data kept apart from event data, and the engine 0.1 rule replayed")
struct CaseDataRuleTests {
    static let base = Instant.parse("2026-05-01T09:00:00+01:00")!

    static let steps: [(String, String, [String: Value])] = [
        ("report_incident", "constable", ["perpetrator_dob": "1980-01-01", "relationship": "spouse", "violence": "used"]),
        (
            "authorise_notice", "superintendent",
            [
                "grounds": "g", "victim_opinion": "v", "children_welfare": "c", "perpetrator_representations": "none made",
                "premises_conditions": false,
            ]
        ),
        ("serve_notice", "constable", ["hearing_address": "1 High Street"]),
        ("apply_for_order", "constable", ["court": "Colchester", "listed_for": "2026-05-02T10:00:00+01:00"]),
        ("adjourn_hearing", "constable", ["listed_for": "2026-05-02T16:00:00+01:00", "reason": "bench not available"]),
        ("close", "constable", ["reason": "victim withdrew support"]),
    ]

    static func request(_ id: String, _ index: Int, engineVersion: String? = nil) -> TransitionRequest {
        let (event, role, data) = steps[index]
        var request = TransitionRequest(
            caseID: id, event: event, at: base.addingTimeInterval(TimeInterval(index) * 3 * 3600),
            actor: Actor(id: "X1", role: role), data: data, workflow: "dvpo", force: "essex")
        request.engineVersion = engineVersion
        return request
    }

    func casework() throws -> Casework {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("case-data-\(UUID().uuidString).sqlite").path
        return try Casework(Configuration(storeURL: path))
    }

    @Test func closingReasonDoesNotOverwriteTheAdjournmentsAndUndeclaredDataStaysOnItsEvent() throws {
        let casework = try casework()
        for index in Self.steps.indices {
            _ = index == 0 ? try casework.open(Self.request("C1", index)) : try casework.fire(Self.request("C1", index))
        }
        let snapshot = try #require(try casework.store.snapshot("C1"))
        #expect(snapshot.state == "closed")
        #expect(snapshot.dataRule == .declaredOnly)
        // Declared case data is kept; reason and court stay on their events.
        #expect(snapshot.data["reason"] == nil)
        #expect(snapshot.data["court"] == nil)
        #expect(snapshot.data["grounds"] == nil)
        #expect(snapshot.data["listed_for"] == "2026-05-02T15:00:00.000Z")
        #expect(snapshot.data["perpetrator_dob"] == "1980-01-01")
        #expect(snapshot.data["adjournments"] == 1)
        let history = try casework.store.history("C1")
        #expect(history.first { $0.event == "adjourn_hearing" }?.data["reason"] == "bench not available")
        #expect(history.first { $0.event == "close" }?.data["reason"] == "victim withdrew support")
        #expect(history.allSatisfy { $0.engineVersion == EngineVersion.current })
        #expect(try casework.verify(caseID: "C1").problems == [])
    }

    @Test func aFieldKeptOnItsEventIsNotCorrectedAsCaseData() throws {
        let casework = try casework()
        for index in 0..<5 {
            _ = index == 0 ? try casework.open(Self.request("C1", index)) : try casework.fire(Self.request("C1", index))
        }
        let correction = TransitionRequest(
            caseID: "C1", event: "correct_record", at: Instant.parse("2026-05-02T09:00:00+01:00")!, actor: Actor(id: "SGT1", role: "sergeant"),
            data: ["corrected_field": "court", "corrected_value": "Chelmsford", "correction_reason": "typed wrongly"])
        let error = #expect(throws: WorkflowError.self) { try casework.fire(correction) }
        #expect(error?.kind == .refused)
        #expect(
            error?.message
                == "correct_record refused: court stays on its event (apply_for_order), not on the case, so there is no case value to correct; expected a case field (hearing_address, listed_for, perpetrator_dob, relationship, violence), or void that event and record it again"
        )
        #expect(try casework.store.history("C1").count == 5)
    }

    @Test func aCaseRecordedByEngine01KeepsItsMergedDataAndStillVerifies() throws {
        let casework = try casework()
        // A case opened the usual way stores the procedure; OLD is recorded as engine 0.1 recorded it.
        _ = try casework.open(Self.request("C1", 0))
        let engine = try casework.engine(for: "dvpo", force: "essex")
        for index in Self.steps.indices.dropLast() {
            _ = try casework.store.record(caseID: "OLD", eventID: nil) { current throws(WorkflowError) in
                try engine.transition(current, Self.request("OLD", index, engineVersion: "0.1.0"))
            }
        }
        // The case goes on under this engine, by the rule it was opened with.
        _ = try casework.fire(Self.request("OLD", Self.steps.count - 1))
        let snapshot = try #require(try casework.store.snapshot("OLD"))
        #expect(snapshot.dataRule == nil)
        #expect(snapshot.data["reason"] == "victim withdrew support")
        #expect(snapshot.data["court"] == "Colchester")
        #expect(try casework.store.history("OLD").map(\.engineVersion) == Array(repeating: "0.1.0", count: 5) + [EngineVersion.current])
        #expect(!(try casework.store.storedSnapshotText("OLD") ?? "").contains("dataRule"))
        // Replayed under the rule it was recorded with: nothing differs.
        #expect(try casework.verify(caseID: "OLD").problems == [])
        #expect(try casework.replay("OLD") == [])
    }
}

/// A scenario that expects an event's own data on the case is told why the case does not hold it.
@Suite("Scenarios: expecting event data on the case")
struct ScenarioCaseDataTests {
    @Test func anExpectationOfDataKeptOnItsEventSaysTheCaseKeepsOnlyDeclaredFields() {
        var snapshot = CaseSnapshot(
            id: "C1", workflow: "dvpo", force: "essex", state: "hearing", data: ["listed_for": "2026-05-02T09:00:00.000Z"], version: 4,
            procedure: "p", openedAt: CaseDataRuleTests.base, updatedAt: CaseDataRuleTests.base)
        snapshot.dataRule = .declaredOnly
        #expect(
            ScenarioRunner.check(["data": ["court": "Colchester"]], against: snapshot)
                == "expected data court = \"Colchester\", got nothing (the case keeps only fields an event declares case = true; an event's other data stays on the event)"
        )
        // A case opened by engine 0.1 merged everything: nothing to explain.
        snapshot.dataRule = nil
        #expect(ScenarioRunner.check(["data": ["court": "Colchester"]], against: snapshot) == "expected data court = \"Colchester\", got nothing")
    }
}
