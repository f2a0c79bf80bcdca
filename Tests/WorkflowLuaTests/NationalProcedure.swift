import Foundation
import WorkflowCore
import WorkflowLua

/// Drives cases through the shipped `Workflows/dvpo.lua` with valid data for every event.
struct NationalProcedure {
    let engine: TransitionEngine

    init() throws {
        let procedure = try Procedure.load(from: Scripts.shipped)
        engine = try procedure.engine(for: "dvpo", procedure: "test")
    }

    /// Valid data for each event of the national vocabulary.
    static let validData: [String: [String: Value]] = [
        "report_incident": ["perpetrator_dob": "1988-02-14", "relationship": "cohabitant", "violence": "used"],
        "authorise_notice": [
            "grounds": "assault; threats", "victim_opinion": "supports", "children_welfare": "none in household",
            "perpetrator_representations": "none made", "premises_conditions": false,
        ],
        "serve_notice": ["hearing_address": "1 High Street"],
        "apply_for_order": ["court": "Colchester", "listed_for": "2026-05-05T10:00:00+01:00"],
        "adjourn_hearing": ["listed_for": "2026-05-06T10:00:00+01:00", "reason": "bench not available"],
        "hearing_began": ["court": "Colchester"],
        "grant_order": ["days": 28],
        "refuse_order": ["reason": "not satisfied on necessity"],
        "record_visit": ["outcome": "victim safe"],
        "breach_outcome": ["result": "fined"],
        "close": ["reason": "no further action"],
        "record_production": ["court": "Colchester"],
    ]

    /// The events that reach each state from a new case.
    static let paths: [String: [String]] = [
        "incident": ["report_incident"],
        "notice_authorised": ["report_incident", "authorise_notice"],
        "notice_served": ["report_incident", "authorise_notice", "serve_notice"],
        "hearing": ["report_incident", "authorise_notice", "serve_notice", "apply_for_order"],
        "order_in_force": ["report_incident", "authorise_notice", "serve_notice", "apply_for_order", "grant_order"],
        "breach": ["report_incident", "authorise_notice", "serve_notice", "apply_for_order", "grant_order", "report_breach"],
        "expired": ["report_incident", "authorise_notice", "serve_notice", "apply_for_order", "grant_order", "expire_order"],
        "refused": ["report_incident", "authorise_notice", "serve_notice", "apply_for_order", "refuse_order"],
        "closed": ["report_incident", "close"],
    ]

    /// Each event an hour after the last, from 1 May 2026; expiry 40 days on, after any order's end.
    static func time(step: Int, event: String) -> String {
        let start = Instant.parse("2026-05-01T09:00:00+01:00")!
        let offset = TimeInterval(step * 3600) + (event == "expire_order" ? 40 * 86_400 : 0)
        return Instant.format(start.addingTimeInterval(offset))
    }

    static func request(_ event: String, step: Int, role: String? = nil, data: [String: Value]? = nil) -> TransitionRequest {
        let defaultRole = event == "authorise_notice" ? "superintendent" : "constable"
        return TransitionRequest(
            caseID: "N1", event: event, at: Instant.parse(time(step: step, event: event))!,
            actor: Actor(id: "PC1", role: role ?? defaultRole), data: data ?? validData[event] ?? [:], force: "national")
    }

    /// `Workflows/dvpo.lua:N`, where N is the line declaring the rule `name` (so tests pin exact
    /// messages without pinning line numbers that move when the script is edited).
    static func rule(_ name: String) -> String {
        let text = try! String(contentsOf: Scripts.shipped.root.appendingPathComponent("Workflows/dvpo.lua"), encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let index = lines.firstIndex { $0.hasPrefix("dvpo:guard(") && $0.contains("\"\(name)\"") }!
        return "Workflows/dvpo.lua:\(index + 1)"
    }

    /// `Workflows/dvpo.lua:N`, where N is the line declaring event `name`.
    static func event(_ name: String) -> String {
        let text = try! String(contentsOf: Scripts.shipped.root.appendingPathComponent("Workflows/dvpo.lua"), encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let index = lines.firstIndex { $0.hasPrefix("dvpo:event(\"\(name)\"") }!
        return "Workflows/dvpo.lua:\(index + 1)"
    }

    /// A case in `state`, reached along its path.
    func caseIn(_ state: String) throws -> CaseSnapshot {
        var snapshot: CaseSnapshot?
        for (step, event) in Self.paths[state]!.enumerated() {
            snapshot = try engine.transition(snapshot, Self.request(event, step: step)).snapshot
        }
        return snapshot!
    }

    func fire(_ snapshot: CaseSnapshot, _ event: String, at: String, role: String? = nil, data: [String: Value]? = nil) throws(WorkflowError) -> CaseSnapshot {
        var request = Self.request(event, step: 0, role: role, data: data)
        request.at = Instant.parse(at)!
        return try engine.transition(snapshot, request).snapshot
    }
}
