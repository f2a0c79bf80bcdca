import Foundation
import WorkflowCore

/// A small procedure built in Swift, so the transition function is tested without Lua:
/// open → review → done, with a rank rule, typed fields, a guard and an action.
enum SampleWorkflow {
    static let location = SourceLocation(file: "Workflows/sample.lua", line: 1)

    static func definition(
        guardVerdict: @escaping (HookContext) -> Guard.Verdict = { _ in .allow },
        actionResult: @escaping (HookContext) -> Result<[String: Value], ScriptFailure> = { context in
            .success(["reviewed_at": .string(Instant.formatUTC(context.request.at))])
        }
    ) -> WorkflowDefinition {
        WorkflowDefinition(
            name: "sample",
            states: [
                StateDefinition(name: "open"), StateDefinition(name: "review"),
                StateDefinition(name: "done", isFinal: true),
            ],
            events: [
                EventDefinition(
                    name: "start", origin: .newCase, target: "open",
                    fields: [FieldSpec(name: "born", type: .date, onCase: true)]),
                EventDefinition(
                    name: "review", origin: .states(["open"]), target: "review",
                    who: RoleRequirement(minimumRank: .inspector, staffRoles: ["legal_officer"]),
                    fields: [
                        FieldSpec(name: "days", type: .integer),
                        FieldSpec(name: "kind", type: .oneOf(["a", "b"]), requirement: .optional),
                        FieldSpec(name: "flag", type: .boolean, requirement: .optional),
                        FieldSpec(name: "why", type: .text, requirement: .requiredIf("flag")),
                        FieldSpec(name: "when", type: .instant, requirement: .requiredUnless("flag"), onCase: true),
                    ],
                    guards: [Guard(name: "checked", location: location, evaluate: guardVerdict)],
                    actions: [Action(name: "stamp", location: location, propose: actionResult)]),
                EventDefinition(name: "finish", origin: .states(["review"]), target: "done"),
                EventDefinition(name: "note", origin: .anyNonFinal, target: nil, fields: [FieldSpec(name: "text", type: .text)]),
            ],
            clocks: [
                ClockDefinition(
                    name: "period", rule: .orderPeriod(daysField: "days"), startedBy: ["review"], metBy: ["finish"])
            ],
            staffRoles: ["legal_officer"])
    }

    static func at(_ text: String) -> Date { Instant.parse(text)! }

    static func request(
        _ event: String, _ time: String = "2026-05-01T10:00:00Z", role: String = "inspector", data: [String: Value] = [:]
    ) -> TransitionRequest {
        TransitionRequest(caseID: "S1", event: event, at: at(time), actor: Actor(id: "X1", role: role), data: data, force: "test")
    }

    static let reviewData: [String: Value] = ["days": 14, "when": "2026-05-02T09:00:00+01:00"]
}
