import Testing
import WorkflowCore

@testable import SafeguardService

/// `migrate`'s difference lists fields that became, or stopped being, case data.
@Suite("Procedure difference: case data")
struct ProcedureDifferenceCaseDataTests {
    static func workflow(court onCase: Bool, days caseField: String?) -> WorkflowDefinition {
        var days = FieldSpec(name: "days", type: .integer)
        days.caseField = caseField
        let event = EventDefinition(
            name: "apply", origin: .newCase, target: "a", fields: [FieldSpec(name: "court", type: .text, onCase: onCase), days])
        return WorkflowDefinition(name: "w", states: [StateDefinition(name: "a")], events: [event])
    }

    @Test func aFieldThatBecameCaseDataIsListedAndSaysItIsNotFilled() {
        let lines = ProcedureDifference.between(Self.workflow(court: false, days: nil), Self.workflow(court: true, days: "order_days"))
        #expect(
            lines == [
                "~ event apply: field court now kept on the case (a migration does not fill it from earlier events); field days now kept on the case as order_days (a migration does not fill it from earlier events) (<built-in>:0)"
            ])
        let back = ProcedureDifference.between(Self.workflow(court: true, days: "order_days"), Self.workflow(court: false, days: "length"))
        #expect(back.first?.contains("field court no longer kept on the case (the value already there stays)") == true)
        #expect(back.first?.contains("field days kept on the case as order_days → as length") == true)
    }
}
