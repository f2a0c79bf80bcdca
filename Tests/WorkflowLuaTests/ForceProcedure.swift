import Foundation
import WorkflowCore
import WorkflowLua

/// Drives cases through a force's layered procedure (the shipped scripts) for scenario tests.
struct ForceProcedure {
    let engine: TransitionEngine
    let force: String

    init(_ force: String, folder: ScriptFolder = Scripts.shipped) throws {
        self.force = force
        let procedure = try Procedure.load(from: folder, force: force)
        engine = try procedure.engine(for: "dvpo", procedure: "test-\(force)")
    }

    /// Fires `event` at `at` (London time), by `role`, with `data`.
    func fire(_ snapshot: CaseSnapshot?, _ event: String, _ at: String, role: String = "constable", _ data: [String: Value] = [:]) throws(WorkflowError)
        -> CaseSnapshot
    {
        let request = TransitionRequest(
            caseID: "F1", event: event, at: Instant.parse(at)!, actor: Actor(id: "X1", role: role), data: data,
            workflow: "dvpo", force: force)
        return try engine.transition(snapshot, request).snapshot
    }

    /// A case served at 09:00 on Tue 2 Jun 2026 (no holidays near), with the force's extra service data.
    func served(serviceData: [String: Value] = ["address_refused": true]) throws -> CaseSnapshot {
        var snapshot = try fire(nil, "report_incident", "2026-06-01T22:00:00+01:00", NationalProcedure.validData["report_incident"]!)
        snapshot = try fire(snapshot, "authorise_notice", "2026-06-02T01:00:00+01:00", role: "superintendent", NationalProcedure.validData["authorise_notice"]!)
        return try fire(snapshot, "serve_notice", "2026-06-02T09:00:00+01:00", serviceData)
    }
}
