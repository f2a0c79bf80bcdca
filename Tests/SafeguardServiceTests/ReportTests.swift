import Foundation
import Testing
import WorkflowCore

@testable import SafeguardService

/// Figures counted from generated cases whose answers are known by construction.
@Suite("Report figures on generated cases")
struct ReportTests {
    static let forces = ["cheshire", "durham", "humberside"]

    /// 30 cases: case i is opened in June (i < 15) or July, by force i % 3, and takes the path
    /// i % 10 chooses: 0 never served; 1 closed after service; 2 refused; 3 to 9 granted 14, 21 or
    /// 28 days (by i % 3); 3 breached and fined; 4 breached and committed; 5 visited; 9 heard late.
    static func generated() throws -> (Casework, String) {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("report-\(UUID().uuidString).sqlite").path
        let casework = try Casework(Configuration(storeURL: path))
        for i in 0..<30 {
            let id = "R\(i)"
            let force = forces[i % 3]
            let day = i < 15 ? "2026-06-0\(1 + i % 5)" : "2026-07-0\(1 + i % 5)"
            func at(_ plusHours: Int) -> Date { Instant.parse("\(day)T09:00:00+01:00")!.addingTimeInterval(TimeInterval(plusHours * 3600)) }
            func fire(_ event: String, _ hours: Int, role: String = "constable", _ data: [String: Value] = [:]) throws {
                let request = TransitionRequest(
                    caseID: id, event: event, at: at(hours), actor: Actor(id: "X", role: role), data: data, workflow: "dvpo", force: force)
                _ = event == "report_incident" ? try casework.open(request) : try casework.fire(request)
            }
            try fire("report_incident", -12, ["perpetrator_dob": "1980-01-01", "relationship": "spouse", "violence": "used"])
            try fire(
                "authorise_notice", -6, role: "superintendent",
                ["grounds": "g", "victim_opinion": "v", "children_welfare": "c", "perpetrator_representations": "n", "premises_conditions": false])
            let path = i % 10
            if path == 0 { continue }
            try fire("serve_notice", 0, ["address_refused": true])
            if path == 1 {
                try fire("close", 1, role: "inspector", ["reason": "withdrawn"])
                continue
            }
            try fire("apply_for_order", 1, ["court": "C", "listed_for": .string(Instant.format(at(24)))])
            if path == 2 {
                try fire("refuse_order", 24, ["reason": "not necessary"])
                continue
            }
            // Heard 24 hours after service, or 96 hours (past the 48-hour deadline) on path 9.
            try fire("grant_order", path == 9 ? 96 : 24, ["days": .integer([14, 21, 28][i % 3])])
            if path == 3 || path == 4 {
                try fire("report_breach", 120)
                try fire("breach_outcome", 130, ["result": path == 3 ? "fined" : "committed"])
            }
            if path == 5 {
                try fire("record_visit", 140, force == "humberside" ? ["outcome": "safe", "visit_kind": "patrol"] : ["outcome": "safe"])
            }
        }
        return (casework, path)
    }

    func report(_ casework: Casework, force: String? = nil, from: String? = nil, to: String? = nil, by grouping: FigureCounter.Grouping = .all) throws
        -> [String: [String: Value]]
    {
        let report = try casework.figures(force: force, from: from.flatMap(LocalDate.init(iso:)), to: to.flatMap(LocalDate.init(iso:)), grouping: grouping)
        var result: [String: [String: Value]] = [:]
        for (name, figures) in report.groups {
            result[name] = Dictionary(uniqueKeysWithValues: report.values(figures).map { ($0.name, $0.value) })
        }
        return result
    }

    @Test func everyFigureMatchesAHandCount() throws {
        let (casework, _) = try Self.generated()
        let all = try #require(try report(casework)["all"])
        let paths = (0..<30).map { $0 % 10 }
        let granted = (0..<30).filter { (3...9).contains($0 % 10) }
        #expect(all["notices_authorised"] == 30)
        #expect(all["notices_served"] == .integer(paths.filter { $0 != 0 }.count))
        #expect(all["notices_never_served"] == 3)
        #expect(all["applications"] == 24)
        #expect(all["orders_granted"] == .integer(granted.count))
        #expect(all["orders_refused"] == 3)
        #expect(all["grant_rate"] == .number(87.5))  // 21 of 24
        var days: [String: Value] = [:]
        for i in granted { days[String([14, 21, 28][i % 3]), default: 0] = .integer((days[String([14, 21, 28][i % 3])]?.integerValue ?? 0) + 1) }
        #expect(all["order_days"] == .object(days))
        #expect(all["hearings_within_deadline"] == 21)  // 18 granted in time and 3 refused
        #expect(all["hearings_missed"] == 6)  // 3 heard late, and 3 served notices closed without a hearing
        #expect(all["median_hours_service_to_hearing"] == .number(24))
        #expect(all["order_breaches"] == 6)
        #expect(all["orders_breached"] == 6)
        #expect(all["order_breach_rate"] == .number(28.6))  // 6 of 21
        #expect(all["breach_outcomes"] == ["committed": 3, "fined": 3])
        #expect(all["visits_made"] == 3)
        // Humberside's granted cases each schedule a first visit, and its visited case a next one.
        let humbersideGranted = granted.filter { $0 % 3 == 2 }.count
        let humbersideVisited = (0..<30).filter { $0 % 10 == 5 && $0 % 3 == 2 }.count
        #expect(all["visits_scheduled"] == .integer(humbersideGranted + humbersideVisited))
        #expect(all["cases_closed"] == 3)
        #expect(all["close_reasons"] == nil)  // free text is never tallied
        #expect(all["notice_breaches"] == 0)
        #expect(all["orders_expired"] == 0)
    }

    @Test func groupsByMonthAndForceAndFiltersByPeriod() throws {
        let (casework, _) = try Self.generated()
        let months = try report(casework, by: .month)
        #expect(months.keys.sorted() == ["2026-06", "2026-07"])
        #expect(months["2026-06"]?["notices_authorised"] == 15)
        #expect(months["2026-07"]?["notices_authorised"] == 15)
        let forces = try report(casework, by: .force)
        #expect(forces.keys.sorted() == Self.forces)
        #expect(forces["durham"]?["notices_authorised"] == 10)
        let june = try report(casework, from: "2026-06-01", to: "2026-06-30")
        #expect(june["all"]?["notices_authorised"] == 15)
        let one = try report(casework, force: "humberside")
        #expect(one["all"]?["notices_authorised"] == 10)
    }
}
