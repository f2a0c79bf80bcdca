import Testing
import WorkflowCore

@testable import WorkflowLua

/// Which of an event's data the case keeps is declared (`case = true`, `case_field`), and two events
/// never write one case field silently: both declare it, of one type, or the scripts do not load.
@Suite("Case data: declared per field, no silent overwrite")
struct CaseFieldDeclarationTests {
    static let workflow = "local wf = engine.workflow { name = 't' }\nwf:state('a')\n"

    @Test(arguments: [
        (
            "wf:event('o', { opens = true, to = 'a', data = { reason = { 'text', case = true } } })\nwf:event('c', { from = 'a', data = { reason = 'text' } })",
            "Workflows/test.lua:4: field reason of c has the name of case field reason, which o keeps on the case (Workflows/test.lua:3), but c does not declare it case data; expected case = true on both, of one type, or another name"
        ),
        (
            "wf:event('o', { opens = true, to = 'a', data = { due = { 'date', case = true } } })\nwf:event('c', { from = 'a', data = { due = { 'instant', case = true } } })",
            "Workflows/test.lua:4: case field due is instant in c but date in o (Workflows/test.lua:3); expected one type for one case field"
        ),
        (
            "wf:event('o', { opens = true, to = 'a', data = { days = { 'integer', case_field = 'length' } } })\nwf:event('c', { from = 'a', data = { length = 'integer' } })",
            "Workflows/test.lua:4: field length of c has the name of case field length, which o keeps on the case (Workflows/test.lua:3), but c does not declare it case data; expected case = true on both, of one type, or another name"
        ),
    ])
    func twoEventsWritingOneCaseFieldMustBothDeclareItOfOneType(declarations: String, message: String) {
        #expect(Scripts.loadError(Self.workflow + declarations) == message)
    }

    @Test func eventsDeclaringOneCaseFieldOfOneTypeLoadAndFieldsKeptOnTheEventMayShareANameFreely() throws {
        let script = Self.workflow + """
            wf:event('o', { opens = true, to = 'a', data = { listed = { 'instant', case = true }, reason = 'text' } })
            wf:event('c', { from = 'a', data = { listed = { 'instant', case = true }, reason = 'text' } })
            """
        let procedure = try Scripts.load(script).get()
        let engine = TransitionEngine(workflow: try procedure.workflow("t"), procedure: "p")
        let opened = try engine.transition(
            nil, Scripts.request("o", data: ["listed": "2026-05-02T10:00:00Z", "reason": "first"])
        ).snapshot
        let next = try engine.transition(opened, Scripts.request("c", data: ["listed": "2026-05-03T10:00:00Z", "reason": "second"]))
        #expect(next.snapshot.dataRule == .declaredOnly)
        #expect(next.snapshot.data == ["listed": "2026-05-03T10:00:00.000Z"])
        #expect(next.data["reason"] == "second")
    }
}

/// Contradictory or doubled case-field declarations do not load.
@Suite("Case data: contradictions refused at load")
struct CaseFieldContradictionTests {
    static let workflow = "local wf = engine.workflow { name = 't' }\nwf:state('a')\n"

    @Test func caseFalseWithACaseFieldIsRefused() {
        let message = Scripts.loadError(Self.workflow + "wf:event('o', { opens = true, to = 'a', data = { reason = { 'text', case = false, case_field = 'zz' } } })")
        #expect(message?.hasPrefix("Workflows/test.lua:3: ") == true, "\(message ?? "")")
        #expect(message?.contains("says case = false but case_field = \"zz\"; expected one of them (case_field keeps it on the case)") == true, "\(message ?? "")")
    }

    @Test func twoFieldsOfOneEventKeptAsOneCaseFieldAreRefused() {
        let message = Scripts.loadError(
            Self.workflow + "wf:event('o', { opens = true, to = 'a', data = { a = { 'text', case_field = 'zz' }, b = { 'text', case_field = 'zz' } } })")
        #expect(message?.contains("of o are both kept on the case as zz; expected one case field per field of an event") == true, "\(message ?? "")")
    }
}
