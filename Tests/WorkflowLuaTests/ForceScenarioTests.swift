import Foundation
import Testing
import WorkflowCore
import WorkflowLua

/// Each force's variation, in Lua alone, and the national rules still holding under it.
@Suite("Force plugins: scenarios")
struct ForceScenarioTests {
    static let listing: [String: Value] = ["court": "Magistrates", "listed_for": "2026-06-03T10:00:00+01:00"]

    @Test func essexLegalOfficersReviewAndPresentApplications() throws {
        let essex = try ForceProcedure("essex")
        let served = try essex.served()
        var application = Self.listing
        application["days_sought"] = 28
        // Only a legal officer reviews.
        #expect(throws: WorkflowError.refused("legal_review refused by rule who (Plugins/essex/plugin.lua:20): needs legal_officer; X1 holds inspector")) {
            try essex.fire(served, "legal_review", "2026-06-02T10:00:00+01:00", role: "inspector", ["evidence_complete": true])
        }
        let reviewed = try essex.fire(served, "legal_review", "2026-06-02T10:00:00+01:00", role: "legal_officer", ["evidence_complete": true])
        #expect(reviewed.data["legal_reviewer"] == "X1")
        // The law's range still holds for the length sought (a constable's application, or 21
        // days, is a warning: NoRuleStricterThanTheLawTests).
        application["days_sought"] = 30
        do throws(WorkflowError) {
            _ = try essex.fire(reviewed, "apply_for_order", "2026-06-02T11:00:00+01:00", role: "legal_officer", application)
            Issue.record("30 days was allowed")
        } catch {
            #expect(error.message.hasSuffix("an order lasts from 14 to 28 days (CSA 2010 s.28(10)); days_sought must be 14 to 28"))
        }
        application["days_sought"] = 28
        let hearing = try essex.fire(reviewed, "apply_for_order", "2026-06-02T11:00:00+01:00", role: "legal_officer", application)
        #expect(hearing.state == "hearing")
        // National rules hold: the court's 29 days is still refused, 28 granted, recorded by the legal officer.
        #expect(throws: WorkflowError.self) { try essex.fire(hearing, "grant_order", "2026-06-03T11:00:00+01:00", role: "legal_officer", ["days": 29]) }
        let granted = try essex.fire(hearing, "grant_order", "2026-06-03T11:00:00+01:00", role: "legal_officer", ["days": 28])
        #expect(granted.state == "order_in_force")
        #expect(granted.plugins == ["order_lengths 1.0", "essex 1.0"])
    }

    @Test func essexStillNeedsASuperintendentToAuthorise() throws {
        let essex = try ForceProcedure("essex")
        let opened = try essex.fire(nil, "report_incident", "2026-06-01T22:00:00+01:00", NationalProcedure.validData["report_incident"]!)
        #expect(throws: WorkflowError.refused("authorise_notice refused by rule who (\(NationalProcedure.event("authorise_notice"))): needs superintendent or above (Crime and Security Act 2010 s.24(1)); X1 holds legal_officer")) {
            try essex.fire(opened, "authorise_notice", "2026-06-02T01:00:00+01:00", role: "legal_officer", NationalProcedure.validData["authorise_notice"]!)
        }
    }

    @Test func humbersideSchedulesVisitsUntilTheOrderEnds() throws {
        let humberside = try ForceProcedure("humberside")
        var snapshot = try humberside.served()
        snapshot = try humberside.fire(snapshot, "apply_for_order", "2026-06-02T10:00:00+01:00", Self.listing)
        snapshot = try humberside.fire(snapshot, "grant_order", "2026-06-03T11:00:00+01:00", ["days": 14])
        // The first visit is due 24 hours after the order (policy first_visit_hours).
        #expect(snapshot.deadline("first_visit").map { Instant.format($0.due) } == "2026-06-04T11:00:00+01:00")
        snapshot = try humberside.fire(snapshot, "record_visit", "2026-06-04T09:00:00+01:00", ["outcome": "safe", "visit_kind": "patrol"])
        #expect(snapshot.deadline("first_visit")?.status == .met)
        #expect(snapshot.deadline("next_visit").map { Instant.format($0.due) } == "2026-06-07T09:00:00+01:00")
        // A late visit is recorded as missed, and the next one is scheduled from it.
        snapshot = try humberside.fire(snapshot, "record_visit", "2026-06-08T09:00:00+01:00", ["outcome": "safe", "visit_kind": "phone"])
        #expect(snapshot.deadlines.filter { $0.clock == "next_visit" }.map(\.status) == [.missed, .pending])
        // The order's end stops the schedule.
        snapshot = try humberside.fire(snapshot, "expire_order", "2026-06-17T00:00:00+01:00")
        #expect(snapshot.deadlines.filter { $0.status == .pending }.isEmpty)
        #expect(snapshot.deadline("next_visit")?.status == .stopped)
    }

    @Test func greaterManchesterRecordsOffersAndItsTeamPresents() throws {
        let gmp = try ForceProcedure("greater_manchester")
        var snapshot = try gmp.served()
        snapshot = try gmp.fire(snapshot, "offer_caseworker", "2026-06-02T09:30:00+01:00", ["caseworker_outcome": "accepted"])
        #expect(snapshot.data["caseworker_outcome"] == "accepted")
        snapshot = try gmp.fire(snapshot, "apply_for_order", "2026-06-02T10:00:00+01:00", role: "dedicated_team", Self.listing)
        snapshot = try gmp.fire(snapshot, "offer_perpetrator_programme", "2026-06-02T12:00:00+01:00", ["programme_outcome": "declined"])
        snapshot = try gmp.fire(snapshot, "grant_order", "2026-06-03T11:00:00+01:00", role: "dedicated_team", ["days": 28])
        #expect(snapshot.data["programme_outcome"] == "declined")
        #expect(snapshot.state == "order_in_force")
    }

    @Test func wiltshireServesOnReleaseFromCustody() throws {
        let wiltshire = try ForceProcedure("wiltshire")
        var opened = try wiltshire.fire(nil, "report_incident", "2026-06-01T22:00:00+01:00", NationalProcedure.validData["report_incident"]!)
        opened = try wiltshire.fire(
            opened, "authorise_notice", "2026-06-02T01:00:00+01:00", role: "superintendent", NationalProcedure.validData["authorise_notice"]!)
        // Service in custody is lawful (CSA 2010 s.25(2)): Wiltshire's practice is a warning (LawEdgeFollowUpTests).
        let inCustody = try wiltshire.fire(
            opened, "serve_notice", "2026-06-02T09:00:00+01:00",
            ["address_refused": true, "custody_suite": "Gablecross", "released_at": "2026-06-02T09:30:00+01:00"])
        #expect(inCustody.state == "notice_served")
        let served = try wiltshire.fire(
            opened, "serve_notice", "2026-06-02T09:00:00+01:00",
            ["address_refused": true, "custody_suite": "Gablecross", "released_at": "2026-06-02T08:55:00+01:00"])
        #expect(served.deadline("hearing").map { Instant.format($0.due) } == "2026-06-04T09:00:00+01:00")
        // The pilot's 21-day practice is Wiltshire policy.
        let hearing = try wiltshire.fire(
            served, "apply_for_order", "2026-06-02T10:00:00+01:00", ["court": "Swindon", "listed_for": "2026-06-03T10:00:00+01:00", "days_sought": 21])
        #expect(hearing.state == "hearing")
    }

    @Test func westMerciaRecordsReferralsWithOutcomes() throws {
        let westMercia = try ForceProcedure("west_mercia")
        var snapshot = try westMercia.served()
        snapshot = try westMercia.fire(snapshot, "record_referral", "2026-06-02T10:00:00+01:00", ["agency": "victim_support", "referral_outcome": "accepted"])
        snapshot = try westMercia.fire(snapshot, "record_referral", "2026-06-02T11:00:00+01:00", ["agency": "womens_aid", "referral_outcome": "no_response"])
        #expect(snapshot.data["referral_victim_support"] == "accepted")
        #expect(snapshot.data["referral_womens_aid"] == "no_response")
        do throws(WorkflowError) {
            _ = try westMercia.fire(snapshot, "record_referral", "2026-06-02T12:00:00+01:00", ["agency": "samaritans", "referral_outcome": "accepted"])
            Issue.record("unknown agency allowed")
        } catch {
            #expect(
                error.message.hasSuffix(
                    "West Mercia refers to domestic_abuse_forum, victim_support, womens_aid, idva, marac; agency must be one of them (force practice, Plugins/west_mercia/plugin.lua; the policy agencies lists them)"
                ))
        }
    }

    @Test func aForceWithNoPluginRunsTheNationalProcedure() throws {
        let durham = try ForceProcedure("durham")
        #expect(durham.engine.workflow.plugins.isEmpty)
        #expect(durham.engine.workflow.event(named: "legal_review") == nil)
        let served = try durham.served()
        #expect(served.plugins == [])
    }
}
