import Foundation
import Testing
import WorkflowCore
import WorkflowLua

/// `correct_record` corrects: the value has the field's own type and declaration, the statute's
/// limit on it holds, the clocks computed from it move, and what the procedure itself recorded is
/// corrected by voiding the event instead.
@Suite("Workflows/dvpo.lua: corrections")
struct CorrectionTests {
    /// The line of `Workflows/dvpo.lua` that starts with `prefix`.
    static func line(_ prefix: String) -> String {
        let text = try! String(contentsOf: Scripts.shipped.root.appendingPathComponent("Workflows/dvpo.lua"), encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        return "Workflows/dvpo.lua:\(lines.firstIndex { $0.hasPrefix(prefix) }! + 1)"
    }

    static func correction(_ field: String, _ value: Value, reason: String = "wrong on the form") -> [String: Value] {
        ["corrected_field": .string(field), "corrected_value": value, "correction_reason": .string(reason)]
    }

    func correct(
        _ snapshot: CaseSnapshot, _ field: String, _ value: Value, role: String = "sergeant", national: NationalProcedure
    ) throws(WorkflowError) -> Transition {
        var request = NationalProcedure.request("correct_record", step: 0, role: role, data: Self.correction(field, value))
        request.at = Instant.parse("2026-05-02T12:00:00+01:00")!
        return try national.engine.transition(snapshot, request)
    }

    @Test func aCorrectionIsANewEventWithAReason() throws {
        let national = try NationalProcedure()
        let served = try national.caseIn("notice_served")
        #expect(throws: WorkflowError.badInput("correct_record needs field \"correction_reason\": expected text")) {
            try national.fire(
                served, "correct_record", at: "2026-05-02T12:00:00Z", role: "sergeant",
                data: ["corrected_field": "hearing_address", "corrected_value": "2 High Street"])
        }
        let corrected = try correct(served, "hearing_address", "2 High Street", national: national)
        #expect(corrected.snapshot.data["hearing_address"] == "2 High Street")
        #expect(corrected.snapshot.state == "notice_served")
        // Which field, and why, stay on the event; the case holds the value only.
        #expect(corrected.data["correction_reason"] == "wrong on the form")
        #expect(corrected.snapshot.data.keys.filter { $0.hasPrefix("correct") }.isEmpty)
    }

    @Test func aCorrectionBelowASergeantIsRefusedNamingItsRule() throws {
        let national = try NationalProcedure()
        let served = try national.caseIn("notice_served")
        #expect(
            throws: WorkflowError.refused(
                "correct_record refused by rule who (\(Self.line("dvpo:event(\"correct_record\""))): needs sergeant or above (record-keeping, not in the Act); PC1 holds constable"
            )
        ) {
            try correct(served, "hearing_address", "2 High Street", role: "constable", national: national)
        }
    }

    @Test func correctingTheOrderPeriodMovesTheOrdersEnd() throws {
        let national = try NationalProcedure()
        let inForce = try national.caseIn("order_in_force")
        #expect(inForce.deadline("order_end").map { Instant.format($0.due) } == "2026-05-28T23:59:59.999+01:00")

        let corrected = try correct(inForce, "order_days", 14, national: national)
        #expect(corrected.snapshot.data["order_days"] == .integer(14))
        // The case keeps grant_order's days as order_days only: the event's own name stays on the event.
        #expect(corrected.snapshot.data["days"] == nil)
        let end = try #require(corrected.snapshot.deadline("order_end"))
        #expect(Instant.format(end.due) == "2026-05-14T23:59:59.999+01:00")
        #expect(end.status == .pending)
        #expect(
            corrected.data["warnings"]
                == .array([
                    "deadline order_end moves from 2026-05-28T23:59:59.999+01:00 to 2026-05-14T23:59:59.999+01:00 with the corrected order_days"
                ]))

        // The event's own field corrects the case's name for it too.
        let byDays = try correct(inForce, "days", 21, national: national)
        #expect(byDays.snapshot.data["order_days"] == .integer(21))
        #expect(byDays.snapshot.deadline("order_end").map { Instant.format($0.due) } == "2026-05-21T23:59:59.999+01:00")

        // The engine expires the order at its corrected end, and not before it.
        let early = NationalProcedure.request("expire_order", step: 0, data: [:])
        var before = early
        before.at = Instant.parse("2026-05-14T23:00:00+01:00")!
        #expect(throws: WorkflowError.self) { try national.engine.transition(corrected.snapshot, before) }
        let request = try #require(national.engine.clockRequest(for: end, on: corrected.snapshot))
        #expect(Instant.format(request.at) == "2026-05-14T23:59:59.999+01:00")
        #expect(try national.engine.transition(corrected.snapshot, request).to == "expired")
    }

    @Test func theCorrectedValueMustHaveTheFieldsType() throws {
        let national = try NationalProcedure()
        let inForce = try national.caseIn("order_in_force")
        #expect(
            throws: WorkflowError.badInput(
                "corrected_value for order_days must be a whole number (as grant_order declares it); got text")
        ) {
            try correct(inForce, "order_days", "14", national: national)
        }
        #expect(
            throws: WorkflowError.badInput(
                "corrected_value for perpetrator_dob must be a date YYYY-MM-DD (as report_incident declares it); got text")
        ) {
            try correct(inForce, "perpetrator_dob", "14/02/1988", national: national)
        }
        #expect(throws: WorkflowError.self) { try correct(inForce, "relationship", "friend", national: national) }
        #expect(try correct(inForce, "relationship", "spouse", national: national).snapshot.data["relationship"] == "spouse")
        #expect(
            try correct(inForce, "listed_for", "2026-05-05T11:00:00+01:00", national: national).snapshot.data["listed_for"]
                == "2026-05-05T10:00:00.000Z")
    }

    @Test func theStatutesLimitOnTheFieldHolds() throws {
        let national = try NationalProcedure()
        let inForce = try national.caseIn("order_in_force")
        for days in [13, 30] {
            #expect(
                throws: WorkflowError.refused(
                    "correct_record refused by rule order_days (\(Self.line("dvpo:limit(\"order_days\""))): order_days must be from 14 to 28 (CSA 2010 s.28(10)); got \(days)"
                )
            ) {
                try correct(inForce, "order_days", .integer(days), national: national)
            }
        }
    }

    @Test(arguments: ["authorised_by", "served_at", "order_made_on", "adjournments"])
    func whatTheProcedureRecordedIsCorrectedByVoiding(_ field: String) throws {
        let national = try NationalProcedure()
        var inForce = try national.caseIn("order_in_force")
        inForce.data["adjournments"] = 1
        #expect(
            throws: WorkflowError.refused(
                "correct_record refused by rule entered_data_only: \(field) is recorded by the procedure itself (the engine or an event's action), not entered as an event's data; expected to void the event that recorded it (safeguard void N1 --event N --reason …; see safeguard history N1) and record that event again"
            )
        ) {
            try correct(inForce, field, "x", national: national)
        }
    }

    @Test func aDecisionOnADeadlineIsCorrectedByVoiding() throws {
        let national = try NationalProcedure()
        var served = try national.caseIn("notice_served")
        served.data["decision"] = "notice_continues"
        #expect(
            throws: WorkflowError.refused(
                "correct_record refused by rule entered_data_only: decision records a decision on a deadline (record_deadline_decision), which the engine acts on; expected to void that record_deadline_decision (safeguard void N1 --event N --reason …) and record it again"
            )
        ) {
            try correct(served, "decision", "notice_lapsed", national: national)
        }
    }

    @Test func anUnknownOrUnrecordedFieldIsNamed() throws {
        let national = try NationalProcedure()
        let inForce = try national.caseIn("order_in_force")
        do throws(WorkflowError) {
            _ = try correct(inForce, "order_dys", 14, national: national)
            Issue.record("a misspelt field was corrected")
        } catch {
            #expect(error.kind == .badInput)
            #expect(error.message.hasPrefix("the case has no field \"order_dys\" to correct (did you mean \"order_days\"?); expected one of: "))
            #expect(error.message.contains("order_days, perpetrator_dob"))
        }
        do throws(WorkflowError) {
            _ = try correct(inForce, "Jane Doe, 1 High St", 14, national: national)
            Issue.record("a value typed as a field name was corrected")
        } catch {
            // What looks like personal data typed in the wrong place is not echoed.
            #expect(error.message.hasPrefix("the case has no such field to correct; expected one of: "))
        }
        let served = try national.caseIn("notice_served")
        #expect(
            throws: WorkflowError.refused("correct_record refused: the case has no field order_days to correct; expected a field already recorded")
        ) {
            try correct(served, "order_days", 14, national: national)
        }
    }

    @Test func aCorrectionReplaysToTheSameCase() throws {
        let national = try NationalProcedure()
        let inForce = try national.caseIn("order_in_force")
        var request = NationalProcedure.request("correct_record", step: 0, role: "sergeant", data: Self.correction("order_days", 14))
        request.at = Instant.parse("2026-05-02T12:00:00+01:00")!
        let first = try national.engine.transition(inForce, request)
        let again = try NationalProcedure().engine.transition(inForce, request)
        #expect(first.snapshot == again.snapshot)
        #expect(first.snapshot.version == inForce.version + 1)
    }
}
