import Foundation
import Testing
import WorkflowCore
import WorkflowLua

/// The statutory floor (Crime and Security Act 2010 ss.24-33), held in the engine: checked on the
/// composed procedure at load, and by its effect on every transition, whatever event caused it.
@Suite("The statutory floor: by effect, whatever the event")
struct StatutoryFloorTests {
    /// A plugin for force x whose event authorises a notice with every consideration, bypassing
    /// the national event's guards. It also leads from notice_served, so it is not an event the
    /// floor refuses on every case (`check` refuses those at load); from incident it meets the
    /// floor at run time.
    static let bypass = """
        local p = engine.plugin { name = "bypass", version = "1", extends = "dvpo", forces = { "x" } }
        p:event("authorise_quickly", { from = { "incident", "notice_served" }, to = "notice_authorised", who = "superintendent", data = {
          reasons = { "text" }, opinion = { "text" }, children = { "text" }, representations = { "text" } } })
        """

    static func engine() throws -> TransitionEngine {
        let procedure = try HostileAttack.load([ScriptSource(path: "Plugins/bypass/plugin.lua", text: bypass)])
        return try procedure.engine(for: "dvpo", procedure: "p")
    }

    static func opened(_ engine: TransitionEngine, _ data: [String: Value]) throws -> CaseSnapshot {
        var incident = NationalProcedure.validData["report_incident"]!
        incident.merge(data) { _, new in new }
        return try engine.transition(nil, HostileAttack.request("C1", "report_incident", step: 0, role: "constable", data: incident)).snapshot
    }

    static let quickData: [String: Value] = ["reasons": "r", "opinion": "o", "children": "c", "representations": "p"]

    @Test(arguments: [
        (
            ["perpetrator_dob": Value.string("2012-03-01")],
            "authorise_quickly refused by the statutory floor (Crime and Security Act 2010 s.24(1)): entering notice_authorised needs a perpetrator aged 18 or over on the day of authorisation"
        ),
        (
            ["violence": Value.string("none")],
            "authorise_quickly refused by the statutory floor (Crime and Security Act 2010 s.24(2)): entering notice_authorised needs violence used or threatened towards the victim"
        ),
        (
            [:],
            "authorise_quickly refused by the statutory floor (Crime and Security Act 2010 s.24(3)-(5)): entering notice_authorised needs the mandatory consideration grounds recorded"
        ),
    ])
    func aPluginEventCannotAuthoriseWhatTheStatuteForbids(incident: [String: Value], message: String) throws {
        let engine = try Self.engine()
        let snapshot = try Self.opened(engine, incident)
        let error = #expect(throws: WorkflowError.self) {
            try engine.transition(snapshot, HostileAttack.request("C1", "authorise_quickly", step: 1, role: "superintendent", data: Self.quickData))
        }
        #expect(error?.kind == .refused)
        #expect(error?.message == message)
    }

    @Test func theEntryRulesEachRefuseOnTheirOwn() throws {
        let floor = StatutoryFloor.dvpo
        let before = CaseSnapshot(
            id: "C1", workflow: "dvpo", force: "x", state: "incident", version: 1, procedure: "p",
            openedAt: Date(timeIntervalSince1970: 0), updatedAt: Date(timeIntervalSince1970: 0))
        var after = before
        after.state = "notice_authorised"
        after.data = [
            "perpetrator_dob": "1980-01-01", "violence": "none", "grounds": "g", "victim_opinion": "v",
            "children_welfare": "c", "perpetrator_representations": "none made", "premises_conditions": false,
        ]
        let at = Instant.parse("2026-05-01T10:00:00Z")!
        let problems = floor.entryRules.filter { $0.state == "notice_authorised" }.compactMap {
            $0.problem(StatutoryEntry(before: before, after: after, actor: Actor(id: "I1", role: "inspector"), at: at))
        }
        #expect(
            problems == [
                "needs an officer of the rank of superintendent or above; the actor's role is inspector",
                "needs violence used or threatened towards the victim",
            ])
    }

    @Test func theComposedProcedureIsCheckedAtLoad() throws {
        var dvpo = try NationalProcedure().engine.workflow
        #expect(StatutoryFloor.dvpo.check(dvpo).isEmpty)
        let index = try #require(dvpo.clocks.firstIndex { $0.name == "hearing" })
        dvpo.clocks[index].rule = .countedHours(CountedHours(hours: 96))
        dvpo.limits.removeAll()
        let messages = StatutoryFloor.dvpo.check(dvpo).map(\.reason)
        #expect(
            messages == [
                "clock hearing must count 48 hours from serve_notice; Crime and Security Act 2010 s.27(3) (statutory floor)",
                "the order's period is not limited to 14 to 28 days; Crime and Security Act 2010 s.28(10) (statutory floor)",
            ])
    }

    /// A force's own correcting event, or a field it says is recorded under a national name, would
    /// let a force correct the national data under its own rules.
    @Test(arguments: [
        (
            """
            p:event("fix", { from = "*", who = "constable", corrects = true, data = {
              corrected_field = { "text" }, corrected_value = { "any" }, correction_reason = { "text" } } })
            """,
            "Plugins/fixer/plugin.lua:2: event fix corrects case data, which only the national procedure's correct_record does (statutory floor); expected a force's checks as guards on correct_record"
        ),
        (
            """
            p:event("note_length", { from = "order_in_force", data = { length = { "integer", case_field = "order_days" } } })
            """,
            "Plugins/fixer/plugin.lua:2: field length of note_length says it is recorded as order_days, data only the national procedure records (statutory floor); expected a case_field of the force's own"
        ),
    ])
    func aForceCannotCorrectNationalDataByItsOwnEvent(declaration: String, message: String) throws {
        let plugin = "local p = engine.plugin { name = \"fixer\", version = \"1\", extends = \"dvpo\", forces = { \"x\" } }\n" + declaration
        do throws(WorkflowError) {
            _ = try HostileAttack.load([ScriptSource(path: "Plugins/fixer/plugin.lua", text: plugin)])
            Issue.record("a force's way to correct national data was loaded")
        } catch {
            #expect(error.message.contains(message), "\(error.message)")
        }
    }

    @Test func aForceEventThatWritesNationalDataIsRefusedWhateverItsName() throws {
        let floor = StatutoryFloor.dvpo
        let action = Action(name: "mine", location: SourceLocation(file: "Plugins/p/plugin.lua", line: 4)) { _ in .success([:]) }
        let national = Action(name: "record_order", location: SourceLocation(file: "Workflows/dvpo.lua", line: 300)) { _ in .success([:]) }
        let event = EventDefinition(name: "grant_order", origin: .states(["hearing"]), target: "order_in_force")
        #expect(throws: WorkflowError.self) { try floor.checkProposal(["order_days": 365], by: action, of: event) }
        #expect(throws: Never.self) { try floor.checkProposal(["order_days": 28], by: national, of: event) }
        #expect(throws: Never.self) { try floor.checkProposal(["force_note": "x"], by: action, of: event) }
    }
}
