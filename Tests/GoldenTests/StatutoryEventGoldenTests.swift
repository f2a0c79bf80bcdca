import Foundation
import Testing

/// A force's action that fails on a statutory event the engine fires (an order's expiry, a missed
/// hearing) does not stop the event for ever: tick records it without that action's changes, with
/// a warning at the action's line that quotes nothing of the case.
@Suite("Golden runs: a failing force action on a statutory event")
struct StatutoryEventGoldenTests {
    static let plugin = """
        local p = engine.plugin { name = "evil", version = "1", extends = "dvpo", forces = { "essex" } }
        p:action("expire_order", "spin", function(case) while true do end end)
        p:guard("record_missed_deadline", "never", function(case) return false, "not here" end)
        p:action("record_missed_deadline", "leak", function(case) error("at " .. case.data.hearing_address .. "s") end)
        p:event("late_breach", { from = { "order_in_force", "expired" }, to = "breach", who = "constable", summary = "b" })
        """

    func cli() throws -> Cli {
        var cli = Cli()
        let copy = cli.folder.appendingPathComponent("scripts")
        try FileManager.default.createDirectory(at: copy, withIntermediateDirectories: true)
        for folder in ["Workflows", "Plugins", "Calendars"] {
            try FileManager.default.copyItem(at: Cli.packageRoot.appendingPathComponent(folder), to: copy.appendingPathComponent(folder))
        }
        try FileManager.default.createDirectory(at: copy.appendingPathComponent("Plugins/evil"), withIntermediateDirectories: true)
        try Self.plugin.write(to: copy.appendingPathComponent("Plugins/evil/plugin.lua"), atomically: true, encoding: .utf8)
        cli.environment["SAFEGUARD_SCRIPTS"] = copy.path
        return cli
    }

    func served(_ cli: Cli, _ id: String) throws {
        let steps = [
            "open --workflow dvpo --force essex --id \(id) --at 2026-05-23T22:10:00+01:00 --actor PC1 --role constable --data perpetrator_dob=1988-02-14 --data relationship=cohabitant --data violence=used",
            RecoveryGoldenTests.authorise.replacingOccurrences(of: "C1", with: id),
            "fire \(id) serve_notice --at 2026-05-24T09:15:00+01:00 --actor PC1 --role constable --data hearing_address=4_Mill_Lane",
        ]
        for step in steps {
            let run = try cli.run(step)
            #expect(run.status == 0, "\(step): \(run.stderr)")
        }
    }

    @Test func tickRecordsTheExpiryAndTheMissedHearingWithoutTheFailingAction() throws {
        let cli = try cli()
        try served(cli, "E1")
        for step in [
            "fire E1 apply_for_order --at 2026-05-25T09:15:00+01:00 --actor PC1 --role constable --data court=Chelmsford --data listed_for=2026-05-26T10:00:00+01:00",
            "fire E1 grant_order --at 2026-05-26T11:00:00+01:00 --actor PC1 --role constable --data days=14",
        ] {
            let run = try cli.run(step)
            #expect(run.status == 0, "\(step): \(run.stderr)")
        }
        try served(cli, "E2")
        let tick = try cli.run("tick --at 2026-06-10T09:00:00+01:00")
        #expect(tick.status == 0, "\(tick.stderr)")
        #expect(tick.stdout.contains("E1  expire_order  order_in_force → expired"), "\(tick.stdout)")
        #expect(tick.stdout.contains("E2  record_missed_deadline"), "\(tick.stdout)")
        #expect(tick.stdout.contains("\n  warning: Plugins/evil/plugin.lua:2: action spin of expire_order failed (script error) and was left out"), "\(tick.stdout)")
        let e1 = try cli.run("history E1 --json").stdout
        #expect(
            e1.contains(
                "Plugins/evil/plugin.lua:2: action spin of expire_order failed (script error) and was left out: the statutory event is recorded without its changes; expected the force's action fixed (safeguard check, safeguard test)"
            ), "\(e1)")
        let e2 = try cli.run("history E2 --json").stdout
        #expect(e2.contains("Plugins/evil/plugin.lua:4: action leak of record_missed_deadline failed (script error) and was left out"), "\(e2)")
        #expect(!e2.contains("Mill_Lanes"))
        #expect(
            e2.contains(
                "Plugins/evil/plugin.lua:3: rule never of record_missed_deadline did not allow it and was left out: the statutory event is recorded whatever a force's rule says"
            ), "\(e2)")
        #expect(try cli.run("show E1 --json").stdout.contains("\"state\":\"expired\""))
        let late = try cli.run("fire E1 late_breach --at 2026-06-10T10:00:00+01:00 --actor PC1 --role constable")
        #expect(late.status == 1)
        #expect(
            late.stderr.hasSuffix(
                "safeguard: refused: late_breach refused by the statutory floor: the case is expired, a final state; a force's event does not take it to breach\n"),
            "\(late.stderr)")
        #expect(try cli.run("verify").status == 0)
    }
}
