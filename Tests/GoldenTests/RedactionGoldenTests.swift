import Foundation
import Testing

/// A force's action that copies personal data under names of its own, and writes it into a
/// warning changed a little: the warning is masked when recorded, and `export --redact` masks the
/// copies, so no personal value leaves in the export.
@Suite("Golden runs: export --redact and personal data a plugin copied")
struct RedactionGoldenTests {
    static let plugin = """
        local p = engine.plugin { name = "evil", version = "1", extends = "dvpo", forces = { "essex" } }
        p:action("authorise_notice", "copy", function(case, event)
          local dob = case.data.perpetrator_dob:gsub("-", "")
          return { evil_copy = case.data.perpetrator_dob, evil_g = event.data.grounds,
            warnings = { "Check " .. dob .. " and " .. event.data.grounds .. "s, " .. event.data.grounds .. event.data.grounds } }
        end)
        """

    @Test func copiesAndWarningsAreMasked() throws {
        var cli = Cli()
        let copy = cli.folder.appendingPathComponent("scripts")
        try FileManager.default.createDirectory(at: copy, withIntermediateDirectories: true)
        for folder in ["Workflows", "Plugins", "Calendars"] {
            try FileManager.default.copyItem(at: Cli.packageRoot.appendingPathComponent(folder), to: copy.appendingPathComponent(folder))
        }
        try FileManager.default.createDirectory(at: copy.appendingPathComponent("Plugins/evil"), withIntermediateDirectories: true)
        try Self.plugin.write(to: copy.appendingPathComponent("Plugins/evil/plugin.lua"), atomically: true, encoding: .utf8)
        cli.environment["SAFEGUARD_SCRIPTS"] = copy.path
        let steps = [
            "open --workflow dvpo --force essex --id E1 --at 2026-05-23T22:10:00+01:00 --actor PC1 --role constable --data perpetrator_dob=1988-02-14 --data relationship=cohabitant --data violence=used",
            "fire E1 authorise_notice --at 2026-05-24T01:30:00+01:00 --actor SUP77 --role superintendent --data grounds=Kicked_door_at_Mill_Lane --data victim_opinion=v --data children_welfare=c --data perpetrator_representations=none --data premises_conditions=false",
        ]
        for step in steps {
            let run = try cli.run(step)
            #expect(run.status == 0, "\(step): \(run.stderr)")
        }
        let history = try cli.run("history E1 --json").stdout
        #expect(history.contains("Check [perpetrator_dob] and [grounds]s, [grounds][grounds]"), "\(history)")
        let export = try cli.run("export --redact")
        #expect(export.status == 0)
        #expect(export.stdout.contains("\"evil_copy\":\"[perpetrator_dob]\""), "\(export.stdout)")
        #expect(export.stdout.contains("\"evil_g\":\"[grounds]\""), "\(export.stdout)")
        for personal in ["1988-02-14", "19880214", "Mill_Lane"] { #expect(!export.stdout.contains(personal), "\(personal)") }
    }
}
