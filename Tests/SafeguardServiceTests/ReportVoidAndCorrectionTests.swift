import Foundation
import Testing
import WorkflowCore

@testable import SafeguardService

/// `report` counts what the record holds once voids and corrections are applied, as replay does.
@Suite("Report figures after void and correct_record")
struct ReportVoidAndCorrectionTests {
    static func granted(_ casework: Casework, _ id: String, days: Int) throws {
        func fire(_ event: String, _ at: String, role: String = "constable", _ data: [String: Value] = [:]) throws {
            let request = TransitionRequest(
                caseID: id, event: event, at: Instant.parse(at)!, actor: Actor(id: "X", role: role), data: data, workflow: "dvpo", force: "national")
            _ = event == "report_incident" ? try casework.open(request) : try casework.fire(request)
        }
        try fire("report_incident", "2026-06-01T09:00:00+01:00", ["perpetrator_dob": "1980-01-01", "relationship": "spouse", "violence": "used"])
        try fire(
            "authorise_notice", "2026-06-01T10:00:00+01:00", role: "superintendent",
            ["grounds": "g", "victim_opinion": "v", "children_welfare": "c", "perpetrator_representations": "n", "premises_conditions": false])
        try fire("serve_notice", "2026-06-01T11:00:00+01:00", ["address_refused": true])
        try fire("apply_for_order", "2026-06-01T12:00:00+01:00", ["court": "C", "listed_for": "2026-06-02T10:00:00+01:00"])
        try fire("grant_order", "2026-06-02T11:00:00+01:00", ["days": .integer(days)])
    }

    func figures(_ casework: Casework) throws -> [String: Value] {
        let report = try casework.figures(force: nil, from: nil, to: nil, grouping: .all, workflow: "dvpo")
        return Dictionary(uniqueKeysWithValues: report.values(try #require(report.groups.first?.1)).map { ($0.name, $0.value) })
    }

    func casework() throws -> Casework {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("report-void-\(UUID().uuidString).sqlite").path
        return try Casework(Configuration(storeURL: path, clock: { Instant.parse("2026-06-03T09:00:00+01:00")! }))
    }

    @Test func aVoidedGrantIsNotCounted() throws {
        let casework = try casework()
        try Self.granted(casework, "N1", days: 28)
        try Self.granted(casework, "N2", days: 21)
        #expect(try figures(casework)["orders_granted"] == 2)
        _ = try casework.void(caseID: "N1", sequence: 5, reason: "granted on the wrong case", actor: Actor(id: "S", role: "sergeant"))
        let after = try figures(casework)
        #expect(after["orders_granted"] == 1)
        #expect(after["order_days"] == .object(["21": 1]))
        #expect(after["mean_order_days"] == .number(21))
        #expect(after["grant_rate"] == .number(100))
    }

    @Test func aCorrectedPeriodCountsAtItsCorrectedValue() throws {
        let casework = try casework()
        try Self.granted(casework, "C1", days: 28)
        _ = try casework.fire(
            TransitionRequest(
                caseID: "C1", event: "correct_record", at: Instant.parse("2026-06-02T12:00:00+01:00")!, actor: Actor(id: "S", role: "sergeant"),
                data: ["corrected_field": "order_days", "corrected_value": 14, "correction_reason": "typed 28 for 14"]))
        let after = try figures(casework)
        #expect(after["order_days"] == .object(["14": 1]))
        #expect(after["mean_order_days"] == .number(14))
        #expect(after["orders_granted"] == 1)
    }
}
