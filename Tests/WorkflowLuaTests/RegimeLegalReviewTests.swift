import Foundation
import Testing
import WorkflowCore
import WorkflowLua

/// Drives cases through one shipped workflow (dapo, restraining_order) with the engine alone.
struct ShippedWorkflow {
    let engine: TransitionEngine

    init(_ workflow: String) throws {
        engine = try Procedure.load(from: Scripts.shipped).engine(for: workflow, procedure: "test")
    }

    func fire(
        _ snapshot: CaseSnapshot?, _ event: String, at: String, role: String = "constable", _ data: [String: Value] = [:]
    ) throws(WorkflowError) -> CaseSnapshot {
        let request = TransitionRequest(
            caseID: "R1", event: event, at: Instant.parse(at)!, actor: Actor(id: "PC1", role: role), data: data, force: "national")
        return try engine.transition(snapshot, request).snapshot
    }

    func refusal(_ snapshot: CaseSnapshot?, _ event: String, at: String, role: String = "constable", _ data: [String: Value] = [:]) -> String? {
        do {
            _ = try fire(snapshot, event, at: at, role: role, data)
            return nil
        } catch {
            return error.kind == .refused ? error.message : "\(error.kind): \(error.message)"
        }
    }
}

/// The defects a legal review found in the DAPO and restraining order workflows.
@Suite("Workflows/dapo.lua and restraining_order.lua: the legal review")
struct RegimeLegalReviewTests {
    let dapo: ShippedWorkflow
    let ro: ShippedWorkflow

    init() throws {
        dapo = try ShippedWorkflow("dapo")
        ro = try ShippedWorkflow("restraining_order")
    }

    func incident(route: String, perpetrator: String = "1985-03-02", victim: String = "1990-01-10") throws -> CaseSnapshot {
        try dapo.fire(
            nil, "report_incident", at: "2026-02-02T09:00:00Z",
            [
                "route": .string(route), "perpetrator_dob": .string(perpetrator), "victim_dob": .string(victim),
                "relationship": "intimate_relationship", "abuse": "economic",
            ])
    }

    func served() throws -> CaseSnapshot {
        var s = try incident(route: "police_notice")
        s = try dapo.fire(
            s, "authorise_notice", at: "2026-02-02T10:00:00Z", role: "inspector",
            [
                "grounds": "g", "victim_opinion": "v", "children_welfare": "c", "perpetrator_representations": "none made",
                "premises_conditions": false,
            ])
        return try dapo.fire(s, "serve_notice", at: "2026-02-02T11:00:00Z", ["hearing_address": "1 High Street", "service_accommodation": false])
    }

    func order(endsOn: String? = "2026-03-31") throws -> CaseSnapshot {
        var s = try incident(route: "victim")
        s = try dapo.fire(s, "apply_for_order", at: "2026-02-02T10:00:00Z", ["court": "Teesside", "listed_for": "2026-02-03T10:00:00Z"])
        return try dapo.fire(s, "grant_order", at: "2026-02-03T11:00:00Z", endsOn.map { ["ends_on": .string($0)] } ?? [:])
    }

    func restrainingOrder() throws -> CaseSnapshot {
        try ro.fire(
            nil, "record_order", at: "2026-02-03T11:00:00Z",
            [
                "basis": "conviction", "court": "Teesside Crown Court", "terms": "no contact", "ends_on": "2026-03-31",
            ])
    }

    // Item 2: the ages apply to the order on every route, not only after a police notice.
    @Test func anOrderOnAnApplicationWithoutANoticeNeedsTheAges() throws {
        for (perpetrator, victim, message) in [
            ("2010-01-01", "1990-01-10", "the perpetrator must be 18 or over on the day the order is made (DA 2021 s.32)"),
            ("1985-03-02", "2012-05-05", "the person to be protected must be 16 or over on the day the order is made (DA 2021 s.32)"),
        ] {
            var s = try incident(route: "third_party", perpetrator: perpetrator, victim: victim)
            s = try dapo.fire(s, "apply_for_order", at: "2026-02-02T10:00:00Z", ["court": "Teesside", "listed_for": "2026-02-03T10:00:00Z"])
            let refusal = dapo.refusal(s, "grant_order", at: "2026-02-03T11:00:00Z")
            #expect(refusal?.contains(message) == true, "\(refusal ?? "granted")")
            #expect(try dapo.fire(s, "refuse_order", at: "2026-02-03T11:00:00Z", ["reason": "under age"]).state == "refused")
        }
        #expect(try order().state == "order_in_force")
    }

    // Item 3: only a court ends an order in force.
    @Test func closeIsRefusedWhileAnOrderIsInForceOrInBreach() throws {
        let inForce = try order()
        let inBreach = try dapo.fire(inForce, "report_breach", at: "2026-02-10T11:00:00Z", ["requirement_breached": "no_contact"])
        for s in [inForce, inBreach] {
            #expect(
                dapo.refusal(s, "close", at: "2026-02-11T11:00:00Z", role: "superintendent", ["reason": "r"])?
                    .contains("an order is in force and only the court can end it (DA 2021 s.44, s.46)") == true)
            #expect(try dapo.fire(s, "discharge_order", at: "2026-02-11T11:00:00Z", ["applicant": "victim", "reason": "r"]).state == "discharged")
        }
        let roInForce = try restrainingOrder()
        let roInBreach = try ro.fire(roInForce, "report_breach", at: "2026-02-10T11:00:00Z")
        for s in [roInForce, roInBreach] {
            #expect(
                ro.refusal(s, "close", at: "2026-02-11T11:00:00Z", role: "sergeant", ["reason": "r"])?
                    .contains("an order is in force and only the court can end it (Sentencing Act 2020 s.362; PHA 1997 s.5(4))") == true)
        }
    }

    // Item 4: a given notice is closed by an inspector, never while a production is due; a
    // deadline missed before the case closed can still be decided.
    @Test func closingAGivenNoticeNeedsAnInspectorAndNoOneAwaitingProduction() throws {
        let s = try served()
        #expect(
            dapo.refusal(s, "close", at: "2026-02-02T12:00:00Z", ["reason": "r"])?
                .contains("closing a given notice without an application needs an inspector or above (DA 2021 s.28); the actor's role is constable") == true)
        let arrested = try dapo.fire(s, "report_notice_breach", at: "2026-02-02T13:00:00Z")
        #expect(
            dapo.refusal(arrested, "close", at: "2026-02-02T14:00:00Z", role: "inspector", ["reason": "r"])?
                .contains("the perpetrator arrested for breaching the notice must be brought before the court by") == true)
        let produced = try dapo.fire(arrested, "record_production", at: "2026-02-02T15:00:00Z", ["court": "Teesside"])
        let closed = try dapo.fire(produced, "close", at: "2026-02-02T16:00:00Z", role: "inspector", ["reason": "withdrawn"])
        #expect(closed.state == "closed")
        let decided = try dapo.fire(
            closed, "record_deadline_decision", at: "2026-02-05T16:00:00Z", role: "inspector",
            ["clock": "hearing", "decision": "no application: withdrawn"])
        #expect(decided.state == "closed")
    }

    // Item 5: an order in breach still reaches its end.
    @Test func anOrderInBreachExpiresAtItsEnd() throws {
        let inBreach = try dapo.fire(try order(), "report_breach", at: "2026-03-20T11:00:00Z", ["requirement_breached": "no_contact"])
        #expect(dapo.refusal(inBreach, "expire_order", at: "2026-03-31T12:00:00+01:00")?.contains("the order is in force until") == true)
        #expect(try dapo.fire(inBreach, "expire_order", at: "2026-04-01T00:00:00+01:00", role: "engine").state == "expired")
        let roInBreach = try ro.fire(try restrainingOrder(), "report_breach", at: "2026-03-20T11:00:00Z")
        #expect(try ro.fire(roInBreach, "expire_order", at: "2026-04-01T00:00:00+01:00", role: "engine").state == "expired")
    }

    // Item 6: only the initial notification meets the initial clock.
    @Test func aChangeNotificationDoesNotMeetTheInitialClock() throws {
        let s = try order()
        #expect(
            dapo.refusal(s, "record_notification", at: "2026-02-04T11:00:00Z", ["notified": "change"])?
                .contains("the initial notification (DA 2021 s.41) is due by") == true)
        let initial = try dapo.fire(s, "record_notification", at: "2026-02-04T11:00:00Z", ["notified": "initial"])
        #expect(initial.deadlines.first(where: { $0.clock == "notification" })?.status == .met)
        let changed = try dapo.fire(initial, "record_change", at: "2026-02-10T11:00:00Z", ["change": "home_address"])
        let notified = try dapo.fire(changed, "record_notification", at: "2026-02-11T11:00:00Z", ["notified": "change"])
        #expect(notified.deadlines.first(where: { $0.clock == "change_notification" })?.status == .met)
    }

    // Item 7: the court may vary an order whose breach is being dealt with.
    @Test func anOrderInBreachMayBeVaried() throws {
        let roInBreach = try ro.fire(try restrainingOrder(), "report_breach", at: "2026-03-01T11:00:00Z")
        let varied = try ro.fire(
            roInBreach, "vary_order", at: "2026-03-02T11:00:00Z",
            ["applicant": "victim", "variation": "longer", "ends_on": "2026-06-30"])
        #expect(varied.state == "breach")
        #expect(varied.data["variations"] == .integer(1))
    }
}
