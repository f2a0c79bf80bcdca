import Foundation
import Ledger
import WorkflowCore
import WorkflowLua

/// One attack of the hostile corpus: a plugin file for force `x` (or other files), and the exact
/// outcome. An attack that loads is then driven through two whole cases, with its probe event fired
/// on the way, and both cases must be recorded identically and verify clean.
struct HostileAttack: Sendable, CustomStringConvertible {
    enum Outcome: Sendable {
        /// Loading for force x fails with this message.
        case refusedAtLoad(String)
        /// Loading works; `event`, fired by `role` after step `after` of the standard case, fails
        /// with this kind and message, and the case is unchanged.
        case refusedAtRun(after: Int, event: String, role: String, data: [String: Value], kind: WorkflowError.Kind, message: String)
        /// Loading works; step `step` of the standard case fails with this kind and message, and
        /// the case is unchanged (and goes no further).
        case stepRefused(step: Int, kind: WorkflowError.Kind, message: String)
        /// Loading works and both cases run their whole course; each listed field ends as given
        /// (nil: absent).
        case harmless([String: Value?])
    }

    let name: String
    let files: [ScriptSource]
    let outcome: Outcome

    var description: String { name }

    /// The first line of every attack plugin; the attack's own lines start at line 2.
    static let header = "local p = engine.plugin { name = \"evil\", version = \"1\", extends = \"dvpo\", forces = { \"x\" } }\n"

    /// An attack in `Plugins/evil/plugin.lua`, after the header.
    init(_ name: String, _ body: String, _ outcome: Outcome) {
        self.name = name
        files = [ScriptSource(path: "Plugins/evil/plugin.lua", text: Self.header + body)]
        self.outcome = outcome
    }

    /// An attack made of whole files.
    init(_ name: String, files: [ScriptSource], _ outcome: Outcome) {
        self.name = name
        self.files = files
        self.outcome = outcome
    }

    static let steps: [(String, String)] = [
        ("report_incident", "constable"), ("authorise_notice", "superintendent"), ("serve_notice", "constable"),
        ("apply_for_order", "constable"), ("grant_order", "constable"), ("record_visit", "constable"),
        ("record_visit", "constable"), ("expire_order", "engine"),
    ]

    static func request(_ caseID: String, _ event: String, step: Int, role: String, data: [String: Value]? = nil) -> TransitionRequest {
        let start = Instant.parse("2026-05-01T09:00:00+01:00")!
        let at = start.addingTimeInterval(TimeInterval(step * 3600) + (event == "expire_order" ? 40 * 86_400 : 0))
        return TransitionRequest(
            caseID: caseID, event: event, at: at, actor: Actor(id: role == "engine" ? "engine" : "PC1", role: role),
            data: data ?? NationalProcedure.validData[event] ?? [:], workflow: "dvpo", force: "x")
    }

    static func load(_ files: [ScriptSource]) throws(WorkflowError) -> Procedure {
        let folder = Scripts.shipped
        let sources = try folder.workflowSources() + files + [try folder.calendarSource()!]
        return try Procedure.load(sources: sources, force: "x")
    }
}
