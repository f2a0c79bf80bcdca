import Foundation
import Testing

@Suite("Golden runs: safeguard check on a deliberately broken copy")
struct CheckGoldenTests {
    /// A copy of the shipped scripts with one mistake of each kind added.
    func brokenCopy(_ cli: Cli) throws -> URL {
        let copy = cli.folder.appendingPathComponent("scripts")
        try FileManager.default.createDirectory(at: copy, withIntermediateDirectories: true)
        for folder in ["Workflows", "Plugins", "Calendars"] {
            try FileManager.default.copyItem(at: Cli.packageRoot.appendingPathComponent(folder), to: copy.appendingPathComponent(folder))
        }
        let files: [String: String] = [
            // A syntax error.
            "Workflows/bad_syntax.lua": "local x = = 1\n",
            // Unknown state, event and role; an unreachable state; a state with no way out; a clock started by an unknown event.
            "Workflows/broken.lua": """
            local wf = engine.workflow { name = "broken" }
            wf:state("start")
            wf:state("stuck")
            wf:state("island")
            wf:state("done", "", { final = true })
            wf:event("begin", { opens = true, to = "start" })
            wf:event("jam", { from = "start", to = "stuck" })
            wf:event("wander", { from = "start", to = "nowhere" })
            wf:event("finish", { from = "start", to = "done", who = "clerk" })
            wf:guard("vanish", "g", function() return true end)
            wf:clock("late", { rule = "counted_hours", hours = 24, started_by = "no_such_event" })

            """,
            // A statutory-floor violation, and a policy failing its schema.
            "Plugins/lax/plugin.lua": """
            local p = engine.plugin { name = "lax", version = "1", extends = "dvpo", forces = { "essex" },
              policies = { visits = { type = "integer", default = "three", summary = "Visits" } } }
            p:require_rank("authorise_notice", "inspector")
            p:staff_role("clerk")
            p:allow("record_visit", "clerk")

            """,
            // A conflict with lax.
            "Plugins/rival/plugin.lua": """
            local p = engine.plugin { name = "rival", version = "1", extends = "dvpo", forces = { "essex" } }
            p:require_rank("record_visit", "sergeant")

            """,
        ]
        for (path, text) in files {
            try FileManager.default.createDirectory(at: copy.appendingPathComponent(path).deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: copy.appendingPathComponent(path), atomically: true, encoding: .utf8)
        }
        return copy
    }

    @Test func findsEachKindOfMistake() throws {
        let cli = Cli()
        let scripts = try brokenCopy(cli)
        let run = try cli.run(["check", "--scripts", scripts.path])
        #expect(run.status == 3)
        let lines = run.stdout.split(separator: "\n").map(String.init)
        let authorise =
            try String(contentsOf: Cli.packageRoot.appendingPathComponent("Workflows/dvpo.lua"), encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("dvpo:event(\"authorise_notice\"") }! + 1
        for expected in [
            "Workflows/bad_syntax.lua:1: error: unexpected symbol near '='",
            "Workflows/broken.lua:8: error: event wander leads to unknown state \"nowhere\"; expected one of: start, stuck, island, done",
            "Workflows/broken.lua:9: error: event finish names unknown role \"clerk\"; expected a rank (constable, sergeant, inspector, chief_inspector, superintendent, chief_superintendent, assistant_chief_constable, commander, deputy_chief_constable, deputy_assistant_commissioner, chief_constable, assistant_commissioner, deputy_commissioner, commissioner) or a staff role the workflow declares (staff_roles = {...})",
            "Workflows/broken.lua:10: error: guard g is on unknown event \"vanish\"; expected one of: begin, jam, wander, finish",
            "Workflows/broken.lua:11: error: clock late refers to unknown event \"no_such_event\"; expected one of: begin, jam, wander, finish",
            "Workflows/broken.lua:3: error: state stuck of broken is not final, but no event leads out of it; expected an event from it, or final = true",
            "Workflows/broken.lua:4: warning: state island of broken cannot be reached from a new case; expected an event that leads to it",
            "Workflows/broken.lua:4: error: state island of broken is not final, but no event leads out of it; expected an event from it, or final = true",
            "Plugins/lax/plugin.lua:3: error: plugin lax lets inspector fire authorise_notice; the statute requires superintendent or above (statutory floor, Workflows/dvpo.lua:\(authorise))",
            "Plugins/lax/plugin.lua:1: error: policy visits of plugin lax must be a whole number; got text",
            "Plugins/rival/plugin.lua:2: error: plugins lax (Plugins/lax/plugin.lua:5) and rival both change who may fire record_visit; expected one to declare after = { \"lax\" } or after = { \"rival\" } to say which wins",
        ] {
            #expect(lines.contains(expected), "missing: \(expected)\n\(run.stdout)")
        }
        #expect(lines.last?.hasPrefix("10 errors, 1 warning in the national procedure and 6 forces") == true, "\(lines.last ?? "")")
    }

    @Test func theShippedScriptsAreClean() throws {
        let run = try Cli().run("check")
        #expect(run.status == 0)
        #expect(
            run.stdout == "no problems in the national procedure and 6 forces (essex, greater_manchester, humberside, metropolitan, west_mercia, wiltshire)\n")
    }

    /// A plugin folder that is no force (a shared tools folder) counts by the forces it names, not
    /// as a force of its own.
    @Test func aPluginFolderThatIsNoForceIsNotCountedAsOne() throws {
        let cli = Cli()
        let scripts = try cli.copyOfScripts()
        let tools = scripts.appendingPathComponent("Plugins/zz_tools")
        try FileManager.default.createDirectory(at: tools, withIntermediateDirectories: true)
        try "-- shared helpers for \"essex\"\nlocal x = \n".write(to: tools.appendingPathComponent("plugin.lua"), atomically: true, encoding: .utf8)
        let run = try cli.run(["check", "--scripts", scripts.path])
        #expect(run.status == 3)
        #expect(
            run.stdout.split(separator: "\n").last
                == "1 error, 0 warnings in the national procedure and 6 forces (essex, greater_manchester, humberside, metropolitan, west_mercia, wiltshire)")
    }
}
