import Foundation
import Testing
import WorkflowCore

@testable import WorkflowLua

/// Declarations are checked strictly against `DeclarationSchema`: a key of the wrong type, or a key
/// no declaration of that kind takes, is a load error at the script's line, never a silent default.
@Suite("The declaration schema: wrong types and unknown keys are refused at file:line")
struct DeclarationSchemaTests {
    static let workflow = "local wf = engine.workflow { name = 't' }\nwf:state('a')\nwf:event('o', { opens = true, to = 'a' })\n"

    @Test(arguments: [
        // Fields
        (
            "wf:event('x', { from = 'a', data = { victim_opinion = { 'text', personal = 'yes' } } })",
            "Workflows/test.lua:4: field victim_opinion of x: key \"personal\" must be a boolean; got string \"yes\""
        ),
        (
            "wf:event('x', { from = 'a', data = { d = { type = 'text', required = 'no' } } })",
            "Workflows/test.lua:4: field d of x: key \"required\" must be a boolean; got string \"no\""
        ),
        (
            "wf:event('x', { from = 'a', data = { d = { type = 'text', summary = 5 } } })",
            "Workflows/test.lua:4: field d of x: key \"summary\" must be text; got number 5"
        ),
        (
            "wf:event('x', { from = 'a', data = { d = { type = 'text', secret = true } } })",
            "Workflows/test.lua:4: field d of x has unknown key secret; expected: case, case_field, one_of, personal, required, required_if, required_unless, summary, type"
        ),
        (
            "wf:event('x', { from = 'a', data = { d = { type = 'text', required_if = 'Flag' } } })",
            "Workflows/test.lua:4: field d of x: key \"required_if\" must be a lower_case name; got string \"Flag\""
        ),
        (
            "wf:event('x', { from = 'a', data = { d = { type = 'text', required_unless = string.rep('X', 40) } } })",
            "Workflows/test.lua:4: field d of x: key \"required_unless\" must be a lower_case name; got string of 40 characters"
        ),
        // Events
        (
            "wf:event('x', { from = 'a', statutory = 'yes' })",
            "Workflows/test.lua:4: event x: key \"statutory\" must be a boolean; got string \"yes\""
        ),
        (
            "wf:event('x', { from = 'a', opens = 1 })",
            "Workflows/test.lua:4: event x: key \"opens\" must be a boolean; got number 1"
        ),
        (
            "wf:event('x', { from = 'a', to = 5 })",
            "Workflows/test.lua:4: event x: key \"to\" must be a lower_case name; got number 5"
        ),
        (
            "wf:event('x', { from = 'a', data = 'grounds' })",
            "Workflows/test.lua:4: event x: key \"data\" must be a table keyed by name; got string \"grounds\""
        ),
        (
            "wf:event('x', { from = true })",
            "Workflows/test.lua:4: event x: key \"from\" must be one of \"*\" or a name or a list of names; got boolean true"
        ),
        // States
        (
            "wf:state('b', 'B', { final = 'yes' })",
            "Workflows/test.lua:4: state b options: key \"final\" must be a boolean; got string \"yes\""
        ),
        (
            "wf:state('b', 'B', { finale = true })",
            "Workflows/test.lua:4: state b options has unknown key finale; expected: final"
        ),
        // Clocks
        (
            "wf:clock('c', { rule = 'weeks', started_by = 'o' })",
            "Workflows/test.lua:4: clock c: key \"rule\" must be one of \"order_period\", \"counted_hours\", \"elapsed\", \"calendar_days\", \"working_days\", \"until_date\"; got string \"weeks\""
        ),
        (
            "wf:clock('c', { rule = 'elapsed', hours = 24 })",
            "Workflows/test.lua:4: clock c needs started_by = a name or a list of names"
        ),
        (
            "wf:clock('c', { rule = 'elapsed', hours = '24', started_by = 'o' })",
            "Workflows/test.lua:4: clock c: key \"hours\" must be a whole number or a table; got string \"24\""
        ),
        (
            "wf:clock('c', { rule = 'elapsed', hours = { policy = 'h', default = 24 }, started_by = 'o' })",
            "Workflows/test.lua:4: clock c.hours has unknown key default; expected: policy"
        ),
        (
            "wf:clock('c', { rule = 'counted_hours', hours = 24, started_by = 'o', unsettled_days = 'skip' })",
            "Workflows/test.lua:4: clock c: key \"unsettled_days\" must be one of \"count\", \"disregard\"; got string \"skip\""
        ),
        (
            "wf:clock('c', { rule = 'counted_hours', hours = 24, started_by = 'o', disregard = { 'sunday', 'saturday' } })",
            "Workflows/test.lua:4: clock c: key \"disregard\" must be a list whose items are each one of \"sunday\", \"christmas_day\", \"good_friday\", \"bank_holiday\"; got table"
        ),
        // Limits and the workflow itself
        (
            "wf:limit('days', { min = '14', max = 28 })",
            "Workflows/test.lua:4: limit days: key \"min\" must be a number; got string \"14\""
        ),
        (
            "wf:limit('days', { min = 14 })",
            "Workflows/test.lua:4: limit days needs max = a number"
        ),
        (
            "engine.workflow { name = 'u', title = true }",
            "Workflows/test.lua:4: engine.workflow: key \"title\" must be text; got boolean true"
        ),
        (
            "engine.workflow { name = 'u', staff_roles = 5 }",
            "Workflows/test.lua:4: engine.workflow: key \"staff_roles\" must be a name or a list of names; got number 5"
        ),
    ])
    func wrongDeclarationsAreRefusedAtTheirLine(declaration: String, message: String) {
        #expect(Scripts.loadError(Self.workflow + declaration) == message)
    }

    @Test(arguments: [
        ("order = '1'", "Plugins/p/plugin.lua:1: engine.plugin: key \"order\" must be a whole number; got string \"1\""),
        ("forces = { 'x' }, version = 1", "Plugins/p/plugin.lua:1: engine.plugin: key \"version\" must be text; got number 1"),
        (
            "forces = { 'x' }, colour = 'red'",
            "Plugins/p/plugin.lua:1: engine.plugin has unknown key colour; expected: after, extends, forces, name, order, policies, summary, version"
        ),
        (
            "policies = { visits = { type = 'integer', default = 2, summary = 'Visits.', within = 5 } }",
            "Plugins/p/plugin.lua:1: policy visits of plugin p: key \"within\" must be a lower_case name; got number 5"
        ),
        (
            "policies = { visits = { type = 'float', default = 2, summary = 'Visits.' } }",
            "Plugins/p/plugin.lua:1: policy visits of plugin p: key \"type\" must be one of \"integer\", \"number\", \"text\", \"boolean\", \"integer_list\", \"text_list\"; got string \"float\""
        ),
    ])
    func wrongPluginDeclarationsAreRefusedAtTheirLine(options: String, message: String) {
        let forces = options.contains("forces") ? "" : "forces = { 'x' }, "
        let version = options.contains("version") ? "" : "version = '1', "
        let plugin = "local p = engine.plugin { name = 'p', extends = 't', \(version)\(forces)\(options) }\n"
        let sources = [
            ScriptSource(path: "Workflows/test.lua", text: Self.workflow),
            ScriptSource(path: "Plugins/p/plugin.lua", text: plugin),
        ]
        do throws(WorkflowError) {
            _ = try Procedure.load(sources: sources, force: "x")
            Issue.record("the plugin loaded")
        } catch {
            #expect(error.message == message)
        }
    }

    @Test func aFigureNeverTalliesFreeText() {
        let text = Self.workflow + "wf:event('c', { from = 'a', data = { reason = { 'text' } } })\nwf:figures { { 'reasons', tally = 'c', field = 'reason' } }\n"
        do throws(WorkflowError) {
            _ = try Procedure.load(sources: [ScriptSource(path: "Workflows/test.lua", text: text)], force: nil)
            Issue.record("the workflow loaded")
        } catch {
            #expect(
                error.message
                    == "Workflows/test.lua:5: figure reasons tallies field reason of c, which is text; expected a field with one_of, a whole number or true or false, since a report counts declared values and never shows what people typed"
            )
        }
    }

    @Test func aPluginFieldIsCheckedLikeAnEventField() {
        let sources = [
            ScriptSource(path: "Workflows/test.lua", text: Self.workflow),
            ScriptSource(
                path: "Plugins/p/plugin.lua",
                text:
                    "local p = engine.plugin { name = 'p', version = '1', extends = 't', forces = { 'x' } }\np:field('o', 'note', { 'text', personal = 'yes' })\n"
            ),
        ]
        do throws(WorkflowError) {
            _ = try Procedure.load(sources: sources, force: "x")
            Issue.record("the plugin loaded")
        } catch {
            #expect(error.message == "Plugins/p/plugin.lua:2: field note of o: key \"personal\" must be a boolean; got string \"yes\"")
        }
    }

    @Test func rightlyTypedDeclarationsStillLoad() throws {
        let script =
            Self.workflow + """
                wf:state('b', 'B', { final = true })
                wf:event('x', { from = 'a', to = 'b', who = { 'sergeant' }, statutory = false, data = {
                  d = { 'text', personal = true, required = false, summary = 'Notes.' }, n = 'integer',
                  k = { one_of = { 'p', 'q' } } } })
                wf:clock('c', { rule = 'counted_hours', hours = 24, started_by = 'o', met_by = { 'x' },
                  disregard = { 'sunday' }, unsettled_days = 'disregard' })
                wf:limit('days', { min = 14, max = 28.5, rule = 'a rule' })
                """
        let definition = try Scripts.load(script).get().workflow("t")
        let field = try #require(definition.event(named: "x")?.field(named: "d"))
        #expect(field.personal)
        #expect(field.requirement == .optional)
        #expect(definition.clocks.map(\.name) == ["c"])
    }

    @Test func theShippedScriptsLoadUnderTheSchema() throws {
        let (findings, forces) = Procedure.diagnose(Scripts.shipped)
        #expect(findings.errors.map(\.message) == [])
        #expect(!forces.isEmpty)
    }
}
