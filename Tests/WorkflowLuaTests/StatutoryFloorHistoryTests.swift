import Foundation
import Testing
import WorkflowCore
import WorkflowLua

/// The statutory floor reads the case's recorded data, not only the state it leaves: one
/// application, one hearing, one order (Crime and Security Act 2010 s.27(1), s.28(10)); national
/// data derived from the national declarations; a migration's state map meets the floor.
@Suite("The statutory floor: the case's history, national data, migration maps")
struct StatutoryFloorHistoryTests {
    static func reach(_ state: String, with national: NationalProcedure) throws -> CaseSnapshot {
        var snapshot: CaseSnapshot?
        for (step, event) in NationalProcedure.paths[state]!.enumerated() {
            snapshot = try national.engine.transition(snapshot, NationalProcedure.request(event, step: step)).snapshot
        }
        return snapshot!
    }

    static let at = Instant.parse("2026-06-01T10:00:00+01:00")!
    static let admin = Actor(id: "ADM1", role: "administrator")

    @Test func aSecondOrderOnTheSameApplicationIsRefusedAndBackInForceIsNot() throws {
        let national = try NationalProcedure()
        let breach = try Self.reach("breach", with: national)
        let problems = { (after: CaseSnapshot) in
            StatutoryFloor.dvpo.entryRules.filter { $0.state == "order_in_force" }.compactMap {
                $0.problem(StatutoryEntry(before: breach, after: after, actor: Self.admin, at: Self.at))
            }
        }
        var back = breach
        back.state = "order_in_force"
        #expect(problems(back) == [])
        var regranted = back
        regranted.data["order_days"] = 14
        #expect(problems(regranted) == ["needs the order already made on this application unchanged; one application, one order (s.28(10))"])
        var moved = back
        moved.deadlines = moved.deadlines.map { deadline in
            var deadline = deadline
            if deadline.clock == "order_end" { deadline.due += 86_400 }
            return deadline
        }
        #expect(problems(moved) == ["needs the order already made on this application unchanged; one application, one order (s.28(10))"])
    }

    @Test func everyKeyANationalActionRecordsIsNationalData() throws {
        let workflow = try NationalProcedure().engine.workflow
        let national = StatutoryFloor.dvpo.nationalData(of: workflow)
        for key in [
            "notice_lapsed", "notice_lapsed_at", "breaches_awaiting_outcome", "breach_awaiting_outcome", "order_breaches",
            "last_arrest_at", "adjournments", "visits", "hearing_address", "reason",
        ] {
            #expect(national.contains(key), "\(key)")
        }
        // Derived from the declarations, not the compiled-in list; a local variable and warnings are not data.
        #expect(!StatutoryFloor.dvpo.protectedFields.contains("notice_lapsed"))
        #expect(!national.contains("awaiting"))
        #expect(!national.contains("warnings"))
    }

    @Test func aMigrationMapIntoAStatutoryStateNeedsWhatTheCaseRecorded() throws {
        let national = try NationalProcedure()
        var limbo = try Self.reach("notice_served", with: national)
        limbo.state = "limbo"
        let error = #expect(throws: WorkflowError.self) {
            try national.engine.migrate(limbo, at: Self.at, actor: Self.admin, reason: "r", stateMap: ["limbo": "order_in_force"])
        }
        #expect(error?.kind == .refused)
        #expect(
            error?.message
                == "--map limbo=order_in_force refused by the statutory floor (Crime and Security Act 2010 s.27-28): entering order_in_force needs an application heard by the court (apply_for_order) first; expected a state the case's recorded events support"
        )
        let breach = #expect(throws: WorkflowError.self) {
            try national.engine.migrate(limbo, at: Self.at, actor: Self.admin, reason: "r", stateMap: ["limbo": "breach"])
        }
        #expect(breach?.message.hasPrefix("--map limbo=breach refused by the statutory floor (Crime and Security Act 2010 s.29): ") == true)
        // A state the statute sets nothing for, and an order the case recorded, are mapped.
        #expect(try national.engine.migrate(limbo, at: Self.at, actor: Self.admin, reason: "r", stateMap: ["limbo": "notice_served"]).to == "notice_served")
        var granted = try Self.reach("order_in_force", with: national)
        granted.state = "limbo"
        #expect(try national.engine.migrate(granted, at: Self.at, actor: Self.admin, reason: "r", stateMap: ["limbo": "order_in_force"]).to == "order_in_force")
    }

    @Test func aMapIntoAStatutoryStateNeedsItsEventInForceAndNeverGoesBehindOne() throws {
        let national = try NationalProcedure()
        var authorised = try Self.reach("notice_authorised", with: national)
        authorised.state = "limbo"
        let unserved = #expect(throws: WorkflowError.self) {
            try national.engine.migrate(authorised, at: Self.at, actor: Self.admin, reason: "r", stateMap: ["limbo": "notice_served"])
        }
        #expect(unserved?.kind == .refused)
        #expect(
            unserved?.message
                == "--map limbo=notice_served refused by the statutory floor (Crime and Security Act 2010 s.25(1)): entering notice_served needs serve_notice in force, and the case has none; expected a state the case's recorded events support"
        )
        #expect(try national.engine.migrate(authorised, at: Self.at, actor: Self.admin, reason: "r", stateMap: ["limbo": "notice_authorised"]).to == "notice_authorised")
        #expect(throws: WorkflowError.self) {
            try national.engine.migrate(authorised, at: Self.at, actor: Self.admin, reason: "r", stateMap: ["limbo": "incident"])
        }
        var served = try Self.reach("notice_served", with: national)
        served.state = "limbo"
        for target in ["incident", "notice_authorised"] {
            let behind = #expect(throws: WorkflowError.self) {
                try national.engine.migrate(served, at: Self.at, actor: Self.admin, reason: "r", stateMap: ["limbo": target])
            }
            #expect(
                behind?.message
                    == "--map limbo=\(target) refused by the statutory floor (Crime and Security Act 2010 s.25(1)): the case's serve_notice is in force, and no case is in \(target) after it; expected a state the case reaches after serve_notice (notice_served or later)"
            )
        }
    }
}
