import Foundation
import Testing
import WorkflowCore
import WorkflowLua

@Suite("Workflows/dvpo.lua: the national vocabulary and the statute's rules")
struct NationalProcedureTests {
    /// Every allowed move of design.md's vocabulary: (state, event, state reached).
    static let allowedMoves: [(String, String, String)] = [
        ("incident", "authorise_notice", "notice_authorised"), ("incident", "close", "closed"),
        ("notice_authorised", "serve_notice", "notice_served"), ("notice_authorised", "close", "closed"),
        ("notice_served", "apply_for_order", "hearing"), ("notice_served", "report_notice_breach", "notice_served"),
        ("notice_served", "record_production", "notice_served"), ("notice_served", "close", "closed"),
        ("hearing", "adjourn_hearing", "hearing"), ("hearing", "hearing_began", "hearing"), ("hearing", "report_notice_breach", "hearing"),
        ("hearing", "grant_order", "order_in_force"), ("hearing", "refuse_order", "refused"), ("hearing", "record_production", "hearing"),
        ("hearing", "close", "closed"),
        ("order_in_force", "record_visit", "order_in_force"), ("order_in_force", "report_breach", "breach"),
        ("order_in_force", "expire_order", "expired"), ("order_in_force", "record_production", "order_in_force"),
        ("breach", "breach_outcome", "order_in_force"), ("breach", "record_production", "breach"), ("breach", "record_visit", "breach"),
        ("breach", "report_breach", "breach"), ("breach", "expire_order", "expired"), ("expired", "record_production", "expired"),
    ]

    /// Moves the vocabulary declares that a rule refuses on these paths: closing while an order is in
    /// force (CSA 2010 s.28(10)), a breach outcome with no breach in court (before or after the order's
    /// end), and a breach arrest after the end (s.28(9)).
    static let guardedMoves: [(String, String)] = [
        ("order_in_force", "close"), ("breach", "close"), ("order_in_force", "breach_outcome"), ("expired", "breach_outcome"),
        ("expired", "report_breach"),
    ]

    /// One refused move for each state, with the exact message.
    static let refusedMoves: [(String, String, String)] = [
        ("incident", "grant_order", "grant_order is not allowed in state incident; allowed there: authorise_notice, correct_record, close"),
        (
            "notice_authorised", "apply_for_order",
            "apply_for_order is not allowed in state notice_authorised; allowed there: serve_notice, correct_record, close"
        ),
        (
            "notice_served", "grant_order",
            "grant_order is not allowed in state notice_served; allowed there: apply_for_order, report_notice_breach, record_production, record_deadline_decision, correct_record, close"
        ),
        (
            "hearing", "record_visit",
            "record_visit is not allowed in state hearing; allowed there: adjourn_hearing, hearing_began, report_notice_breach, grant_order, refuse_order, record_production, record_deadline_decision, correct_record, close"
        ),
        (
            "order_in_force", "report_notice_breach",
            "report_notice_breach is not allowed in state order_in_force; allowed there: record_visit, report_breach, breach_outcome, expire_order, record_production, record_deadline_decision, correct_record, close"
        ),
        (
            "breach", "grant_order",
            "grant_order is not allowed in state breach; allowed there: record_visit, report_breach, breach_outcome, expire_order, record_production, record_deadline_decision, correct_record, close"
        ),
        ("expired", "close", "case N1 is expired, a final state; expected no further events"),
        ("refused", "grant_order", "case N1 is refused, a final state; expected no further events"),
        ("closed", "authorise_notice", "case N1 is closed, a final state; expected no further events"),
    ]

    @Test(arguments: allowedMoves)
    func everyAllowedMoveReachesItsState(from: String, event: String, to: String) throws {
        let national = try NationalProcedure()
        let snapshot = try national.caseIn(from)
        let step = NationalProcedure.paths[from]!.count
        // Closing a served notice needs an inspector (CSA 2010 s.27(1)).
        let role = event == "close" && from == "notice_served" ? "inspector" : nil
        var request = NationalProcedure.request(event, step: step, role: role)
        request.at = max(request.at, snapshot.updatedAt.addingTimeInterval(60))  // after an expiry, 40 days on
        let after = try national.engine.transition(snapshot, request).snapshot
        #expect(after.state == to)
        #expect(after.version == snapshot.version + 1)
    }

    @Test(arguments: ["incident", "notice_authorised", "notice_served", "hearing", "order_in_force", "breach", "expired", "refused", "closed"])
    func theEventsAllowedInEachStateAreExactlyTheVocabularys(state: String) throws {
        let national = try NationalProcedure()
        // record_deadline_decision is tested with the clocks (it needs a missed deadline), and
        // correct_record with corrections (it needs a field to correct).
        let allowed = national.engine.workflow.eventsForPeople(in: state).map(\.name)
            .filter { $0 != "record_deadline_decision" && $0 != "correct_record" }.sorted()
        let declared = Self.allowedMoves.filter { $0.0 == state }.map(\.1) + Self.guardedMoves.filter { $0.0 == state }.map(\.1)
        #expect(allowed == declared.sorted())
    }

    @Test(arguments: refusedMoves)
    func oneRefusedMoveForEachState(state: String, event: String, message: String) throws {
        let national = try NationalProcedure()
        let snapshot = try national.caseIn(state)
        let step = NationalProcedure.paths[state]!.count
        #expect(throws: WorkflowError.refused(message)) {
            try national.engine.transition(snapshot, NationalProcedure.request(event, step: step))
        }
    }

    @Test func aPerpetratorWhoTurns18ByTheLocalDayOfAuthorisationMayBeServed() throws {
        let national = try NationalProcedure()
        var incident = NationalProcedure.validData["report_incident"]!
        incident["perpetrator_dob"] = "2008-05-24"
        let opened = try national.engine.transition(
            nil,
            {
                var r = NationalProcedure.request("report_incident", step: 0, data: incident)
                r.at = Instant.parse("2026-05-23T20:00:00+01:00")!
                return r
            }()
        ).snapshot
        // 23:30 on 23 May in London: still 17.
        #expect(
            throws: WorkflowError.refused(
                "authorise_notice refused by rule perpetrator_adult (\(NationalProcedure.rule("perpetrator_adult"))): the perpetrator must be 18 or over on the day of authorisation (CSA 2010 s.24(2))"
            )
        ) { try national.fire(opened, "authorise_notice", at: "2026-05-23T22:30:00Z") }
        // 00:30 BST on 24 May is 23:30 UTC on the 23rd: the London day decides, and he is 18.
        let authorised = try national.fire(opened, "authorise_notice", at: "2026-05-23T23:30:00Z")
        #expect(authorised.state == "notice_authorised")
        #expect(authorised.data["authorised_at"] == "2026-05-23T23:30:00.000Z")
    }

    @Test func aNoticeNeedsViolenceOrAThreat() throws {
        let national = try NationalProcedure()
        var incident = NationalProcedure.validData["report_incident"]!
        incident["violence"] = "none"
        let opened = try national.engine.transition(nil, NationalProcedure.request("report_incident", step: 0, data: incident)).snapshot
        #expect(
            throws: WorkflowError.refused(
                "authorise_notice refused by rule violence_or_threat (\(NationalProcedure.rule("violence_or_threat"))): a DVPN needs violence used or threatened towards the victim (CSA 2010 s.24(2)); the incident records none"
            )
        ) { try national.fire(opened, "authorise_notice", at: "2026-05-01T12:00:00Z") }
    }

    @Test func onlyASuperintendentOrAboveMayAuthorise() throws {
        let national = try NationalProcedure()
        let opened = try national.caseIn("incident")
        #expect(throws: WorkflowError.refused("authorise_notice refused by rule who (\(NationalProcedure.event("authorise_notice"))): needs superintendent or above (Crime and Security Act 2010 s.24(1)); PC1 holds chief_inspector")) {
            try national.fire(opened, "authorise_notice", at: "2026-05-01T12:00:00Z", role: "chief_inspector")
        }
        let byChief = try national.fire(opened, "authorise_notice", at: "2026-05-01T12:00:00Z", role: "chief_superintendent")
        #expect(byChief.state == "notice_authorised")
    }

    @Test func premisesConditionsNeedTheOtherResidentsOpinion() throws {
        let national = try NationalProcedure()
        let opened = try national.caseIn("incident")
        var data = NationalProcedure.validData["authorise_notice"]!
        data["premises_conditions"] = true
        #expect(
            throws: WorkflowError.badInput(
                "authorise_notice needs field \"other_residents_opinion\": expected text (required when premises_conditions is true)"
            )
        ) { try national.fire(opened, "authorise_notice", at: "2026-05-01T12:00:00Z", data: data) }
        data.removeValue(forKey: "victim_opinion")
        data["other_residents_opinion"] = "none live there"
        data["shares_premises"] = true
        #expect(throws: WorkflowError.badInput("authorise_notice needs field \"victim_opinion\": expected text")) {
            try national.fire(opened, "authorise_notice", at: "2026-05-01T12:00:00Z", data: data)
        }
    }

    @Test func serviceNeedsAnAddressForTheHearingOrItsRefusal() throws {
        let national = try NationalProcedure()
        let authorised = try national.caseIn("notice_authorised")
        #expect(
            throws: WorkflowError.badInput(
                "serve_notice needs field \"hearing_address\": expected text (required unless address_refused is true)"
            )
        ) { try national.fire(authorised, "serve_notice", at: "2026-05-01T12:00:00Z", data: [:]) }
        let served = try national.fire(authorised, "serve_notice", at: "2026-05-01T12:00:00Z", data: ["address_refused": true])
        #expect(served.data["served_at"] == "2026-05-01T12:00:00.000Z")
    }

    @Test(arguments: [(13, false), (14, true), (21, true), (28, true), (29, false)])
    func anOrderLasts14To28Days(days: Int, allowed: Bool) throws {
        let national = try NationalProcedure()
        let hearing = try national.caseIn("hearing")
        do throws(WorkflowError) {
            let granted = try national.fire(hearing, "grant_order", at: "2026-06-01T11:00:00+01:00", data: ["days": .integer(days)])
            #expect(allowed)
            #expect(granted.data["order_made_on"] == "2026-06-01")
            #expect(
                granted.deadline("order_end").map { Instant.format($0.due) }
                    == Instant.format(OrderPeriod.end(madeOn: LocalDate(iso: "2026-06-01")!, days: days)))
        } catch {
            #expect(!allowed)
            #expect(
                error
                    == .refused(
                        "grant_order refused by rule order_period_14_to_28 (\(NationalProcedure.rule("order_period_14_to_28"))): an order must last from 14 to 28 days (CSA 2010 s.28(10)); days must be 14 to 28"
                    ))
        }
    }

    @Test func anOrderExpiresOnlyAtTheEndOfItsLastDay() throws {
        let national = try NationalProcedure()
        let hearing = try national.caseIn("hearing")
        let granted = try national.fire(hearing, "grant_order", at: "2026-06-01T11:00:00+01:00", data: ["days": 28])
        #expect(
            throws: WorkflowError.refused(
                "expire_order refused by rule order_period_over (\(NationalProcedure.rule("order_period_over"))): the order is in force until 2026-06-28T23:59:59.999+01:00 (CSA 2010 s.28(10)); expire_order is allowed only at or after its end"
            )
        ) { try national.fire(granted, "expire_order", at: "2026-06-28T23:59:00+01:00") }
        let expired = try national.fire(granted, "expire_order", at: "2026-06-28T23:59:59.999+01:00")
        #expect(expired.state == "expired")
        #expect(expired.deadline("order_end")?.status == .met)
    }

    @Test func closingNeedsAReasonAndRecordsAnUnheardApplicationsDeadlineMissed() throws {
        let national = try NationalProcedure()
        let hearing = try national.caseIn("hearing")
        #expect(throws: WorkflowError.badInput("close needs field \"reason\": expected text")) {
            try national.fire(hearing, "close", at: "2026-05-02T12:00:00Z", data: [:])
        }
        let closed = try national.fire(hearing, "close", at: "2026-05-02T12:00:00Z", data: ["reason": "withdrawn"])
        #expect(closed.deadline("hearing")?.status == .missed)
        #expect(closed.deadline("hearing")?.needsDecision == true)
    }

    @Test func aBreachOutcomeReturnsToTheOrderWhichStillEndsOnItsDate() throws {
        let national = try NationalProcedure()
        let breach = try national.caseIn("breach")
        let due = breach.deadline("order_end")?.due
        let after = try national.fire(breach, "breach_outcome", at: "2026-05-02T12:00:00Z", data: ["result": "committed"])
        #expect(after.state == "order_in_force")
        #expect(after.deadline("order_end")?.due == due)
        #expect(after.data["order_breaches"] == 1)
    }
}

@Suite("Workflows/dvpo.lua: its clocks")
struct NationalClockTests {
    @Test func theHearingClockStartsAtServiceAndIsMetByTheHearing() throws {
        let national = try NationalProcedure()
        let served = try national.fire(try national.caseIn("notice_authorised"), "serve_notice", at: "2026-05-23T10:00:00+01:00")
        let hearing = try #require(served.deadline("hearing"))
        #expect(Instant.format(hearing.due) == "2026-05-27T10:00:00+01:00")
        #expect(hearing.tableVersion == "ew-2026-11-21")
        // Listed after service (a listing before it is refused: CSA 2010 s.27(1), (3)).
        let applied = try national.fire(
            served, "apply_for_order", at: "2026-05-26T09:00:00+01:00", data: ["court": "Colchester", "listed_for": "2026-05-27T10:00:00+01:00"])
        let late = try national.fire(applied, "grant_order", at: "2026-05-27T10:30:00+01:00")
        #expect(late.deadline("hearing")?.status == .missed)
        let onTime = try national.fire(applied, "refuse_order", at: "2026-05-27T09:30:00+01:00")
        #expect(onTime.deadline("hearing")?.status == .met)
    }

    @Test func aNoticeBreachMustBeProducedWithin24HoursOrAtTheHearingIfSooner() throws {
        let national = try NationalProcedure()
        // Arrested Saturday evening before the early May bank holiday, no hearing listed yet.
        let served = try national.fire(try national.caseIn("notice_authorised"), "serve_notice", at: "2026-05-02T09:00:00+01:00")
        let arrested = try national.fire(served, "report_notice_breach", at: "2026-05-02T20:00:00+01:00")
        let production = try #require(arrested.deadline("notice_breach_production"))
        #expect(Instant.format(production.due) == "2026-05-05T20:00:00+01:00")
        #expect(production.cappedBy == nil)
        // With the hearing listed for Tuesday 10:00, sooner than the 24 hours, the hearing is the deadline.
        let listed = try national.fire(
            served, "apply_for_order", at: "2026-05-02T12:00:00+01:00",
            data: ["court": "Chelmsford", "listed_for": "2026-05-05T10:00:00+01:00"])
        let arrestedAgain = try national.fire(listed, "report_notice_breach", at: "2026-05-02T20:00:00+01:00")
        let capped = try #require(arrestedAgain.deadline("notice_breach_production"))
        #expect(Instant.format(capped.due) == "2026-05-05T10:00:00+01:00")
        #expect(capped.cappedBy == "listed_for")
        let produced = try national.fire(arrestedAgain, "record_production", at: "2026-05-05T09:00:00+01:00")
        #expect(produced.deadline("notice_breach_production")?.status == .met)
    }

    @Test func anOrderBreachMustBeProducedWithin24Hours() throws {
        let national = try NationalProcedure()
        let inForce = try national.caseIn("order_in_force")
        let arrested = try national.fire(inForce, "report_breach", at: "2026-05-23T20:00:00+01:00")
        #expect(arrested.deadline("breach_production").map { Instant.format($0.due) } == "2026-05-26T20:00:00+01:00")
        let released = try national.fire(arrested, "breach_outcome", at: "2026-05-26T20:03:00+01:00", data: ["result": "released_out_of_time"])
        #expect(released.deadline("breach_production")?.status == .missed)
    }
}
