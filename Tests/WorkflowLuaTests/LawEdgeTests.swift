import Foundation
import Testing
import WorkflowCore
import WorkflowLua

/// Issue 12, part 1: the paths at the edges of the Crime and Security Act 2010 ss.24-33.
@Suite("Workflows/dvpo.lua: the law's edges")
struct LawEdgeTests {
    /// A case whose 14-day order was made on Mon 1 Jun 2026 (ends 14 Jun 23:59:59.999 BST).
    static func granted(_ national: NationalProcedure) throws -> CaseSnapshot {
        let hearing = try national.caseIn("hearing")
        return try national.fire(hearing, "grant_order", at: "2026-06-01T11:00:00+01:00", data: ["days": 14])
    }

    static func warnings(_ transition: Transition) -> [String] {
        (transition.data["warnings"]?.arrayValue ?? []).compactMap(\.stringValue)
    }

    @Test func theOrderEndsAtItsEndWhileThePerpetratorIsInCustodyAndTheBreachProceeds() throws {
        let national = try NationalProcedure()
        let arrested = try national.fire(try Self.granted(national), "report_breach", at: "2026-06-14T20:00:00+01:00")
        let end = try #require(arrested.deadline("order_end"))
        let request = try #require(national.engine.clockRequest(for: end, on: arrested))
        #expect(request.event == "expire_order")
        let ended = try national.engine.transition(arrested, request).snapshot
        #expect(ended.state == "expired")
        #expect(ended.deadline("order_end")?.status == .met)
        #expect(ended.deadline("breach_production")?.status == .pending)
        let produced = try national.fire(ended, "record_production", at: "2026-06-15T10:00:00+01:00")
        #expect(produced.deadline("breach_production")?.status == .met)
        let outcome = try national.fire(produced, "breach_outcome", at: "2026-06-15T11:00:00+01:00", data: ["result": "committed"])
        #expect(outcome.state == "expired")
        #expect(
            throws: WorkflowError.refused(
                "breach_outcome refused by rule breach_in_court (\(NationalProcedure.rule("breach_in_court"))): no breach of the order awaits the court's outcome (CSA 2010 s.29(1)); expected a report_breach first"
            )
        ) { try national.fire(outcome, "breach_outcome", at: "2026-06-15T12:00:00+01:00", data: ["result": "fined"]) }
    }

    @Test func aBreachArrestAfterTheOrdersEndIsRefused() throws {
        let national = try NationalProcedure()
        #expect(
            throws: WorkflowError.refused(
                "report_breach refused by rule order_in_force (\(NationalProcedure.rule("order_in_force"))): the order ended at 2026-06-14T23:59:59.999+01:00; there is no power of arrest for breaching it after its end (CSA 2010 s.28(9))"
            )
        ) { try national.fire(try Self.granted(national), "report_breach", at: "2026-06-15T08:00:00+01:00") }
    }

    @Test func aHearingListedAfterTheArrestBringsTheProductionDeadlineForwardAndARelistingMovesItBack() throws {
        let national = try NationalProcedure()
        // Served Tue 2 Jun 09:00; arrested for breaching the notice at 20:00 before any listing.
        let served = try national.fire(try national.caseIn("notice_authorised"), "serve_notice", at: "2026-06-02T09:00:00+01:00")
        let arrested = try national.fire(served, "report_notice_breach", at: "2026-06-02T20:00:00+01:00")
        #expect(arrested.deadline("notice_breach_production").map { Instant.format($0.due) } == "2026-06-03T20:00:00+01:00")
        let listed = try national.fire(
            arrested, "apply_for_order", at: "2026-06-03T08:00:00+01:00",
            data: ["court": "Swindon", "listed_for": "2026-06-03T14:00:00+01:00"])
        let capped = try #require(listed.deadline("notice_breach_production"))
        #expect(Instant.format(capped.due) == "2026-06-03T14:00:00+01:00")
        #expect(capped.cappedBy == "listed_for")
        let relisted = try national.fire(
            listed, "adjourn_hearing", at: "2026-06-03T13:00:00+01:00",
            data: ["listed_for": "2026-06-04T10:00:00+01:00", "reason": "no bench"])
        let back = try #require(relisted.deadline("notice_breach_production"))
        #expect(Instant.format(back.due) == "2026-06-03T20:00:00+01:00")
        #expect(back.cappedBy == nil)
        #expect(back.status == .pending)
    }

    @Test(arguments: ["adjourn_hearing", "grant_order", "refuse_order"])
    func onlyProductionMeetsTheNoticeBreachClock(event: String) throws {
        let national = try NationalProcedure()
        let hearing = try national.caseIn("hearing")
        let arrested = try national.fire(hearing, "report_notice_breach", at: "2026-05-01T14:00:00+01:00")
        let decided = try national.fire(arrested, event, at: "2026-05-01T15:00:00+01:00")
        #expect(decided.deadline("notice_breach_production")?.status != .met)
        let produced = try national.fire(arrested, "record_production", at: "2026-05-01T15:00:00+01:00")
        #expect(produced.deadline("notice_breach_production")?.status == .met)
    }

    @Test func aProductionDeadlineLeftPendingByTheOrderIsProducedOrRecordedMissedByTheClock() throws {
        let national = try NationalProcedure()
        let arrested = try national.fire(try national.caseIn("hearing"), "report_notice_breach", at: "2026-05-01T14:00:00+01:00")
        let granted = try national.fire(arrested, "grant_order", at: "2026-05-01T15:00:00+01:00")
        let pending = try #require(granted.deadline("notice_breach_production"))
        #expect(pending.status == .pending)
        let produced = try national.fire(granted, "record_production", at: "2026-05-01T15:10:00+01:00")
        #expect(produced.deadline("notice_breach_production")?.status == .met)
        let tick = try #require(national.engine.clockRequest(for: pending, on: granted))
        let missed = try national.engine.transition(granted, tick).snapshot
        #expect(missed.state == "order_in_force")
        #expect(missed.deadline("notice_breach_production")?.status == .missed)
    }

    /// A notice served on Fri 1 May 2026 11:00 whose hearing deadline (Tue 5 May 11:00) was missed.
    static func missedHearing(_ national: NationalProcedure) throws -> CaseSnapshot {
        let served = try national.caseIn("notice_served")
        let deadline = try #require(served.deadline("hearing"))
        let tick = try #require(national.engine.clockRequest(for: deadline, on: served))
        return try national.engine.transition(served, tick).snapshot
    }

    @Test func aLapsedNoticeCannotBeEnforcedAndDecisionsComeFromTheWorkflowsList() throws {
        let national = try NationalProcedure()
        let missed = try Self.missedHearing(national)
        #expect(
            throws: WorkflowError.badInput(
                "field \"decision\" of record_deadline_decision must be one of: notice_continues, notice_lapsed, perpetrator_released; got text"
            )
        ) {
            try national.fire(
                missed, "record_deadline_decision", at: "2026-05-05T12:00:00+01:00", role: "inspector",
                data: ["clock": "hearing", "decision": "notice lapsed"])
        }
        let lapsed = try national.fire(
            missed, "record_deadline_decision", at: "2026-05-05T12:00:00+01:00", role: "inspector",
            data: ["clock": "hearing", "decision": "notice_lapsed"])
        #expect(lapsed.deadline("hearing")?.decision == "notice_lapsed")
        #expect(lapsed.data["notice_lapsed"] == true)
        #expect(
            throws: WorkflowError.refused(
                "report_notice_breach refused by rule notice_in_effect (\(NationalProcedure.rule("notice_in_effect"))): the notice lapsed (decision recorded 2026-05-05T12:00:00+01:00); there is no power of arrest for breaching it (CSA 2010 s.26(1))"
            )
        ) { try national.fire(lapsed, "report_notice_breach", at: "2026-05-05T13:00:00+01:00") }
        let continues = try national.fire(
            missed, "record_deadline_decision", at: "2026-05-05T12:00:00+01:00", role: "inspector",
            data: ["clock": "hearing", "decision": "notice_continues"])
        #expect(try national.fire(continues, "report_notice_breach", at: "2026-05-05T13:00:00+01:00").data["notice_breaches"] == 1)
    }

    @Test func aHearingListedAfterThe48HoursIsAcceptedWithAWarning() throws {
        let national = try NationalProcedure()
        let served = try national.caseIn("notice_served")
        var request = NationalProcedure.request("apply_for_order", step: 3, data: ["court": "Colchester", "listed_for": "2026-05-05T14:00:00+01:00"])
        let late = try national.engine.transition(served, request)
        #expect(late.snapshot.state == "hearing")
        #expect(
            Self.warnings(late) == [
                "the hearing is listed for 2026-05-05T14:00:00+01:00, after the 48 hours end at 2026-05-05T11:00:00+01:00 (CSA 2010 s.27(3))"
            ])
        #expect(late.snapshot.data["warnings"] == nil)
        request.data["listed_for"] = "2026-05-05T10:00:00+01:00"
        #expect(Self.warnings(try national.engine.transition(served, request)).isEmpty)
    }

    @Test(arguments: ["order_in_force", "breach"])
    func thePoliceCannotCloseACaseWhileTheOrderIsInForce(state: String) throws {
        let national = try NationalProcedure()
        let snapshot = try national.caseIn(state)
        #expect(
            throws: WorkflowError.refused(
                "close refused by rule no_order_in_force (\(NationalProcedure.rule("no_order_in_force"))): an order is in force until 2026-05-28T23:59:59.999+01:00 and the police cannot discharge it (CSA 2010 s.28(10)); expected the case to end with expire_order"
            )
        ) { try national.fire(snapshot, "close", at: "2026-05-02T12:00:00Z", role: "chief_constable", data: ["reason": "withdrawn"]) }
    }

    @Test func closingAServedNoticeNeedsAnInspectorAndRecordsTheHearingMissed() throws {
        let national = try NationalProcedure()
        let served = try national.caseIn("notice_served")
        #expect(
            throws: WorkflowError.refused(
                "close refused by rule inspector_after_service (\(NationalProcedure.rule("inspector_after_service"))): closing a served notice without an application needs an inspector or above (CSA 2010 s.27(1)); the actor's role is sergeant"
            )
        ) { try national.fire(served, "close", at: "2026-05-02T12:00:00Z", role: "sergeant", data: ["reason": "victim moved"]) }
        let closed = try national.fire(served, "close", at: "2026-05-02T12:00:00Z", role: "inspector", data: ["reason": "victim moved"])
        #expect(closed.state == "closed")
        let hearing = try #require(closed.deadline("hearing"))
        #expect(hearing.status == .missed)
        #expect(hearing.settledBy == "close")
        // A missed deadline on a closed case can still be decided.
        let decided = try national.fire(
            closed, "record_deadline_decision", at: "2026-05-03T12:00:00Z", role: "inspector",
            data: ["clock": "hearing", "decision": "notice_lapsed"])
        #expect(decided.state == "closed")
        #expect(decided.deadline("hearing")?.decision == "notice_lapsed")
        #expect(!decided.deadline("hearing")!.needsDecision)
    }

    @Test(arguments: ["committed", "fined", "no_penalty"])
    func noPenaltyOnceThe24HoursToProduceThePerpetratorHavePassed(result: String) throws {
        let national = try NationalProcedure()
        let arrested = try national.fire(try Self.granted(national), "report_breach", at: "2026-06-05T20:00:00+01:00")
        #expect(arrested.deadline("breach_production").map { Instant.format($0.due) } == "2026-06-06T20:00:00+01:00")
        #expect(
            throws: WorkflowError.refused(
                "breach_outcome refused by rule produced_in_time (\(NationalProcedure.rule("produced_in_time"))): the 24 hours to bring the perpetrator before the court ended at 2026-06-06T20:00:00+01:00 (CSA 2010 s.29(1)); expected result released_out_of_time, not \(result)"
            )
        ) { try national.fire(arrested, "breach_outcome", at: "2026-06-06T20:03:00+01:00", data: ["result": .string(result)]) }
        let released = try national.fire(arrested, "breach_outcome", at: "2026-06-06T20:03:00+01:00", data: ["result": "released_out_of_time"])
        #expect(released.state == "order_in_force")
        let inTime = try national.fire(arrested, "breach_outcome", at: "2026-06-06T19:00:00+01:00", data: ["result": .string(result)])
        #expect(inTime.state == "order_in_force")
    }

    @Test func premisesConditionsNeedSharedPremises() throws {
        let national = try NationalProcedure()
        let opened = try national.caseIn("incident")
        var data = NationalProcedure.validData["authorise_notice"]!
        data["premises_conditions"] = true
        data["other_residents_opinion"] = "none live there"
        #expect(
            throws: WorkflowError.badInput(
                "authorise_notice needs field \"shares_premises\": expected true or false (required when premises_conditions is true)"
            )
        ) { try national.fire(opened, "authorise_notice", at: "2026-05-01T12:00:00Z", data: data) }
        data["shares_premises"] = false
        #expect(
            throws: WorkflowError.refused(
                "authorise_notice refused by rule premises_shared (\(NationalProcedure.rule("premises_shared"))): premises conditions need the perpetrator and the victim to live in the same premises (CSA 2010 s.24(8)); expected shares_premises = true, or premises_conditions = false"
            )
        ) { try national.fire(opened, "authorise_notice", at: "2026-05-01T12:00:00Z", data: data) }
        data["shares_premises"] = true
        #expect(try national.fire(opened, "authorise_notice", at: "2026-05-01T12:00:00Z", data: data).state == "notice_authorised")
    }

    @Test(arguments: [
        ("national", "2014-03-07T12:00:00Z", false), ("national", "2014-03-08T12:00:00Z", true),
        ("essex", "2013-01-10T12:00:00Z", false), ("greater_manchester", "2011-06-29T12:00:00Z", false),
        ("greater_manchester", "2011-07-01T12:00:00Z", true), ("wiltshire", "2012-01-10T12:00:00Z", true),
    ])
    func noNoticeBeforeTheRegimeBeganInTheForce(force: String, at: String, allowed: Bool) throws {
        let procedure = try ForceProcedure(force)
        var incident = NationalProcedure.validData["report_incident"]!
        incident["perpetrator_dob"] = "1980-01-01"
        let opened = try procedure.fire(nil, "report_incident", at, incident)
        let from = ["national": "2014-03-08", "essex": "2014-03-08"][force] ?? "2011-06-30"
        do throws(WorkflowError) {
            let authorised = try procedure.fire(opened, "authorise_notice", at, role: "superintendent", NationalProcedure.validData["authorise_notice"]!)
            #expect(allowed)
            #expect(authorised.state == "notice_authorised")
        } catch {
            #expect(!allowed)
            #expect(
                error
                    == .refused(
                        "authorise_notice refused by rule regime_commenced (\(NationalProcedure.rule("regime_commenced"))): DVPNs could be authorised in force \(force) only from \(from) (CSA 2010 s.24(1), commencement); expected an authorisation on or after it"
                    ))
        }
    }

    @Test func theAgeRefusalCitesSection24Subsection2() throws {
        let text = try String(contentsOf: Scripts.shipped.root.appendingPathComponent("Workflows/dvpo.lua"), encoding: .utf8)
        #expect(text.contains("must be 18 or over on the day of authorisation (CSA 2010 s.24(2))"))
        #expect(!text.contains("domain.md"))
    }

    @Test func noShippedScriptCitesTheResearchNotes() throws {
        let root = Scripts.shipped.root
        let files =
            ["Workflows/dvpo.lua", "Calendars/england-and-wales.json", "README.md", "docs/law.md"]
            + ["essex", "greater_manchester", "humberside", "order_lengths", "west_mercia", "wiltshire"].map { "Plugins/\($0)/plugin.lua" }
        for file in files {
            let text = try String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)
            #expect(!text.contains("domain.md"), "\(file) cites domain.md")
        }
    }
}
