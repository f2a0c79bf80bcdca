import Foundation
import Testing
import WorkflowCore

@testable import SafeguardService

@Suite("Regimes chosen by data")
struct RegimeTests {
    static func table() throws -> RegimeTable {
        try RegimeTable.load(from: ScriptsCopy.packageRoot)
    }

    static func day(_ text: String) -> LocalDate { LocalDate(iso: text)! }

    @Test(
        arguments: [
            ("greater_manchester", nil, "2026-02-10", "dapo"),
            ("greater_manchester", nil, "2023-06-01", "dvpo"),
            ("greater_manchester", nil, "2024-11-26", "dvpo"),
            ("greater_manchester", nil, "2024-11-27", "dapo"),
            ("greater_manchester", nil, "2026-04-01", "dvpo"),
            ("metropolitan", "Croydon", "2025-06-01", "dapo"),
            ("metropolitan", "lambeth", "2025-06-01", "dvpo"),
            ("metropolitan", nil, "2024-01-01", "dvpo"),
            ("cleveland", nil, "2025-03-04", "dvpo"),
            ("cleveland", nil, "2025-03-05", "dapo"),
            ("north_wales", nil, "2025-04-28", "dapo"),
            ("british_transport_police", nil, "2025-01-01", "dapo"),
            ("essex", nil, "2026-02-10", "dvpo"),
        ] as [(String, String?, String, String)])
    func theShippedTableChooses(force: String, area: String?, on day: String, expected: String) throws {
        #expect(try Self.table().choose(force: force, area: area, on: Self.day(day)) == expected)
    }

    @Test func aForceRunningDapoInSomeAreasNeedsTheArea() throws {
        let error = #expect(throws: WorkflowError.self) { try Self.table().choose(force: "metropolitan", area: nil, on: Self.day("2025-06-01")) }
        #expect(error?.kind == .badInput)
        #expect(
            error?.message
                == "metropolitan runs dapo on 2025-06-01 only in some areas (bromley, croydon, sutton) and dvpo elsewhere; expected --area naming the case's area, or --workflow"
        )
    }

    @Test func overlappingRowsAreRefusedAtLoad() throws {
        let json = """
            {"version": "t", "default": "dvpo", "rows": [
              {"force": "x", "regime": "dapo", "from": "2025-01-01", "until": "2025-12-31"},
              {"force": "x", "regime": "dvpo", "from": "2025-06-01"}]}
            """
        let error = #expect(throws: WorkflowError.self) { try RegimeTable.decode(Data(json.utf8)) }
        #expect(error?.message.contains("row 2 (x) overlaps another row for the same force and area") == true)
    }

    static func request(_ id: String, force: String, at: String, data: [String: Value]) -> TransitionRequest {
        TransitionRequest(caseID: id, event: "", at: Instant.parse(at)!, actor: Actor(id: "PC1", role: "constable"), data: data, force: force)
    }

    static let dapoData: [String: Value] = [
        "route": "police_notice", "perpetrator_dob": "1985-03-02", "victim_dob": "1990-07-09",
        "relationship": "intimate_relationship", "abuse": "controlling_or_coercive",
    ]
    static let dvpoData: [String: Value] = ["perpetrator_dob": "1980-01-01", "relationship": "spouse", "violence": "used"]

    @Test func openChoosesTheWorkflowByForceAreaAndDate() throws {
        let casework = try Casework(Configuration(storeURL: ":memory:", scripts: ScriptsCopy.packageRoot.path))
        // Given no --workflow: a Greater Manchester case in 2026 and one in 2023
        _ = try casework.open(Self.request("G26", force: "greater_manchester", at: "2026-02-10T21:00:00Z", data: Self.dapoData))
        _ = try casework.open(Self.request("G23", force: "greater_manchester", at: "2023-02-10T21:00:00Z", data: Self.dvpoData))
        // and a Croydon case, whose area is recorded
        var croydon = Self.dapoData
        croydon["perpetrator_borough"] = "croydon"
        _ = try casework.open(Self.request("M1", force: "metropolitan", at: "2026-02-10T21:00:00Z", data: croydon), area: "Croydon")
        // Then each runs its regime's workflow
        #expect(try casework.snapshot("G26").workflow == "dapo")
        #expect(try casework.snapshot("G23").workflow == "dvpo")
        #expect(try casework.snapshot("M1").workflow == "dapo")
        #expect(try casework.snapshot("M1").data["area"] == "croydon")
        // And a Met case in the pilot period with no area is refused, and nothing is stored
        let error = #expect(throws: WorkflowError.self) {
            try casework.open(Self.request("M2", force: "metropolitan", at: "2026-02-10T21:00:00Z", data: croydon))
        }
        #expect(error?.kind == .badInput)
        #expect(throws: WorkflowError.self) { try casework.snapshot("M2") }
    }

    @Test func aTableEditChangesNoCaseButIsReported() throws {
        // Given a Greater Manchester DAPO case opened under the shipped table
        let scripts = try ScriptsCopy()
        try FileManager.default.copyItem(
            at: ScriptsCopy.packageRoot.appendingPathComponent("Regimes"), to: scripts.root.appendingPathComponent("Regimes"))
        let configuration = Configuration(storeURL: ":memory:", scripts: scripts.root.path)
        let casework = try Casework(configuration)
        _ = try casework.open(Self.request("G26", force: "greater_manchester", at: "2026-02-10T21:00:00Z", data: Self.dapoData))
        #expect(try casework.regimeChanges().isEmpty)

        // When the table is edited so Greater Manchester's pilot starts later
        let path = scripts.root.appendingPathComponent(RegimeTable.path)
        let text = try String(contentsOf: path, encoding: .utf8)
        try text.replacingOccurrences(
            of: "\"force\": \"greater_manchester\", \"regime\": \"dapo\", \"from\": \"2024-11-27\"",
            with: "\"force\": \"greater_manchester\", \"regime\": \"dapo\", \"from\": \"2026-03-01\""
        ).write(to: path, atomically: true, encoding: .utf8)

        // Then the case still runs dapo, and the check names it with what the table now chooses
        #expect(try casework.snapshot("G26").workflow == "dapo")
        let changes = try casework.regimeChanges()
        #expect(changes.map(\.id) == ["G26"])
        #expect(changes.first?.tableChooses == "dvpo")
        #expect(changes.first?.openedOn == "2026-02-10")
    }

    @Test func addingWorkflowsDoesNotReversionDvpoCases() throws {
        // The dvpo procedure hash is the same with or without the other regimes' scripts beside it
        let scripts = try ScriptsCopy()
        let configuration = Configuration(storeURL: ":memory:", scripts: scripts.root.path)
        let with = try Casework(configuration).current("dvpo", force: "greater_manchester")
        for name in ["dapo", "dvds", "restraining_order"] {
            try FileManager.default.removeItem(at: scripts.root.appendingPathComponent("Workflows/\(name).lua"))
        }
        for plugin in ["greater_manchester_dapo", "metropolitan_dapo"] {
            try FileManager.default.removeItem(at: scripts.root.appendingPathComponent("Plugins/\(plugin)"))
        }
        let without = try Casework(configuration).current("dvpo", force: "greater_manchester")
        #expect(with.hash == without.hash)
        #expect(!with.sources.map(\.path).contains("Workflows/dapo.lua"))
        #expect(!with.sources.map(\.path).contains("Plugins/greater_manchester_dapo/plugin.lua"))
    }

    @Test func linkedCasesAreShownTogether() throws {
        let casework = try Casework(Configuration(storeURL: ":memory:", scripts: ScriptsCopy.packageRoot.path))
        _ = try casework.open(Self.request("D1", force: "essex", at: "2026-02-10T21:00:00Z", data: Self.dvpoData))
        var order = Self.request(
            "R1", force: "essex", at: "2026-03-10T15:00:00Z",
            data: [
                "basis": "conviction", "court": "Chelmsford", "terms": "no contact", "linked_case": "D1",
            ])
        order.workflow = "restraining_order"
        _ = try casework.open(order)
        var request = Self.request(
            "V1", force: "essex", at: "2026-03-11T15:00:00Z",
            data: [
                "route": "right_to_ask", "applicant": "person_at_risk", "linked_case": "D1",
            ])
        request.workflow = "dvds"
        _ = try casework.open(request)
        #expect(try casework.linked("D1").map(\.id) == ["D1", "R1", "V1"])
        #expect(try casework.linked("R1").map(\.id) == ["R1", "D1"])
    }
}

@Suite("Linked cases")
struct LinkedCaseTests {
    @Test func aLinkToNoCaseIsBadInputAndOpensNothing() throws {
        let casework = try Casework(Configuration(storeURL: ":memory:", scripts: ScriptsCopy.packageRoot.path))
        var order = RegimeTests.request(
            "R1", force: "essex", at: "2026-03-10T15:00:00Z",
            data: [
                "basis": "conviction", "court": "Chelmsford", "terms": "no contact", "linked_case": "D9",
            ])
        order.workflow = "restraining_order"
        let error = #expect(throws: WorkflowError.self) { try casework.open(order) }
        #expect(error?.kind == .badInput)
        #expect(error?.message == "linked_case D9 names no case on record; expected the id of the notice or order case this one follows")
        #expect(throws: WorkflowError.self) { try casework.snapshot("R1") }
    }
}

@Suite("Figures per workflow")
struct WorkflowFiguresTests {
    @Test func oneWorkflowsFiguresAlone() throws {
        let casework = try Casework(Configuration(storeURL: ":memory:", scripts: ScriptsCopy.packageRoot.path))
        _ = try casework.open(RegimeTests.request("G26", force: "greater_manchester", at: "2026-02-10T21:00:00Z", data: RegimeTests.dapoData))
        _ = try casework.open(RegimeTests.request("E1", force: "essex", at: "2026-02-10T21:00:00Z", data: RegimeTests.dvpoData))
        let report = try casework.figures(force: nil, from: nil, to: nil, grouping: .all, workflow: "dapo")
        #expect(report.figures.first?.name == "dapo_routes")
        #expect(report.figures.allSatisfy { $0.name.hasPrefix("dap") })
        let values = Dictionary(uniqueKeysWithValues: report.values(report.groups[0].figures).map { ($0.name, $0.value) })
        #expect(values["dapns_authorised"] == 0)
        #expect(throws: WorkflowError.self) { try casework.figures(force: nil, from: nil, to: nil, grouping: .all, workflow: "dvpn") }
    }
}

@Suite("A refusal names the workflow the table chose")
struct ChosenWorkflowMessageTests {
    @Test func dvpoDataInAPilotForceSaysDapoWasChosen() throws {
        let casework = try Casework(Configuration(storeURL: ":memory:", scripts: ScriptsCopy.packageRoot.path))
        let error = #expect(throws: WorkflowError.self) {
            try casework.open(RegimeTests.request("G1", force: "greater_manchester", at: "2026-02-10T21:00:00Z", data: RegimeTests.dvpoData))
        }
        #expect(error?.kind == .badInput)
        #expect(error?.message.hasPrefix("dapo (chosen by the regime table for greater_manchester on 2026-02-10): ") == true, "\(error?.message ?? "")")
        // The usual workflow's messages are as they always were
        let usual = #expect(throws: WorkflowError.self) {
            try casework.open(RegimeTests.request("E1", force: "essex", at: "2026-02-10T21:00:00Z", data: RegimeTests.dapoData))
        }
        #expect(usual?.message.hasPrefix("dvpo") == false)
    }
}

@Suite("The case's area")
struct CaseAreaTests {
    @Test func theAreaIsOneAreaWhereverItIsGiven() throws {
        #expect(try Casework.area(" Croydon ", data: nil) == "croydon")
        #expect(try Casework.area(nil, data: "Redcar and Cleveland") == "redcar_and_cleveland")
        #expect(try Casework.area("croydon", data: "CROYDON") == "croydon")
        let error = #expect(throws: WorkflowError.self) { try Casework.area("croydon", data: "lambeth") }
        #expect(error?.message == "--area croydon and --data area=lambeth name different areas; expected one area for the case")
    }
}

@Suite("Linked cases: only a notice or order case")
struct LinkedCaseKindTests {
    @Test func aLinkToAClaresLawRequestIsBadInputAndOpensNothing() throws {
        let casework = try Casework(Configuration(storeURL: ":memory:", scripts: ScriptsCopy.packageRoot.path))
        var request = RegimeTests.request(
            "V1", force: "essex", at: "2026-03-11T15:00:00Z", data: ["route": "right_to_ask", "applicant": "person_at_risk"])
        request.workflow = "dvds"
        _ = try casework.open(request)
        var order = RegimeTests.request(
            "R1", force: "essex", at: "2026-03-12T15:00:00Z",
            data: ["basis": "conviction", "court": "Chelmsford", "terms": "no contact", "linked_case": "V1"])
        order.workflow = "restraining_order"
        let error = #expect(throws: WorkflowError.self) { try casework.open(order) }
        #expect(error?.kind == .badInput)
        #expect(error?.message == "linked_case V1 is a dvds case; expected the id of a notice or order case (dapo, dvpo, restraining_order)")
        #expect(throws: WorkflowError.self) { try casework.snapshot("R1") }
    }
}
