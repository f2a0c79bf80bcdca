import Foundation
import Testing
import WorkflowCore
import WorkflowLua

/// Issue 12, part 2: what the Act allows, neither the national procedure nor a force refuses;
/// a force's practice is a warning recorded on the event.
@Suite("Nothing stricter than the law")
struct NoRuleStricterThanTheLawTests {
    static let listing: [String: Value] = ["court": "Magistrates", "listed_for": "2026-06-03T10:00:00+01:00"]

    static func transition(
        _ procedure: ForceProcedure, _ snapshot: CaseSnapshot?, _ event: String, _ at: String, role: String = "constable", _ data: [String: Value]
    ) throws(WorkflowError) -> Transition {
        let request = TransitionRequest(
            caseID: "F1", event: event, at: Instant.parse(at)!, actor: Actor(id: "X1", role: role), data: data,
            workflow: "dvpo", force: procedure.force)
        return try procedure.engine.transition(snapshot, request)
    }

    static func warnings(_ transition: Transition) -> [String] {
        (transition.data["warnings"]?.arrayValue ?? []).compactMap(\.stringValue)
    }

    @Test(arguments: [
        "assistant_chief_constable", "commander", "deputy_chief_constable", "deputy_assistant_commissioner",
        "chief_constable", "assistant_commissioner", "deputy_commissioner", "commissioner",
    ])
    func everyRankAboveChiefSuperintendentMayAuthorise(rank: String) throws {
        let national = try NationalProcedure()
        let authorised = try national.fire(try national.caseIn("incident"), "authorise_notice", at: "2026-05-01T12:00:00Z", role: rank)
        #expect(authorised.state == "notice_authorised")
        #expect(Rank(name: rank)! > .chiefSuperintendent)
    }

    @Test func theMetropolitanRanksStandWithTheirEquivalents() {
        #expect(!(Rank.commander < .assistantChiefConstable) && !(Rank.assistantChiefConstable < .commander))
        #expect(Rank.deputyAssistantCommissioner > .assistantChiefConstable)
        #expect(RoleRequirement(minimumRank: .assistantChiefConstable).permits("commander"))
        #expect(!RoleRequirement(minimumRank: .deputyChiefConstable).permits("commander"))
    }

    @Test(arguments: ["civil_partnership_agreement", "parental_responsibility", "same_family_proceedings"])
    func theFamilyLawActCategoriesAreAllAssociatedPersons(relationship: String) throws {
        let national = try NationalProcedure()
        var incident = NationalProcedure.validData["report_incident"]!
        incident["relationship"] = .string(relationship)
        let opened = try national.engine.transition(nil, NationalProcedure.request("report_incident", step: 0, data: incident)).snapshot
        #expect(opened.data["relationship"] == .string(relationship))
    }

    @Test(arguments: [
        ("essex", "Essex Police Legal Services usually presents applications"), ("greater_manchester", "GMP DAPO/DVPN team usually presents applications"),
    ])
    func aConstableMayApplyWhereTheForcePrefersItsLegalTeam(force: String, warning: String) throws {
        let procedure = try ForceProcedure(force)
        let applied = try Self.transition(procedure, try procedure.served(), "apply_for_order", "2026-06-02T10:00:00+01:00", Self.listing)
        #expect(applied.snapshot.state == "hearing")
        #expect(Self.warnings(applied).contains { $0.contains(warning) && $0.contains("CSA 2010 s.27(1)") })
    }

    @Test func essexWarnsOfAnApplicationWithoutALegalReview() throws {
        let essex = try ForceProcedure("essex")
        let applied = try Self.transition(essex, try essex.served(), "apply_for_order", "2026-06-02T10:00:00+01:00", role: "legal_officer", Self.listing)
        #expect(Self.warnings(applied) == ["Essex: no legal review (legal_review) is recorded before this application"])
    }

    @Test(arguments: [("essex", 16, true), ("essex", 21, true), ("essex", 28, false), ("wiltshire", 25, true), ("wiltshire", 21, false)])
    func anyLengthFrom14To28DaysMayBeSoughtWithAWarningOutsideTheForcesUsualList(force: String, days: Int, warned: Bool) throws {
        let procedure = try ForceProcedure(force)
        var served = try procedure.served(serviceData: ["address_refused": true])
        if force == "essex" {
            served = try procedure.fire(served, "legal_review", "2026-06-02T09:30:00+01:00", role: "legal_officer", ["evidence_complete": true])
        }
        var data = Self.listing
        data["days_sought"] = .integer(days)
        let applied = try Self.transition(
            procedure, served, "apply_for_order", "2026-06-02T10:00:00+01:00", role: force == "essex" ? "legal_officer" : "constable", data)
        #expect(applied.snapshot.state == "hearing")
        #expect(Self.warnings(applied).contains { $0.contains("\(days) days is lawful (CSA 2010 s.28(10))") } == warned)
        data["days_sought"] = 29
        #expect(throws: WorkflowError.self) {
            try Self.transition(procedure, served, "apply_for_order", "2026-06-02T10:00:00+01:00", role: force == "essex" ? "legal_officer" : "constable", data)
        }
    }

    @Test func wiltshireServesAPerpetratorWhoWasNeverArrested() throws {
        let wiltshire = try ForceProcedure("wiltshire")
        let served = try wiltshire.served(serviceData: ["hearing_address": "2 Church Lane"])
        #expect(served.state == "notice_served")
    }

    @Test(arguments: ["idva", "marac"])
    func westMerciaRefersToAnIDVAAndTheMARAC(agency: String) throws {
        let westMercia = try ForceProcedure("west_mercia")
        let referred = try westMercia.fire(
            try westMercia.served(), "record_referral", "2026-06-02T10:00:00+01:00", ["agency": .string(agency), "referral_outcome": "accepted"])
        #expect(referred.data["referral_\(agency)"] == "accepted")
    }

    @Test func humbersideVisitsTheVictimWhileThePerpetratorIsInCustody() throws {
        let humberside = try ForceProcedure("humberside")
        var snapshot = try humberside.fire(try humberside.served(), "apply_for_order", "2026-06-02T10:00:00+01:00", Self.listing)
        snapshot = try humberside.fire(snapshot, "grant_order", "2026-06-03T11:00:00+01:00", ["days": 28])
        snapshot = try humberside.fire(snapshot, "report_breach", "2026-06-03T20:00:00+01:00")
        let visited = try humberside.fire(snapshot, "record_visit", "2026-06-04T09:00:00+01:00", ["outcome": "safe", "visit_kind": "patrol"])
        #expect(visited.state == "breach")
        #expect(visited.deadline("first_visit")?.status == .met)
    }

    @Test func anEventMayCarryItsTrueEarlierTimeAfterTheLatestChangeOfState() throws {
        let national = try NationalProcedure()
        // The hearing was applied for at 12:00 (its latest change of state) and adjourned at 15:00;
        // the arrest at 13:30 is recorded afterwards, at its true time.
        let hearing = try national.caseIn("hearing")
        let adjourned = try national.fire(hearing, "adjourn_hearing", at: "2026-05-01T15:00:00+01:00")
        let arrested = try national.fire(adjourned, "report_notice_breach", at: "2026-05-01T13:30:00+01:00")
        let production = try #require(arrested.deadline("notice_breach_production"))
        #expect(Instant.format(production.startedAt) == "2026-05-01T13:30:00+01:00")
        #expect(arrested.data["last_arrest_at"] == "2026-05-01T12:30:00.000Z")
        #expect(arrested.updatedAt == Instant.parse("2026-05-01T15:00:00+01:00"))
        #expect(
            throws: WorkflowError.badInput(
                "time 2026-05-01T11:30:00+01:00 is before the case's latest change of state (2026-05-01T12:00:00+01:00, to hearing); expected a time at or after it"
            )
        ) { try national.fire(adjourned, "report_notice_breach", at: "2026-05-01T11:30:00+01:00") }
    }

    @Test func aHearingThatBeganInTimeMeetsTheClockThoughDecidedAfterIt() throws {
        let national = try NationalProcedure()
        // Served Fri 1 May 11:00: the 48 hours end at 11:00 on Tue 5 May.
        let hearing = try national.caseIn("hearing")
        let began = try national.fire(hearing, "hearing_began", at: "2026-05-05T10:30:00+01:00", data: ["court": "Colchester"])
        #expect(began.deadline("hearing")?.status == .met)
        let granted = try national.fire(began, "grant_order", at: "2026-05-05T11:30:00+01:00")
        #expect(granted.deadline("hearing")?.status == .met)
        #expect(granted.deadline("hearing")?.settledBy == "hearing_began")
    }
}
