import Foundation
import Testing
import WorkflowCore

@testable import WorkflowLua

/// Every hook of a transition is shown the same case and event, prepared once per transition,
/// and each call still gets tables of its own: what one hook does to them no other hook sees.
@Suite("Hook arguments: prepared once per transition, fresh tables per call")
struct HookArgumentTests {
    static let script = """
        local wf = engine.workflow { name = "t" }
        wf:state("a")
        wf:event("open", { opens = true, to = "a", data = { n = { "integer", case = true } } })
        wf:event("poke", { from = "a", data = { n = { "integer", case = true } } })
        wf:guard("poke", "spoil", function(case, event)
          case.data.n = 99
          case.state = "elsewhere"
          event.data.n = 98
          return true
        end)
        wf:guard("poke", "look", function(case, event)
          if case.data.n ~= 1 or case.state ~= "a" or event.data.n ~= 2 then return false, "saw a change" end
          return true
        end)
        wf:action("poke", "count", function(case, event)
          return { seen = case.data.n * 100 + event.data.n }
        end)
        """

    @Test func eachHookSeesTheCaseAsItStandsWhateverAnEarlierHookDidToItsTables() throws {
        let script = Self.script.replacingOccurrences(of: #"wf:guard("poke", "look""#, with: #"wf:guard("poke", "look""#)
        let procedure = try Scripts.load(script).get()
        let engine = TransitionEngine(workflow: try procedure.workflow("t"), procedure: "p")
        let opened = try engine.transition(nil, Scripts.request("open", data: ["n": 1])).snapshot
        let transition = try engine.transition(opened, Scripts.request("poke", data: ["n": 2]))
        #expect(transition.guardsPassed == ["spoil", "look"])
        #expect(transition.changes == ["seen": 102])
        #expect(transition.snapshot.state == "a")
    }

    @Test func theArgumentsAreMadeOnTheFirstHookCallAndKeptForTheRest() throws {
        let procedure = try Scripts.load(Scripts.withHook(body: "return true")).get()
        let workflow = try procedure.workflow("t")
        let context = HookContext(snapshot: nil, request: Scripts.request("poke", data: [:]), data: [:])
        #expect(context.prepared.value == nil)
        let probe = try #require(workflow.event(named: "poke")?.guards.first)
        #expect(probe.evaluate(context) == .allow)
        let first = try #require(context.prepared.value as? HookArguments)
        #expect(first.tables.count == 2)
        #expect(probe.evaluate(context) == .allow)
        #expect((context.prepared.value as? HookArguments)?.tables == first.tables)
    }
}
