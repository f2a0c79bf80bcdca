import Foundation
import Testing
import WorkflowCore
import WorkflowLua

/// Follow-ups to issue 12 from a legal review: the order does not outlive its end, a second breach
/// arrest, close while someone awaits production, decisions that name a real missed deadline,
/// warnings for late listings and lapsed notices, and a source on every refusal.
@Suite("Workflows/dvpo.lua: the law's edges, follow-ups")
struct LawEdgeFollowUpTests {
    /// `Workflows/dvpo.lua:N` (or a plugin's file) for the line declaring `rule` on `event`.
    static func rule(_ event: String, _ name: String, in file: String = "Workflows/dvpo.lua") -> String {
        let text = try! String(contentsOf: Scripts.shipped.root.appendingPathComponent(file), encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let index = lines.firstIndex { $0.contains(":guard(\"\(event)\", \"\(name)\"") }!
        return "\(file):\(index + 1)"
    }

    static func warnings(_ transition: Transition) -> [String] {
        (transition.data["warnings"]?.arrayValue ?? []).compactMap(\.stringValue)
    }

    /// Humberside, a 14-day order made Tue 2 Jun 2026 (ends Mon 15 Jun 23:59:59.999 BST), and a
    /// breach arrest at 22:00 on its last day.
    static func arrestedOnTheLastDay(_ humberside: ForceProcedure) throws -> CaseSnapshot {
        var snapshot = try humberside.served()
        snapshot = try humberside.fire(
            snapshot, "apply_for_order", "2026-06-02T10:00:00+01:00",
            ["court": "Hull", "listed_for": "2026-06-02T14:00:00+01:00"])
        snapshot = try humberside.fire(snapshot, "grant_order", "2026-06-02T15:00:00+01:00", ["days": 14])
        return try humberside.fire(snapshot, "report_breach", "2026-06-15T22:00:00+01:00")
    }

    static let ended =
        "the order ended at 2026-06-15T23:59:59.999+01:00 (CSA 2010 s.28(10)); expected expire_order first — safeguard tick records it at the end"

    @Test func nothingThatNeedsALiveOrderIsRecordedAfterItsEndSoTickRecordsTheEndOnTime() throws {
        let humberside = try ForceProcedure("humberside")
        let arrested = try Self.arrestedOnTheLastDay(humberside)
        #expect(
            throws: WorkflowError.refused(
                "breach_outcome refused by rule order_not_ended (\(Self.rule("breach_outcome", "order_not_ended"))): \(Self.ended)"
            )
        ) { try humberside.fire(arrested, "breach_outcome", "2026-06-16T10:00:00+01:00", ["result": "fined"]) }
        #expect(
            throws: WorkflowError.refused(
                "record_visit refused by rule order_not_ended (\(Self.rule("record_visit", "order_not_ended"))): \(Self.ended)"
            )
        ) { try humberside.fire(arrested, "record_visit", "2026-06-17T09:00:00+01:00", ["outcome": "safe", "visit_kind": "patrol"]) }
        #expect(
            throws: WorkflowError.refused(
                "close refused by rule no_order_in_force (\(Self.rule("close", "no_order_in_force"))): \(Self.ended)"
            )
        ) { try humberside.fire(arrested, "close", "2026-06-17T09:00:00+01:00", role: "inspector", ["reason": "x"]) }

        let end = try #require(arrested.deadline("order_end"))
        let request = try #require(humberside.engine.clockRequest(for: end, on: arrested))
        #expect(Instant.format(request.at) == "2026-06-15T23:59:59.999+01:00")
        let expired = try humberside.engine.transition(arrested, request).snapshot
        #expect(expired.state == "expired")
        let outcome = try humberside.fire(expired, "breach_outcome", "2026-06-16T10:00:00+01:00", ["result": "fined"])
        #expect(outcome.state == "expired")
        #expect(outcome.data["breach_awaiting_outcome"] == false)
    }

    @Test func beforeTheEndABreachOutcomeStillReturnsTheCaseToTheOrder() throws {
        let humberside = try ForceProcedure("humberside")
        let arrested = try Self.arrestedOnTheLastDay(humberside)
        let outcome = try humberside.fire(arrested, "breach_outcome", "2026-06-15T23:30:00+01:00", ["result": "fined"])
        #expect(outcome.state == "order_in_force")
        let visited = try humberside.fire(outcome, "record_visit", "2026-06-15T23:45:00+01:00", ["outcome": "safe", "visit_kind": "phone"])
        #expect(visited.data["visits"] == 1)
    }

    @Test func aBreachArrestInTheExpiredCaseIsRefusedWithTheActsReason() throws {
        let national = try NationalProcedure()
        let expired = try national.caseIn("expired")
        #expect(
            throws: WorkflowError.refused(
                "report_breach refused by rule order_in_force (\(NationalProcedure.rule("order_in_force"))): the order ended at 2026-05-28T23:59:59.999+01:00; there is no power of arrest for breaching it after its end (CSA 2010 s.28(9))"
            )
        ) { try national.fire(expired, "report_breach", at: "2026-06-12T12:00:00+01:00") }
    }

    @Test func aSecondArrestWhileTheFirstBreachIsBeforeTheCourtStartsANewProductionClock() throws {
        let national = try NationalProcedure()
        let granted = try LawEdgeTests.granted(national)
        let first = try national.fire(granted, "report_breach", at: "2026-06-05T20:00:00+01:00")
        let produced = try national.fire(first, "record_production", at: "2026-06-06T10:00:00+01:00")
        let second = try national.fire(produced, "report_breach", at: "2026-06-08T20:00:00+01:00")
        #expect(second.state == "breach")
        #expect(second.data["order_breaches"] == 2)
        #expect(second.data["breaches_awaiting_outcome"] == 2)
        let clock = try #require(second.deadline("breach_production"))
        #expect(clock.status == .pending)
        #expect(Instant.format(clock.due) == "2026-06-09T20:00:00+01:00")
        let one = try national.fire(second, "breach_outcome", at: "2026-06-09T10:00:00+01:00", data: ["result": "fined"])
        #expect(one.state == "order_in_force")
        #expect(one.data["breach_awaiting_outcome"] == true)
        let two = try national.fire(one, "breach_outcome", at: "2026-06-09T11:00:00+01:00", data: ["result": "committed"])
        #expect(two.state == "order_in_force")
        #expect(two.data["breaches_awaiting_outcome"] == 0)
        #expect(
            throws: WorkflowError.refused(
                "breach_outcome refused by rule breach_in_court (\(NationalProcedure.rule("breach_in_court"))): no breach of the order awaits the court's outcome (CSA 2010 s.29(1)); expected a report_breach first"
            )
        ) { try national.fire(two, "breach_outcome", at: "2026-06-09T12:00:00+01:00", data: ["result": "fined"]) }
    }

    @Test(arguments: ["notice_served", "hearing"])
    func closeIsRefusedWhileAPerpetratorAwaitsProduction(state: String) throws {
        let national = try NationalProcedure()
        let arrested = try national.fire(try national.caseIn(state), "report_notice_breach", at: "2026-05-01T14:00:00+01:00")
        #expect(
            throws: WorkflowError.refused(
                "close refused by rule no_one_awaiting_production (\(NationalProcedure.rule("no_one_awaiting_production"))): the perpetrator arrested for a breach must be brought before the court by 2026-05-02T14:00:00+01:00 (CSA 2010 s.26(2)); expected record_production, or safeguard tick recording the deadline missed, before close"
            )
        ) { try national.fire(arrested, "close", at: "2026-05-01T15:00:00+01:00", role: "inspector", data: ["reason": "withdrawn"]) }
        let produced = try national.fire(arrested, "record_production", at: "2026-05-01T15:00:00+01:00")
        #expect(try national.fire(produced, "close", at: "2026-05-01T16:00:00+01:00", role: "inspector", data: ["reason": "withdrawn"]).state == "closed")
    }

    @Test func wiltshireWarnsOfServiceBeforeReleaseAndRecordsIt() throws {
        let wiltshire = try ForceProcedure("wiltshire")
        var snapshot = try wiltshire.fire(nil, "report_incident", "2026-06-01T22:00:00+01:00", NationalProcedure.validData["report_incident"]!)
        snapshot = try wiltshire.fire(
            snapshot, "authorise_notice", "2026-06-02T01:00:00+01:00", role: "superintendent", NationalProcedure.validData["authorise_notice"]!)
        let request = TransitionRequest(
            caseID: "F1", event: "serve_notice", at: Instant.parse("2026-06-02T09:00:00+01:00")!, actor: Actor(id: "X1", role: "constable"),
            data: ["address_refused": true, "custody_suite": "Gablecross", "released_at": "2026-06-02T10:00:00+01:00"],
            workflow: "dvpo", force: "wiltshire")
        let served = try wiltshire.engine.transition(snapshot, request)
        #expect(served.snapshot.state == "notice_served")
        #expect(
            Self.warnings(served) == [
                "Wiltshire serves notices on release from custody; this service is before released_at (force practice, Plugins/wiltshire/plugin.lua; service in custody is lawful, CSA 2010 s.25(2))"
            ])
    }

    @Test func westMerciasAgencyListIsForcePracticeAndSaysSo() throws {
        let mercia = try ForceProcedure("west_mercia")
        let served = try mercia.served()
        #expect(
            throws: WorkflowError.refused(
                "record_referral refused by rule known_agency (\(Self.rule("record_referral", "known_agency", in: "Plugins/west_mercia/plugin.lua"))): West Mercia refers to domestic_abuse_forum, victim_support, womens_aid, idva, marac; agency must be one of them (force practice, Plugins/west_mercia/plugin.lua; the policy agencies lists them)"
            )
        ) { try mercia.fire(served, "record_referral", "2026-06-02T10:00:00+01:00", ["agency": "church", "referral_outcome": "accepted"]) }
    }

    @Test func aDecisionMustNameAClockWithAMissedDeadlineAwaitingOne() throws {
        let national = try NationalProcedure()
        let granted = try LawEdgeTests.granted(national)
        let arrested = try national.fire(granted, "report_breach", at: "2026-06-05T20:00:00+01:00")
        let clock = try #require(arrested.deadline("breach_production"))
        let missed = try national.engine.transition(arrested, try #require(national.engine.clockRequest(for: clock, on: arrested))).snapshot
        #expect(missed.deadline("breach_production")?.status == .missed)
        #expect(
            throws: WorkflowError.refused(
                "record_deadline_decision refused by rule decision_awaited (\(NationalProcedure.rule("decision_awaited"))): clock bogus has no missed deadline awaiting a decision on this case (CSA 2010 s.26(2), s.27(3), s.29(1) set the deadlines); expected one of: hearing, breach_production"
            )
        ) {
            try national.fire(
                missed, "record_deadline_decision", at: "2026-06-07T10:00:00+01:00", role: "inspector",
                data: ["clock": "bogus", "decision": "perpetrator_released"])
        }
        #expect(
            throws: WorkflowError.refused(
                "record_deadline_decision refused by rule decision_awaited (\(NationalProcedure.rule("decision_awaited"))): clock notice_breach_production has no missed deadline awaiting a decision on this case (CSA 2010 s.26(2), s.27(3), s.29(1) set the deadlines); expected one of: hearing, breach_production"
            )
        ) {
            try national.fire(
                missed, "record_deadline_decision", at: "2026-06-07T10:00:00+01:00", role: "inspector",
                data: ["clock": "notice_breach_production", "decision": "perpetrator_released"])
        }
        #expect(
            throws: WorkflowError.refused(
                "record_deadline_decision refused by rule decision_fits_clock (\(NationalProcedure.rule("decision_fits_clock"))): decision notice_lapsed does not fit clock breach_production (CSA 2010 s.29(1)); expected notice_continues or notice_lapsed for hearing, perpetrator_released for a production clock"
            )
        ) {
            try national.fire(
                missed, "record_deadline_decision", at: "2026-06-07T10:00:00+01:00", role: "inspector",
                data: ["clock": "breach_production", "decision": "notice_lapsed"])
        }
        let decided = try national.fire(
            missed, "record_deadline_decision", at: "2026-06-07T10:00:00+01:00", role: "inspector",
            data: ["clock": "breach_production", "decision": "perpetrator_released"])
        #expect(decided.deadline("breach_production")?.decision == "perpetrator_released")
        // The order was granted after the 48 hours, so the hearing deadline awaits a decision too; once
        // both are decided, none is offered.
        let both = try national.fire(
            decided, "record_deadline_decision", at: "2026-06-07T11:00:00+01:00", role: "inspector",
            data: ["clock": "hearing", "decision": "notice_continues"])
        #expect(
            throws: WorkflowError.refused(
                "record_deadline_decision refused by rule decision_awaited (\(NationalProcedure.rule("decision_awaited"))): clock hearing has no missed deadline awaiting a decision on this case (CSA 2010 s.26(2), s.27(3), s.29(1) set the deadlines); expected none: no deadline awaits a decision"
            )
        ) {
            try national.fire(
                both, "record_deadline_decision", at: "2026-06-07T12:00:00+01:00", role: "inspector",
                data: ["clock": "hearing", "decision": "notice_lapsed"])
        }
    }

    @Test func aListingAfterTheHearingWasRecordedMissedAndAnApplicationAfterALapseAreWarned() throws {
        let national = try NationalProcedure()
        let missed = try LawEdgeTests.missedHearing(national)
        let lapsed = try national.fire(
            missed, "record_deadline_decision", at: "2026-05-05T12:00:00+01:00", role: "inspector",
            data: ["clock": "hearing", "decision": "notice_lapsed"])
        var request = NationalProcedure.request("apply_for_order", step: 0, data: ["court": "Colchester", "listed_for": "2026-05-06T10:00:00+01:00"])
        request.at = Instant.parse("2026-05-05T13:00:00+01:00")!
        let applied = try national.engine.transition(lapsed, request)
        #expect(applied.snapshot.state == "hearing")
        #expect(
            Self.warnings(applied) == [
                "the hearing is listed for 2026-05-06T10:00:00+01:00; the 48 hours ended at 2026-05-05T11:00:00+01:00 and were recorded missed (CSA 2010 s.27(3))",
                "the notice was recorded as lapsed (decision recorded 2026-05-05T12:00:00+01:00); the court decides whether it can still hear the application (CSA 2010 s.27(1), (3))",
            ])
        var grant = NationalProcedure.request("grant_order", step: 0, data: ["days": 14])
        grant.at = Instant.parse("2026-05-06T11:00:00+01:00")!
        let granted = try national.engine.transition(applied.snapshot, grant)
        #expect(granted.snapshot.state == "order_in_force")
        #expect(Self.warnings(granted).count == 1)
        // Without a lapse, a listing after a missed deadline is warned of once.
        let continued = try national.fire(
            missed, "record_deadline_decision", at: "2026-05-05T12:00:00+01:00", role: "inspector",
            data: ["clock": "hearing", "decision": "notice_continues"])
        #expect(Self.warnings(try national.engine.transition(continued, request)).count == 1)
    }

    /// Every guard in the shipped scripts names its source: the Act, or the force's practice.
    @Test func everyRefusalInTheShippedScriptsNamesItsSource() throws {
        let root = Scripts.shipped.root
        let files =
            ["Workflows/dvpo.lua"]
            + ["essex", "greater_manchester", "humberside", "order_lengths", "west_mercia", "wiltshire"].map { "Plugins/\($0)/plugin.lua" }
        for file in files {
            let text = try String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)
            // Each `return false, …` with the lines that continue its message.
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            for (index, line) in lines.enumerated() where line.contains("return false,") {
                var message = line
                var next = index + 1
                while next < lines.count, lines[next].trimmingCharacters(in: .whitespaces).hasPrefix("..") {
                    message += lines[next]
                    next += 1
                }
                // correct_record is rebuilt by another issue (record-keeping, not in the Act).
                if message.contains("to correct; expected a field already recorded") { continue }
                // A shared helper's message is checked where it is built (order_ended, the decision clocks).
                if message.contains("return false, ended") { continue }
                let cited = message.contains("CSA 2010") || message.contains("force practice")
                #expect(cited, "\(file):\(index + 1) refuses without naming its source")
            }
        }
    }
}
