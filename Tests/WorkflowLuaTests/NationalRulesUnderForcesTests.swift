import Foundation
import Testing
import WorkflowCore
import WorkflowLua

/// The statute's rules hold whichever force's plugins are layered on.
@Suite("Force plugins: the national rules still hold")
struct NationalRulesUnderForcesTests {
    static let forces = ["essex", "humberside", "greater_manchester", "wiltshire", "west_mercia"]

    /// Each force's way from service to a hearing: (event, role, data).
    static let toHearing: [String: [(String, String, [String: Value])]] = [
        "essex": [
            ("legal_review", "legal_officer", ["evidence_complete": true]),
            ("apply_for_order", "legal_officer", ["court": "C", "listed_for": "2026-06-03T10:00:00+01:00", "days_sought": 28]),
        ],
        "greater_manchester": [("apply_for_order", "dedicated_team", ["court": "C", "listed_for": "2026-06-03T10:00:00+01:00"])],
        "wiltshire": [("apply_for_order", "constable", ["court": "C", "listed_for": "2026-06-03T10:00:00+01:00", "days_sought": 14])],
        "humberside": [("apply_for_order", "constable", ["court": "C", "listed_for": "2026-06-03T10:00:00+01:00"])],
        "west_mercia": [("apply_for_order", "constable", ["court": "C", "listed_for": "2026-06-03T10:00:00+01:00"])],
    ]

    static func serviceData(_ force: String) -> [String: Value] {
        force == "wiltshire"
            ? ["address_refused": true, "custody_suite": "Gablecross", "released_at": "2026-06-02T08:00:00+01:00"]
            : ["address_refused": true]
    }

    @Test(arguments: forces)
    func authorisationStillNeedsASuperintendentAnAdultAndViolence(force: String) throws {
        let procedure = try ForceProcedure(force)
        var incident = NationalProcedure.validData["report_incident"]!
        let opened = try procedure.fire(nil, "report_incident", "2026-06-01T22:00:00+01:00", incident)
        let authorise = NationalProcedure.validData["authorise_notice"]!
        #expect(throws: WorkflowError.refused("authorise_notice refused by rule who (\(NationalProcedure.event("authorise_notice"))): needs superintendent or above (Crime and Security Act 2010 s.24(1)); X1 holds chief_inspector")) {
            try procedure.fire(opened, "authorise_notice", "2026-06-02T01:00:00+01:00", role: "chief_inspector", authorise)
        }
        incident["perpetrator_dob"] = "2010-01-01"
        let young = try procedure.fire(nil, "report_incident", "2026-06-01T22:00:00+01:00", incident)
        #expect(throws: WorkflowError.self) { try procedure.fire(young, "authorise_notice", "2026-06-02T01:00:00+01:00", role: "superintendent", authorise) }
        incident["perpetrator_dob"] = "1980-01-01"
        incident["violence"] = "none"
        let none = try procedure.fire(nil, "report_incident", "2026-06-01T22:00:00+01:00", incident)
        #expect(throws: WorkflowError.self) { try procedure.fire(none, "authorise_notice", "2026-06-02T01:00:00+01:00", role: "superintendent", authorise) }
    }

    @Test(arguments: forces)
    func theHearingClockAndTheOrderLimitsStillHold(force: String) throws {
        let procedure = try ForceProcedure(force)
        var snapshot = try procedure.served(serviceData: Self.serviceData(force))
        #expect(snapshot.deadline("hearing").map { Instant.format($0.due) } == "2026-06-04T09:00:00+01:00")
        for (index, step) in Self.toHearing[force]!.enumerated() {
            snapshot = try procedure.fire(snapshot, step.0, "2026-06-02T1\(index):00:00+01:00", role: step.1, step.2)
        }
        #expect(snapshot.state == "hearing")
        let recorder = force == "greater_manchester" ? "dedicated_team" : "constable"
        for days in [13, 29] {
            #expect(throws: WorkflowError.self) {
                try procedure.fire(snapshot, "grant_order", "2026-06-03T11:00:00+01:00", role: recorder, ["days": .integer(days)])
            }
        }
        let granted = try procedure.fire(snapshot, "grant_order", "2026-06-03T11:00:00+01:00", role: recorder, ["days": 14])
        #expect(granted.deadline("hearing")?.status == .met)
        #expect(granted.deadline("order_end").map { Instant.format($0.due) } == "2026-06-16T23:59:59.999+01:00")
    }
}
