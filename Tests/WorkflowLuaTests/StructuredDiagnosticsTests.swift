import Foundation
import Testing
import WorkflowCore

@testable import WorkflowLua

/// Errors and `check` findings carry their script location as a field; the printed line is
/// `location: reason`, as before.
@Suite("Structured diagnostics: the location is a field, not text to parse")
struct StructuredDiagnosticsTests {
    func loadFailure(_ script: String) -> WorkflowError? {
        if case .failure(let error) = Scripts.load(script) { return error }
        return nil
    }

    @Test func aLuaErrorWhileLoadingCarriesItsLocation() throws {
        let error = try #require(loadFailure("local x = nil\nlocal y = x.field\n"))
        #expect(error.location == SourceLocation(file: "Workflows/test.lua", line: 2))
        #expect(error.reason == "attempt to index a nil value (local 'x')")
        #expect(error.message == "Workflows/test.lua:2: attempt to index a nil value (local 'x')")
    }

    @Test func aDeclarationErrorCarriesTheScriptLine() throws {
        let error = try #require(loadFailure("local wf = engine.workflow { name = 't' }\nwf:state('a', 'A', { final = 1 })\n"))
        #expect(error.location == SourceLocation(file: "Workflows/test.lua", line: 2))
        #expect(error.reason == "state a options: key \"final\" must be a boolean; got number 1")
    }

    @Test func aValidationErrorCarriesTheDeclarationsLocation() throws {
        let error = try #require(
            loadFailure(
                "local wf = engine.workflow { name = 't' }\nwf:state('a')\nwf:event('o', { opens = true, to = 'a' })\nwf:event('x', { from = 'a', to = 'b' })"))
        #expect(error.location == SourceLocation(file: "Workflows/test.lua", line: 4))
        #expect(error.reason == "event x leads to unknown state \"b\"; expected one of: a")
    }

    @Test func findingsCarryTheirLocations() throws {
        let findings = Findings()
        let script = "local wf = engine.workflow { name = 't' }\nwf:state('a')\nwf:state('lost')\nwf:event('o', { opens = true, to = 'a' })\n"
        let procedure = try Procedure.load(
            sources: [ScriptSource(path: "Workflows/test.lua", text: script)], force: nil, limits: .standard, findings: findings)
        WorkflowLinter(definition: try procedure.workflow("t")).check(into: findings)
        #expect(findings.warnings.map(\.location) == [SourceLocation(file: "Workflows/test.lua", line: 3)])
        #expect(findings.warnings.map(\.reason) == ["state lost of t cannot be reached from a new case; expected an event that leads to it"])
        #expect(
            findings.errors.map(\.location) == [
                SourceLocation(file: "Workflows/test.lua", line: 2), SourceLocation(file: "Workflows/test.lua", line: 3),
            ])
    }

    @Test func aHookFailureCarriesTheScriptLine() throws {
        let procedure = try Scripts.load(Scripts.withHook(body: "local t = nil\nreturn t.x")).get()
        let engine = TransitionEngine(workflow: try procedure.workflow("t"), procedure: "p")
        let opened = try engine.transition(nil, Scripts.request("open")).snapshot
        let error = #expect(throws: WorkflowError.self) { try engine.transition(opened, Scripts.request("poke")) }
        #expect(error?.location == SourceLocation(file: "Workflows/test.lua", line: 7))
        #expect(error?.reason == "guard probe of poke: attempt to index a nil value (local 't')")
    }

    @Test func settingTheMessageLeavesNoLocation() {
        var error = WorkflowError.script("event x is wrong", at: SourceLocation(file: "Workflows/a.lua", line: 3))
        #expect(error.message == "Workflows/a.lua:3: event x is wrong")
        error.message = "something else"
        #expect(error.location == nil)
        #expect(error.message == "something else")
    }

    @Test func aLuaMessageIsSplitOnceIntoLocationAndReason() {
        let failure = ScriptFailure(message: "Plugins/essex/plugin.lua:12: attempt to call a nil value")
        #expect(failure.location == SourceLocation(file: "Plugins/essex/plugin.lua", line: 12))
        #expect(failure.reason == "attempt to call a nil value")
        #expect(ScriptFailure(message: "memory cap of 8 MiB exceeded").location == nil)
    }

    @Test func errorsPrintingTheSameLineAreEqual() {
        let located = WorkflowError.script("event x is wrong", at: SourceLocation(file: "Workflows/a.lua", line: 3))
        #expect(located == .script("Workflows/a.lua:3: event x is wrong"))
        #expect(located != .badInput("Workflows/a.lua:3: event x is wrong"))
    }
}
