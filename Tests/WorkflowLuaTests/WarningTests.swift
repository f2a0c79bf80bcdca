import Foundation
import Testing
import WorkflowCore
import WorkflowLua

/// An action's `warnings`: recorded on the event, never on the case, and never a refusal.
@Suite("Warnings from actions")
struct WarningTests {
    func poke(_ body: String) throws(WorkflowError) -> Transition {
        let procedure = try Scripts.load(Scripts.withHook("action", body: body)).get()
        let engine = TransitionEngine(workflow: try procedure.workflow("t"), procedure: "p")
        let opened = try engine.transition(nil, Scripts.request("open")).snapshot
        return try engine.transition(opened, Scripts.request("poke"))
    }

    @Test(arguments: [
        ("return { warnings = \"listed late\" }", ["listed late"]),
        ("return { warnings = { \"one\", \"two\" }, seen = true }", ["one", "two"]),
        ("return { warnings = {} }", []),
    ])
    func areRecordedOnTheEventNotTheCase(body: String, expected: [String]) throws {
        let poked = try poke(body)
        #expect((poked.data["warnings"]?.arrayValue ?? []).compactMap(\.stringValue) == expected)
        #expect(poked.snapshot.data["warnings"] == nil)
        #expect(poked.changes["warnings"] == nil)
    }

    @Test func thatAreNotTextAreAScriptError() {
        #expect(
            throws: WorkflowError.script(
                "Workflows/test.lua:5: action probe of poke proposed warnings of a whole number; expected a text or a list of texts"
            )
        ) { try poke("return { warnings = 5 }") }
    }
}
