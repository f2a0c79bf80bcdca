import Foundation
import Testing

/// A plugin whose hooks quote personal data, and whose action on its own clock's missed event fails on one case,
/// run through the real binary: the date of birth never reaches stderr, `--json` or the stored
/// refusal; `tick` records the other case, names the failed one and exits with its code.
@Suite("Golden runs: script text and a failing clock")
struct ScriptTextGoldenTests {
    static let plugin = """
        local p = engine.plugin { name = "leaky", version = "1", extends = "dvpo", forces = { "essex" } }
        p:guard("authorise_notice", "leak", function(case, event)
          if event.data.grounds == "refuse me" then return false, "born " .. case.data.perpetrator_dob end
          return true
        end)
        p:event("record_missed_check", { from = "order_in_force", who = "engine", summary = "m", data = { clock = { "text", summary = "c" } } })
        p:clock("check_in", { rule = "elapsed", hours = 24, started_by = "grant_order", met_by = "record_visit", on_missed = "record_missed_check", summary = "c" })
        p:action("record_missed_check", "boom", function(case) if case.id == "E1" then error("boom for " .. case.data.perpetrator_dob) end end)
        """

    func cli() throws -> Cli {
        var cli = Cli()
        let copy = cli.folder.appendingPathComponent("scripts")
        try FileManager.default.createDirectory(at: copy, withIntermediateDirectories: true)
        for folder in ["Workflows", "Plugins", "Calendars"] {
            try FileManager.default.copyItem(at: Cli.packageRoot.appendingPathComponent(folder), to: copy.appendingPathComponent(folder))
        }
        try FileManager.default.createDirectory(at: copy.appendingPathComponent("Plugins/leaky"), withIntermediateDirectories: true)
        try Self.plugin.write(to: copy.appendingPathComponent("Plugins/leaky/plugin.lua"), atomically: true, encoding: .utf8)
        cli.environment["SAFEGUARD_SCRIPTS"] = copy.path
        return cli
    }

    static let authorise =
        "--actor SUP1 --role superintendent --data victim_opinion=v --data children_welfare=c --data perpetrator_representations=none --data premises_conditions=false"

    /// E1 and E2 with 14-day orders granted on 3 June 2026, ending on 16 June.
    func twoOrders(_ cli: Cli) throws {
        for id in ["E1", "E2"] {
            for line in [
                "open --workflow dvpo --force essex --at 2026-06-01T22:00:00+01:00 --actor PC1 --role constable --id \(id) --data perpetrator_dob=1988-02-14 --data relationship=cohabitant --data violence=used",
                "fire \(id) authorise_notice --at 2026-06-01T23:00:00+01:00 \(Self.authorise) --data grounds=g",
                "fire \(id) serve_notice --at 2026-06-02T00:00:00+01:00 --actor PC1 --role constable --data address_refused=true",
                "fire \(id) apply_for_order --at 2026-06-02T01:00:00+01:00 --actor PC1 --role constable --data court=c --data listed_for=2026-06-03T10:00:00+01:00",
                "fire \(id) grant_order --at 2026-06-03T11:00:00+01:00 --actor PC1 --role constable --data days=14",
            ] {
                let run = try cli.run(line)
                #expect(run.status == 0, "\(line): \(run.stderr)")
            }
        }
    }

    @Test func aRefusalQuotingTheDateOfBirthIsMaskedEverywhere() throws {
        let cli = try cli()
        #expect(
            try cli.run(
                "open --workflow dvpo --force essex --at 2026-06-01T22:00:00+01:00 --actor PC1 --role constable --id E1 --data perpetrator_dob=1988-02-14 --data relationship=cohabitant --data violence=used"
            ).status == 0)
        let line = "fire E1 authorise_notice --at 2026-06-01T23:00:00+01:00 \(Self.authorise) --id A1 --data 'grounds=refuse me'"
        let expected = "authorise_notice refused by rule leak (Plugins/leaky/plugin.lua:2): born [perpetrator_dob]"
        let refused = try cli.run(line)
        #expect(refused.status == 1)
        #expect(refused.stderr.hasSuffix("safeguard: refused: \(expected)\n"), "\(refused.stderr)")
        let json = try cli.run(line + " --json")
        #expect(json.status == 1)
        // The refusal stored with the event id A1 is given back as it was recorded: masked.
        #expect((json.stdout + json.stderr).contains("event id A1 was refused when first tried: \(expected);"), "\(json.stdout)\(json.stderr)")
        for run in [refused, json] { #expect(!(run.stdout + run.stderr).contains("1988"), "\(run.stdout)\(run.stderr)") }
    }

    @Test func tickGoesOnPastAFailedCaseNamesItAndExitsWithItsCode() throws {
        let cli = try cli()
        try twoOrders(cli)
        let tick = try cli.run("tick --at 2026-06-05T09:00:00+01:00")
        #expect(tick.status == 3)
        #expect(
            tick.stderr.hasSuffix(
                "safeguard: script error: case E1, clock check_in: Plugins/leaky/plugin.lua:8: action boom of record_missed_check: boom for [perpetrator_dob]\n"),
            "\(tick.stderr)")
        #expect(
            tick.stdout == """
                E2  record_missed_check  stays order_in_force  (event 6 at 2026-06-04T11:00:00+01:00 by engine, engine)  [check_in due 2026-06-04T11:00:00+01:00]
                tick at 2026-06-05T09:00:00+01:00: 1 fired, 1 failed

                """)
        #expect(try cli.run("show E1 --json").stdout.contains("\"state\":\"order_in_force\""))

        // Again, as JSON: E2 is already recorded; E1 fails the same way and is listed.
        let again = try cli.run("tick --at 2026-06-05T09:00:00+01:00 --json")
        #expect(again.status == 3)
        #expect(again.stdout.contains("\"failed\":1"), "\(again.stdout)")
        #expect(
            again.stdout.contains(
                "\"failures\":[{\"case\":\"E1\",\"clock\":\"check_in\",\"kind\":\"script error\",\"message\":\"Plugins/leaky/plugin.lua:8: action boom of record_missed_check: boom for [perpetrator_dob]\"}]"
            ))
        #expect(!again.stdout.contains("1988"))
    }
}
