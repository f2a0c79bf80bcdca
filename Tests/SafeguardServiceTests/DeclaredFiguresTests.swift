import Foundation
import Testing
import WorkflowCore

@testable import SafeguardService

@Suite("Figures declared by the workflow")
struct DeclaredFiguresTests {
    @Test func aSecondWorkflowsFiguresNeedNoSwift() throws {
        // Given a second workflow declaring a figure of its own, and one of its cases finished
        let scripts = try ScriptsCopy()
        try scripts.write("Workflows/other.lua", ScriptsCopy.otherWorkflow())
        let casework = try Casework(Configuration(storeURL: ":memory:", scripts: scripts.root.path))
        let at = Instant.parse("2026-06-01T09:00:00+01:00")!
        let actor = Actor(id: "PC1", role: "constable")
        _ = try casework.open(TransitionRequest(caseID: "O1", event: "", at: at, actor: actor, data: [:], workflow: "other", force: "essex"))
        _ = try casework.fire(TransitionRequest(caseID: "O1", event: "finish", at: at.addingTimeInterval(60), actor: actor, data: [:]))

        // When the figures are reported
        let report = try casework.figures(force: nil, from: nil, to: nil, grouping: .all)

        // Then its figure is counted, after the national workflow's, which count nothing
        let values = Dictionary(uniqueKeysWithValues: report.values(report.groups[0].figures).map { ($0.name, $0.value) })
        #expect(values["finished"] == 1)
        #expect(values["notices_authorised"] == 0)
        let names = report.figures.map(\.name)
        #expect(try #require(names.firstIndex(of: "notices_authorised")) < #require(names.firstIndex(of: "finished")))
    }

    @Test func theNationalWorkflowDeclaresEveryReportedFigure() throws {
        let casework = try Casework(Configuration(storeURL: ":memory:", scripts: ScriptsCopy.packageRoot.path))
        let names = try casework.current(DefaultWorkflow.name, force: "national").engine().workflow.figures.map(\.name)
        #expect(
            names == [
                "notices_authorised", "notices_served", "notices_never_served", "applications", "orders_granted", "orders_refused",
                "grant_rate", "order_days", "mean_order_days", "hearings_within_deadline", "hearings_missed",
                "median_hours_service_to_hearing", "notice_breaches", "order_breaches", "orders_breached", "order_breach_rate",
                "breach_outcomes", "visits_made", "visits_scheduled", "visits_missed", "orders_expired", "cases_closed",
            ])
    }
}
