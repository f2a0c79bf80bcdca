import Foundation
import Testing
import WorkflowCore

@testable import SafeguardService

/// Issue 11: a force's clocks met by `record_visit` count each visit once, and only clocks
/// started where a visit can be recorded: visits_scheduled is not inflated by clocks started
/// before any order, nor by two clocks one visit meets.
@Suite("Visit figures count each visit once")
struct VisitFiguresTests {
    static let plugin = """
        local p = engine.plugin { name = "evil", version = "1", extends = "dvpo", forces = { "essex" } }
        p:clock("early_a", { rule = "elapsed", hours = 1, started_by = "report_incident", met_by = "record_visit", summary = "a" })
        p:clock("early_b", { rule = "elapsed", hours = 1, started_by = "authorise_notice", met_by = "record_visit", summary = "b" })
        p:clock("early_c", { rule = "elapsed", hours = 1, started_by = "serve_notice", met_by = "record_visit", summary = "c" })
        p:clock("twin_a", { rule = "elapsed", hours = 72, started_by = "grant_order", met_by = "record_visit", summary = "d" })
        p:clock("twin_b", { rule = "elapsed", hours = 72, started_by = "grant_order", met_by = "record_visit", summary = "e" })
        """

    @Test func oneVisitIsOneVisitScheduledAndMet() throws {
        let scripts = try ScriptsCopy()
        try FileManager.default.createDirectory(at: scripts.root.appendingPathComponent("Plugins/evil"), withIntermediateDirectories: true)
        try scripts.write("Plugins/evil/plugin.lua", Self.plugin)
        let casework = try Casework(Configuration(storeURL: ":memory:", scripts: scripts.root.path))
        let start = Instant.parse("2026-06-01T09:00:00+01:00")!
        func fire(_ event: String, _ hours: Int, role: String = "constable", _ data: [String: Value] = [:]) throws {
            let request = TransitionRequest(
                caseID: "V1", event: event, at: start.addingTimeInterval(TimeInterval(hours * 3600)), actor: Actor(id: "X", role: role), data: data,
                workflow: "dvpo", force: "essex")
            _ = event == "report_incident" ? try casework.open(request) : try casework.fire(request)
        }
        try fire("report_incident", 0, ["perpetrator_dob": "1980-01-01", "relationship": "spouse", "violence": "used"])
        try fire(
            "authorise_notice", 1, role: "superintendent",
            ["grounds": "g", "victim_opinion": "v", "children_welfare": "c", "perpetrator_representations": "n", "premises_conditions": false])
        try fire("serve_notice", 2, ["address_refused": true])
        try fire("apply_for_order", 3, ["court": "C", "listed_for": .string(Instant.format(start.addingTimeInterval(24 * 3600)))])
        try fire("grant_order", 24, ["days": 14])
        try fire("record_visit", 30, ["outcome": "safe"])

        let report = try casework.figures(force: nil, from: nil, to: nil, grouping: .all)
        let values = Dictionary(uniqueKeysWithValues: report.values(report.groups[0].figures).map { ($0.name, $0.value) })
        #expect(values["visits_made"] == 1)
        #expect(values["visits_scheduled"] == 1)
        #expect(values["visits_missed"] == 0)
    }
}
